// GET /api/reports/{reportId}/pdf[?digits=arabic]: the report's memo and annex as a PDF
// download. Access goes through the report.get procedure, so the rules are the report page's.
// A worker draws the PDF (this process only waits for it and streams the stored file).
import { Readable } from "node:stream";
import { TRPCError } from "@trpc/server";
import { attachment, plainText as text } from "@/server/api/download";
import { createCaller } from "@/server/api/root";
import { createRequestContext } from "@/server/api/request";
import { signedInCaller } from "@/server/api/trpc";
import { secureApiRoute } from "@/server/http/api-route";
import { NOT_FOUND_OR_FORBIDDEN } from "@/server/errors";
import { perUserRefusal, takePerUser } from "@/server/limits/per-user";
import { exportReportPdf } from "@/server/services/exports/report-export";
import { createFileStore } from "@/server/storage/file-store";

// Node streams.
export const runtime = "nodejs";

async function download(request: Request, { params }: { params: Promise<{ reportId: string }> }): Promise<Response> {
  const { reportId } = await params;
  const digits = new URL(request.url).searchParams.get("digits") === "arabic" ? "arabic" : "thai";
  const ctx = await createRequestContext(request.headers);
  if (ctx.userId) {
    const taken = await takePerUser(ctx.db, "export", ctx.userId);
    if (!taken.ok) return text(429, perUserRefusal("export", taken.retryAfterMs));
  }
  try {
    // The report is read through report.get (narrowed there) and the export recorded as the caller
    // (row-level security); the signed-out are refused by report.get before anything else.
    const narrowed = await signedInCaller(ctx);
    // The file store by the unnarrowed client: stored files belong to no tenant, and report.get checks access first.
    const file = await exportReportPdf(createCaller(ctx), { ...ctx, db: narrowed?.db ?? ctx.db }, createFileStore(ctx.db), { reportId, digits });
    if (!file) return text(503, "ระบบยังสร้างไฟล์ PDF ไม่เสร็จ กรุณาลองใหม่อีกครั้งในอีกสักครู่");
    return new Response(Readable.toWeb(file.stream) as ReadableStream, {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Length": String(file.bytes),
        "Content-Disposition": attachment(file.fileName, "report.pdf"),
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    if (error.code === "UNAUTHORIZED") return text(401, "กรุณาเข้าสู่ระบบ");
    // A malformed id is an unknown id: the caller learns nothing more.
    if (error.code === "NOT_FOUND" || error.code === "FORBIDDEN" || error.code === "BAD_REQUEST") return text(404, NOT_FOUND_OR_FORBIDDEN);
    throw error;
  }
}

export const GET = secureApiRoute(download);
