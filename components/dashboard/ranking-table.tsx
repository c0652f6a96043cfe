"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { LevelText, OriginBadge, ReportStatusBadge } from "@/components/ui/badges";
import { ORGANIZATION_TYPE_LABEL } from "@/server/domain/labels";
import { formatScore } from "@/server/domain/thai-format";
import type { RankingRow } from "@/server/services/dashboard/overview";
import { SortHeader, type Sort as SortOf } from "./sort-header";
import { Sparkline } from "./sparkline";

type SortKey = "score" | "name" | "district";
type Sort = SortOf<SortKey>;

const collator = new Intl.Collator("th");

function compareRows(a: RankingRow, b: RankingRow, sort: Sort): number {
  if (sort.key === "score") {
    // Organisations without a score stay last in either direction.
    if (a.total === null || b.total === null) return (a.total === null ? 1 : 0) - (b.total === null ? 1 : 0);
    const order = a.total - b.total;
    return sort.descending ? -order : order;
  }
  const order =
    sort.key === "name"
      ? collator.compare(a.nameTh, b.nameTh)
      : collator.compare(a.district.nameTh, b.district.nameTh) || (b.total ?? -1) - (a.total ?? -1);
  return sort.descending ? -order : order;
}

/** Every organisation of the view with its score; sortable by header, filterable by name. */
export function RankingTable({ rows, yearBe }: { rows: RankingRow[]; yearBe: number }) {
  const [sort, setSort] = useState<Sort>({ key: "score", descending: true });
  const [query, setQuery] = useState("");
  const shown = useMemo(() => {
    const needle = query.trim();
    return rows.filter((row) => row.nameTh.includes(needle)).sort((a, b) => compareRows(a, b, sort));
  }, [rows, query, sort]);
  const onSort = (key: SortKey) =>
    setSort((current) => (current.key === key ? { key, descending: !current.descending } : { key, descending: key === "score" }));

  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="mb-2 flex flex-wrap items-end justify-between gap-2">
        <h2 className="text-lg font-semibold text-slate-900">อันดับคะแนน ปีงบประมาณ {yearBe}</h2>
        <label className="text-sm">
          <span className="mr-2">ค้นหาชื่อองค์กร</span>
          <input
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            className="rounded border border-slate-300 px-2 py-1"
            data-testid="ranking-search"
          />
        </label>
      </div>
      <p className="mb-2 text-sm text-slate-600" aria-live="polite">
        แสดง {shown.length} จาก {rows.length} แห่ง
      </p>
      <div className="overflow-x-auto">
        <table className="w-full text-sm" data-testid="ranking">
          <thead className="bg-slate-100 text-left">
            <tr>
              <th scope="col" className="px-3 py-2 text-right">อันดับ</th>
              <SortHeader label="องค์กร" column="name" sort={sort} onSort={onSort} />
              <SortHeader label="อำเภอ" column="district" sort={sort} onSort={onSort} />
              <SortHeader label="คะแนน" column="score" sort={sort} onSort={onSort} className="text-right" />
              <th scope="col" className="px-3 py-2">ระดับ</th>
              <th scope="col" className="px-3 py-2">รายงาน</th>
              <th scope="col" className="px-3 py-2">แนวโน้ม</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.organizationId} className="border-t border-slate-100" data-testid="ranking-row">
                <td className="px-3 py-2 text-right tabular-nums">{row.rank ?? "—"}</td>
                <td className="px-3 py-2">
                  <Link href={`/organizations/${row.organizationId}`} className="text-teal-800 hover:underline">
                    {row.nameTh}
                  </Link>
                  <span className="ml-1 text-xs text-slate-500">{ORGANIZATION_TYPE_LABEL[row.type].short}</span>
                </td>
                <td className="px-3 py-2" data-testid="ranking-district">{row.district.nameTh}</td>
                <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">
                  {row.total === null ? "—" : formatScore(row.total)}
                  {row.resultOrigin && <OriginBadge origin={row.resultOrigin} />}
                </td>
                <td className="px-3 py-2">
                  <LevelText announced={row.announcedLevel} derived={row.derivedLevel} mismatch={row.levelMismatch} />
                </td>
                <td className="px-3 py-2">
                  <ReportStatusBadge status={row.reportStatus} />
                </td>
                <td className="px-3 py-2">
                  <Sparkline history={row.history} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
