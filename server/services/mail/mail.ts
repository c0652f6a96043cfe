// E-mail: the SMTP settings (SMTP_URL, MAIL_FROM; without them mail is off and notifications stay
// in the app), the Thai text of a mail, and the send-mail job. Every mail is a row of
// OutgoingMail first, made in the transaction of what it tells of, with a key that names what it
// is about: the row, not the queue, is the record of whether it was sent, so a retried job, a
// second worker or a second enqueue never sends it twice.
import nodemailer, { type Transporter } from "nodemailer";
import type { DbClient } from "@/server/db/client";
import { appUrl, env } from "@/server/env";
import { defineJob } from "@/server/jobs/job-kind";
import { enqueue } from "@/server/jobs/queue";
import { logger } from "@/server/logger";

export type MailConfig = { smtpUrl: string; from: string };

let configured: MailConfig | null | undefined;
let transporter: { config: MailConfig; transport: Transporter } | null = null;

/** The process's mail settings, or null when mail is off. */
export function mailConfig(): MailConfig | null {
  if (configured !== undefined) return configured;
  const { SMTP_URL, MAIL_FROM } = env();
  return SMTP_URL && MAIL_FROM ? { smtpUrl: SMTP_URL, from: MAIL_FROM } : null;
}

/** Sets the mail settings of this process (a test's own SMTP server); undefined: back to the environment's. */
export function configureMail(config: MailConfig | null | undefined): void {
  configured = config;
  transporter?.transport.close();
  transporter = null;
}

function transportFor(config: MailConfig): Transporter {
  if (transporter?.config !== config) {
    transporter?.transport.close();
    transporter = { config, transport: nodemailer.createTransport(config.smtpUrl) };
  }
  return transporter.transport;
}

const escapeHtml = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

export type MailItem = { title: string; body?: string | null; link: string };

/** A mail's Thai subject, plain text and HTML: one item, or a digest of several. */
export function composeMail(options: { recipientName: string; subject: string; intro?: string; items: MailItem[] }) {
  const base = appUrl();
  const url = (link: string) => `${base}${link}`;
  const greeting = `เรียน คุณ${options.recipientName}`;
  const footer = "อีเมลนี้ส่งจากระบบโปร่งใสโดยอัตโนมัติ กรุณาอย่าตอบกลับ เลือกวิธีรับการแจ้งเตือนได้ที่";
  const text = [
    greeting,
    "",
    ...(options.intro ? [options.intro, ""] : []),
    ...options.items.flatMap((item) => [item.title, ...(item.body ? [item.body] : []), `เปิดดู: ${url(item.link)}`, ""]),
    `${footer} ${url("/notifications")}`,
  ].join("\n");
  const html = [
    `<p>${escapeHtml(greeting)}</p>`,
    ...(options.intro ? [`<p>${escapeHtml(options.intro)}</p>`] : []),
    ...options.items.map(
      (item) =>
        `<p><strong>${escapeHtml(item.title)}</strong>${item.body ? `<br>${escapeHtml(item.body).replaceAll("\n", "<br>")}` : ""}<br><a href="${escapeHtml(url(item.link))}">เปิดดูในระบบ</a></p>`,
    ),
    `<p style="color:#64748b;font-size:12px">${escapeHtml(footer)} <a href="${escapeHtml(url("/notifications"))}">การแจ้งเตือน</a></p>`,
  ].join("\n");
  return { subject: `[โปร่งใส] ${options.subject}`, text, html };
}

/**
 * Writes the mails of notifications to be e-mailed at once (inside the event's transaction),
 * for recipients with an address, when mail is on. Returns the mails' ids, to queue after commit.
 */
export async function mailNotifications(tx: DbClient, notificationIds: string[]): Promise<string[]> {
  if (notificationIds.length === 0 || !mailConfig()) return [];
  const notifications = await tx.notification.findMany({
    where: { id: { in: notificationIds }, recipient: { email: { not: null }, disabled: false } },
    select: { id: true, title: true, body: true, link: true, recipient: { select: { id: true, email: true, displayName: true } } },
  });
  if (notifications.length === 0) return [];
  await tx.outgoingMail.createMany({
    data: notifications.map((notification) => ({
      key: `notification:${notification.id}`,
      recipientId: notification.recipient.id,
      toAddress: notification.recipient.email!,
      ...composeMail({ recipientName: notification.recipient.displayName, subject: notification.title, items: [notification] }),
    })),
    skipDuplicates: true,
  });
  const mails = await tx.outgoingMail.findMany({ where: { key: { in: notifications.map((notification) => `notification:${notification.id}`) } }, select: { id: true } });
  return mails.map((mail) => mail.id);
}

/**
 * Queues the sending of mails whose rows have committed. Never inside a transaction. A mail
 * queued twice is still sent once: sendMail claims the row first.
 */
export async function queueMails(mailIds: string[]): Promise<void> {
  for (const mailId of mailIds) await enqueue(sendMailJob, { mailId });
}

/** Sends one mail unless it has been sent, or another worker is sending it right now. */
export async function sendMail(db: DbClient, mailId: string, now: Date = new Date()): Promise<"sent" | "skipped"> {
  const config = mailConfig();
  if (!config) return "skipped"; // mail was switched off meanwhile: the row stays queued
  const staleClaim = new Date(now.getTime() - env().JOB_EXPIRE_SECONDS * 1000);
  const claimed = await db.outgoingMail.updateMany({
    where: { id: mailId, status: "QUEUED", OR: [{ claimedAt: null }, { claimedAt: { lt: staleClaim } }] },
    data: { claimedAt: now, attempts: { increment: 1 } },
  });
  if (claimed.count === 0) return "skipped";
  const mail = await db.outgoingMail.findUniqueOrThrow({ where: { id: mailId } });
  try {
    await transportFor(config).sendMail({
      from: config.from,
      to: mail.toAddress,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: `<${mail.id}@prongsai.invalid>`,
    });
  } catch (error) {
    await db.outgoingMail.update({ where: { id: mail.id }, data: { claimedAt: null, error: error instanceof Error ? error.message.slice(0, 500) : "ส่งไม่สำเร็จ" } });
    throw error;
  }
  await db.outgoingMail.update({ where: { id: mail.id }, data: { status: "SENT", sentAt: new Date(), claimedAt: null, error: null } });
  return "sent";
}

export const sendMailJob = defineJob<{ mailId: string }>({
  name: "send-mail",
  retry: { retryLimit: 6, retryDelay: 2, retryBackoff: true },
  async run({ db }, { mailId }) {
    const result = await sendMail(db, mailId);
    logger.info({ mailId, result }, "send-mail");
  },
  async givenUp({ db }, { mailId }) {
    await db.outgoingMail.updateMany({ where: { id: mailId, status: "QUEUED" }, data: { status: "FAILED", claimedAt: null } });
  },
});

/**
 * Every ten minutes: queues mails still waiting a few minutes after they were written (their
 * process stopped between the commit and the queue, or mail was off for a while).
 */
export const mailSweepJob = defineJob<object>({
  name: "mail-sweep",
  retry: { retryLimit: 1, retryDelay: 60, retryBackoff: false },
  cron: "*/10 * * * *",
  async run({ db }) {
    if (!mailConfig()) return;
    const waiting = await db.outgoingMail.findMany({
      where: { status: "QUEUED", claimedAt: null, createdAt: { lt: new Date(Date.now() - 5 * 60_000) } },
      select: { id: true },
      take: 1000,
    });
    await queueMails(waiting.map((mail) => mail.id));
  },
});
