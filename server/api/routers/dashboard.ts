import { areaProcedure, createTRPCRouter } from "@/server/api/trpc";
import { areaDependency, cachedDashboardResult } from "@/server/services/dashboard/cache";
import { compareFrame, compareUnits, listCompareOptions, ZCompareInput, ZCompareOptionsInput } from "@/server/services/dashboard/compare";
import { getAreaOverview, ZAreaOverviewInput } from "@/server/services/dashboard/overview";
import { getAreaRanking, ZRankingInput } from "@/server/services/dashboard/ranking";
import { getDashboardOptions, ZDashboardFilters } from "@/server/services/dashboard/scope";
import { getAreaTrend } from "@/server/services/dashboard/trend";

/** The years from one to the other when both are given; otherwise every year. */
function yearsBetween(from: number | undefined, to: number | undefined): number[] | undefined {
  if (from === undefined || to === undefined) return undefined;
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

export const dashboardRouter = createTRPCRouter({
  /** The fiscal years and districts the filters offer. */
  options: areaProcedure.query(({ ctx }) => getDashboardOptions(ctx.db, ctx.area)),
  /** Figures, distribution, levels and movers of an area in one fiscal year. */
  overview: areaProcedure
    .input(ZAreaOverviewInput)
    // Every year: whether the area holds invented data looks at every year's results.
    .query(({ ctx, input }) =>
      cachedDashboardResult({ db: ctx.db, key: ["overview", input], dependsOn: areaDependency(ctx.area) }, () => getAreaOverview(ctx.db, ctx.area, input)),
    ),
  /** Every fiscal year's score statistics, overall and per district (per province for the country). */
  trend: areaProcedure
    .input(ZDashboardFilters)
    // Every year's trend: the year and the report switch do not change it, nor its cache entry; the unconfirmed-score switch does.
    .query(({ ctx, input }) =>
      cachedDashboardResult(
        {
          db: ctx.db,
          key: ["trend", input.area, input.districtId ?? null, input.organizationType ?? null, input.includeUnconfirmed !== false],
          dependsOn: areaDependency(ctx.area),
        },
        () => getAreaTrend(ctx.db, ctx.area, input),
      ),
    ),
  /** One page of the organisations ranked by score, sortable and searchable. */
  ranking: areaProcedure
    .input(ZRankingInput)
    // Every year: each row carries the organisation's totals of every year.
    .query(({ ctx, input }) =>
      cachedDashboardResult({ db: ctx.db, key: ["ranking", input], dependsOn: areaDependency(ctx.area) }, () => getAreaRanking(ctx.db, ctx.area, input)),
    ),
  /** Chosen organisations, districts or provinces of the area side by side over fiscal years. */
  compare: areaProcedure
    .input(ZCompareInput)
    // Not given and true count the same results: one cache entry for both. A range not given
    // follows the fiscal years, whose changes count everywhere.
    .query(({ ctx, input }) =>
      cachedDashboardResult(
        {
          db: ctx.db,
          key: ["compare", { ...input, includeUnconfirmed: input.includeUnconfirmed !== false }],
          dependsOn: areaDependency(ctx.area, yearsBetween(input.fromYearBe, input.toYearBe)),
        },
        () => compareUnits(ctx.db, ctx.area, input),
      ),
    ),
  /** The compare page's units (each in the area) and years, without the scores: shown before them. */
  compareFrame: areaProcedure.input(ZCompareInput).query(({ ctx, input }) => compareFrame(ctx.db, ctx.area, input)),
  /** The area's organisations, districts or provinces matching a search, for the compare picker. */
  compareOptions: areaProcedure
    .input(ZCompareOptionsInput)
    .query(({ ctx, input }) => listCompareOptions(ctx.db, ctx.area, input)),
});
