// Notifications: who is told of an event, and the rows that tell them. Recipients are computed
// with the permission table (grantsFor), exactly as the pages decide who may see what: nobody is
// told about what they may not open. A notification is created in the transaction of its event;
// its eventKey with the recipient is unique, so a retried event or a reminder run by two
// instances tells each person once. Whether it is also e-mailed (at once or in the daily digest)
// is the recipient's choice per kind (NotificationPreference; no row: DEFAULT_DELIVERY).
import type { Db, DbClient } from "@/server/db/client";
import type { NotificationDelivery, NotificationKind } from "@/server/db/generated/enums";
import type { AccessNode } from "@/server/access/nodes";
import { grantNode } from "@/server/access/nodes";
import { grantsFor, type Action } from "@/server/access/permissions";
import { mailNotifications } from "@/server/services/mail/mail";
import type { Access } from "@/server/access/access";
import { recordAudit, type RequestMetadata } from "@/server/services/audit";

export const NOTIFICATION_KINDS: NotificationKind[] = [
  "AWAITING_SIGNATURE",
  "AWAITING_REVIEW",
  "SENT_BACK",
  "RETURNED",
  "ENDORSED",
  "ACCEPTED",
  "COMMENTED",
  "REROUTED",
  "NO_SIGNER",
  "DEADLINE_SOON",
  "OVERDUE",
  "OVERDUE_DIGEST",
];

export const NOTIFICATION_KIND_LABEL: Record<NotificationKind, string> = {
  AWAITING_SIGNATURE: "รายงานรอความเห็นหรือลงนามของคุณ",
  AWAITING_REVIEW: "รายงานส่งจังหวัดแล้ว รอการตรวจ",
  SENT_BACK: "ผู้ลงนามส่งรายงานของคุณกลับให้แก้ไข",
  RETURNED: "จังหวัดส่งรายงานของคุณกลับให้แก้ไข",
  ENDORSED: "รายงานของคุณได้รับความเห็นชอบ",
  ACCEPTED: "จังหวัดรับรายงานของคุณแล้ว",
  COMMENTED: "ผู้ตรวจแสดงความเห็นต่อรายงานของคุณ",
  REROUTED: "ผู้ดูแลระบบเปลี่ยนเส้นทางรายงานของคุณ",
  NO_SIGNER: "รายงานค้างที่ขั้นที่ยังไม่มีผู้ลงนาม",
  DEADLINE_SOON: "ใกล้กำหนดส่งรายงาน",
  OVERDUE: "เลยกำหนดส่งรายงาน",
  OVERDUE_DIGEST: "สรุปรายสัปดาห์ องค์กรที่เลยกำหนดส่ง",
};

export const DELIVERY_LABEL: Record<NotificationDelivery, string> = {
  IN_APP: "ในระบบเท่านั้น",
  EMAIL_NOW: "อีเมลทันที",
  DAILY_DIGEST: "อีเมลสรุปรายวัน",
};

/** Without a choice of one's own: e-mail at once, except remarks, which wait for the day's digest. */
export const DEFAULT_DELIVERY: Record<NotificationKind, NotificationDelivery> = {
  AWAITING_SIGNATURE: "EMAIL_NOW",
  AWAITING_REVIEW: "EMAIL_NOW",
  SENT_BACK: "EMAIL_NOW",
  RETURNED: "EMAIL_NOW",
  ENDORSED: "EMAIL_NOW",
  ACCEPTED: "EMAIL_NOW",
  COMMENTED: "DAILY_DIGEST",
  REROUTED: "EMAIL_NOW",
  NO_SIGNER: "EMAIL_NOW",
  DEADLINE_SOON: "EMAIL_NOW",
  OVERDUE: "EMAIL_NOW",
  OVERDUE_DIGEST: "EMAIL_NOW",
};

export type RecipientRule = {
  /** Who holds this action on the node (report.endorse, report.prepare, report.review, area.review). */
  action: Action;
  node: AccessNode;
  /**
   * Only grants at the node's own organisation, district or province: the country's
   * administrators may open everything but are not told of every organisation's events.
   */
  localOnly?: boolean;
  /** The person whose act it is is not told of it. */
  exceptUserId?: string | null;
};

/** The enabled accounts the rule names (ids), by the permission table. */
export async function recipientsFor(db: DbClient, rule: RecipientRule): Promise<string[]> {
  const node = rule.node;
  const at =
    node.kind === "organization"
      ? [{ organizationId: node.id }, { districtId: node.districtId }, { provinceId: node.provinceId }]
      : node.kind === "district"
        ? [{ districtId: node.id }, { provinceId: node.provinceId }]
        : node.kind === "province"
          ? [{ provinceId: node.id }]
          : [];
  const candidates = await db.user.findMany({
    where: {
      disabled: false,
      roles: { some: { OR: [...at, { organizationId: null, districtId: null, provinceId: null }] } },
    },
    select: { id: true, roles: { select: { role: true, organizationId: true, districtId: true, provinceId: true } } },
    orderBy: { id: "asc" },
  });
  return candidates
    .filter((user) => user.id !== rule.exceptUserId)
    .filter((user) =>
      grantsFor({ grants: user.roles }, rule.action, node).some(
        (grant) => !rule.localOnly || grantNode(grant).kind !== "national",
      ),
    )
    .map((user) => user.id);
}

export type NotificationEvent = {
  kind: NotificationKind;
  /** Names the event once: "report:<id>:round:2:HEAD_OF_OFFICE", "comment:<id>", "deadline:<org>:2568:7". */
  eventKey: string;
  recipientIds: string[];
  reportId?: string | null;
  organizationId?: string | null;
  title: string;
  body?: string | null;
  /** The page it is about (a path). */
  link: string;
};

/**
 * Creates the event's notifications (once per recipient, whatever the retries) and the mails of
 * those to e-mail at once; returns the mails' ids, for the caller to queue (queueMails) after
 * its transaction commits.
 */
export async function notify(tx: DbClient, event: NotificationEvent): Promise<string[]> {
  const recipientIds = [...new Set(event.recipientIds)];
  if (recipientIds.length === 0) return [];
  const choices = await tx.notificationPreference.findMany({ where: { userId: { in: recipientIds }, kind: event.kind } });
  const deliveryOf = (userId: string) => choices.find((choice) => choice.userId === userId)?.delivery ?? DEFAULT_DELIVERY[event.kind];
  await tx.notification.createMany({
    data: recipientIds.map((recipientId) => ({
      recipientId,
      kind: event.kind,
      eventKey: event.eventKey,
      reportId: event.reportId ?? null,
      organizationId: event.organizationId ?? null,
      title: event.title,
      body: event.body ?? null,
      link: event.link,
      delivery: deliveryOf(recipientId),
    })),
    skipDuplicates: true,
  });
  const now = await tx.notification.findMany({
    where: { eventKey: event.eventKey, recipientId: { in: recipientIds }, delivery: "EMAIL_NOW" },
    select: { id: true },
  });
  return mailNotifications(tx, now.map((notification) => notification.id));
}

// ── One's own notifications ──

export async function unreadCount(db: DbClient, userId: string): Promise<number> {
  return db.notification.count({ where: { recipientId: userId, readAt: null } });
}

export const NOTIFICATION_PAGE_SIZE = 50;

export async function listNotifications(db: DbClient, options: { userId: string; page: number; unreadOnly: boolean }) {
  const where = { recipientId: options.userId, ...(options.unreadOnly ? { readAt: null } : {}) };
  const [items, total, unread] = await Promise.all([
    db.notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (options.page - 1) * NOTIFICATION_PAGE_SIZE,
      take: NOTIFICATION_PAGE_SIZE,
      select: { id: true, kind: true, title: true, body: true, link: true, readAt: true, createdAt: true },
    }),
    db.notification.count({ where }),
    unreadCount(db, options.userId),
  ]);
  return { items, total, unread, page: options.page, pageSize: NOTIFICATION_PAGE_SIZE };
}

/** Marks one's own notifications read (ids of others' are ignored: they are not one's own). */
export async function markRead(db: DbClient, options: { userId: string; ids: string[] | "all"; now?: Date }) {
  const marked = await db.notification.updateMany({
    where: { recipientId: options.userId, readAt: null, ...(options.ids === "all" ? {} : { id: { in: options.ids } }) },
    data: { readAt: options.now ?? new Date() },
  });
  return { marked: marked.count, unread: await unreadCount(db, options.userId) };
}

/** One's delivery per kind, defaults filled in. */
export async function preferencesOf(db: DbClient, userId: string) {
  const rows = await db.notificationPreference.findMany({ where: { userId } });
  return NOTIFICATION_KINDS.map((kind) => ({ kind, delivery: rows.find((row) => row.kind === kind)?.delivery ?? DEFAULT_DELIVERY[kind] }));
}

export async function savePreferences(
  db: Db,
  options: { actor: Access; choices: { kind: NotificationKind; delivery: NotificationDelivery }[]; request?: RequestMetadata },
) {
  const userId = options.actor.userId;
  await db.$transaction(async (tx) => {
    const before = await preferencesOf(tx, userId);
    for (const { kind, delivery } of options.choices) {
      await tx.notificationPreference.upsert({ where: { userId_kind: { userId, kind } }, create: { userId, kind, delivery }, update: { delivery } });
    }
    await recordAudit(tx, {
      actor: options.actor,
      request: options.request,
      action: "notification.preferences",
      entityType: "User",
      entityId: userId,
      before: Object.fromEntries(before.map((choice) => [choice.kind, choice.delivery])),
      after: Object.fromEntries((await preferencesOf(tx, userId)).map((choice) => [choice.kind, choice.delivery])),
    });
  });
  return preferencesOf(db, userId);
}
