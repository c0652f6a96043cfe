// The yearly report's life, every transition allowed and refused, on a real database:
// create → edit (autosave with version check) → sign-off chain → province review → accept.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportContent } from "@/server/domain/report-content";
import { openTestDatabase, type TestDatabase } from "./helpers/db";
import { callerFor, createWorld, TEST_PASSWORD, type World } from "./helpers/fixtures";

let database: TestDatabase;
let world: World;
let signers: { head: string; chief: string; executive: string };
let reportId: string;
let version: number;
let content: ReportContent;

const as = (userId: string) => callerFor(database.db, userId);

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database.db);
  const signer = async (username: string, step: "CHIEF_ADMINISTRATOR" | "EXECUTIVE", acting?: "acting") => {
    const user = await database.db.user.create({
      data: {
        username,
        displayName: username,
        titlePrefix: "พ.จ.อ.",
        position: "ปลัดองค์การบริหารส่วนตำบล",
        passwordHash: TEST_PASSWORD,
        // The acting นายก holds the step in their own right at another organisation, granted
        // earlier: A1's signatures must still be acting ones.
        roles: {
          create: acting
            ? [{ role: "ORG_SIGNER" as const, organizationId: world.organizations.A1b.id, signOffStep: step, createdAt: new Date("2020-01-01") }]
            : [{ role: "ORG_SIGNER" as const, organizationId: world.organizations.A1.id, signOffStep: step }],
        },
      },
    });
    if (acting) {
      await database.db.actingGrant.create({
        data: { organizationId: world.organizations.A1.id, userId: user.id, step, position: "นายกองค์การบริหารส่วนตำบล", validFrom: new Date("2020-01-01"), validTo: new Date("2100-12-31") },
      });
    }
    return user;
  };
  signers = {
    head: world.users.signerA1.id,
    chief: (await signer("chief.a1", "CHIEF_ADMINISTRATOR")).id,
    executive: (await signer("acting.mayor.a1", "EXECUTIVE", "acting")).id,
  };
});
afterAll(() => database.close());

async function refused(call: Promise<unknown>, code: string, message?: RegExp) {
  const error = (await call.then(
    () => null,
    (caught: unknown) => caught,
  )) as { code: string; message: string } | null;
  expect(error, "expected a refusal").not.toBeNull();
  expect(error!.code).toBe(code);
  if (message) expect(error!.message).toMatch(message);
}

const reportState = () =>
  database.db.yearlyReport.findUniqueOrThrow({ where: { id: reportId }, select: { status: true, currentStep: true, revision: true, version: true } });

function measure(title: string, items: { text: string; checked: boolean }[] = [{ text: "จัดทำคู่มือ", checked: true }]) {
  return {
    id: randomUUID(),
    title,
    steps: ["ขั้นที่หนึ่ง", "ขั้นที่สอง"],
    periodStart: "2024-10-01",
    periodEnd: "2025-09-30",
    responsibleUnits: ["สำนักปลัด"],
    resultItems: items.map((item) => ({ ...item, standardItemId: null })),
    outcomes: ["ประชาชนได้รับบริการเร็วขึ้น"],
    evidenceLinks: [{ url: "https://example.go.th/ita", label: "ประกาศ" }],
  };
}

describe("creating a report", () => {
  it("only the organisation's preparer creates it, once per fiscal year", async () => {
    await refused(as(signers.head).organization.createReport({ organizationId: world.organizations.A1.id, yearBe: 2568, copyFromPrevious: false }), "FORBIDDEN");
    await refused(as(world.users.editorB.id).organization.createReport({ organizationId: world.organizations.A1.id, yearBe: 2568, copyFromPrevious: false }), "NOT_FOUND");
    await refused(
      as(world.users.editorA1.id).organization.createReport({ organizationId: world.organizations.A1.id, yearBe: 2568, copyFromPrevious: true }),
      "BAD_REQUEST",
      /ไม่มีรายงานปีงบประมาณ 2567/,
    );
    const created = await as(world.users.editorA1.id).organization.createReport({ organizationId: world.organizations.A1.id, yearBe: 2568, copyFromPrevious: false });
    reportId = created.id;
    await refused(
      as(world.users.editorA1.id).organization.createReport({ organizationId: world.organizations.A1.id, yearBe: 2568, copyFromPrevious: false }),
      "CONFLICT",
    );
    const report = await as(world.users.editorA1.id).report.get({ reportId });
    expect(report.status).toBe("DRAFT");
    expect(report.actions).toEqual(["edit", "submit"]);
    expect(report.content.header.subject).toContain("2568");
    // The level labels offered for typing in results come from each year's rule table.
    expect(report.levelLabels[2567]).toEqual(["ผ่านดีเยี่ยม", "ผ่านดี", "ผ่าน", "ต้องปรับปรุง", "ต้องปรับปรุงโดยด่วน"]);
    expect(report.levelLabels[2568]).toEqual(report.levelLabels[2567]);
    version = report.version;
    content = report.content;
  });
});

describe("editing (autosave)", () => {
  it("saves the preparer's content and bumps the version", async () => {
    content = { ...content, issues: [{ id: randomUUID(), title: "ประเด็นความโปร่งใส", indicatorNumbers: [1, 6], suggestedIssueId: null, measures: [measure("มาตรการแรก"), measure("มาตรการที่สอง")] }] };
    const result = await as(world.users.editorA1.id).report.saveDraft({ reportId, baseVersion: version, content });
    expect(result).toEqual({ ok: true, version: version + 1 });
    version += 1;
    const saved = await as(world.users.editorA1.id).report.get({ reportId });
    expect(saved.content).toEqual(content);
  });

  it("refuses a stale save with the newer content, and writes nothing of the stale one", async () => {
    const stale = { ...content, header: { ...content.header, subject: "ฉบับเก่าที่ไม่ควรถูกบันทึก" } };
    const result = await as(world.users.editorA1.id).report.saveDraft({ reportId, baseVersion: version - 1, content: stale });
    expect(result).toMatchObject({ ok: false, reason: "stale", version });
    if (result.ok) throw new Error("unreachable");
    expect(result.message).toMatch(/มีผู้อื่นบันทึกรายงานนี้ไปก่อนแล้ว/);
    expect(result.content).toEqual(content);
    expect((await reportState()).version).toBe(version);
  });

  it("updates only what changed and keeps the ids of unchanged rows", async () => {
    const before = await database.db.measure.findMany({ where: { issue: { reportId } }, orderBy: { ordinal: "asc" } });
    const [first, second] = content.issues[0]!.measures;
    // Swap the two measures and tick nothing new: ids stay, ordinals follow.
    content = { ...content, issues: [{ ...content.issues[0]!, measures: [second!, first!] }] };
    const result = await as(world.users.editorA1.id).report.saveDraft({ reportId, baseVersion: version, content });
    expect(result.ok).toBe(true);
    version += 1;
    const after = await database.db.measure.findMany({ where: { issue: { reportId } }, orderBy: { ordinal: "asc" } });
    expect(after.map((row) => row.id)).toEqual([before[1]!.id, before[0]!.id]);
  });

  it("an edit of one measure's title writes that title only, and the audit names that measure alone", async () => {
    const [edited, untouched] = content.issues[0]!.measures;
    const itemsBefore = await database.db.measureResultItem.findMany({ where: { measureId: { in: [edited!.id, untouched!.id] } } });
    const changed = { ...edited!, title: `${edited!.title} (แก้ไข)` };
    content = { ...content, issues: [{ ...content.issues[0]!, measures: [changed, untouched!] }] };
    const result = await as(world.users.editorA1.id).report.saveDraft({ reportId, baseVersion: version, content });
    expect(result.ok).toBe(true);
    version += 1;

    const saves = await database.db.auditEvent.findMany({ where: { action: "report.save", entityId: reportId } });
    const audit = saves.find((event) => (event.after as { version?: number } | null)?.version === version);
    expect(audit?.after).toMatchObject({ version, changedMeasures: [edited!.id], changedIssues: [], removed: [] });
    const itemsAfter = await database.db.measureResultItem.findMany({ where: { measureId: { in: [edited!.id, untouched!.id] } } });
    // Result items did not change: their rows are the same rows (a rewrite makes new ids).
    const ids = (rows: typeof itemsBefore) => rows.map((row) => row.id).sort();
    expect(ids(itemsAfter)).toEqual(ids(itemsBefore));
    expect(itemsAfter).toHaveLength(2);
    expect((await as(world.users.editorA1.id).report.get({ reportId })).content).toEqual(content);
  });

  it("offers the editor the responsible units the organisation has used; a reviewer reading it gets none", async () => {
    expect((await as(world.users.editorA1.id).report.get({ reportId })).unitSuggestions).toEqual(["สำนักปลัด"]);
    const read = await as(world.users.provinceA.id).report.get({ reportId });
    expect(read.actions).not.toContain("edit");
    expect(read.unitSuggestions).toEqual([]);
  });

  it("refuses invalid content with a Thai message and writes nothing", async () => {
    const tooLong = { ...content, header: { ...content.header, subject: "ก".repeat(5000) } };
    await refused(as(world.users.editorA1.id).report.saveDraft({ reportId, baseVersion: version, content: tooLong }), "BAD_REQUEST", /ยาวเกิน/);
    const tooMany = { ...content, issues: [{ ...content.issues[0]!, measures: Array.from({ length: 201 }, (_, i) => measure(`ม${i}`)) }] };
    await refused(as(world.users.editorA1.id).report.saveDraft({ reportId, baseVersion: version, content: tooMany }), "BAD_REQUEST", /ไม่เกิน 200/);
    const badUrl = structuredClone(content);
    badUrl.issues[0]!.measures[0]!.evidenceLinks = [{ url: "javascript:alert(1)", label: "x" }];
    await refused(as(world.users.editorA1.id).report.saveDraft({ reportId, baseVersion: version, content: badUrl }), "BAD_REQUEST");
    const backwards = structuredClone(content);
    backwards.issues[0]!.measures[0]!.periodEnd = "2024-01-01";
    await refused(as(world.users.editorA1.id).report.saveDraft({ reportId, baseVersion: version, content: backwards }), "BAD_REQUEST", /วันเริ่มต้องไม่อยู่หลังวันสิ้นสุด/);
    // A day that does not exist is refused, never rolled over (2026-02-30 was stored as 2 March).
    const noSuchMemoDate = { ...content, header: { ...content.header, memoDate: "2026-02-30" } };
    await refused(
      as(world.users.editorA1.id).report.saveDraft({ reportId, baseVersion: version, content: noSuchMemoDate }),
      "BAD_REQUEST",
      /^วันที่หนังสือไม่ใช่วันที่ที่มีอยู่จริง \(ไม่มีวันที่ 30 กุมภาพันธ์ 2569\)$/,
    );
    const noSuchPeriodStart = structuredClone(content);
    noSuchPeriodStart.issues[0]!.measures[0]!.periodStart = "2025-02-29";
    await refused(as(world.users.editorA1.id).report.saveDraft({ reportId, baseVersion: version, content: noSuchPeriodStart }), "BAD_REQUEST", /ไม่มีวันที่ 29 กุมภาพันธ์ 2568/);
    expect((await reportState()).version).toBe(version);
    expect((await database.db.yearlyReport.findUniqueOrThrow({ where: { id: reportId } })).memoDate).toBeNull();
    expect((await as(world.users.editorA1.id).report.get({ reportId })).content).toEqual(content);
  });

  it("cannot reach another report's rows through a borrowed id, nor another year's catalogue", async () => {
    const other = await as(world.users.editorB.id).organization.createReport({ organizationId: world.organizations.B.id, yearBe: 2568, copyFromPrevious: false });
    const otherReport = await as(world.users.editorB.id).report.get({ reportId: other.id });
    const foreignMeasure = measure("ของหน่วยงานอื่น");
    await as(world.users.editorB.id).report.saveDraft({
      reportId: other.id,
      baseVersion: otherReport.version,
      content: { ...otherReport.content, issues: [{ id: randomUUID(), title: "บี", indicatorNumbers: [], suggestedIssueId: null, measures: [foreignMeasure] }] },
    });
    const borrowing = structuredClone(content);
    borrowing.issues[0]!.measures.push({ ...measure("ขโมย"), id: foreignMeasure.id });
    await refused(as(world.users.editorA1.id).report.saveDraft({ reportId, baseVersion: version, content: borrowing }), "BAD_REQUEST");
    expect((await database.db.measure.findUniqueOrThrow({ where: { id: foreignMeasure.id } })).title).toBe("ของหน่วยงานอื่น");

    const otherYearItem = await database.db.standardResultItem.findFirstOrThrow({ where: { suggestedIssue: { fiscalYear: { yearBe: 2567 } } } });
    const wrongYear = structuredClone(content);
    wrongYear.issues[0]!.measures[0]!.resultItems.push({ text: otherYearItem.text, checked: true, standardItemId: otherYearItem.id });
    await refused(as(world.users.editorA1.id).report.saveDraft({ reportId, baseVersion: version, content: wrongYear }), "BAD_REQUEST", /ปีงบประมาณนี้/);
    expect((await reportState()).version).toBe(version);
  });

  it("is refused to everyone but the preparer", async () => {
    for (const userId of [signers.head, world.users.provinceA.id, world.users.admin.id]) {
      await refused(as(userId).report.saveDraft({ reportId, baseVersion: version, content }), "FORBIDDEN");
    }
    await refused(as(world.users.editorB.id).report.saveDraft({ reportId, baseVersion: version, content }), "NOT_FOUND");
  });
});

describe("the rules for sending (server/domain/report-rules.ts)", () => {
  const submitState = async () => ({
    report: await database.db.yearlyReport.findUniqueOrThrow({
      where: { id: reportId },
      select: { status: true, currentStep: true, signOffRound: true, version: true, stateChangedAt: true, preparerName: true },
    }),
    signOffs: await database.db.signOff.count({ where: { reportId } }),
    notifications: await database.db.notification.count({ where: { reportId } }),
    audits: await database.db.auditEvent.count({ where: { entityId: reportId, action: "report.submit_for_sign_off" } }),
  });

  it("refuses an incomplete report, listing every problem with its field, and changes nothing", async () => {
    // What was seen in the field: a memo of 1 January 1900, a measure with no name, a period
    // outside the year (seen as พ.ศ. 3111–3112, a BE year typed as CE, which saveDraft now
    // refuses: here the next fiscal year) and a measure with no result; no document number and
    // no word that it is pending.
    const incomplete = structuredClone(content);
    incomplete.header = { ...incomplete.header, memoDate: "1900-01-01", documentNumber: "", documentNumberPending: false };
    const [first, second] = incomplete.issues[0]!.measures;
    Object.assign(first!, { title: "", periodStart: "2025-10-01", periodEnd: "2026-09-30" });
    Object.assign(second!, { resultItems: second!.resultItems.map((item) => ({ ...item, checked: false })), outcomes: [] });
    const saved = await as(world.users.editorA1.id).report.saveDraft({ reportId, baseVersion: version, content: incomplete });
    expect(saved.ok).toBe(true);
    version += 1;
    const before = await submitState();

    const error = (await as(world.users.editorA1.id).report.submit({ reportId, baseVersion: version }).then(
      () => null,
      (caught: unknown) => caught,
    )) as { code: string; message: string; cause?: { fieldErrors?: Record<string, string[]> } } | null;
    expect(error?.code).toBe("BAD_REQUEST");
    expect(error!.message.split("\n")).toEqual([
      "ยังเสนอรายงานไม่ได้ ต้องแก้ไขอีก 5 รายการ:",
      "1. บันทึกข้อความ: วันที่ของบันทึกข้อความ (1 มกราคม 2443) อยู่ก่อนปีงบประมาณ 2568 ลงวันที่ได้ตั้งแต่ 1 ตุลาคม 2567 ถึง 31 มกราคม 2569",
      '2. บันทึกข้อความ: ยังไม่ได้ระบุเลขทะเบียนหนังสือ หากยังไม่ได้ออกเลข ให้เลือก "ยังไม่ได้ออกเลขที่หนังสือ"',
      "3. มาตรการที่ 1.1: ยังไม่ได้ตั้งชื่อมาตรการ",
      "4. มาตรการที่ 1.1: ระยะเวลา (1 ตุลาคม 2568 – 30 กันยายน 2569) อยู่นอกปีงบประมาณ 2568 (1 ตุลาคม 2567 – 30 กันยายน 2568) แก้ให้อยู่ในปีงบประมาณ หรือระบุเหตุผล",
      "5. มาตรการที่ 1.2: ยังไม่ได้เลือกผลการดำเนินการหรือระบุผลลัพธ์อย่างน้อยหนึ่งข้อ",
    ]);
    expect(Object.keys(error!.cause?.fieldErrors ?? {})).toEqual([
      "header.memoDate",
      "header.documentNumber",
      `measure.${first!.id}.title`,
      `measure.${first!.id}.period`,
      `measure.${second!.id}.results`,
    ]);
    expect(await submitState()).toEqual(before);
    expect((await as(world.users.editorA1.id).report.get({ reportId })).content).toEqual(incomplete);
  });

  it("a memo dated after the year's deadline passes once the province extends it; a stated reason lets a period run outside the year", async () => {
    const late = structuredClone(content);
    late.header = { ...late.header, memoDate: "2026-02-10", documentNumber: "", documentNumberPending: true };
    late.issues[0]!.measures[0]!.periodEnd = "2025-12-31";
    late.issues[0]!.measures[0]!.periodNote = "ดำเนินการต่อเนื่องถึงสิ้นปีปฏิทิน";
    const saved = await as(world.users.editorA1.id).report.saveDraft({ reportId, baseVersion: version, content: late });
    expect(saved.ok).toBe(true);
    version += 1;
    expect((await as(world.users.editorA1.id).report.get({ reportId })).content.issues[0]!.measures[0]!.periodNote).toBe("ดำเนินการต่อเนื่องถึงสิ้นปีปฏิทิน");
    await refused(as(world.users.editorA1.id).report.submit({ reportId, baseVersion: version }), "BAD_REQUEST", /^ยังเสนอรายงานไม่ได้ ต้องแก้ไขอีก 1 รายการ:\n1\. บันทึกข้อความ: วันที่ของบันทึกข้อความ \(10 กุมภาพันธ์ 2569\) อยู่หลังกำหนดส่งรายงาน/);
    const fiscalYear = await database.db.fiscalYear.findUniqueOrThrow({ where: { yearBe: 2568 } });
    const provinceId = (await database.db.localOrganization.findUniqueOrThrow({ where: { id: world.organizations.A1.id }, select: { district: { select: { provinceId: true } } } })).district.provinceId;
    const extension = await database.db.deadlineExtension.create({ data: { fiscalYearId: fiscalYear.id, provinceId, deadline: new Date("2026-02-28T00:00:00Z") } });
    const { reportRuleContext } = await import("@/server/services/reports/workflow");
    const { checkReport } = await import("@/server/domain/report-rules");
    const context = await reportRuleContext(database.db, { yearBe: 2568, provinceId });
    expect(context.memoDateLatest).toBe("2026-02-28");
    expect(checkReport(late, context).problems).toEqual([]);
    await database.db.deadlineExtension.delete({ where: { id: extension.id } });
  });

  it("a complete report is accepted (the rest of this file sends it)", async () => {
    content = { ...content, header: { ...content.header, memoDate: "2025-10-15", documentNumber: "", documentNumberPending: true } };
    const saved = await as(world.users.editorA1.id).report.saveDraft({ reportId, baseVersion: version, content });
    expect(saved.ok).toBe(true);
    version += 1;
    expect((await as(world.users.editorA1.id).report.get({ reportId })).content).toEqual(content);
  });
});

describe("sign-off chain", () => {
  it("refuses a submission from a stale version, then sends the report to the head of office", async () => {
    await refused(as(world.users.editorA1.id).report.submit({ reportId, baseVersion: version - 1 }), "CONFLICT");
    await refused(as(signers.head).report.submit({ reportId, baseVersion: version }), "FORBIDDEN");
    await as(world.users.editorA1.id).report.submit({ reportId, baseVersion: version });
    expect(await reportState()).toMatchObject({ status: "IN_SIGN_OFF", currentStep: "HEAD_OF_OFFICE" });
  });

  it("locks the content and refuses every action out of turn", async () => {
    await refused(as(world.users.editorA1.id).report.saveDraft({ reportId, baseVersion: version, content }), "FORBIDDEN");
    await refused(as(signers.chief).report.endorse({ reportId }), "FORBIDDEN", /ยังไม่ถึงขั้น/);
    await refused(as(signers.executive).report.endorse({ reportId }), "FORBIDDEN");
    await refused(as(world.users.editorA1.id).report.endorse({ reportId }), "FORBIDDEN");
    await refused(as(world.users.provinceA.id).report.return({ reportId, comment: "ยังไม่ถึง" }), "FORBIDDEN");
    await refused(as(world.users.provinceA.id).report.accept({ reportId }), "FORBIDDEN");
    await refused(as(world.users.editorB.id).report.endorse({ reportId }), "NOT_FOUND");
  });

  it("the head endorses, the ปลัด sends it back with a required comment", async () => {
    const headInbox = await as(signers.head).inbox.list();
    expect(headInbox.map((item) => [item.kind, item.reportId])).toContainEqual(["endorse", reportId]);
    await as(signers.head).report.endorse({ reportId, comment: "เห็นควรเสนอ" });
    expect(await reportState()).toMatchObject({ status: "IN_SIGN_OFF", currentStep: "CHIEF_ADMINISTRATOR" });
    await refused(as(signers.chief).report.sendBack({ reportId, comment: "  " }), "BAD_REQUEST", /เหตุผล/);
    await as(signers.chief).report.sendBack({ reportId, comment: "กรุณาเพิ่มหลักฐาน" });
    expect(await reportState()).toMatchObject({ status: "DRAFT", currentStep: null });
    const inbox = await as(world.users.editorA1.id).inbox.list();
    expect(inbox.map((item) => [item.kind, item.reportId])).toContainEqual(["sentBack", reportId]);
  });

  it("resubmitted, it climbs the whole chain; the acting นายก's endorsement sends it to the province", async () => {
    version = (await reportState()).version;
    await as(world.users.editorA1.id).report.submit({ reportId, baseVersion: version });
    await as(signers.head).report.endorse({ reportId });
    await as(signers.chief).report.endorse({ reportId });
    await as(signers.executive).report.endorse({ reportId, comment: "รับทราบ เห็นควรเผยแพร่ลงเว็บไซต์" });
    expect(await reportState()).toMatchObject({ status: "SUBMITTED", currentStep: null, revision: 1 });
    const signOffs = await database.db.signOff.findMany({ where: { reportId }, orderBy: { signedAt: "asc" } });
    expect(signOffs.map((s) => [s.round, s.step, s.decision])).toEqual([
      [1, "HEAD_OF_OFFICE", "ENDORSED"],
      [1, "CHIEF_ADMINISTRATOR", "SENT_BACK"],
      [2, "HEAD_OF_OFFICE", "ENDORSED"],
      [2, "CHIEF_ADMINISTRATOR", "ENDORSED"],
      [2, "EXECUTIVE", "ENDORSED"],
    ]);
    expect(signOffs.at(-1)).toMatchObject({ signerName: "พ.จ.อ. acting.mayor.a1", actingPosition: "ปฏิบัติหน้าที่นายกองค์การบริหารส่วนตำบล" });
    const revisions = await database.db.reportRevision.findMany({ where: { reportId } });
    expect(revisions).toHaveLength(1);
    expect(revisions[0]!.content).toEqual(content);
    await refused(as(signers.executive).report.endorse({ reportId }), "FORBIDDEN");
  });
});

describe("review by the province and the district", () => {
  it("is refused to reviewers of another area and to the organisation's own staff", async () => {
    await refused(as(world.users.provinceB.id).report.return({ reportId, comment: "x" }), "NOT_FOUND");
    await refused(as(world.users.provinceB.id).report.get({ reportId }), "NOT_FOUND");
    await refused(as(world.users.editorA1.id).report.accept({ reportId }), "FORBIDDEN");
    await refused(as(signers.executive).report.comment({ reportId, body: "x" }), "FORBIDDEN");
  });

  it("the district reviewer comments on one measure; a measure of another report is refused", async () => {
    const measureId = content.issues[0]!.measures[0]!.id;
    const comment = await as(world.users.districtA1.id).report.comment({ reportId, measureId, body: "ผลลัพธ์ยังไม่ชัด" });
    expect(comment).toMatchObject({ measureId, issueId: content.issues[0]!.id, revision: 1, kind: "COMMENT" });
    const foreign = await database.db.measure.findFirstOrThrow({ where: { issue: { report: { organizationId: world.organizations.B.id } } } });
    await refused(as(world.users.districtA1.id).report.comment({ reportId, measureId: foreign.id, body: "x" }), "BAD_REQUEST");
  });

  it("the province returns it with a required comment; it unlocks for the preparer", async () => {
    const reviewerInbox = await as(world.users.provinceA.id).inbox.list();
    expect(reviewerInbox.map((item) => [item.kind, item.reportId])).toContainEqual(["review", reportId]);
    await refused(as(world.users.provinceA.id).report.return({ reportId, comment: "" }), "BAD_REQUEST", /สิ่งที่ต้องแก้ไข/);
    await as(world.users.provinceA.id).report.return({ reportId, comment: "กรุณาแก้ไขมาตรการแรก" });
    const report = await as(world.users.editorA1.id).report.get({ reportId });
    expect(report.status).toBe("RETURNED");
    expect(report.actions).toContain("edit");
    expect(report.comments.map((c) => c.kind)).toEqual(["COMMENT", "RETURN"]);
    const inbox = await as(world.users.editorA1.id).inbox.list();
    expect(inbox.map((item) => [item.kind, item.reportId])).toContainEqual(["returned", reportId]);
  });

  it("after the fix and a second submission the reviewer sees what changed, and accepts", async () => {
    version = (await reportState()).version;
    const edited = structuredClone(content);
    const [first, second] = edited.issues[0]!.measures;
    first!.resultItems.push({ text: "เผยแพร่ทางเว็บไซต์", checked: true, standardItemId: null });
    first!.resultItems[0]!.checked = false;
    edited.issues[0]!.measures = [first!, measure("มาตรการใหม่")];
    const saved = await as(world.users.editorA1.id).report.saveDraft({ reportId, baseVersion: version, content: edited });
    expect(saved.ok).toBe(true);
    await as(world.users.editorA1.id).report.submit({ reportId, baseVersion: version + 1 });
    for (const signer of [signers.head, signers.chief, signers.executive]) await as(signer).report.endorse({ reportId });
    expect(await reportState()).toMatchObject({ status: "SUBMITTED", revision: 2 });

    const history = await as(world.users.provinceA.id).report.history({ reportId });
    expect(history.revisions.map((r) => r.revision)).toEqual([1, 2]);
    const diff = history.latestDiff!;
    expect(diff).toMatchObject({ from: 1, to: 2 });
    expect(diff.measures.find((m) => m.change === "added")?.title).toBe("มาตรการใหม่");
    expect(diff.measures.find((m) => m.change === "removed")?.measureId).toBe(second!.id);
    const changed = diff.measures.find((m) => m.change === "changed")!;
    expect(changed.measureId).toBe(first!.id);
    expect(changed.fields).toEqual(["ผลการดำเนินการ"]);
    expect(changed.resultsChecked).toEqual(["เผยแพร่ทางเว็บไซต์"]);
    expect(changed.resultsUnchecked).toEqual(["จัดทำคู่มือ"]);

    await as(world.users.provinceA.id).report.accept({ reportId, comment: "ครบถ้วน" });
    expect((await reportState()).status).toBe("ACCEPTED");
  });

  it("an accepted report is read-only for everyone; only an admin reopens it, with a reason", async () => {
    await refused(as(world.users.editorA1.id).report.saveDraft({ reportId, baseVersion: (await reportState()).version, content }), "FORBIDDEN");
    await refused(as(world.users.provinceA.id).report.return({ reportId, comment: "อีกครั้ง" }), "FORBIDDEN");
    await refused(as(world.users.provinceA.id).report.comment({ reportId, body: "x" }), "FORBIDDEN");
    await refused(as(world.users.provinceA.id).report.reopen({ reportId, reason: "x" }), "FORBIDDEN");
    await refused(as(world.users.admin.id).report.reopen({ reportId, reason: " " }), "BAD_REQUEST");
    await as(world.users.admin.id).report.reopen({ reportId, reason: "คะแนนประกาศใหม่" });
    expect((await reportState()).status).toBe("RETURNED");
  });

  it("wrote an audit event for every edit and transition, in order", async () => {
    const events = await database.db.auditEvent.findMany({ where: { entityId: reportId }, orderBy: { createdAt: "asc" } });
    const actions = events.map((event) => event.action);
    expect(actions[0]).toBe("report.create");
    expect(actions.filter((action) => action === "report.endorse_and_submit")).toHaveLength(2);
    expect(actions.slice(-3)).toEqual(["report.endorse_and_submit", "report.accept", "report.reopen"]);
    expect(actions).toContain("report.send_back");
    expect(actions).toContain("report.return");
    expect(actions.filter((action) => action === "report.save").length).toBeGreaterThanOrEqual(3);
    expect(events.every((event) => event.organizationId === world.organizations.A1.id)).toBe(true);
  });
});

describe("starting from last year's report", () => {
  it("copies last year's issues and measures with results unchecked and periods in the new year", async () => {
    const created = await as(world.users.editorA1.id).organization.createReport({ organizationId: world.organizations.A1.id, yearBe: 2567, copyFromPrevious: false });
    expect(created.id).toBeTruthy();
    await database.db.fiscalYear.create({
      data: { yearBe: 2569, startDate: new Date("2025-10-01"), endDate: new Date("2026-09-30"), submissionDeadline: new Date("2027-01-31"), weightIit: 30, weightEit: 30, weightOit: 40 },
    });
    const copy = await as(world.users.editorA1.id).organization.createReport({ organizationId: world.organizations.A1.id, yearBe: 2569, copyFromPrevious: true });
    const report = await as(world.users.editorA1.id).report.get({ reportId: copy.id });
    const last = await as(world.users.editorA1.id).report.get({ reportId });
    expect(report.content.issues.map((issue) => issue.title)).toEqual(last.content.issues.map((issue) => issue.title));
    const measures = report.content.issues.flatMap((issue) => issue.measures);
    expect(measures.map((m) => m.title)).toEqual(last.content.issues.flatMap((issue) => issue.measures).map((m) => m.title));
    expect(measures.every((m) => m.resultItems.every((item) => !item.checked))).toBe(true);
    expect(measures.every((m) => m.periodStart === "2025-10-01" && m.periodEnd === "2026-09-30")).toBe(true);
    expect(measures.every((m) => m.evidenceLinks.length === 0)).toBe(true);
    const lastIds = new Set(last.content.issues.flatMap((issue) => [issue.id, ...issue.measures.map((m) => m.id)]));
    expect(report.content.issues.flatMap((issue) => [issue.id, ...issue.measures.map((m) => m.id)]).some((id) => lastIds.has(id))).toBe(false);
  });
});

describe("two people at once", () => {
  it("two endorsements of the same step: exactly one succeeds", async () => {
    // A1's FY2567 report, given content and sent up the chain.
    const target = await database.db.yearlyReport.findFirstOrThrow({ where: { organizationId: world.organizations.A1.id, fiscalYear: { yearBe: 2567 } } });
    const current = await as(world.users.editorA1.id).report.get({ reportId: target.id });
    await as(world.users.editorA1.id).report.saveDraft({
      reportId: target.id,
      baseVersion: current.version,
      content: {
        header: { ...current.content.header, memoDate: "2024-10-15", documentNumber: "12", documentNumberPending: false },
        issues: [{ id: randomUUID(), title: "ก", indicatorNumbers: [], suggestedIssueId: null, measures: [{ ...measure("ม", [{ text: "x", checked: true }]), periodStart: "2023-10-01", periodEnd: "2024-09-30" }] }],
      },
    });
    await as(world.users.editorA1.id).report.submit({ reportId: target.id, baseVersion: current.version + 1 });
    const results = await Promise.allSettled([as(signers.head).report.endorse({ reportId: target.id }), as(signers.head).report.endorse({ reportId: target.id })]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await database.db.signOff.count({ where: { reportId: target.id } })).toBe(1);
  });
});
