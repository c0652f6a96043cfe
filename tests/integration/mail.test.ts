// E-mail (issue 15, part 3) against a real SMTP server on loopback and a real queue: each event
// mails exactly the right people once, with the Thai subject and a link to the very page; a send
// refused mid-way is retried and arrives once; two workers run the deadline reminder once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JOB_KINDS } from "@/server/jobs/kinds";
import { enqueue } from "@/server/jobs/queue";
import { appUrl } from "@/server/env";
import { configureMail, queueMails, sendMail } from "@/server/services/mail/mail";
import { notify } from "@/server/services/notifications/notifications";
import { dailyDigestJob, deadlineRemindersJob } from "@/server/services/notifications/reminders";
import { callerFor, worldForThisFile } from "./helpers/fixtures";
import { startTestWorker } from "./helpers/jobs";
import { prepareJourney } from "./helpers/report-journey";
import { startSmtpServer } from "./helpers/smtp-server";

const context = worldForThisFile();
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
const workers: Awaited<ReturnType<typeof startTestWorker>>[] = [];
let journey: Awaited<ReturnType<typeof prepareJourney>>;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const as = (userId: string) => callerFor(context.database.db, userId);
const address = (username: string) => `${username}@example.org`;
/** "to subject" lines, sorted. */
const lines = (mails: { to: string; subject: string }[]) => mails.map((mail) => `${mail.to} ${mail.subject}`).sort();

beforeAll(async () => {
  const { db } = context.database;
  journey = await prepareJourney(db, context.world);
  for (const user of await db.user.findMany()) await db.user.update({ where: { id: user.id }, data: { email: address(user.username) } });
  smtp = await startSmtpServer();
  configureMail({ smtpUrl: smtp.url, from: "โปร่งใส <noreply@example.org>" });
  workers.push(await startTestWorker(context.database));
}, 120_000);

afterAll(async () => {
  for (const worker of workers) await worker.stop();
  configureMail(undefined);
  await smtp?.stop();
});

describe("each event mails exactly the right people, once, with a link to the page", () => {
  it("sent up: the head of office of A1, with the report's link", async () => {
    const editor = as(context.world.users.editorA1.id);
    const { version } = await editor.report.get({ reportId: journey.reportId });
    await editor.report.submit({ reportId: journey.reportId, baseVersion: version });
    const [mail, ...more] = await smtp.waitFor(1);
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ to: address("signer.a1"), from: '"โปร่งใส" <noreply@example.org>' });
    expect(mail!.subject).toBe("[โปร่งใส] รายงาน ITA ปี 2568 ของอบต.ทดสอบเอหนึ่ง รอความเห็นของหัวหน้าสำนักปลัด");
    expect(mail!.text).toContain(`เปิดดู: ${appUrl()}/reports/${journey.reportId}\n`);
    expect(mail!.html).toContain(`href="${appUrl()}/reports/${journey.reportId}"`);
  });

  it("endorsed at each step, then sent to the province: preparers, the next signer, then the reviewers of A1", async () => {
    await as(context.world.users.signerA1.id).report.endorse({ reportId: journey.reportId });
    expect(lines(await smtp.waitFor(3))).toEqual(
      [
        `${address("editor.a1")} [โปร่งใส] หัวหน้าสำนักปลัดเห็นชอบรายงาน ITA ปี 2568 ของอบต.ทดสอบเอหนึ่งแล้ว`,
        `${address("editor2.a1")} [โปร่งใส] หัวหน้าสำนักปลัดเห็นชอบรายงาน ITA ปี 2568 ของอบต.ทดสอบเอหนึ่งแล้ว`,
        `${address("chief.a1")} [โปร่งใส] รายงาน ITA ปี 2568 ของอบต.ทดสอบเอหนึ่ง รอความเห็นของปลัด`,
      ].sort(),
    );
    await as(journey.people.chief).report.endorse({ reportId: journey.reportId });
    expect(await smtp.waitFor(3)).toHaveLength(3);
    await as(journey.people.executive).report.endorse({ reportId: journey.reportId });
    const mails = await smtp.waitFor(4);
    expect(mails.map((mail) => mail.to).sort()).toEqual([address("district.a1"), address("editor.a1"), address("editor2.a1"), address("province.a")].sort());
    const review = mails.find((mail) => mail.to === address("province.a"))!;
    expect(review.subject).toBe("[โปร่งใส] รายงาน ITA ปี 2568 ของอบต.ทดสอบเอหนึ่ง ส่งจังหวัดแล้ว รอการตรวจ (ครั้งที่ 1)");
  });

  it("returned: the preparers get the reason and a link to the very comment; a remark waits for the daily digest", async () => {
    const reviewer = as(context.world.users.provinceA.id);
    const remark = await reviewer.report.comment({ reportId: journey.reportId, measureId: journey.measureId, body: "กรุณาแนบลิงก์ประกาศ" });
    await reviewer.report.return({ reportId: journey.reportId, comment: "แก้ไขตามความเห็นในมาตรการ" });
    const decision = await context.database.db.reviewComment.findFirstOrThrow({ where: { reportId: journey.reportId, kind: "RETURN" } });
    const mails = await smtp.waitFor(2);
    expect(mails.map((mail) => mail.to).sort()).toEqual([address("editor.a1"), address("editor2.a1")]);
    for (const mail of mails) {
      expect(mail.subject).toBe("[โปร่งใส] จังหวัดส่งรายงาน ITA ปี 2568 ของอบต.ทดสอบเอหนึ่งกลับให้แก้ไข");
      expect(mail.text).toContain("สิ่งที่ต้องแก้ไข: แก้ไขตามความเห็นในมาตรการ");
      expect(mail.text).toContain(`${appUrl()}/reports/${journey.reportId}#comment-${decision.id}`);
    }

    // The day's digest: one mail per preparer holding the remark, once however often it runs.
    const now = new Date(Date.now() + 1000).toISOString();
    await enqueue(dailyDigestJob, { now });
    await enqueue(dailyDigestJob, { now });
    const digests = await smtp.waitFor(2);
    expect(digests.map((mail) => mail.to).sort()).toEqual([address("editor.a1"), address("editor2.a1")]);
    expect(digests[0]!.subject).toBe("[โปร่งใส] สรุปการแจ้งเตือนประจำวัน (1 รายการ)");
    expect(digests[0]!.text).toContain(`${appUrl()}/reports/${journey.reportId}#comment-${remark.id}`);
    expect(await context.database.db.outgoingMail.count({ where: { status: { not: "SENT" } } })).toBe(0);
  });
});

describe("sending survives failures and never repeats", () => {
  it("a send refused mid-way is retried by the queue and arrives once", async () => {
    const mailIds = await context.database.db.$transaction((tx) =>
      notify(tx, { kind: "OVERDUE", eventKey: "test:refused-once", recipientIds: [context.world.users.editorB.id], title: "ทดสอบการส่งซ้ำ", link: "/notifications" }),
    );
    smtp.state.refuseNext = 1;
    await queueMails(mailIds);
    await queueMails(mailIds); // queued twice: still one mail
    const [mail, ...more] = await smtp.waitFor(1, 3000);
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ to: address("editor.b"), subject: "[โปร่งใส] ทดสอบการส่งซ้ำ" });
    expect(smtp.state.refused).toBe(1);
    const row = await context.database.db.outgoingMail.findUniqueOrThrow({ where: { id: mailIds[0]! } });
    expect(row).toMatchObject({ status: "SENT", attempts: 2, claimedAt: null, error: null });
  });

  it("a mail claimed by a worker that is still sending is not sent again; one whose worker died is", async () => {
    const { db } = context.database;
    const [mailId] = await db.$transaction((tx) =>
      notify(tx, { kind: "OVERDUE", eventKey: "test:claimed", recipientIds: [context.world.users.editorB.id], title: "ทดสอบผู้ส่งที่หยุดไป", link: "/" }),
    );
    const now = new Date();
    await db.outgoingMail.update({ where: { id: mailId! }, data: { claimedAt: now } });
    expect(await sendMail(db, mailId!, now)).toBe("skipped");
    // The claim of a worker dead for longer than a job's expiry is taken over.
    expect(await sendMail(db, mailId!, new Date(now.getTime() + 10 * 60_000))).toBe("sent");
    expect(await sendMail(db, mailId!, new Date(now.getTime() + 20 * 60_000))).toBe("skipped");
    expect(await smtp.waitFor(1)).toHaveLength(1);
  });
});

describe("deadline reminders", () => {
  it("two workers run the reminder once: 7 days before, then overdue with the province's weekly digest", async () => {
    const { db } = context.database;
    workers.push(await startTestWorker(context.database));
    // 2567: deadline 8 March 2026, no report sent anywhere; 2568's is far away.
    await db.fiscalYear.update({ where: { yearBe: 2567 }, data: { submissionDeadline: day("2026-03-08") } });
    await db.fiscalYear.update({ where: { yearBe: 2568 }, data: { submissionDeadline: day("2099-12-31") } });

    const week = "2026-03-01T02:00:00Z"; // 09:00 on 1 March in Thailand: 7 days to go
    await Promise.all([enqueue(deadlineRemindersJob, { now: week }), enqueue(deadlineRemindersJob, { now: week })]);
    const soon = await smtp.waitFor(3, 3000);
    expect(soon.map((mail) => mail.to).sort()).toEqual([address("editor.a1"), address("editor.b"), address("editor2.a1")]);
    const b = soon.find((mail) => mail.to === address("editor.b"))!;
    expect(b.subject).toBe("[โปร่งใส] อีก 7 วันถึงกำหนดส่งรายงาน ITA ปี 2567 ของอบต.ทดสอบบี");
    expect(b.text).toContain(`${appUrl()}/organizations/${context.world.organizations.B.id}`);

    const late = "2026-03-10T02:00:00Z"; // two days past
    await Promise.all([enqueue(deadlineRemindersJob, { now: late }), enqueue(deadlineRemindersJob, { now: late })]);
    const overdue = await smtp.waitFor(6, 3000);
    expect(lines(overdue)).toEqual(
      [
        `${address("editor.a1")} [โปร่งใส] รายงาน ITA ปี 2567 ของอบต.ทดสอบเอหนึ่ง เลยกำหนดส่งแล้ว`,
        `${address("editor2.a1")} [โปร่งใส] รายงาน ITA ปี 2567 ของอบต.ทดสอบเอหนึ่ง เลยกำหนดส่งแล้ว`,
        `${address("editor.b")} [โปร่งใส] รายงาน ITA ปี 2567 ของอบต.ทดสอบบี เลยกำหนดส่งแล้ว`,
        `${address("province.a")} [โปร่งใส] สรุปประจำสัปดาห์: 3 องค์กรในจังหวัดทดสอบกเลยกำหนดส่งรายงาน ITA ปี 2567`,
        `${address("province-admin.a")} [โปร่งใส] สรุปประจำสัปดาห์: 3 องค์กรในจังหวัดทดสอบกเลยกำหนดส่งรายงาน ITA ปี 2567`,
        `${address("province.b")} [โปร่งใส] สรุปประจำสัปดาห์: 1 องค์กรในจังหวัดทดสอบขเลยกำหนดส่งรายงาน ITA ปี 2567`,
      ].sort(),
    );
    const digest = overdue.find((mail) => mail.to === address("province.a"))!;
    expect(digest.text).toContain("- อบต.ทดสอบเอสอง (เลยกำหนด 2 วัน)");
    expect(digest.text).toContain(`${appUrl()}/areas/province/${context.world.provinces.A.id}/status?year=2567&flag=overdue`);

    // The next day, the same week: nothing new.
    await enqueue(deadlineRemindersJob, { now: "2026-03-11T02:00:00Z" });
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(smtp.received).toEqual([]);
  });
});

describe("periodic jobs", () => {
  it("each runs as its schedule starts it: with no data at all", async () => {
    const { queue } = workers[0]!;
    const periodic = JOB_KINDS.filter((kind) => kind.cron);
    expect(periodic.map((kind) => kind.name)).toEqual(expect.arrayContaining([dailyDigestJob.name, deadlineRemindersJob.name]));
    // pg-boss's scheduler sends each cron job without data, which its worker receives as null.
    const sent = await Promise.all(periodic.map(async (kind) => ({ name: kind.name, id: (await queue.send(kind.name, null as never))! })));
    const states = async () => Promise.all(sent.map(async ({ name, id }) => `${name} ${(await queue.getJobById(name, id))?.state}`));
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && (await states()).some((state) => !state.endsWith(" completed"))) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await states()).toEqual(sent.map(({ name }) => `${name} completed`));
  }, 60_000);
});
