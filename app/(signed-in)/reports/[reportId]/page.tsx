import type { Metadata } from "next";
import Link from "next/link";
import { ReportActions } from "@/components/report/report-actions";
import { IssuesView, ItaResultsView, MemoView, ReviewDecisionsView, SignOffsView } from "@/components/report/report-view";
import { RevisionDiff } from "@/components/report/revision-diff";
import { ChainWarning } from "@/components/report/sign-off-chain";
import { OriginBadge, ReportStatusBadge } from "@/components/ui/badges";
import { PageTitle } from "@/components/ui/page-title";
import { callOrRedirect, getServerCaller } from "@/server/api/server-caller";
import { DISTRICT_STEP_LABEL, SIGN_OFF_STEP_LABEL } from "@/server/domain/labels";
import { formatThaiDate } from "@/server/domain/thai-format";

export const metadata: Metadata = { title: "รายงาน" };

type Props = { params: Promise<{ reportId: string }> };

export default async function ReportPage({ params }: Props) {
  const { reportId } = await params;
  const caller = await getServerCaller();
  const [report, history, signers] = await callOrRedirect(() =>
    Promise.all([caller.report.get({ reportId }), caller.report.history({ reportId }), caller.report.signers({ reportId })]),
  );
  return (
    <>
      <nav className="mb-2 text-sm">
        <Link href={`/organizations/${report.organization.id}`} className="text-teal-800 hover:underline">
          ← {report.organization.nameTh}
        </Link>
      </nav>
      <PageTitle
        title={`รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ ${report.fiscalYear.yearBe}`}
        subtitle={`${report.organization.nameTh} อำเภอ${report.organization.districtNameTh} จังหวัด${report.organization.provinceNameTh}`}
      />
      <p className="mb-4 flex flex-wrap items-center gap-2 text-sm" data-testid="report-status">
        <ReportStatusBadge status={report.status} />
        <OriginBadge origin={report.origin} />
        {report.currentStep && <span>รอความเห็นของ{SIGN_OFF_STEP_LABEL[report.currentStep]}</span>}
        {report.status === "SUBMITTED" && report.districtStep !== "off" && (
          <span data-testid="district-step">{DISTRICT_STEP_LABEL[report.districtStep]}</span>
        )}
        <span className="text-slate-600">กำหนดส่ง {formatThaiDate(report.fiscalYear.submissionDeadline)}</span>
        {report.revision > 0 && <span className="text-slate-600">ส่งจังหวัดแล้ว {report.revision} ครั้ง</span>}
        <a href={`/api/reports/${report.id}/pdf`} className="ml-auto text-teal-800 underline" data-testid="download-pdf" data-print="hide">
          ดาวน์โหลดบันทึกข้อความ (PDF)
        </a>
        <a href={`/api/reports/${report.id}/pdf?digits=arabic`} className="text-teal-800 underline" data-print="hide">
          PDF เลขอารบิก
        </a>
      </p>
      <div data-print="hide">
        {(report.status === "IN_SIGN_OFF" || report.actions.includes("submit")) && <ChainWarning signers={signers} waitingAt={report.currentStep} />}
        <ReportActions reportId={report.id} actions={report.actions} currentStep={report.currentStep} signers={signers} />
      </div>
      <ReviewDecisionsView report={report} />
      <RevisionDiff history={history} />
      <MemoView report={report} />
      <ItaResultsView report={report} />
      <IssuesView report={report} />
      <SignOffsView report={report} />
    </>
  );
}
