// Builds a call's context from an incoming request (route handler or server component).
import { sessionConfig, sessionFromHeaders, type SessionConfig } from "@/server/auth/sessions";
import { getDb, type Db } from "@/server/db/client";
import { clientAddress } from "@/server/http/client-address";
import { requestIdFrom } from "@/server/logger";
import { createContext } from "./trpc";

/** What a request's context is built from; tests pass their own database and session settings. */
export type RequestDeps = {
  db?: Db;
  session?: SessionConfig;
  now?: Date;
  /** NEXTAUTH_URL unless given (the origin check). */
  publicUrl?: string;
  /** Whether to send HSTS, production at an https address unless given. */
  hsts?: boolean;
};

export async function createRequestContext(headers: Headers, deps: RequestDeps = {}) {
  const db = deps.db ?? (await getDb());
  const session = await sessionFromHeaders(db, headers, deps.session ?? sessionConfig(), deps.now);
  return createContext({
    db,
    userId: session?.userId ?? null,
    sessionId: session?.sessionId ?? null,
    request: { ipAddress: clientAddress(headers), userAgent: headers.get("user-agent") },
    requestId: requestIdFrom(headers),
  });
}
