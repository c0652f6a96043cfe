// Announced-score provenance (issue 12, item 1) on the demo seed: ท้ายหาด's FY2568 result
// (99.66, announced ผ่านดีเยี่ยม, no tool scores) has one level on every surface; a preparer cannot
// change an announced, a confirmed or a closed year's score; an organisation's own score is
// marked on every surface until a province reviewer confirms it; province staff change a score
// only with a reason, and every change is kept; the dashboards can leave unconfirmed scores out.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "@/prisma/seed/demo";
import type { Db } from "@/server/db/client";
import type { ExportFormat } from "@/server/db/generated/enums";
import { UNCONFIRMED_SCORE_LABEL } from "@/server/domain/labels";
import { produceSummary } from "@/server/services/exports/export-jobs";
import { openTestDatabase, type TestDatabase } from "./helpers/db";
import { callerFor, refusal } from "./helpers/fixtures";

const THAIHAD = "องค์การบริหารส่วนตำบลท้ายหาด";
let database: TestDatabase;
let db: Db;
const users = {} as Record<"editor" | "province" | "district" | "admin", string>;
let thaihadId: string;
let provinceId: string;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "prongsai-score-provenance-"));

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
  await seedDemoData(db, { password: "demo password for tests" });
  const id = async (username: string) => (await db.user.findUniqueOrThrow({ where: { username } })).id;
  users.editor = await id("thaihad.editor");
  users.province = await id("province.skm");
  users.district = await id("district.mueang");
  users.admin = await id("admin");
  thaihadId = (await db.localOrganization.findFirstOrThrow({ where: { nameTh: THAIHAD } })).id;
  provinceId = (await db.province.findUniqueOrThrow({ where: { code: "75" } })).id;
});
afterAll(() => database.close());

const area = () => ({ kind: "province" as const, id: provinceId });
const filters = (yearBe: number, includeUnconfirmed = true) => ({ yearBe, includeUnaccepted: true, includeUnconfirmed });

async function ranking(yearBe: number, includeUnconfirmed = true) {
  const caller = callerFor(db, users.province);
  const result = await caller.dashboard.ranking({ area: area(), ...filters(yearBe, includeUnconfirmed), pageSize: 200 });
  return { all: result.rows, thaihad: result.rows.find((row) => row.organizationId === thaihadId)! };
}

async function exported(format: ExportFormat, yearBe: number, includeUnconfirmed = true): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on("data", (chunk: Buffer) => chunks.push(chunk));
  await produceSummary(db, area(), filters(yearBe, includeUnconfirmed), format, output);
  return Buffer.concat(chunks);
}

const csvRow = (csv: string, name: string) => csv.split("\r\n").find((line) => line.includes(name))!.split(",");

async function xlsxRow(bytes: Buffer, name: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet("องค์กร")!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  for (let index = 2; index <= sheet.rowCount; index++) {
    const values = (sheet.getRow(index).values as unknown[]).slice(1);
    if (values.includes(name)) return Object.fromEntries(header.map((title, column) => [String(title), values[column] ?? null]));
  }
  throw new Error(`no row for ${name}`);
}

function pdfText(bytes: Buffer): string {
  const file = path.join(dataDir, `summary-${Date.now()}.pdf`);
  fs.writeFileSync(file, bytes);
  return execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/[\s\u200B]/gu, "");
}
const squeeze = (text: string) => text.replace(/\s/g, "");

describe("one level per organisation and year", () => {
  it("ท้ายหาด FY2568 is ผ่านดีเยี่ยม (as announced) in the ranking, the level chart, the profile, the CSV, the XLSX and the PDF", async () => {
    const { all, thaihad } = await ranking(2568);
    expect(thaihad).toMatchObject({ total: 99.66, derivedLevel: null, level: "ผ่านดีเยี่ยม", levelBasis: "ANNOUNCED", unconfirmed: false });

    // The level chart counts exactly the ranking's levels: ท้ายหาด is no longer "unknown".
    const overview = await callerFor(db, users.province).dashboard.overview({ area: area(), ...filters(2568) });
    expect(overview.figures.levelUnknown).toBe(0);
    const tally = new Map<string, number>();
    for (const row of all) if (row.level) tally.set(row.level, (tally.get(row.level) ?? 0) + 1);
    for (const level of overview.figures.levels) expect(level.count, level.label).toBe(tally.get(level.label) ?? 0);
    expect(overview.figures.levels.find((level) => level.label === "ผ่านดีเยี่ยม")!.count).toBeGreaterThanOrEqual(1);

    const profile = await callerFor(db, users.editor).organization.profile({ organizationId: thaihadId });
    expect(profile.years.find((year) => year.yearBe === 2568)!.itaResult).toMatchObject({ level: "ผ่านดีเยี่ยม", levelBasis: "ANNOUNCED", unconfirmed: false });

    const csv = (await exported("CSV", 2568)).toString("utf8");
    const header = csv.replace(/^\uFEFF/, "").split("\r\n")[0]!.split(",");
    const row = csvRow(csv, THAIHAD);
    expect(row[header.indexOf("ระดับ")]).toBe("ผ่านดีเยี่ยม");
    expect(row[header.indexOf("ที่มาของระดับ")]).toBe("ตามที่ประกาศ");

    expect(await xlsxRow(await exported("XLSX", 2568), THAIHAD)).toMatchObject({ ระดับ: "ผ่านดีเยี่ยม", ที่มาของระดับ: "ตามที่ประกาศ" });

    expect(pdfText(await exported("PDF", 2568))).toContain(squeeze("ท้ายหาด อบต. ๙๙.๖๖ ผ่านดีเยี่ยม (ตามประกาศ)"));
  });
});

describe("a preparer and announced scores", () => {
  it("cannot change ท้ายหาด's announced FY2568 score (FORBIDDEN, in Thai), and nothing changes", async () => {
    const before = await ranking(2568);
    const error = await refusal(callerFor(db, users.editor).organization.saveItaResult({ organizationId: thaihadId, yearBe: 2568, total: 12.34 }));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toContain("ประกาศหรือจังหวัดยืนยันแล้ว");
    const after = await ranking(2568);
    expect(after.thaihad).toEqual(before.thaihad);
    expect(after.thaihad.rank).toBe(1);
  });

  it("cannot report a score in a closed year", async () => {
    // FY2566 is closed in the demo (only FY2569 is open), and ท้ายหาด has no result there.
    const error = await refusal(callerFor(db, users.editor).organization.saveItaResult({ organizationId: thaihadId, yearBe: 2566, total: 90 }));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toContain("ปิดแล้ว");
    expect(await db.itaResult.count({ where: { organizationId: thaihadId, fiscalYear: { yearBe: 2566 } } })).toBe(0);
  });
});

describe("an organisation's own score: reported, marked, confirmed, changed with a reason", () => {
  it("is marked รายงานโดยหน่วยงาน ยังไม่ยืนยัน on every surface until confirmed, and the dashboards can leave it out", async () => {
    const editor = callerFor(db, users.editor);
    await editor.organization.saveItaResult({ organizationId: thaihadId, yearBe: 2569, total: 97.5 });
    // Still the organisation's, unconfirmed: it may correct it.
    const saved = await editor.organization.saveItaResult({ organizationId: thaihadId, yearBe: 2569, total: 98.25, announcedLevel: "ผ่านดีเยี่ยม" });
    expect(saved).toMatchObject({ source: "ORGANIZATION_REPORTED", confirmedAt: null, total: 98.25 });

    const { thaihad } = await ranking(2569);
    expect(thaihad).toMatchObject({ total: 98.25, unconfirmed: true, source: "ORGANIZATION_REPORTED", level: "ผ่านดีเยี่ยม" });
    const overview = await callerFor(db, users.province).dashboard.overview({ area: area(), ...filters(2569) });
    expect(overview).toMatchObject({ includeUnconfirmed: true, unconfirmedScores: 1 });

    const profile = await editor.organization.profile({ organizationId: thaihadId });
    const year = profile.years.find((entry) => entry.yearBe === 2569)!;
    expect(year.itaResult).toMatchObject({ unconfirmed: true, source: "ORGANIZATION_REPORTED" });
    expect(year.itaResult!.changes.map((change) => change.kind)).toEqual(["REPORTED", "REPORTED"]);

    const csv = (await exported("CSV", 2569)).toString("utf8");
    expect(csvRow(csv, THAIHAD)).toContain(UNCONFIRMED_SCORE_LABEL);
    expect(await xlsxRow(await exported("XLSX", 2569), THAIHAD)).toMatchObject({ ที่มาของคะแนน: UNCONFIRMED_SCORE_LABEL });
    expect(pdfText(await exported("PDF", 2569))).toContain(squeeze(`๙๘.๒๕ (${UNCONFIRMED_SCORE_LABEL})`));

    // Left out: no score, no rank, not in the figures; the export says which scores it counts.
    const without = await ranking(2569, false);
    expect(without.thaihad).toMatchObject({ total: null, rank: null, unconfirmed: false });
    const overviewWithout = await callerFor(db, users.province).dashboard.overview({ area: area(), ...filters(2569, false) });
    expect(overviewWithout.figures.scores.count).toBe(overview.figures.scores.count - 1);
    expect(overviewWithout).toMatchObject({ includeUnconfirmed: false, unconfirmedScores: 1 });
    const csvWithout = (await exported("CSV", 2569, false)).toString("utf8");
    expect(csvRow(csvWithout, THAIHAD)).not.toContain(UNCONFIRMED_SCORE_LABEL);
    expect(pdfText(await exported("PDF", 2569, false))).toContain(squeeze("คะแนนที่นับ: เฉพาะคะแนนที่ประกาศหรือจังหวัดยืนยันแล้ว"));
  });

  it("only province staff confirm it; then the preparer can no longer change it", async () => {
    const confirm = (userId: string) => callerFor(db, userId).organization.confirmItaResult({ organizationId: thaihadId, yearBe: 2569 });
    expect((await refusal(confirm(users.editor))).code).toBe("FORBIDDEN");
    expect((await refusal(confirm(users.district))).code).toBe("FORBIDDEN");
    await confirm(users.province);
    expect((await refusal(confirm(users.province))).code).toBe("BAD_REQUEST"); // nothing left to confirm

    expect((await ranking(2569)).thaihad).toMatchObject({ total: 98.25, unconfirmed: false });
    expect((await ranking(2569, false)).thaihad).toMatchObject({ total: 98.25 });

    const error = await refusal(callerFor(db, users.editor).organization.saveItaResult({ organizationId: thaihadId, yearBe: 2569, total: 12.34 }));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toMatch(/^คะแนนปี 2569 เป็นคะแนนที่ประกาศหรือจังหวัดยืนยันแล้ว/);
    expect((await ranking(2569)).thaihad.total).toBe(98.25);
  });

  it("province staff change it only with a reason; every change is kept and shown on the profile", async () => {
    const province = callerFor(db, users.province);
    const noReason = await refusal(province.organization.saveItaResult({ organizationId: thaihadId, yearBe: 2569, total: 96 }));
    expect(noReason.code).toBe("BAD_REQUEST");
    expect(noReason.message).toContain("กรุณาระบุเหตุผล");
    await province.organization.saveItaResult({ organizationId: thaihadId, yearBe: 2569, total: 96, reason: "ตรวจกับประกาศ ป.ป.ช. แล้ว คะแนนที่รายงานคลาดเคลื่อน" });

    const profile = await callerFor(db, users.editor).organization.profile({ organizationId: thaihadId });
    const result = profile.years.find((year) => year.yearBe === 2569)!.itaResult!;
    expect(result).toMatchObject({ total: 96, source: "PROVINCE_ENTERED", unconfirmed: false });
    // Newest first: entered with its reason, confirmed, reported twice.
    expect(result.changes.map((change) => [change.kind, change.before?.total ?? null, change.after.total, change.reason])).toEqual([
      ["ENTERED", 98.25, 96, "ตรวจกับประกาศ ป.ป.ช. แล้ว คะแนนที่รายงานคลาดเคลื่อน"],
      ["CONFIRMED", 98.25, 98.25, null],
      ["REPORTED", 97.5, 98.25, null],
      ["REPORTED", null, 97.5, null],
    ]);
    const provinceUser = await db.user.findUniqueOrThrow({ where: { id: users.province } });
    expect(result.changes[0]!.actorName).toContain(provinceUser.displayName);
    expect(result.changes.every((change) => change.actorName !== null)).toBe(true);
    const audit = await db.auditEvent.findMany({ where: { entityType: "ItaResult", organizationId: thaihadId }, orderBy: { createdAt: "asc" } });
    expect(audit.map((event) => event.action)).toEqual(["ita_result.save", "ita_result.save", "ita_result.confirm", "ita_result.save"]);
  });

  it("a province reviewer of another province gets nothing", async () => {
    const other = await db.province.create({ data: { code: "99", abbreviation: "ทท", nameTh: "จังหวัดอื่น" } });
    const stranger = await db.user.create({
      data: { username: "province.other", displayName: "x", passwordHash: "x", roles: { create: { role: "PROVINCE_REVIEWER", provinceId: other.id } } },
    });
    const caller = callerFor(db, stranger.id);
    expect((await refusal(caller.organization.confirmItaResult({ organizationId: thaihadId, yearBe: 2569 }))).code).toBe("NOT_FOUND");
    expect((await refusal(caller.organization.saveItaResult({ organizationId: thaihadId, yearBe: 2569, total: 1, reason: "x" }))).code).toBe("NOT_FOUND");
  });
});
