import { areaProcedure, createTRPCRouter } from "@/server/api/trpc";
import { getAreaOverview, ZAreaOverviewInput } from "@/server/services/dashboard/overview";

export const dashboardRouter = createTRPCRouter({
  /** Figures, distribution, levels, trend, movers and ranking of an area in one fiscal year. */
  overview: areaProcedure
    .input(ZAreaOverviewInput)
    .query(({ ctx, input }) => getAreaOverview(ctx.db, ctx.area, input)),
});
