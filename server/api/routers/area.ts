import { areaProcedure, createTRPCRouter, signedInProcedure } from "@/server/api/trpc";
import { describeArea, listAreaOrganizations, listReviewAreas } from "@/server/services/areas";
import { reportingStatus, ZReportingStatusInput } from "@/server/services/reporting-status";
import { yearBeSchema, z } from "@/server/validation";

export const areaRouter = createTRPCRouter({
  mine: signedInProcedure.query(({ ctx }) => listReviewAreas(ctx.db, ctx.access)),
  describe: areaProcedure.query(({ ctx }) => describeArea(ctx.db, ctx.area)),
  organizations: areaProcedure
    .input(z.object({ yearBe: yearBeSchema.optional() }))
    .query(({ ctx, input }) => listAreaOrganizations(ctx.db, ctx.area, input.yearBe)),
  status: areaProcedure.input(ZReportingStatusInput).query(({ ctx, input }) => reportingStatus({ db: ctx.db, area: ctx.area, input })),
});
