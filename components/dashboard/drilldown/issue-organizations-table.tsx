"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { ReportStatusBadge } from "@/components/ui/badges";
import { ORGANIZATION_TYPE_LABEL } from "@/server/domain/labels";
import type { IssueOrganizationRow } from "@/server/services/dashboard/issue-drilldown";
import { SortHeader, type Sort } from "../sort-header";

type SortKey = "district" | "name" | "measures";
const collator = new Intl.Collator("th");

/** The organisations with measures under the issue; sortable by district, name or measures. */
export function IssueOrganizationsTable({ rows, hrefs }: { rows: IssueOrganizationRow[]; hrefs: Record<string, string> }) {
  const [sort, setSort] = useState<Sort<SortKey>>({ key: "district", descending: false });
  const shown = useMemo(
    () =>
      [...rows].sort((a, b) => {
        const order =
          sort.key === "measures"
            ? a.measures - b.measures
            : sort.key === "name"
              ? collator.compare(a.nameTh, b.nameTh)
              : collator.compare(a.district.nameTh, b.district.nameTh) || collator.compare(a.nameTh, b.nameTh);
        return sort.descending ? -order : order;
      }),
    [rows, sort],
  );
  const onSort = (key: SortKey) =>
    setSort((current) => (current.key === key ? { key, descending: !current.descending } : { key, descending: key === "measures" }));
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[36rem] text-sm" data-testid="issue-organizations">
        <thead className="bg-slate-100 text-left">
          <tr>
            <SortHeader label="อำเภอ" column="district" sort={sort} onSort={onSort} />
            <SortHeader label="องค์กร" column="name" sort={sort} onSort={onSort} />
            <SortHeader label="มาตรการ" column="measures" sort={sort} onSort={onSort} className="text-right" />
            <th scope="col" className="px-3 py-2 text-right">ผลการดำเนินการที่ทำแล้ว (ข้อ)</th>
            <th scope="col" className="px-3 py-2">รายงาน</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.id} className="border-t border-slate-100" data-testid="issue-organization-row">
              <td className="px-3 py-2">{row.district.nameTh}</td>
              <td className="px-3 py-2">
                <Link href={hrefs[row.id]!} className="text-teal-800 hover:underline">
                  {row.nameTh}
                </Link>
                <span className="ml-1 text-xs text-slate-500">{ORGANIZATION_TYPE_LABEL[row.type].short}</span>
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{row.measures}</td>
              <td className="px-3 py-2 text-right tabular-nums">{row.resultsChecked}</td>
              <td className="px-3 py-2">
                <ReportStatusBadge status={row.reportStatus} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
