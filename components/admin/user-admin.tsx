"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc-provider";
import { ROLE_LABEL, SIGN_OFF_STEP_LABEL } from "@/server/domain/labels";
import { personName } from "@/server/domain/thai-format";
import type { Role, SignOffStep } from "@/server/db/generated/enums";

const input = "mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5";

/** Accounts: the list with their roles, enabling and disabling, and a form to create one. */
export function UserAdmin() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const users = useQuery(trpc.admin.users.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.users.queryKey() });
  const setDisabled = useMutation(trpc.admin.setUserDisabled.mutationOptions({ onSuccess: refresh }));

  return (
    <section>
      <h2 className="mb-2 text-lg font-semibold">บัญชีผู้ใช้</h2>
      <CreateUserForm onCreated={refresh} />
      {setDisabled.error && <p className="mb-2 text-sm text-red-700">{setDisabled.error.message}</p>}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm" data-testid="admin-users">
          <thead className="bg-slate-100 text-left">
            <tr>
              <th className="px-3 py-2">ชื่อผู้ใช้</th>
              <th className="px-3 py-2">ชื่อ / ตำแหน่ง</th>
              <th className="px-3 py-2">บทบาท</th>
              <th className="px-3 py-2">สถานะ</th>
            </tr>
          </thead>
          <tbody>
            {users.data?.map((user) => (
              <tr key={user.id} className="border-t border-slate-100 align-top">
                <td className="px-3 py-2 font-mono">{user.username}</td>
                <td className="px-3 py-2">
                  {personName(user.titlePrefix, user.displayName)}
                  <div className="text-xs text-slate-500">{user.position}</div>
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
                        "ทั้งประเทศ"}
                    </div>
                  ))}
                </td>
                <td className="px-3 py-2">
                  <button
                    type="button"
                    className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100"
                    onClick={() => setDisabled.mutate({ userId: user.id, disabled: !user.disabled })}
                  >
                    {user.disabled ? "ระงับอยู่ · เปิดใช้" : "ใช้งานอยู่ · ระงับ"}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const ROLES: Role[] = ["ORG_EDITOR", "ORG_SIGNER", "DISTRICT_REVIEWER", "PROVINCE_REVIEWER", "ADMIN"];
const STEPS: SignOffStep[] = ["HEAD_OF_OFFICE", "CHIEF_ADMINISTRATOR", "EXECUTIVE"];

function CreateUserForm({ onCreated }: { onCreated: () => void }) {
  const trpc = useTRPC();
  const options = useQuery(trpc.admin.scopeOptions.queryOptions());
  const [role, setRole] = useState<Role>("ORG_EDITOR");
  const create = useMutation(trpc.admin.createUser.mutationOptions({ onSuccess: onCreated }));
  const fieldErrors = create.error?.data?.fieldErrors ?? {};
  const fieldError = (name: string) =>
    fieldErrors[name]?.[0] && <span className="text-xs text-red-700">{fieldErrors[name]?.[0]}</span>;

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const scope = text("scope");
    const grant =
      role === "ADMIN"
        ? { role }
        : role === "DISTRICT_REVIEWER"
          ? { role, districtId: scope }
          : role === "PROVINCE_REVIEWER"
            ? { role, provinceId: scope }
            : role === "ORG_SIGNER"
              ? {
                  role,
                  organizationId: scope,
                  signOffStep: text("signOffStep") as SignOffStep,
                  actingPosition: text("actingPosition"),
                }
              : { role, organizationId: scope };
    create.mutate(
      {
        username: text("username"),
        password: text("password"),
        displayName: text("displayName"),
        titlePrefix: text("titlePrefix"),
        position: text("position"),
        roles: [grant],
      },
      { onSuccess: () => (event.target as HTMLFormElement).reset() },
    );
  }

  const scopeChoices =
    role === "DISTRICT_REVIEWER"
      ? options.data?.districts.map((d) => ({ id: d.id, label: `อำเภอ${d.nameTh} จ.${d.province.nameTh}` }))
      : role === "PROVINCE_REVIEWER"
        ? options.data?.provinces.map((p) => ({ id: p.id, label: `จังหวัด${p.nameTh}` }))
        : options.data?.organizations.map((o) => ({ id: o.id, label: `${o.nameTh} (อ.${o.district.nameTh})` }));

  return (
    <form onSubmit={submit} className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3">
      <h3 className="font-semibold sm:col-span-3">สร้างบัญชีใหม่</h3>
      <label className="text-sm">
        ชื่อผู้ใช้ {fieldError("username")}
        <input name="username" className={input} autoComplete="off" />
      </label>
      <label className="text-sm">
        รหัสผ่านเริ่มต้น (อย่างน้อย 10 ตัว) {fieldError("password")}
        <input name="password" type="password" className={input} autoComplete="new-password" />
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
        บทบาท
        <select name="role" className={input} value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABEL[r]}
            </option>
          ))}
        </select>
      </label>
      {role !== "ADMIN" && (
        <label className="text-sm sm:col-span-2">
          หน่วยงาน/พื้นที่
          <select name="scope" className={input}>
            {scopeChoices?.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.label}
              </option>
            ))}
          </select>
        </label>
      )}
      {role === "ORG_SIGNER" && (
        <>
          <label className="text-sm">
            ขั้นการลงนาม
            <select name="signOffStep" className={input}>
              {STEPS.map((step) => (
                <option key={step} value={step}>
                  {SIGN_OFF_STEP_LABEL[step]}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm sm:col-span-2">
            ปฏิบัติหน้าที่แทน (ถ้ามี)
            <input name="actingPosition" className={input} placeholder="เช่น ปฏิบัติหน้าที่นายกองค์การบริหารส่วนตำบล…" />
          </label>
        </>
      )}
      <div className="flex items-center gap-3 sm:col-span-3">
        <button
          type="submit"
          disabled={create.isPending}
          className="rounded-md bg-teal-700 px-4 py-1.5 font-semibold text-white hover:bg-teal-800 disabled:opacity-60"
        >
          สร้างบัญชี
        </button>
        {create.error && !Object.keys(fieldErrors).length && (
          <span className="text-sm text-red-700">{create.error.message}</span>
        )}
        {create.isSuccess && <span className="text-sm text-emerald-700">สร้างบัญชี {create.data.username} แล้ว</span>}
      </div>
    </form>
  );
}
