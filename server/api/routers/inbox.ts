import { createTRPCRouter, signedInProcedure } from "@/server/api/trpc";
import { listInbox } from "@/server/services/inbox";

export const inboxRouter = createTRPCRouter({
  list: signedInProcedure.query(({ ctx }) => listInbox(ctx.db, ctx.access)),
});
