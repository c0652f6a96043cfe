"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ImportPanel, ImportRows, Pager } from "@/components/admin/import-panel";
import { useTRPC } from "@/components/trpc-provider";
import type { Role, SignOffStep } from "@/server/db/generated/enums";
import { ROLE_LABEL, SIGN_OFF_STEP_LABEL } from "@/server/domain/labels";
import { formatThaiDateTime, personName } from "@/server/domain/thai-format";

const input = "mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5";
const button = "rounded-md bg-teal-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-teal-800 disabled:opacity-60";
const small = "rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100";

const ROLES = Object.keys(ROLE_LABEL) as Role[];
const STEPS = Object.keys(SIGN_OFF_STEP_LABEL) as SignOffStep[];
type Grant = { role: Role; organizationId?: string; districtId?: string; provinceId?: string; signOffStep?: SignOffStep };

/** The node kind each role is granted at. */
const scopeKind = (role: Role) =>
  role === "ORG_EDITOR" || role === "ORG_SIGNER" ? "organization" : role === "DISTRICT_REVIEWER" ? "district" : role === "ADMIN" ? "national" : "province";

type PasswordLink = { token: string; expiresAt: Date };

/** A set-password link, shown once, to copy and hand over (never e-mailed by the system). */
export function PasswordLinkNotice({ username, link }: { username: string; link: PasswordLink }) {
  const url = `${typeof window === "undefined" ? "" : window.location.origin}/set-password#${link.token}`;
  return (
    <div className="mt-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="password-link">
      <p className="font-semibold">
        ลิงก์ตั้งรหัสผ่านของ {username} (แสดงครั้งเดียว ใช้ได้ครั้งเดียว หมดอายุ {formatThaiDateTime(link.expiresAt)})
      </p>
      <div className="mt-1 flex gap-2">
        <input readOnly value={url} className="w-full rounded border border-slate-300 px-2 py-1 font-mono text-xs" data-testid="password-link-url" onFocus={(event) => event.target.select()} />
        <button type="button" className={small} onClick={() => navigator.clipboard?.writeText(url)}>
          คัดลอก
        </button>
      </div>
      <p className="mt-1 text-xs text-slate-600">ส่งให้เจ้าของบัญชีด้วยตนเองหรือช่องทางที่ปลอดภัย ระบบไม่เก็บลิงก์นี้ไว้</p>
    </div>
  );
}

export function AccountAdmin() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const importAccounts = useMutation(trpc.admin.importAccounts.mutationOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.users.queryKey() });
  return (
    <>
      <CreateUserForm onCreated={refresh} />
      <ImportPanel
        testId="account-import"
        title="นำเข้าบัญชีเจ้าหน้าที่ อปท."
        hint={
          <>
            หนึ่งแถวต่อหนึ่งบทบาท: <b>ชื่อผู้ใช้, คำนำหน้า, ชื่อ-นามสกุล, ตำแหน่ง, รหัส อปท., บทบาท</b> (ผู้จัดทำ หัวหน้าสำนักปลัด ปลัด นายก),
            ปฏิบัติหน้าที่ (ถ้ามี) · ไม่มีรหัสผ่านในไฟล์: บัญชีใหม่ได้ลิงก์ตั้งรหัสผ่านหลังยืนยัน
          </>
        }
        run={async (file) => {
          const outcome = await importAccounts.mutateAsync(file);
          if (outcome.applied) await refresh();
          return outcome;
        }}
        details={(outcome) => (
          <>
            <ImportRows title="บัญชีใหม่" rows={outcome.newRows} render={(row) => `${row.username} ${row.displayName}: ${row.newRoles.join(", ")}`} />
            <ImportRows
              title="เปลี่ยนแปลง"
              rows={outcome.changedRows}
              render={(row) => `${row.username}: ${[...row.changedFields.map((field) => `แก้${field}`), ...row.newRoles.map((role) => `เพิ่ม ${role}`)].join(", ")}`}
            />
            <ImportRows title="ไม่เปลี่ยนแปลง" rows={outcome.unchangedRows} render={(row) => `${row.username} ${row.displayName}`} />
            {outcome.passwordLinks.length > 0 && (
              <div className="mt-2" data-testid="imported-password-links">
                <p className="text-sm font-semibold">ลิงก์ตั้งรหัสผ่านของบัญชีใหม่ (แสดงครั้งเดียว)</p>
                {outcome.passwordLinks.map((link) => (
                  <PasswordLinkNotice key={link.username} username={link.username} link={link} />
                ))}
              </div>
            )}
          </>
        )}
      />
      <UserList />
    </>
  );
}

function UserList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState("");
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const [links, setLinks] = useState<Record<string, PasswordLink>>({});
  const users = useQuery(trpc.admin.users.queryOptions({ search, page, pageSize: 25 }, { placeholderData: (previous) => previous }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.users.queryKey() });
  const setDisabled = useMutation(trpc.admin.setUserDisabled.mutationOptions({ onSuccess: refresh }));
  const reset = useMutation(
    trpc.admin.resetPassword.mutationOptions({
      onSuccess: async (result, variables) => {
        setLinks((known) => ({ ...known, [variables.userId]: result.passwordLink }));
        await refresh();
      },
    }),
  );
  const revoke = useMutation(trpc.admin.revokeRole.mutationOptions({ onSuccess: refresh }));
  const error = setDisabled.error ?? reset.error ?? revoke.error;

  return (
    <section>
      <h2 className="mb-2 text-lg font-semibold">บัญชีผู้ใช้</h2>
      <label className="mb-2 block max-w-sm text-sm">
        ค้นหาชื่อผู้ใช้ ชื่อ หรือตำแหน่ง
        <input className={input} value={search} data-testid="user-search" onChange={(event) => (setSearch(event.target.value), setPage(1))} />
      </label>
      {error && <p className="mb-2 text-sm text-red-700">{error.message}</p>}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full min-w-[40rem] text-sm" data-testid="admin-users">
          <thead className="bg-slate-100 text-left">
            <tr>
              <th className="px-3 py-2">ชื่อผู้ใช้</th>
              <th className="px-3 py-2">ชื่อ / ตำแหน่ง</th>
              <th className="px-3 py-2">บทบาท</th>
              <th className="px-3 py-2">สถานะ</th>
            </tr>
          </thead>
          <tbody>
            {users.data?.rows.map((user) => (
              <tr key={user.id} className="border-t border-slate-100 align-top">
                <td className="px-3 py-2 font-mono">{user.username}</td>
                <td className="px-3 py-2">
                  {personName(user.titlePrefix, user.displayName)}
                  <div className="text-xs text-slate-500">{user.position}</div>
                  {user.email && <div className="text-xs text-slate-500">{user.email}</div>}
                  <button type="button" className={`${small} mt-1`} onClick={() => setOpen(open === user.id ? null : user.id)}>
                    แก้ไข / เพิ่มบทบาท
                  </button>
                  {open === user.id && <UserEditor user={user} onDone={() => (setOpen(null), void refresh())} />}
                  {links[user.id] && <PasswordLinkNotice username={user.username} link={links[user.id]!} />}
                </td>
                <td className="px-3 py-2">
                  {user.roles.map((grant) => (
                    <div key={grant.id}>
                      {ROLE_LABEL[grant.role]}
                      {grant.signOffStep && ` (${SIGN_OFF_STEP_LABEL[grant.signOffStep]})`}
                      {" · "}
                      {grant.organization?.nameTh ??
                        (grant.district && `อำเภอ${grant.district.nameTh}`) ??
                        (grant.province && `จังหวัด${grant.province.nameTh}`) ??
                        "ทั้งประเทศ"}{" "}
                      <button type="button" className="text-red-700 hover:underline" title="ถอนบทบาท" onClick={() => revoke.mutate({ roleAssignmentId: grant.id })}>
                        ถอน
                      </button>
                    </div>
                  ))}
                </td>
                <td className="space-y-1 px-3 py-2">
                  <div>{user.disabled ? "ระงับอยู่" : user.awaitingPassword ? "รอตั้งรหัสผ่าน" : "ใช้งานอยู่"}</div>
                  <button type="button" className={small} onClick={() => setDisabled.mutate({ userId: user.id, disabled: !user.disabled })}>
                    {user.disabled ? "เปิดใช้" : "ระงับ"}
                  </button>{" "}
                  {!user.disabled && (
                    <button type="button" className={small} onClick={() => reset.mutate({ userId: user.id })}>
                      ออกลิงก์ตั้งรหัสผ่านใหม่
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {users.data && <Pager page={users.data.page} pageSize={users.data.pageSize} total={users.data.total} onPage={setPage} />}
    </section>
  );
}

function UserEditor({
  user,
  onDone,
}: {
  user: { id: string; displayName: string; titlePrefix: string | null; position: string | null; email: string | null };
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const update = useMutation(trpc.admin.updateUser.mutationOptions({ onSuccess: onDone }));
  const grant = useMutation(trpc.admin.grantRole.mutationOptions({ onSuccess: onDone }));
  const [role, setRole] = useState<Role>("ORG_EDITOR");
  const [scope, setScope] = useState<Partial<Grant>>({});
  const error = update.error ?? grant.error;
  return (
    <div className="mt-2 space-y-3 rounded border border-slate-200 bg-slate-50 p-3">
      <form
        className="grid gap-2 sm:grid-cols-3"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          update.mutate({
            userId: user.id,
            displayName: String(form.get("displayName")),
            titlePrefix: String(form.get("titlePrefix")),
            position: String(form.get("position")),
            email: String(form.get("email")),
          });
        }}
      >
        <label>
          คำนำหน้า/ยศ
          <input name="titlePrefix" defaultValue={user.titlePrefix ?? ""} className={input} />
        </label>
        <label>
          ชื่อ-นามสกุล
          <input name="displayName" defaultValue={user.displayName} className={input} />
        </label>
        <label>
          ตำแหน่ง
          <input name="position" defaultValue={user.position ?? ""} className={input} />
        </label>
        <label>
          อีเมล
          <input name="email" type="email" defaultValue={user.email ?? ""} className={input} />
        </label>
        <div>
          <button type="submit" className={button}>
            บันทึก
          </button>
        </div>
      </form>
      <div className="border-t border-slate-200 pt-2">
        <RoleScopePicker role={role} onRole={setRole} scope={scope} onScope={setScope} />
        <button type="button" className={`${button} mt-2`} onClick={() => grant.mutate({ userId: user.id, grant: { ...scope, role } as never })}>
          เพิ่มบทบาท
        </button>
      </div>
      {error && <p className="text-sm text-red-700">{error.message}</p>}
    </div>
  );
}

/** A role and the node it is granted at; organisations are searched on the server, never listed whole. */
function RoleScopePicker({ role, onRole, scope, onScope }: { role: Role; onRole: (role: Role) => void; scope: Partial<Grant>; onScope: (scope: Partial<Grant>) => void }) {
  const trpc = useTRPC();
  const kind = scopeKind(role);
  const areas = useQuery(trpc.registry.areas.queryOptions());
  const [search, setSearch] = useState("");
  const [organizationName, setOrganizationName] = useState("");
  const found = useQuery(trpc.registry.organizations.queryOptions({ search, pageSize: 8 }, { enabled: kind === "organization" && search.trim().length > 0 }));
  const provinceId = scope.provinceId ?? "";
  return (
    <div className="grid gap-2 text-sm sm:grid-cols-3">
      <label>
        บทบาท
        <select name="role" className={input} value={role} onChange={(event) => (onRole(event.target.value as Role), onScope({}))}>
          {ROLES.map((each) => (
            <option key={each} value={each}>
              {ROLE_LABEL[each]}
            </option>
          ))}
        </select>
      </label>
      {kind === "organization" && (
        <div className="sm:col-span-2">
          <label className="block">
            อปท. {organizationName && <b data-testid="picked-organization">: {organizationName}</b>}
            <input className={input} placeholder="พิมพ์ชื่อหรือรหัส อปท. เพื่อค้นหา" value={search} onChange={(event) => setSearch(event.target.value)} data-testid="organization-picker" />
          </label>
          {search.trim() && (
            <ul className="mt-1 max-h-48 overflow-y-auto rounded border border-slate-200 bg-white">
              {found.data?.rows.map((organization) => (
                <li key={organization.id}>
                  <button
                    type="button"
                    className="w-full px-2 py-1 text-left hover:bg-teal-50"
                    onClick={() => {
                      onScope({ ...scope, organizationId: organization.id });
                      setOrganizationName(organization.nameTh);
                      setSearch("");
                    }}
                  >
                    {organization.nameTh} <span className="text-slate-500">(อ.{organization.district.nameTh} จ.{organization.district.province.nameTh})</span>
                  </button>
                </li>
              ))}
              {found.data?.rows.length === 0 && <li className="px-2 py-1 text-slate-500">ไม่พบ</li>}
            </ul>
          )}
        </div>
      )}
      {(kind === "province" || kind === "district") && (
        <label>
          จังหวัด
          <select className={input} value={provinceId} onChange={(event) => onScope({ provinceId: event.target.value })} data-testid="province-picker">
            <option value="">เลือกจังหวัด</option>
            {areas.data?.map((province) => (
              <option key={province.id} value={province.id}>
                {province.nameTh}
              </option>
            ))}
          </select>
        </label>
      )}
      {kind === "district" && (
        <label>
          อำเภอ
          <select className={input} value={scope.districtId ?? ""} onChange={(event) => onScope({ districtId: event.target.value, provinceId })}>
            <option value="">เลือกอำเภอ</option>
            {areas.data
              ?.find((province) => province.id === provinceId)
              ?.districts.map((district) => (
                <option key={district.id} value={district.id}>
                  {district.nameTh}
                </option>
              ))}
          </select>
        </label>
      )}
      {role === "ORG_SIGNER" && (
        <>
          <label>
            ขั้นการลงนาม
            <select className={input} value={scope.signOffStep ?? ""} onChange={(event) => onScope({ ...scope, signOffStep: event.target.value as SignOffStep })}>
              <option value="">เลือกขั้น</option>
              {STEPS.map((step) => (
                <option key={step} value={step}>
                  {SIGN_OFF_STEP_LABEL[step]}
                </option>
              ))}
            </select>
          </label>
          <p className="text-xs text-slate-600 sm:col-span-2">การปฏิบัติหน้าที่แทนในขั้นอื่น มอบเป็นช่วงวันที่ที่หน้าบุคลากรขององค์กร</p>
        </>
      )}
    </div>
  );
}

function CreateUserForm({ onCreated }: { onCreated: () => Promise<void> }) {
  const trpc = useTRPC();
  const [role, setRole] = useState<Role>("ORG_EDITOR");
  const [scope, setScope] = useState<Partial<Grant>>({});
  const create = useMutation(trpc.admin.createUser.mutationOptions({ onSuccess: onCreated }));
  const fieldErrors = create.error?.data?.fieldErrors ?? {};
  const fieldError = (name: string) => fieldErrors[name]?.[0] && <span className="text-xs text-red-700">{fieldErrors[name]?.[0]}</span>;

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    create.mutate(
      {
        username: text("username"),
        displayName: text("displayName"),
        titlePrefix: text("titlePrefix"),
        position: text("position"),
        email: text("email"),
        roles: [{ ...scope, role } as never],
      },
      { onSuccess: () => (event.target as HTMLFormElement).reset() },
    );
  }

  return (
    <form onSubmit={submit} className="mb-6 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3" data-testid="create-user">
      <h2 className="text-lg font-semibold sm:col-span-3">สร้างบัญชีใหม่</h2>
      <label className="text-sm">
        ชื่อผู้ใช้ {fieldError("username")}
        <input name="username" className={input} autoComplete="off" />
      </label>
      <label className="text-sm">
        คำนำหน้า/ยศ {fieldError("titlePrefix")}
        <input name="titlePrefix" className={input} />
      </label>
      <label className="text-sm">
        ชื่อ-นามสกุล {fieldError("displayName")}
        <input name="displayName" className={input} />
      </label>
      <label className="text-sm">
        ตำแหน่ง {fieldError("position")}
        <input name="position" className={input} />
      </label>
      <label className="text-sm">
        อีเมล {fieldError("email")}
        <input name="email" type="email" className={input} />
      </label>
      <div className="sm:col-span-3">
        <RoleScopePicker role={role} onRole={setRole} scope={scope} onScope={setScope} />
      </div>
      <div className="sm:col-span-3">
        <button type="submit" disabled={create.isPending} className={button}>
          สร้างบัญชีและออกลิงก์ตั้งรหัสผ่าน
        </button>
        {create.error && !Object.keys(fieldErrors).length && <p className="mt-1 text-sm text-red-700">{create.error.message}</p>}
        {create.data?.passwordLink && <PasswordLinkNotice username={create.data.username} link={create.data.passwordLink} />}
      </div>
    </form>
  );
}
