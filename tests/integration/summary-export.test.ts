// Summary exports of an area (export.start → background job → export.status → download route)
// on a small fixed dataset. Every expected value is worked out by hand from the literal tables
// below (sums and middles in the comments); none comes from the code under test. Files are read
// back with exceljs, as text (CSV) and through poppler's pdftotext (PDF).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/exports/[jobId]/route";
import { loadIssueAdoption, loadSummary, measureBatches, type MeasureRow } from "@/server/services/exports/summary-data";
import { SHEET_NAMES, STYLED_MEASURES_UP_TO, writeSummaryWorkbook } from "@/server/services/exports/summary-xlsx";
import type { Db } from "@/server/db/client";
import type { OrganizationType, ReportStatus } from "@/server/db/generated/enums";
import { fiscalYearSeed } from "@/prisma/seed/data/framework";
import { enqueue } from "@/server/jobs/queue";
import { storageCleanupJob } from "@/server/jobs/storage-cleanup";
import { exportFileKey } from "@/server/services/exports/export-jobs";
import { openTestDatabase, type TestDatabase } from "./helpers/db";
import { startTestWorker } from "./helpers/jobs";
import { callerFor, createFiscalYears, createTestAreas, refusal, saveResults } from "./helpers/fixtures";

// The download route reads the session from Next's request scope; here the test says who is signed in.
const session = vi.hoisted(() => ({ db: null as Db | null, userId: null as string | null }));
vi.mock("@/server/api/request", () => ({
  // The session is the test's; the context is built as every request's is.
  createRequestContext: async () => {
    const { createContext } = await import("@/server/api/trpc");
    return createContext({ db: session.db!, userId: session.userId, request: { ipAddress: "203.0.113.11", userAgent: "vitest" } });
  },
}));

// ── The dataset ─────────────────────────────────────────────────────────────────────────
// Province ทดสอบก (91): district ก-หนึ่ง (9101) with o1 (อบต.) and o2 (ทต.); district ก-สอง
// (9102) with o3 (อบต.). Province ทดสอบข (92): district ข-หนึ่ง (9201) with b1.
type OrgKey = "o1" | "o2" | "o3" | "b1";
const ORGANIZATIONS: { key: OrgKey; dlaCode: string; nameTh: string; district: "A1" | "A2" | "B1"; type: OrganizationType }[] = [
  { key: "o1", dlaCode: "T1", nameTh: "องค์การบริหารส่วนตำบลหนึ่ง", district: "A1", type: "SAO" },
  { key: "o2", dlaCode: "T2", nameTh: "เทศบาลตำบลสอง", district: "A1", type: "SUBDISTRICT_MUNICIPALITY" },
  { key: "o3", dlaCode: "T3", nameTh: "องค์การบริหารส่วนตำบลสาม", district: "A2", type: "SAO" },
  { key: "b1", dlaCode: "T4", nameTh: "องค์การบริหารส่วนตำบลบี", district: "B1", type: "SAO" },
];

// [organisation, year, total, [IIT, EIT, OIT] or null, announced level]
const RESULTS: [OrgKey, number, number, [number, number, number] | null, string | null][] = [
  ["o1", 2567, 80, null, null],
  ["o2", 2567, 90.5, null, null],
  ["o3", 2567, 70.25, null, null],
  ["o1", 2568, 85.25, [84, 86, 86], "ผ่าน"], // ≥85 but IIT 84 < 85 → ผ่าน
  ["o2", 2568, 92, [90, 92, 93], "ผ่านดี"], // ≥85 and each ≥85 → ผ่านดี
  ["b1", 2568, 50, null, null],
];

const ISSUE_1 = fiscalYearSeed(2568).suggestedIssues[0]!;
// Reports of 2568. Result items: [text, checked, standard item ordinal of issue 1 or null].
type Item = [string, boolean, number | null];
const REPORTS: { org: OrgKey; status: ReportStatus; measures: { title: string; steps?: string[]; responsible: string[]; outcomes: string[]; items: Item[] }[] }[] = [
  {
    org: "o1",
    status: "ACCEPTED",
    measures: [
      {
        title: "มาตรการเผยแพร่ขั้นตอนการให้บริการ",
        steps: ["จัดทำแผ่นพับ", "ติดประกาศ ณ ที่ทำการ"],
        responsible: ["สำนักปลัด", "กองคลัง"],
        outcomes: ["ประชาชนทราบขั้นตอน"],
        items: [
          [ISSUE_1.resultItems[0]!, true, 1],
          [ISSUE_1.resultItems[1]!, false, 2],
        ],
      },
      { title: "มาตรการประชุมประจำเดือน", responsible: ["สำนักปลัด"], outcomes: [], items: [["จัดประชุมทุกเดือน (พิมพ์เอง)", true, null]] },
    ],
  },
  {
    org: "o2",
    status: "SUBMITTED",
    measures: [{ title: "มาตรการจัดทำคู่มือบริการ", responsible: ["กองช่าง"], outcomes: ["มีคู่มือ", "ลดเวลารอ"], items: [[ISSUE_1.resultItems[1]!, true, 2]] }],
  },
  // A draft is not sent to the province: it counts nowhere.
  { org: "o3", status: "DRAFT", measures: [{ title: "มาตรการฉบับร่าง", responsible: ["สำนักปลัด"], outcomes: [], items: [[ISSUE_1.resultItems[0]!, true, 1]] }] },
];

let database: TestDatabase;
let db: Db;
const ids = {} as Record<OrgKey, string>;
const districts = {} as Record<"A1" | "A2" | "B1", string>;
const provinces = {} as Record<"A" | "B", string>;
const users = {} as Record<"provinceA" | "provinceB" | "districtA1" | "editorO1", string>;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "prongsai-summary-export-"));
let worker: Awaited<ReturnType<typeof startTestWorker>>;

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
  session.db = db;
  worker = await startTestWorker(database);
  await createFiscalYears(db, [2567, 2568]);
  const areas = await createTestAreas(db);
  Object.assign(provinces, areas.provinces);
  for (const key of ["A1", "A2", "B1"] as const) districts[key] = areas.districts[key].id;
  for (const o of ORGANIZATIONS) {
    ids[o.key] = (await db.localOrganization.create({ data: { dlaCode: o.dlaCode, nameTh: o.nameTh, type: o.type, districtId: districts[o.district] } })).id;
  }
  await saveResults(db, ids, RESULTS);
  const year = await db.fiscalYear.findUniqueOrThrow({
    where: { yearBe: 2568 },
    include: { suggestedIssues: { where: { ordinal: 1 }, include: { resultItems: true } } },
  });
  const issue = year.suggestedIssues[0]!;
  const standardItem = (ordinal: number | null) => (ordinal === null ? null : issue.resultItems.find((item) => item.ordinal === ordinal)!.id);
  for (const report of REPORTS) {
    await db.yearlyReport.create({
      data: {
        organizationId: ids[report.org],
        fiscalYearId: year.id,
        status: report.status,
        issuingSection: "สำนักปลัด",
        subject: "รายงาน",
        addressee: "นายก",
        issues: {
          create: {
            ordinal: 1,
            title: issue.title,
            indicatorNumbers: issue.indicatorNumbers,
            suggestedIssueId: issue.id,
            measures: {
              create: report.measures.map((measure, index) => ({
                ordinal: index + 1,
                title: measure.title,
                steps: measure.steps ?? ["ขั้นตอนเดียว"],
                periodStart: new Date("2024-10-01T00:00:00Z"),
                periodEnd: new Date("2025-09-30T00:00:00Z"),
                responsibleUnits: measure.responsible,
                outcomes: measure.outcomes,
                resultItems: {
                  create: measure.items.map(([text, checked, ordinal], itemIndex) => ({ ordinal: itemIndex + 1, text, checked, standardItemId: standardItem(ordinal) })),
                },
              })),
            },
          },
        },
      },
    });
  }
  const user = async (username: string, grant: Record<string, unknown>) =>
    (await db.user.create({ data: { username, displayName: username, passwordHash: "x", roles: { create: grant as never } } })).id;
  users.provinceA = await user("province.a", { role: "PROVINCE_REVIEWER", provinceId: provinces.A });
  users.provinceB = await user("province.b", { role: "PROVINCE_REVIEWER", provinceId: provinces.B });
  users.districtA1 = await user("district.a1", { role: "DISTRICT_REVIEWER", districtId: districts.A1 });
  users.editorO1 = await user("editor.o1", { role: "ORG_EDITOR", organizationId: ids.o1 });
});
afterAll(async () => {
  await worker.stop();
  await database.close();
});

// ── Helpers ─────────────────────────────────────────────────────────────────────────────
type Format = "PDF" | "XLSX" | "CSV";
type Filters = { yearBe: number; includeUnaccepted: boolean; districtId?: string | null; organizationType?: OrganizationType | null };
const ALL_2568: Filters = { yearBe: 2568, includeUnaccepted: true };
const provinceA = () => ({ kind: "province" as const, id: provinces.A });

// This file starts many exports per person; the per-user allowance (5 a minute) is tested in
// abuse-limits.test.ts, so each test here starts with it full.
beforeEach(async () => {
  await db?.rateLimiterFlexible.deleteMany();
});

async function startExport(userId: string, format: Format, filters: Filters = ALL_2568, area: ReturnType<typeof provinceA> | { kind: "district"; id: string } = provinceA()) {
  return callerFor(db, userId).export.start({ area, format, ...filters });
}

/** Polls the job as the UI does until it is done or failed. */
async function finished(userId: string, jobId: string) {
  for (let attempt = 0; attempt < 300; attempt++) {
    const job = await callerFor(db, userId).export.status({ jobId });
    if (job.status === "DONE" || job.status === "FAILED") return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("export did not finish");
}

async function download(userId: string | null, jobId: string) {
  session.userId = userId;
  return GET(new Request(`http://localhost/api/exports/${jobId}`), { params: Promise.resolve({ jobId }) });
}

/** Runs an export to the end and returns the downloaded bytes and the response. */
async function exported(format: Format, filters: Filters = ALL_2568, userId = users.provinceA) {
  const { jobId } = await startExport(userId, format, filters);
  const job = await finished(userId, jobId);
  expect(job.error).toBeNull();
  expect(job.status).toBe("DONE");
  const response = await download(userId, jobId);
  expect(response.status).toBe(200);
  return { jobId, job, response, bytes: Buffer.from(await response.arrayBuffer()) };
}


const cellValues = (sheet: ExcelJS.Worksheet, rowNumber: number) => {
  const row = sheet.getRow(rowNumber);
  return Array.from({ length: sheet.columnCount }, (_, index) => row.getCell(index + 1).value ?? null);
};

const fileCount = () => db.storedFile.count();

// ── Excel ───────────────────────────────────────────────────────────────────────────────
describe("Excel workbook of province ทดสอบก, FY2568, all filters open", () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    const { bytes, response, job } = await exported("XLSX");
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="summary.xlsx"; filename*=UTF-8''${encodeURIComponent("สรุปผล-ITA-2568-จังหวัดทดสอบก.xlsx")}`,
    );
    // 3 organisations + 3 measures (o1: 2, o2: 1; o3's draft does not count).
    expect(job).toMatchObject({ rowsWritten: 6, rowsTotal: 6, progress: 1 });
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  });

  it("has the five sheets in order, each with a bold frozen first row", () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["สรุป", "องค์กร", "คะแนนรายปี", "ประเด็นและผลลัพธ์", "มาตรการทั้งหมด"]);
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0], sheet.name).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(sheet.getRow(1).font?.bold, sheet.name).toBe(true);
    }
  });

  it("สรุป: title, filters in force, figures and levels", () => {
    const sheet = workbook.getWorksheet("สรุป")!;
    expect(sheet.getCell("A1").value).toBe("สรุปผลการประเมิน ITA และรายงานมาตรการ จังหวัดทดสอบก ปีงบประมาณ พ.ศ. 2568");
    const pairs = new Map<string, unknown>();
    sheet.eachRow((row) => {
      if (typeof row.getCell(1).value === "string" && row.getCell(2).value !== null) pairs.set(row.getCell(1).value as string, row.getCell(2).value);
    });
    expect(pairs.get("พื้นที่")).toBe("จังหวัดทดสอบก");
    expect(pairs.get("ปีงบประมาณ")).toBe("พ.ศ. 2568");
    expect(pairs.get("อำเภอ")).toBe("ทุกอำเภอ");
    expect(pairs.get("ประเภท อปท.")).toBe("ทุกประเภท");
    expect(pairs.get("รายงานที่นับ")).toBe("รายงานที่ส่งจังหวัดแล้ว ทั้งที่รับรองแล้วและยังไม่ได้รับรอง");
    expect(pairs.get("จัดทำเมื่อ")).toMatch(/25\d\d/); // a Buddhist Era year
    // o1, o2, o3; reports sent: o1 ACCEPTED, o2 SUBMITTED → 2, accepted 1, missing 1, rate 2/3.
    expect(pairs.get("จำนวน อปท. (แห่ง)")).toBe(3);
    expect(pairs.get("รายงานที่ส่งแล้ว (ฉบับ)")).toBe(2);
    expect(pairs.get("รับรายงานแล้ว (ฉบับ)")).toBe(1);
    expect(pairs.get("ยังไม่ส่ง (แห่ง)")).toBe(1);
    expect(pairs.get("อัตราการส่ง")).toBeCloseTo(2 / 3, 10);
    // 2568 totals 85.25 and 92.00: mean 88.625 → 88.63 (half up); median of two = the same.
    expect(pairs.get("อปท. ที่มีผลประเมิน (แห่ง)")).toBe(2);
    expect(pairs.get("คะแนนเฉลี่ย")).toBe(88.63);
    expect(pairs.get("คะแนนมัธยฐาน")).toBe(88.63);
    expect(pairs.get("ผ่านดี")).toBe(1);
    expect(pairs.get("ผ่าน")).toBe(1);
    expect(pairs.get("ผ่านดีเยี่ยม")).toBe(0);
    expect(pairs.get("อปท. ที่นับ (ฐานของสัดส่วน)")).toBe(3);
    expect(pairs.get("รายงานที่นับ (ฉบับ)")).toBe(2);
  });

  it("องค์กร: by district, ranking order within it, numbers as numbers", () => {
    const sheet = workbook.getWorksheet("องค์กร")!;
    expect(cellValues(sheet, 1)).toEqual(["อำเภอ", "องค์กร", "ประเภท", "อันดับ", "คะแนนรวม", "IIT", "EIT", "OIT", "ระดับ", "ที่มาของระดับ", "ที่มาของคะแนน", "สถานะรายงาน"]);
    expect(cellValues(sheet, 2)).toEqual(["ก-หนึ่ง", "เทศบาลตำบลสอง", "เทศบาลตำบล", 1, 92, 90, 92, 93, "ผ่านดี", "ตามที่ประกาศ", "บันทึกโดยจังหวัด", "ส่งจังหวัดแล้ว"]);
    expect(cellValues(sheet, 3)).toEqual(["ก-หนึ่ง", "องค์การบริหารส่วนตำบลหนึ่ง", "องค์การบริหารส่วนตำบล", 2, 85.25, 84, 86, 86, "ผ่าน", "ตามที่ประกาศ", "บันทึกโดยจังหวัด", "รับรายงานแล้ว"]);
    expect(cellValues(sheet, 4)).toEqual(["ก-สอง", "องค์การบริหารส่วนตำบลสาม", "องค์การบริหารส่วนตำบล", null, null, null, null, null, null, null, null, "ฉบับร่าง"]);
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getColumn(2).width).toBeGreaterThan(30);
  });

  it("คะแนนรายปี: one row per organisation, one column per fiscal year", () => {
    const sheet = workbook.getWorksheet("คะแนนรายปี")!;
    expect(cellValues(sheet, 1)).toEqual(["อำเภอ", "องค์กร", "ปีงบประมาณ 2567", "ปีงบประมาณ 2568"]);
    expect(cellValues(sheet, 2)).toEqual(["ก-หนึ่ง", "เทศบาลตำบลสอง", 90.5, 92]);
    expect(cellValues(sheet, 3)).toEqual(["ก-หนึ่ง", "องค์การบริหารส่วนตำบลหนึ่ง", 80, 85.25]);
    expect(cellValues(sheet, 4)).toEqual(["ก-สอง", "องค์การบริหารส่วนตำบลสาม", 70.25, null]);
  });

  it("ประเด็นและผลลัพธ์: every standard item of the year with the share of organisations that checked it", () => {
    const sheet = workbook.getWorksheet("ประเด็นและผลลัพธ์")!;
    const catalogue = fiscalYearSeed(2568).suggestedIssues;
    expect(sheet.rowCount).toBe(1 + catalogue.reduce((sum, issue) => sum + issue.resultItems.length, 0));
    // Item 1 of issue 1: checked by o1 (o3's check is in a draft) → 1 of 3. Item 2: o1 left it
    // unchecked, o2 checked it → 1 of 3. Item 3: nobody. Issue 1 has measures of o1 and o2.
    const issue = [1, ISSUE_1.title, 2];
    expect(cellValues(sheet, 2)).toEqual([...issue, 1, ISSUE_1.resultItems[0], 1, 3, 1 / 3]);
    expect(cellValues(sheet, 3)).toEqual([...issue, 2, ISSUE_1.resultItems[1], 1, 3, 1 / 3]);
    expect(cellValues(sheet, 4)).toEqual([...issue, 3, ISSUE_1.resultItems[2], 0, 3, 0]);
    expect(sheet.getCell("H2").numFmt).toBe("0.0%");
  });

  it("มาตรการทั้งหมด: one row per measure of the counted reports", () => {
    const sheet = workbook.getWorksheet("มาตรการทั้งหมด")!;
    expect(sheet.rowCount).toBe(4);
    expect(cellValues(sheet, 1)[0]).toBe("อำเภอ");
    const period = "1 ต.ค. 2567 – 30 ก.ย. 2568";
    expect(cellValues(sheet, 2)).toEqual([
      "ก-หนึ่ง",
      "องค์การบริหารส่วนตำบลหนึ่ง",
      "รับรายงานแล้ว",
      1,
      ISSUE_1.title,
      1,
      "มาตรการเผยแพร่ขั้นตอนการให้บริการ",
      "จัดทำแผ่นพับ\nติดประกาศ ณ ที่ทำการ",
      period,
      "สำนักปลัด\nกองคลัง",
      ISSUE_1.resultItems[0],
      ISSUE_1.resultItems[1],
      "ประชาชนทราบขั้นตอน",
    ]);
    expect(cellValues(sheet, 3).slice(5, 13)).toEqual([2, "มาตรการประชุมประจำเดือน", "ขั้นตอนเดียว", period, "สำนักปลัด", "จัดประชุมทุกเดือน (พิมพ์เอง)", null, null]);
    expect(cellValues(sheet, 4).slice(1, 13)).toEqual([
      "เทศบาลตำบลสอง",
      "ส่งจังหวัดแล้ว",
      1,
      ISSUE_1.title,
      1,
      "มาตรการจัดทำคู่มือบริการ",
      "ขั้นตอนเดียว",
      period,
      "กองช่าง",
      ISSUE_1.resultItems[1],
      null,
      "มีคู่มือ\nลดเวลารอ",
    ]);
    // A province-sized sheet wraps its long texts (column 13: outcomes), not the short ones.
    expect(sheet.getRow(4).getCell(13).alignment?.wrapText).toBe(true);
    expect(sheet.getRow(4).getCell(1).alignment?.wrapText).toBeFalsy();
  });
});

describe("measures page by page", () => {
  it("one report per page gives the same rows, in the same order, as one page for all", async () => {
    const all: MeasureRow[] = [];
    for await (const page of measureBatches(db, provinceA(), ALL_2568)) all.push(...page);
    const paged: MeasureRow[][] = [];
    for await (const page of measureBatches(db, provinceA(), ALL_2568, 1)) paged.push(page);
    // o1's two measures, then o2's one (o3's draft does not count): a page per counted report
    expect(all.map((row) => [row.organizationNameTh, row.measureOrdinal])).toHaveLength(3);
    expect(paged.map((page) => page.length)).toEqual([2, 1]);
    expect(paged.flat()).toEqual(all);
  });
});

describe("the trend of a summary", () => {
  it("stops at the chosen year: a summary of 2567 leaves out 2568, already in use", async () => {
    const yearsOf = async (yearBe: number) => {
      const { overview } = await loadSummary(db, provinceA(), { yearBe, includeUnaccepted: true });
      return { overall: overview.trend.overall.map((year) => year.yearBe), byUnit: overview.trend.byUnit.map((unit) => unit.years.map((year) => year.yearBe)) };
    };
    expect(await yearsOf(2568)).toEqual({ overall: [2567, 2568], byUnit: [[2567, 2568], [2567, 2568]] });
    expect(await yearsOf(2567)).toEqual({ overall: [2567], byUnit: [[2567], [2567]] });
  });
});

describe("a national-sized workbook", () => {
  it("is written plain (no styles, for speed) with the same cells", async () => {
    const area = provinceA();
    const [summary, adoption] = await Promise.all([loadSummary(db, area, ALL_2568), loadIssueAdoption(db, area, ALL_2568)]);
    const file = path.join(os.tmpdir(), `prongsai-plain-${process.pid}.xlsx`);
    // Told it holds more measures than a province's: the plain path, as for the country.
    const written = await writeSummaryWorkbook(fs.createWriteStream(file), { ...summary, adoption }, measureBatches(db, area, ALL_2568), STYLED_MEASURES_UP_TO + 1, async () => undefined);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    fs.rmSync(file);
    expect(written).toBe(3);
    const measures = workbook.getWorksheet(SHEET_NAMES.measures)!;
    expect(measures.rowCount).toBe(4);
    expect(measures.getRow(1).font?.bold).toBeFalsy();
    expect(measures.getRow(4).getCell(13).alignment?.wrapText).toBeFalsy();
    expect(measures.getRow(4).getCell(13).value).toBe("มีคู่มือ\nลดเวลารอ");
  });
});

describe("filters in force", () => {
  it("a district, a type and accepted reports only: the first sheet says so and the tables follow", async () => {
    const filters = { yearBe: 2568, includeUnaccepted: false, districtId: districts.A1, organizationType: "SAO" as const };
    const { bytes } = await exported("XLSX", filters);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const summary = workbook.getWorksheet("สรุป")!;
    const column = (sheet: ExcelJS.Worksheet, letter: string) => sheet.getColumn(letter).values.slice(1);
    expect(column(summary, "B")).toEqual(expect.arrayContaining(["ก-หนึ่ง", "องค์การบริหารส่วนตำบล", "เฉพาะรายงานที่รับรองแล้ว"]));
    // Only o1 is an อบต. of ก-หนึ่ง; its report is accepted, so its two measures count.
    expect(column(workbook.getWorksheet("องค์กร")!, "B")).toEqual(["องค์กร", "องค์การบริหารส่วนตำบลหนึ่ง"]);
    expect(column(workbook.getWorksheet("มาตรการทั้งหมด")!, "G")).toEqual(["มาตรการ", "มาตรการเผยแพร่ขั้นตอนการให้บริการ", "มาตรการประชุมประจำเดือน"]);
  });
});

// ── CSV ─────────────────────────────────────────────────────────────────────────────────
describe("CSV", () => {
  it("is the organisations table in UTF-8 with a byte-order mark", async () => {
    const { bytes, response } = await exported("CSV");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString("utf8")).toBe(
      [
        "อำเภอ,องค์กร,ประเภท,อันดับ,คะแนนรวม,IIT,EIT,OIT,ระดับ,ที่มาของระดับ,ที่มาของคะแนน,สถานะรายงาน",
        "ก-หนึ่ง,เทศบาลตำบลสอง,เทศบาลตำบล,1,92,90,92,93,ผ่านดี,ตามที่ประกาศ,บันทึกโดยจังหวัด,ส่งจังหวัดแล้ว",
        "ก-หนึ่ง,องค์การบริหารส่วนตำบลหนึ่ง,องค์การบริหารส่วนตำบล,2,85.25,84,86,86,ผ่าน,ตามที่ประกาศ,บันทึกโดยจังหวัด,รับรายงานแล้ว",
        "ก-สอง,องค์การบริหารส่วนตำบลสาม,องค์การบริหารส่วนตำบล,,,,,,,,,ฉบับร่าง",
        "",
      ].join("\r\n"),
    );
  });
});

// ── PDF ─────────────────────────────────────────────────────────────────────────────────
describe("PDF", () => {
  it("reads back with the title, the filters, the organisations and the figures in Thai digits", async () => {
    const { bytes, response } = await exported("PDF");
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const file = path.join(dataDir, "summary.pdf");
    fs.writeFileSync(file, bytes);
    const text = execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/[\s\u200B]/gu, "");
    const squeeze = (value: string) => value.replace(/\s/g, "");
    for (const expected of [
      "สรุปผลการประเมิน ITA และรายงานมาตรการ จังหวัดทดสอบก ปีงบประมาณ พ.ศ. ๒๕๖๘",
      "อำเภอ: ทุกอำเภอ",
      "ประเภท อปท.: ทุกประเภท",
      "รายงานที่นับ: รายงานที่ส่งจังหวัดแล้ว ทั้งที่รับรองแล้วและยังไม่ได้รับรอง",
      "จัดทำเมื่อ",
      "เทศบาลตำบลสอง",
      "องค์การบริหารส่วนตำบลหนึ่ง",
      "องค์การบริหารส่วนตำบลสาม",
      "อำเภอก-หนึ่ง (๒ แห่ง)",
      "คะแนนเฉลี่ย๘๘.๖๓", // mean of 85.25 and 92.00
      "อัตราการส่ง๖๖.๗%", // 2 of 3
      "ผ่านดี(ตามประกาศ)",
      "คะแนนที่นับ: ทุกคะแนน",
      "แนวโน้มคะแนน ITA รายปี",
      ISSUE_1.resultItems[0]!,
    ]) {
      expect(text, expected).toContain(squeeze(expected));
    }
  });
});

// ── Access, audit, ownership ────────────────────────────────────────────────────────────
describe("access", () => {
  it("records one AuditEvent per export, in the requester's name and the area's scope", async () => {
    const { jobId } = await exported("CSV");
    const events = await db.auditEvent.findMany({ where: { entityType: "ExportJob", entityId: jobId } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "area.export_summary",
      actorId: users.provinceA,
      actorUsername: "province.a",
      provinceId: provinces.A,
      ipAddress: "203.0.113.9",
    });
    expect(events[0]!.after).toMatchObject({ format: "CSV", yearBe: 2568, includeUnaccepted: true, area: { kind: "province", id: provinces.A } });
  });

  it("a reviewer of another area, an organisation's staff or a foreign district filter: refused, nothing produced, nothing recorded", async () => {
    const before = await Promise.all([db.exportJob.count(), db.auditEvent.count()]);
    const files = await fileCount();
    expect((await refusal(startExport(users.provinceB, "XLSX"))).code).toMatch(/^(FORBIDDEN|NOT_FOUND)$/);
    expect((await refusal(startExport(users.editorO1, "CSV", ALL_2568, { kind: "district", id: districts.A1 }))).code).toMatch(/^(FORBIDDEN|NOT_FOUND)$/);
    // The district reviewer of ก-หนึ่ง asks for its district with ก-สอง as the filter.
    expect((await refusal(startExport(users.districtA1, "PDF", { ...ALL_2568, districtId: districts.A2 }, { kind: "district", id: districts.A1 }))).code).toBe("NOT_FOUND");
    expect((await refusal(startExport(users.provinceA, "PDF", { ...ALL_2568, yearBe: 2590 }))).code).toBe("NOT_FOUND");
    expect(await Promise.all([db.exportJob.count(), db.auditEvent.count()])).toEqual(before);
    expect(await fileCount()).toBe(files);
  });

  it("another person's job: status and download are not found; signed out: 401", async () => {
    const { jobId } = await exported("CSV");
    expect((await refusal(callerFor(db, users.provinceB).export.status({ jobId }))).code).toBe("NOT_FOUND");
    expect((await refusal(callerFor(db, users.districtA1).export.status({ jobId }))).code).toBe("NOT_FOUND");
    expect((await download(users.provinceB, jobId)).status).toBe(404);
    expect((await download(users.districtA1, jobId)).status).toBe(404);
    expect((await download(null, jobId)).status).toBe(401);
    expect((await download(users.provinceA, "no-such-job")).status).toBe(404);
  });

  it("a requester who lost the role loses the job: status and download refused", async () => {
    const userId = (
      await db.user.create({
        data: { username: "province.a.leaving", displayName: "ผู้ย้าย", passwordHash: "x", roles: { create: { role: "PROVINCE_REVIEWER", provinceId: provinces.A } } },
      })
    ).id;
    const { jobId } = await startExport(userId, "CSV");
    expect((await finished(userId, jobId)).status).toBe("DONE");
    await db.roleAssignment.deleteMany({ where: { userId } });
    expect((await refusal(callerFor(db, userId).export.status({ jobId }))).code).toBe("NOT_FOUND");
    expect((await download(userId, jobId)).status).not.toBe(200);
  });

  it("the district reviewer exports their own district", async () => {
    const { jobId } = await startExport(users.districtA1, "CSV", ALL_2568, { kind: "district", id: districts.A1 });
    expect((await finished(users.districtA1, jobId)).status).toBe("DONE");
    const text = Buffer.from(await (await download(users.districtA1, jobId)).arrayBuffer()).toString("utf8");
    expect(text).toContain("เทศบาลตำบลสอง");
    expect(text).not.toContain("องค์การบริหารส่วนตำบลสาม");
  });

  it("a file past its day is gone (the clean-up job) and its download says so; the job row stays", async () => {
    const { jobId } = await exported("CSV");
    const fresh = await exported("CSV");
    await db.storedFile.update({ where: { key: exportFileKey(jobId) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await download(users.provinceA, jobId);
    expect(expired.status).toBe(404);
    expect(await expired.text()).toBe("ไฟล์นี้หมดอายุแล้ว กรุณาสั่งส่งออกใหม่");
    await enqueue(storageCleanupJob, {});
    for (let attempt = 0; attempt < 200 && (await db.storedFile.count({ where: { key: exportFileKey(jobId) } })) > 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await db.storedFile.count({ where: { key: exportFileKey(jobId) } })).toBe(0);
    expect(await db.storedFileChunk.count({ where: { file: { key: exportFileKey(jobId) } } })).toBe(0);
    expect((await download(users.provinceA, fresh.jobId)).status).toBe(200);
    expect((await db.exportJob.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("DONE");
  });
});
