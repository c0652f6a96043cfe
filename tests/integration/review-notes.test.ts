// Returns the preparer cannot miss: the preparer marks a reviewer's remark addressed (stored,
// audited, seen by the reviewer), only while the report is theirs to edit; the next round's
// signers see what changed since the last submission and the reviewer what changed between the
// two, field by field (old → new).
import { beforeAll, describe, expect, it } from "vitest";
import type { ReportContent } from "@/server/domain/report-content";
import { callerFor, refusal, worldForThisFile } from "./helpers/fixtures";
import { prepareJourney, sendToProvince } from "./helpers/report-journey";

const context = worldForThisFile();
let journey: Awaited<ReturnType<typeof prepareJourney>>;
let commentId = "";

beforeAll(async () => {
  journey = await prepareJourney(context.database.db, context.world);
  await sendToProvince(context.database.db, context.world, journey);
  const reviewer = callerFor(context.database.db, context.world.users.provinceA.id);
  const comment = await reviewer.report.comment({ reportId: journey.reportId, measureId: journey.measureId, body: "กรุณาระบุผู้รับผิดชอบให้ชัดเจน" });
  commentId = comment.id;
  await reviewer.report.return({ reportId: journey.reportId, comment: "แก้ไขตามความเห็นในมาตรการ" });
});

describe("marking a remark addressed", () => {
  it("only the preparer, while the report is theirs, and only a remark of this report", async () => {
    const db = context.database.db;
    for (const userId of [context.world.users.provinceA.id, context.world.users.signerA1.id]) {
      expect((await refusal(callerFor(db, userId).report.markAddressed({ reportId: journey.reportId, commentId, addressed: true }))).code).toBe("FORBIDDEN");
    }
    const editor = callerFor(db, context.world.users.editorA1.id);
    const wrong = await refusal(editor.report.markAddressed({ reportId: journey.reportId, commentId: "missing-comment", addressed: true }));
    expect(wrong.code).toBe("NOT_FOUND");
    expect(wrong.message).toBe("ไม่พบความเห็นนี้ในรายงาน");
    // The return's own reason is not a remark to mark.
    const returned = await db.reviewComment.findFirstOrThrow({ where: { reportId: journey.reportId, kind: "RETURN" } });
    expect((await refusal(editor.report.markAddressed({ reportId: journey.reportId, commentId: returned.id, addressed: true }))).code).toBe("NOT_FOUND");
  });

  it("is stored and audited, seen by the reviewer, and can be opened again", async () => {
    const db = context.database.db;
    const editor = callerFor(db, context.world.users.editorA1.id);
    const marked = await editor.report.markAddressed({ reportId: journey.reportId, commentId, addressed: true });
    expect(marked.addressedAt).toBeInstanceOf(Date);
    const seen = await callerFor(db, context.world.users.provinceA.id).report.get({ reportId: journey.reportId });
    expect(seen.comments.find((comment) => comment.id === commentId)).toMatchObject({ addressedByName: expect.any(String), addressedAt: expect.any(Date) });
    await callerFor(db, context.world.users.editorA1.id).report.markAddressed({ reportId: journey.reportId, commentId, addressed: false });
    expect((await db.reviewComment.findUniqueOrThrow({ where: { id: commentId } })).addressedAt).toBeNull();
    await callerFor(db, context.world.users.editorA1.id).report.markAddressed({ reportId: journey.reportId, commentId, addressed: true });
    const audit = await db.auditEvent.findMany({ where: { entityId: commentId, action: { startsWith: "report.comment_" } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((event) => event.action)).toEqual(["report.comment_addressed", "report.comment_reopened", "report.comment_addressed"]);
    expect(audit.every((event) => event.organizationId === context.world.organizations.A1.id)).toBe(true);
  });
});

describe("what changed since the last round", () => {
  it("the next round's signers see each changed field old → new, and the reviewer the same between the two submissions", async () => {
    const db = context.database.db;
    const editor = callerFor(db, context.world.users.editorA1.id);
    const report = await editor.report.get({ reportId: journey.reportId });
    const content = structuredClone(report.content) as ReportContent;
    const measure = content.issues[0]!.measures[0]!;
    measure.title = "มาตรการเผยแพร่ข้อมูลสาธารณะ";
    measure.periodEnd = "2025-08-31";
    measure.responsibleUnits = ["กองคลัง"];
    measure.resultItems = [{ text: "จัดทำคู่มือ", checked: false, standardItemId: null }, { text: "เผยแพร่ทางเว็บไซต์", checked: true, standardItemId: null }];
    measure.outcomes = ["ประชาชนเข้าถึงข้อมูลมากขึ้น"];
    measure.evidenceLinks = [{ url: "https://example.org/manual", label: "คู่มือ" }];
    content.issues[0]!.title = "ประเด็นความโปร่งใสของข้อมูล";
    const saved = await editor.report.saveDraft({ reportId: journey.reportId, baseVersion: report.version, content });
    expect(saved.ok).toBe(true);
    const { version } = await editor.report.get({ reportId: journey.reportId });
    await callerFor(db, context.world.users.editorA1.id).report.submit({ reportId: journey.reportId, baseVersion: version });

    const expected = [
      { field: "ชื่อมาตรการ", before: "มาตรการเผยแพร่ข้อมูล", after: "มาตรการเผยแพร่ข้อมูลสาธารณะ" },
      { field: "ระยะเวลา", before: "1 ตุลาคม 2567 – 30 กันยายน 2568", after: "1 ตุลาคม 2567 – 31 สิงหาคม 2568" },
      { field: "ผู้รับผิดชอบ", before: "สำนักปลัด", after: "กองคลัง" },
      { field: "ผลการดำเนินการ", before: "☑ จัดทำคู่มือ", after: "☐ จัดทำคู่มือ / ☑ เผยแพร่ทางเว็บไซต์" },
      { field: "ผลลัพธ์", before: "ประชาชนเข้าถึงข้อมูล", after: "ประชาชนเข้าถึงข้อมูลมากขึ้น" },
      { field: "หลักฐาน", before: "—", after: "คู่มือ (https://example.org/manual)" },
    ];
    const signerView = await callerFor(db, context.world.users.signerA1.id).report.history({ reportId: journey.reportId });
    expect(signerView.latestDiff).toBeNull();
    expect(signerView.pendingDiff).toMatchObject({ from: 1, issuesRenamed: [{ from: "ประเด็นความโปร่งใส", to: "ประเด็นความโปร่งใสของข้อมูล" }] });
    expect(signerView.pendingDiff!.measures).toHaveLength(1);
    expect(signerView.pendingDiff!.measures[0]!.changes).toEqual(expected);

    for (const signer of [context.world.users.signerA1.id, journey.people.chief, journey.people.executive]) {
      await callerFor(db, signer).report.endorse({ reportId: journey.reportId });
    }
    const reviewerView = await callerFor(db, context.world.users.provinceA.id).report.history({ reportId: journey.reportId });
    expect(reviewerView.pendingDiff).toBeNull();
    expect(reviewerView.latestDiff).toMatchObject({ from: 1, to: 2 });
    expect(reviewerView.latestDiff!.measures[0]!.changes).toEqual(expected);
  });
});
