import type { Metadata } from "next";
import { Suspense } from "react";
import { AdoptionChart } from "@/components/dashboard/charts";
import { Breadcrumbs } from "@/components/dashboard/drilldown/breadcrumbs";
import { CountedNote } from "@/components/dashboard/drilldown/counted-note";
import { IssueOrganizationsTable } from "@/components/dashboard/drilldown/issue-organizations-table";
import { loadDashboardContext, type DashboardContext, type PageSearchParams } from "@/components/dashboard/dashboard-context";
import { ChartWithTable, DataTable } from "@/components/dashboard/chart-with-table";
import { FilterBar } from "@/components/dashboard/filter-bar";
import { PageTitle } from "@/components/ui/page-title";
import { SectionLoading } from "@/components/ui/section-loading";
import { callOrRedirect } from "@/server/api/server-caller";
import { formatInteger, formatPercent } from "@/server/domain/thai-format";

export const metadata: Metadata = { title: "ประเด็นรายองค์กร" };

/**
 * Level 2: one issue across the organisations counted. The title (the issue, found or a missing
 * page before anything streams) shows at once; the organisations stream in behind a loading note.
 */
export default async function IssuePage({
  params,
  searchParams,
}: {
  params: Promise<{ kind: string; areaId: string; issueKey: string }>;
  searchParams: PageSearchParams;
}) {
  const context = await loadDashboardContext(params, searchParams);
  const { issueKey } = await params;
  const { issue } = await callOrRedirect(() => context.caller.drilldown.titles({ ...context.input, issueKey }));
  return (
    <>
      <Breadcrumbs
        items={[
          { label: "ภาพรวม", href: context.links.overview },
          { label: "ประเด็น", href: context.links.issues },
          { label: issue.title },
        ]}
      />
      <PageTitle title={issue.title} subtitle={`${context.description.nameTh} · ปีงบประมาณ ${context.filters.yearBe}`} />
      <FilterBar filters={context.filters} years={[context.filters.yearBe]} districts={context.districts} />
      <Suspense fallback={<SectionLoading title="องค์กรที่มีมาตรการในประเด็นนี้" />}>
        <IssueSections context={context} issueKey={issueKey} />
      </Suspense>
    </>
  );
}

async function IssueSections({ context, issueKey }: { context: DashboardContext; issueKey: string }) {
  const issue = await callOrRedirect(() => context.caller.drilldown.issue({ ...context.input, issueKey }));
  const hrefs = Object.fromEntries(issue.rows.map((row) => [row.id, context.links.organization(issue.issue.key, row.id)]));
  const chartData = issue.resultItems.map((item) => ({
    label: `ข้อ ${item.ordinal}`,
    text: item.text,
    percent: item.share === null ? 0 : Math.round(item.share * 1000) / 10,
  }));
  return (
    <>
      <CountedNote scope={issue} />
      <p className="mb-4 text-base" data-testid="issue-summary">
        มีมาตรการในประเด็นนี้ <strong>{formatInteger(issue.organizationsWithMeasures)}</strong> จาก {formatInteger(issue.organizations)} แห่ง
        รวม {formatInteger(issue.measures)} มาตรการ · ไม่มีมาตรการ {formatInteger(issue.without.length)} แห่ง
      </p>
      <div className="grid grid-cols-1 gap-6">
        {issue.resultItems.length > 0 && (
          <ChartWithTable
            testId="chart-adoption"
            title="ผลการดำเนินการมาตรฐานที่องค์กรทำแล้ว"
            description="ร้อยละขององค์กรที่นับ ที่ทำเครื่องหมายผลการดำเนินการแต่ละข้อในมาตรการของประเด็นนี้"
            chart={<AdoptionChart data={chartData} />}
            table={
              <DataTable
                caption="ผลการดำเนินการมาตรฐานที่องค์กรทำแล้ว"
                headers={["ข้อ", "ผลการดำเนินการ", "องค์กร (แห่ง)", "ร้อยละ"]}
                numericFrom={2}
                rows={issue.resultItems.map((item) => [
                  formatInteger(item.ordinal),
                  item.text,
                  formatInteger(item.organizationsChecked),
                  item.share === null ? "—" : formatPercent(item.share),
                ])}
              />
            }
          />
        )}
        <section className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="mb-2 text-lg font-semibold text-slate-900">องค์กรที่มีมาตรการในประเด็นนี้</h2>
          {issue.rows.length === 0 ? (
            <p className="text-sm text-slate-500">ยังไม่มีองค์กรใดมีมาตรการในประเด็นนี้</p>
          ) : (
            <IssueOrganizationsTable rows={issue.rows} hrefs={hrefs} />
          )}
        </section>
        <section className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="mb-2 text-lg font-semibold text-slate-900">องค์กรที่ไม่มีมาตรการในประเด็นนี้ ({formatInteger(issue.without.length)} แห่ง)</h2>
          <div className="overflow-x-auto">
            <DataTable
              caption="องค์กรที่ไม่มีมาตรการในประเด็นนี้"
              headers={["อำเภอ", "องค์กร", "เหตุ"]}
              numericFrom={3}
              rows={issue.without.map((row) => [
                row.district.nameTh,
                row.nameTh,
                row.reason === "NO_REPORT" ? "ไม่มีรายงานที่นับ" : "รายงานไม่มีมาตรการในประเด็นนี้",
              ])}
            />
          </div>
        </section>
      </div>
    </>
  );
}
