import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { Breadcrumbs } from "@/components/dashboard/drilldown/breadcrumbs";
import { CountedNote } from "@/components/dashboard/drilldown/counted-note";
import { loadDashboardContext, type DashboardContext, type PageParams, type PageSearchParams } from "@/components/dashboard/dashboard-context";
import { FilterBar } from "@/components/dashboard/filter-bar";
import { PageTitle } from "@/components/ui/page-title";
import { SectionLoading } from "@/components/ui/section-loading";
import { callOrRedirect } from "@/server/api/server-caller";
import { formatInteger, formatPercent } from "@/server/domain/thai-format";

export const metadata: Metadata = { title: "เจาะลึกรายประเด็น" };

const share = (value: number | null) => (value === null ? "—" : formatPercent(value));

/** Level 1: every suggested issue and ITA indicator of the year across the area's organisations. */
export default async function IssuesPage({ params, searchParams }: { params: PageParams; searchParams: PageSearchParams }) {
  const context = await loadDashboardContext(params, searchParams);
  return (
    <>
      <Breadcrumbs items={[{ label: "ภาพรวม", href: context.links.overview }, { label: "ประเด็น" }]} />
      <PageTitle title={`เจาะลึกรายประเด็น ${context.description.nameTh}`} subtitle={`ปีงบประมาณ ${context.filters.yearBe}`} />
      <FilterBar filters={context.filters} years={context.years} districts={context.districts} />
      <p className="mb-4 text-sm">
        <Link href={`${context.areaPath}/insight`} className="text-teal-800 hover:underline">
          ประเด็นและผลการดำเนินการใดไปด้วยกันกับคะแนนที่เพิ่มขึ้นในปีถัดไป →
        </Link>
      </p>
      <Suspense fallback={<SectionLoading title="ประเด็นแนะนำของปีงบประมาณ" />}>
        <AdoptionSections context={context} />
      </Suspense>
    </>
  );
}

/** The two adoption tables, streamed in once the measures are counted. */
async function AdoptionSections({ context }: { context: DashboardContext }) {
  const adoption = await callOrRedirect(() => context.caller.drilldown.issues(context.input));
  const of = (count: number) => `${formatInteger(count)} / ${formatInteger(adoption.organizations)}`;
  return (
    <>
      <CountedNote scope={adoption} />
      <section className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-2 text-lg font-semibold text-slate-900">ประเด็นแนะนำของปีงบประมาณ</h2>
        <div className="overflow-x-auto">
          <table className="w-full min-w-[44rem] text-sm" data-testid="issues-table">
            <thead className="bg-slate-100 text-left">
              <tr>
                <th scope="col" className="px-3 py-2">ประเด็น</th>
                <th scope="col" className="px-3 py-2 text-right">องค์กรที่มีมาตรการ</th>
                <th scope="col" className="px-3 py-2 text-right">มาตรการ</th>
                <th scope="col" className="px-3 py-2 text-right">ไม่มีมาตรการ (แห่ง)</th>
                <th scope="col" className="px-3 py-2">ร้อยละขององค์กรที่ทำผลการดำเนินการมาตรฐานแต่ละข้อ</th>
              </tr>
            </thead>
            <tbody>
              {adoption.issues.map((issue) => (
                <tr
                  key={issue.key}
                  className="border-t border-slate-100 align-top"
                  data-testid="issue-row"
                  data-with-measures={issue.organizationsWithMeasures}
                >
                  <td className="px-3 py-2">
                    <Link href={context.links.issue(issue.key)} className="text-teal-800 hover:underline">
                      {issue.ordinal !== null && `${issue.ordinal}. `}
                      {issue.title}
                    </Link>
                  </td>
                  <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">{of(issue.organizationsWithMeasures)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatInteger(issue.measures)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatInteger(issue.organizationsWithout)}</td>
                  <td className="px-3 py-2">
                    {issue.resultItems.length === 0 ? (
                      <span className="text-slate-500">—</span>
                    ) : (
                      <ol className="list-decimal space-y-0.5 pl-5 text-xs text-slate-700">
                        {issue.resultItems.map((item) => (
                          <li key={item.id}>
                            <span className="font-semibold tabular-nums">{share(item.share)}</span> {item.text}
                          </li>
                        ))}
                      </ol>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="text-lg font-semibold text-slate-900">ตามตัวชี้วัด ITA</h2>
        <p className="mb-2 text-sm text-slate-600">นับจากตัวชี้วัดที่องค์กรระบุไว้ในแต่ละประเด็นของรายงาน</p>
        <div className="overflow-x-auto">
          <table className="w-full min-w-[32rem] text-sm" data-testid="indicators-table">
            <thead className="bg-slate-100 text-left">
              <tr>
                <th scope="col" className="px-3 py-2">ตัวชี้วัด</th>
                <th scope="col" className="px-3 py-2 text-right">องค์กรที่มีมาตรการ</th>
                <th scope="col" className="px-3 py-2 text-right">มาตรการ</th>
                <th scope="col" className="px-3 py-2 text-right">ไม่มีมาตรการ (แห่ง)</th>
              </tr>
            </thead>
            <tbody>
              {adoption.indicators.map((indicator) => (
                <tr key={indicator.key} className="border-t border-slate-100">
                  <td className="px-3 py-2">
                    <Link href={context.links.issue(indicator.key)} className="text-teal-800 hover:underline">
                      {indicator.number}. {indicator.nameTh}
                    </Link>
                  </td>
                  <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">{of(indicator.organizationsWithMeasures)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatInteger(indicator.measures)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatInteger(indicator.organizationsWithout)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
