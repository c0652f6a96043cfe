// Response headers and the cross-site request check, in one place: proxy.ts applies them to
// pages (with a per-request CSP nonce), server/http/api-route.ts and server/api/http.ts to every
// /api answer (proxy.ts does not run there, so that request bodies reach the routes unbuffered).
import { env } from "@/server/env";

/** Sent with every answer. */
export function commonHeaders(options: { hsts: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(options.hsts ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/**
 * HSTS only in production at an https address (NEXTAUTH_URL): never on a developer's or the
 * demo's http://localhost, where a browser would remember it for a year.
 */
export function hstsEnabled(vars = env()): boolean {
  return vars.NODE_ENV === "production" && (vars.NEXTAUTH_URL?.startsWith("https://") ?? false);
}

/**
 * A page's policy. Scripts: only those carrying this request's nonce (Next.js puts it on its
 * own) and what they load ('strict-dynamic'); no inline or injected script runs. Styles allow
 * 'unsafe-inline': React's style attributes (Recharts sets them on every chart element) cannot
 * carry a nonce. Nothing may frame the app.
 */
export function pageContentSecurityPolicy(nonce: string, options: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** An API answer is data, never a document: it may load nothing and be framed by nobody. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

export function apiHeaders(options: { hsts: boolean }): Record<string, string> {
  return {
    ...commonHeaders(options),
    "Content-Security-Policy": API_CONTENT_SECURITY_POLICY,
    // Answers about a signed-in user's data must never be kept by a browser or a shared cache.
    "Cache-Control": "private, no-store",
  };
}

/** Sets headers on a response, copying it first if its headers are read-only. */
export function withHeaders(response: Response, headers: Record<string, string>, options: { keepCacheControl?: boolean } = {}): Response {
  let target = response;
  try {
    target.headers.set("X-Content-Type-Options", "nosniff");
  } catch {
    target = new Response(response.body, response);
  }
  for (const [name, value] of Object.entries(headers)) {
    if (name === "Cache-Control" && options.keepCacheControl && target.headers.has(name)) continue;
    target.headers.set(name, value);
  }
  return target;
}

export const STATE_CHANGING_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export const CROSS_SITE_REFUSED = "ไม่อนุญาตคำขอที่ส่งมาจากเว็บไซต์อื่น กรุณาใช้งานผ่านหน้าเว็บของระบบโดยตรง";

/**
 * Whether a state-changing request comes from our own pages. The rule:
 * - with an Origin header, its host must be ours: the Host header the browser addressed (what
 *   the proxy passes on), the request's own URL, or NEXTAUTH_URL's. "null" is refused;
 * - without one (older browsers leave it off some requests), Sec-Fetch-Site must say
 *   same-origin; without either it is refused too: every browser since 2020 sends at least one,
 *   and a script may simply send Origin.
 * The scheme is not compared: behind a TLS proxy the app itself is reached over http.
 */
export function isSameOriginRequest(request: Request, publicUrl = env().NEXTAUTH_URL): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return request.headers.get("sec-fetch-site") === "same-origin";
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false; // "null" and anything unparseable
  }
  const ours = [request.headers.get("host"), new URL(request.url).host, publicUrl ? new URL(publicUrl).host : null];
  return ours.some((host) => host && host.toLowerCase() === originHost.toLowerCase());
}
