import { createTRPCRouter, organizationProcedure } from "@/server/api/trpc";
import { saveOrganizationItaResult, ZItaResultEntry } from "@/server/services/ita-results";
import { getOrganizationProfile } from "@/server/services/organizations";
import { createReport } from "@/server/services/reports/reports";
import { yearBeSchema, z } from "@/server/validation";

export const organizationRouter = createTRPCRouter({
  profile: organizationProcedure.query(({ ctx }) => getOrganizationProfile(ctx.db, ctx.access, ctx.organization.id)),
  createReport: organizationProcedure
    .input(z.object({ yearBe: yearBeSchema, copyFromPrevious: z.boolean() }))
    .mutation(({ ctx, input }) => createReport(ctx.db, ctx.access, input, ctx.request)),
  saveItaResult: organizationProcedure
    .input(ZItaResultEntry)
    .mutation(({ ctx, input }) => saveOrganizationItaResult(ctx.db, ctx.access, input, ctx.request)),
});
