// The tRPC endpoint (/api/trpc/…) as an HTTP handler: app/api/trpc/[trpc]/route.ts serves it,
// and tests call it with their own database and session settings.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "./root";
import { createRequestContext, type RequestDeps } from "./request";
import { logUnexpectedError } from "./trpc";

export async function handleTrpcRequest(request: Request, deps: RequestDeps = {}): Promise<Response> {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: () => createRequestContext(request.headers, deps),
    onError: logUnexpectedError,
    // The request's id goes back to the browser, so a support call can quote it.
    responseMeta: ({ ctx }) => (ctx ? { headers: new Headers({ "x-request-id": ctx.requestId }) } : {}),
  });
}
