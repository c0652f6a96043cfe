"use client";

import { usePathname, useRouter } from "next/navigation";
import { useTransition } from "react";
import type { OrganizationType } from "@/server/db/generated/enums";
import { filtersToParams, type OverviewFilters } from "./overview-filters";
import { ORGANIZATION_TYPE_LABEL } from "@/server/domain/labels";

const selectClass = "mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1";

/** The overview's filters; each change rewrites the URL, so a view can be shared as a link. */
export function FilterBar({
  filters,
  years,
  districts,
}: {
  filters: OverviewFilters;
  years: number[];
  districts: { id: string; nameTh: string }[];
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();

  const update = (name: string, value: string | null) => {
    const params = new URLSearchParams(filtersToParams(filters));
    if (value === null || value === "") params.delete(name);
    else params.set(name, value);
    const query = params.toString();
    startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  };

  return (
    <form
      className="mb-6 grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-2 lg:grid-cols-4"
      aria-label="ตัวกรอง"
      aria-busy={pending}
      onSubmit={(event) => event.preventDefault()}
    >
      <div>
        <label htmlFor="overview-year">ปีงบประมาณ</label>
        <select id="overview-year" className={selectClass} value={filters.yearBe} onChange={(event) => update("year", event.target.value)}>
          {years.map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>
      </div>
      {districts.length > 1 && (
        <div>
          <label htmlFor="overview-district">อำเภอ</label>
          <select id="overview-district" className={selectClass} value={filters.districtId ?? ""} onChange={(event) => update("district", event.target.value)}>
            <option value="">ทุกอำเภอ</option>
            {districts.map((district) => (
              <option key={district.id} value={district.id}>
                {district.nameTh}
              </option>
            ))}
          </select>
        </div>
      )}
      <div>
        <label htmlFor="overview-type">ประเภท อปท.</label>
        <select id="overview-type" className={selectClass} value={filters.organizationType ?? ""} onChange={(event) => update("type", event.target.value)}>
          <option value="">ทุกประเภท</option>
          {(Object.keys(ORGANIZATION_TYPE_LABEL) as OrganizationType[]).map((type) => (
            <option key={type} value={type}>
              {ORGANIZATION_TYPE_LABEL[type].full}
            </option>
          ))}
        </select>
      </div>
      <label className="flex items-center gap-2 self-end py-1">
        <input
          type="checkbox"
          checked={filters.includeUnaccepted}
          onChange={(event) => update("unaccepted", event.target.checked ? null : "0")}
        />
        นับรายงานที่ยังไม่ได้รับรอง
      </label>
      <label className="flex items-center gap-2 self-end py-1">
        <input
          type="checkbox"
          data-testid="filter-unconfirmed"
          checked={filters.includeUnconfirmed}
          onChange={(event) => update("unconfirmed", event.target.checked ? null : "0")}
        />
        นับคะแนนที่หน่วยงานรายงานเองซึ่งจังหวัดยังไม่ยืนยัน
      </label>
      {pending && <p className="text-slate-500 sm:col-span-2 lg:col-span-4">กำลังปรับปรุงข้อมูล…</p>}
    </form>
  );
}
