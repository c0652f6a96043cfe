// upsertItaResults (the score import's set-based write) stores exactly what upsertItaResult
// stores one result at a time: the same columns, indicator scores and history entries, for new
// results, replaced ones (a province-entered one, an organisation's own confirmed one with
// indicator scores) and ones whose indicator scores are kept.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db/client";
import { loadAccess } from "@/server/access/access";
import { upsertItaResult, upsertItaResults, type ItaResultInput } from "@/server/services/ita-results";
import { openTestDatabase, type TestDatabase } from "./helpers/db";
import { createFiscalYears, createTestAreas } from "./helpers/fixtures";

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
});
afterAll(() => database.close());

type Case = { stored: Omit<ItaResultInput, "organizationId" | "yearBe"> | null; confirm?: boolean; write: Omit<ItaResultInput, "organizationId" | "yearBe" | "fiscalYear" | "source" | "sourceFileName" | "change"> };

const CASES: Case[] = [
  // New, announced level, tools and indicator scores.
  { stored: null, write: { total: 96.5, iit: 96, eit: 97, oit: 96.5, announcedLevel: " ผ่านดีเยี่ยม ", indicatorScores: [{ indicatorNumber: 1, score: 95 }, { indicatorNumber: 2, score: 98.25 }] } },
  // New, the total alone.
  { stored: null, write: { total: 72.25 } },
  // Replacing a province-entered result; indicator scores not given keep the stored ones.
  { stored: { total: 80, iit: 80, eit: 80, oit: 80, source: "PROVINCE_ENTERED", indicatorScores: [{ indicatorNumber: 3, score: 70 }] }, write: { total: 88.88, announcedLevel: "ผ่านดี" } },
  // Replacing an organisation's own confirmed result with indicator scores by an empty list.
  { stored: { total: 91, source: "ORGANIZATION_REPORTED", indicatorScores: [{ indicatorNumber: 1, score: 90 }] }, confirm: true, write: { total: 91, iit: 90, eit: 92, oit: 91, indicatorScores: [] } },
  // Replacing an organisation's unconfirmed result.
  { stored: { total: 60, source: "ORGANIZATION_REPORTED", origin: "DEMO" }, write: { total: 61.5, announcedLevel: "ต้องปรับปรุงโดยด่วน" } },
];

describe("upsertItaResults", () => {
  it("writes what upsertItaResult writes, one history entry per result, in one call", async () => {
    await createFiscalYears(db, [2568]);
    const areas = await createTestAreas(db);
    const admin = await db.user.create({ data: { username: "admin", displayName: "ผู้ดูแล", passwordHash: "x", roles: { create: { role: "ADMIN" } } } });
    const actor = (await loadAccess(db, admin.id))!;
    const fiscalYear = await db.fiscalYear.findUniqueOrThrow({ where: { yearBe: 2568 }, select: { id: true, yearBe: true, levelRules: true } });
    const organization = async (dlaCode: string) =>
      (await db.localOrganization.create({ data: { dlaCode, nameTh: `อบต.${dlaCode}`, type: "SAO", districtId: areas.districts.A1.id } })).id;
    const one: string[] = [];
    const many: string[] = [];
    for (const [index, entry] of CASES.entries()) {
      for (const [list, prefix] of [[one, "1"], [many, "2"]] as const) {
        const id = await organization(`${prefix}000000${index}`);
        list.push(id);
        if (entry.stored) {
          await upsertItaResult(db, { organizationId: id, yearBe: 2568, ...entry.stored });
          if (entry.confirm) await db.itaResult.updateMany({ where: { organizationId: id }, data: { confirmedAt: new Date(), confirmedById: admin.id } });
        }
      }
    }
    const change = { kind: "IMPORTED" as const, actor, reason: " นำเข้าจากไฟล์ x.csv " };
    const input = (organizationId: string, entry: Case) => ({
      organizationId,
      yearBe: 2568,
      fiscalYear,
      ...entry.write,
      source: "IMPORTED_FILE" as const,
      sourceFileName: "x.csv",
      change,
    });
    for (const [index, entry] of CASES.entries()) await upsertItaResult(db, input(one[index]!, entry));
    const dataVersion = async () => (await db.dashboardVersion.aggregate({ _sum: { version: true } }))._sum.version;
    const versionBefore = await dataVersion();
    expect(await db.$transaction((tx) => upsertItaResults(tx, CASES.map((entry, index) => input(many[index]!, entry))))).toBe(CASES.length);
    expect(await dataVersion()).not.toEqual(versionBefore);

    const stored = async (organizationId: string) => {
      const result = await db.itaResult.findUniqueOrThrow({
        where: { organizationId_fiscalYearId: { organizationId, fiscalYearId: fiscalYear.id } },
        include: { indicatorScores: { orderBy: { indicatorNumber: "asc" } }, changes: { orderBy: { createdAt: "asc" } } },
      });
      const { id, organizationId: _organization, createdAt, updatedAt, indicatorScores, changes, ...columns } = result;
      expect([id, createdAt, updatedAt]).not.toContain(null);
      return {
        ...columns,
        total: columns.total.toString(),
        iit: columns.iit?.toString() ?? null,
        eit: columns.eit?.toString() ?? null,
        oit: columns.oit?.toString() ?? null,
        indicatorScores: indicatorScores.map((score) => [score.indicatorNumber, score.score.toString()]),
        changes: changes.map((entry) => ({ kind: entry.kind, actorId: entry.actorId, actorName: entry.actorName, reason: entry.reason, before: entry.before, after: entry.after })),
      };
    };
    for (const [index] of CASES.entries()) {
      const expected = await stored(one[index]!);
      expect(await stored(many[index]!)).toEqual(expected);
      expect(expected.changes.at(-1)).toMatchObject({ kind: "IMPORTED", actorId: admin.id, reason: "นำเข้าจากไฟล์ x.csv" });
    }
    // Spot checks on what upsertItaResult is known to store.
    const confirmedBefore = await stored(many[3]!);
    expect(confirmedBefore).toMatchObject({ source: "IMPORTED_FILE", confirmedAt: null, confirmedById: null, indicatorScores: [] });
    expect(confirmedBefore.changes.at(-1)!.before).toMatchObject({ source: "ORGANIZATION_REPORTED", confirmed: true });
    expect((await stored(many[2]!)).indicatorScores).toEqual([[3, "70"]]);
    expect((await stored(many[0]!)).changes).toHaveLength(1);
    expect((await stored(many[0]!)).changes[0]!.before).toBeNull();
  });

  it("nothing to write is no statement; the same organisation and year twice is a programming error", async () => {
    expect(await upsertItaResults(db, [])).toBe(0);
    const fiscalYear = await db.fiscalYear.findUniqueOrThrow({ where: { yearBe: 2568 }, select: { id: true, yearBe: true, levelRules: true } });
    const organizationId = (await db.localOrganization.findFirstOrThrow()).id;
    const twice = { organizationId, yearBe: 2568, fiscalYear, total: 50, source: "IMPORTED_FILE" as const };
    await expect(upsertItaResults(db, [twice, twice])).rejects.toThrow(/twice/);
  });
});
