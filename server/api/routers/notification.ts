import { createTRPCRouter, signedInProcedure } from "@/server/api/trpc";
import { NotificationDelivery, NotificationKind } from "@/server/db/generated/enums";
import { listNotifications, markRead, preferencesOf, savePreferences, unreadCount } from "@/server/services/notifications/notifications";
import { idSchema, z } from "@/server/validation";

const kindSchema = z.enum(Object.values(NotificationKind) as [NotificationKind, ...NotificationKind[]], { error: "ประเภทการแจ้งเตือนไม่ถูกต้อง" });
const deliverySchema = z.enum(Object.values(NotificationDelivery) as [NotificationDelivery, ...NotificationDelivery[]], { error: "วิธีแจ้งเตือนไม่ถูกต้อง" });

export const notificationRouter = createTRPCRouter({
  /** The header's badge: one count, nothing else. */
  unreadCount: signedInProcedure.query(async ({ ctx }) => ({ unread: await unreadCount(ctx.db, ctx.access.userId) })),
  list: signedInProcedure
    .input(z.strictObject({ page: z.number().int().min(1).max(10_000).default(1), unreadOnly: z.boolean().default(false) }))
    .query(({ ctx, input }) => listNotifications(ctx.db, { userId: ctx.access.userId, ...input })),
  markRead: signedInProcedure
    .input(z.union([z.object({ ids: z.array(idSchema).min(1).max(500) }), z.object({ all: z.literal(true) })]))
    .mutation(({ ctx, input }) => markRead(ctx.db, { userId: ctx.access.userId, ids: "ids" in input ? input.ids : "all" })),
  preferences: signedInProcedure.query(({ ctx }) => preferencesOf(ctx.db, ctx.access.userId)),
  savePreferences: signedInProcedure
    .input(z.object({ choices: z.array(z.object({ kind: kindSchema, delivery: deliverySchema })).min(1).max(20) }))
    .mutation(({ ctx, input }) => savePreferences(ctx.db, { actor: ctx.access, choices: input.choices, request: ctx.request })),
});
