import { createTRPCRouter, signedInProcedure } from "@/server/api/trpc";
import { administrationMenu, homePathFor } from "@/server/access/permissions";
import { mailConfig } from "@/server/services/mail/mail";

export const meRouter = createTRPCRouter({
  get: signedInProcedure.query(({ ctx }) => ({ ...ctx.access, homePath: homePathFor(ctx.access), administers: administrationMenu(ctx.access), mailOn: mailConfig() !== null })),
});
