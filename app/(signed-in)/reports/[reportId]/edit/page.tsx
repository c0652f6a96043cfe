import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ReportEditor } from "@/components/report-editor/report-editor";
import { ChainWarning } from "@/components/report/sign-off-chain";
import { callOrRedirect, getServerCaller } from "@/server/api/server-caller";

export const metadata: Metadata = { title: "แก้ไขรายงาน" };

type Props = { params: Promise<{ reportId: string }> };

export default async function EditReportPage({ params }: Props) {
  const { reportId } = await params;
  const caller = await getServerCaller();
  const [report, signers] = await callOrRedirect(() => Promise.all([caller.report.get({ reportId }), caller.report.signers({ reportId })]));
  // Signers, reviewers and a report already sent up read it on its own page.
  if (!report.actions.includes("edit")) redirect(`/reports/${reportId}`);
  // Before sending: a step nobody can sign would strand the report there.
  return <ReportEditor report={report} chainWarning={<ChainWarning signers={signers} waitingAt={null} />} />;
}
