// The tRPC endpoint (/api/trpc/…) as an HTTP handler: app/api/trpc/[trpc]/route.ts serves it,
// and tests call it with their own database and session settings.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { BODY_TOO_LARGE, readLimitedBody, withBody } from "@/server/http/body-limit";
import {
  apiHeaders,
  CROSS_SITE_REFUSED,
  hstsEnabled,
  isSameOriginRequest,
  STATE_CHANGING_METHODS,
  withHeaders,
} from "@/server/http/security-headers";
import { isDatabaseUnavailable } from "@/server/db/unavailable";
import { MAX_IMPORT_FILE_BYTES } from "@/server/services/imports/table-file";
import { appRouter } from "./root";
import { createRequestContext, type RequestDeps } from "./request";
import { databaseUnavailableError, logUnexpectedError } from "./trpc";

/** What a 503 for an unreachable database asks the client to wait before trying again. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/** A call's body: 1 MB (a report's whole content is far less). */
export const TRPC_BODY_LIMIT = 1024 * 1024;
/** The procedures that take a file (base64 in JSON): the file's limit, a third more, and room. */
export const UPLOAD_PROCEDURES = new Set(["admin.importAccounts", "registry.import", "reportImport.preview", "reportImport.createDraft", "emblem.upload"]);
export const UPLOAD_BODY_LIMIT = Math.ceil((MAX_IMPORT_FILE_BYTES * 4) / 3) + 64 * 1024;

/** The procedures a request names: /api/trpc/a.b or, batched, /api/trpc/a.b,c.d. */
function proceduresOf(url: URL): string[] {
  return decodeURIComponent(url.pathname.slice("/api/trpc/".length)).split(",");
}

export function bodyLimitFor(url: URL): number {
  const procedures = proceduresOf(url);
  return procedures.length > 0 && procedures.every((path) => UPLOAD_PROCEDURES.has(path)) ? UPLOAD_BODY_LIMIT : TRPC_BODY_LIMIT;
}

/** A refusal in tRPC's own answer shape, so the page shows its Thai message like any other. */
export function trpcRefusal(url: URL, status: number, code: string, message: string): Response {
  const procedures = proceduresOf(url);
  const error = (path: string) => ({
    error: { json: { message, code: -32600, data: { code, httpStatus: status, path, fieldErrors: null } } },
  });
  const body = url.searchParams.get("batch") === "1" ? procedures.map(error) : error(procedures[0] ?? "");
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", "cache-control": "private, no-store" } });
}

/**
 * The endpoint: a mutation from another site is refused (403) and a body over its limit (413)
 * before anything is read further; every answer carries the API's security headers and
 * Cache-Control: private, no-store.
 */
export async function handleTrpcRequest(request: Request, deps: RequestDeps = {}): Promise<Response> {
  return withHeaders(await answerTrpcRequest(request, deps), apiHeaders({ hsts: deps.hsts ?? hstsEnabled() }));
}

async function answerTrpcRequest(request: Request, deps: RequestDeps): Promise<Response> {
  const url = new URL(request.url);
  if (STATE_CHANGING_METHODS.has(request.method) && !isSameOriginRequest(request, deps.publicUrl)) {
    await request.body?.cancel().catch(() => undefined);
    return trpcRefusal(url, 403, "FORBIDDEN", CROSS_SITE_REFUSED);
  }
  if (request.method !== "GET" && request.method !== "HEAD") {
    const limit = bodyLimitFor(url);
    const read = await readLimitedBody(request, limit);
    if (!read.ok) return trpcRefusal(url, 413, "PAYLOAD_TOO_LARGE", BODY_TOO_LARGE(limit));
    request = withBody(request, read.body);
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    // The context reads the session: with the database unreachable that is the first thing to fail.
    createContext: () =>
      createRequestContext(request.headers, deps).catch((error: unknown) => {
        throw isDatabaseUnavailable(error) ? databaseUnavailableError(error) : error;
      }),
    onError: logUnexpectedError,
    // The request's id goes back to the browser, so a support call can quote it; a refusal for an
    // unreachable database says when to try again.
    responseMeta: ({ ctx, errors }) => {
      const headers = new Headers(ctx ? { "x-request-id": ctx.requestId } : {});
      if (errors.some((error) => error.code === "SERVICE_UNAVAILABLE")) headers.set("retry-after", String(DATABASE_RETRY_AFTER_SECONDS));
      return { headers };
    },
  });
}
