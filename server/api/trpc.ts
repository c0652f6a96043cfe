/**
 * tRPC set-up in three parts: (1) the context of a call, (2) initialisation with superjson and
 * Thai validation messages, (3) the procedure builders, each doing its scope check once:
 * public, signed-in, organisation, area and admin.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Db } from "@/server/db/client";
import {
  isAdmin,
  loadAccess,
  requireReadableOrganization,
  requireReadableReport,
  requireReviewableArea,
  type AreaNode,
} from "@/server/access/access";
import { AppError } from "@/server/errors";
import type { RequestMetadata } from "@/server/services/audit";
import { idSchema, z } from "@/server/validation";

// ── 1. Context ──────────────────────────────────────────────────────────────────────────
export type Context = {
  db: Db;
  userId: string | null;
  request: RequestMetadata;
};

export function createContext(input: Context): Context {
  return input;
}

// ── 2. Initialisation ───────────────────────────────────────────────────────────────────
const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    return {
      ...shape,
      data: {
        ...shape.data,
        // Field-level messages for forms: { "roles.0.organizationId": ["..."] }
        fieldErrors:
          cause instanceof ZodError ? (z.flattenError(cause).fieldErrors as Record<string, string[] | undefined>) : null,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

// Domain errors carry their Thai message; give them the matching tRPC code.
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
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

// ── 3. Procedures ───────────────────────────────────────────────────────────────────────
export const publicProcedure = t.procedure.use(domainErrors);

/** The caller is signed in with an enabled account; their roles are read fresh per call. */
export const signedInProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const access = ctx.userId ? await loadAccess(ctx.db, ctx.userId) : null;
  if (!access) throw new TRPCError({ code: "UNAUTHORIZED", message: "กรุณาเข้าสู่ระบบ" });
  return next({ ctx: { ...ctx, access } });
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

export const adminProcedure = signedInProcedure.use(({ ctx, next }) => {
  if (!isAdmin(ctx.access)) throw new TRPCError({ code: "FORBIDDEN", message: "เฉพาะผู้ดูแลระบบ" });
  return next();
});

/** Calls about one report: the caller may read the report's organisation. */
export const reportProcedure = signedInProcedure
  .input(z.object({ reportId: idSchema }))
  .use(async ({ ctx, input, next }) => {
    const organization = await requireReadableReport(ctx.db, ctx.access, input.reportId);
    return next({ ctx: { ...ctx, organization } });
  });
