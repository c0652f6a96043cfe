// GET /api/public/{DLA code}/{fiscal year}/pdf: an accepted report's memo PDF, for anybody (the
// organisation's public page links to it). Drawn by a worker once per content, as the signed-in
// download is; anything but an accepted report is answered as missing.
import { Readable } from "node:stream";
import { attachment, plainText as text } from "@/server/api/download";
import { getDb } from "@/server/db/client";
import { secureApiRoute } from "@/server/http/api-route";
import { reportPdfFileName } from "@/server/services/exports/report-export";
import { reportPdfFile } from "@/server/services/exports/report-pdf-job";
import { NOT_PUBLISHED, publishedReportId } from "@/server/services/public/published";
import { getPublishedReport } from "@/server/services/reports/reports";
import { createFileStore } from "@/server/storage/file-store";

export const runtime = "nodejs";

async function download(request: Request, { params }: { params: Promise<{ dlaCode: string; yearBe: string }> }): Promise<Response> {
  const { dlaCode, yearBe } = await params;
  const year = Number(yearBe);
  if (!/^[0-9A-Za-z-]{1,20}$/.test(dlaCode) || !Number.isInteger(year)) return text(404, NOT_PUBLISHED);
  const db = await getDb();
  const reportId = await publishedReportId({ db, dlaCode, yearBe: year });
  const report = reportId && (await getPublishedReport(db, reportId));
  if (!report) return text(404, NOT_PUBLISHED);
  const digits = new URL(request.url).searchParams.get("digits") === "arabic" ? "arabic" : "thai";
  const file = await reportPdfFile(createFileStore(db), report, digits);
  if (!file) return text(503, "ระบบยังสร้างไฟล์ PDF ไม่เสร็จ กรุณาลองใหม่อีกครั้งในอีกสักครู่");
  return new Response(Readable.toWeb(file.stream) as ReadableStream, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(file.bytes),
      "Content-Disposition": attachment(reportPdfFileName(report), "report.pdf"),
      "Cache-Control": "public, max-age=300",
    },
  });
}

export const GET = secureApiRoute(download, { keepCacheControl: true });
