// The ITA score import (issue 12, item 2) on a small world and the messy table of
// tests/fixtures/ita-scores-messy.csv, whose rows are (line: what it tests → expected):
//   2 อบต.บางแก้ว, Thai digits, tools, ผ่านดี                → new (the อบต., not the ทต. of the same name)
//   3 เทศบาลตำบลบางแก้ว, "อำเภอ…"/"จังหวัด…", "ผ่าน ดีเยี่ยม"  → new, level spelled as the rule
//   4 ท้ายหาด: a level and no score                            → invalid
//   5 คลองโคน by DLA code, 85.5 (80 stored by the province)     → conflict
//   6 ลาดใหญ่ (ก-สอง) 88, as the organisation reported it       → confirms the organisation's report
//   7 = line 2                                                   → duplicate
//   8 อบต.บางแกว (a typo)                                        → unmatched, closest: อบต.บางแก้ว
//   9 บางแก้ว without a type: an อบต. and a ทต.                   → unmatched (ambiguous)
//  10 อบต. ลาดใหญ่, no province, FY2565, letter level "c"       → two ลาดใหญ่ in the country: unmatched
//                                                                  nationally; province A's reviewer sees one: new
//  11 101                                                        → invalid
//  12 AA in FY2568                                               → invalid (word levels that year)
//  13 FY2570                                                     → invalid (not in the system)
//  14 ลาดใหญ่ of province B by DLA code                          → new nationally; outside province A
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/server/db/client";
import type { ScoreImportResult } from "@/server/services/scores/score-import";
import { upsertItaResult } from "@/server/services/ita-results";
import { openTestDatabase, type TestDatabase } from "./helpers/db";
import { callerFor, createFiscalYears, createTestAreas, refusal } from "./helpers/fixtures";

const FIXTURE = path.join(process.cwd(), "tests/fixtures/ita-scores-messy.csv");
const fixtureBytes = () => new Uint8Array(fs.readFileSync(FIXTURE));
const onPostgres = process.env.TEST_DB_KIND === "postgresql";

type OrgKey = "bangkaewSao" | "bangkaewTown" | "thaihad" | "ladyaiA" | "klongkhon" | "ladyaiB";
const ORGANIZATIONS: [OrgKey, string, string, "SAO" | "SUBDISTRICT_MUNICIPALITY", "A1" | "A2" | "B1"][] = [
  ["bangkaewSao", "91010001", "องค์การบริหารส่วนตำบลบางแก้ว", "SAO", "A1"],
  ["bangkaewTown", "91010002", "เทศบาลตำบลบางแก้ว", "SUBDISTRICT_MUNICIPALITY", "A1"],
  ["thaihad", "91010003", "องค์การบริหารส่วนตำบลท้ายหาด", "SAO", "A1"],
  ["ladyaiA", "91020001", "องค์การบริหารส่วนตำบลลาดใหญ่", "SAO", "A2"],
  ["klongkhon", "91020002", "องค์การบริหารส่วนตำบลคลองโคน", "SAO", "A2"],
  ["ladyaiB", "92010001", "องค์การบริหารส่วนตำบลลาดใหญ่", "SAO", "B1"],
];

/** The world on `db`: two provinces, six organisations, two stored results; returns ids and users. */
async function createImportWorld(db: Db) {
  await createFiscalYears(db, [2565, 2568]);
  const areas = await createTestAreas(db);
  const ids = {} as Record<OrgKey, string>;
  for (const [key, dlaCode, nameTh, type, district] of ORGANIZATIONS) {
    ids[key] = (await db.localOrganization.create({ data: { dlaCode, nameTh, type, districtId: areas.districts[district].id } })).id;
  }
  await upsertItaResult(db, { organizationId: ids.klongkhon, yearBe: 2568, total: 80, source: "PROVINCE_ENTERED" });
  await upsertItaResult(db, { organizationId: ids.ladyaiA, yearBe: 2568, total: 88, source: "ORGANIZATION_REPORTED" });
  const user = async (username: string, grant: Record<string, unknown>) =>
    (await db.user.create({ data: { username, displayName: username, passwordHash: "x", roles: { create: grant as never } } })).id;
  const users = {
    admin: await user("admin", { role: "ADMIN" }),
    provinceA: await user("province.a", { role: "PROVINCE_REVIEWER", provinceId: areas.provinces.A }),
    provinceAdminB: await user("province.admin.b", { role: "PROVINCE_ADMIN", provinceId: areas.provinces.B }),
    districtA1: await user("district.a1", { role: "DISTRICT_REVIEWER", districtId: areas.districts.A1.id }),
    editor: await user("editor", { role: "ORG_EDITOR", organizationId: ids.thaihad }),
  };
  return { ids, users };
}

let database: TestDatabase;
let db: Db;
let world: Awaited<ReturnType<typeof createImportWorld>>;

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
  world = await createImportWorld(db);
});
afterAll(() => database.close());

const upload = (userId: string, apply: boolean, file = { fileName: "ita-scores-messy.csv", bytes: fixtureBytes() }, yearBe?: number) =>
  callerFor(db, userId).scores.import({ fileName: file.fileName, contentBase64: Buffer.from(file.bytes).toString("base64"), apply, yearBe });

/** Everything an import could write, to prove a dry run writes nothing. */
const footprint = async () => ({
  results: await db.itaResult.findMany({ orderBy: { id: "asc" }, include: { indicatorScores: true } }),
  changes: await db.itaResultChange.count(),
  audit: await db.auditEvent.count(),
});

const lines = (rows: { line: number }[]) => rows.map((row) => row.line);

describe("dry run", () => {
  it("as the country's administrator: matched, conflicts, unmatched with the closest names, duplicates, invalid rows with line and reason; nothing written", async () => {
    const before = await footprint();
    const result = await upload(world.users.admin, false);
    expect(result.applied).toBe(false);
    expect(result.counts).toEqual({ rows: 13, matched: 5, new: 3, conflicts: 1, confirms: 1, unchanged: 0, unmatched: 3, duplicates: 1, invalid: 4 });
    expect(result.newRows.map((row) => [row.line, row.dlaCode, row.file.total, row.file.announcedLevel])).toEqual([
      [2, "91010001", 92.5, "ผ่านดี"],
      [3, "91010002", 99.66, "ผ่านดีเยี่ยม"],
      [14, "92010001", 66.66, "ต้องปรับปรุงโดยด่วน"],
    ]);
    expect(result.conflictRows.map((row) => [row.line, row.nameTh, row.stored?.total, row.file.total])).toEqual([[5, "องค์การบริหารส่วนตำบลคลองโคน", 80, 85.5]]);
    expect(result.confirmRows.map((row) => [row.line, row.stored?.unconfirmed])).toEqual([[6, true]]);
    expect(result.duplicateRows).toEqual([{ line: 7, sameAsLine: 2 }]);
    expect(lines(result.unmatchedRows)).toEqual([8, 9, 10]);
    const [typo, ambiguous, twoProvinces] = result.unmatchedRows;
    expect(typo!.suggestions[0]!.nameTh).toBe("องค์การบริหารส่วนตำบลบางแก้ว");
    expect(ambiguous!.reason).toContain("หลายแห่ง");
    expect(ambiguous!.suggestions.map((s) => s.dlaCode).sort()).toEqual(["91010001", "91010002"]);
    expect(twoProvinces!.reason).toContain("หลายแห่ง");
    expect(result.invalidRows).toEqual([
      { line: 4, column: "คะแนน ITA", reason: expect.stringContaining('มีระดับ "ผ่านดีเยี่ยม" แต่ไม่มีคะแนน ITA') },
      { line: 11, column: "คะแนน ITA", reason: "คะแนน ITA 101 เกิน 100" },
      { line: 12, column: "ระดับ", reason: expect.stringContaining('ระดับ "AA" ไม่มีในเกณฑ์ของปี 2568') },
      { line: 13, column: "ปีงบประมาณ", reason: "ไม่มีปีงบประมาณ 2570 ในระบบ" },
    ]);
    expect(await footprint()).toEqual(before);
  });

  it("as province A's reviewer: only province A's organisations match (ลาดใหญ่ of FY2565 becomes unambiguous, province B's row is unmatched)", async () => {
    const result = await upload(world.users.provinceA, false);
    expect(result.counts).toMatchObject({ new: 3, conflicts: 1, confirms: 1, unmatched: 3, invalid: 4 });
    expect(result.newRows.map((row) => [row.line, row.nameTh, row.yearBe, row.file.announcedLevel])).toEqual([
      [2, "องค์การบริหารส่วนตำบลบางแก้ว", 2568, "ผ่านดี"],
      [3, "เทศบาลตำบลบางแก้ว", 2568, "ผ่านดีเยี่ยม"],
      [10, "องค์การบริหารส่วนตำบลลาดใหญ่", 2565, "C"],
    ]);
    expect(lines(result.unmatchedRows)).toEqual([8, 9, 14]);
    expect(result.unmatchedRows[2]!.suggestions).toEqual([]); // nothing of province B is shown to province A
  });

  it("province B's administrator matches nothing of province A; district reviewers and preparers may not import", async () => {
    const result = await upload(world.users.provinceAdminB, false);
    // Its own ลาดใหญ่: by DLA code (line 14) and, the only one it manages, by name (line 10, FY2565).
    expect(result.counts).toMatchObject({ matched: 2, new: 2 });
    expect(result.newRows.map((row) => [row.line, row.dlaCode])).toEqual([
      [10, "92010001"],
      [14, "92010001"],
    ]);
    for (const user of [world.users.districtA1, world.users.editor]) expect((await refusal(upload(user, false))).code).toBe("FORBIDDEN");
  });

  it("an XLSX with English headers, a year given outside the file, and bad files get Thai messages", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("ITA");
    sheet.addRow(["DLA code", "Name", "Score", "IIT", "EIT", "OIT", "Level"]);
    sheet.addRow(["91010003", "Thaihad", 99.66, 99, 99.5, 100, "ผ่านดีเยี่ยม"]);
    sheet.addRow(["9101003", "x", 50, null, null, null, null]); // 7 digits: a dropped leading zero → 09101003, not known
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const result = await upload(world.users.admin, false, { fileName: "ita.xlsx", bytes }, 2568);
    expect(result.newRows.map((row) => [row.line, row.nameTh, row.yearBe, row.file.iit])).toEqual([[2, "องค์การบริหารส่วนตำบลท้ายหาด", 2568, 99]]);
    expect(result.unmatchedRows.map((row) => [row.line, row.reason])).toEqual([[3, "ไม่พบรหัส อปท. 09101003 ในเขตที่ท่านดูแล"]]);

    expect((await refusal(upload(world.users.admin, false, { fileName: "x.csv", bytes: new Uint8Array() }))).message).toBe("ไฟล์ว่างเปล่า");
    const noName = new TextEncoder().encode("คะแนน ITA,ระดับ\n90,ผ่านดี\n");
    expect((await refusal(upload(world.users.admin, false, { fileName: "x.csv", bytes: noName }))).message).toContain("ไม่พบคอลัมน์รหัส อปท. หรือชื่อหน่วยงาน");
    const noYear = new TextEncoder().encode("ชื่อหน่วยงาน,คะแนน ITA\nอบต.ท้ายหาด,90\n");
    const withoutYear = await upload(world.users.admin, false, { fileName: "x.csv", bytes: noYear });
    expect(withoutYear.invalidRows[0]!.reason).toContain("ไม่ได้ระบุปีงบประมาณ");
  });
});

describe("apply", () => {
  let first: ScoreImportResult;

  it("writes the new, conflicting and confirming rows as imported, in the history, with one audit event", async () => {
    first = await upload(world.users.admin, true);
    expect(first).toMatchObject({ applied: true, written: 5 });
    const results = await db.itaResult.findMany({
      where: { source: "IMPORTED_FILE" },
      include: { organization: true, fiscalYear: true, changes: true },
      orderBy: { organization: { dlaCode: "asc" } },
    });
    expect(results.map((r) => [r.organization.dlaCode, r.fiscalYear.yearBe, r.total.toNumber(), r.level, r.levelBasis, r.sourceFileName])).toEqual([
      ["91010001", 2568, 92.5, "ผ่านดี", "ANNOUNCED", "ita-scores-messy.csv"],
      ["91010002", 2568, 99.66, "ผ่านดีเยี่ยม", "ANNOUNCED", "ita-scores-messy.csv"],
      ["91020001", 2568, 88, "ผ่านดี", "TOTAL_ONLY", "ita-scores-messy.csv"],
      ["91020002", 2568, 85.5, "ผ่านดี", "TOTAL_ONLY", "ita-scores-messy.csv"],
      ["92010001", 2568, 66.66, "ต้องปรับปรุงโดยด่วน", "ANNOUNCED", "ita-scores-messy.csv"],
    ]);
    const klongkhon = results.find((r) => r.organization.dlaCode === "91020002")!;
    expect(klongkhon.changes.map((c) => [c.kind, c.reason])).toEqual(
      expect.arrayContaining([["IMPORTED", "นำเข้าจากไฟล์ ita-scores-messy.csv"]]),
    );
    const audit = await db.auditEvent.findMany({ where: { action: "ita_result.import" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ fileName: "ita-scores-messy.csv", written: 5, counts: { new: 3, conflicts: 1, confirms: 1, invalid: 4 } });
  });

  it("the same file again changes nothing", async () => {
    const before = await footprint();
    const again = await upload(world.users.admin, true);
    expect(again).toMatchObject({ applied: true, written: 0 });
    expect(again.counts).toMatchObject({ matched: 5, new: 0, conflicts: 0, confirms: 0, unchanged: 5 });
    const after = await footprint();
    expect(after.results).toEqual(before.results);
    expect(after.changes).toBe(before.changes);
    expect(after.audit).toBe(before.audit + 1); // the attempt itself is audited
  });
});

describe("npm run --silent import:scores -- FILE [--year N] [--apply] --json", () => {
  it("prints the dry run as JSON and writes nothing; --apply writes", { timeout: 180_000 }, async () => {
    // The command opens its own database: a PGlite folder (one process at a time) or the test's PostgreSQL database.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "prongsai-score-cli-"));
    let env: Record<string, string>;
    if (onPostgres) {
      env = { DATABASE_URL: database.url!, PRONGSAI_DATA_DIR: "" };
    } else {
      const own = await openDatabase({ kind: "pglite", dataDir });
      await createImportWorld(own.db);
      await own.close();
      env = { DATABASE_URL: "", PRONGSAI_DATA_DIR: dataDir };
    }
    const run = (...args: string[]) =>
      promisify(execFile)("npx", ["tsx", "server/cli/import-scores.ts", FIXTURE, ...args, "--json"], { env: { ...process.env, ...env } });
    const dry = JSON.parse((await run("--year", "2568")).stdout) as ScoreImportResult;
    // --year 2568: line 10 (FY2565) and line 13 (FY2570) are rows of another year.
    expect(dry).toMatchObject({ applied: false, written: 0 });
    expect(dry.invalidRows.map((row) => [row.line, row.reason])).toEqual(
      expect.arrayContaining([
        [10, "เป็นปี 2565 ไม่ใช่ปีงบประมาณ 2568 ที่เลือก"],
        [13, "เป็นปี 2570 ไม่ใช่ปีงบประมาณ 2568 ที่เลือก"],
      ]),
    );
    expect(Object.keys(dry).sort()).toEqual(["applied", "conflictRows", "counts", "duplicateRows", "invalidRows", "unmatchedRows", "written"]);
    const applied = JSON.parse((await run("--apply")).stdout) as ScoreImportResult;
    if (onPostgres) expect(applied).toMatchObject({ applied: true, written: 0 }); // the tests above applied it already
    else expect(applied).toMatchObject({ applied: true, written: 5 });
    const missing = await promisify(execFile)("npx", ["tsx", "server/cli/import-scores.ts", "no-such-file.csv", "--json"], { env: { ...process.env, ...env } }).catch(
      (error: { stdout: string; code: number }) => error,
    );
    expect(JSON.parse(missing.stdout)).toEqual({ error: "ไม่พบไฟล์ no-such-file.csv" });
  });
});
