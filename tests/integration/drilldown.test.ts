// drilldown.* (issue drill-down) on a small fixed dataset. Every expected number below is worked
// out by hand from the literal tables (the working is in the comments); none comes from the code
// under test.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db/client";
import type { OrganizationType, ReportStatus } from "@/server/db/generated/enums";
import { openTestDatabase, type TestDatabase } from "./helpers/db";
import { callerFor, createFiscalYears, createTestAreas, refusal, type TestDistrictKey } from "./helpers/fixtures";

// ── The dataset ─────────────────────────────────────────────────────────────────────────
// Province A: district A1 with o1, o2 (SAO), o3 (town municipality) and the inactive o9;
// district A2 with o4. Province B: district B1 with b1.
// FY2568 uses the seeded catalogue: suggested issue 1 (I1, items I1.1…I1.6) and 2 (I2, items
// I2.1…I2.4). FY2569 exists with no reports at all.
type OrgKey = "o1" | "o2" | "o3" | "o4" | "o9" | "b1";
type DistrictKey = TestDistrictKey;
const ORGANIZATIONS: { key: OrgKey; nameTh: string; district: DistrictKey; type: OrganizationType; active: boolean }[] = [
  { key: "o1", nameTh: "อบต.หนึ่ง", district: "A1", type: "SAO", active: true },
  { key: "o2", nameTh: "อบต.สอง", district: "A1", type: "SAO", active: true },
  { key: "o3", nameTh: "เทศบาลเมืองสาม", district: "A1", type: "TOWN_MUNICIPALITY", active: true },
  { key: "o9", nameTh: "อบต.เก้า (ยุบแล้ว)", district: "A1", type: "SAO", active: false },
  { key: "o4", nameTh: "อบต.สี่", district: "A2", type: "SAO", active: true },
  { key: "b1", nameTh: "อบต.บี", district: "B1", type: "SAO", active: true },
];

// A result item: [standard item "I1.1" | null for the organisation's own text, checked]
type ItemSeed = [string | null, boolean];
type MeasureSeed = { key: string; items: ItemSeed[]; evidence?: boolean };
// A report issue: suggested issue ("I1", "I2" or null), its indicator tags and its measures.
type IssueSeed = { suggested: "I1" | "I2" | null; indicators: number[]; measures: MeasureSeed[] };
const REPORTS: { org: OrgKey; yearBe: number; status: ReportStatus; issues: IssueSeed[] }[] = [
  {
    org: "o1",
    yearBe: 2568,
    status: "ACCEPTED",
    issues: [
      {
        suggested: "I1",
        indicators: [1, 6],
        measures: [
          { key: "M1", items: [["I1.1", true], ["I1.2", false], [null, true]], evidence: true },
          { key: "M2", items: [["I1.1", true], ["I1.3", true]] },
        ],
      },
      { suggested: "I2", indicators: [8], measures: [{ key: "M3", items: [["I2.1", true]] }] },
      { suggested: null, indicators: [9], measures: [{ key: "M4", items: [[null, true]] }] },
    ],
  },
  {
    org: "o2",
    yearBe: 2568,
    status: "SUBMITTED",
    issues: [{ suggested: "I1", indicators: [1], measures: [{ key: "M5", items: [["I1.1", true], ["I1.3", false]] }] }],
  },
  // A draft: never counted anywhere.
  { org: "o3", yearBe: 2568, status: "DRAFT", issues: [{ suggested: "I1", indicators: [1], measures: [{ key: "M6", items: [["I1.2", true]] }] }] },
  // Inactive organisation: never counted.
  { org: "o9", yearBe: 2568, status: "ACCEPTED", issues: [{ suggested: "I1", indicators: [1], measures: [{ key: "M7", items: [["I1.1", true]] }] }] },
  {
    org: "o4",
    yearBe: 2568,
    status: "ACCEPTED",
    issues: [
      { suggested: "I2", indicators: [8], measures: [{ key: "M8", items: [["I2.1", true], ["I2.2", true]] }] },
      { suggested: "I1", indicators: [1, 6], measures: [] }, // an issue without measures counts as nothing
    ],
  },
  { org: "b1", yearBe: 2568, status: "ACCEPTED", issues: [{ suggested: "I1", indicators: [1], measures: [{ key: "M9", items: [["I1.1", true]] }] }] },
  // Another year: never mixed into FY2568.
  { org: "o1", yearBe: 2567, status: "ACCEPTED", issues: [{ suggested: null, indicators: [1], measures: [{ key: "M0", items: [[null, true]] }] }] },
];

// ── Set-up ──────────────────────────────────────────────────────────────────────────────
let database: TestDatabase;
let db: Db;
const ids = {} as Record<OrgKey, string>;
const keyOf = new Map<string, OrgKey>();
const districts = {} as Record<DistrictKey, string>;
const provinces = {} as Record<"A" | "B", string>;
const users = {} as Record<"provinceA" | "districtA1" | "districtA2" | "admin" | "editorO1", string>;
const catalogue = {} as Record<string, string>; // "I1" → suggested issue id, "I1.3" → item id
const measures = {} as Record<string, string>; // "M1" → measure id
const reportIds = {} as Record<OrgKey, string>;

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
  await createFiscalYears(db, [2567, 2568, 2569]);
  const areas = await createTestAreas(db);
  Object.assign(provinces, areas.provinces);
  for (const key of ["A1", "A2", "B1"] as const) districts[key] = areas.districts[key].id;
  for (const [index, o] of ORGANIZATIONS.entries()) {
    const created = await db.localOrganization.create({
      data: { dlaCode: `T${index + 1}`, nameTh: o.nameTh, type: o.type, districtId: districts[o.district], active: o.active },
    });
    ids[o.key] = created.id;
    keyOf.set(created.id, o.key);
  }
  const years = await db.fiscalYear.findMany({
    include: { suggestedIssues: { include: { resultItems: true } } },
  });
  const catalogueOf = (yearBe: number) => {
    const year = years.find((candidate) => candidate.yearBe === yearBe)!;
    const entries: Record<string, string> = {};
    for (const issue of year.suggestedIssues) {
      entries[`I${issue.ordinal}`] = issue.id;
      for (const item of issue.resultItems) entries[`I${issue.ordinal}.${item.ordinal}`] = item.id;
    }
    return { id: year.id, entries };
  };
  Object.assign(catalogue, catalogueOf(2568).entries);
  for (const report of REPORTS) {
    const year = catalogueOf(report.yearBe);
    const created = await db.yearlyReport.create({
      data: {
        organizationId: ids[report.org],
        fiscalYearId: year.id,
        status: report.status,
        issuingSection: "ส",
        subject: "ร",
        addressee: "น",
        issues: {
          create: report.issues.map((issue, issueIndex) => ({
            ordinal: issueIndex + 1,
            title: issue.suggested ? `ประเด็น ${issue.suggested} ของ ${report.org}` : "ประเด็นของเราเอง",
            indicatorNumbers: issue.indicators,
            suggestedIssueId: issue.suggested ? year.entries[issue.suggested]! : null,
          })),
        },
      },
      include: { issues: { orderBy: { ordinal: "asc" } } },
    });
    if (report.yearBe === 2568) reportIds[report.org] = created.id;
    for (const [issueIndex, issue] of report.issues.entries()) {
      for (const [measureIndex, measure] of issue.measures.entries()) {
        const createdMeasure = await db.measure.create({
          data: {
            issueId: created.issues[issueIndex]!.id,
            ordinal: measureIndex + 1,
            title: `มาตรการ ${measure.key}`,
            steps: [`ขั้นที่หนึ่งของ ${measure.key}`, `ขั้นที่สองของ ${measure.key}`],
            periodStart: new Date("2024-10-01T00:00:00Z"),
            periodEnd: new Date("2025-09-30T00:00:00Z"),
            responsibleUnits: ["สำนักปลัด", "กองคลัง"],
            outcomes: [`ผลลัพธ์ของ ${measure.key}`],
            resultItems: {
              create: measure.items.map(([standard, checked], itemIndex) => ({
                ordinal: itemIndex + 1,
                text: standard ? `ข้อ ${standard}` : "ข้อความของเราเอง",
                checked,
                standardItemId: standard ? year.entries[standard]! : null,
              })),
            },
            evidenceLinks: measure.evidence ? { create: [{ ordinal: 1, url: "https://example.org/evidence", label: "หลักฐาน" }] } : undefined,
          },
        });
        measures[measure.key] = createdMeasure.id;
      }
    }
  }
  const user = async (username: string, grant: Record<string, unknown>) =>
    (await db.user.create({ data: { username, displayName: username, passwordHash: "x", roles: { create: grant as never } } })).id;
  users.provinceA = await user("province.a", { role: "PROVINCE_REVIEWER", provinceId: provinces.A });
  users.districtA1 = await user("district.a1", { role: "DISTRICT_REVIEWER", districtId: districts.A1 });
  users.districtA2 = await user("district.a2", { role: "DISTRICT_REVIEWER", districtId: districts.A2 });
  users.admin = await user("admin", { role: "ADMIN" });
  users.editorO1 = await user("editor.o1", { role: "ORG_EDITOR", organizationId: ids.o1 });
});
afterAll(() => database.close());

// ── Helpers ─────────────────────────────────────────────────────────────────────────────
type Area = { kind: "province" | "district"; id: string } | { kind: "national" };
type Filters = { yearBe: number; includeUnaccepted: boolean; districtId?: string; organizationType?: OrganizationType };
const provinceA = (): Area => ({ kind: "province", id: provinces.A });
const districtArea = (key: DistrictKey): Area => ({ kind: "district", id: districts[key] });
const FY = { yearBe: 2568, includeUnaccepted: true };
const caller = (userId: string) => callerFor(db, userId).drilldown;


type Adoption = Awaited<ReturnType<ReturnType<typeof caller>["issues"]>>;
/** [key label, organizations with measures, without, measures] per issue, with I1/I2/other labels. */
function issueCounts(adoption: Adoption, ordinals = [1, 2]) {
  return adoption.issues
    .filter((issue) => issue.ordinal === null || ordinals.includes(issue.ordinal))
    .map((issue) => [issue.ordinal === null ? "other" : `I${issue.ordinal}`, issue.organizationsWithMeasures, issue.organizationsWithout, issue.measures]);
}
/** [item label, organisations checked, share] of the items of suggested issue `ordinal` that anyone checked. */
function itemShares(adoption: Adoption, ordinal: number) {
  const issue = adoption.issues.find((candidate) => candidate.ordinal === ordinal)!;
  return issue.resultItems.map((item) => [`I${ordinal}.${item.ordinal}`, item.organizationsChecked, item.share]);
}
const indicatorCounts = (adoption: Adoption) =>
  adoption.indicators.map((indicator) => [indicator.number, indicator.organizationsWithMeasures, indicator.organizationsWithout, indicator.measures]);

// ── Level 1: drilldown.issues ───────────────────────────────────────────────────────────
describe("drilldown.issues", () => {
  it("province A, FY2568, submitted and accepted reports", async () => {
    const adoption = await caller(users.provinceA).issues({ area: provinceA(), ...FY });
    // Counted organisations: o1, o2, o3, o4 (o9 inactive) = 4. Reports: o1 ACCEPTED, o2
    // SUBMITTED, o4 ACCEPTED = 3 (o3's draft is not sent).
    expect(adoption).toMatchObject({ yearBe: 2568, organizations: 4, reports: 3, includeUnaccepted: true, containsInventedData: false });
    expect(adoption.issues).toHaveLength(8); // 7 suggested + "other"
    expect(adoption.issues.at(-1)).toMatchObject({ key: "other", title: "ประเด็นอื่น ๆ (ไม่ตรงกับประเด็นแนะนำ)", ordinal: null });
    // I1: o1 (M1, M2) and o2 (M5) → 2 organisations, 3 measures, 4 − 2 = 2 without (o3, o4;
    // o4's I1 issue has no measure). I2: o1 (M3), o4 (M8) → 2, 2 measures. other: o1 (M4).
    expect(issueCounts(adoption)).toEqual([
      ["I1", 2, 2, 3],
      ["I2", 2, 2, 2],
      ["other", 1, 3, 1],
    ]);
    expect(adoption.issues.find((issue) => issue.ordinal === 3)).toMatchObject({ organizationsWithMeasures: 0, organizationsWithout: 4, measures: 0 });
    // I1.1 checked by o1 (M1, M2) and o2 (M5) → 2/4; I1.2 only unchecked (o1) or in a draft
    // (o3) → 0; I1.3 checked by o1 (M2), unchecked by o2 → 1/4.
    expect(itemShares(adoption, 1)).toEqual([
      ["I1.1", 2, 0.5],
      ["I1.2", 0, 0],
      ["I1.3", 1, 0.25],
      ["I1.4", 0, 0],
      ["I1.5", 0, 0],
      ["I1.6", 0, 0],
    ]);
    // I2.1: o1 (M3), o4 (M8) → 2/4; I2.2: o4 → 1/4.
    expect(itemShares(adoption, 2)).toEqual([
      ["I2.1", 2, 0.5],
      ["I2.2", 1, 0.25],
      ["I2.3", 0, 0],
      ["I2.4", 0, 0],
    ]);
    // Indicators: 1 ← o1 I1 (M1, M2), o2 I1 (M5) = 2 orgs, 3 measures; 6 ← o1 I1 = 1 org, 2
    // measures (o4's I1 issue is tagged 6 but has none); 8 ← o1 (M3), o4 (M8); 9 ← o1 (M4).
    expect(indicatorCounts(adoption)).toEqual([
      [1, 2, 2, 3],
      [2, 0, 4, 0],
      [3, 0, 4, 0],
      [4, 0, 4, 0],
      [5, 0, 4, 0],
      [6, 1, 3, 2],
      [7, 0, 4, 0],
      [8, 2, 2, 2],
      [9, 1, 3, 1],
      [10, 0, 4, 0],
    ]);
    expect(adoption.indicators[0]).toMatchObject({ key: "indicator-1", nameTh: "การปฏิบัติหน้าที่" });
  });

  it("includeUnaccepted false: only accepted reports (o1, o4) count", async () => {
    const adoption = await caller(users.provinceA).issues({ area: provinceA(), yearBe: 2568, includeUnaccepted: false });
    expect(adoption).toMatchObject({ organizations: 4, reports: 2, includeUnaccepted: false });
    // I1: o1 only (M1, M2); I2 and other unchanged.
    expect(issueCounts(adoption)).toEqual([
      ["I1", 1, 3, 2],
      ["I2", 2, 2, 2],
      ["other", 1, 3, 1],
    ]);
    expect(itemShares(adoption, 1).slice(0, 3)).toEqual([
      ["I1.1", 1, 0.25],
      ["I1.2", 0, 0],
      ["I1.3", 1, 0.25],
    ]);
  });

  it("district filter A2: one organisation, o4", async () => {
    const adoption = await caller(users.provinceA).issues({ area: provinceA(), ...FY, districtId: districts.A2 });
    expect(adoption).toMatchObject({ organizations: 1, reports: 1, filters: { districtId: districts.A2, organizationType: null } });
    expect(issueCounts(adoption)).toEqual([
      ["I1", 0, 1, 0],
      ["I2", 1, 0, 1],
      ["other", 0, 1, 0],
    ]);
    expect(itemShares(adoption, 2).slice(0, 2)).toEqual([
      ["I2.1", 1, 1],
      ["I2.2", 1, 1],
    ]);
  });

  it("type filter: the town municipality o3 has only a draft, so nothing counts", async () => {
    const adoption = await caller(users.provinceA).issues({ area: provinceA(), ...FY, organizationType: "TOWN_MUNICIPALITY" });
    expect(adoption).toMatchObject({ organizations: 1, reports: 0 });
    expect(issueCounts(adoption)).toEqual([
      ["I1", 0, 1, 0],
      ["I2", 0, 1, 0],
      ["other", 0, 1, 0],
    ]);
    expect(itemShares(adoption, 1)[1]).toEqual(["I1.2", 0, 0]); // o3's draft ticks I1.2
  });

  it("a year with no reports: every organisation without, shares 0", async () => {
    const adoption = await caller(users.provinceA).issues({ area: provinceA(), yearBe: 2569, includeUnaccepted: true });
    expect(adoption).toMatchObject({ yearBe: 2569, organizations: 4, reports: 0 });
    expect(adoption.issues.every((issue) => issue.organizationsWithMeasures === 0 && issue.organizationsWithout === 4)).toBe(true);
    expect(adoption.issues.flatMap((issue) => issue.resultItems).every((item) => item.share === 0)).toBe(true);
  });

  it("a filter matching no organisation: shares are null", async () => {
    const adoption = await caller(users.provinceA).issues({ area: provinceA(), ...FY, organizationType: "PAO" });
    expect(adoption.organizations).toBe(0);
    expect(itemShares(adoption, 1)[0]).toEqual(["I1.1", 0, null]);
  });

  it("FY2567 sees only its own report (o1's M0 under other, tagged 1)", async () => {
    const adoption = await caller(users.provinceA).issues({ area: provinceA(), yearBe: 2567, includeUnaccepted: true });
    expect(adoption).toMatchObject({ organizations: 4, reports: 1 });
    expect(adoption.issues.at(-1)).toMatchObject({ key: "other", organizationsWithMeasures: 1, measures: 1 });
    expect(indicatorCounts(adoption)[0]).toEqual([1, 1, 3, 1]);
  });

  it("the country for an admin adds b1 (5 organisations)", async () => {
    const adoption = await caller(users.admin).issues({ area: { kind: "national" }, ...FY });
    expect(adoption).toMatchObject({ organizations: 5, reports: 4 });
    // I1: o1, o2, b1 → 3 of 5; I1.1 checked by o1, o2, b1 → 3/5.
    expect(issueCounts(adoption)[0]).toEqual(["I1", 3, 2, 4]);
    expect(itemShares(adoption, 1)[0]).toEqual(["I1.1", 3, 3 / 5]);
  });

  it("a district reviewer sees their district; another district or its filter is refused", async () => {
    const adoption = await caller(users.districtA1).issues({ area: districtArea("A1"), ...FY });
    expect(adoption).toMatchObject({ organizations: 3, reports: 2 }); // o1, o2, o3; reports o1, o2
    expect((await refusal(caller(users.districtA1).issues({ area: districtArea("A2"), ...FY }))).code).toBe("NOT_FOUND");
    expect((await refusal(caller(users.districtA1).issues({ area: districtArea("A1"), ...FY, districtId: districts.A2 }))).code).toBe("NOT_FOUND");
    expect((await refusal(caller(users.provinceA).issues({ area: provinceA(), ...FY, districtId: districts.B1 }))).code).toBe("NOT_FOUND");
    expect((await refusal(caller(users.editorO1).issues({ area: districtArea("A1"), ...FY }))).code).toBe("NOT_FOUND");
  });

  it("an unknown fiscal year is NOT_FOUND", async () => {
    expect((await refusal(caller(users.provinceA).issues({ area: provinceA(), yearBe: 2599, includeUnaccepted: true }))).code).toBe("NOT_FOUND");
  });
});

// ── Level 2: drilldown.issue ────────────────────────────────────────────────────────────
describe("drilldown.issue", () => {
  it("I1 across province A: who has measures, who has nothing and why, item adoption", async () => {
    const issue = await caller(users.provinceA).issue({ area: provinceA(), ...FY, issueKey: catalogue.I1! });
    expect(issue.issue).toMatchObject({ key: catalogue.I1, kind: "suggested", title: "กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ" });
    expect(issue).toMatchObject({ organizations: 4, reports: 3, organizationsWithMeasures: 2, measures: 3 });
    // o1: M1 (I1.1 ✓, own text ✓) + M2 (I1.1 ✓, I1.3 ✓) = 4 ticked; o2: M5 (I1.1 ✓) = 1.
    const byKey = Object.fromEntries(issue.rows.map((row) => [keyOf.get(row.id), [row.measures, row.resultsChecked, row.reportStatus]]));
    expect(byKey).toEqual({ o1: [2, 4, "ACCEPTED"], o2: [1, 1, "SUBMITTED"] });
    expect(Object.fromEntries(issue.without.map((row) => [keyOf.get(row.id), row.reason]))).toEqual({ o3: "NO_REPORT", o4: "NO_MEASURES" });
    expect(issue.resultItems.map((item) => [item.ordinal, item.organizationsChecked, item.share])).toEqual([
      [1, 2, 0.5],
      [2, 0, 0],
      [3, 1, 0.25],
      [4, 0, 0],
      [5, 0, 0],
      [6, 0, 0],
    ]);
  });

  it("an indicator key and the other key", async () => {
    const indicator6 = await caller(users.provinceA).issue({ area: provinceA(), ...FY, issueKey: "indicator-6" });
    expect(indicator6.issue).toMatchObject({ key: "indicator-6", kind: "indicator", title: "ตัวชี้วัดที่ 6 คุณภาพการดำเนินงาน" });
    expect(indicator6.rows.map((row) => [keyOf.get(row.id), row.measures])).toEqual([["o1", 2]]);
    expect(indicator6.resultItems).toEqual([]);
    const other = await caller(users.provinceA).issue({ area: provinceA(), ...FY, issueKey: "other" });
    expect(other.rows.map((row) => [keyOf.get(row.id), row.measures, row.resultsChecked])).toEqual([["o1", 1, 1]]);
    expect(other.without).toHaveLength(3);
  });

  it("includeUnaccepted false moves o2 to the organisations without a counted report", async () => {
    const issue = await caller(users.provinceA).issue({ area: provinceA(), yearBe: 2568, includeUnaccepted: false, issueKey: catalogue.I1! });
    expect(issue.rows.map((row) => keyOf.get(row.id))).toEqual(["o1"]);
    expect(Object.fromEntries(issue.without.map((row) => [keyOf.get(row.id), row.reason]))).toEqual({ o2: "NO_REPORT", o3: "NO_REPORT", o4: "NO_MEASURES" });
  });

  it("a key of another year, an unknown indicator or an unknown id is NOT_FOUND", async () => {
    const i1of2567 = (await db.suggestedIssue.findFirstOrThrow({ where: { ordinal: 1, fiscalYear: { yearBe: 2567 } } })).id;
    for (const issueKey of [i1of2567, "indicator-11", "indicator-0", "no-such-issue"]) {
      expect((await refusal(caller(users.provinceA).issue({ area: provinceA(), ...FY, issueKey }))).code).toBe("NOT_FOUND");
    }
  });
});

// ── Level 3: drilldown.organizationMeasures ─────────────────────────────────────────────
describe("drilldown.organizationMeasures", () => {
  it("o1's measures under I1, in report order, with results ticked", async () => {
    const result = await caller(users.provinceA).organizationMeasures({ area: provinceA(), ...FY, issueKey: catalogue.I1!, organizationId: ids.o1 });
    expect(result.organization).toMatchObject({ id: ids.o1, nameTh: "อบต.หนึ่ง", district: { id: districts.A1 } });
    expect(result.report).toMatchObject({ id: reportIds.o1, status: "ACCEPTED" });
    // M1: 3 items, 2 ticked; M2: 2 items, 2 ticked.
    expect(result.measures.map((m) => [m.id, m.title, m.resultsChecked, m.resultItems, m.issueTitle])).toEqual([
      [measures.M1, "มาตรการ M1", 2, 3, "ประเด็น I1 ของ o1"],
      [measures.M2, "มาตรการ M2", 2, 2, "ประเด็น I1 ของ o1"],
    ]);
    expect(result.measures[0]).toMatchObject({ responsibleUnits: ["สำนักปลัด", "กองคลัง"], periodStart: new Date("2024-10-01T00:00:00Z") });
  });

  it("o4 under I1: a counted report with no measure gives an empty list", async () => {
    const result = await caller(users.provinceA).organizationMeasures({ area: provinceA(), ...FY, issueKey: catalogue.I1!, organizationId: ids.o4 });
    expect(result.measures).toEqual([]);
  });

  it("an organisation outside the area, the filters or the counted reports is NOT_FOUND", async () => {
    const ask = (userId: string, area: Area, organizationId: string, filters: Partial<Filters> = {}) =>
      refusal(caller(userId).organizationMeasures({ area, ...FY, ...filters, issueKey: catalogue.I1!, organizationId }));
    expect((await ask(users.provinceA, provinceA(), ids.b1)).code).toBe("NOT_FOUND"); // other province
    expect((await ask(users.provinceA, provinceA(), ids.o3)).code).toBe("NOT_FOUND"); // a draft only
    expect((await ask(users.provinceA, provinceA(), ids.o9)).code).toBe("NOT_FOUND"); // inactive
    expect((await ask(users.provinceA, provinceA(), ids.o1, { districtId: districts.A2 })).code).toBe("NOT_FOUND"); // district filter
    expect((await ask(users.provinceA, provinceA(), ids.o1, { organizationType: "TOWN_MUNICIPALITY" })).code).toBe("NOT_FOUND"); // type filter
    expect((await ask(users.provinceA, provinceA(), ids.o2, { includeUnaccepted: false })).code).toBe("NOT_FOUND"); // SUBMITTED only
    expect((await ask(users.districtA1, districtArea("A1"), ids.o4)).code).toBe("NOT_FOUND"); // another district
    expect((await ask(users.provinceA, provinceA(), "no-such-organization")).code).toBe("NOT_FOUND");
    const i1of2567 = (await db.suggestedIssue.findFirstOrThrow({ where: { ordinal: 1, fiscalYear: { yearBe: 2567 } } })).id;
    const wrongKey = caller(users.provinceA).organizationMeasures({ area: provinceA(), ...FY, issueKey: i1of2567, organizationId: ids.o1 });
    expect((await refusal(wrongKey)).code).toBe("NOT_FOUND");
  });
});

// ── Levels 2–4: drilldown.titles ────────────────────────────────────────────────────────
describe("drilldown.titles", () => {
  it("names what each level's data names, and refuses what that data refuses", async () => {
    const ask = caller(users.provinceA);
    const base = { area: provinceA(), ...FY, issueKey: catalogue.I1! };
    const level2 = await ask.issue(base);
    expect(await ask.titles(base)).toEqual({ issue: level2.issue, organization: null, measure: null });
    const level3 = await ask.organizationMeasures({ ...base, organizationId: ids.o1 });
    expect(await ask.titles({ ...base, organizationId: ids.o1 })).toEqual({ issue: level3.issue, organization: level3.organization, measure: null });
    const level4 = await ask.measure({ ...base, organizationId: ids.o1, measureId: measures.M1! });
    expect(await ask.titles({ ...base, organizationId: ids.o1, measureId: measures.M1! })).toEqual({
      issue: level4.issue,
      organization: level4.organization,
      measure: { id: measures.M1, title: level4.measure.title, issueTitle: level4.measure.issueTitle },
    });

    const refused = async (input: Partial<Filters & { issueKey: string; organizationId: string; measureId: string }>) =>
      (await refusal(ask.titles({ ...base, ...input }))).code;
    expect(await refused({ issueKey: "no-such-issue" })).toBe("NOT_FOUND");
    expect(await refused({ issueKey: "indicator-11" })).toBe("NOT_FOUND");
    expect(await refused({ organizationId: ids.b1 })).toBe("NOT_FOUND"); // other province
    expect(await refused({ organizationId: ids.o3 })).toBe("NOT_FOUND"); // a draft only
    expect(await refused({ organizationId: ids.o2, includeUnaccepted: false })).toBe("NOT_FOUND"); // SUBMITTED only
    expect(await refused({ organizationId: "no-such-organization" })).toBe("NOT_FOUND");
    expect(await refused({ organizationId: ids.o2, measureId: measures.M1! })).toBe("NOT_FOUND"); // M1 is o1's
    expect(await refused({ organizationId: ids.o1, measureId: measures.M3! })).toBe("NOT_FOUND"); // M3 is under I2
    expect(await refused({ organizationId: ids.o1, measureId: measures.M0! })).toBe("NOT_FOUND"); // FY2567's
    expect(await refused({ measureId: measures.M1! })).toBe("BAD_REQUEST"); // a measure needs its organisation
    const otherDistrict = caller(users.districtA1).titles({ area: districtArea("A1"), ...FY, issueKey: catalogue.I2!, organizationId: ids.o4 });
    expect((await refusal(otherDistrict)).code).toBe("NOT_FOUND");
  });
});

// ── Level 4: drilldown.measure ──────────────────────────────────────────────────────────
describe("drilldown.measure", () => {
  it("M1 in full, with a link to the report the caller may read", async () => {
    const result = await caller(users.districtA1).measure({
      area: districtArea("A1"),
      ...FY,
      issueKey: catalogue.I1!,
      organizationId: ids.o1,
      measureId: measures.M1!,
    });
    expect(result.report).toEqual({ id: reportIds.o1, status: "ACCEPTED", origin: "REAL", readable: true });
    expect(result.measure).toMatchObject({
      id: measures.M1,
      title: "มาตรการ M1",
      issueTitle: "ประเด็น I1 ของ o1",
      steps: ["ขั้นที่หนึ่งของ M1", "ขั้นที่สองของ M1"],
      responsibleUnits: ["สำนักปลัด", "กองคลัง"],
      outcomes: ["ผลลัพธ์ของ M1"],
      evidenceLinks: [{ url: "https://example.org/evidence", label: "หลักฐาน" }],
    });
    expect(result.measure.resultItems).toEqual([
      { text: "ข้อ I1.1", checked: true, standard: true },
      { text: "ข้อ I1.2", checked: false, standard: true },
      { text: "ข้อความของเราเอง", checked: true, standard: false },
    ]);
    // The same measure reached through its indicator tag.
    const viaIndicator = await caller(users.provinceA).measure({ area: provinceA(), ...FY, issueKey: "indicator-6", organizationId: ids.o1, measureId: measures.M1! });
    expect(viaIndicator.measure.id).toBe(measures.M1);
  });

  it("a measure outside the organisation, the key, the filters or the counted reports is NOT_FOUND", async () => {
    const ask = (userId: string, area: Area, organizationId: string, measureKey: string, extra: Partial<Filters & { issueKey: string }> = {}) =>
      refusal(
        caller(userId).measure({ area, ...FY, issueKey: catalogue.I1!, ...extra, organizationId, measureId: measures[measureKey] ?? measureKey }),
      );
    expect((await ask(users.provinceA, provinceA(), ids.o2, "M1")).code).toBe("NOT_FOUND"); // M1 is o1's
    expect((await ask(users.provinceA, provinceA(), ids.o1, "M3")).code).toBe("NOT_FOUND"); // M3 is under I2
    expect((await ask(users.provinceA, provinceA(), ids.o1, "M1", { issueKey: "other" })).code).toBe("NOT_FOUND");
    expect((await ask(users.provinceA, provinceA(), ids.o3, "M6")).code).toBe("NOT_FOUND"); // draft
    expect((await ask(users.provinceA, provinceA(), ids.o9, "M7")).code).toBe("NOT_FOUND"); // inactive
    expect((await ask(users.provinceA, provinceA(), ids.b1, "M9")).code).toBe("NOT_FOUND"); // other province
    expect((await ask(users.provinceA, provinceA(), ids.o1, "M0")).code).toBe("NOT_FOUND"); // FY2567's
    expect((await ask(users.provinceA, provinceA(), ids.o1, "M1", { districtId: districts.A2 })).code).toBe("NOT_FOUND");
    expect((await ask(users.provinceA, provinceA(), ids.o2, "M5", { includeUnaccepted: false })).code).toBe("NOT_FOUND");
    expect((await ask(users.provinceA, provinceA(), ids.o1, "no-such-measure")).code).toBe("NOT_FOUND");
    // A district reviewer editing the URL to another district's organisation and measure.
    expect((await ask(users.districtA1, districtArea("A1"), ids.o4, "M8", { issueKey: catalogue.I2! })).code).toBe("NOT_FOUND");
    expect((await ask(users.districtA1, districtArea("A1"), ids.o1, "M8", { issueKey: catalogue.I2! })).code).toBe("NOT_FOUND");
    expect((await ask(users.districtA1, districtArea("A2"), ids.o4, "M8", { issueKey: catalogue.I2! })).code).toBe("NOT_FOUND");
    // ...while its own reviewer reads it.
    const own = await caller(users.districtA2).measure({ area: districtArea("A2"), ...FY, issueKey: catalogue.I2!, organizationId: ids.o4, measureId: measures.M8! });
    expect(own.measure.resultItems.map((item) => item.checked)).toEqual([true, true]);
  });
});
