// Autosave as a patch: the editor sends what changed since the version it names (an unchanged
// issue or measure as its id alone); the server applies it over what it holds, and refuses in
// Thai, writing nothing, a patch that does not fit what is stored.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Measure, ReportContent } from "@/server/domain/report-content";
import { contentPatch, type ReportContentPatch } from "@/server/domain/report-patch";
import { openTestDatabase, type TestDatabase } from "./helpers/db";
import { callerFor, createWorld, type World } from "./helpers/fixtures";

let database: TestDatabase;
let world: World;
let reportId: string;
let version: number;
let content: ReportContent;

const editor = () => callerFor(database.db, world.users.editorA1.id);

function measure(title: string): Measure {
  return {
    id: randomUUID(),
    title,
    steps: ["ขั้นที่หนึ่ง"],
    periodStart: "2024-10-01",
    periodEnd: "2025-09-30",
    responsibleUnits: ["สำนักปลัด"],
    resultItems: [{ text: "จัดทำคู่มือ", checked: true, standardItemId: null }],
    outcomes: ["ประชาชนได้รับบริการเร็วขึ้น"],
    evidenceLinks: [{ url: "https://example.go.th/ita", label: "ประกาศ" }],
  };
}

const issue = (title: string, measures: Measure[]) => ({ id: randomUUID(), title, indicatorNumbers: [1], suggestedIssueId: null, measures });

/** Sends `next` as the editor does (a patch against what the server holds) and checks it is stored whole. */
async function saveAsEditor(next: ReportContent) {
  const patch = contentPatch(content, next);
  const result = await editor().report.saveDraft({ reportId, baseVersion: version, content: patch });
  expect(result).toEqual({ ok: true, version: version + 1 });
  version += 1;
  content = next;
  expect((await editor().report.get({ reportId })).content).toEqual(next);
  return patch;
}

async function refusedWithoutWrite(patch: ReportContentPatch, message: RegExp) {
  const before = await editor().report.get({ reportId });
  const error = await editor()
    .report.saveDraft({ reportId, baseVersion: version, content: patch })
    .then(() => null, (caught: { code: string; message: string }) => caught);
  expect(error?.code).toBe("BAD_REQUEST");
  expect(error?.message).toMatch(message);
  const after = await editor().report.get({ reportId });
  expect(after.version).toBe(before.version);
  expect(after.content).toEqual(before.content);
}

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database.db);
  reportId = (await editor().organization.createReport({ organizationId: world.organizations.A1.id, yearBe: 2568, copyFromPrevious: false })).id;
  const report = await editor().report.get({ reportId });
  version = report.version;
  content = report.content;
  await saveAsEditor({
    ...content,
    issues: [issue("ประเด็นแรก", [measure("ม.1"), measure("ม.2"), measure("ม.3")]), issue("ประเด็นที่สอง", [measure("ม.4")]), issue("ประเด็นที่สาม", [])],
  });
});
afterAll(() => database.close());

describe("autosave as a patch", () => {
  it("sends one changed measure whole and the rest by id, and stores exactly the edited content", async () => {
    const [first, ...rest] = content.issues;
    const edited = { ...first!, measures: first!.measures.map((m, index) => (index === 1 ? { ...m, title: "ม.2 แก้แล้ว", outcomes: ["ผลใหม่"] } : m)) };
    const patch = await saveAsEditor({ ...content, issues: [edited, ...rest] });
    expect(patch.header).toBeUndefined();
    expect(patch.issues.map((entry) => ("unchanged" in entry && entry.unchanged ? "id" : "whole"))).toEqual(["whole", "id", "id"]);
    const sent = patch.issues[0]!;
    expect("measures" in sent && sent.measures.map((m) => ("unchanged" in m && m.unchanged ? "id" : m.title))).toEqual(["id", "ม.2 แก้แล้ว", "id"]);
  });

  it("moves a measure to another issue, reorders issues, removes one and changes the header", async () => {
    const [first, second] = content.issues; // the third, empty, is no longer listed: removed
    const moving = first!.measures[0]!;
    const next: ReportContent = {
      header: { ...content.header, subject: "เรื่องที่แก้ใหม่" },
      issues: [{ ...second!, measures: [moving, ...second!.measures] }, { ...first!, measures: first!.measures.slice(1) }],
    };
    const patch = await saveAsEditor(next);
    expect(patch.header?.subject).toBe("เรื่องที่แก้ใหม่");
  });

  it("adds an issue and a measure, each sent whole", async () => {
    await saveAsEditor({ ...content, issues: [...content.issues, issue("ประเด็นใหม่", [measure("ม.ใหม่")])] });
  });

  it("a whole content is a patch too", async () => {
    const next = { ...content, issues: content.issues.slice(0, 2) };
    const result = await editor().report.saveDraft({ reportId, baseVersion: version, content: next });
    expect(result).toEqual({ ok: true, version: version + 1 });
    version += 1;
    content = next;
    expect((await editor().report.get({ reportId })).content).toEqual(next);
  });

  it("refuses, writing nothing, an entry the report does not hold or one listed twice", async () => {
    const patch = contentPatch(content, content);
    await refusedWithoutWrite({ issues: [...patch.issues, { id: randomUUID(), unchanged: true }] }, /กรุณาโหลดหน้าใหม่/);
    const [first, second] = content.issues;
    // A measure listed whole under one issue while the other, sent by id, still holds it.
    await refusedWithoutWrite({ issues: [{ ...first!, measures: [...first!.measures, second!.measures[0]!] }, { id: second!.id, unchanged: true }] }, /ซ้ำกัน/);
    await refusedWithoutWrite(
      { issues: [{ ...first!, measures: [...first!.measures.map((m) => ({ id: m.id, unchanged: true as const })), { id: randomUUID(), unchanged: true as const }] }, ...patch.issues.slice(1)] },
      /กรุณาโหลดหน้าใหม่/,
    );
  });

  it("checks what is sent whole as the editor's content is checked", async () => {
    const [first, ...rest] = content.issues;
    const tooLong = { issues: [{ ...first!, measures: [{ ...first!.measures[0]!, title: "ก".repeat(2001) }] }, ...rest.map((i) => ({ id: i.id, unchanged: true as const }))] };
    await refusedWithoutWrite(tooLong, /ยาวเกิน/);
  });
});
