import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { Breadcrumbs } from "@/components/dashboard/drilldown/breadcrumbs";
import { loadDashboardContext, type DashboardContext, type PageSearchParams } from "@/components/dashboard/dashboard-context";
import { OriginBadge, ReportStatusBadge } from "@/components/ui/badges";
import { PageTitle } from "@/components/ui/page-title";
import { SectionLoading } from "@/components/ui/section-loading";
import { callOrRedirect } from "@/server/api/server-caller";
import { formatThaiDate } from "@/server/domain/thai-format";

export const metadata: Metadata = { title: "มาตรการ" };

type Params = Promise<{ kind: string; areaId: string; issueKey: string; organizationId: string; measureId: string }>;

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="border-t border-slate-100 py-3 first:border-t-0">
      <h2 className="mb-1 text-sm font-semibold text-slate-600">{label}</h2>
      <div className="text-slate-900">{children}</div>
    </div>
  );
}

/**
 * Level 4: one measure as the organisation reported it. The title (the measure, found or a
 * missing page before anything streams) shows at once; the measure in full streams in.
 */
export default async function MeasurePage({ params, searchParams }: { params: Params; searchParams: PageSearchParams }) {
  const context = await loadDashboardContext(params, searchParams);
  const { issueKey, organizationId, measureId } = await params;
  const titles = await callOrRedirect(() => context.caller.drilldown.titles({ ...context.input, issueKey, organizationId, measureId }));
  const { issue } = titles;
  const organization = titles.organization!;
  const measure = titles.measure!;
  return (
    <>
      <Breadcrumbs
        items={[
          { label: "ภาพรวม", href: context.links.overview },
          { label: "ประเด็น", href: context.links.issues },
          { label: issue.title, href: context.links.issue(issue.key) },
          { label: organization.nameTh, href: context.links.organization(issue.key, organization.id) },
          { label: measure.title },
        ]}
      />
      <PageTitle title={measure.title} subtitle={`${organization.nameTh} · ${measure.issueTitle}`} />
      <Suspense fallback={<SectionLoading title="รายละเอียดมาตรการ" />}>
        <MeasureSection context={context} issueKey={issueKey} organizationId={organizationId} measureId={measureId} />
      </Suspense>
    </>
  );
}

async function MeasureSection({
  context,
  issueKey,
  organizationId,
  measureId,
}: {
  context: DashboardContext;
  issueKey: string;
  organizationId: string;
  measureId: string;
}) {
  const { report, measure } = await callOrRedirect(() =>
    context.caller.drilldown.measure({ ...context.input, issueKey, organizationId, measureId }),
  );
  return (
    <>
      <p className="mb-4 flex flex-wrap items-center gap-2 text-sm">
        รายงาน: <ReportStatusBadge status={report.status} />
        <OriginBadge origin={report.origin} />
        {report.readable && (
          <Link href={`/reports/${report.id}`} className="text-teal-800 hover:underline" data-testid="whole-report-link">
            เปิดรายงานทั้งฉบับ →
          </Link>
        )}
      </p>
      <article className="rounded-lg border border-slate-200 bg-white p-4" data-testid="measure-detail">
        <Field label="ขั้นตอน/วิธีปฏิบัติ">
          {measure.steps.length === 0 ? "—" : (
            <ol className="list-decimal space-y-1 pl-6" data-testid="measure-steps">
              {measure.steps.map((step, index) => (
                <li key={index}>{step}</li>
              ))}
            </ol>
          )}
        </Field>
        <Field label="ระยะเวลาดำเนินการ">
          {formatThaiDate(measure.periodStart)} – {formatThaiDate(measure.periodEnd)}
        </Field>
        <Field label="ผู้รับผิดชอบ/ผู้ที่เกี่ยวข้อง">{measure.responsibleUnits.join(", ") || "—"}</Field>
        <Field label="ผลการดำเนินการ">
          {measure.resultItems.length === 0 ? "—" : (
            <ul className="space-y-1" data-testid="measure-results">
              {measure.resultItems.map((item, index) => (
                <li key={index} className="flex gap-2">
                  <span aria-hidden="true">{item.checked ? "☑" : "☐"}</span>
                  <span className="sr-only">{item.checked ? "ทำแล้ว" : "ยังไม่ได้ทำ"}</span>
                  <span className={item.checked ? "" : "text-slate-500"}>{item.text}</span>
                </li>
              ))}
            </ul>
          )}
        </Field>
        <Field label="ผลลัพธ์/ความสำเร็จ">
          {measure.outcomes.length === 0 ? "—" : (
            <ol className="list-decimal space-y-1 pl-6">
              {measure.outcomes.map((outcome, index) => (
                <li key={index}>{outcome}</li>
              ))}
            </ol>
          )}
        </Field>
        <Field label="หลักฐาน">
          {measure.evidenceLinks.length === 0 ? "—" : (
            <ul className="space-y-1">
              {measure.evidenceLinks.map((link, index) => (
                <li key={index} className="break-all">
                  <a href={link.url} target="_blank" rel="noopener noreferrer" className="text-teal-800 hover:underline">
                    {link.label || link.url}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </Field>
      </article>
    </>
  );
}
