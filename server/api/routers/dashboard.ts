import { areaProcedure, createTRPCRouter } from "@/server/api/trpc";
import { compareUnits, listCompareOptions, ZCompareInput, ZCompareOptionsInput } from "@/server/services/dashboard/compare";
import { getAreaOverview, ZAreaOverviewInput } from "@/server/services/dashboard/overview";

export const dashboardRouter = createTRPCRouter({
  /** Figures, distribution, levels, trend, movers and ranking of an area in one fiscal year. */
  overview: areaProcedure
    .input(ZAreaOverviewInput)
    .query(({ ctx, input }) => getAreaOverview(ctx.db, ctx.area, input)),
  /** Chosen organisations, districts or provinces of the area side by side over fiscal years. */
  compare: areaProcedure.input(ZCompareInput).query(({ ctx, input }) => compareUnits(ctx.db, ctx.area, input)),
  /** The area's organisations, districts or provinces matching a search, for the compare picker. */
  compareOptions: areaProcedure
    .input(ZCompareOptionsInput)
    .query(({ ctx, input }) => listCompareOptions(ctx.db, ctx.area, input)),
});
