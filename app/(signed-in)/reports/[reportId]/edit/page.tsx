import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ReportEditor } from "@/components/report-editor/report-editor";
import { callOrRedirect, getServerCaller } from "@/server/api/server-caller";

export const metadata: Metadata = { title: "แก้ไขรายงาน" };

type Props = { params: Promise<{ reportId: string }> };

export default async function EditReportPage({ params }: Props) {
  const { reportId } = await params;
  const caller = await getServerCaller();
  const report = await callOrRedirect(() => caller.report.get({ reportId }));
  // Signers, reviewers and a report already sent up read it on its own page.
  if (!report.actions.includes("edit")) redirect(`/reports/${reportId}`);
  return <ReportEditor report={report} />;
}
