// insight.organization and insight.area (peer insight, issue 16 item 2) on a small fixed
// dataset. Every expected number is worked out by hand in the comments; none comes from the code.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db/client";
import type { OrganizationType, ReportStatus, ScoreSource } from "@/server/db/generated/enums";
import { recordAdoptions } from "@/server/services/reports/adoptions";
import { openTestDatabase, type TestDatabase } from "./helpers/db";
import { callerFor, createFiscalYears, createTestAreas, refusal } from "./helpers/fixtures";

// ── The dataset ─────────────────────────────────────────────────────────────────────────
// Province A: SAO s1…s9, the inactive SAO x1, the town municipality t1. Province B: SAO b1, b2
// and the subdistrict municipalities c1…c9 (enough organisations for shown means, MIN_GROUP 5).
// FY2567's seeded catalogue: issue 1 (I1, items I1.1…) and issue 2 (I2, items I2.1…).
const C_KEYS = ["c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9"] as const;
type OrgKey = "s1" | "s2" | "s3" | "s4" | "s5" | "s6" | "s7" | "s8" | "s9" | "x1" | "t1" | "b1" | "b2" | (typeof C_KEYS)[number];
const ORGANIZATIONS: { key: OrgKey; province: "A" | "B"; type: OrganizationType; active?: false }[] = [
  ...(["s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9"] as const).map((key) => ({ key, province: "A" as const, type: "SAO" as const })),
  { key: "x1", province: "A", type: "SAO", active: false },
  { key: "t1", province: "A", type: "TOWN_MUNICIPALITY" },
  { key: "b1", province: "B", type: "SAO" },
  { key: "b2", province: "B", type: "SAO" },
  ...C_KEYS.map((key) => ({ key, province: "B" as const, type: "SUBDISTRICT_MUNICIPALITY" as const })),
];

// [organisation, year, total, source, confirmed]
const SCORES: [OrgKey, number, number, ScoreSource, boolean?][] = [
  ["s1", 2567, 95, "PROVINCE_ENTERED"],
  ["s2", 2567, 90, "PROVINCE_ENTERED"],
  ["s3", 2567, 90, "IMPORTED_FILE"],
  ["s4", 2567, 90, "PROVINCE_ENTERED"],
  ["s5", 2567, 80, "PROVINCE_ENTERED"],
  ["s6", 2567, 75, "PROVINCE_ENTERED"],
  ["s7", 2567, 70, "PROVINCE_ENTERED"],
  ["s8", 2567, 60, "PROVINCE_ENTERED"],
  ["s9", 2567, 99, "ORGANIZATION_REPORTED"], // unconfirmed: never counts
  ["x1", 2567, 98, "PROVINCE_ENTERED"], // inactive
  ["t1", 2567, 80, "PROVINCE_ENTERED"], // another type
  ["b1", 2567, 97, "PROVINCE_ENTERED"],
  ["b2", 2567, 50, "PROVINCE_ENTERED"],
  ["s1", 2568, 93.5, "PROVINCE_ENTERED"], // −1.50
  ["s2", 2568, 99, "PROVINCE_ENTERED"],
  ["s4", 2568, 96.5, "ORGANIZATION_REPORTED", true], // confirmed: counts, +6.50
  ["s5", 2568, 90, "ORGANIZATION_REPORTED"], // unconfirmed: s5 has no move
  ["s6", 2568, 85, "PROVINCE_ENTERED"],
  ["s8", 2568, 62, "PROVINCE_ENTERED"], // +2.00
  ["t1", 2568, 84, "PROVINCE_ENTERED"], // +4.00
  ["b1", 2568, 97, "PROVINCE_ENTERED"], // 0.00
  // c1…c9: 80 in FY2567, 80 + k in FY2568 (ck moves +k.00).
  ...C_KEYS.flatMap((key, index): [OrgKey, number, number, ScoreSource][] => [
    [key, 2567, 80, "PROVINCE_ENTERED"],
    [key, 2568, 81 + index, "PROVINCE_ENTERED"],
  ]),
];

// FY2567 reports: per issue ("I1", "I2"), the measures' items [item, checked].
type Issues = Partial<Record<"I1" | "I2", [string, boolean][][]>>;
const REPORTS: { org: OrgKey; status: ReportStatus; issues: Issues }[] = [
  { org: "s1", status: "ACCEPTED", issues: { I1: [[["I1.1", true], ["I1.2", true], ["I1.3", false]]], I2: [[["I2.1", true]]] } },
  { org: "s2", status: "RETURNED", issues: { I1: [[["I1.3", true], ["I1.1", true]]] } },
  { org: "s3", status: "DRAFT", issues: { I1: [[["I1.3", true]]] } },
  { org: "s4", status: "ACCEPTED", issues: { I1: [[["I1.1", true]]], I2: [[["I2.1", true]], [["I2.2", true]]] } },
  { org: "s5", status: "ACCEPTED", issues: { I1: [[["I1.2", true]]] } },
  { org: "s6", status: "SUBMITTED", issues: { I1: [[["I1.1", true]]] } },
  { org: "s8", status: "ACCEPTED", issues: { I1: [[["I1.2", true]]] } },
  { org: "s9", status: "ACCEPTED", issues: { I1: [[["I1.4", true]]] } },
  { org: "x1", status: "ACCEPTED", issues: { I1: [[["I1.5", true]]] } },
  { org: "t1", status: "ACCEPTED", issues: { I1: [[["I1.3", true]]] } },
  { org: "b1", status: "ACCEPTED", issues: { I1: [[["I1.4", true]]] } },
  // c1…c5 checked I1.1, c6…c9 left I1.2 unchecked: all have a measure under I1.
  ...C_KEYS.map((org, index) => ({ org, status: "ACCEPTED" as const, issues: { I1: [index < 5 ? [["I1.1", true]] : [["I1.2", false]]] } as Issues })),
];

let database: TestDatabase;
let db: Db;
const ids = {} as Record<OrgKey, string>;
const catalogue = {} as Record<string, string>; // "I1" → suggested issue id, "I1.3" → item id
const users = {} as Record<"editorS8" | "editorS2" | "editorT1" | "editorB1" | "editorC9" | "provinceA" | "provinceB", string>;
let provinceA = "";
let provinceB = "";

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
  await createFiscalYears(db, [2567, 2568]);
  const areas = await createTestAreas(db);
  provinceA = areas.provinces.A;
  provinceB = areas.provinces.B;
  for (const [index, o] of ORGANIZATIONS.entries()) {
    const districtId = o.province === "A" ? areas.districts[index % 2 ? "A2" : "A1"].id : areas.districts.B1.id;
    ids[o.key] = (await db.localOrganization.create({ data: { dlaCode: `I${index}`, nameTh: `อปท.${o.key}`, type: o.type, districtId, active: o.active ?? true } })).id;
  }
  const years = await db.fiscalYear.findMany({ include: { suggestedIssues: { include: { resultItems: true } } } });
  const year2567 = years.find((year) => year.yearBe === 2567)!;
  for (const issue of year2567.suggestedIssues) {
    catalogue[`I${issue.ordinal}`] = issue.id;
    for (const item of issue.resultItems) catalogue[`I${issue.ordinal}.${item.ordinal}`] = item.id;
  }
  for (const [org, yearBe, total, source, confirmed] of SCORES) {
    const year = years.find((candidate) => candidate.yearBe === yearBe)!;
    await db.itaResult.create({
      data: { organizationId: ids[org], fiscalYearId: year.id, total, source, confirmedAt: confirmed ? new Date() : null },
    });
  }
  const reportIds: string[] = [];
  for (const report of REPORTS) {
    const { id } = await db.yearlyReport.create({
      data: {
        organizationId: ids[report.org],
        fiscalYearId: year2567.id,
        status: report.status,
        issuingSection: "ส",
        subject: "ร",
        addressee: "น",
        issues: {
          create: Object.entries(report.issues).map(([issue, measures], issueIndex) => ({
            ordinal: issueIndex + 1,
            title: `ประเด็น ${issue}`,
            indicatorNumbers: [1],
            suggestedIssueId: catalogue[issue]!,
            measures: {
              create: measures.map((items, measureIndex) => ({
                ordinal: measureIndex + 1,
                title: `มาตรการ ${measureIndex + 1}`,
                steps: [],
                periodStart: new Date("2023-10-01T00:00:00Z"),
                periodEnd: new Date("2024-09-30T00:00:00Z"),
                responsibleUnits: [],
                outcomes: [],
                resultItems: {
                  create: items.map(([item, checked], itemIndex) => ({ ordinal: itemIndex + 1, text: item, checked, standardItemId: catalogue[item]! })),
                },
              })),
            },
          })),
        },
      },
      select: { id: true },
    });
    reportIds.push(id);
  }
  // Written as accepted, not accepted through the workflow: stored as acceptance stores them.
  await recordAdoptions(db, { reports: reportIds });
  const user = async (username: string, grant: Record<string, unknown>) =>
    (await db.user.create({ data: { username, displayName: username, passwordHash: "x", roles: { create: grant as never } } })).id;
  users.editorS8 = await user("editor.s8", { role: "ORG_EDITOR", organizationId: ids.s8 });
  users.editorS2 = await user("editor.s2", { role: "ORG_EDITOR", organizationId: ids.s2 });
  users.editorT1 = await user("editor.t1", { role: "ORG_EDITOR", organizationId: ids.t1 });
  users.editorB1 = await user("editor.b1", { role: "ORG_EDITOR", organizationId: ids.b1 });
  users.editorC9 = await user("editor.c9", { role: "ORG_EDITOR", organizationId: ids.c9 });
  users.provinceA = await user("province.a", { role: "PROVINCE_REVIEWER", provinceId: areas.provinces.A });
  users.provinceB = await user("province.b", { role: "PROVINCE_REVIEWER", provinceId: areas.provinces.B });
});
afterAll(() => database.close());

const itemsOf = (answer: { issues: { id: string; items: { id: string; adopters: number; share: number; move: unknown }[] }[] }, issue: string) =>
  answer.issues.find((candidate) => candidate.id === catalogue[issue])!.items.map(({ id, adopters, share, move }) => ({
    item: Object.keys(catalogue).find((key) => catalogue[key] === id),
    adopters,
    share,
    move,
  }));

describe("insight.organization", () => {
  it("the province's top quartile: ties at the edge all in, only accepted reports and counted scores, what s8 did not adopt", async () => {
    // Comparable: active SAO of province A with a counted FY2567 score: s1…s8 = 8 (s9 unconfirmed,
    // x1 inactive, t1 a town municipality). ceil(8 ÷ 4) = 2; ranks s1 1, s2 s3 s4 2 → top = 4.
    // Accepted reports in the top: s1 (I1.1, I1.2, I2.1; I1.3 unchecked), s4 (I1.1, I2.1, I2.2);
    // s2 is returned, s3 a draft: nothing of theirs counts. s8 adopted I1.2: not listed.
    // Moves: s1 93.50 − 95 = −1.50, s4 96.50 − 90 = +6.50 (confirmed) → I1.1, I2.1: n 2 (mean 2.50),
    // fewer than 5 organisations: the mean is withheld (tooFew), only n is told.
    const answer = await callerFor(db, users.editorS8).insight.organization({ organizationId: ids.s8, yearBe: 2567, peers: "province" });
    expect(answer).toMatchObject({ groupSize: 8, tooFew: false, topQuartileSize: 4, topQuartileMinTotal: 90, hasAcceptedReport: true, organizationType: "SAO" });
    expect(answer.issues.map((issue) => issue.ordinal).slice(0, 2)).toEqual([1, 2]);
    expect(itemsOf(answer, "I1")).toEqual([{ item: "I1.1", adopters: 2, share: 0.5, move: { n: 2, mean: null, tooFew: true } }]);
    expect(itemsOf(answer, "I2")).toEqual([
      { item: "I2.1", adopters: 2, share: 0.5, move: { n: 2, mean: null, tooFew: true } },
      { item: "I2.2", adopters: 1, share: 0.25, move: { n: 1, mean: null, tooFew: true } },
    ]);
    // Aggregates only: no other organisation's id or name.
    const text = JSON.stringify(answer);
    for (const key of Object.keys(ids) as OrgKey[]) {
      if (key !== "s8") expect(text).not.toContain(ids[key]);
      expect(text).not.toContain(`อปท.${key}`);
    }
  });

  it("an organisation's own returned report adopts nothing: I1.1 is listed for s2", async () => {
    const answer = await callerFor(db, users.editorS2).insight.organization({ organizationId: ids.s2, yearBe: 2567, peers: "province" });
    expect(answer.hasAcceptedReport).toBe(false);
    expect(itemsOf(answer, "I1")).toEqual([
      { item: "I1.1", adopters: 2, share: 0.5, move: { n: 2, mean: null, tooFew: true } },
      { item: "I1.2", adopters: 1, share: 0.25, move: { n: 1, mean: null, tooFew: true } },
    ]);
  });

  it("the country: SAO of both provinces", async () => {
    // s1…s8, b1, b2 = 10 → ceil(10 ÷ 4) = 3; ranks b1 97 → 1, s1 95 → 2, s2 s3 s4 90 → 3: top = 5.
    // I1.1: s1, s4 → 2/5; I1.4: b1 (accepted; s9's does not count) → 1/5, move 97 − 97 = 0 over
    // one organisation: withheld. (c1…c9 are subdistrict municipalities: not comparable.)
    const answer = await callerFor(db, users.editorS8).insight.organization({ organizationId: ids.s8, yearBe: 2567, peers: "national" });
    expect(answer).toMatchObject({ groupSize: 10, topQuartileSize: 5, topQuartileMinTotal: 90 });
    expect(itemsOf(answer, "I1")).toEqual([
      { item: "I1.1", adopters: 2, share: 0.4, move: { n: 2, mean: null, tooFew: true } },
      { item: "I1.4", adopters: 1, share: 0.2, move: { n: 1, mean: null, tooFew: true } },
    ]);
  });

  it("a score move over at least 5 top-quartile adopters is shown", async () => {
    // Subdistrict municipalities of province B: c1…c9, all 80 → 9, ceil(9 ÷ 4) = 3, all rank 1: top = 9.
    // I1.1: c1…c5 → 5/9, moves +1…+5 = 15.00 / 5 = 3.00. c9 left I1.2 unchecked: adopted nothing.
    const answer = await callerFor(db, users.editorC9).insight.organization({ organizationId: ids.c9, yearBe: 2567, peers: "province" });
    expect(answer).toMatchObject({ groupSize: 9, topQuartileSize: 9, topQuartileMinTotal: 80, organizationType: "SUBDISTRICT_MUNICIPALITY" });
    expect(itemsOf(answer, "I1")).toEqual([{ item: "I1.1", adopters: 5, share: 5 / 9, move: { n: 5, mean: 3, tooFew: false } }]);
  });

  it("fewer than 5 comparable organisations: too few, nothing told", async () => {
    // t1 is the only town municipality; province B has 2 SAO.
    for (const [user, organizationId, peers] of [
      [users.editorT1, ids.t1, "national"],
      [users.editorB1, ids.b1, "province"],
    ] as const) {
      const answer = await callerFor(db, user).insight.organization({ organizationId, yearBe: 2567, peers });
      expect(answer).toMatchObject({ tooFew: true, topQuartileSize: 0, topQuartileMinTotal: null });
      expect(answer.groupSize).toBe(organizationId === ids.t1 ? 1 : 2);
      expect(answer.issues.every((issue) => issue.items.length === 0)).toBe(true);
    }
  });

  it("another year has its own group; a missing year is a Thai NOT_FOUND; another's organisation is NOT_FOUND", async () => {
    expect((await callerFor(db, users.editorS8).insight.organization({ organizationId: ids.s8, yearBe: 2568, peers: "province" })).tooFew).toBe(false);
    const error = await refusal(callerFor(db, users.editorS8).insight.organization({ organizationId: ids.s8, yearBe: 2590, peers: "province" }));
    expect([error.code, error.message]).toEqual(["NOT_FOUND", "ไม่มีปีงบประมาณ 2590 ในระบบ"]);
    expect((await refusal(callerFor(db, users.editorS8).insight.organization({ organizationId: ids.s1, yearBe: 2567, peers: "province" }))).code).toBe("NOT_FOUND");
  });

  it("a newly confirmed score counts at once (the cache follows the data versions)", async () => {
    const before = await callerFor(db, users.editorS8).insight.organization({ organizationId: ids.s8, yearBe: 2567, peers: "province" });
    expect(before.groupSize).toBe(8);
    const year = await db.fiscalYear.findUniqueOrThrow({ where: { yearBe: 2567 } });
    await db.itaResult.update({ where: { organizationId_fiscalYearId: { organizationId: ids.s9, fiscalYearId: year.id } }, data: { confirmedAt: new Date() } });
    try {
      // s9 (99) joins: 9 → ceil(9/4) = 3, ranks s9 1, s1 2, s2 s3 s4 3 → top 5; s9's accepted I1.4 now counts (no FY2568 score: n 0).
      const after = await callerFor(db, users.editorS8).insight.organization({ organizationId: ids.s8, yearBe: 2567, peers: "province" });
      expect(after).toMatchObject({ groupSize: 9, topQuartileSize: 5, topQuartileMinTotal: 90 });
      expect(itemsOf(after, "I1")).toEqual([
        { item: "I1.1", adopters: 2, share: 0.4, move: { n: 2, mean: null, tooFew: true } },
        { item: "I1.4", adopters: 1, share: 0.2, move: { n: 0, mean: null, tooFew: false } },
      ]);
    } finally {
      await db.itaResult.update({ where: { organizationId_fiscalYearId: { organizationId: ids.s9, fiscalYearId: year.id } }, data: { confirmedAt: null } });
    }
  });
});

describe("insight.area", () => {
  const rowsOf = (answer: { rows: { id: string; adopters: unknown; others: unknown; difference: number | null }[] }, keys: string[]) =>
    keys.map((key) => {
      const row = answer.rows.find((candidate) => candidate.id === catalogue[key])!;
      return { key, adopters: row.adopters, others: row.others, difference: row.difference };
    });

  it("province A: adopters' and the others' score moves per issue and item, accepted reports with both counted scores only", async () => {
    // Counted: accepted FY2567 report and counted scores of both years: s1 −1.50, s4 +6.50,
    // s8 +2.00, t1 +4.00 (s5's FY2568 is unconfirmed, s9's FY2567 too, x1 inactive, s2 returned,
    // s6 submitted, s3 a draft). n 4, sum 11.00 → 2.75, but 4 < 5: withheld. Every row then has a
    // side of fewer than 5, so every mean is withheld; the counts (hand-computed) are still told.
    const answer = await callerFor(db, users.provinceA).insight.area({ area: { kind: "province", id: provinceA }, yearBe: 2567 });
    expect(answer).toMatchObject({ organizations: 10, counted: 4, overall: { n: 4, mean: null, tooFew: true } });
    expect(rowsOf(answer, ["I1", "I2", "I1.1", "I1.2", "I1.3", "I1.4", "I2.1", "I2.2"])).toEqual([
      // Everyone counted has a measure under I1: nobody to compare with (4 adopters: withheld).
      { key: "I1", adopters: { n: 4, mean: null, tooFew: true }, others: { n: 0, mean: null, tooFew: false }, difference: null },
      // I2: s1, s4 vs s8, t1 (means 2.50 and 3.00 over 2 each: withheld).
      { key: "I2", adopters: { n: 2, mean: null, tooFew: true }, others: { n: 2, mean: null, tooFew: true }, difference: null },
      { key: "I1.1", adopters: { n: 2, mean: null, tooFew: true }, others: { n: 2, mean: null, tooFew: true }, difference: null },
      // s1, s8 vs s4, t1.
      { key: "I1.2", adopters: { n: 2, mean: null, tooFew: true }, others: { n: 2, mean: null, tooFew: true }, difference: null },
      // t1 vs s1, s4, s8.
      { key: "I1.3", adopters: { n: 1, mean: null, tooFew: true }, others: { n: 3, mean: null, tooFew: true }, difference: null },
      // Nobody vs the 4: the others' mean is the overall one, withheld too.
      { key: "I1.4", adopters: { n: 0, mean: null, tooFew: false }, others: { n: 4, mean: null, tooFew: true }, difference: null },
      { key: "I2.1", adopters: { n: 2, mean: null, tooFew: true }, others: { n: 2, mean: null, tooFew: true }, difference: null },
      // s4 vs s1, s8, t1.
      { key: "I2.2", adopters: { n: 1, mean: null, tooFew: true }, others: { n: 3, mean: null, tooFew: true }, difference: null },
    ]);
    expect(answer.rows[0]).toMatchObject({ kind: "issue", label: "1" });
    expect(answer.rows[1]).toMatchObject({ kind: "item", label: "1.1" });
  });

  it("narrowed to SAO: t1 leaves", async () => {
    // s1 −1.50, s4 +6.50, s8 +2.00: 7.00 / 3 over 3 organisations: withheld.
    const answer = await callerFor(db, users.provinceA).insight.area({ area: { kind: "province", id: provinceA }, yearBe: 2567, organizationType: "SAO" });
    expect(answer).toMatchObject({ counted: 3, overall: { n: 3, mean: null, tooFew: true } });
    expect(rowsOf(answer, ["I1.3"])).toEqual([{ key: "I1.3", adopters: { n: 0, mean: null, tooFew: false }, others: { n: 3, mean: null, tooFew: true }, difference: null }]);
  });

  it("province B: means over at least 5 organisations are shown, a side of fewer withholds both", async () => {
    // Active: b1, b2, c1…c9 = 11. Counted (accepted FY2567 report, both scores): b1 0.00, ck +k.00
    // (b2 has no report) → n 10, sum 45.00 → 4.50.
    const answer = await callerFor(db, users.provinceB).insight.area({ area: { kind: "province", id: provinceB }, yearBe: 2567 });
    expect(answer).toMatchObject({ organizations: 11, counted: 10, overall: { n: 10, mean: 4.5, tooFew: false } });
    expect(rowsOf(answer, ["I1", "I1.1", "I1.2", "I1.4", "I2"])).toEqual([
      // All 10 have a measure under I1; nobody is left to compare with.
      { key: "I1", adopters: { n: 10, mean: 4.5, tooFew: false }, others: { n: 0, mean: null, tooFew: false }, difference: null },
      // c1…c5: 15.00 / 5 = 3.00 vs b1, c6…c9: (0 + 6 + 7 + 8 + 9) / 5 = 6.00 → −3.00.
      { key: "I1.1", adopters: { n: 5, mean: 3, tooFew: false }, others: { n: 5, mean: 6, tooFew: false }, difference: -3 },
      // Only unchecked: nobody adopted it.
      { key: "I1.2", adopters: { n: 0, mean: null, tooFew: false }, others: { n: 10, mean: 4.5, tooFew: false }, difference: null },
      // b1 alone (0.00) vs 9 (45.00 / 9 = 5.00): b1's move would be 10 × 4.50 − 9 × 5.00, so both are withheld.
      { key: "I1.4", adopters: { n: 1, mean: null, tooFew: true }, others: { n: 9, mean: null, tooFew: true }, difference: null },
      { key: "I2", adopters: { n: 0, mean: null, tooFew: false }, others: { n: 10, mean: 4.5, tooFew: false }, difference: null },
    ]);
  });

  it("another province's reviewer and an organisation's preparer are refused", async () => {
    expect((await refusal(callerFor(db, users.provinceB).insight.area({ area: { kind: "province", id: provinceA }, yearBe: 2567 }))).code).toBe("NOT_FOUND");
    expect((await refusal(callerFor(db, users.editorS8).insight.area({ area: { kind: "province", id: provinceA }, yearBe: 2567 }))).code).toBe("NOT_FOUND");
  });
});
