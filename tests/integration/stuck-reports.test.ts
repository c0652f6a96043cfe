// No stuck reports (issue 14, item 4): a step of the sign-off chain nobody can sign is said before
// sending and while the report waits, and told to the province's administrators; the preparer
// withdraws a report the step awaited has not signed (back to a draft, the signers' notifications
// taken back); the status board flags reports waiting too long or at a step nobody can sign; an
// administrator re-routes them, with a reason, audited.
import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, refusal, worldForThisFile } from "./helpers/fixtures";
import { prepareJourney } from "./helpers/report-journey";

const context = worldForThisFile();
let journey: Awaited<ReturnType<typeof prepareJourney>>;

const db = () => context.database.db;
const as = (userId: string) => callerFor(db(), userId);
const users = () => ({ ...context.world.users, ...journey.people });
const report = () => db().yearlyReport.findUniqueOrThrow({ where: { id: journey.reportId }, select: { status: true, currentStep: true, signOffRound: true } });
const setDisabled = (userId: string, disabled: boolean) => db().user.update({ where: { id: userId }, data: { disabled } });
const lastAudit = (action: string) => db().auditEvent.findFirstOrThrow({ where: { action, entityId: journey.reportId }, orderBy: { createdAt: "desc" } });
const notificationsOf = (recipientId: string) => db().notification.findMany({ where: { recipientId, reportId: journey.reportId }, orderBy: { createdAt: "asc" } });
const provinceBoard = (extra: Record<string, unknown> = {}) =>
  as(users().provinceA.id).area.status({ area: { kind: "province", id: context.world.provinces.A.id }, yearBe: 2568, ...extra });

async function submit() {
  const { version } = await as(users().editorA1.id).report.get({ reportId: journey.reportId });
  await as(users().editorA1.id).report.submit({ reportId: journey.reportId, baseVersion: version });
}

beforeAll(async () => {
  journey = await prepareJourney(db(), context.world);
  await db().user.update({ where: { id: context.world.users.provinceAdminA.id }, data: { displayName: "สมศรี ดูแลดี", titlePrefix: "นาง", position: "เจ้าพนักงานส่งเสริมการปกครองท้องถิ่น", email: "somsri@example.org" } });
});

describe("who can sign each step, and whom to ask when nobody can", () => {
  it("lists each step's enabled signers at the organisation; a complete chain names nobody to ask", async () => {
    const signers = await as(users().editorA1.id).report.signers({ reportId: journey.reportId });
    expect(signers.chain.map((entry) => [entry.step, entry.signers.map((signer) => signer.userId)])).toEqual([
      ["HEAD_OF_OFFICE", [users().signerA1.id]],
      ["CHIEF_ADMINISTRATOR", [users().chief]],
      ["EXECUTIVE", [users().executive]],
    ]);
    expect(signers.contacts).toEqual([]);
    expect(signers.mayManageAccounts).toBe(false);
  });

  it("a disabled signer leaves the step empty: the preparer is told whom to ask (the province's administrators, not the country's)", async () => {
    await setDisabled(users().chief, true);
    try {
      const signers = await as(users().editorA1.id).report.signers({ reportId: journey.reportId });
      expect(signers.chain[1]).toEqual({ step: "CHIEF_ADMINISTRATOR", signers: [] });
      expect(signers.contacts).toEqual([{ name: "นางสมศรี ดูแลดี", position: "เจ้าพนักงานส่งเสริมการปกครองท้องถิ่น", email: "somsri@example.org" }]);
      // The province's administrator is sent to the accounts page instead.
      expect((await as(users().provinceAdminA.id).report.signers({ reportId: journey.reportId })).mayManageAccounts).toBe(true);
    } finally {
      await setDisabled(users().chief, false);
    }
  });
});

describe("withdrawing (ถอนเรื่อง)", () => {
  it("the preparer takes the report back before the head signs: a draft again, the head's notification and unsent mail taken back, audited", async () => {
    await submit();
    const [awaiting] = await notificationsOf(users().signerA1.id);
    expect(awaiting).toMatchObject({ kind: "AWAITING_SIGNATURE" });
    await db().outgoingMail.create({ data: { key: `notification:${awaiting!.id}`, recipientId: users().signerA1.id, toAddress: "head@example.org", subject: "s", text: "t", html: "h" } });
    // Only the preparer withdraws; the signer it waits for endorses or sends back instead.
    expect((await refusal(as(users().signerA1.id).report.withdraw({ reportId: journey.reportId }))).code).toBe("FORBIDDEN");
    expect((await refusal(as(users().provinceAdminA.id).report.withdraw({ reportId: journey.reportId }))).code).toBe("FORBIDDEN");

    await as(users().editorA1.id).report.withdraw({ reportId: journey.reportId, reason: "ลืมแนบหลักฐาน" });
    expect(await report()).toMatchObject({ status: "DRAFT", currentStep: null, signOffRound: 1 });
    expect(await notificationsOf(users().signerA1.id)).toEqual([]);
    expect(await db().outgoingMail.count({ where: { key: `notification:${awaiting!.id}` } })).toBe(0);
    expect(await db().signOff.findFirstOrThrow({ where: { reportId: journey.reportId }, orderBy: { signedAt: "desc" } })).toMatchObject({
      decision: "WITHDRAWN",
      step: "HEAD_OF_OFFICE",
      round: 1,
      signerId: users().editorA1.id,
      comment: "ลืมแนบหลักฐาน",
    });
    expect(await lastAudit("report.withdraw")).toMatchObject({
      actorId: users().editorA1.id,
      organizationId: context.world.organizations.A1.id,
      before: { status: "IN_SIGN_OFF", currentStep: "HEAD_OF_OFFICE", signOffRound: 1 },
      after: { status: "DRAFT", currentStep: null, step: "HEAD_OF_OFFICE", reason: "ลืมแนบหลักฐาน" },
    });
    // A draft is not withdrawn again.
    expect((await refusal(as(users().editorA1.id).report.withdraw({ reportId: journey.reportId }))).code).toBe("FORBIDDEN");
  });

  it("after the head endorsed, the preparer still withdraws it from the ปลัด's step; every notification of the round to sign is taken back", async () => {
    await submit();
    await as(users().signerA1.id).report.endorse({ reportId: journey.reportId });
    expect((await notificationsOf(users().chief)).map((row) => row.kind)).toEqual(["AWAITING_SIGNATURE"]);
    await as(users().editorA1.id).report.withdraw({ reportId: journey.reportId });
    expect(await report()).toMatchObject({ status: "DRAFT", signOffRound: 2 });
    expect(await notificationsOf(users().chief)).toEqual([]);
    expect((await notificationsOf(users().signerA1.id)).map((row) => row.kind)).toEqual([]);
    // The preparer keeps what was told to them (the head's endorsement).
    expect((await notificationsOf(users().secondEditor)).map((row) => row.kind)).toContain("ENDORSED");
  });

  it("in a closed year, a report on its way is not withdrawn (the year's reports are no longer edited)", async () => {
    await submit();
    await db().fiscalYear.update({ where: { yearBe: 2568 }, data: { isOpen: false } });
    try {
      const refused = await refusal(as(users().editorA1.id).report.withdraw({ reportId: journey.reportId }));
      expect(refused.message).toBe("ปีงบประมาณ 2568 ปิดรับรายงานแล้ว สร้าง แก้ไข หรือเสนอรายงานของปีนี้ไม่ได้");
    } finally {
      await db().fiscalYear.update({ where: { yearBe: 2568 }, data: { isOpen: true } });
    }
    await as(users().editorA1.id).report.withdraw({ reportId: journey.reportId });
  });
});

describe("a step nobody can sign", () => {
  it("sent to it, the report tells the province's administrators (not the country's), shows on their inbox and on the board", async () => {
    await setDisabled(users().signerA1.id, true);
    await submit();
    const told = await db().notification.findMany({ where: { reportId: journey.reportId, kind: "NO_SIGNER" } });
    expect(told.map((row) => row.recipientId)).toEqual([users().provinceAdminA.id]);
    expect(told[0]!.title).toBe("รายงาน ITA ปี 2568 ของอบต.ทดสอบเอหนึ่ง รอความเห็นของหัวหน้าสำนักปลัด แต่ขั้นนี้ยังไม่มีผู้ลงนาม");
    expect(await db().notification.count({ where: { reportId: journey.reportId, kind: "AWAITING_SIGNATURE" } })).toBe(0);

    const inbox = await as(users().provinceAdminA.id).inbox.list();
    expect(inbox.filter((item) => item.kind === "unsignable")).toMatchObject([
      { reportId: journey.reportId, message: "รอความเห็นของหัวหน้าสำนักปลัด แต่ขั้นนี้ยังไม่มีผู้ลงนาม" },
    ]);
    expect((await as(users().admin.id).inbox.list()).filter((item) => item.kind === "unsignable")).toEqual([]);

    const board = await provinceBoard({ flag: "unsignable" });
    expect(board.counts.unsignable).toBe(1);
    expect(board.rows.map((row) => [row.organizationId, row.step, row.unsignable, row.stuck])).toEqual([[context.world.organizations.A1.id, "HEAD_OF_OFFICE", true, false]]);
  });

  it("the board's stuck days are the reviewer's to choose (7 by default)", async () => {
    await db().yearlyReport.update({ where: { id: journey.reportId }, data: { stateChangedAt: new Date(Date.now() - 3.5 * 86_400_000) } });
    expect((await provinceBoard({ flag: "stuck" })).rows).toEqual([]);
    const board = await provinceBoard({ flag: "stuck", stuckDays: 3 });
    expect(board.stuckDays).toBe(3);
    expect(board.rows.map((row) => [row.organizationId, row.daysInState])).toEqual([[context.world.organizations.A1.id, 3]]);
    expect((await refusal(provinceBoard({ stuckDays: 0 }))).code).toBe("BAD_REQUEST");
  });

  it("the endorsement that would send it to an empty step is told to the administrators too", async () => {
    await setDisabled(users().signerA1.id, false);
    await setDisabled(users().executive, true);
    await as(users().provinceAdminA.id).report.reroute({ reportId: journey.reportId, to: "CHIEF_ADMINISTRATOR", reason: "หัวหน้าสำนักปลัดลาออก" });
    await as(users().chief).report.endorse({ reportId: journey.reportId });
    expect(await report()).toMatchObject({ status: "IN_SIGN_OFF", currentStep: "EXECUTIVE" });
    expect((await db().notification.findMany({ where: { reportId: journey.reportId, kind: "NO_SIGNER" } })).map((row) => row.title)).toContain(
      "รายงาน ITA ปี 2568 ของอบต.ทดสอบเอหนึ่ง รอความเห็นของนายก แต่ขั้นนี้ยังไม่มีผู้ลงนาม",
    );
  });
});

describe("re-routing", () => {
  it("only an administrator of the province re-routes, with a reason, forwards to a step someone can sign or back to the preparer", async () => {
    for (const user of [users().editorA1.id, users().provinceA.id, users().districtA1.id, users().chief]) {
      expect((await refusal(as(user).report.reroute({ reportId: journey.reportId, to: "PREPARER", reason: "x" }))).code).toBe("FORBIDDEN");
    }
    const reroute = (to: "HEAD_OF_OFFICE" | "CHIEF_ADMINISTRATOR" | "EXECUTIVE" | "PREPARER", reason = "เหตุผล") =>
      refusal(as(users().provinceAdminA.id).report.reroute({ reportId: journey.reportId, to, reason }));
    expect((await reroute("PREPARER", "  ")).message).toBe("กรุณาระบุเหตุผลที่เปลี่ยนเส้นทาง");
    expect((await reroute("CHIEF_ADMINISTRATOR")).message).toBe("ย้ายได้เฉพาะไปขั้นที่อยู่ถัดไปในลำดับ หรือส่งกลับผู้จัดทำ");
    expect(await report()).toMatchObject({ currentStep: "EXECUTIVE" });
  });

  it("moved on from a step nobody can sign to one that someone can: its signers are asked, the preparers told why, the administrators' notice taken back, audited", async () => {
    // Back to the head of office's step first (a new round), to skip it as the chain had it.
    await as(users().provinceAdminA.id).report.reroute({ reportId: journey.reportId, to: "PREPARER", reason: "นายกยังไม่มีบัญชี" });
    await setDisabled(users().executive, false);
    await setDisabled(users().signerA1.id, true);
    await submit();
    expect((await refusal(as(users().provinceAdminA.id).report.reroute({ reportId: journey.reportId, to: "HEAD_OF_OFFICE", reason: "x" }))).code).toBe("BAD_REQUEST");
    await setDisabled(users().chief, true);
    expect((await refusal(as(users().provinceAdminA.id).report.reroute({ reportId: journey.reportId, to: "CHIEF_ADMINISTRATOR", reason: "x" }))).message).toBe(
      "ขั้นปลัดยังไม่มีผู้ลงนาม ย้ายรายงานไปขั้นนี้ไม่ได้",
    );
    await setDisabled(users().chief, false);
    const round = (await report()).signOffRound;
    expect(await db().notification.count({ where: { reportId: journey.reportId, kind: "NO_SIGNER", eventKey: { contains: `:round:${round}:` } } })).toBe(1);

    await as(users().provinceAdminA.id).report.reroute({ reportId: journey.reportId, to: "CHIEF_ADMINISTRATOR", reason: "หัวหน้าสำนักปลัดลาออก ยังไม่มีผู้รับตำแหน่ง" });
    expect(await report()).toMatchObject({ status: "IN_SIGN_OFF", currentStep: "CHIEF_ADMINISTRATOR", signOffRound: round });
    expect(await db().notification.count({ where: { reportId: journey.reportId, kind: "NO_SIGNER", eventKey: { contains: `:round:${round}:` } } })).toBe(0);
    expect((await notificationsOf(users().chief)).filter((row) => row.eventKey.includes(`:round:${round}:`)).map((row) => row.kind)).toEqual(["AWAITING_SIGNATURE"]);
    const toPreparer = (await notificationsOf(users().editorA1.id)).filter((row) => row.kind === "REROUTED").at(-1);
    expect(toPreparer).toMatchObject({
      title: "ผู้ดูแลระบบย้ายรายงาน ITA ปี 2568 ของอบต.ทดสอบเอหนึ่งจากขั้นหัวหน้าสำนักปลัดไปรอความเห็นของปลัด",
      body: "เหตุผล: หัวหน้าสำนักปลัดลาออก ยังไม่มีผู้รับตำแหน่ง",
    });
    expect(await db().signOff.findFirstOrThrow({ where: { reportId: journey.reportId }, orderBy: { signedAt: "desc" } })).toMatchObject({
      decision: "REROUTED",
      step: "HEAD_OF_OFFICE",
      movedTo: "CHIEF_ADMINISTRATOR",
      signerId: users().provinceAdminA.id,
      signerName: "นางสมศรี ดูแลดี",
      comment: "หัวหน้าสำนักปลัดลาออก ยังไม่มีผู้รับตำแหน่ง",
    });
    expect(await lastAudit("report.reroute")).toMatchObject({
      actorId: users().provinceAdminA.id,
      provinceId: context.world.provinces.A.id,
      before: { status: "IN_SIGN_OFF", currentStep: "HEAD_OF_OFFICE" },
      after: { status: "IN_SIGN_OFF", currentStep: "CHIEF_ADMINISTRATOR", from: "HEAD_OF_OFFICE", to: "CHIEF_ADMINISTRATOR" },
    });
    // The board no longer flags it; the chain goes on as usual.
    expect((await provinceBoard({ flag: "unsignable" })).rows).toEqual([]);
    await as(users().chief).report.endorse({ reportId: journey.reportId });
    await as(users().executive).report.endorse({ reportId: journey.reportId });
    expect(await report()).toMatchObject({ status: "SUBMITTED" });
    await setDisabled(users().signerA1.id, false);
  });

  it("back to the preparer: a draft, in the preparer's inbox with the reason", async () => {
    await as(users().provinceA.id).report.return({ reportId: journey.reportId, comment: "แก้ไข" });
    await submit();
    await as(users().provinceAdminA.id).report.reroute({ reportId: journey.reportId, to: "PREPARER", reason: "เปลี่ยนผู้จัดทำ" });
    expect(await report()).toMatchObject({ status: "DRAFT", currentStep: null });
    expect(await notificationsOf(users().signerA1.id).then((rows) => rows.filter((row) => row.kind === "AWAITING_SIGNATURE" && row.eventKey.includes(":round:6:")))).toEqual([]);
    const inbox = await as(users().editorA1.id).inbox.list();
    expect(inbox.filter((item) => item.reportId === journey.reportId && item.kind === "sentBack").map((item) => item.message)).toEqual(["ผู้ดูแลระบบส่งกลับให้แก้ไข"]);
    const view = await as(users().editorA1.id).report.get({ reportId: journey.reportId });
    expect(view.actions).toEqual(["edit", "submit"]);
  });
});
