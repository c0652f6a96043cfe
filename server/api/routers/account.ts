import { createTRPCRouter, publicProcedure, signedInProcedure } from "@/server/api/trpc";
import { describePasswordLink, setPasswordWithLink, ZPasswordLinkToken } from "@/server/services/password-links";
import { changeOwnPassword, setOwnEmail, ZChangePassword, ZEmail } from "@/server/services/users";
import { z } from "@/server/validation";

export const accountRouter = createTRPCRouter({
  /** Who a set-password link is for (anyone holding the link may ask). */
  passwordLink: publicProcedure
    .input(z.object({ token: ZPasswordLinkToken }))
    .query(({ ctx, input }) => describePasswordLink({ db: ctx.db, token: input.token })),
  setPassword: publicProcedure
    .input(z.object({ token: ZPasswordLinkToken, password: z.string().max(200, "รหัสผ่านยาวเกินไป") }))
    .mutation(({ ctx, input }) => setPasswordWithLink({ db: ctx.db, input, request: ctx.request })),
  changePassword: signedInProcedure
    .input(ZChangePassword)
    .mutation(({ ctx, input }) => changeOwnPassword({ db: ctx.db, actor: ctx.access, input, request: ctx.request, keepSession: ctx.sessionId })),
  /** One's own e-mail address, where notifications are mailed. */
  email: signedInProcedure.query(async ({ ctx }) => ({
    email: (await ctx.db.user.findUniqueOrThrow({ where: { id: ctx.access.userId }, select: { email: true } })).email,
  })),
  setEmail: signedInProcedure
    .input(z.strictObject({ email: ZEmail.unwrap() }))
    .mutation(({ ctx, input }) => setOwnEmail({ db: ctx.db, actor: ctx.access, input, request: ctx.request })),
});
