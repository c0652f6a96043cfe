import { createTRPCRouter, limitedPerUser, organizationProcedure } from "@/server/api/trpc";
import { createImportedDraft, previewReportImport, ZCreateDraftInput, ZReportSource } from "@/server/services/report-import/import-draft";
import { z } from "@/server/validation";

// Both read a whole document: mutations (a file never goes into a URL), counted as imports.
export const reportImportRouter = createTRPCRouter({
  preview: organizationProcedure
    .input(z.object({ source: ZReportSource }))
    .use(limitedPerUser("import"))
    .mutation(({ ctx, input }) => previewReportImport({ db: ctx.db, access: ctx.access, organizationId: ctx.organization.id, source: input.source })),
  createDraft: organizationProcedure
    .input(z.object(ZCreateDraftInput))
    .use(limitedPerUser("import"))
    .mutation(({ ctx, input: { source, yearBe, replaceDraft } }) =>
      createImportedDraft({ db: ctx.db, access: ctx.access, organizationId: ctx.organization.id, source, yearBe, replaceDraft, request: ctx.request }),
    ),
});
