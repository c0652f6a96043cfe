import { areaProcedure, createTRPCRouter, organizationProcedure } from "@/server/api/trpc";
import { cachedDashboardResult } from "@/server/services/dashboard/cache";
import { getAreaInsight, getOrganizationInsight, ZAreaInsightInput, ZOrganizationInsightInput } from "@/server/services/dashboard/insight";

export const insightRouter = createTRPCRouter({
  /** What the top quartile of comparable organisations adopted and this organisation did not (aggregates only). */
  organization: organizationProcedure
    .input(ZOrganizationInsightInput)
    .query(({ ctx, input }) =>
      cachedDashboardResult(ctx.db, ["insight.organization", ctx.organization.id, input.yearBe, input.peers], () =>
        getOrganizationInsight({ db: ctx.db, organizationId: ctx.organization.id, yearBe: input.yearBe, peers: input.peers }),
      ),
    ),
  /** Per suggested issue and standard result item of an area: score moves of adopters and the others. */
  area: areaProcedure
    .input(ZAreaInsightInput)
    .query(({ ctx, input }) =>
      cachedDashboardResult(ctx.db, ["insight.area", ctx.area, input.yearBe, input.organizationType ?? null], () =>
        getAreaInsight({ db: ctx.db, area: ctx.area, yearBe: input.yearBe, organizationType: input.organizationType }),
      ),
    ),
});
