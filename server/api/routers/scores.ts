import { createTRPCRouter, limitedPerUser, signedInProcedure } from "@/server/api/trpc";
import { importFileBytes, ZImportFile } from "@/server/services/imports/upload";
import { importScores } from "@/server/services/scores/score-import";
import { yearBeSchema } from "@/server/validation";

export const scoresRouter = createTRPCRouter({
  /** Announced ITA scores from a CSV/XLSX table: a dry run, or (apply) the import; province staff match only their own organisations. */
  import: signedInProcedure
    .input(ZImportFile.extend({ yearBe: yearBeSchema.nullish() }))
    .use(limitedPerUser("import"))
    .mutation(({ ctx, input }) =>
      importScores({
        db: ctx.db,
        access: ctx.access,
        input: { fileName: input.fileName, bytes: importFileBytes(input), apply: input.apply, yearBe: input.yearBe },
        request: ctx.request,
      }),
    ),
});
