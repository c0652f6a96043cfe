// Request bodies are read up to a limit and no further: a declared Content-Length over it is
// refused before reading, and a body without one (chunked) is counted as it streams in and
// dropped as soon as it passes the limit. Memory per request is bounded by the limit.
import { NextRequest } from "next/server";

export const BODY_TOO_LARGE = (limitBytes: number) =>
  `ข้อมูลที่ส่งมีขนาดใหญ่เกินกำหนด (ไม่เกิน ${formatSize(limitBytes)}) กรุณาลดขนาดแล้วลองใหม่`;

function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const megabytes = bytes / (1024 * 1024);
  return `${Number.isInteger(megabytes) ? megabytes : megabytes.toFixed(1)} MB`;
}

export type LimitedBody = { ok: true; body: Uint8Array | null } | { ok: false };

/** Reads the request's body if it holds at most limitBytes; { ok: false } as soon as it does not. */
export async function readLimitedBody(request: Request, limitBytes: number): Promise<LimitedBody> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limitBytes) {
    await request.body?.cancel().catch(() => undefined);
    return { ok: false };
  }
  if (!request.body) return { ok: true, body: null };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false };
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, body };
}

/**
 * The same request with its body already read (so that the handler reads it from memory); a
 * NextRequest stays one (next-auth reads its nextUrl and cookies).
 */
export function withBody(request: Request, body: Uint8Array | null): Request {
  const init = { method: request.method, headers: request.headers, body: body as BodyInit | null, signal: request.signal };
  // Duck-typed: the NextRequest Next builds may come from another copy of the class than ours.
  return "nextUrl" in request ? new NextRequest(request.url, init) : new Request(request.url, init);
}
