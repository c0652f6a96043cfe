// Export of one report's memo PDF: read through the same procedure the report page uses (same
// access rules), have a worker draw it (or take the stored one), and record who exported what.
import type { Db } from "@/server/db/client";
import type { DigitStyle } from "@/server/domain/thai-format";
import { recordAudit, type RequestMetadata } from "@/server/services/audit";
import type { FileStore } from "@/server/storage/file-store";
import type { ReportData } from "./report-pdf";
import { reportPdfFile } from "./report-pdf-job";

/** The part of the tRPC caller the export uses: `createCaller(ctx)` fits it. */
export type ReportReader = { report: { get(input: { reportId: string }): Promise<ReportData> } };

export type ExportContext = { db: Db; userId: string | null; request: RequestMetadata };

/**
 * The report's PDF for the signed-in caller, as a stream, and the export recorded. The reader
 * refuses a signed-out caller (UNAUTHORIZED) and a foreign or unknown report (NOT_FOUND) before
 * anything is drawn or recorded. Null when no worker could draw it in time (nothing recorded).
 */
export async function exportReportPdf(reader: ReportReader, ctx: ExportContext, store: FileStore, input: { reportId: string; digits: DigitStyle }) {
  const report = await reader.report.get({ reportId: input.reportId });
  const file = await reportPdfFile(store, report, input.digits);
  if (!file) return null;
  await recordPdfExport(ctx, report, { digits: input.digits, bytes: file.bytes });
  return { stream: file.stream, bytes: file.bytes, fileName: reportPdfFileName(report) };
}

export async function recordPdfExport(ctx: ExportContext, report: ReportData, details: { digits: DigitStyle; bytes: number }) {
  await ctx.db.$transaction(async (tx) => {
    const actor = ctx.userId ? await tx.user.findUnique({ where: { id: ctx.userId }, select: { id: true, username: true } }) : null;
    const organization = await tx.localOrganization.findUniqueOrThrow({
      where: { id: report.organization.id },
      select: { districtId: true, district: { select: { provinceId: true } } },
    });
    await recordAudit(tx, {
      actor: actor && { userId: actor.id, username: actor.username },
      request: ctx.request,
      action: "report.export_pdf",
      entityType: "YearlyReport",
      entityId: report.id,
      scope: { organizationId: report.organization.id, districtId: organization.districtId, provinceId: organization.district.provinceId },
      after: { yearBe: report.fiscalYear.yearBe, version: report.version, ...details },
    });
  });
}

/** Text for a file name: no characters a file system refuses, no spaces. */
export const fileNamePart = (text: string) => text.replace(/[\\/:*?"<>|\s]+/g, "-");

/** "รายงานมาตรการ-ITA-2568-องค์การบริหารส่วนตำบลท้ายหาด.pdf" */
export function reportPdfFileName(report: Pick<ReportData, "fiscalYear" | "organization">): string {
  return `รายงานมาตรการ-ITA-${report.fiscalYear.yearBe}-${fileNamePart(report.organization.nameTh)}.pdf`;
}
