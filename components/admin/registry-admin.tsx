"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ImportPanel, ImportRows, Pager } from "@/components/admin/import-panel";
import { useTRPC } from "@/components/trpc-provider";
import { ThaiDateField } from "@/components/ui/thai-date-field";
import type { OrganizationType } from "@/server/db/generated/enums";
import { ORGANIZATION_TYPE_LABEL } from "@/server/domain/labels";

const input = "mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5";
const button = "rounded-md bg-teal-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-teal-800 disabled:opacity-60";
const TYPES = Object.keys(ORGANIZATION_TYPE_LABEL) as OrganizationType[];

/** The registry page: import, the searchable organisation list, and hand edits. */
export function RegistryAdmin() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const importRegistry = useMutation(trpc.registry.import.mutationOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.registry.pathKey() });
  return (
    <>
      <ImportPanel
        testId="registry-import"
        title="นำเข้าทะเบียน อปท."
        hint={
          <>
            ไฟล์ CSV (UTF-8) หรือ Excel มีคอลัมน์ <b>รหัส อปท., ชื่อ อปท., ประเภท, อำเภอ, จังหวัด</b> (หรือหัวคอลัมน์ภาษาอังกฤษ code, name,
            type, district, province) ระบบตรวจให้ดูก่อน ยังไม่บันทึกจนกว่าจะกดยืนยัน
          </>
        }
        run={async (file) => {
          const outcome = await importRegistry.mutateAsync(file);
          if (outcome.applied) await refresh();
          return outcome;
        }}
        details={(outcome) => (
          <>
            {(outcome.newProvinces.length > 0 || outcome.newDistricts.length > 0) && (
              <p className="mt-1 text-sm" data-testid="registry-import-new-areas">
                จะสร้างพร้อมกัน: {outcome.newProvinces.map((province) => `จังหวัด${province.nameTh}`).join(", ")}
                {outcome.newProvinces.length > 0 && outcome.newDistricts.length > 0 && " · "}
                {outcome.newDistricts.map((district) => `อำเภอ${district.nameTh}`).join(", ")}
              </p>
            )}
            <ImportRows title="อปท. ใหม่" rows={outcome.newRows} render={(row) => `แถว ${row.line}: ${row.dlaCode} ${row.nameTh} (${ORGANIZATION_TYPE_LABEL[row.type].short} อ.${row.district})`} />
            <ImportRows
              title="เปลี่ยนแปลง"
              rows={outcome.changedRows}
              render={(row) => `แถว ${row.line}: ${row.dlaCode} ${row.nameTh} — ${row.changes.map((change) => `${change.field}: ${change.from} → ${change.to}`).join("; ")}`}
            />
            <ImportRows title="ไม่เปลี่ยนแปลง" rows={outcome.unchangedRows} render={(row) => `แถว ${row.line}: ${row.dlaCode} ${row.nameTh}`} />
          </>
        )}
      />
      <OrganizationList />
      <AreaForms onChanged={refresh} />
    </>
  );
}

function OrganizationList() {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const [provinceId, setProvinceId] = useState("");
  const [includeInactive, setIncludeInactive] = useState(false);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<string | null>(null);
  const areas = useQuery(trpc.registry.areas.queryOptions());
  const list = useQuery(
    trpc.registry.organizations.queryOptions({ search, provinceId: provinceId || undefined, includeInactive, page, pageSize: 25 }, { placeholderData: (previous) => previous }),
  );
  return (
    <section className="mb-8">
      <h2 className="mb-2 text-lg font-semibold">รายชื่อ อปท.</h2>
      <div className="mb-2 flex flex-wrap items-end gap-3 text-sm">
        <label>
          ค้นหาชื่อหรือรหัส
          <input
            className={input}
            value={search}
            data-testid="organization-search"
            onChange={(event) => {
              setSearch(event.target.value);
              setPage(1);
            }}
          />
        </label>
        <label>
          จังหวัด
          <select className={input} value={provinceId} onChange={(event) => (setProvinceId(event.target.value), setPage(1))}>
            <option value="">ทุกจังหวัดที่ดูแล</option>
            {areas.data?.map((province) => (
              <option key={province.id} value={province.id}>
                {province.nameTh}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={includeInactive} onChange={(event) => setIncludeInactive(event.target.checked)} /> รวมที่เลิกใช้งาน
        </label>
      </div>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full min-w-[40rem] text-sm" data-testid="organization-list">
          <thead className="bg-slate-100 text-left">
            <tr>
              <th className="px-3 py-2">รหัส อปท.</th>
              <th className="px-3 py-2">ชื่อ</th>
              <th className="px-3 py-2">อำเภอ / จังหวัด</th>
              <th className="px-3 py-2">สถานะ</th>
              <th className="px-3 py-2"></th>
            </tr>
          </thead>
          <tbody>
            {list.data?.rows.map((organization) => (
              <tr key={organization.id} className="border-t border-slate-100 align-top">
                <td className="px-3 py-2 font-mono">{organization.dlaCode}</td>
                <td className="px-3 py-2">
                  {organization.nameTh}
                  {editing === organization.id && <OrganizationEditor organization={organization} onDone={() => setEditing(null)} />}
                </td>
                <td className="px-3 py-2">
                  {organization.district.nameTh} / {organization.district.province.nameTh}
                </td>
                <td className="px-3 py-2">
                  {organization.active
                    ? "ใช้งาน"
                    : organization.endReason === "MERGED"
                      ? `ควบรวมกับ ${organization.mergedInto?.nameTh ?? ""}`
                      : "ยุบเลิก"}
                </td>
                <td className="px-3 py-2">
                  {organization.active && (
                    <button type="button" className="text-teal-800 hover:underline" onClick={() => setEditing(editing === organization.id ? null : organization.id)}>
                      แก้ไข
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.data && <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={setPage} />}
    </section>
  );
}

type ListedOrganization = { id: string; nameTh: string; type: OrganizationType; district: { id: string; province: { id: string } } };

/** Rename, retype (from a date: one series), move, or deactivate one organisation. */
function OrganizationEditor({ organization, onDone }: { organization: ListedOrganization; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const areas = useQuery(trpc.registry.areas.queryOptions());
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.registry.pathKey() });
    onDone();
  };
  const update = useMutation(trpc.registry.updateOrganization.mutationOptions({ onSuccess: done }));
  const deactivate = useMutation(trpc.registry.deactivateOrganization.mutationOptions({ onSuccess: done }));
  const [reason, setReason] = useState<"DISSOLVED" | "MERGED">("DISSOLVED");
  const districts = areas.data?.find((province) => province.id === organization.district.province.id)?.districts ?? [];
  const error = update.error ?? deactivate.error;

  function save(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    update.mutate({
      organizationId: organization.id,
      nameTh: String(form.get("nameTh")),
      type: String(form.get("type")) as OrganizationType,
      districtId: String(form.get("districtId")),
      effectiveFrom: String(form.get("effectiveFrom")) || undefined,
    });
  }

  function end(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const endedAt = String(form.get("endedAt"));
    deactivate.mutate(
      reason === "MERGED"
        ? { organizationId: organization.id, reason, endedAt, mergedIntoDlaCode: String(form.get("mergedIntoDlaCode")) }
        : { organizationId: organization.id, reason, endedAt },
    );
  }

  return (
    <div className="mt-2 space-y-3 rounded border border-slate-200 bg-slate-50 p-3">
      <form onSubmit={save} className="grid gap-2 sm:grid-cols-2">
        <label className="sm:col-span-2">
          ชื่อ
          <input name="nameTh" defaultValue={organization.nameTh} className={input} />
        </label>
        <label>
          ประเภท
          <select name="type" defaultValue={organization.type} className={input}>
            {TYPES.map((type) => (
              <option key={type} value={type}>
                {ORGANIZATION_TYPE_LABEL[type].full}
              </option>
            ))}
          </select>
        </label>
        <ThaiDateField label="ประเภทใหม่มีผลตั้งแต่ (ถ้าเปลี่ยนประเภท)" name="effectiveFrom" labelClassName="" />
        <label>
          อำเภอ
          <select name="districtId" defaultValue={organization.district.id} className={input}>
            {districts.map((district) => (
              <option key={district.id} value={district.id}>
                {district.nameTh}
              </option>
            ))}
          </select>
        </label>
        <div className="flex items-end">
          <button type="submit" className={button} disabled={update.isPending}>
            บันทึก
          </button>
        </div>
      </form>
      <form onSubmit={end} className="grid gap-2 border-t border-slate-200 pt-2 sm:grid-cols-3">
        <label>
          เลิกใช้งานเพราะ
          <select className={input} value={reason} onChange={(event) => setReason(event.target.value as "DISSOLVED" | "MERGED")}>
            <option value="DISSOLVED">ยุบเลิก</option>
            <option value="MERGED">ควบรวมกับ อปท. อื่น</option>
          </select>
        </label>
        {reason === "MERGED" && (
          <label>
            รหัส อปท. ที่รับควบรวม
            <input name="mergedIntoDlaCode" className={input} />
          </label>
        )}
        <ThaiDateField label="ตั้งแต่วันที่" name="endedAt" labelClassName="" />
        <div className="flex items-end">
          <button type="submit" className="rounded-md border border-red-300 px-3 py-1.5 text-sm text-red-800 hover:bg-red-50" disabled={deactivate.isPending}>
            เลิกใช้งาน (เก็บประวัติไว้)
          </button>
        </div>
      </form>
      {error && <p className="text-sm text-red-700">{error.message}</p>}
    </div>
  );
}

/** Adding a province (the country's administrator), a district, or one organisation by hand. */
function AreaForms({ onChanged }: { onChanged: () => Promise<void> }) {
  const trpc = useTRPC();
  const areas = useQuery(trpc.registry.areas.queryOptions());
  const [provinceId, setProvinceId] = useState("");
  const createProvince = useMutation(trpc.registry.createProvince.mutationOptions({ onSuccess: onChanged }));
  const createDistrict = useMutation(trpc.registry.createDistrict.mutationOptions({ onSuccess: onChanged }));
  const createOrganization = useMutation(trpc.registry.createOrganization.mutationOptions({ onSuccess: onChanged }));
  const chosenProvince = provinceId || areas.data?.[0]?.id || "";
  const districts = areas.data?.find((province) => province.id === chosenProvince)?.districts ?? [];
  const text = (form: FormData, name: string) => String(form.get(name) ?? "");
  const submit = (handler: (form: FormData) => void) => (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    handler(new FormData(event.currentTarget));
  };
  const message = (mutation: { error: { message: string } | null; isSuccess: boolean }, done: string) =>
    mutation.error ? <p className="text-sm text-red-700">{mutation.error.message}</p> : mutation.isSuccess ? <p className="text-sm text-emerald-700">{done}</p> : null;

  return (
    <section className="grid gap-4 lg:grid-cols-3">
      <form onSubmit={submit((form) => createProvince.mutate({ code: text(form, "code"), nameTh: text(form, "nameTh"), abbreviation: text(form, "abbreviation") }))} className="rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="create-province">
        <h3 className="mb-2 font-semibold">เพิ่มจังหวัด</h3>
        <label className="block">
          รหัสจังหวัด (มหาดไทย)
          <input name="code" className={input} />
        </label>
        <label className="block">
          ชื่อจังหวัด
          <input name="nameTh" className={input} />
        </label>
        <label className="block">
          อักษรย่อในเลขที่หนังสือ (เช่น สส)
          <input name="abbreviation" className={input} />
        </label>
        <button type="submit" className={`${button} mt-2`}>
          เพิ่มจังหวัด
        </button>
        {message(createProvince, "เพิ่มจังหวัดแล้ว")}
      </form>
      <form onSubmit={submit((form) => createDistrict.mutate({ provinceId: chosenProvince, code: text(form, "code"), nameTh: text(form, "nameTh") }))} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <h3 className="mb-2 font-semibold">เพิ่มอำเภอ</h3>
        <ProvinceSelect value={chosenProvince} onChange={setProvinceId} provinces={areas.data ?? []} />
        <label className="block">
          รหัสอำเภอ
          <input name="code" className={input} />
        </label>
        <label className="block">
          ชื่ออำเภอ
          <input name="nameTh" className={input} />
        </label>
        <button type="submit" className={`${button} mt-2`}>
          เพิ่มอำเภอ
        </button>
        {message(createDistrict, "เพิ่มอำเภอแล้ว")}
      </form>
      <form
        onSubmit={submit((form) =>
          createOrganization.mutate({ dlaCode: text(form, "dlaCode"), nameTh: text(form, "nameTh"), type: text(form, "type") as OrganizationType, districtId: text(form, "districtId") }),
        )}
        className="rounded-lg border border-slate-200 bg-white p-4 text-sm"
      >
        <h3 className="mb-2 font-semibold">เพิ่ม อปท.</h3>
        <ProvinceSelect value={chosenProvince} onChange={setProvinceId} provinces={areas.data ?? []} />
        <label className="block">
          อำเภอ
          <select name="districtId" className={input}>
            {districts.map((district) => (
              <option key={district.id} value={district.id}>
                {district.nameTh}
              </option>
            ))}
          </select>
        </label>
        <label className="block">
          รหัส อปท. (8 หลัก)
          <input name="dlaCode" className={input} />
        </label>
        <label className="block">
          ชื่อเต็ม
          <input name="nameTh" className={input} />
        </label>
        <label className="block">
          ประเภท
          <select name="type" className={input} defaultValue="SAO">
            {TYPES.map((type) => (
              <option key={type} value={type}>
                {ORGANIZATION_TYPE_LABEL[type].full}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={`${button} mt-2`}>
          เพิ่ม อปท.
        </button>
        {message(createOrganization, "เพิ่ม อปท. แล้ว")}
      </form>
    </section>
  );
}

function ProvinceSelect({ value, onChange, provinces }: { value: string; onChange: (id: string) => void; provinces: { id: string; nameTh: string }[] }) {
  return (
    <label className="block">
      จังหวัด
      <select className={input} value={value} onChange={(event) => onChange(event.target.value)}>
        {provinces.map((province) => (
          <option key={province.id} value={province.id}>
            {province.nameTh}
          </option>
        ))}
      </select>
    </label>
  );
}
