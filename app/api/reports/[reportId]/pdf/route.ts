// GET /api/reports/{reportId}/pdf[?digits=arabic]: the report's memo and annex as a PDF
// download. Access goes through the report.get procedure, so the rules are the report page's.
import { TRPCError } from "@trpc/server";
import { attachment, plainText as text } from "@/server/api/download";
import { createCaller } from "@/server/api/root";
import { createRequestContext } from "@/server/api/request";
import { NOT_FOUND_OR_FORBIDDEN } from "@/server/errors";
import { exportReportPdf } from "@/server/services/exports/report-export";

// pdfkit and the font files need Node.
export const runtime = "nodejs";

export async function GET(request: Request, { params }: { params: Promise<{ reportId: string }> }) {
  const { reportId } = await params;
  const digits = new URL(request.url).searchParams.get("digits") === "arabic" ? "arabic" : "thai";
  const ctx = await createRequestContext(request.headers);
  try {
    const { pdf, fileName } = await exportReportPdf(createCaller(ctx), ctx, { reportId, digits });
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Length": String(pdf.length),
        "Content-Disposition": attachment(fileName, "report.pdf"),
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
