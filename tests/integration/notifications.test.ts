// Notifications in the app (issue 15, part 2): each step of a report's journey tells exactly the
// people the permission table lets see it and whom it concerns, once; one's own list, count,
// read marks and choices of delivery.
import { beforeAll, describe, expect, it } from "vitest";
import type { NotificationKind } from "@/server/db/generated/enums";
import { notify } from "@/server/services/notifications/notifications";
import { callerFor, refusal, worldForThisFile } from "./helpers/fixtures";
import { prepareJourney } from "./helpers/report-journey";

const context = worldForThisFile();
let journey: Awaited<ReturnType<typeof prepareJourney>>;
let seen = 0; // notifications already checked

const as = (userId: string) => callerFor(context.database.db, userId);

/** The notifications made since the last call: [kind, recipient] pairs, sorted, and the rows. */
async function newNotifications() {
  const rows = await context.database.db.notification.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], skip: seen });
  seen += rows.length;
  return rows;
}
const pairs = (rows: { kind: NotificationKind; recipientId: string }[]) => rows.map((row) => `${row.kind} ${row.recipientId}`).sort();

beforeAll(async () => {
  journey = await prepareJourney(context.database.db, context.world);
});

describe("the report's journey tells whom it concerns", () => {
  const u = () => ({ ...context.world.users, ...journey.people });

  it("sent up: the head of office of A1 alone (not A1b's, not the other steps)", async () => {
    const { version } = await as(u().editorA1.id).report.get({ reportId: journey.reportId });
    await as(u().editorA1.id).report.submit({ reportId: journey.reportId, baseVersion: version });
    const rows = await newNotifications();
    expect(pairs(rows)).toEqual([`AWAITING_SIGNATURE ${u().signerA1.id}`]);
    // The status board's "since": the report records when it entered its state.
    const report = await context.database.db.yearlyReport.findUniqueOrThrow({ where: { id: journey.reportId } });
    expect(report.stateChangedAt.getTime()).toBeGreaterThan(report.createdAt.getTime());
    expect(rows[0]).toMatchObject({
      title: "รายงาน ITA ปี 2568 ของอบต.ทดสอบเอหนึ่ง รอความเห็นของหัวหน้าสำนักปลัด",
      link: `/reports/${journey.reportId}`,
      reportId: journey.reportId,
      organizationId: context.world.organizations.A1.id,
      readAt: null,
    });
  });

  it("endorsed: both enabled preparers hear of it, the ปลัด is asked next", async () => {
    await as(u().signerA1.id).report.endorse({ reportId: journey.reportId });
    expect(pairs(await newNotifications())).toEqual(
      [`ENDORSED ${u().editorA1.id}`, `ENDORSED ${u().secondEditor}`, `AWAITING_SIGNATURE ${u().chief}`].sort(),
    );
  });

  it("sent back by the ปลัด: the preparers get the reason", async () => {
    await as(u().chief).report.sendBack({ reportId: journey.reportId, comment: "ขาดหลักฐานการเผยแพร่" });
    const rows = await newNotifications();
    expect(pairs(rows)).toEqual([`SENT_BACK ${u().editorA1.id}`, `SENT_BACK ${u().secondEditor}`].sort());
    expect(rows[0]).toMatchObject({ title: "ปลัดส่งรายงาน ITA ปี 2568 ของอบต.ทดสอบเอหนึ่งกลับให้แก้ไข", body: "เหตุผล: ขาดหลักฐานการเผยแพร่" });
  });

  it("after the นายก: the reviewers of A1's district and province, not the country's administrator nor province B's", async () => {
    const { version } = await as(u().editorA1.id).report.get({ reportId: journey.reportId });
    await as(u().editorA1.id).report.submit({ reportId: journey.reportId, baseVersion: version });
    expect(pairs(await newNotifications())).toEqual([`AWAITING_SIGNATURE ${u().signerA1.id}`]);
    for (const signer of [u().signerA1.id, u().chief]) await as(signer).report.endorse({ reportId: journey.reportId });
    await newNotifications();
    await as(u().executive).report.endorse({ reportId: journey.reportId });
    const rows = await newNotifications();
    expect(pairs(rows)).toEqual(
      [`ENDORSED ${u().editorA1.id}`, `ENDORSED ${u().secondEditor}`, `AWAITING_REVIEW ${u().districtA1.id}`, `AWAITING_REVIEW ${u().provinceA.id}`].sort(),
    );
    expect(rows.find((row) => row.kind === "AWAITING_REVIEW")!.title).toBe("รายงาน ITA ปี 2568 ของอบต.ทดสอบเอหนึ่ง ส่งจังหวัดแล้ว รอการตรวจ (ครั้งที่ 1)");
  });

  it("a reviewer's comment and return reach the preparers with a link to the very comment", async () => {
    const comment = await as(u().provinceA.id).report.comment({ reportId: journey.reportId, measureId: journey.measureId, body: "กรุณาแนบลิงก์" });
    const commented = await newNotifications();
    expect(pairs(commented)).toEqual([`COMMENTED ${u().editorA1.id}`, `COMMENTED ${u().secondEditor}`].sort());
    expect(commented[0]).toMatchObject({ link: `/reports/${journey.reportId}#comment-${comment.id}`, body: "กรุณาแนบลิงก์", delivery: "DAILY_DIGEST" });

    await as(u().provinceA.id).report.return({ reportId: journey.reportId, comment: "แก้ไขตามความเห็นในมาตรการ" });
    const returned = await newNotifications();
    const decision = await context.database.db.reviewComment.findFirstOrThrow({ where: { reportId: journey.reportId, kind: "RETURN" } });
    expect(pairs(returned)).toEqual([`RETURNED ${u().editorA1.id}`, `RETURNED ${u().secondEditor}`].sort());
    expect(returned[0]).toMatchObject({
      title: "จังหวัดส่งรายงาน ITA ปี 2568 ของอบต.ทดสอบเอหนึ่งกลับให้แก้ไข",
      body: "สิ่งที่ต้องแก้ไข: แก้ไขตามความเห็นในมาตรการ",
      link: `/reports/${journey.reportId}#comment-${decision.id}`,
      delivery: "EMAIL_NOW",
    });
  });

  it("accepted: the preparers", async () => {
    const { version } = await as(u().editorA1.id).report.get({ reportId: journey.reportId });
    await as(u().editorA1.id).report.submit({ reportId: journey.reportId, baseVersion: version });
    for (const signer of [u().signerA1.id, u().chief, u().executive]) await as(signer).report.endorse({ reportId: journey.reportId });
    await newNotifications();
    await as(u().districtA1.id).report.accept({ reportId: journey.reportId });
    const rows = await newNotifications();
    expect(pairs(rows)).toEqual([`ACCEPTED ${u().editorA1.id}`, `ACCEPTED ${u().secondEditor}`].sort());
    expect(rows[0]!.title).toBe("จังหวัดรับรายงาน ITA ปี 2568 ของอบต.ทดสอบเอหนึ่งแล้ว");
  });

  it("nobody outside A1's chain ever heard of it", async () => {
    const told = new Set((await context.database.db.notification.findMany({ where: { reportId: journey.reportId } })).map((row) => row.recipientId));
    for (const outsider of [u().editorB.id, u().provinceB.id, u().admin.id, u().provinceAdminA.id, u().headOfA1b, u().disabledEditor, u().noRole.id]) {
      expect(told.has(outsider)).toBe(false);
    }
  });

  it("an event told again (a retry, a second instance) tells each person once", async () => {
    const event = { kind: "OVERDUE" as const, eventKey: "test:twice", recipientIds: [u().editorA1.id, u().editorA1.id], title: "ท", link: "/" };
    await notify(context.database.db, event);
    await notify(context.database.db, event);
    expect(await context.database.db.notification.count({ where: { eventKey: "test:twice" } })).toBe(1);
    await newNotifications();
  });
});

describe("one's own notifications", () => {
  it("counts, lists and marks read one's own only", async () => {
    const editor = as(context.world.users.editorA1.id);
    const { unread } = await editor.notification.unreadCount();
    const mine = await context.database.db.notification.findMany({ where: { recipientId: context.world.users.editorA1.id } });
    expect(unread).toBe(mine.length);
    const list = await editor.notification.list({});
    expect(list.items).toHaveLength(mine.length);
    expect(list.items[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(list.items.at(-1)!.createdAt.getTime());

    // Another person's ids mark nothing of theirs.
    const outsider = await as(context.world.users.editorB.id).notification.markRead({ ids: mine.map((row) => row.id) });
    expect(outsider).toEqual({ marked: 0, unread: 0 });
    expect((await editor.notification.unreadCount()).unread).toBe(mine.length);

    const one = await editor.notification.markRead({ ids: [mine[0]!.id] });
    expect(one).toEqual({ marked: 1, unread: mine.length - 1 });
    expect((await editor.notification.list({ unreadOnly: true })).items.map((item) => item.id)).not.toContain(mine[0]!.id);
    expect(await editor.notification.markRead({ all: true })).toEqual({ marked: mine.length - 1, unread: 0 });
    await refusal(callerFor(context.database.db, null).notification.unreadCount());
  });

  it("keeps one's choice of delivery per kind and applies it to what comes next", async () => {
    const editor = as(context.world.users.editorA1.id);
    expect((await editor.notification.preferences()).find((choice) => choice.kind === "RETURNED")?.delivery).toBe("EMAIL_NOW");
    const saved = await editor.notification.savePreferences({ choices: [{ kind: "OVERDUE", delivery: "IN_APP" }] });
    expect(saved.find((choice) => choice.kind === "OVERDUE")?.delivery).toBe("IN_APP");
    const audit = await context.database.db.auditEvent.findFirstOrThrow({ where: { action: "notification.preferences", entityId: context.world.users.editorA1.id } });
    expect(audit.after).toMatchObject({ OVERDUE: "IN_APP", RETURNED: "EMAIL_NOW" });
    await notify(context.database.db, {
      kind: "OVERDUE",
      eventKey: "test:choice",
      recipientIds: [context.world.users.editorA1.id, journey.people.secondEditor],
      title: "ท",
      link: "/",
    });
    const rows = await context.database.db.notification.findMany({ where: { eventKey: "test:choice" } });
    expect(Object.fromEntries(rows.map((row) => [row.recipientId, row.delivery]))).toEqual({
      [context.world.users.editorA1.id]: "IN_APP",
      [journey.people.secondEditor]: "EMAIL_NOW",
    });
    expect((await refusal(editor.notification.savePreferences({ choices: [{ kind: "NOPE" as never, delivery: "IN_APP" }] }))).message).toBe(
      "ประเภทการแจ้งเตือนไม่ถูกต้อง",
    );
  });
});

describe("an account's e-mail address", () => {
  it("is set by its owner and by an administrator of its province, checked and lower-cased; blank clears it", async () => {
    const editor = as(context.world.users.editorA1.id);
    expect(await editor.account.setEmail({ email: " Editor.A1@Example.org " })).toEqual({ email: "editor.a1@example.org" });
    expect(await editor.account.email()).toEqual({ email: "editor.a1@example.org" });
    expect((await refusal(editor.account.setEmail({ email: "ไม่ใช่อีเมล" }))).message).toBe("รูปแบบอีเมลไม่ถูกต้อง");
    const admin = as(context.world.users.provinceAdminA.id);
    await admin.admin.updateUser({ userId: context.world.users.editorA1.id, displayName: "editor.a1", email: "preparer@example.org" });
    expect(await editor.account.email()).toEqual({ email: "preparer@example.org" });
    // Leaving the address out of an edit keeps it.
    await admin.admin.updateUser({ userId: context.world.users.editorA1.id, displayName: "editor.a1" });
    expect(await editor.account.email()).toEqual({ email: "preparer@example.org" });
    expect(await editor.account.setEmail({ email: "" })).toEqual({ email: null });
    expect((await refusal(as(context.world.users.provinceAdminA.id).admin.updateUser({ userId: context.world.users.editorB.id, displayName: "x", email: "b@example.org" }))).code).toBe("NOT_FOUND");
  });
});
