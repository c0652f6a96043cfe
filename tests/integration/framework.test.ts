// Each fiscal year's framework, edited by administrators: FY N+1 copied from FY N (deep and
// independent), level rules checked as a whole, removals refused while reports point to them,
// deadlines extended per province (only later), a closed year refusing edits; all audited.
import { ZodError } from "zod";
import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { fieldErrorsOf } from "@/server/validation";
import { isoDay } from "@/server/domain/fiscal-year";
import { deadlineFor } from "@/server/services/deadlines";
import { callerFor, refusal, saveResults, worldForThisFile } from "./helpers/fixtures";

const context = worldForThisFile();
const as = (userId: string) => callerFor(context.database.db, userId);
const admin = () => as(context.world.users.admin.id);

const fieldErrors = (error: { cause?: unknown }) =>
  error.cause instanceof ZodError ? fieldErrorsOf(error.cause) : error.cause instanceof AppError ? error.cause.fieldErrors : null;
const auditActions = async (entityId: string) =>
  (await context.database.db.auditEvent.findMany({ where: { entityId }, orderBy: { createdAt: "asc" } })).map((event) => event.action);
/** Every province's and year's dashboard data version, summed: it moves with any counted change. */
const dataVersion = async () => Number((await context.database.db.dashboardVersion.aggregate({ _sum: { version: true } }))._sum.version ?? 0);

/** A report of A1 in FY2568 whose first issue links to suggested issue 1 and one of its standard items. */
let linked: { reportId: string; issueTitle: string; itemText: string };

beforeAll(async () => {
  const db = context.database.db;
  const year = await db.fiscalYear.findUniqueOrThrow({
    where: { yearBe: 2568 },
    include: { suggestedIssues: { where: { ordinal: 1 }, include: { resultItems: { where: { ordinal: 1 } } } } },
  });
  const issue = year.suggestedIssues[0]!;
  const item = issue.resultItems[0]!;
  const report = await db.yearlyReport.create({
    data: {
      organizationId: context.world.organizations.A1.id,
      fiscalYearId: year.id,
      issuingSection: "ส",
      subject: "ร",
      addressee: "น",
      issues: {
        create: {
          ordinal: 1,
          title: issue.title,
          indicatorNumbers: [1, 6],
          suggestedIssueId: issue.id,
          measures: {
            create: {
              ordinal: 1,
              title: "ม",
              steps: [],
              periodStart: year.startDate,
              periodEnd: year.endDate,
              responsibleUnits: [],
              outcomes: [],
              resultItems: { create: { ordinal: 1, text: item.text, checked: true, standardItemId: item.id } },
            },
          },
        },
      },
    },
  });
  linked = { reportId: report.id, issueTitle: issue.title, itemText: item.text };
});

describe("copying a year", () => {
  it("creates FY N+1 from FY N as a deep copy, closed, deadline a year later; audited; twice is refused", async () => {
    const db = context.database.db;
    await admin().framework.copyYear({ fromYearBe: 2568 });
    const load = (yearBe: number) =>
      db.fiscalYear.findUniqueOrThrow({
        where: { yearBe },
        include: {
          levelRules: { orderBy: { rank: "asc" } },
          indicators: { orderBy: { number: "asc" } },
          suggestedIssues: { orderBy: { ordinal: "asc" }, include: { resultItems: { orderBy: { ordinal: "asc" } } } },
        },
      });
    const [source, copy] = await Promise.all([load(2568), load(2569)]);
    expect(copy.isOpen).toBe(false);
    expect(copy.startDate.toISOString().slice(0, 10)).toBe("2025-10-01");
    expect(copy.endDate.toISOString().slice(0, 10)).toBe("2026-09-30");
    expect(copy.submissionDeadline.toISOString().slice(0, 10)).toBe("2027-01-31"); // FY2568's is 2026-01-31
    const shape = (year: typeof source) => ({
      weights: [year.weightIit, year.weightEit, year.weightOit].map(String),
      rules: year.levelRules.map(({ rank, label, minTotal, minEachTool, passing }) => [rank, label, String(minTotal), String(minEachTool), passing]),
      indicators: year.indicators.map(({ number, nameTh, tool }) => [number, nameTh, tool]),
      issues: year.suggestedIssues.map((issue) => [issue.ordinal, issue.title, issue.indicatorNumbers, issue.resultItems.map((item) => item.text)]),
    });
    expect(shape(copy)).toEqual(shape(source));
    expect(copy.suggestedIssues.length).toBeGreaterThan(0);
    const ids = (year: typeof source) => [
      ...year.levelRules.map((row) => row.id),
      ...year.indicators.map((row) => row.id),
      ...year.suggestedIssues.flatMap((issue) => [issue.id, ...issue.resultItems.map((item) => item.id)]),
    ];
    expect(ids(copy).filter((id) => ids(source).includes(id))).toEqual([]);
    expect(await auditActions(copy.id)).toEqual(["fiscal_year.copy"]);

    const again = await refusal(admin().framework.copyYear({ fromYearBe: 2568 }));
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toBe("ปีงบประมาณ 2569 มีอยู่แล้ว");
    expect((await refusal(admin().framework.copyYear({ fromYearBe: 2590 }))).code).toBe("NOT_FOUND");
  });

  it("editing the copy leaves the source as it was", async () => {
    const before = await admin().framework.get({ yearBe: 2568 });
    const copy = await admin().framework.get({ yearBe: 2569 });
    await admin().framework.saveLevelRules({ yearBe: 2569, rules: copy.levelRules.map((rule, index) => (index === 0 ? { ...rule, label: "ดีเยี่ยม" } : rule)) });
    await admin().framework.saveSuggestedIssues({
      yearBe: 2569,
      issues: copy.suggestedIssues.slice(1).map((issue, index) => ({
        id: issue.id,
        title: index === 0 ? "ประเด็นที่แก้แล้ว" : issue.title,
        indicatorNumbers: issue.indicatorNumbers,
        resultItems: issue.resultItems.slice(1).map(({ id, text }) => ({ id, text })),
      })),
    });
    await admin().framework.saveIndicators({ yearBe: 2569, indicators: copy.indicators.filter((indicator) => indicator.number !== 6).map(({ number, nameTh, tool }) => ({ number, nameTh, tool })) });
    expect(await admin().framework.get({ yearBe: 2568 })).toEqual(before);
    const edited = await admin().framework.get({ yearBe: 2569 });
    expect(edited.levelRules[0]!.label).toBe("ดีเยี่ยม");
    expect(edited.suggestedIssues.map((issue) => issue.title)[0]).toBe("ประเด็นที่แก้แล้ว");
    expect(edited.suggestedIssues).toHaveLength(copy.suggestedIssues.length - 1);
    expect(edited.indicators).toHaveLength(9);
  });
});

describe("level rules", () => {
  it("are refused at the field when thresholds do not descend, and nothing is written", async () => {
    const before = await admin().framework.get({ yearBe: 2567 });
    const version = await dataVersion();
    const error = await refusal(
      admin().framework.saveLevelRules({
        yearBe: 2567,
        rules: [
          { label: "ดี", minTotal: 80, minEachTool: null, passing: true },
          { label: "ดีมาก", minTotal: 90, minEachTool: null, passing: true },
          { label: "ต่ำ", minTotal: 10, minEachTool: null, passing: false },
        ],
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(fieldErrors(error)).toEqual({
      "rules.1.minTotal": ["คะแนนรวมขั้นต่ำต้องไม่สูงกว่าระดับก่อนหน้า (80)"],
      "rules.2.minTotal": ["ระดับสุดท้ายต้องเริ่มที่ 0 คะแนนและไม่มีขั้นต่ำรายเครื่องมือ เพื่อให้ทุกคะแนนได้ระดับ"],
    });
    expect((await refusal(admin().framework.saveLevelRules({ yearBe: 2567, rules: [] }))).message).toBe("ต้องมีระดับอย่างน้อยหนึ่งระดับ");
    expect(await admin().framework.get({ yearBe: 2567 })).toEqual(before);
    expect(await dataVersion()).toBe(version);
  });

  it("saved, they derive again the level of every result of the year and tell the dashboards", async () => {
    const db = context.database.db;
    const ids = { A1: context.world.organizations.A1.id, A2: context.world.organizations.A2.id };
    await saveResults(db, ids, [
      ["A1", 2567, 90, [90, 90, 90], "ผ่านดี"],
      ["A2", 2567, 72, null, "ต้องปรับปรุง"],
    ]);
    const version = await dataVersion();
    const saved = await admin().framework.saveLevelRules({
      yearBe: 2567,
      rules: [
        { label: "สูง", minTotal: 88.5, minEachTool: null, passing: true },
        { label: "กลาง", minTotal: 60, minEachTool: null, passing: true },
        { label: "ต่ำ", minTotal: 0, minEachTool: null, passing: false },
      ],
    });
    expect(saved).toEqual({ rules: 3, resultsWithNewLevel: 2 });
    const results = await db.itaResult.findMany({ where: { fiscalYear: { yearBe: 2567 } }, orderBy: { total: "desc" } });
    expect(results.map((result) => [result.derivedLevel, result.levelMismatch])).toEqual([
      ["สูง", true],
      ["กลาง", true],
    ]);
    expect(await dataVersion()).toBeGreaterThan(version);
    const year = await db.fiscalYear.findUniqueOrThrow({ where: { yearBe: 2567 }, include: { levelRules: { orderBy: { rank: "asc" } } } });
    expect(year.levelRules.map((rule) => [rule.rank, rule.label])).toEqual([[1, "สูง"], [2, "กลาง"], [3, "ต่ำ"]]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: year.id, action: "fiscal_year.level_rules" } });
    expect(audit.actorUsername).toBe("admin.test");
    expect(audit.after).toMatchObject({ yearBe: 2567, resultsWithNewLevel: 2 });
  });
});

describe("removing what reports point to", () => {
  it("refuses a suggested issue or a result item in use, naming counts and organisations; writes nothing", async () => {
    const framework = await admin().framework.get({ yearBe: 2568 });
    const [first, ...rest] = framework.suggestedIssues;
    expect(first!.usedBy).toBe(1);
    expect(first!.resultItems[0]!.usedBy).toBe(1);
    const keep = (issue: typeof first & object) => ({ id: issue.id, title: issue.title, indicatorNumbers: issue.indicatorNumbers, resultItems: issue.resultItems.map(({ id, text }) => ({ id, text })) });

    const withoutIssue = await refusal(admin().framework.saveSuggestedIssues({ yearBe: 2568, issues: rest.map(keep) }));
    expect(withoutIssue.code).toBe("CONFLICT");
    expect(withoutIssue.message).toContain(`ประเด็น "${linked.issueTitle}" มีรายงาน 1 ฉบับอ้างถึง`);
    expect(withoutIssue.message).toContain("อบต.ทดสอบเอหนึ่ง");
    expect(withoutIssue.message).toContain(`ผลการดำเนินการ "${linked.itemText}" ถูกเลือกใน 1 มาตรการ`);

    const withoutItem = await refusal(
      admin().framework.saveSuggestedIssues({ yearBe: 2568, issues: [{ ...keep(first!), resultItems: keep(first!).resultItems.slice(1) }, ...rest.map(keep)] }),
    );
    expect(withoutItem.message).toMatch(/^ลบไม่ได้ เพราะรายงานอ้างถึงอยู่ — ผลการดำเนินการ ".+" ถูกเลือกใน 1 มาตรการ \("อบต\.ทดสอบเอหนึ่ง"\)$/);
    expect(await admin().framework.get({ yearBe: 2568 })).toEqual(framework);
    expect(await context.database.db.auditEvent.count({ where: { action: "fiscal_year.suggested_issues", entityId: framework.id } })).toBe(0);
  });

  it("removes unused items, adds and reorders, keeping the ids reports point to", async () => {
    const framework = await admin().framework.get({ yearBe: 2568 });
    const [first, second, ...rest] = framework.suggestedIssues;
    const keep = (issue: typeof first & object) => ({ id: issue.id, title: issue.title, indicatorNumbers: issue.indicatorNumbers, resultItems: issue.resultItems.map(({ id, text }) => ({ id, text })) });
    await admin().framework.saveSuggestedIssues({
      yearBe: 2568,
      issues: [
        keep(second!),
        { ...keep(first!), resultItems: [{ id: null, text: "รายการใหม่" }, ...keep(first!).resultItems.slice(0, 1)] },
        ...rest.slice(1).map(keep),
        { id: null, title: "ประเด็นใหม่", indicatorNumbers: [9], resultItems: [{ id: null, text: "ทำสิ่งใหม่" }] },
      ],
    });
    const after = await admin().framework.get({ yearBe: 2568 });
    expect(after.suggestedIssues.map((issue) => issue.title)).toEqual([second!.title, first!.title, ...rest.slice(1).map((issue) => issue.title), "ประเด็นใหม่"]);
    expect(after.suggestedIssues[1]!.id).toBe(first!.id);
    expect(after.suggestedIssues[1]!.resultItems.map((item) => [item.text, item.usedBy])).toEqual([["รายการใหม่", 0], [linked.itemText, 1]]);
    const report = await context.database.db.reportIssue.findFirstOrThrow({ where: { reportId: linked.reportId } });
    expect(report.suggestedIssueId).toBe(first!.id);
  });

  it("refuses an indicator the year's reports name, and a tag of an indicator the year lacks", async () => {
    const framework = await admin().framework.get({ yearBe: 2568 });
    const indicators = framework.indicators.map(({ number, nameTh, tool }) => ({ number, nameTh, tool }));
    const error = await refusal(admin().framework.saveIndicators({ yearBe: 2568, indicators: indicators.filter((indicator) => indicator.number !== 6) }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toContain("ตัวชี้วัดที่ 6");
    expect(error.message).toContain("อ้างถึง 1 รายการ");
    const duplicate = await refusal(admin().framework.saveIndicators({ yearBe: 2568, indicators: [...indicators, { ...indicators[0]!, nameTh: "ซ้ำ" }] }));
    expect(fieldErrors(duplicate)).toEqual({ [`indicators.${indicators.length}.number`]: ["เลขตัวชี้วัดซ้ำกับแถวที่ 1"] });
    const tag = await refusal(
      admin().framework.saveSuggestedIssues({
        yearBe: 2568,
        issues: framework.suggestedIssues.map((issue, index) => ({ id: issue.id, title: issue.title, indicatorNumbers: index === 0 ? [42] : issue.indicatorNumbers, resultItems: issue.resultItems.map(({ id, text }) => ({ id, text })) })),
      }),
    );
    expect(fieldErrors(tag)).toEqual({ "issues.0.indicatorNumbers": ["ปีนี้ไม่มีตัวชี้วัดที่ 42"] });
    expect(await admin().framework.get({ yearBe: 2568 })).toEqual(framework);
  });
});

describe("deadlines", () => {
  it("the year's deadline moves, audited; not before the year starts", async () => {
    const error = await refusal(admin().framework.saveDeadline({ yearBe: 2568, submissionDeadline: "2024-09-30" }));
    expect(fieldErrors(error)).toEqual({ submissionDeadline: ["กำหนดส่งต้องไม่ก่อนวันเริ่มปีงบประมาณ (1 ตุลาคม 2567)"] });
    expect((await refusal(admin().framework.saveDeadline({ yearBe: 2568, submissionDeadline: "2026-02-30" }))).message).toBe("กำหนดส่งไม่ใช่วันที่ที่มีอยู่จริง (ไม่มีวันที่ 30 กุมภาพันธ์ 2569)");
    await admin().framework.saveDeadline({ yearBe: 2568, submissionDeadline: "2026-02-15" });
    const year = await context.database.db.fiscalYear.findUniqueOrThrow({ where: { yearBe: 2568 } });
    expect(year.submissionDeadline.toISOString().slice(0, 10)).toBe("2026-02-15");
    expect(await auditActions(year.id)).toContain("fiscal_year.deadline");
  });

  it("a province gets a later deadline only; deadlineFor gives it to its organisations, others keep the year's", async () => {
    const db = context.database.db;
    const province = context.world.provinces.A.id;
    const same = await refusal(admin().framework.extendDeadline({ yearBe: 2568, provinceId: province, deadline: "2026-02-15" }));
    expect(same.code).toBe("BAD_REQUEST");
    expect(fieldErrors(same)).toEqual({ deadline: ["กำหนดส่งของจังหวัดต้องหลังกำหนดส่งของปีงบประมาณ (15 กุมภาพันธ์ 2569)"] });
    expect(await db.deadlineExtension.count()).toBe(0);

    const extended = await admin().framework.extendDeadline({ yearBe: 2568, provinceId: province, deadline: "2026-03-31", reason: "น้ำท่วม" });
    expect(extended.deadline.toISOString().slice(0, 10)).toBe("2026-03-31");
    const forA = await deadlineFor(db, { yearBe: 2568, organizationId: context.world.organizations.A2.id });
    expect(forA.deadline.toISOString().slice(0, 10)).toBe("2026-03-31");
    expect(forA.extension?.reason).toBe("น้ำท่วม");
    const forB = await deadlineFor(db, { yearBe: 2568, organizationId: context.world.organizations.B.id });
    expect(forB).toMatchObject({ extension: null });
    expect(forB.deadline.toISOString().slice(0, 10)).toBe("2026-02-15");

    // The preparer of A1 sees the province's deadline on the report, the profile and the inbox.
    const editor = as(context.world.users.editorA1.id);
    expect(isoDay((await editor.report.get({ reportId: linked.reportId })).fiscalYear.submissionDeadline)).toBe("2026-03-31");
    const profile = await editor.organization.profile({ organizationId: context.world.organizations.A1.id });
    expect(isoDay(profile.years.find((year) => year.yearBe === 2568)!.submissionDeadline)).toBe("2026-03-31");
    expect(isoDay(profile.years.find((year) => year.yearBe === 2567)!.submissionDeadline)).toBe("2025-01-31");
    const overdue = (await editor.inbox.list()).find((item) => item.kind === "deadline" && item.yearBe === 2568);
    expect([overdue?.message, overdue && isoDay(overdue.deadline)]).toEqual(["เลยกำหนดส่งรายงานแล้ว", "2026-03-31"]);

    // Moving the year's deadline past the extension: the later one counts.
    await admin().framework.saveDeadline({ yearBe: 2568, submissionDeadline: "2026-04-30" });
    expect((await deadlineFor(db, { yearBe: 2568, provinceId: province })).deadline.toISOString().slice(0, 10)).toBe("2026-04-30");
    await admin().framework.saveDeadline({ yearBe: 2568, submissionDeadline: "2026-02-15" });

    const listed = await admin().framework.deadlines({ yearBe: 2568 });
    expect(listed.provinces.find((row) => row.id === province)?.deadline.toISOString().slice(0, 10)).toBe("2026-03-31");
    const extension = await db.deadlineExtension.findFirstOrThrow();
    await admin().framework.removeDeadlineExtension({ yearBe: 2568, provinceId: province });
    expect(await db.deadlineExtension.count()).toBe(0);
    const audits = await db.auditEvent.findMany({ where: { entityId: extension.id }, orderBy: { createdAt: "asc" } });
    expect(audits.map((event) => [event.action, event.provinceId])).toEqual([
      ["deadline.extend", province],
      ["deadline.remove_extension", province],
    ]);
  });

  it("nobody else sets a province's deadline: reviewers and staff get NOT_FOUND or FORBIDDEN and nothing changes", async () => {
    const province = context.world.provinces.A.id;
    for (const user of [context.world.users.provinceA, context.world.users.provinceB, context.world.users.editorA1]) {
      expect((await refusal(as(user.id).framework.extendDeadline({ yearBe: 2568, provinceId: province, deadline: "2026-05-01" }))).code).toBe("NOT_FOUND");
      expect((await refusal(as(user.id).framework.deadlines({ yearBe: 2568 }))).code).toBe("FORBIDDEN");
    }
    expect(await context.database.db.deadlineExtension.count()).toBe(0);
  });
});

describe("opening and closing a year", () => {
  it("a closed year refuses new reports, edits and sending up; reopened, editing works again; both audited", async () => {
    const editor = as(context.world.users.editorA1.id);
    const report = await editor.report.get({ reportId: linked.reportId });
    expect(report.actions).toEqual(["edit", "submit"]);
    await admin().framework.setOpen({ yearBe: 2568, isOpen: false });

    const closedMessage = "ปีงบประมาณ 2568 ปิดรับรายงานแล้ว สร้าง แก้ไข หรือเสนอรายงานของปีนี้ไม่ได้";
    expect((await editor.report.get({ reportId: linked.reportId })).actions).toEqual([]);
    const save = await refusal(editor.report.saveDraft({ reportId: linked.reportId, baseVersion: report.version, content: report.content }));
    expect([save.code, save.message]).toEqual(["FORBIDDEN", closedMessage]);
    const submit = await refusal(editor.report.submit({ reportId: linked.reportId, baseVersion: report.version }));
    expect([submit.code, submit.message]).toEqual(["FORBIDDEN", closedMessage]);
    const profile = await editor.organization.profile({ organizationId: context.world.organizations.A1.id });
    expect(profile.years.find((year) => year.yearBe === 2568)?.isOpen).toBe(false);
    await admin().framework.setOpen({ yearBe: 2567, isOpen: false });
    const create = await refusal(editor.organization.createReport({ organizationId: context.world.organizations.A1.id, yearBe: 2567, copyFromPrevious: false }));
    expect(create.message).toBe("ปีงบประมาณ 2567 ปิดรับรายงานแล้ว สร้าง แก้ไข หรือเสนอรายงานของปีนี้ไม่ได้");
    expect(await context.database.db.yearlyReport.findUniqueOrThrow({ where: { id: linked.reportId } })).toMatchObject({ version: report.version, status: "DRAFT" });

    await admin().framework.setOpen({ yearBe: 2568, isOpen: true });
    await expect(editor.report.saveDraft({ reportId: linked.reportId, baseVersion: report.version, content: report.content })).resolves.toMatchObject({ ok: true });
    const year = await context.database.db.fiscalYear.findUniqueOrThrow({ where: { yearBe: 2568 } });
    expect((await auditActions(year.id)).filter((action) => action.startsWith("fiscal_year.o") || action === "fiscal_year.close")).toEqual([
      "fiscal_year.close",
      "fiscal_year.open",
    ]);
  });
});
