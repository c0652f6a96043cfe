// Wraps an /api route handler: a state-changing request from another site is refused (403,
// Thai) before the handler runs, a body over the route's limit is refused (413, Thai) as it
// streams in, and every answer carries the API's security headers.
import { BODY_TOO_LARGE, readLimitedBody, withBody } from "./body-limit";
import { apiHeaders, CROSS_SITE_REFUSED, hstsEnabled, isSameOriginRequest, STATE_CHANGING_METHODS, withHeaders } from "./security-headers";

/** What a route without a larger need may receive: a sign-in or sign-out form is far smaller. */
export const DEFAULT_API_BODY_LIMIT = 64 * 1024;

export function secureApiRoute<Rest extends unknown[]>(
  handler: (request: Request, ...rest: Rest) => Promise<Response> | Response,
  options: { bodyLimit?: number; /** Public answers (open data, badges) may set their own Cache-Control. */ keepCacheControl?: boolean } = {},
) {
  const bodyLimit = options.bodyLimit ?? DEFAULT_API_BODY_LIMIT;
  return async (request: Request, ...rest: Rest): Promise<Response> => {
    const headers = apiHeaders({ hsts: hstsEnabled() });
    const text = (status: number, body: string) =>
      withHeaders(new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } }), headers);
    if (STATE_CHANGING_METHODS.has(request.method) && !isSameOriginRequest(request)) {
      await request.body?.cancel().catch(() => undefined);
      return text(403, CROSS_SITE_REFUSED);
    }
    if (request.body) {
      const read = await readLimitedBody(request, bodyLimit);
      if (!read.ok) return text(413, BODY_TOO_LARGE(bodyLimit));
      request = withBody(request, read.body);
    }
    return withHeaders(await handler(request, ...rest), headers, { keepCacheControl: options.keepCacheControl });
  };
}
