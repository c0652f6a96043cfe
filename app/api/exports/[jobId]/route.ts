// GET /api/exports/{jobId}: the finished file of the caller's own summary export job.
import { Readable } from "node:stream";
import { attachment, plainText } from "@/server/api/download";
import { createRequestContext } from "@/server/api/request";
import { signedInCaller } from "@/server/api/trpc";
import { secureApiRoute } from "@/server/http/api-route";
import { AppError, NOT_FOUND_OR_FORBIDDEN } from "@/server/errors";
import { openExportDownload } from "@/server/services/exports/export-jobs";
import { createFileStore } from "@/server/storage/file-store";

// Node streams.
export const runtime = "nodejs";

async function download(request: Request, { params }: { params: Promise<{ jobId: string }> }): Promise<Response> {
  const { jobId } = await params;
  const ctx = await createRequestContext(request.headers);
  if (!ctx.userId) return plainText(401, "กรุณาเข้าสู่ระบบ");
  // Read as the caller (row-level security); a disabled account is refused like a foreign job.
  const caller = await signedInCaller(ctx);
  if (!caller) return plainText(404, NOT_FOUND_OR_FORBIDDEN);
  try {
    // The file store by the unnarrowed client: stored files belong to no tenant, and the job is the caller's own (checked first).
    const file = await openExportDownload(caller.db, createFileStore(ctx.db), caller.access, jobId);
    const extension = file.fileName.slice(file.fileName.lastIndexOf("."));
    return new Response(Readable.toWeb(file.stream) as ReadableStream, {
      headers: {
        "Content-Type": file.contentType,
        "Content-Length": String(file.bytes),
        "Content-Disposition": attachment(file.fileName, `summary${extension}`),
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    // Someone else's job, an unknown id and a lost role look the same.
    if (error instanceof AppError) return plainText(404, error.code === "NOT_FOUND" ? error.message : NOT_FOUND_OR_FORBIDDEN);
    throw error;
  }
}

export const GET = secureApiRoute(download);
