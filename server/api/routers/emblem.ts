import { createTRPCRouter, nationalProcedure } from "@/server/api/trpc";
import { emblemStatus, removeEmblem, saveEmblem, ZEmblemUpload } from "@/server/services/emblem";
import { createFileStore } from "@/server/storage/file-store";

const emblemProcedure = nationalProcedure("emblem.manage");

// The Garuda printed on every memo: the national administrator's to set once for the deployment.
export const emblemRouter = createTRPCRouter({
  status: emblemProcedure.query(({ ctx }) => emblemStatus({ store: createFileStore(ctx.db) })),
  upload: emblemProcedure.input(ZEmblemUpload).mutation(({ ctx, input }) => saveEmblem({ ...ctx, store: createFileStore(ctx.db) }, input)),
  remove: emblemProcedure.mutation(({ ctx }) => removeEmblem({ ...ctx, store: createFileStore(ctx.db) })),
});
