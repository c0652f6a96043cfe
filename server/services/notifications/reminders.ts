// Scheduled notifications: deadline reminders (7 days and 1 day before, for organisations that
// have not sent their report to the province), the overdue notice to the organisation (once per
// deadline: a province's later deadline is a new one) and the weekly overdue digest to each
// province's staff; and the daily e-mail digest of what people chose to read once a day. Every
// one is keyed by its event (the deadline's date, the week, the day): several instances, or a
// job retried, tell and mail each person once.
import type { Db } from "@/server/db/client";
import { organizationNode } from "@/server/access/access";
import { daysToDeadline } from "@/server/domain/deadline";
import { isoDay } from "@/server/domain/fiscal-year";
import { formatInteger, formatThaiDate } from "@/server/domain/thai-format";
import { defineJob } from "@/server/jobs/job-kind";
import { composeMail, mailConfig, queueMails } from "@/server/services/mail/mail";
import { provinceDeadlines } from "@/server/services/deadlines";
import { notify, recipientsFor } from "./notifications";

const THAI_CALENDAR_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Bangkok" });

/** Days before the deadline on which organisations that have not sent are reminded. */
export const REMINDER_DAYS = [7, 1];

/** The Monday of the week `now` falls in, in Thailand ("2026-02-16"). */
function weekOf(now: Date): string {
  const today = new Date(`${THAI_CALENDAR_DAY.format(now)}T00:00:00Z`);
  return isoDay(new Date(today.getTime() - ((today.getUTCDay() + 6) % 7) * 86_400_000));
}

/** Tells each organisation that has not sent of its deadline, and each province of its overdue ones. Returns the mails to queue. */
export async function runDeadlineReminders(options: { db: Db; now?: Date }): Promise<string[]> {
  const { db } = options;
  const now = options.now ?? new Date();
  const mails: string[] = [];
  const years = await db.fiscalYear.findMany({ where: { isOpen: true }, orderBy: { yearBe: "asc" } });
  for (const year of years) {
    const deadlineOf = await provinceDeadlines(db, year);
    const organizations = await db.localOrganization.findMany({
      where: { active: true, reports: { none: { fiscalYearId: year.id, status: { in: ["SUBMITTED", "ACCEPTED"] } } } },
      select: {
        id: true,
        nameTh: true,
        districtId: true,
        district: { select: { provinceId: true, province: { select: { nameTh: true } } } },
        reports: { where: { fiscalYearId: year.id }, select: { id: true } },
      },
      orderBy: { nameTh: "asc" },
    });
    const overdue = new Map<string, { provinceName: string; lines: string[] }>();
    for (const organization of organizations) {
      const { deadline } = deadlineOf(organization.district.provinceId);
      const days = daysToDeadline(deadline, now);
      if (days >= 0 && !REMINDER_DAYS.includes(days)) continue;
      const node = organizationNode(organization);
      const reportId = organization.reports[0]?.id ?? null;
      const about = `รายงาน ITA ปี ${year.yearBe} ของ${organization.nameTh}`;
      const base = {
        reportId,
        organizationId: organization.id,
        link: reportId ? `/reports/${reportId}` : `/organizations/${organization.id}`,
        recipientIds: await recipientsFor(db, { action: "report.prepare", node }),
      };
      if (days < 0) {
        const province = overdue.get(organization.district.provinceId) ?? { provinceName: organization.district.province.nameTh, lines: [] };
        province.lines.push(`- ${organization.nameTh} (เลยกำหนด ${formatInteger(-days)} วัน)`);
        overdue.set(organization.district.provinceId, province);
      }
      const event =
        days < 0
          ? {
              ...base,
              kind: "OVERDUE" as const,
              eventKey: `overdue:${organization.id}:${year.yearBe}:${isoDay(deadline)}`,
              title: `${about} เลยกำหนดส่งแล้ว`,
              body: `กำหนดส่ง ${formatThaiDate(deadline)} ยังไม่ได้ส่งรายงานถึงจังหวัด กรุณาดำเนินการโดยเร็ว`,
            }
          : {
              ...base,
              kind: "DEADLINE_SOON" as const,
              eventKey: `deadline:${organization.id}:${year.yearBe}:${isoDay(deadline)}:${days}`,
              title: `อีก ${formatInteger(days)} วันถึงกำหนดส่ง${about}`,
              body: `กำหนดส่ง ${formatThaiDate(deadline)} รายงานยังไม่ได้ส่งถึงจังหวัด`,
            };
      mails.push(...(await db.$transaction((tx) => notify(tx, event))));
    }
    // The week's digest of overdue organisations to each province's own staff (the first run of each week).
    for (const [provinceId, { provinceName, lines }] of overdue) {
      const recipientIds = await recipientsFor(db, { action: "area.review", node: { kind: "province", id: provinceId }, localOnly: true });
      const event = {
        kind: "OVERDUE_DIGEST" as const,
        eventKey: `overdue-digest:${provinceId}:${year.yearBe}:${weekOf(now)}`,
        recipientIds,
        title: `สรุปประจำสัปดาห์: ${formatInteger(lines.length)} องค์กรใน${provinceName}เลยกำหนดส่งรายงาน ITA ปี ${year.yearBe}`,
        body: lines.join("\n"),
        link: `/areas/province/${provinceId}/status?year=${year.yearBe}&flag=overdue`,
      };
      mails.push(...(await db.$transaction((tx) => notify(tx, event))));
    }
  }
  return mails;
}

export const deadlineRemindersJob = defineJob<{ now?: string }>({
  name: "deadline-reminders",
  retry: { retryLimit: 3, retryDelay: 60, retryBackoff: true },
  cron: "0 1 * * *", // 08:00 in Thailand
  async run({ db }, { now }) {
    await queueMails(await runDeadlineReminders({ db, now: now ? new Date(now) : undefined }));
  },
});

/** One mail per person of the notifications they chose to get once a day. Returns the mails to queue. */
export async function runDailyDigest(options: { db: Db; now?: Date }): Promise<string[]> {
  const { db } = options;
  const now = options.now ?? new Date();
  if (!mailConfig()) return [];
  const day = THAI_CALENDAR_DAY.format(now);
  const waiting = { delivery: "DAILY_DIGEST" as const, digestedAt: null, createdAt: { lte: now } };
  const recipients = await db.user.findMany({
    where: { disabled: false, email: { not: null }, notifications: { some: waiting } },
    select: { id: true, email: true, displayName: true },
  });
  const mails: string[] = [];
  for (const recipient of recipients) {
    const mailId = await db.$transaction(async (tx) => {
      const items = await tx.notification.findMany({ where: { recipientId: recipient.id, ...waiting }, orderBy: { createdAt: "asc" }, take: 200 });
      if (items.length === 0) return null;
      const key = `digest:${recipient.id}:${day}`;
      const created = await tx.outgoingMail.createMany({
        data: [
          {
            key,
            recipientId: recipient.id,
            toAddress: recipient.email!,
            ...composeMail({
              recipientName: recipient.displayName,
              subject: `สรุปการแจ้งเตือนประจำวัน (${formatInteger(items.length)} รายการ)`,
              intro: "การแจ้งเตือนที่คุณเลือกรับเป็นอีเมลสรุปรายวัน",
              items,
            }),
          },
        ],
        skipDuplicates: true,
      });
      // Today's digest was made already (another instance): what came since waits for tomorrow's.
      if (created.count === 0) return null;
      await tx.notification.updateMany({ where: { id: { in: items.map((item) => item.id) } }, data: { digestedAt: now } });
      return (await tx.outgoingMail.findUniqueOrThrow({ where: { key }, select: { id: true } })).id;
    });
    if (mailId) mails.push(mailId);
  }
  return mails;
}

export const dailyDigestJob = defineJob<{ now?: string }>({
  name: "daily-digest",
  retry: { retryLimit: 3, retryDelay: 60, retryBackoff: true },
  cron: "0 0 * * *", // 07:00 in Thailand
  async run({ db }, { now }) {
    await queueMails(await runDailyDigest({ db, now: now ? new Date(now) : undefined }));
  },
});
