import { areaProcedure, createTRPCRouter, limitedPerUser, signedInProcedure } from "@/server/api/trpc";
import { getExportJob, startSummaryExport } from "@/server/services/exports/export-jobs";
import { ZSummaryExportInput } from "@/server/services/exports/summary-data";
import { idSchema, z } from "@/server/validation";

export const exportRouter = createTRPCRouter({
  /** Queues the summary of an area the caller reviews (PDF, XLSX or CSV) with the overview's filters. */
  start: areaProcedure
    .input(ZSummaryExportInput)
    .use(limitedPerUser("export"))
    .mutation(({ ctx, input }) => startSummaryExport(ctx.db, ctx.access, ctx.request, ctx.area, input)),
  /** Progress of one of the caller's own export jobs, and its download address when done. */
  status: signedInProcedure
    .input(z.object({ jobId: idSchema }))
    .query(({ ctx, input }) => getExportJob(ctx.db, ctx.access, input.jobId)),
});
