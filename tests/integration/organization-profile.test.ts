// organization.profile on the small fixed dataset of helpers/score-world.ts: the organisation,
// where it is, and year by year its report and ITA result, with the expectations read off the
// literal RESULTS and REPORTS tables there.
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db/client";
import { openTestDatabase, type TestDatabase } from "./helpers/db";
import { callerFor } from "./helpers/fixtures";
import { createScoreWorld, type OrgKey, type ScoreWorld, type UserKey } from "./helpers/score-world";

let database: TestDatabase;
let db: Db;
let world: ScoreWorld;

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
  world = await createScoreWorld(db);
});
afterAll(() => database.close());

const profile = (user: UserKey, org: OrgKey) => callerFor(db, world.users[user]).organization.profile({ organizationId: world.ids[org] });

const result = (
  total: number,
  tools: [number, number, number] | null,
  announcedLevel: string | null,
  derivedLevel: string | null,
  levelMismatch: boolean,
  origin: "REAL" | "DEMO" = "REAL",
) =>
  expect.objectContaining({
    total,
    iit: tools?.[0] ?? null,
    eit: tools?.[1] ?? null,
    oit: tools?.[2] ?? null,
    announcedLevel,
    derivedLevel,
    levelMismatch,
    origin,
    // The one level every surface shows: announced when there is one, else by the rules.
    level: announcedLevel ?? derivedLevel,
    source: "PROVINCE_ENTERED",
    unconfirmed: false,
  });

describe("organization.profile", () => {
  it("o1: where it is, and every fiscal year newest first with its report and result", async () => {
    const p = await profile("editorO1", "o1");
    expect(p.nameTh).toBe("อบต.หนึ่ง");
    expect(p.district.nameTh).toBe("ก-หนึ่ง");
    expect(p.district.province.nameTh).toBe("ทดสอบก");
    expect(p.years.map((year) => year.yearBe)).toEqual([2568, 2567, 2566, 2565]);
    expect(p.years.map((year) => year.itaResult)).toEqual([
      null, // 2568: no result
      // 2567: 85.25 with IIT 84 < 85 → ผ่าน, as announced
      result(85.25, [84, 86, 86], "ผ่าน", "ผ่าน", false),
      // 2566: 80 without tools → ต้องปรับปรุง (≥70, <85), none announced
      result(80, null, null, "ต้องปรับปรุง", false),
      // 2565: 72.5 → C (≥65, <75); announced B: a mismatch, kept as given
      result(72.5, null, "B", "C", true),
    ]);
    expect(p.years.map((year) => year.report && { id: year.report.id, status: year.report.status, origin: year.report.origin })).toEqual([
      null,
      { id: world.reports.get("o1 2567"), status: "SUBMITTED", origin: "DEMO" },
      { id: world.reports.get("o1 2566"), status: "ACCEPTED", origin: "REAL" },
      null,
    ]);
    expect(p.containsInventedData).toBe(true); // the 2567 report is DEMO
  });

  it("o5: an invented result is flagged; o2: all real", async () => {
    const o5 = await profile("provinceA", "o5");
    expect(o5.years.find((year) => year.yearBe === 2566)!.itaResult).toEqual(
      // 86.75 with IIT 80 < 85 → ผ่าน (≥85), none announced
      result(86.75, [80, 90, 90], null, "ผ่าน", false, "DEMO"),
    );
    expect(o5.containsInventedData).toBe(true);
    const o2 = await profile("districtA1", "o2");
    expect(o2.containsInventedData).toBe(false);
    expect(o2.years.find((year) => year.yearBe === 2567)!.report?.status).toBe("DRAFT");
  });

  it("offers a new report to the organisation's preparer only, in an open year without one", async () => {
    // o1 has reports in 2567 and 2566; every year of the dataset is open.
    const own = await profile("editorO1", "o1");
    expect(own.years.map((year) => [year.yearBe, year.mayCreateReport, year.previousYearHasReport])).toEqual([
      [2568, true, true],
      [2567, false, true],
      [2566, false, false],
      [2565, true, false],
    ]);
    await db.fiscalYear.update({ where: { yearBe: 2568 }, data: { isOpen: false } });
    try {
      expect((await profile("editorO1", "o1")).years[0]!.mayCreateReport).toBe(false);
    } finally {
      await db.fiscalYear.update({ where: { yearBe: 2568 }, data: { isOpen: true } });
    }
    for (const reviewer of ["districtA1", "provinceA"] as const) {
      expect((await profile(reviewer, "o1")).years.some((year) => year.mayCreateReport), reviewer).toBe(false);
    }
  });

  it("readable by its own staff and the reviewers of its district and province", async () => {
    for (const user of ["editorO1", "signerO1", "districtA1", "provinceA", "admin"] as const) {
      expect((await profile(user, "o1")).id, user).toBe(world.ids.o1);
    }
  });

  it("refused to an organisation's staff for another one, and to reviewers of other areas", async () => {
    for (const [user, org] of [
      ["editorO1", "o2"], // same district, another organisation
      ["signerO1", "o4"],
      ["districtA1", "o4"], // district A2
      ["provinceB", "o1"],
      ["editorO1", "b1"],
    ] as const) {
      const error = await profile(user, org).then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error, `${user} → ${org}`).toBeInstanceOf(TRPCError);
      expect(["NOT_FOUND", "FORBIDDEN"]).toContain((error as TRPCError).code);
    }
  });
});
