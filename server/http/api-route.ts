// Wraps an /api route handler: a state-changing request from another site is refused (403,
// Thai) before the handler runs, and every answer carries the API's security headers.
import { apiHeaders, CROSS_SITE_REFUSED, hstsEnabled, isSameOriginRequest, STATE_CHANGING_METHODS, withHeaders } from "./security-headers";

export function secureApiRoute<Rest extends unknown[]>(handler: (request: Request, ...rest: Rest) => Promise<Response> | Response) {
  return async (request: Request, ...rest: Rest): Promise<Response> => {
    const headers = apiHeaders({ hsts: hstsEnabled() });
    if (STATE_CHANGING_METHODS.has(request.method) && !isSameOriginRequest(request)) {
      return withHeaders(new Response(CROSS_SITE_REFUSED, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } }), headers);
    }
    return withHeaders(await handler(request, ...rest), headers);
  };
}
