// dashboard.overview on a small fixed dataset. Every expected number below is worked out by
// hand from the literal tables (the sums and middles are in the comments); none comes from the
// code under test.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db/client";
import type { DataOrigin, OrganizationType, ReportStatus } from "@/server/db/generated/enums";
import { getAreaOverview } from "@/server/services/dashboard/overview";
import { getAreaRanking } from "@/server/services/dashboard/ranking";
import { getAreaTrend } from "@/server/services/dashboard/trend";
import { openTestDatabase, type TestDatabase } from "./helpers/db";
import { callerFor, createFiscalYears, createTestAreas, refusal, saveResults, type TestDistrictKey } from "./helpers/fixtures";

// ── The dataset ─────────────────────────────────────────────────────────────────────────
// Province A (91): district A1 (9101) with o1, o2, o3; district A2 (9102) with o4, o5 and the
// inactive o6. Province B (92): district B1 (9201) with b1 alone.
// Fiscal years 2565 (letter bands AA…F), 2566 and 2567 (word levels), and 2568 with no scores
// and no reports.
type OrgKey = "o1" | "o2" | "o3" | "o4" | "o5" | "o6" | "b1";
type DistrictKey = TestDistrictKey;
const ORGANIZATIONS: { key: OrgKey; nameTh: string; district: DistrictKey; type: OrganizationType; active: boolean }[] = [
  { key: "o1", nameTh: "อบต.หนึ่ง", district: "A1", type: "SAO", active: true },
  { key: "o2", nameTh: "อบต.สอง", district: "A1", type: "SAO", active: true },
  { key: "o3", nameTh: "เทศบาลตำบลสาม", district: "A1", type: "SUBDISTRICT_MUNICIPALITY", active: true },
  { key: "o4", nameTh: "อบต.สี่", district: "A2", type: "SAO", active: true },
  { key: "o5", nameTh: "เทศบาลตำบลห้า", district: "A2", type: "SUBDISTRICT_MUNICIPALITY", active: true },
  { key: "o6", nameTh: "อบต.หก (ยุบแล้ว)", district: "A2", type: "SAO", active: false },
  { key: "b1", nameTh: "อบต.บี", district: "B1", type: "SAO", active: true },
];

type Tools = [iit: number, eit: number, oit: number];
// [organisation, year, total, tools, announced level, origin] → the level the year's rules give
const RESULTS: [OrgKey, number, number, Tools | null, string | null, DataOrigin?][] = [
  ["o1", 2565, 72.5, null, "B", "REAL"], // → C (≥65); announced B: mismatch
  ["o2", 2565, 88, null, "A"], // → A (≥85)
  ["o3", 2565, 45.25, null, null], // → F (<50)
  ["o4", 2565, 95, null, "AA"], // → AA (≥95)
  ["o6", 2565, 60, null, null], // inactive
  ["b1", 2565, 80, null, null], // → B
  ["o1", 2566, 80, null, null], // → ต้องปรับปรุง (≥70)
  ["o2", 2566, 91.25, [90, 92, 91.5], "ผ่านดี"], // → ผ่านดี (≥85, each ≥85)
  ["o3", 2566, 55.5, null, null], // → ต้องปรับปรุงโดยด่วน
  ["o4", 2566, 97, null, "ผ่านดีเยี่ยม"], // → unknown: ≥95 but no tool scores to check ≥95 each
  ["o5", 2566, 86.75, [80, 90, 90], "ผ่านดี"], // → ผ่าน (IIT 80 < 85); announced ผ่านดี: mismatch
  ["o6", 2566, 70, null, null], // inactive
  ["b1", 2566, 100, null, null], // → unknown
  ["o1", 2567, 85.25, [84, 86, 86], "ผ่าน"], // → ผ่าน (IIT 84 < 85)
  ["o2", 2567, 85.5, [86, 85, 85.5], null], // → ผ่านดี
  ["o3", 2567, 62, null, null], // → ต้องปรับปรุงโดยด่วน
  ["o4", 2567, 90, [90, 90, 90], null], // → ผ่านดี
  ["o5", 2567, 78.45, null, null], // → ต้องปรับปรุง
  ["o6", 2567, 99, [99, 99, 99], null], // inactive
  ["b1", 2567, 50, null, null, "DEMO"], // → ต้องปรับปรุงโดยด่วน; invented
];

const REPORTS: [OrgKey, number, ReportStatus][] = [
  ["o1", 2566, "ACCEPTED"],
  ["o2", 2566, "SUBMITTED"],
  ["o3", 2566, "DRAFT"],
  ["o4", 2566, "IN_SIGN_OFF"],
  ["o5", 2566, "ACCEPTED"],
  ["o1", 2567, "ACCEPTED"],
  ["o2", 2567, "SUBMITTED"],
  ["o3", 2567, "RETURNED"],
  ["o6", 2567, "ACCEPTED"], // inactive
  ["b1", 2567, "SUBMITTED"],
];

const WORD_LEVELS = ["ผ่านดีเยี่ยม", "ผ่านดี", "ผ่าน", "ต้องปรับปรุง", "ต้องปรับปรุงโดยด่วน"];
const LETTER_BANDS = ["AA", "A", "B", "C", "D", "E", "F"];
const HISTOGRAM_LABELS = ["<50", "50–54.99", "55–59.99", "60–64.99", "65–69.99", "70–74.99", "75–79.99", "80–84.99", "85–89.99", "90–94.99", "95–100"];

// ── Set-up ──────────────────────────────────────────────────────────────────────────────
let database: TestDatabase;
let db: Db;
const ids = {} as Record<OrgKey, string>;
const keyOf = new Map<string, OrgKey>();
const districts = {} as Record<DistrictKey, { id: string; code: string; nameTh: string }>;
const provinces = {} as Record<"A" | "B", string>;
const users = {} as Record<"provinceA" | "provinceB" | "districtA1" | "admin" | "editorO1", string>;

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
  await createFiscalYears(db, [2565, 2566, 2567, 2568]);
  const areas = await createTestAreas(db);
  Object.assign(provinces, areas.provinces);
  Object.assign(districts, areas.districts);
  for (const [index, o] of ORGANIZATIONS.entries()) {
    const created = await db.localOrganization.create({
      data: { dlaCode: `T${index + 1}`, nameTh: o.nameTh, type: o.type, districtId: districts[o.district].id, active: o.active },
    });
    ids[o.key] = created.id;
    keyOf.set(created.id, o.key);
  }
  await saveResults(db, ids, RESULTS);
  const fiscalYears = new Map((await db.fiscalYear.findMany()).map((year) => [year.yearBe, year.id]));
  for (const [org, yearBe, status] of REPORTS) {
    await db.yearlyReport.create({
      data: { organizationId: ids[org], fiscalYearId: fiscalYears.get(yearBe)!, status, issuingSection: "ส", subject: "ร", addressee: "น" },
    });
  }
  const user = async (username: string, grant: Record<string, unknown>) =>
    (await db.user.create({ data: { username, displayName: username, passwordHash: "x", roles: { create: grant as never } } })).id;
  users.provinceA = await user("province.a", { role: "PROVINCE_REVIEWER", provinceId: provinces.A });
  users.provinceB = await user("province.b", { role: "PROVINCE_REVIEWER", provinceId: provinces.B });
  users.districtA1 = await user("district.a1", { role: "DISTRICT_REVIEWER", districtId: districts.A1.id });
  users.admin = await user("admin", { role: "ADMIN" });
  users.editorO1 = await user("editor.o1", { role: "ORG_EDITOR", organizationId: ids.o1 });
});
afterAll(() => database.close());

// ── Helpers ─────────────────────────────────────────────────────────────────────────────
type Area = { kind: "province" | "district"; id: string } | { kind: "national" };
type Input = { yearBe: number; includeUnaccepted: boolean; districtId?: string; organizationType?: OrganizationType };

/**
 * The three procedures of the overview page, called together: figures, histogram and movers
 * (dashboard.overview), the trend (dashboard.trend) and every ranking row (dashboard.ranking).
 */
async function overview(userId: string, area: Area, input: Input) {
  const dashboard = callerFor(db, userId).dashboard;
  const [figures, trend, ranking] = await Promise.all([
    dashboard.overview({ area, ...input }),
    dashboard.trend({ area, ...input }),
    dashboard.ranking({ area, ...input, pageSize: 200 }),
  ]);
  expect(ranking.matched).toBe(ranking.rows.length);
  return {
    ...figures,
    trend: { overall: trend.overall, byDistrict: trend.byUnit.map(({ unit: { kind: _kind, ...district }, years }) => ({ district, years })) },
    ranking: ranking.rows,
  };
}
// Areas are read when a test runs, after beforeAll has created them.
const area = {
  get provinceA(): Area {
    return { kind: "province", id: provinces.A };
  },
  get provinceB(): Area {
    return { kind: "province", id: provinces.B };
  },
};
const districtArea = (key: DistrictKey): Area => ({ kind: "district", id: districts[key].id });


type Overview = Awaited<ReturnType<typeof overview>>;
const levelCounts = (o: Overview) => o.figures.levels.map((level) => [level.label, level.count]);
const binCounts = (o: Overview) => o.histogram.map((bin) => bin.count);
const keys = (rows: { organizationId: string }[]) => rows.map((row) => keyOf.get(row.organizationId));
const stats = (yearBe: number, count: number, mean: number | null, median: number | null, min: number | null, max: number | null) => ({
  yearBe,
  count,
  mean,
  median,
  min,
  max,
});
/** Every organisation id anywhere in an overview (ranking and movers). */
const organizationsShown = (o: Overview) =>
  new Set([...keys(o.ranking), ...keys(o.movers.improvements), ...keys(o.movers.declines)]);

// ── Province A, FY2567: every number ────────────────────────────────────────────────────
describe("province A, FY2567, all organisations", () => {
  it("figures: organisations, reports, scores and levels", async () => {
    const o = await overview(users.provinceA, area.provinceA, { yearBe: 2567, includeUnaccepted: true });
    expect(o.yearBe).toBe(2567);
    expect(o.previousYearBe).toBe(2566);
    expect(o.includeUnaccepted).toBe(true);
    expect(o.filters).toEqual({ districtId: null, organizationType: null });
    expect(o.containsInventedData).toBe(false); // only b1's result is DEMO, and b1 is in B
    // Active: o1…o5 (o6 is inactive). Reports: o1 ACCEPTED, o2 SUBMITTED, o3 RETURNED, o4 and o5
    // none. Submitted (SUBMITTED + ACCEPTED) = 2, missing 5 − 2 = 3, rate 2/5.
    expect(o.figures.organizations).toBe(5);
    expect(o.figures.reports).toEqual({
      submitted: 2,
      accepted: 1,
      missing: 3,
      reportingRate: 0.4,
      byStatus: { DRAFT: 0, IN_SIGN_OFF: 0, SUBMITTED: 1, RETURNED: 1, ACCEPTED: 1, NONE: 2 },
    });
    // Totals 85.25, 85.50, 62.00, 90.00, 78.45: sum 401.20, mean 80.24;
    // sorted 62, 78.45, 85.25, 85.50, 90 → median 85.25.
    expect(o.figures.scores).toEqual({ count: 5, mean: 80.24, median: 85.25 });
    // ผ่านดี: o2, o4; ผ่าน: o1; ต้องปรับปรุง: o5; ต้องปรับปรุงโดยด่วน: o3.
    expect(levelCounts(o)).toEqual([
      ["ผ่านดีเยี่ยม", 0],
      ["ผ่านดี", 2],
      ["ผ่าน", 1],
      ["ต้องปรับปรุง", 1],
      ["ต้องปรับปรุงโดยด่วน", 1],
    ]);
    expect(o.figures.levelUnknown).toBe(0);
    expect(o.figures.levelMismatches).toBe(0);
    // The rule rows themselves come with the counts (from LevelRule of 2567).
    expect(o.figures.levels[1]).toEqual({ rank: 2, label: "ผ่านดี", passing: true, minTotal: 85, minEachTool: 85, count: 2 });
    expect(o.figures.levels[3]).toMatchObject({ rank: 4, minTotal: 70, minEachTool: null, passing: false });
  });

  it("histogram of the year's totals", async () => {
    const o = await overview(users.provinceA, area.provinceA, { yearBe: 2567, includeUnaccepted: true });
    expect(o.histogram.map((bin) => bin.label)).toEqual(HISTOGRAM_LABELS);
    expect(o.histogram[0]).toEqual({ label: "<50", from: 0, to: 50, count: 0 });
    expect(o.histogram[10]).toEqual({ label: "95–100", from: 95, to: 100, count: 0 });
    // 62 → 60–64.99; 78.45 → 75–79.99; 85.25, 85.50 → 85–89.99; 90 → 90–94.99
    expect(binCounts(o)).toEqual([0, 0, 0, 1, 0, 0, 1, 0, 2, 1, 0]);
  });

  it("trend across every year with scores, overall and per district", async () => {
    const o = await overview(users.provinceA, area.provinceA, { yearBe: 2567, includeUnaccepted: true });
    expect(o.trend.overall).toEqual([
      // 72.50, 88, 45.25, 95: sum 300.75 / 4 = 75.1875 → 75.19; middle (72.50 + 88) / 2 = 80.25
      stats(2565, 4, 75.19, 80.25, 45.25, 95),
      // 80, 91.25, 55.50, 97, 86.75: sum 410.50 / 5 = 82.10; sorted middle 86.75
      stats(2566, 5, 82.1, 86.75, 55.5, 97),
      stats(2567, 5, 80.24, 85.25, 62, 90),
      // 2568 has no scores: not a point of the trend
    ]);
    expect(o.trend.byDistrict.map((d) => d.district)).toEqual([districts.A1, districts.A2]);
    expect(o.trend.byDistrict[0]!.years).toEqual([
      // A1: 72.50 + 88 + 45.25 = 205.75 / 3 = 68.583 → 68.58; median 72.50
      stats(2565, 3, 68.58, 72.5, 45.25, 88),
      // 80 + 91.25 + 55.50 = 226.75 / 3 = 75.583 → 75.58; median 80
      stats(2566, 3, 75.58, 80, 55.5, 91.25),
      // 85.25 + 85.50 + 62 = 232.75 / 3 = 77.583 → 77.58; median 85.25
      stats(2567, 3, 77.58, 85.25, 62, 85.5),
    ]);
    expect(o.trend.byDistrict[1]!.years).toEqual([
      // A2 (o6 inactive, left out): o4 alone in 2565
      stats(2565, 1, 95, 95, 95, 95),
      // 97 + 86.75 = 183.75 / 2 = 91.875 → 91.88 (half up)
      stats(2566, 2, 91.88, 91.88, 86.75, 97),
      // 90 + 78.45 = 168.45 / 2 = 84.225 → 84.23 (half up)
      stats(2567, 2, 84.23, 84.23, 78.45, 90),
    ]);
  });

  it("movers against FY2566", async () => {
    const o = await overview(users.provinceA, area.provinceA, { yearBe: 2567, includeUnaccepted: true });
    // o1 80 → 85.25 (+5.25); o2 91.25 → 85.50 (−5.75); o3 55.50 → 62 (+6.50);
    // o4 97 → 90 (−7); o5 86.75 → 78.45 (−8.30)
    expect(o.movers.improvements).toEqual([
      { organizationId: ids.o3, nameTh: "เทศบาลตำบลสาม", district: districts.A1, previous: 55.5, current: 62, change: 6.5 },
      { organizationId: ids.o1, nameTh: "อบต.หนึ่ง", district: districts.A1, previous: 80, current: 85.25, change: 5.25 },
    ]);
    expect(o.movers.declines.map((m) => [keyOf.get(m.organizationId), m.previous, m.current, m.change])).toEqual([
      ["o5", 86.75, 78.45, -8.3],
      ["o4", 97, 90, -7],
      ["o2", 91.25, 85.5, -5.75],
    ]);
  });

  it("ranking: every organisation with its total, levels, report status and history", async () => {
    const o = await overview(users.provinceA, area.provinceA, { yearBe: 2567, includeUnaccepted: true });
    expect(
      o.ranking.map((r) => [r.rank, keyOf.get(r.organizationId), r.total, r.derivedLevel, r.announcedLevel, r.levelMismatch, r.reportStatus]),
    ).toEqual([
      [1, "o4", 90, "ผ่านดี", null, false, null],
      [2, "o2", 85.5, "ผ่านดี", null, false, "SUBMITTED"],
      [3, "o1", 85.25, "ผ่าน", "ผ่าน", false, "ACCEPTED"],
      [4, "o5", 78.45, "ต้องปรับปรุง", null, false, null],
      [5, "o3", 62, "ต้องปรับปรุงโดยด่วน", null, false, "RETURNED"],
    ]);
    const o1 = o.ranking.find((r) => r.organizationId === ids.o1)!;
    expect(o1).toMatchObject({ nameTh: "อบต.หนึ่ง", type: "SAO", district: districts.A1, resultOrigin: "REAL" });
    expect(o1.history).toEqual([
      { yearBe: 2565, total: 72.5 },
      { yearBe: 2566, total: 80 },
      { yearBe: 2567, total: 85.25 },
    ]);
    expect(o.ranking.find((r) => r.organizationId === ids.o5)!.history).toEqual([
      { yearBe: 2566, total: 86.75 },
      { yearBe: 2567, total: 78.45 },
    ]);
  });

  it("the inactive organisation counts nowhere", async () => {
    const o = await overview(users.provinceA, area.provinceA, { yearBe: 2567, includeUnaccepted: true });
    expect(organizationsShown(o).has("o6")).toBe(false);
  });
});

describe("includeUnaccepted", () => {
  it("changes the report-based numbers only", async () => {
    const included = await overview(users.provinceA, area.provinceA, { yearBe: 2567, includeUnaccepted: true });
    const acceptedOnly = await overview(users.provinceA, area.provinceA, { yearBe: 2567, includeUnaccepted: false });
    expect(acceptedOnly.includeUnaccepted).toBe(false);
    // ACCEPTED only: o1. Missing 5 − 1 = 4, rate 1/5.
    expect(acceptedOnly.figures.reports).toEqual({
      submitted: 1,
      accepted: 1,
      missing: 4,
      reportingRate: 0.2,
      byStatus: { DRAFT: 0, IN_SIGN_OFF: 0, SUBMITTED: 1, RETURNED: 1, ACCEPTED: 1, NONE: 2 },
    });
    const { figures: f1, includeUnaccepted: _i1, ...rest1 } = included;
    const { figures: f2, includeUnaccepted: _i2, ...rest2 } = acceptedOnly;
    expect(rest2).toEqual(rest1);
    expect({ ...f2, reports: null }).toEqual({ ...f1, reports: null });
  });

  it("FY2566: DRAFT and IN_SIGN_OFF never count as submitted", async () => {
    // o1 ACCEPTED, o2 SUBMITTED, o3 DRAFT, o4 IN_SIGN_OFF, o5 ACCEPTED
    const included = await overview(users.provinceA, area.provinceA, { yearBe: 2566, includeUnaccepted: true });
    expect(included.figures.reports).toEqual({
      submitted: 3,
      accepted: 2,
      missing: 2,
      reportingRate: 0.6,
      byStatus: { DRAFT: 1, IN_SIGN_OFF: 1, SUBMITTED: 1, RETURNED: 0, ACCEPTED: 2, NONE: 0 },
    });
    const acceptedOnly = await overview(users.provinceA, area.provinceA, { yearBe: 2566, includeUnaccepted: false });
    expect(acceptedOnly.figures.reports).toMatchObject({ submitted: 2, accepted: 2, missing: 3, reportingRate: 0.4 });
  });
});

describe("the level-rule change between 2565 and 2566", () => {
  it("FY2565 counts letter bands", async () => {
    const o = await overview(users.provinceA, area.provinceA, { yearBe: 2565, includeUnaccepted: true });
    expect(o.figures.levels.map((level) => level.label)).toEqual(LETTER_BANDS);
    // The one level (resolveLevel): o1 announced B (by the rules C: a mismatch, but the announced
    // level is the one shown), o2 88 → A, o3 45.25 → F, o4 95 → AA; o5 has no 2565 result
    expect(levelCounts(o)).toEqual([
      ["AA", 1],
      ["A", 1],
      ["B", 1],
      ["C", 0],
      ["D", 0],
      ["E", 0],
      ["F", 1],
    ]);
    expect(o.figures.levels.every((level) => level.minEachTool === null)).toBe(true);
    expect(o.figures.levelUnknown).toBe(0);
    expect(o.figures.levelMismatches).toBe(1); // o1 announced B, derived C
    expect(o.figures.scores).toEqual({ count: 4, mean: 75.19, median: 80.25 });
    // 45.25 → <50; 72.50 → 70–74.99; 88 → 85–89.99; 95 → 95–100
    expect(binCounts(o)).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 1, 0, 1]);
    // No FY2564 in the system: no movers
    expect(o.movers).toEqual({ improvements: [], declines: [] });
    // o5 has no total: last, without a rank
    expect(o.ranking.map((r) => [r.rank, keyOf.get(r.organizationId), r.total, r.derivedLevel])).toEqual([
      [1, "o4", 95, "AA"],
      [2, "o2", 88, "A"],
      [3, "o1", 72.5, "C"],
      [4, "o3", 45.25, "F"],
      [null, "o5", null, null],
    ]);
  });

  it("FY2566 counts word levels, with a level that the scores given cannot decide", async () => {
    const o = await overview(users.provinceA, area.provinceA, { yearBe: 2566, includeUnaccepted: true });
    expect(o.figures.levels.map((level) => level.label)).toEqual(WORD_LEVELS);
    // The one level (resolveLevel): o1 80 → ต้องปรับปรุง (rules); o2 → ผ่านดี (rules); o3 →
    // ต้องปรับปรุงโดยด่วน; o5 announced ผ่านดี (the rules say ผ่าน: a mismatch); o4 97 without tool
    // scores (the rules cannot decide) announced ผ่านดีเยี่ยม: the announced level, as ท้ายหาด FY2568
    expect(levelCounts(o)).toEqual([
      ["ผ่านดีเยี่ยม", 1],
      ["ผ่านดี", 2],
      ["ผ่าน", 0],
      ["ต้องปรับปรุง", 1],
      ["ต้องปรับปรุงโดยด่วน", 1],
    ]);
    expect(o.figures.levelUnknown).toBe(0);
    expect(o.figures.levelMismatches).toBe(1); // o5 announced ผ่านดี, derived ผ่าน
    const o4 = o.ranking.find((r) => r.organizationId === ids.o4)!;
    expect(o4).toMatchObject({ derivedLevel: null, announcedLevel: "ผ่านดีเยี่ยม", levelMismatch: false, level: "ผ่านดีเยี่ยม", levelBasis: "ANNOUNCED" });
    // 80 → 80–84.99; 91.25 → 90–94.99; 55.50 → 55–59.99; 97 → 95–100; 86.75 → 85–89.99
    expect(binCounts(o)).toEqual([0, 0, 1, 0, 0, 0, 0, 1, 1, 1, 1]);
    // Against FY2565 (o5 had no 2565 result): o3 +10.25, o1 +7.50, o2 +3.25, o4 +2; no declines
    expect(o.movers.improvements.map((m) => [keyOf.get(m.organizationId), m.change])).toEqual([
      ["o3", 10.25],
      ["o1", 7.5],
      ["o2", 3.25],
      ["o4", 2],
    ]);
    expect(o.movers.declines).toEqual([]);
  });

  it("level labels come from the LevelRule rows, not from code", async () => {
    const rule = await db.levelRule.findFirstOrThrow({ where: { fiscalYear: { yearBe: 2568 }, rank: 5 } });
    await db.levelRule.update({ where: { id: rule.id }, data: { label: "ระดับทดสอบ" } });
    try {
      const o = await overview(users.provinceA, area.provinceA, { yearBe: 2568, includeUnaccepted: true });
      expect(o.figures.levels.map((level) => level.label)).toEqual([...WORD_LEVELS.slice(0, 4), "ระดับทดสอบ"]);
    } finally {
      await db.levelRule.update({ where: { id: rule.id }, data: { label: rule.label } });
    }
  });
});

describe("edge cases", () => {
  it("a year with no scores and no reports: nulls, zeros and an empty histogram", async () => {
    const o = await overview(users.provinceA, area.provinceA, { yearBe: 2568, includeUnaccepted: true });
    expect(o.figures.organizations).toBe(5);
    expect(o.figures.reports).toEqual({
      submitted: 0,
      accepted: 0,
      missing: 5,
      reportingRate: 0,
      byStatus: { DRAFT: 0, IN_SIGN_OFF: 0, SUBMITTED: 0, RETURNED: 0, ACCEPTED: 0, NONE: 5 },
    });
    expect(o.figures.scores).toEqual({ count: 0, mean: null, median: null });
    expect(levelCounts(o)).toEqual(WORD_LEVELS.map((label) => [label, 0]));
    expect(o.figures.levelUnknown).toBe(0);
    expect(o.histogram.map((bin) => bin.label)).toEqual(HISTOGRAM_LABELS);
    expect(binCounts(o)).toEqual(new Array(11).fill(0));
    expect(o.movers).toEqual({ improvements: [], declines: [] });
    expect(o.ranking).toHaveLength(5);
    expect(o.ranking.every((r) => r.total === null && r.rank === null && r.reportStatus === null)).toBe(true);
    expect(new Set(keys(o.ranking))).toEqual(new Set(["o1", "o2", "o3", "o4", "o5"]));
    // The trend still shows the years that have scores.
    expect(o.trend.overall.map((y) => y.yearBe)).toEqual([2565, 2566, 2567]);
  });

  it("an area with no reports (district A2 in FY2567)", async () => {
    const o = await overview(users.provinceA, area.provinceA, { yearBe: 2567, includeUnaccepted: true, districtId: districts.A2.id });
    expect(o.filters).toEqual({ districtId: districts.A2.id, organizationType: null });
    expect(o.figures.organizations).toBe(2); // o4, o5 (o6 inactive, its ACCEPTED report not counted)
    expect(o.figures.reports).toEqual({
      submitted: 0,
      accepted: 0,
      missing: 2,
      reportingRate: 0,
      byStatus: { DRAFT: 0, IN_SIGN_OFF: 0, SUBMITTED: 0, RETURNED: 0, ACCEPTED: 0, NONE: 2 },
    });
    // 90 and 78.45: mean = median = 84.225 → 84.23
    expect(o.figures.scores).toEqual({ count: 2, mean: 84.23, median: 84.23 });
    expect(levelCounts(o)).toEqual([
      ["ผ่านดีเยี่ยม", 0],
      ["ผ่านดี", 1],
      ["ผ่าน", 0],
      ["ต้องปรับปรุง", 1],
      ["ต้องปรับปรุงโดยด่วน", 0],
    ]);
    expect(o.trend.overall).toEqual([
      stats(2565, 1, 95, 95, 95, 95),
      stats(2566, 2, 91.88, 91.88, 86.75, 97),
      stats(2567, 2, 84.23, 84.23, 78.45, 90),
    ]);
    expect(o.trend.byDistrict).toEqual([{ district: districts.A2, years: o.trend.overall }]);
    expect(keys(o.movers.declines)).toEqual(["o5", "o4"]);
    expect(o.movers.improvements).toEqual([]);
    expect(keys(o.ranking)).toEqual(["o4", "o5"]);
  });

  it("a single organisation (province B): rates of 1 and 0, invented data flagged", async () => {
    const included = await overview(users.provinceB, area.provinceB, { yearBe: 2567, includeUnaccepted: true });
    expect(included.containsInventedData).toBe(true); // b1's 2567 result is DEMO
    expect(included.figures.organizations).toBe(1);
    expect(included.figures.reports).toMatchObject({ submitted: 1, accepted: 0, missing: 0, reportingRate: 1 });
    const acceptedOnly = await overview(users.provinceB, area.provinceB, { yearBe: 2567, includeUnaccepted: false });
    expect(acceptedOnly.figures.reports).toMatchObject({ submitted: 0, accepted: 0, missing: 1, reportingRate: 0 });
    expect(included.figures.scores).toEqual({ count: 1, mean: 50, median: 50 });
    expect(levelCounts(included)).toEqual([
      ["ผ่านดีเยี่ยม", 0],
      ["ผ่านดี", 0],
      ["ผ่าน", 0],
      ["ต้องปรับปรุง", 0],
      ["ต้องปรับปรุงโดยด่วน", 1],
    ]);
    expect(binCounts(included)).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]); // 50 → 50–54.99
    expect(included.trend.overall).toEqual([stats(2565, 1, 80, 80, 80, 80), stats(2566, 1, 100, 100, 100, 100), stats(2567, 1, 50, 50, 50, 50)]);
    expect(included.movers.declines.map((m) => [keyOf.get(m.organizationId), m.previous, m.current, m.change])).toEqual([["b1", 100, 50, -50]]);
    expect(included.ranking.map((r) => [r.rank, keyOf.get(r.organizationId), r.total, r.reportStatus, r.resultOrigin])).toEqual([
      [1, "b1", 50, "SUBMITTED", "DEMO"],
    ]);
    // FY2566 (100, no tool scores) lands in the last bin, its level by the total alone.
    const fy2566 = await overview(users.provinceB, area.provinceB, { yearBe: 2566, includeUnaccepted: true });
    expect(binCounts(fy2566)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(fy2566.figures.levelUnknown).toBe(0);
    expect(levelCounts(fy2566)[0]).toEqual(["ผ่านดีเยี่ยม", 1]);
    expect(fy2566.ranking[0]).toMatchObject({ derivedLevel: null, level: "ผ่านดีเยี่ยม", levelBasis: "TOTAL_ONLY" });
    expect(fy2566.figures.reports).toMatchObject({ submitted: 0, missing: 1, reportingRate: 0 });
  });

  it("a filter that matches no organisation: null rate, null scores", async () => {
    const o = await overview(users.provinceB, area.provinceB, { yearBe: 2567, includeUnaccepted: true, organizationType: "PAO" });
    expect(o.figures.organizations).toBe(0);
    expect(o.figures.reports).toMatchObject({ submitted: 0, missing: 0, reportingRate: null });
    expect(o.figures.scores).toEqual({ count: 0, mean: null, median: null });
    expect(o.trend).toEqual({ overall: [], byDistrict: [] });
    expect(o.ranking).toEqual([]);
  });

  it("the whole country for an admin", async () => {
    const o = await overview(users.admin, { kind: "national" }, { yearBe: 2567, includeUnaccepted: true });
    // o1…o5 and b1. Submitted: o1, o2, b1 = 3 of 6.
    expect(o.figures.organizations).toBe(6);
    expect(o.figures.reports).toMatchObject({ submitted: 3, accepted: 1, missing: 3, reportingRate: 0.5 });
    // 85.25 + 85.50 + 62 + 90 + 78.45 + 50 = 451.20 / 6 = 75.20; middle (78.45 + 85.25) / 2 = 81.85
    expect(o.figures.scores).toEqual({ count: 6, mean: 75.2, median: 81.85 });
    // The country's trend is per province.
    expect(o.trend.byDistrict.map((d) => d.district.code)).toEqual(["91", "92"]);
    // B: 80, 100, 50; A in 2565: 72.50 + 88 + 45.25 + 95 = 300.75 / 4 = 75.19 (see above)
    expect(o.trend.byDistrict[1]!.years).toEqual([stats(2565, 1, 80, 80, 80, 80), stats(2566, 1, 100, 100, 100, 100), stats(2567, 1, 50, 50, 50, 50)]);
    expect(o.trend.byDistrict[0]!.years[0]).toEqual(stats(2565, 4, 75.19, 80.25, 45.25, 95));
    expect(o.containsInventedData).toBe(true);
  });
});

describe("filters", () => {
  it("organisation type: SAO in province A", async () => {
    const o = await overview(users.provinceA, area.provinceA, { yearBe: 2567, includeUnaccepted: true, organizationType: "SAO" });
    expect(o.filters).toEqual({ districtId: null, organizationType: "SAO" });
    // o1 ACCEPTED, o2 SUBMITTED, o4 none
    expect(o.figures.organizations).toBe(3);
    expect(o.figures.reports).toEqual({
      submitted: 2,
      accepted: 1,
      missing: 1,
      reportingRate: 2 / 3,
      byStatus: { DRAFT: 0, IN_SIGN_OFF: 0, SUBMITTED: 1, RETURNED: 0, ACCEPTED: 1, NONE: 1 },
    });
    // 85.25 + 85.50 + 90 = 260.75 / 3 = 86.917 → 86.92; median 85.50
    expect(o.figures.scores).toEqual({ count: 3, mean: 86.92, median: 85.5 });
    expect(levelCounts(o)).toEqual([
      ["ผ่านดีเยี่ยม", 0],
      ["ผ่านดี", 2],
      ["ผ่าน", 1],
      ["ต้องปรับปรุง", 0],
      ["ต้องปรับปรุงโดยด่วน", 0],
    ]);
    expect(o.trend.overall).toEqual([
      // 72.50 + 88 + 95 = 255.50 / 3 = 85.167 → 85.17; median 88
      stats(2565, 3, 85.17, 88, 72.5, 95),
      // 80 + 91.25 + 97 = 268.25 / 3 = 89.417 → 89.42; median 91.25
      stats(2566, 3, 89.42, 91.25, 80, 97),
      stats(2567, 3, 86.92, 85.5, 85.25, 90),
    ]);
    expect(o.trend.byDistrict.map((d) => [d.district.code, d.years])).toEqual([
      [
        "9101",
        [
          stats(2565, 2, 80.25, 80.25, 72.5, 88), // (72.50 + 88) / 2
          stats(2566, 2, 85.63, 85.63, 80, 91.25), // (80 + 91.25) / 2 = 85.625 → 85.63
          stats(2567, 2, 85.38, 85.38, 85.25, 85.5), // (85.25 + 85.50) / 2 = 85.375 → 85.38
        ],
      ],
      ["9102", [stats(2565, 1, 95, 95, 95, 95), stats(2566, 1, 97, 97, 97, 97), stats(2567, 1, 90, 90, 90, 90)]],
    ]);
    expect(keys(o.movers.improvements)).toEqual(["o1"]);
    expect(keys(o.movers.declines)).toEqual(["o4", "o2"]);
    expect(keys(o.ranking)).toEqual(["o4", "o2", "o1"]);
  });

  it("district and type together: one municipality in A1", async () => {
    const o = await overview(users.provinceA, area.provinceA, {
      yearBe: 2567,
      includeUnaccepted: true,
      districtId: districts.A1.id,
      organizationType: "SUBDISTRICT_MUNICIPALITY",
    });
    // o3 alone: RETURNED is not submitted
    expect(o.figures.organizations).toBe(1);
    expect(o.figures.reports).toMatchObject({ submitted: 0, accepted: 0, missing: 1, reportingRate: 0 });
    expect(o.figures.reports.byStatus.RETURNED).toBe(1);
    expect(o.figures.scores).toEqual({ count: 1, mean: 62, median: 62 });
    expect(keys(o.ranking)).toEqual(["o3"]);
    expect(keys(o.movers.improvements)).toEqual(["o3"]);
  });

  it("a district filter equal to the district area is allowed", async () => {
    const o = await overview(users.districtA1, districtArea("A1"), { yearBe: 2567, includeUnaccepted: true, districtId: districts.A1.id });
    expect(o.figures.organizations).toBe(3);
  });
});

// ── Who sees what ───────────────────────────────────────────────────────────────────────
describe("scope", () => {
  it("a district reviewer sees their district only", async () => {
    const o = await overview(users.districtA1, districtArea("A1"), { yearBe: 2567, includeUnaccepted: true });
    // o1 ACCEPTED, o2 SUBMITTED, o3 RETURNED
    expect(o.figures.organizations).toBe(3);
    expect(o.figures.reports).toMatchObject({ submitted: 2, accepted: 1, missing: 1, reportingRate: 2 / 3 });
    expect(o.figures.scores).toEqual({ count: 3, mean: 77.58, median: 85.25 });
    expect([...organizationsShown(o)].sort()).toEqual(["o1", "o2", "o3"]);
    expect(o.trend.byDistrict.map((d) => d.district.id)).toEqual([districts.A1.id]);
    expect(o.trend.overall.map((y) => y.count)).toEqual([3, 3, 3]);
  });

  it("a district reviewer cannot get another district's data from any procedure, by area or by filter", async () => {
    const input = { yearBe: 2567, includeUnaccepted: true };
    const dashboard = callerFor(db, users.districtA1).dashboard;
    const procedures = [dashboard.overview, dashboard.trend, dashboard.ranking] as ((input: unknown) => Promise<unknown>)[];
    for (const procedure of procedures) {
      expect((await refusal(procedure({ area: districtArea("A2"), ...input }))).code).toBe("NOT_FOUND");
      expect((await refusal(procedure({ area: area.provinceA, ...input }))).code).toBe("NOT_FOUND");
      expect((await refusal(procedure({ area: { kind: "national" }, ...input }))).code).toBe("NOT_FOUND");
      for (const foreign of [districts.A2.id, districts.B1.id, "no-such-district"]) {
        const error = await refusal(procedure({ area: districtArea("A1"), ...input, districtId: foreign }));
        expect(error.code).toBe("NOT_FOUND");
      }
    }
  });

  it("a province reviewer cannot pass a district of another province as the filter", async () => {
    const error = await refusal(
      overview(users.provinceA, area.provinceA, { yearBe: 2567, includeUnaccepted: true, districtId: districts.B1.id }),
    );
    expect(error.code).toBe("NOT_FOUND");
  });

  it("a province reviewer of B gets nothing of A", async () => {
    const input = { yearBe: 2567, includeUnaccepted: true };
    for (const target of [area.provinceA, districtArea("A1"), districtArea("A2"), { kind: "national" } as Area]) {
      expect(["FORBIDDEN", "NOT_FOUND"]).toContain((await refusal(overview(users.provinceB, target, input))).code);
    }
    expect((await refusal(overview(users.provinceB, area.provinceB, { ...input, districtId: districts.A1.id }))).code).toBe("NOT_FOUND");
    const own = await overview(users.provinceB, area.provinceB, input);
    expect([...organizationsShown(own)]).toEqual(["b1"]);
  });

  it("organisation staff and signed-out callers get nothing", async () => {
    const input = { yearBe: 2567, includeUnaccepted: true };
    expect((await refusal(overview(users.editorO1, districtArea("A1"), input))).code).toBe("NOT_FOUND");
    const signedOut = callerFor(db, null).dashboard.overview({ area: districtArea("A1"), ...input });
    expect((await refusal(signedOut)).code).toBe("UNAUTHORIZED");
  });

  it("an unknown fiscal year is NOT_FOUND", async () => {
    const error = await refusal(overview(users.provinceA, area.provinceA, { yearBe: 2599, includeUnaccepted: true }));
    expect(error.code).toBe("NOT_FOUND");
    expect(error.message).toMatch(/[\u0E00-\u0E7F]/);
  });
});

describe("histogram bins in SQL", () => {
  it("put each boundary in the bin that starts there, and 100 in the last bin", async () => {
    // FY2568 has no scores: give the six active organisations boundary totals for this test.
    const year = await db.fiscalYear.findUniqueOrThrow({ where: { yearBe: 2568 } });
    const totals: [OrgKey, number][] = [["o1", 49.99], ["o2", 50], ["o3", 54.99], ["o4", 94.99], ["o5", 95], ["b1", 100]];
    await db.itaResult.createMany({
      data: totals.map(([org, total]) => ({ organizationId: ids[org], fiscalYearId: year.id, total, source: "PROVINCE_ENTERED" as const })),
    });
    try {
      const o = await callerFor(db, users.admin).dashboard.overview({ area: { kind: "national" }, yearBe: 2568, includeUnaccepted: true });
      // <50: 49.99 · 50–54.99: 50, 54.99 · 90–94.99: 94.99 · 95–100: 95, 100
      expect(binCounts(o as Overview)).toEqual([1, 2, 0, 0, 0, 0, 0, 0, 0, 1, 2]);
    } finally {
      await db.itaResult.deleteMany({ where: { fiscalYearId: year.id } });
    }
  });
});

describe("options", () => {
  it("offer the fiscal years newest first and the area's districts by code", async () => {
    const options = await callerFor(db, users.provinceA).dashboard.options({ area: area.provinceA });
    expect(options).toEqual({ years: [2568, 2567, 2566, 2565], defaultYearBe: 2568, districts: [districts.A1, districts.A2] });
    expect((await callerFor(db, users.districtA1).dashboard.options({ area: districtArea("A1") })).districts).toEqual([districts.A1]);
    expect((await callerFor(db, users.admin).dashboard.options({ area: { kind: "national" } })).districts).toEqual([]);
  });

  it("show by default the newest year in use, not a next year being prepared", async () => {
    const next = await db.fiscalYear.create({
      data: { yearBe: 2569, isOpen: false, startDate: new Date("2025-10-01"), endDate: new Date("2026-09-30"), submissionDeadline: new Date("2026-01-31"), weightIit: 30, weightEit: 30, weightOit: 40 },
    });
    try {
      const options = await callerFor(db, users.provinceA).dashboard.options({ area: area.provinceA });
      expect([options.years[0], options.defaultYearBe]).toEqual([2569, 2568]);
    } finally {
      await db.fiscalYear.delete({ where: { id: next.id } });
    }
  });

  it("are refused outside the caller's area", async () => {
    expect((await refusal(callerFor(db, users.districtA1).dashboard.options({ area: area.provinceA }))).code).toBe("NOT_FOUND");
    expect((await refusal(callerFor(db, users.provinceB).dashboard.options({ area: area.provinceA }))).code).toBe("NOT_FOUND");
  });
});

describe("ranking pages, sorts and searches in the database", () => {
  const ranking = (input: Record<string, unknown>) =>
    callerFor(db, users.provinceA).dashboard.ranking({ area: area.provinceA, yearBe: 2565, includeUnaccepted: true, ...input });

  it("pages keep the ranks of the whole scope", async () => {
    // FY2565 by score: o4 95, o2 88, o1 72.50, o3 45.25, then o5 without a total
    const first = await ranking({ pageSize: 2, page: 1 });
    const second = await ranking({ pageSize: 2, page: 2 });
    const third = await ranking({ pageSize: 2, page: 3 });
    expect([first.organizations, first.matched]).toEqual([5, 5]);
    expect(first.rows.map((r) => [r.rank, keyOf.get(r.organizationId)])).toEqual([[1, "o4"], [2, "o2"]]);
    expect(second.rows.map((r) => [r.rank, keyOf.get(r.organizationId)])).toEqual([[3, "o1"], [4, "o3"]]);
    expect(third.rows.map((r) => [r.rank, keyOf.get(r.organizationId)])).toEqual([[null, "o5"]]);
    expect((await ranking({ pageSize: 2, page: 4 })).rows).toEqual([]);
  });

  it("score ascending keeps organisations without a total last", async () => {
    const rows = (await ranking({ descending: false })).rows;
    expect(keys(rows)).toEqual(["o3", "o1", "o2", "o4", "o5"]);
  });

  it("names sort in Thai dictionary order (leading vowels after their consonant)", async () => {
    // ต (o2's "อบต.สอง" starts with อ) — the names: อบต.หนึ่ง, อบต.สอง, เทศบาลตำบลสาม, อบต.สี่, เทศบาลตำบลห้า:
    // เทศบาล… sort under ท, before every อ…; among อบต.: สอง < สี่ < หนึ่ง (ส before ห, อ before ี)
    const rows = (await ranking({ sort: "name", descending: false })).rows;
    expect(keys(rows)).toEqual(["o3", "o5", "o2", "o4", "o1"]);
    expect(keys((await ranking({ sort: "name", descending: true })).rows)).toEqual(["o1", "o4", "o2", "o5", "o3"]);
  });

  it("district order, then score within a district", async () => {
    // ก-สอง (A2: o4 95, o5 none) before ก-หนึ่ง (A1: o2 88, o1 72.50, o3 45.25)
    expect(keys((await ranking({ sort: "district", descending: false })).rows)).toEqual(["o4", "o5", "o2", "o1", "o3"]);
  });

  it("search narrows the rows, not the ranks or the organisation count", async () => {
    const found = await ranking({ search: "เทศบาล" });
    expect([found.organizations, found.matched]).toEqual([5, 2]);
    expect(found.rows.map((r) => [r.rank, keyOf.get(r.organizationId)])).toEqual([[4, "o3"], [null, "o5"]]);
    const none = await ranking({ search: "ไม่มีชื่อนี้" });
    expect([none.organizations, none.matched, none.rows]).toEqual([5, 0, []]);
  });

  it("equal totals share a rank", async () => {
    const o2 = await db.itaResult.findFirstOrThrow({ where: { organizationId: ids.o2, fiscalYear: { yearBe: 2565 } } });
    await db.itaResult.update({ where: { id: o2.id }, data: { total: 95 } });
    try {
      const rows = (await ranking({})).rows;
      // o2 and o4 both 95: rank 1 twice, by name (อบต.สอง before อบต.สี่), then 3
      expect(rows.map((r) => [r.rank, keyOf.get(r.organizationId)])).toEqual([[1, "o2"], [1, "o4"], [3, "o1"], [4, "o3"], [null, "o5"]]);
    } finally {
      await db.itaResult.update({ where: { id: o2.id }, data: { total: o2.total } });
    }
  });

  it("bad paging or sorting → BAD_REQUEST with a Thai message", async () => {
    for (const input of [{ page: 0 }, { pageSize: 500 }, { sort: "dlaCode" }, { search: "ก".repeat(101) }, { descending: "yes" }]) {
      const error = await refusal(ranking(input));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toMatch(/[\u0E00-\u0E7F]/);
    }
  });
});

describe("malformed input", () => {
  const valid = () => ({ area: area.provinceA, yearBe: 2567, includeUnaccepted: true });
  const cases: [string, () => unknown][] = [
    ["no input", () => undefined],
    ["year as text", () => ({ ...valid(), yearBe: "2567" })],
    ["fractional year", () => ({ ...valid(), yearBe: 2567.5 })],
    ["year out of range", () => ({ ...valid(), yearBe: 1999 })],
    ["no year", () => ({ area: area.provinceA, includeUnaccepted: true })],
    ["unknown organisation type", () => ({ ...valid(), organizationType: "CITY" })],
    ["no includeUnaccepted", () => ({ area: area.provinceA, yearBe: 2567 })],
    ["includeUnaccepted as text", () => ({ ...valid(), includeUnaccepted: "yes" })],
    ["empty district id", () => ({ ...valid(), districtId: "" })],
    ["numeric district id", () => ({ ...valid(), districtId: 5 })],
    ["unknown area kind", () => ({ ...valid(), area: { kind: "planet", id: "x" } })],
  ];
  for (const [name, input] of cases) {
    it(`${name} → BAD_REQUEST with a Thai message`, async () => {
      const caller = callerFor(db, users.admin).dashboard as unknown as { overview(input: unknown): Promise<unknown> };
      const error = await refusal(caller.overview(input()));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toMatch(/[\u0E00-\u0E7F]/);
    });
  }
});

// ── Queries ─────────────────────────────────────────────────────────────────────────────
describe("queries", () => {
  it("their number does not grow with the organisations (no query per organisation)", async () => {
    const count = async (service: "overview" | "trend" | "ranking", area: Area, districtId?: string) => {
      let operations = 0;
      const counted = db.$extends({
        query: {
          async $allOperations({ args, query }) {
            operations += 1;
            return query(args);
          },
        },
      }) as unknown as Db;
      const filters = { yearBe: 2567, includeUnaccepted: true, districtId };
      if (service === "overview") await getAreaOverview(counted, area as never, filters);
      if (service === "trend") await getAreaTrend(counted, area as never, filters);
      if (service === "ranking") await getAreaRanking(counted, area as never, { ...filters, sort: "score", descending: true, page: 1, pageSize: 50 });
      return operations;
    };
    // overview: the year's level rules + one statement; trend and ranking: one statement each
    for (const [service, queries] of [["overview", 2], ["trend", 1], ["ranking", 1]] as const) {
      expect(await count(service, area.provinceB)).toBe(queries);
      expect(await count(service, { kind: "national" })).toBe(queries);
      expect(await count(service, area.provinceA, districts.A1.id)).toBe(queries + 1); // + the district filter check
    }
  });
});
