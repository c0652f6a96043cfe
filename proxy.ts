// Next.js 16's proxy (formerly middleware), for pages only: a fresh CSP nonce per request (Next
// reads it from the request's Content-Security-Policy header and puts it on its own scripts),
// the security headers, and no caching of pages (every page is rendered per request and most
// show a signed-in user's data). /api is left out on purpose: with a proxy in the way, Next
// buffers every request body for it, which would defeat the streamed body limits of the API
// routes; those routes set the same headers themselves (server/http/api-route.ts).
import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_PATH_HEADER } from "@/server/domain/return-path";
import { env } from "@/server/env";
import { commonHeaders, hstsEnabled, pageContentSecurityPolicy } from "@/server/http/security-headers";

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const vars = env();
  const policy = pageContentSecurityPolicy(nonce, {
    dev: vars.NODE_ENV === "development",
    https: vars.NEXTAUTH_URL?.startsWith("https://") ?? false,
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  requestHeaders.set(REQUEST_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(commonHeaders({ hsts: hstsEnabled(vars) }))) response.headers.set(name, value);
  // The public pages (accepted reports, announced scores) may be kept a minute by browsers and
  // shared caches; every other page shows a signed-in user's data.
  response.headers.set("Cache-Control", request.nextUrl.pathname.startsWith("/public/") ? "public, max-age=60" : "private, no-store");
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
    },
  ],
};
