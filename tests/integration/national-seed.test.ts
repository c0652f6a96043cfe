import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/server/db/client";
import { seedDemoData } from "@/prisma/seed/demo";
import { NationalDatasetExistsError, seedNationalDataset, type NationalSeedSummary } from "@/prisma/seed/national";
import { deriveLevel } from "@/server/domain/ita-level";
import { ZReportContent } from "@/server/domain/report-content";
import { loadReportContent } from "@/server/services/reports/content-store";
import { openTestDatabase, type TestDatabase } from "./helpers/db";

let database: TestDatabase;
let summary: NationalSeedSummary;
let demoBefore: Awaited<ReturnType<typeof demoCounts>>;

const synthetic = { id: { startsWith: "syn_prv_" } };
const syntheticOrganization = { organization: { district: { province: synthetic } } };

/** What the demo data holds, to show the synthetic data leaves it alone. */
async function demoCounts() {
  const db = database.db;
  const demo = { organization: { district: { province: { code: "75" } } } };
  return {
    organizations: await db.localOrganization.count({ where: demo.organization }),
    results: await db.itaResult.findMany({ where: demo, orderBy: { id: "asc" } }),
    reports: await db.yearlyReport.findMany({ where: demo, orderBy: { id: "asc" } }),
    measures: await db.measure.count({ where: { issue: { report: demo } } }),
    users: await db.user.count(),
    fiscalYears: await db.fiscalYear.findMany({ where: { yearBe: { gte: 2566 } }, select: { id: true, yearBe: true }, orderBy: { yearBe: "asc" } }),
  };
}

async function syntheticCounts(): Promise<NationalSeedSummary> {
  const db = database.db;
  return {
    provinces: await db.province.count({ where: synthetic }),
    districts: await db.district.count({ where: { province: synthetic } }),
    organizations: await db.localOrganization.count({ where: { district: { province: synthetic } } }),
    itaResults: await db.itaResult.count({ where: syntheticOrganization }),
    reports: await db.yearlyReport.count({ where: syntheticOrganization }),
    measures: await db.measure.count({ where: { issue: { report: syntheticOrganization } } }),
  };
}

beforeAll(async () => {
  database = await openTestDatabase();
  await seedDemoData(database.db, { password: "demo password for tests" });
  demoBefore = await demoCounts();
  summary = await seedNationalDataset(database.db, { provinces: 2, reportYears: 1 });
}, 300_000);
afterAll(() => database.close());

describe("synthetic national dataset", () => {
  it("writes what its summary says, with the 250-organisation province first", async () => {
    expect(await syntheticCounts()).toEqual(summary);
    expect(summary.provinces).toBe(2);
    const first = await database.db.province.findUniqueOrThrow({ where: { code: "S01" } });
    expect(first.nameTh).toContain("สังเคราะห์");
    expect(await database.db.localOrganization.count({ where: { district: { provinceId: first.id } } })).toBe(250);
    // One report year, about 5% of organisations without a report: 20ish measures per report.
    expect(summary.reports).toBeLessThan(summary.organizations);
    expect(summary.reports).toBeGreaterThan(summary.organizations * 0.9);
    expect(summary.measures / summary.reports).toBeGreaterThan(16);
  });

  it("stores what each accepted report adopted, as accepting it does (peer insight reads it)", async () => {
    const db = database.db;
    const accepted = await db.yearlyReport.findMany({ where: { status: "ACCEPTED", ...syntheticOrganization }, select: { organizationId: true, fiscalYearId: true } });
    const adoptions = await db.reportAdoption.findMany({ where: { report: syntheticOrganization } });
    expect(accepted.length).toBeGreaterThan(0);
    expect(adoptions.map((row) => `${row.organizationId} ${row.fiscalYearId}`).sort()).toEqual(accepted.map((row) => `${row.organizationId} ${row.fiscalYearId}`).sort());
    expect(adoptions.some((row) => row.itemIds.length > 0)).toBe(true);
  });

  it("marks every result and report SYNTHETIC and leaves the demo data as it was", async () => {
    const db = database.db;
    expect(await db.itaResult.count({ where: { ...syntheticOrganization, origin: { not: "SYNTHETIC" } } })).toBe(0);
    expect(await db.yearlyReport.count({ where: { ...syntheticOrganization, origin: { not: "SYNTHETIC" } } })).toBe(0);
    expect(await db.itaResult.count({ where: { origin: "SYNTHETIC" } })).toBe(summary.itaResults);
    expect(await demoCounts()).toEqual(demoBefore);
  });

  it("adds the missing fiscal years 2560–2565 and reports only for the latest year", async () => {
    const years = await database.db.fiscalYear.findMany({ orderBy: { yearBe: "asc" }, select: { yearBe: true } });
    expect(years.map((year) => year.yearBe)).toEqual([2560, 2561, 2562, 2563, 2564, 2565, 2566, 2567, 2568, 2569]);
    const reportYears = await database.db.yearlyReport.findMany({ where: syntheticOrganization, select: { fiscalYear: { select: { yearBe: true } } }, distinct: ["fiscalYearId"] });
    expect(reportYears.map((report) => report.fiscalYear.yearBe)).toEqual([2569]);
  });

  it("stores the level the year's rules derive", async () => {
    const results = await database.db.itaResult.findMany({
      where: { origin: "SYNTHETIC", fiscalYear: { yearBe: { in: [2562, 2568] } } },
      include: { fiscalYear: { include: { levelRules: true } } },
      orderBy: { id: "asc" },
      take: 40,
    });
    expect(results.length).toBe(40);
    for (const result of results) {
      const rules = result.fiscalYear.levelRules.map((rule) => ({
        rank: rule.rank,
        label: rule.label,
        minTotal: rule.minTotal.toNumber(),
        minEachTool: rule.minEachTool?.toNumber() ?? null,
      }));
      const scores = { total: result.total.toNumber(), iit: result.iit?.toNumber() ?? null, eit: result.eit?.toNumber() ?? null, oit: result.oit?.toNumber() ?? null };
      expect(result.derivedLevel).toBe(deriveLevel(rules, scores));
    }
  });

  it("report content is what the editor accepts: ids, links, measure periods inside the fiscal year", async () => {
    const db = database.db;
    const reports = await db.yearlyReport.findMany({ where: syntheticOrganization, orderBy: { id: "asc" }, take: 3, select: { id: true } });
    for (const report of reports) {
      const content = await loadReportContent(db, report.id);
      expect(ZReportContent.safeParse(content).success).toBe(true);
    }
    const [outside] = await db.$queryRaw<{ count: bigint }[]>(Prisma.sql`
      SELECT count(*) AS count FROM "Measure" m
        JOIN "ReportIssue" i ON i.id = m."issueId"
        JOIN "YearlyReport" r ON r.id = i."reportId"
        JOIN "FiscalYear" f ON f.id = r."fiscalYearId"
       WHERE m."periodStart" < f."startDate" OR m."periodEnd" > f."endDate"`);
    expect(Number(outside!.count)).toBe(0);
    const [foreignItems] = await db.$queryRaw<{ count: bigint }[]>(Prisma.sql`
      SELECT count(*) AS count FROM "MeasureResultItem" mi
        JOIN "Measure" m ON m.id = mi."measureId"
        JOIN "ReportIssue" i ON i.id = m."issueId"
        JOIN "YearlyReport" r ON r.id = i."reportId"
        JOIN "StandardResultItem" s ON s.id = mi."standardItemId"
        JOIN "SuggestedIssue" si ON si.id = s."suggestedIssueId"
       WHERE si."fiscalYearId" <> r."fiscalYearId" OR s.text <> mi.text`);
    expect(Number(foreignItems!.count)).toBe(0);
  });

  it("refuses to run again and changes nothing", async () => {
    await expect(seedNationalDataset(database.db, { provinces: 1, reportYears: 0 })).rejects.toBeInstanceOf(NationalDatasetExistsError);
    expect(await syntheticCounts()).toEqual(summary);
  });

  it("with replace, deletes the earlier synthetic data and writes the new one, demo data untouched", async () => {
    const replaced = await seedNationalDataset(database.db, { provinces: 1, reportYears: 0, replace: true });
    expect(replaced.provinces).toBe(1);
    expect(replaced.organizations).toBe(250);
    expect(replaced.reports).toBe(0);
    expect(await syntheticCounts()).toEqual(replaced);
    expect(await database.db.province.count({ where: { code: "S02" } })).toBe(0);
    expect(await database.db.yearlyReport.count({ where: { origin: "SYNTHETIC" } })).toBe(0);
    expect(await demoCounts()).toEqual(demoBefore);
  }, 120_000);
});

describe("synthetic national dataset in an empty database", () => {
  it("creates the ten fiscal years it needs", async () => {
    const empty = await openTestDatabase();
    try {
      const result = await seedNationalDataset(empty.db, { provinces: 1, reportYears: 0 });
      expect(result.organizations).toBe(250);
      expect(await empty.db.fiscalYear.count()).toBe(10);
      expect(await empty.db.itaResult.count()).toBe(result.itaResults);
    } finally {
      await empty.close();
    }
  }, 120_000);
});
