// dashboard.compare and dashboard.compareOptions on the small fixed dataset of
// helpers/score-world.ts. Every expected number is worked out by hand in the comments from the
// literal RESULTS table there; none comes from the code under test.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db/client";
import { openTestDatabase, type TestDatabase } from "./helpers/db";
import { callerFor, refusal } from "./helpers/fixtures";
import { createScoreWorld, type ScoreWorld, type UserKey } from "./helpers/score-world";

let database: TestDatabase;
let db: Db;
let world: ScoreWorld;

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
  world = await createScoreWorld(db);
});
afterAll(() => database.close());

type Area = { kind: "province" | "district"; id: string } | { kind: "national" };
type Unit = "organization" | "district" | "province";

function compare(user: UserKey, area: Area, unit: Unit, ids: string[], years: { fromYearBe?: number; toYearBe?: number } = {}) {
  return callerFor(db, world.users[user]).dashboard.compare({ area, unit, ids, ...years });
}
const provinceA = (): Area => ({ kind: "province", id: world.provinces.A });
const districtA1 = (): Area => ({ kind: "district", id: world.districts.A1 });

const cell = (yearBe: number, count: number, mean: number | null, tools: [number, number, number, number] | null = null) => ({
  yearBe,
  count,
  mean,
  toolsCount: tools?.[0] ?? 0,
  iit: tools?.[1] ?? null,
  eit: tools?.[2] ?? null,
  oit: tools?.[3] ?? null,
});


describe("organisations", () => {
  it("each organisation's total and tools per year, a year without a result empty", async () => {
    const c = await compare("provinceA", provinceA(), "organization", [world.ids.o1, world.ids.o3], { fromYearBe: 2565, toYearBe: 2568 });
    expect(c.unit).toBe("organization");
    expect([c.fromYearBe, c.toYearBe]).toEqual([2565, 2568]);
    expect(c.fiscalYears).toEqual([2565, 2566, 2567, 2568]);
    expect(c.years).toEqual([2565, 2566, 2567, 2568]);
    expect(c.containsInventedData).toBe(false);
    expect(c.units).toEqual([
      {
        id: world.ids.o1,
        nameTh: "อบต.หนึ่ง",
        parentNameTh: "อำเภอก-หนึ่ง",
        years: [cell(2565, 1, 72.5), cell(2566, 1, 80), cell(2567, 1, 85.25, [1, 84, 86, 86]), cell(2568, 0, null)],
      },
      {
        id: world.ids.o3,
        nameTh: "เทศบาลตำบลสาม",
        parentNameTh: "อำเภอก-หนึ่ง",
        // No result in 2566; 2567 has IIT only, so no tools (all three are needed).
        years: [cell(2565, 1, 45.25), cell(2566, 0, null), cell(2567, 1, 62), cell(2568, 0, null)],
      },
    ]);
  });

  it("keeps the order asked for and counts a repeated id once", async () => {
    const c = await compare("provinceA", provinceA(), "organization", [world.ids.o3, world.ids.o1, world.ids.o3]);
    expect(c.units.map((unit) => unit.nameTh)).toEqual(["เทศบาลตำบลสาม", "อบต.หนึ่ง"]);
  });

  it("one organisation, seen by its district reviewer; an invented result is flagged", async () => {
    const c = await compare("districtA1", districtA1(), "organization", [world.ids.o2], { fromYearBe: 2566, toYearBe: 2567 });
    expect(c.units).toHaveLength(1);
    expect(c.units[0]!.years).toEqual([cell(2566, 1, 91.25, [1, 90, 92, 91.5]), cell(2567, 1, 85.5, [1, 86, 85, 85.5])]);
    expect(c.containsInventedData).toBe(false);
    // o5's 2566 result is DEMO.
    const o5 = await compare("provinceA", provinceA(), "organization", [world.ids.o5], { fromYearBe: 2566, toYearBe: 2566 });
    expect(o5.containsInventedData).toBe(true);
  });

  it("the range defaults to the newest 10 fiscal years that exist", async () => {
    // Fiscal years 2565–2568: to = 2568, from = max(2565, 2568 − 9) = 2565.
    const all = await compare("provinceA", provinceA(), "organization", [world.ids.o2]);
    expect([all.fromYearBe, all.toYearBe, all.years]).toEqual([2565, 2568, [2565, 2566, 2567, 2568]]);
    const upTo = await compare("provinceA", provinceA(), "organization", [world.ids.o2], { toYearBe: 2566 });
    expect(upTo.years).toEqual([2565, 2566]);
    const from = await compare("provinceA", provinceA(), "organization", [world.ids.o2], { fromYearBe: 2567 });
    expect(from.years).toEqual([2567, 2568]);
    expect(from.units[0]!.years).toEqual([cell(2567, 1, 85.5, [1, 86, 85, 85.5]), cell(2568, 0, null)]);
  });

  it("no units: the years for the pickers and nothing else", async () => {
    const c = await compare("provinceA", provinceA(), "organization", []);
    expect(c.units).toEqual([]);
    expect(c.fiscalYears).toEqual([2565, 2566, 2567, 2568]);
  });
});

describe("districts of a province", () => {
  it("the mean of the active organisations' totals with the count, rounded half up", async () => {
    const c = await compare("provinceA", provinceA(), "district", [world.districts.A1, world.districts.A2], { fromYearBe: 2565, toYearBe: 2567 });
    expect(c.units.map((unit) => [unit.nameTh, unit.parentNameTh])).toEqual([
      ["อำเภอก-หนึ่ง", "จังหวัดทดสอบก"],
      ["อำเภอก-สอง", "จังหวัดทดสอบก"],
    ]);
    expect(c.units[0]!.years).toEqual([
      // o1 72.50 + o2 88.00 + o3 45.25 = 205.75, ÷ 3 = 68.583… → 68.58
      cell(2565, 3, 68.58),
      // o1 80.00 + o2 91.25 = 171.25, ÷ 2 = 85.625 → 85.63 (half up); tools: o2 alone
      cell(2566, 2, 85.63, [1, 90, 92, 91.5]),
      // 85.25 + 85.50 + 62.00 = 232.75, ÷ 3 = 77.583… → 77.58; tools: o1 and o2 (o3 has IIT only):
      // IIT (84 + 86) ÷ 2 = 85, EIT (86 + 85) ÷ 2 = 85.5, OIT (86 + 85.5) ÷ 2 = 85.75
      cell(2567, 3, 77.58, [2, 85, 85.5, 85.75]),
    ]);
    expect(c.units[1]!.years).toEqual([
      // o5 60 alone
      cell(2565, 1, 60),
      // o4 97.00 + o5 86.75 = 183.75, ÷ 2 = 91.875 → 91.88; the inactive o6 (70) is left out; tools: o5
      cell(2566, 2, 91.88, [1, 80, 90, 90]),
      // o4 90.00 + o5 78.45 = 168.45, ÷ 2 = 84.225 → 84.23 (exact half, up); tools: o4 (not o6's 99s)
      cell(2567, 2, 84.23, [1, 90, 90, 90]),
    ]);
    expect(c.containsInventedData).toBe(true); // o5's 2566 result
  });

  it("a district reviewer may compare their own district", async () => {
    const c = await compare("districtA1", districtA1(), "district", [world.districts.A1], { fromYearBe: 2565, toYearBe: 2565 });
    expect(c.units[0]!.years).toEqual([cell(2565, 3, 68.58)]);
  });
});

describe("provinces of the country", () => {
  it("the admin compares provinces", async () => {
    const c = await compare("admin", { kind: "national" }, "province", [world.provinces.A, world.provinces.B], { fromYearBe: 2567, toYearBe: 2567 });
    expect(c.units.map((unit) => unit.nameTh)).toEqual(["จังหวัดทดสอบก", "จังหวัดทดสอบข"]);
    expect(c.units.map((unit) => unit.years)).toEqual([
      // A: 85.25 + 85.50 + 62.00 + 90.00 + 78.45 = 401.20, ÷ 5 = 80.24 (o6 inactive);
      // tools o1, o2, o4: IIT (84 + 86 + 90) ÷ 3 = 86.67, EIT (86 + 85 + 90) ÷ 3 = 87,
      // OIT (86 + 85.5 + 90) ÷ 3 = 87.166… → 87.17
      [cell(2567, 5, 80.24, [3, 86.67, 87, 87.17])],
      // B: b1 50 alone
      [cell(2567, 1, 50)],
    ]);
  });
});

describe("dashboard.compareFrame: the page's units and years, before the scores", () => {
  it("is the comparison without its scores, and refuses what the comparison refuses", async () => {
    const frameOf = (user: UserKey, area: Area, ids: string[], years: { fromYearBe?: number; toYearBe?: number } = {}) =>
      callerFor(db, world.users[user]).dashboard.compareFrame({ area, unit: "organization", ids, ...years });
    for (const years of [{}, { fromYearBe: 2565, toYearBe: 2568 }, { toYearBe: 2566 }]) {
      const ids = [world.ids.o3, world.ids.o1, world.ids.o3];
      const { units, containsInventedData: _, ...rest } = await compare("provinceA", provinceA(), "organization", ids, years);
      expect(await frameOf("provinceA", provinceA(), ids, years)).toEqual({ ...rest, units: units.map(({ years: __, ...unit }) => unit) });
    }
    expect((await refusal(frameOf("districtA1", districtA1(), [world.ids.o1, world.ids.o4]))).code).toBe("NOT_FOUND");
    expect((await refusal(frameOf("provinceA", provinceA(), ["no-such-organization"]))).code).toBe("NOT_FOUND");
  });
});

describe("isolation: an id outside the caller's area is NOT_FOUND, never left out", () => {
  it("a district reviewer passing another district's organisation or district", async () => {
    expect((await refusal(compare("districtA1", districtA1(), "organization", [world.ids.o4]))).code).toBe("NOT_FOUND");
    expect((await refusal(compare("districtA1", districtA1(), "organization", [world.ids.o1, world.ids.o4]))).code).toBe("NOT_FOUND");
    expect((await refusal(compare("districtA1", districtA1(), "district", [world.districts.A2]))).code).toBe("NOT_FOUND");
    expect((await refusal(compare("districtA1", districtA1(), "province", [world.provinces.A]))).code).toBe("NOT_FOUND");
  });

  it("a province reviewer passing ids of another province, an inactive or a missing organisation", async () => {
    for (const [unit, ids] of [
      ["organization", [world.ids.b1]],
      ["organization", [world.ids.o1, world.ids.b1]],
      ["organization", [world.ids.o6]],
      ["organization", ["no-such-organization"]],
      ["district", [world.districts.B1]],
      ["province", [world.provinces.B]],
    ] as const) {
      expect((await refusal(compare("provinceA", provinceA(), unit, [...ids]))).code, `${unit} ${ids.join()}`).toBe("NOT_FOUND");
    }
  });

  it("an area the caller does not review is refused", async () => {
    expect((await refusal(compare("districtA1", provinceA(), "organization", [world.ids.o1]))).code).toBe("NOT_FOUND");
    expect((await refusal(compare("provinceB", provinceA(), "organization", [world.ids.o1]))).code).toBe("NOT_FOUND");
    expect((await refusal(compare("provinceA", { kind: "national" }, "province", [world.provinces.A]))).code).toBe("NOT_FOUND");
    const options = callerFor(db, world.users.provinceB).dashboard.compareOptions({ area: provinceA(), unit: "organization" });
    expect((await refusal(options)).code).toBe("NOT_FOUND");
  });
});

describe("input", () => {
  it("more than 10 units, a reversed range or an unknown kind is BAD_REQUEST in Thai", async () => {
    const eleven = Array.from({ length: 11 }, () => world.ids.o1);
    for (const call of [
      () => compare("provinceA", provinceA(), "organization", eleven),
      () => compare("provinceA", provinceA(), "organization", [world.ids.o1], { fromYearBe: 2567, toYearBe: 2566 }),
      () => compare("provinceA", provinceA(), "planet" as Unit, [world.ids.o1]),
    ]) {
      const error = await refusal(call());
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toMatch(/[\u0E00-\u0E7F]/);
    }
  });
});

describe("compareOptions", () => {
  const options = (user: UserKey, area: Area, unit: Unit, search?: string) =>
    callerFor(db, world.users[user]).dashboard.compareOptions({ area, unit, search });
  const names = async (call: ReturnType<typeof options>) => (await call).options.map((option) => option.nameTh);

  it("the area's active organisations in district and code order, narrowed by a search", async () => {
    expect(await names(options("provinceA", provinceA(), "organization"))).toEqual(["อบต.หนึ่ง", "อบต.สอง", "เทศบาลตำบลสาม", "อบต.สี่", "เทศบาลตำบลห้า"]);
    expect(await names(options("provinceA", provinceA(), "organization", "เทศบาล"))).toEqual(["เทศบาลตำบลสาม", "เทศบาลตำบลห้า"]);
    expect(await names(options("districtA1", districtA1(), "organization"))).toEqual(["อบต.หนึ่ง", "อบต.สอง", "เทศบาลตำบลสาม"]);
    // b1's DLA code is T7: outside province A it is not offered, to the admin it is.
    expect(await names(options("provinceA", provinceA(), "organization", "T7"))).toEqual([]);
    expect(await names(options("admin", { kind: "national" }, "organization", "T7"))).toEqual(["อบต.บี"]);
    const result = await options("provinceA", provinceA(), "organization", "สอง");
    expect(result).toEqual({ options: [{ id: world.ids.o2, nameTh: "อบต.สอง", parentNameTh: "อำเภอก-หนึ่ง" }], more: false });
  });

  it("districts of a province, provinces of the country, none for a district", async () => {
    expect(await names(options("provinceA", provinceA(), "district"))).toEqual(["อำเภอก-หนึ่ง", "อำเภอก-สอง"]);
    expect(await names(options("admin", { kind: "national" }, "province"))).toEqual(["จังหวัดทดสอบก", "จังหวัดทดสอบข"]);
    expect(await names(options("districtA1", districtA1(), "province"))).toEqual([]);
  });
});

describe("unconfirmed scores (includeUnconfirmed, as on the other dashboards)", () => {
  it("an organisation's own unconfirmed result is counted by default, left out with includeUnconfirmed false, counted once confirmed", async () => {
    // o4's 2567 result (90, tools 90/90/90) made the organisation's own report, not yet confirmed.
    const fiscalYear = await db.fiscalYear.findUniqueOrThrow({ where: { yearBe: 2567 } });
    await db.itaResult.update({
      where: { organizationId_fiscalYearId: { organizationId: world.ids.o4, fiscalYearId: fiscalYear.id } },
      data: { source: "ORGANIZATION_REPORTED", confirmedAt: null },
    });
    const districtA2 = (includeUnconfirmed?: boolean) =>
      callerFor(db, world.users.provinceA).dashboard.compare({
        area: provinceA(),
        unit: "district",
        ids: [world.districts.A2],
        fromYearBe: 2567,
        toYearBe: 2567,
        ...(includeUnconfirmed === undefined ? {} : { includeUnconfirmed }),
      });
    const o4 = (includeUnconfirmed: boolean) =>
      callerFor(db, world.users.provinceA).dashboard.compare({ area: provinceA(), unit: "organization", ids: [world.ids.o4], fromYearBe: 2567, toYearBe: 2567, includeUnconfirmed });

    // Counted: o4 90 and o5 78.45, mean 84.225 → 84.23; tools from o4 alone.
    const counted = [cell(2567, 2, 84.23, [1, 90, 90, 90])];
    expect((await districtA2()).units[0]!.years).toEqual(counted);
    expect((await districtA2(true)).units[0]!.years).toEqual(counted);
    // Left out (asked after the counted answer was cached under the same data version): o5 alone.
    expect((await districtA2(false)).units[0]!.years).toEqual([cell(2567, 1, 78.45)]);
    expect((await o4(false)).units[0]!.years).toEqual([cell(2567, 0, null)]);
    expect((await o4(true)).units[0]!.years).toEqual([cell(2567, 1, 90, [1, 90, 90, 90])]);

    // Confirmed by the province reviewer: counted either way.
    await callerFor(db, world.users.provinceA).organization.confirmItaResult({ organizationId: world.ids.o4, yearBe: 2567 });
    expect((await districtA2(false)).units[0]!.years).toEqual(counted);
  });

  it("a value that is not true or false is BAD_REQUEST in Thai", async () => {
    const error = await refusal(
      callerFor(db, world.users.provinceA).dashboard.compare({ area: provinceA(), unit: "district", ids: [], includeUnconfirmed: "no" as unknown as boolean }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/[\u0E00-\u0E7F]/);
  });
});
