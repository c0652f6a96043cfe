import { areaProcedure, createTRPCRouter, organizationProcedure } from "@/server/api/trpc";
import { areaDependency, cachedDashboardResult } from "@/server/services/dashboard/cache";
import { getAreaInsight, getOrganizationInsight, ZAreaInsightInput, ZOrganizationInsightInput } from "@/server/services/dashboard/insight";

export const insightRouter = createTRPCRouter({
  /** What the top quartile of comparable organisations adopted and this organisation did not (aggregates only). */
  organization: organizationProcedure
    .input(ZOrganizationInsightInput)
    // By the unnarrowed client on purpose: the peers (the province's or the country's) lie beyond the caller's rows, and the answer tells only counts of them.
    .query(({ ctx, input }) =>
      cachedDashboardResult(
        {
          db: ctx.systemDb,
          key: ["insight.organization", ctx.organization.id, input.yearBe, input.peers],
          // Scores of year N and N+1 of the organisation's peers, in its province or the country.
          dependsOn: { province: input.peers === "national" ? "all" : { provinceId: ctx.organization.provinceId }, years: [input.yearBe, input.yearBe + 1] },
        },
        () => getOrganizationInsight({ db: ctx.systemDb, organizationId: ctx.organization.id, yearBe: input.yearBe, peers: input.peers }),
      ),
    ),
  /** Per suggested issue and standard result item of an area: score moves of adopters and the others. */
  area: areaProcedure
    .input(ZAreaInsightInput)
    .query(({ ctx, input }) =>
      cachedDashboardResult(
        {
          db: ctx.db,
          key: ["insight.area", ctx.area, input.yearBe, input.organizationType ?? null],
          dependsOn: areaDependency(ctx.area, [input.yearBe, input.yearBe + 1]),
        },
        () => getAreaInsight({ db: ctx.db, area: ctx.area, yearBe: input.yearBe, organizationType: input.organizationType }),
      ),
    ),
});
