import { createTRPCRouter, signedInProcedure } from "@/server/api/trpc";
import { homePathFor } from "@/server/services/home";

export const meRouter = createTRPCRouter({
  get: signedInProcedure.query(({ ctx }) => ({ ...ctx.access, homePath: homePathFor(ctx.access) })),
});
