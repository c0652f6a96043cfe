// Whether an error means the database server could not be reached or dropped the connection
// (restarting, shutting down, out of connections, every connection busy for too long), as
// opposed to a fault of the request: the same request may well succeed a moment later. The
// error arrives in one of several shapes:
// Prisma's (P1001 and kin, or a raw query's SQLSTATE in meta), the driver adapter's
// DriverAdapterError (its cause's kind, or SQLSTATE), or node-postgres's own. A bare socket error
// (ECONNREFUSED …) is not enough: it may come from S3 or SMTP, which are not the database.
import { Prisma } from "./generated/client";

/** Prisma: cannot reach, timed out reaching, operation timed out, server closed the connection, pool timed out. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** The driver adapter's kinds of connection failure (@prisma/adapter-pg's mapping of socket errors). */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/** SQLSTATE: class 08 (connection exception), 57P01-57P03 (shutting down, crashed, starting up), 53300 (too many connections). */
const isUnavailableSqlState = (code: unknown) => typeof code === "string" && (/^08[0-9A-Z]{3}$/.test(code) || /^57P0[1-3]$/.test(code) || code === "53300");
/** node-postgres's messages for a connection that died (it gives them no code). */
const DRIVER_MESSAGES = [/^Connection terminated/, /^Client has encountered a connection error and is not queryable/, /^Client was closed and is not queryable/];

type Described = { name?: unknown; code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: unknown };

function describesUnavailable(error: Described): boolean {
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  if (error instanceof Prisma.PrismaClientKnownRequestError && PRISMA_CODES.has(error.code)) return true;
  // Every connection stayed taken for TRANSACTION_MAX_WAIT_MS: the database is too busy for now.
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2028" && /Unable to start a transaction in the given time/.test(error.message)) return true;
  if (typeof error.kind === "string" && (ADAPTER_KINDS.has(error.kind) || (error.kind === "postgres" && isUnavailableSqlState(error.code)))) return true;
  if (isUnavailableSqlState(error.code)) return true;
  return typeof error.message === "string" && DRIVER_MESSAGES.some((pattern) => pattern.test(error.message as string));
}

/** True when the error, or anything it wraps, says the database is unavailable for now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0) {
    const next = pending.pop();
    if (!next || typeof next !== "object" || seen.has(next)) continue;
    seen.add(next);
    const described = next as Described;
    if (describesUnavailable(described)) return true;
    pending.push(described.cause);
    // Prisma keeps the adapter's error in meta.driverAdapterError (a raw query's SQLSTATE is in its cause).
    const meta = described.meta as { driverAdapterError?: unknown } | undefined;
    if (meta && typeof meta === "object") pending.push(meta.driverAdapterError);
  }
  return false;
}
