// Revocable sessions. next-auth's encrypted JWT cookie carries the user's id and the id of a
// UserSession row; every request reads that row (sessionFromHeaders), so deleting it ends the
// session at once, whatever the cookie says. A session ends:
// - on sign-out (that session),
// - when its user's password changes (every session; the user's own change keeps the session
//   that made it), the account is disabled or its last role is revoked (every session),
// - after SESSION_IDLE_MINUTES without a request, or SESSION_MAX_HOURS after sign-in.
import { randomBytes } from "node:crypto";
import { decode } from "next-auth/jwt";
import type { DbClient } from "@/server/db/client";
import { env, parseEnv, type EnvSource } from "@/server/env";
import { resolveAuthSecret } from "./secret";

export type SessionConfig = {
  secret: string;
  /** next-auth names its cookie __Secure-… when the public address is https. */
  secureCookie: boolean;
  idleMinutes: number;
  maxHours: number;
};

let processConfig: SessionConfig | undefined;

/** The process's session settings (from server/env.ts), or those of a given set of variables. */
export function sessionConfig(source?: EnvSource): SessionConfig {
  if (!source && processConfig) return processConfig;
  const vars = source ? parseEnv(source) : env();
  const config = {
    secret: resolveAuthSecret(source),
    secureCookie: vars.NEXTAUTH_URL?.startsWith("https://") ?? false,
    idleMinutes: vars.SESSION_IDLE_MINUTES,
    maxHours: vars.SESSION_MAX_HOURS,
  };
  if (!source) processConfig = config;
  return config;
}

export const sessionCookieName = (config: Pick<SessionConfig, "secureCookie">) =>
  config.secureCookie ? "__Secure-next-auth.session-token" : "next-auth.session-token";

/** What the session cookie carries (set by authOptions' jwt callback). */
export type SessionToken = { userId: string; sessionId: string };

export type ActiveSession = SessionToken;

/** The last-seen time is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60_000;

/** Starts a session for a user who has just proved their password; returns its id. */
export async function startSession(db: DbClient, userId: string, config: Pick<SessionConfig, "maxHours">, now = new Date()): Promise<string> {
  // The user's sessions that have outlived the absolute limit go now (idle ones go when seen).
  await db.userSession.deleteMany({ where: { userId, createdAt: { lte: new Date(now.getTime() - config.maxHours * 3_600_000) } } });
  const id = randomBytes(24).toString("base64url");
  await db.userSession.create({ data: { id, userId, createdAt: now, lastSeenAt: now } });
  return id;
}

/** The session if it is still open: not revoked, not idle too long, not too old, account enabled. */
export async function resolveSession(
  db: DbClient,
  token: SessionToken,
  config: Pick<SessionConfig, "idleMinutes" | "maxHours">,
  now = new Date(),
): Promise<ActiveSession | null> {
  const row = await db.userSession.findUnique({
    where: { id: token.sessionId },
    select: { userId: true, createdAt: true, lastSeenAt: true, user: { select: { disabled: true } } },
  });
  if (!row || row.userId !== token.userId || row.user.disabled) return null;
  const idle = now.getTime() - row.lastSeenAt.getTime() >= config.idleMinutes * 60_000;
  const tooOld = now.getTime() - row.createdAt.getTime() >= config.maxHours * 3_600_000;
  if (idle || tooOld) {
    await db.userSession.deleteMany({ where: { id: token.sessionId } });
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await db.userSession.updateMany({ where: { id: token.sessionId }, data: { lastSeenAt: now } });
  }
  return { userId: row.userId, sessionId: token.sessionId };
}

/** Ends one session (sign-out). */
export async function endSession(db: DbClient, sessionId: string): Promise<void> {
  await db.userSession.deleteMany({ where: { id: sessionId } });
}

/** Ends every session of a user, but the one given (the user's own password change). */
export async function endUserSessions(db: DbClient, userId: string, options: { except?: string | null } = {}): Promise<number> {
  const ended = await db.userSession.deleteMany({
    where: { userId, ...(options.except ? { id: { not: options.except } } : {}) },
  });
  return ended.count;
}

function cookiesOf(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at <= 0) continue;
    const name = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    try {
      cookies.set(name, decodeURIComponent(value));
    } catch {
      cookies.set(name, value);
    }
  }
  return cookies;
}

/** The token in the request's session cookie (next-auth splits a long one into name.0, name.1, …). */
export async function readSessionToken(headers: Headers, config: Pick<SessionConfig, "secret" | "secureCookie">): Promise<SessionToken | null> {
  const name = sessionCookieName(config);
  const cookies = cookiesOf(headers.get("cookie"));
  const chunks = [...cookies.entries()]
    .filter(([key]) => key === name || key.startsWith(`${name}.`))
    .sort(([a], [b]) => Number(a.slice(name.length + 1) || 0) - Number(b.slice(name.length + 1) || 0));
  const raw = chunks.map(([, value]) => value).join("");
  if (!raw) return null;
  try {
    const payload = await decode({ token: raw, secret: config.secret });
    const userId = payload?.userId;
    const sessionId = payload?.sessionId;
    // Tokens issued before sessions were revocable carry no session id: signed out.
    return typeof userId === "string" && typeof sessionId === "string" ? { userId, sessionId } : null;
  } catch {
    // Expired, tampered with or signed with another secret.
    return null;
  }
}

/** The open session of a request, or null (signed out, revoked or expired). */
export async function sessionFromHeaders(db: DbClient, headers: Headers, config: SessionConfig = sessionConfig(), now = new Date()) {
  const token = await readSessionToken(headers, config);
  return token ? resolveSession(db, token, config, now) : null;
}
