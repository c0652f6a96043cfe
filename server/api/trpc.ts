/**
 * tRPC set-up in three parts: (1) the context of a call, (2) initialisation with superjson and
 * Thai validation messages, (3) the procedure builders, each doing its scope check once:
 * public, signed-in, organisation, area, report, and those holding an action of the permission table.
 */
import { randomUUID } from "node:crypto";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { scopedDb, type Db } from "@/server/db/client";
import { dbScopeOf, loadAccess, requireReadableOrganization, requireReadableReport, requireReviewableArea, type Access, type AreaNode } from "@/server/access/access";
import { can, mayAnywhere, NATIONAL, type Action } from "@/server/access/permissions";
import { isDatabaseUnavailable } from "@/server/db/unavailable";
import { AppError, DATABASE_UNAVAILABLE, UNEXPECTED_ERROR } from "@/server/errors";
import { perUserRefusal, takePerUser, type PerUserKind } from "@/server/limits/per-user";
import { requestLogger, type Logger } from "@/server/logger";
import type { RequestMetadata } from "@/server/services/audit";
import { fieldErrorsOf, idSchema, z } from "@/server/validation";

// ── 1. Context ──────────────────────────────────────────────────────────────────────────
export type Context = {
  /**
   * The database as the caller sees it: unnarrowed (the system scope) until signedInProcedure
   * narrows it to the caller's rows (row-level security); `systemDb` keeps the unnarrowed one.
   */
  db: Db;
  userId: string | null;
  /** The session the call came with (null for server-side callers without one). */
  sessionId: string | null;
  request: RequestMetadata;
  /** Names the request in every log line and in the message of an unexpected error. */
  requestId: string;
  log: Logger;
  /**
   * The caller's access, read once per request however many procedures the request calls (a page
   * renders several): every copy of the context shares this holder.
   */
  accessOnce: { loaded?: Promise<Access | null>; narrowed?: Db };
};

export function createContext(
  input: Omit<Context, "requestId" | "log" | "sessionId" | "accessOnce"> & Partial<Pick<Context, "requestId" | "log" | "sessionId">>,
): Context {
  const requestId = input.requestId ?? randomUUID();
  return { ...input, sessionId: input.sessionId ?? null, requestId, log: input.log ?? requestLogger(requestId), accessOnce: {} };
}

/**
 * Logs an unexpected error once, with its stack, on the server. Its text (Prisma's, SQL's) never
 * reaches the client: errorFormatter replaces it. A call refused because the database could not
 * be reached is logged once as a warning: the database's own logs tell why.
 */
export function logUnexpectedError({ error, ctx, path }: { error: TRPCError; ctx?: Context; path?: string }) {
  const log = ctx?.log ?? requestLogger("unknown");
  if (error.code === "SERVICE_UNAVAILABLE") log.warn({ err: error.cause ?? error, path }, "database unavailable");
  if (error.code === "INTERNAL_SERVER_ERROR") log.error({ err: error.cause ?? error, path }, "unexpected error");
}

/** The database could not be reached: a 503 the client may retry, in Thai, nothing of the driver's text. */
export function databaseUnavailableError(cause: unknown): TRPCError {
  return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: DATABASE_UNAVAILABLE, cause });
}

// ── 2. Initialisation ───────────────────────────────────────────────────────────────────
const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error, ctx }) {
    const cause = error.cause;
    const unexpected = error.code === "INTERNAL_SERVER_ERROR";
    const { stack: _stack, ...data } = shape.data;
    return {
      ...shape,
      message: unexpected ? UNEXPECTED_ERROR(ctx?.requestId) : shape.message,
      data: {
        ...data,
        // Field-level messages for forms: { "roles.0.organizationId": ["..."] }
        fieldErrors: (cause instanceof ZodError ? fieldErrorsOf(cause) : cause instanceof AppError ? cause.fieldErrors : null) as Record<
          string,
          string[] | undefined
        > | null,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

// Domain errors carry their Thai message; give them the matching tRPC code. A database that
// cannot be reached is SERVICE_UNAVAILABLE (503): the same call may succeed in a moment.
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isDatabaseUnavailable(result.error.cause)) throw databaseUnavailableError(result.error.cause);
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  if (!result.ok && result.error.cause instanceof ZodError) {
    const first = result.error.cause.issues[0];
    throw new TRPCError({ code: "BAD_REQUEST", message: first?.message ?? "ข้อมูลไม่ถูกต้อง", cause: result.error.cause });
  }
  return result;
});

// PostgreSQL text can hold neither NUL nor an unpaired surrogate: refuse them in any input string
// here, once, rather than let the database answer with its own error.
function holdsUnstorableText(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\u0000") || !value.isWellFormed();
  if (Array.isArray(value)) return value.some(holdsUnstorableText);
  if (value && typeof value === "object" && !(value instanceof Date)) return Object.values(value).some(holdsUnstorableText);
  return false;
}

const storableInput = t.middleware(async ({ getRawInput, next }) => {
  if (holdsUnstorableText(await getRawInput())) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "ข้อความมีอักขระที่บันทึกไม่ได้ (อักขระควบคุมหรืออักขระเสีย) กรุณาลบออกแล้วลองใหม่" });
  }
  return next();
});

// ── 3. Procedures ───────────────────────────────────────────────────────────────────────
export const publicProcedure = t.procedure.use(domainErrors).use(storableInput);

/**
 * The caller is signed in with an enabled account; their roles are read fresh per call. From here
 * on ctx.db is narrowed to the caller's rows (row-level security, README Security model): every
 * query runs under the caller's scope, so a check forgotten in a service still shows no foreign
 * row. ctx.systemDb is the unnarrowed client, for what a caller legitimately reaches beyond its
 * rows; each use says why.
 */
export const signedInProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const caller = await signedInCaller(ctx);
  if (!caller) throw new TRPCError({ code: "UNAUTHORIZED", message: "กรุณาเข้าสู่ระบบ" });
  return next({ ctx: { ...ctx, ...caller, systemDb: ctx.db } });
});

/**
 * The signed-in caller's access and their narrowed client (null when signed out or disabled),
 * read once per request: the procedures above and the route handlers that read as the caller
 * (downloads) narrow here.
 */
export async function signedInCaller(ctx: Context): Promise<{ access: Access; db: Db } | null> {
  const access = ctx.userId ? await (ctx.accessOnce.loaded ??= loadAccess(ctx.db, ctx.userId)) : null;
  if (!access) return null;
  return { access, db: (ctx.accessOnce.narrowed ??= scopedDb(ctx.db, dbScopeOf(access))) };
}

/** A signed-in call that starts heavy work counts against the caller's allowance of its kind. */
export const limitedPerUser = (kind: PerUserKind) =>
  t.middleware(async ({ ctx, next }) => {
    if (ctx.userId) {
      const taken = await takePerUser(ctx.db, kind, ctx.userId);
      if (!taken.ok) throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: perUserRefusal(kind, taken.retryAfterMs) });
    }
    return next();
  });

/** Calls about one organisation: the caller holds a role at it or at a node above it. */
export const organizationProcedure = signedInProcedure
  .input(z.object({ organizationId: idSchema }))
  .use(async ({ ctx, input, next }) => {
    const organization = await requireReadableOrganization(ctx.db, ctx.access, input.organizationId);
    return next({ ctx: { ...ctx, organization } });
  });

export const ZAreaNode = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("district"), id: idSchema }),
  z.object({ kind: z.literal("province"), id: idSchema }),
  z.object({ kind: z.literal("national") }),
]);

/** Calls about a district, a province or the country: the caller reviews it or above it. */
export const areaProcedure = signedInProcedure
  .input(z.object({ area: ZAreaNode }))
  .use(async ({ ctx, input, next }) => {
    await requireReviewableArea(ctx.db, ctx.access, input.area as AreaNode);
    return next({ ctx: { ...ctx, area: input.area as AreaNode } });
  });

const ONLY_ADMINISTRATORS = "เฉพาะผู้ดูแลระบบ";

/**
 * Calls for those who hold the action somewhere (an administrator of the country or of a
 * province): the service then confines the call to the caller's own nodes.
 */
export const holdingProcedure = (action: Action) =>
  signedInProcedure.use(({ ctx, next }) => {
    if (!mayAnywhere(ctx.access, action)) throw new TRPCError({ code: "FORBIDDEN", message: ONLY_ADMINISTRATORS });
    return next();
  });

/** Calls for those who hold the action for the whole country (each year's framework). */
export const nationalProcedure = (action: Action) =>
  signedInProcedure.use(({ ctx, next }) => {
    if (!can(ctx.access, action, NATIONAL)) throw new TRPCError({ code: "FORBIDDEN", message: "เฉพาะผู้ดูแลระบบระดับประเทศ" });
    return next();
  });

/** Calls about one report: the caller may read the report's organisation. */
export const reportProcedure = signedInProcedure
  .input(z.object({ reportId: idSchema }))
  .use(async ({ ctx, input, next }) => {
    const organization = await requireReadableReport(ctx.db, ctx.access, input.reportId);
    return next({ ctx: { ...ctx, organization } });
  });
