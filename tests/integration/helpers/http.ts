// Calls through the real tRPC HTTP handler (server/api/http.ts) with a real session cookie:
// a UserSession row and next-auth's encrypted JWT, as a browser would send them.
import { encode } from "next-auth/jwt";
import superjson from "superjson";
import { handleTrpcRequest } from "@/server/api/http";
import { sessionCookieName, startSession, type SessionConfig } from "@/server/auth/sessions";
import type { Db } from "@/server/db/client";

export const TEST_SESSION_CONFIG: SessionConfig = {
  secret: "integration-test-secret-0123456789abcdef",
  secureCookie: false,
  idleMinutes: 60,
  maxHours: 12,
};

/** Signs a user in (a session row) and returns the Cookie header the browser would send. */
export async function sessionCookie(db: Db, userId: string, options: { config?: SessionConfig; now?: Date } = {}) {
  const config = options.config ?? TEST_SESSION_CONFIG;
  const sessionId = await startSession(db, userId, config, options.now);
  return { sessionId, cookie: await cookieFor({ userId, sessionId }, config) };
}

export async function cookieFor(token: Record<string, unknown>, config: SessionConfig = TEST_SESSION_CONFIG) {
  const value = await encode({ token, secret: config.secret, maxAge: config.maxHours * 3600 });
  return `${sessionCookieName(config)}=${value}`;
}

export type TrpcCall = {
  path: string;
  input?: unknown;
  cookie?: string;
  headers?: Record<string, string>;
  now?: Date;
  config?: SessionConfig;
};

export const BASE_URL = "http://prongsai.test";

/** A query (GET) through the handler. */
export async function trpcGet(db: Db, call: TrpcCall) {
  const query = call.input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(superjson.serialize(call.input)))}`;
  const request = new Request(`${BASE_URL}/api/trpc/${call.path}${query}`, {
    headers: { ...(call.cookie ? { cookie: call.cookie } : {}), ...call.headers },
  });
  return answer(await handleTrpcRequest(request, { db, session: call.config ?? TEST_SESSION_CONFIG, now: call.now }));
}

/** A mutation (POST) through the handler, from the app's own pages (same origin). */
export async function trpcPost(db: Db, call: TrpcCall & { body?: BodyInit }) {
  const request = new Request(`${BASE_URL}/api/trpc/${call.path}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      origin: BASE_URL,
      ...(call.cookie ? { cookie: call.cookie } : {}),
      ...call.headers,
    },
    body: call.body ?? JSON.stringify(superjson.serialize(call.input)),
    ...(call.body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
  return answer(await handleTrpcRequest(request, { db, session: call.config ?? TEST_SESSION_CONFIG, now: call.now }));
}

async function answer(response: Response) {
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: a plain-text refusal
  }
  const message = (json as { error?: { json?: { message?: string } } } | null)?.error?.json?.message ?? text;
  return { status: response.status, headers: response.headers, text, json, message };
}
