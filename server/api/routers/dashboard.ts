import { areaProcedure, createTRPCRouter } from "@/server/api/trpc";
import { cachedDashboardResult } from "@/server/services/dashboard/cache";
import { compareUnits, listCompareOptions, ZCompareInput, ZCompareOptionsInput } from "@/server/services/dashboard/compare";
import { getAreaOverview, ZAreaOverviewInput } from "@/server/services/dashboard/overview";
import { getAreaRanking, ZRankingInput } from "@/server/services/dashboard/ranking";
import { getDashboardOptions, ZDashboardFilters } from "@/server/services/dashboard/scope";
import { getAreaTrend } from "@/server/services/dashboard/trend";

export const dashboardRouter = createTRPCRouter({
  /** The fiscal years and districts the filters offer. */
  options: areaProcedure.query(({ ctx }) => getDashboardOptions(ctx.db, ctx.area)),
  /** Figures, distribution, levels and movers of an area in one fiscal year. */
  overview: areaProcedure
    .input(ZAreaOverviewInput)
    .query(({ ctx, input }) => cachedDashboardResult(ctx.db, ["overview", input], () => getAreaOverview(ctx.db, ctx.area, input))),
  /** Every fiscal year's score statistics, overall and per district (per province for the country). */
  trend: areaProcedure
    .input(ZDashboardFilters)
    // Every year's trend: the year and the report switch do not change it, nor its cache entry; the unconfirmed-score switch does.
    .query(({ ctx, input }) =>
      cachedDashboardResult(ctx.db, ["trend", input.area, input.districtId ?? null, input.organizationType ?? null, input.includeUnconfirmed !== false], () =>
        getAreaTrend(ctx.db, ctx.area, input),
      ),
    ),
  /** One page of the organisations ranked by score, sortable and searchable. */
  ranking: areaProcedure
    .input(ZRankingInput)
    .query(({ ctx, input }) => cachedDashboardResult(ctx.db, ["ranking", input], () => getAreaRanking(ctx.db, ctx.area, input))),
  /** Chosen organisations, districts or provinces of the area side by side over fiscal years. */
  compare: areaProcedure
    .input(ZCompareInput)
    // Not given and true count the same results: one cache entry for both.
    .query(({ ctx, input }) =>
      cachedDashboardResult(ctx.db, ["compare", { ...input, includeUnconfirmed: input.includeUnconfirmed !== false }], () => compareUnits(ctx.db, ctx.area, input)),
    ),
  /** The area's organisations, districts or provinces matching a search, for the compare picker. */
  compareOptions: areaProcedure
    .input(ZCompareOptionsInput)
    .query(({ ctx, input }) => listCompareOptions(ctx.db, ctx.area, input)),
});
