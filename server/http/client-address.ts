// The client's address. Only our own server (server/http/serve.ts) decides it, from the TCP
// peer and as many X-Forwarded-For entries as there are trusted proxies in front
// (TRUSTED_PROXY_HOPS, default 0: the header is ignored entirely), and passes it on as the one
// X-Forwarded-For value the app reads. Whatever a client writes there itself is discarded.

/**
 * The address N trusted proxies in front of us vouch for: each proxy appends the address it
 * was reached from, so the client is the entry N places from the right of [...forwarded, peer].
 * Too few entries (a proxy missing) fall back to the leftmost one we have.
 */
export function resolveClientAddress(peerAddress: string | undefined, forwardedFor: string | string[] | undefined, hops: number): string {
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...forwarded, normaliseAddress(peerAddress ?? "unknown")];
  if (hops <= 0) return chain[chain.length - 1]!;
  return normaliseAddress(chain[Math.max(0, chain.length - 1 - hops)]!);
}

/** "::ffff:192.0.2.1" (IPv4 on an IPv6 socket) is 192.0.2.1. */
function normaliseAddress(address: string): string {
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice("::ffff:".length) : address;
}

/** The client's address as our server resolved it (see above). */
export function clientAddress(headers: Record<string, unknown> | Headers | undefined): string {
  const value = headers instanceof Headers ? headers.get("x-forwarded-for") : (headers?.["x-forwarded-for"] as string | undefined);
  return value?.split(",")[0]?.trim() || "unknown";
}

/** Our server's first step on every request: the resolved address replaces the client's header. */
export function stampClientAddress(
  request: { headers: Record<string, string | string[] | undefined>; socket: { remoteAddress?: string } },
  hops: number,
): void {
  request.headers["x-forwarded-for"] = resolveClientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"], hops);
  delete request.headers["x-real-ip"];
}
