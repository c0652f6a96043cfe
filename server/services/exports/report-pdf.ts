// The official memo (บันทึกข้อความ) of one yearly report with its annex table, as a PDF.
import type { DigitStyle } from "@/server/domain/thai-format";
import type { getReport } from "@/server/services/reports/reports";
import { createPdf, finishPdf } from "./pdf-layout";
import { drawAnnex } from "./report-annex";
import { drawMemo } from "./report-memo";

export type ReportData = Awaited<ReturnType<typeof getReport>>;

export const DEMO_NOTE = "ข้อมูลสาธิต";

/** `emblem`: the Garuda image the deployment uploaded (server/services/emblem.ts), if any. */
export async function renderReportPdf(report: ReportData, options: { digits: DigitStyle; emblem?: Buffer | null }): Promise<Buffer> {
  const doc = createPdf({ title: report.content.header.subject, author: report.organization.nameTh });
  const note = report.origin === "DEMO" ? DEMO_NOTE : null;
  const memoPages = drawMemo(doc, report, { digits: options.digits, note, emblem: options.emblem ?? null });
  drawAnnex(doc, report, options.digits, note, memoPages);
  return finishPdf(doc);
}
