"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { useDeferredValue, useOptimistic, useState, useTransition } from "react";
import { useTRPC } from "@/components/trpc-provider";
import type { AreaNode } from "@/server/access/access";
import { COMPARE_UNIT_LABEL, MAX_COMPARED_UNITS, unitKindsOf } from "@/server/domain/compare-units";
import type { CompareOption } from "@/server/services/dashboard/compare";
import { compareQuery, type CompareSelection } from "./compare-url";

const selectClass = "mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1";

/**
 * What to compare: the kind of unit, up to MAX_COMPARED_UNITS units found by search, and the
 * years. Every change rewrites the URL (the page reads the selection from it).
 */
export function ComparePicker({
  area,
  selection,
  selected,
  fiscalYears,
  fromYearBe,
  toYearBe,
  yearBe,
}: {
  area: AreaNode;
  selection: CompareSelection;
  /** The selected units with their names, in the URL's order. */
  selected: CompareOption[];
  fiscalYears: number[];
  fromYearBe: number;
  toYearBe: number;
  yearBe: number | null;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const [search, setSearch] = useState("");
  const deferredSearch = useDeferredValue(search.trim());
  const trpc = useTRPC();
  const options = useQuery({
    ...trpc.dashboard.compareOptions.queryOptions({ area, unit: selection.unit, search: deferredSearch || undefined }),
    placeholderData: keepPreviousData,
  });

  // The ticks follow a click at once; the page catches up when the server has answered.
  const [ids, setOptimisticIds] = useOptimistic(selection.ids);
  const go = (next: CompareSelection) =>
    startTransition(() => {
      setOptimisticIds(next.ids);
      router.replace(`${pathname}?${compareQuery(next)}`, { scroll: false });
    });
  const selectedIds = new Set(ids);
  const full = ids.length >= MAX_COMPARED_UNITS;
  const toggle = (id: string) => go({ ...selection, ids: selectedIds.has(id) ? ids.filter((other) => other !== id) : [...ids, id] });
  const years = [...fiscalYears].reverse();
  const unitKinds = unitKindsOf(area);

  return (
    <form
      className="mb-6 grid grid-cols-1 gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm lg:grid-cols-2"
      aria-label="เลือกสิ่งที่จะเปรียบเทียบ"
      aria-busy={pending}
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="min-w-0">
        {unitKinds.length > 1 && (
          <fieldset className="mb-3 flex flex-wrap gap-4">
            <legend className="mb-1">เปรียบเทียบระหว่าง</legend>
            {unitKinds.map((unit) => (
              <label key={unit} className="flex items-center gap-1">
                <input
                  type="radio"
                  name="compare-unit"
                  checked={selection.unit === unit}
                  onChange={() => go({ ...selection, unit, ids: [] })}
                />
                {COMPARE_UNIT_LABEL[unit]}
              </label>
            ))}
          </fieldset>
        )}
        <label htmlFor="compare-search">ค้นหา{COMPARE_UNIT_LABEL[selection.unit]}</label>
        <input
          id="compare-search"
          type="search"
          className={selectClass}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          placeholder="พิมพ์ชื่อบางส่วน"
          data-testid="compare-search"
        />
        <p className="mt-1 text-xs text-slate-500">
          เลือกได้ไม่เกิน {MAX_COMPARED_UNITS} รายการ{full && " (ครบแล้ว)"}
        </p>
        <ul className="mt-2 max-h-56 overflow-y-auto rounded border border-slate-200" data-testid="compare-options">
          {options.data?.options.map((option) => (
            <li key={option.id} className="border-b border-slate-100 last:border-0">
              <label className="flex cursor-pointer items-start gap-2 px-2 py-1 hover:bg-slate-50">
                <input
                  type="checkbox"
                  className="mt-1"
                  checked={selectedIds.has(option.id)}
                  disabled={full && !selectedIds.has(option.id)}
                  onChange={() => toggle(option.id)}
                />
                <span>
                  {option.nameTh}
                  {option.parentNameTh && <span className="ml-1 text-xs text-slate-500">{option.parentNameTh}</span>}
                </span>
              </label>
            </li>
          ))}
          {options.data?.options.length === 0 && <li className="px-2 py-1 text-slate-500">ไม่พบรายการที่ตรงกับคำค้น</li>}
          {options.isError && <li className="px-2 py-1 text-red-700">{options.error.message}</li>}
        </ul>
        {options.data?.more && <p className="mt-1 text-xs text-slate-500">แสดงบางส่วน พิมพ์คำค้นเพื่อหาเพิ่มเติม</p>}
      </div>
      <div className="min-w-0">
        <p className="mb-1">ที่เลือกไว้</p>
        {selected.length === 0 ? (
          <p className="text-slate-500">ยังไม่ได้เลือก</p>
        ) : (
          <ul className="flex flex-wrap gap-2" data-testid="compare-selected">
            {selected.map((unit) => (
              <li key={unit.id} className="flex items-center gap-1 rounded-full bg-teal-50 py-0.5 pl-3 pr-1 text-teal-900">
                {unit.nameTh}
                <button
                  type="button"
                  className="rounded-full px-1.5 hover:bg-teal-100"
                  aria-label={`เอา${unit.nameTh}ออก`}
                  onClick={() => toggle(unit.id)}
                >
                  ✕
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="mt-4 grid grid-cols-3 gap-3">
          <div>
            <label htmlFor="compare-from">ตั้งแต่ปี</label>
            <select
              id="compare-from"
              className={selectClass}
              value={fromYearBe}
              onChange={(event) => go({ ...selection, fromYearBe: Number(event.target.value), toYearBe })}
            >
              {years.filter((year) => year <= toYearBe).map((year) => (
                <option key={year} value={year}>
                  {year}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="compare-to">ถึงปี</label>
            <select
              id="compare-to"
              className={selectClass}
              value={toYearBe}
              onChange={(event) => go({ ...selection, fromYearBe, toYearBe: Number(event.target.value) })}
            >
              {years.filter((year) => year >= fromYearBe).map((year) => (
                <option key={year} value={year}>
                  {year}
                </option>
              ))}
            </select>
          </div>
          {yearBe !== null && (
            <div>
              <label htmlFor="compare-year">ปีของกราฟแท่ง</label>
              <select
                id="compare-year"
                className={selectClass}
                value={yearBe}
                onChange={(event) => go({ ...selection, yearBe: Number(event.target.value) })}
              >
                {years.filter((year) => year >= fromYearBe && year <= toYearBe).map((year) => (
                  <option key={year} value={year}>
                    {year}
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
        <label className="mt-3 flex items-center gap-2">
          <input
            type="checkbox"
            data-testid="filter-unconfirmed"
            checked={selection.includeUnconfirmed !== false}
            onChange={(event) => go({ ...selection, includeUnconfirmed: event.target.checked ? undefined : false })}
          />
          นับคะแนนที่หน่วยงานรายงานเองซึ่งจังหวัดยังไม่ยืนยัน
        </label>
        {pending && <p className="mt-2 text-slate-500">กำลังปรับปรุงข้อมูล…</p>}
      </div>
    </form>
  );
}
