import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { Breadcrumbs } from "@/components/dashboard/drilldown/breadcrumbs";
import { loadDashboardContext, type DashboardContext, type PageSearchParams } from "@/components/dashboard/dashboard-context";
import { OriginBadge, ReportStatusBadge } from "@/components/ui/badges";
import { PageTitle } from "@/components/ui/page-title";
import { SectionLoading } from "@/components/ui/section-loading";
import { callOrRedirect } from "@/server/api/server-caller";
import { formatInteger, formatThaiShortDate } from "@/server/domain/thai-format";

export const metadata: Metadata = { title: "มาตรการขององค์กรในประเด็น" };

type Params = Promise<{ kind: string; areaId: string; issueKey: string; organizationId: string }>;

/**
 * Level 3: one organisation's measures under the issue. The title (the organisation and the
 * issue, found or a missing page before anything streams) shows at once; the measures stream in.
 */
export default async function OrganizationIssuePage({ params, searchParams }: { params: Params; searchParams: PageSearchParams }) {
  const context = await loadDashboardContext(params, searchParams);
  const { issueKey, organizationId } = await params;
  const { issue, organization } = await callOrRedirect(() => context.caller.drilldown.titles({ ...context.input, issueKey, organizationId }));
  return (
    <>
      <Breadcrumbs
        items={[
          { label: "ภาพรวม", href: context.links.overview },
          { label: "ประเด็น", href: context.links.issues },
          { label: issue.title, href: context.links.issue(issue.key) },
          { label: organization!.nameTh },
        ]}
      />
      <PageTitle title={organization!.nameTh} subtitle={`อำเภอ${organization!.district.nameTh} · ${issue.title} · ปีงบประมาณ ${context.filters.yearBe}`} />
      <Suspense fallback={<SectionLoading title="มาตรการในประเด็นนี้" />}>
        <MeasuresSection context={context} issueKey={issueKey} organizationId={organizationId} />
      </Suspense>
    </>
  );
}

async function MeasuresSection({ context, issueKey, organizationId }: { context: DashboardContext; issueKey: string; organizationId: string }) {
  const result = await callOrRedirect(() => context.caller.drilldown.organizationMeasures({ ...context.input, issueKey, organizationId }));
  const key = result.issue.key;
  return (
    <>
      <p className="mb-4 flex flex-wrap items-center gap-2 text-sm">
        รายงาน: <ReportStatusBadge status={result.report.status} />
        <OriginBadge origin={result.report.origin} />
      </p>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-2 text-lg font-semibold text-slate-900">มาตรการในประเด็นนี้ ({formatInteger(result.measures.length)})</h2>
        {result.measures.length === 0 ? (
          <p className="text-sm text-slate-500">รายงานขององค์กรนี้ไม่มีมาตรการในประเด็นนี้</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[40rem] text-sm" data-testid="organization-measures">
              <thead className="bg-slate-100 text-left">
                <tr>
                  <th scope="col" className="px-3 py-2">มาตรการ/โครงการ/กิจกรรม</th>
                  <th scope="col" className="px-3 py-2">ระยะเวลาดำเนินการ</th>
                  <th scope="col" className="px-3 py-2">ผู้รับผิดชอบ</th>
                  <th scope="col" className="px-3 py-2 text-right">ผลการดำเนินการที่ทำแล้ว</th>
                </tr>
              </thead>
              <tbody>
                {result.measures.map((measure) => (
                  <tr key={measure.id} className="border-t border-slate-100 align-top" data-testid="measure-row">
                    <td className="px-3 py-2">
                      <Link href={context.links.measure(key, result.organization.id, measure.id)} className="text-teal-800 hover:underline">
                        {measure.title}
                      </Link>
                      {measure.issueTitle !== result.issue.title && (
                        <span className="block text-xs text-slate-500">ในประเด็น “{measure.issueTitle}”</span>
                      )}
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap">
                      {formatThaiShortDate(measure.periodStart)} – {formatThaiShortDate(measure.periodEnd)}
                    </td>
                    <td className="px-3 py-2">{measure.responsibleUnits.join(", ") || "—"}</td>
                    <td className="px-3 py-2 text-right tabular-nums whitespace-nowrap">
                      {formatInteger(measure.resultsChecked)} / {formatInteger(measure.resultItems)} ข้อ
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
