import { createTRPCRouter, organizationProcedure } from "@/server/api/trpc";
import { confirmItaResult, saveOrganizationItaResult, ZConfirmItaResult, ZItaResultEntry } from "@/server/services/ita-results";
import { getOrganizationProfile } from "@/server/services/organizations";
import { createReport } from "@/server/services/reports/reports";
import { yearBeSchema, z } from "@/server/validation";

export const organizationRouter = createTRPCRouter({
  profile: organizationProcedure.query(({ ctx }) => getOrganizationProfile(ctx.db, ctx.access, ctx.organization.id)),
  createReport: organizationProcedure
    .input(z.object({ yearBe: yearBeSchema, copyFromPrevious: z.boolean() }))
    .mutation(({ ctx, input }) => createReport(ctx.db, ctx.access, input, ctx.request)),
  /** The preparer reports the organisation's own result; province staff enter or change one (with a reason). */
  saveItaResult: organizationProcedure
    .input(ZItaResultEntry)
    .mutation(({ ctx, input }) =>
      saveOrganizationItaResult({ db: ctx.db, access: ctx.access, input: { ...input, organizationId: ctx.organization.id }, request: ctx.request }),
    ),
  /** A province reviewer confirms the organisation's own result. */
  confirmItaResult: organizationProcedure
    .input(ZConfirmItaResult)
    .mutation(({ ctx, input }) =>
      confirmItaResult({ db: ctx.db, access: ctx.access, input: { ...input, organizationId: ctx.organization.id }, request: ctx.request }),
    ),
});
