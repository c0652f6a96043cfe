// The report import flow through its procedures, on the demo data: the preparer of อบต.ท้ายหาด
// previews the seed report (FY2568, submitted in the demo) and makes it the draft of FY2569 (the
// open year, no report yet); never over a submitted report, over a draft only when confirmed;
// bad input is refused in Thai and writes nothing; nobody else gets through.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "@/prisma/seed/demo";
import { flagSpan } from "@/components/report-import/flag-spans";
import type { Db } from "@/server/db/client";
import { parseReportText } from "@/server/domain/report-import/parse";
import { toReportContent } from "@/server/domain/report-import/to-content";
import type { ReportContent } from "@/server/domain/report-content";
import { loadReportContent } from "@/server/services/reports/content-store";
import { IMPORT_ERRORS, MAX_REPORT_BYTES } from "@/server/services/report-import/read-document";
import { levelRules, reportDocx } from "../fixtures/report-import";
import { openTestDatabase, type TestDatabase } from "./helpers/db";
import { callerFor, refusal } from "./helpers/fixtures";
import { sessionCookie, trpcPost } from "./helpers/http";

const seedText = fs.readFileSync("tests/fixtures/seed-report-thaihad-2568.txt", "utf8");
const base64 = (data: string | Uint8Array) => Buffer.from(data).toString("base64");
const seedFile = { kind: "file" as const, fileName: "รายงาน 2568.txt", contentBase64: base64(seedText) };

let database: TestDatabase;
let db: Db;
let thaihadId: string;
let otherOrganizationId: string;
/** Callers by name; each preparer has its own allowance of imports a minute, so the tests use several. */
const users: Record<string, string> = {};
const caller = (name: string) => callerFor(db, users[name]!);

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
  await seedDemoData(db, { password: "demo password for tests" });
  for (const username of ["thaihad.editor", "thaihad.head", "province.skm", "district.mueang"]) {
    users[username] = (await db.user.findUniqueOrThrow({ where: { username } })).id;
  }
  thaihadId = (await db.localOrganization.findFirstOrThrow({ where: { nameTh: "องค์การบริหารส่วนตำบลท้ายหาด" } })).id;
  otherOrganizationId = (await db.localOrganization.findFirstOrThrow({ where: { id: { not: thaihadId } }, orderBy: { dlaCode: "asc" } })).id;
  // A second preparer of ท้ายหาด, and the preparer of another organisation.
  for (const [username, organizationId] of [
    ["thaihad.editor2", thaihadId],
    ["thaihad.editor3", thaihadId],
    ["other.editor", otherOrganizationId],
  ] as const) {
    const user = await db.user.create({
      data: { username, displayName: username, passwordHash: "x", roles: { create: { role: "ORG_EDITOR", organizationId } } },
    });
    users[username] = user.id;
  }
}, 120_000);
afterAll(() => database.close());

/** What a draft holds, without the ids the server makes and the catalogue links it adds. */
function withoutIds(content: ReportContent) {
  return {
    header: content.header,
    issues: content.issues.map(({ id: _id, suggestedIssueId: _s, measures, ...issue }) => ({
      ...issue,
      measures: measures.map(({ id: _m, resultItems, ...measure }) => ({
        ...measure,
        resultItems: resultItems.map(({ text, checked }) => ({ text, checked })),
      })),
    })),
  };
}

const writes = () => Promise.all([db.yearlyReport.count(), db.measure.count(), db.auditEvent.count(), db.yearlyReport.findMany({ select: { id: true, version: true } })]);

describe("reportImport.preview", () => {
  it("reads the seed: the structure, its flags at their place, what it could not place, the source and the year; writes nothing", async () => {
    const before = await writes();
    const preview = await caller("thaihad.editor").reportImport.preview({ organizationId: thaihadId, source: seedFile });
    expect(preview.format).toBe("text");
    expect(preview.sourceText).toBe(seedText);
    expect(preview.suggestedYearBe).toBe(2568);
    expect(preview.report.issues).toHaveLength(7);
    expect(preview.report).toEqual(parseReportText(seedText, { levelRules }));
    const lines = seedText.split("\n");
    const lineOf = (text: string) => lines.findIndex((line) => line.includes(text)) + 1;
    expect(preview.report.flags.filter((flag) => flag.code !== "LIST_SPLIT_GUESSED").map((flag) => [flag.code, flag.line, flag.text])).toEqual([
      ["MISSPELLING", lineOf("เรียน นายองค์การ"), "นายองค์การ"],
      ["FOREIGN_SCRIPT", lineOf("(นางสาวอาจารย์"), expect.stringContaining("เอร")],
      ["ORGANIZATION_NAME_VARIANT", lineOf("ท่าหยาด"), "องค์การบริหารส่วนตำบลท่าหยาด"],
      ["MISSPELLING", lineOf("ข้อเสนอนะ"), "ข้อเสนอนะ"],
      ["MISSPELLING", lineOf("การส่วนบุคลากร"), "การส่วนบุคลากร"],
    ]);
    for (const flag of preview.report.flags) {
      // Each flag's text stands in its line of the source the page shows, over or after its column.
      const line = lines[flag.line - 1]!;
      const span = flagSpan(line, flag);
      expect(span && line.slice(span.start, span.end), `${flag.code} at ${flag.line}:${flag.column}`).toBe(flag.text);
      expect(span!.end).toBeGreaterThan(flag.column - 1);
    }
    expect(preview.report.unplaced.length).toBeGreaterThan(0);
    expect(preview.years.find((year) => year.yearBe === 2568)).toMatchObject({ isOpen: false, report: { status: "SUBMITTED" } });
    expect(preview.years.find((year) => year.yearBe === 2569)).toMatchObject({ isOpen: true, report: null });
    expect(await writes()).toEqual(before);
  });

  it("reads pasted text and a Word file the same", async () => {
    const pasted = await caller("thaihad.editor").reportImport.preview({ organizationId: thaihadId, source: { kind: "text", text: seedText } });
    expect(pasted.report.issues).toHaveLength(7);
    const docx = await reportDocx(parseReportText(seedText, { levelRules }));
    const word = await caller("thaihad.editor").reportImport.preview({
      organizationId: thaihadId,
      source: { kind: "file", fileName: "รายงาน.docx", contentBase64: base64(docx) },
    });
    expect(word.format).toBe("docx");
    expect(word.report.issues.map((issue) => issue.title)).toEqual(pasted.report.issues.map((issue) => issue.title));
  }, 60_000);
});

describe("reportImport.createDraft", () => {
  it("never over a submitted report: a Thai refusal, nothing written", async () => {
    // FY2568's report of ท้ายหาด is submitted (and the year closed): open the year to reach the rule.
    await db.fiscalYear.update({ where: { yearBe: 2568 }, data: { isOpen: true } });
    try {
      const before = await writes();
      for (const replaceDraft of [false, true]) {
        const error = await refusal(caller("thaihad.editor").reportImport.createDraft({ organizationId: thaihadId, source: seedFile, yearBe: 2568, replaceDraft }));
        expect(error.code).toBe("FORBIDDEN");
        expect(error.message).toBe("รายงานปีงบประมาณ 2568 ขององค์กรนี้ส่งจังหวัดแล้ว จึงนำเข้าทับไม่ได้");
      }
      expect(await writes()).toEqual(before);
    } finally {
      await db.fiscalYear.update({ where: { yearBe: 2568 }, data: { isOpen: false } });
    }
  });

  it("creates the draft of FY2569 holding what the importer read, audited", async () => {
    const created = await caller("thaihad.editor").reportImport.createDraft({ organizationId: thaihadId, source: seedFile, yearBe: 2569, replaceDraft: false });
    expect(created.replaced).toBe(false);
    const report = await db.yearlyReport.findUniqueOrThrow({ where: { id: created.id }, include: { fiscalYear: true } });
    expect(report).toMatchObject({ organizationId: thaihadId, status: "DRAFT", version: 1, origin: "REAL" });
    expect(report.fiscalYear.yearBe).toBe(2569);
    const expected = toReportContent(parseReportText(seedText, { levelRules }), 2569, () => crypto.randomUUID());
    expect(withoutIds(await loadReportContent(db, created.id))).toEqual(withoutIds(expected));
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "report.import", entityId: created.id } });
    expect(audit).toMatchObject({ actorId: users["thaihad.editor"], organizationId: thaihadId });
    expect(audit.after).toMatchObject({ yearBe: 2569, format: "text", fileName: "รายงาน 2568.txt", issues: 7 });
    // The editor opens it like any draft.
    const opened = await caller("thaihad.editor").report.get({ reportId: created.id });
    expect(opened.actions).toContain("edit");
    expect(opened.content.issues).toHaveLength(7);
  });

  it("over the draft: a CONFLICT with a Thai question first, then, confirmed, the draft's content is replaced", async () => {
    const draft = await db.yearlyReport.findFirstOrThrow({ where: { organizationId: thaihadId, fiscalYear: { yearBe: 2569 } } });
    // The preparer edits the draft: the import replaces the edit.
    const edited = await caller("thaihad.editor").report.get({ reportId: draft.id });
    const saved = await caller("thaihad.editor").report.saveDraft({
      reportId: draft.id,
      baseVersion: edited.version,
      content: { ...edited.content, issues: edited.content.issues.slice(0, 2) },
    });
    expect(saved.ok).toBe(true);
    const before = await writes();
    const conflict = await refusal(caller("thaihad.editor").reportImport.createDraft({ organizationId: thaihadId, source: seedFile, yearBe: 2569, replaceDraft: false }));
    expect(conflict.code).toBe("CONFLICT");
    expect(conflict.message).toContain("มีฉบับร่างรายงานปีงบประมาณ 2569 อยู่แล้ว");
    expect(await writes()).toEqual(before);

    const pasted = { kind: "text" as const, text: seedText };
    const replaced = await caller("thaihad.editor").reportImport.createDraft({ organizationId: thaihadId, source: pasted, yearBe: 2569, replaceDraft: true });
    expect(replaced).toEqual({ id: draft.id, replaced: true });
    const content = await loadReportContent(db, draft.id);
    expect(content.issues).toHaveLength(7);
    const expected = toReportContent(parseReportText(seedText, { levelRules }), 2569, () => crypto.randomUUID());
    expect(withoutIds(content)).toEqual(withoutIds(expected));
    expect((await db.yearlyReport.findUniqueOrThrow({ where: { id: draft.id } })).version).toBe(edited.version + 2);
    expect(await db.yearlyReport.count()).toBe(before[0]);
    expect(await db.auditEvent.count({ where: { action: "report.import_replace", entityId: draft.id } })).toBe(1);
  });

  it("never over a draft sent on for sign-off", async () => {
    const draft = await db.yearlyReport.findFirstOrThrow({ where: { organizationId: thaihadId, fiscalYear: { yearBe: 2569 } } });
    await db.yearlyReport.update({ where: { id: draft.id }, data: { status: "IN_SIGN_OFF" } });
    try {
      const error = await refusal(caller("thaihad.editor2").reportImport.createDraft({ organizationId: thaihadId, source: seedFile, yearBe: 2569, replaceDraft: true }));
      expect(error.code).toBe("FORBIDDEN");
      expect(error.message).toContain("อยู่ระหว่างเสนอความเห็น");
    } finally {
      await db.yearlyReport.update({ where: { id: draft.id }, data: { status: "DRAFT" } });
    }
  });
});

describe("bad input", () => {
  const thaiWithoutInternals = (message: string) => {
    expect(message).toMatch(/[\u0E00-\u0E7F]/);
    expect(message).not.toMatch(/\bat \w|Error|prisma|SELECT|node_modules/i);
  };

  it("empty, binary, over 5 MB, truncated and unrelated documents: a Thai BAD_REQUEST from both procedures, nothing written", async () => {
    const docx = await reportDocx(parseReportText(seedText, { levelRules }));
    const page = `<!DOCTYPE html><html><body><h1>การประเมินคุณธรรมและความโปร่งใส (ITA) ประจำปี 2568</h1>
      <table><tr><td>O41</td><td><a href="/o41.pdf">รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรม</a></td></tr></table></body></html>`;
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2000, 0)]);
    const cases: [string, object, string | RegExp][] = [
      ["empty text", { kind: "text", text: "" }, IMPORT_ERRORS.empty],
      ["blank text", { kind: "text", text: " \n\t\n" }, IMPORT_ERRORS.empty],
      ["empty file", { kind: "file", fileName: "a.txt", contentBase64: "" }, "ไฟล์ว่างเปล่า"],
      ["binary", { kind: "file", fileName: "a.png", contentBase64: base64(png) }, IMPORT_ERRORS.binary],
      ["over 5 MB", { kind: "file", fileName: "a.txt", contentBase64: base64(Buffer.alloc(MAX_REPORT_BYTES + 1, 0x41)) }, IMPORT_ERRORS.tooLarge],
      ["over 5 MB of Thai text", { kind: "text", text: "ก".repeat(MAX_REPORT_BYTES / 3 + 1) }, IMPORT_ERRORS.tooLarge],
      ["a truncated Word file", { kind: "file", fileName: "a.docx", contentBase64: base64(docx.subarray(0, docx.length / 2)) }, IMPORT_ERRORS.brokenWord],
      ["a truncated PDF", { kind: "file", fileName: "a.pdf", contentBase64: base64("%PDF-1.7\n1 0 obj\n<< /Type /Catalog") }, IMPORT_ERRORS.brokenPdf],
      ["an unrelated web page", { kind: "file", fileName: "ita.html", contentBase64: base64(page) }, IMPORT_ERRORS.unrelated],
      ["not base64", { kind: "file", fileName: "a.txt", contentBase64: "ไม่ใช่" }, "อ่านไฟล์ไม่ได้"],
    ];
    const before = await writes();
    // Over two preparers: each has ten imports a minute.
    for (const [index, [name, source, message]] of cases.entries()) {
      const preparer = caller(index % 2 === 0 ? "thaihad.editor2" : "thaihad.editor3");
      const previewError = await refusal(preparer.reportImport.preview({ organizationId: thaihadId, source: source as never }));
      expect([name, previewError.code, previewError.message]).toEqual([name, "BAD_REQUEST", message]);
      thaiWithoutInternals(previewError.message);
      if (index < 5) {
        const draftError = await refusal(preparer.reportImport.createDraft({ organizationId: thaihadId, source: source as never, yearBe: 2569, replaceDraft: true }));
        expect([name, draftError.code, draftError.message]).toEqual([name, "BAD_REQUEST", message]);
      }
    }
    expect(await writes()).toEqual(before);
  }, 120_000);
});

describe("over HTTP", () => {
  it("a file of several MB reaches the procedures (they take a file's limit, not the 1 MB of other calls); one over 5 MB gets the Thai refusal", async () => {
    const { cookie } = await sessionCookie(db, users["thaihad.editor3"]!);
    const padded = seedText + "\n".repeat(3 * 1024 * 1024);
    const preview = await trpcPost(db, {
      path: "reportImport.preview",
      cookie,
      input: { organizationId: thaihadId, source: { kind: "file", fileName: "big.txt", contentBase64: base64(padded) } },
    });
    expect(preview.status).toBe(200);
    expect(JSON.stringify(preview.json)).toContain("องค์การบริหารส่วนตำบลท้ายหาด");
    const tooLarge = await trpcPost(db, {
      path: "reportImport.preview",
      cookie,
      input: { organizationId: thaihadId, source: { kind: "file", fileName: "big.txt", contentBase64: base64(seedText + "\n".repeat(MAX_REPORT_BYTES)) } },
    });
    expect([tooLarge.status, tooLarge.message]).toEqual([400, IMPORT_ERRORS.tooLarge]);
  }, 60_000);
});

describe("who may", () => {
  it("another organisation's preparer: NOT_FOUND, as for a missing organisation; a reviewer and a signer: FORBIDDEN; nothing written", async () => {
    const before = await writes();
    const calls = (name: string, organizationId: string) => [
      caller(name).reportImport.preview({ organizationId, source: seedFile }),
      caller(name).reportImport.createDraft({ organizationId, source: seedFile, yearBe: 2569, replaceDraft: true }),
    ];
    const foreign = await Promise.all(calls("other.editor", thaihadId).map(refusal));
    const missing = await Promise.all(calls("other.editor", "no-such-organization").map(refusal));
    expect(foreign.map(({ code, message }) => ({ code, message }))).toEqual(missing.map(({ code, message }) => ({ code, message })));
    expect(foreign.map((error) => error.code)).toEqual(["NOT_FOUND", "NOT_FOUND"]);
    for (const name of ["province.skm", "district.mueang", "thaihad.head"]) {
      for (const error of await Promise.all(calls(name, thaihadId).map(refusal))) {
        expect([name, error.code, error.message]).toEqual([name, "FORBIDDEN", "เฉพาะผู้จัดทำรายงานขององค์กรนี้ที่สร้างรายงานได้"]);
      }
    }
    const signedOut = await refusal(callerFor(db, null).reportImport.preview({ organizationId: thaihadId, source: seedFile }));
    expect(signedOut.code).toBe("UNAUTHORIZED");
    expect(await writes()).toEqual(before);
  });
});
