// Writes the synthetic national dataset (generate.ts) into a database, one province per
// transaction with multi-row inserts, so memory stays flat and a failure leaves whole provinces.
// Works beside the demo data or in an empty database; fiscal years it needs are created when absent.
import { Prisma, type Db, type DbClient } from "@/server/db/client";
import { recordAdoptions } from "@/server/services/reports/adoptions";
import { FIRST_FISCAL_YEAR_BE, LAST_FISCAL_YEAR_BE } from "../data/framework";
import { createSeedFiscalYear } from "../fiscal-years";
import {
  generateProvince,
  NATIONAL_PROVINCES,
  planProvinces,
  SYNTHETIC_PROVINCE_PREFIX,
  type YearCatalogue,
} from "./generate";

export type NationalSeedOptions = {
  provinces?: number;
  /** How many of the latest fiscal years get yearly reports (default 2). */
  reportYears?: number;
  /** Delete an earlier synthetic national dataset first instead of refusing. */
  replace?: boolean;
  onProgress?: (done: number, total: number) => void;
};

export type NationalSeedSummary = {
  provinces: number;
  districts: number;
  organizations: number;
  itaResults: number;
  reports: number;
  measures: number;
};

export const DEFAULT_REPORT_YEARS = 2;
const FISCAL_YEARS = LAST_FISCAL_YEAR_BE - FIRST_FISCAL_YEAR_BE + 1;
// Rows per INSERT statement.
const CHUNK = 5000;

export class NationalDatasetExistsError extends Error {
  constructor() {
    super(
      "ฐานข้อมูลมีข้อมูลสังเคราะห์ระดับประเทศอยู่แล้ว ใช้ --replace เพื่อลบแล้วสร้างใหม่ " +
        "(synthetic national data already exists; use --replace to delete and recreate it)",
    );
    this.name = "NationalDatasetExistsError";
  }
}

const syntheticProvince = { id: { startsWith: SYNTHETIC_PROVINCE_PREFIX } };
const syntheticOrganization = { district: { province: syntheticProvince } };

export async function hasNationalDataset(db: DbClient): Promise<boolean> {
  const [provinces, results, reports] = await Promise.all([
    db.province.count({ where: syntheticProvince }),
    db.itaResult.count({ where: { origin: "SYNTHETIC" } }),
    db.yearlyReport.count({ where: { origin: "SYNTHETIC" } }),
  ]);
  return provinces + results + reports > 0;
}

/** Whether every province of the full dataset is there: a run stopped half-way leaves fewer. */
export async function hasCompleteNationalDataset(db: DbClient): Promise<boolean> {
  return (await db.province.count({ where: syntheticProvince })) === NATIONAL_PROVINCES;
}

/**
 * Deletes the synthetic provinces with everything under them, children first. Reports, results
 * and role grants attached to a synthetic organisation or area go too (whatever their origin:
 * they cannot outlive it); SYNTHETIC results and reports elsewhere as well. Fiscal years stay.
 */
export async function deleteNationalDataset(db: Db): Promise<void> {
  await db.$transaction(
    async (tx) => {
      // Issues, measures, their items and links, sign-offs, comments and revisions cascade.
      await tx.yearlyReport.deleteMany({ where: { OR: [{ origin: "SYNTHETIC" }, { organization: syntheticOrganization }] } });
      await tx.itaResult.deleteMany({ where: { OR: [{ origin: "SYNTHETIC" }, { organization: syntheticOrganization }] } });
      await tx.roleAssignment.deleteMany({
        where: {
          OR: [{ organization: syntheticOrganization }, { district: { province: syntheticProvince } }, { province: syntheticProvince }],
        },
      });
      await tx.organizationTypePeriod.deleteMany({ where: { organization: syntheticOrganization } });
      await tx.localOrganization.deleteMany({ where: syntheticOrganization });
      await tx.district.deleteMany({ where: { province: syntheticProvince } });
      await tx.province.deleteMany({ where: syntheticProvince });
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
}

/** The fiscal years 2560–2569 with their catalogues, creating those that are missing. */
async function loadCatalogue(db: Db): Promise<YearCatalogue[]> {
  const existing = new Set((await db.fiscalYear.findMany({ select: { yearBe: true } })).map((year) => year.yearBe));
  const missing = Array.from({ length: FISCAL_YEARS }, (_, index) => FIRST_FISCAL_YEAR_BE + index).filter((yearBe) => !existing.has(yearBe));
  if (missing.length > 0) {
    await db.$transaction(async (tx) => {
      for (const yearBe of missing) await createSeedFiscalYear(tx, yearBe, { isOpen: yearBe === LAST_FISCAL_YEAR_BE });
    });
  }
  const years = await db.fiscalYear.findMany({
    where: { yearBe: { gte: FIRST_FISCAL_YEAR_BE, lte: LAST_FISCAL_YEAR_BE } },
    orderBy: { yearBe: "asc" },
    include: {
      levelRules: true,
      suggestedIssues: { orderBy: { ordinal: "asc" }, include: { resultItems: { orderBy: { ordinal: "asc" } } } },
    },
  });
  return years.map((year) => ({
    yearBe: year.yearBe,
    fiscalYearId: year.id,
    startDate: year.startDate,
    endDate: year.endDate,
    submissionDeadline: year.submissionDeadline,
    weights: { iit: year.weightIit.toNumber(), eit: year.weightEit.toNumber(), oit: year.weightOit.toNumber() },
    levelRules: year.levelRules.map((rule) => ({
      rank: rule.rank,
      label: rule.label,
      minTotal: rule.minTotal.toNumber(),
      minEachTool: rule.minEachTool?.toNumber() ?? null,
    })),
    suggestedIssues: year.suggestedIssues.map((issue) => ({
      id: issue.id,
      ordinal: issue.ordinal,
      title: issue.title,
      indicatorNumbers: issue.indicatorNumbers,
      resultItems: issue.resultItems.map((item) => ({ id: item.id, text: item.text })),
    })),
  }));
}

/**
 * Multi-row INSERT of plain rows into a model's table: each chunk travels as one JSON parameter
 * that json_populate_recordset turns into rows (arrays, enums and dates included). Far cheaper
 * than createMany, which binds every value separately. Columns left out take their defaults.
 */
async function insertRows(tx: DbClient, table: Prisma.ModelName, rows: object[]) {
  if (rows.length === 0) return;
  const columns = Prisma.raw(Object.keys(rows[0]!).map((column) => `"${column}"`).join(", "));
  const tableName = Prisma.raw(`"${table}"`);
  for (let start = 0; start < rows.length; start += CHUNK) {
    const json = JSON.stringify(rows.slice(start, start + CHUNK));
    await tx.$executeRaw`INSERT INTO ${tableName} (${columns})
      SELECT ${columns} FROM json_populate_recordset(NULL::${tableName}, ${json}::json)`;
  }
}

/**
 * Generates and writes the synthetic national dataset: by default 76 provinces, 878 districts,
 * 7,850 organisations, ten years of ITA results and reports for the latest two fiscal years.
 * Refuses (NationalDatasetExistsError) when one is already there, unless `replace`.
 */
export async function seedNationalDataset(db: Db, options: NationalSeedOptions = {}): Promise<NationalSeedSummary> {
  const provinceCount = options.provinces ?? NATIONAL_PROVINCES;
  const reportYears = options.reportYears ?? DEFAULT_REPORT_YEARS;
  if (!Number.isInteger(reportYears) || reportYears < 0 || reportYears > FISCAL_YEARS) {
    throw new RangeError(`reportYears must be a whole number from 0 to ${FISCAL_YEARS} (got ${reportYears})`);
  }
  const plans = planProvinces(provinceCount);
  if (await hasNationalDataset(db)) {
    if (!options.replace) throw new NationalDatasetExistsError();
    await deleteNationalDataset(db);
  }
  const years = await loadCatalogue(db);
  const summary: NationalSeedSummary = { provinces: 0, districts: 0, organizations: 0, itaResults: 0, reports: 0, measures: 0 };
  for (const [index, plan] of plans.entries()) {
    const rows = generateProvince(plan, years, reportYears);
    await db.$transaction(
      async (tx) => {
        await insertRows(tx, "Province", [rows.province]);
        await insertRows(tx, "District", rows.districts);
        await insertRows(tx, "LocalOrganization", rows.organizations);
        await insertRows(tx, "OrganizationTypePeriod", rows.typePeriods);
        await insertRows(tx, "ItaResult", rows.itaResults);
        await insertRows(tx, "YearlyReport", rows.reports);
        await insertRows(tx, "ReportIssue", rows.issues);
        await insertRows(tx, "Measure", rows.measures);
        await insertRows(tx, "MeasureResultItem", rows.resultItems);
        await insertRows(tx, "EvidenceLink", rows.evidenceLinks);
        await recordAdoptions(tx, { reports: rows.reports.filter((report) => report.status === "ACCEPTED").map((report) => report.id) });
      },
      { timeout: 10 * 60_000, maxWait: 60_000 },
    );
    summary.provinces += 1;
    summary.districts += rows.districts.length;
    summary.organizations += rows.organizations.length;
    summary.itaResults += rows.itaResults.length;
    summary.reports += rows.reports.length;
    summary.measures += rows.measures.length;
    options.onProgress?.(index + 1, plans.length);
  }
  // The dashboards' rollup was written row by row and updated by every statement after: rewrite
  // it compactly, a year's rows together (the dashboards read a year at a time). Only its owner
  // may (the migration connection); seeded through the app's role, the rows stay as written.
  const [rollup] = await db.$queryRaw<{ owner: boolean }[]>`
    SELECT pg_has_role(current_user, tableowner, 'USAGE') AS owner FROM pg_tables WHERE tablename = 'DashboardOrganizationYear'`;
  if (rollup?.owner) await db.$executeRaw`CLUSTER "DashboardOrganizationYear" USING "DashboardOrganizationYear_fiscalYearId_provinceId_districtI_idx"`;
  // Fresh planner statistics: without them the first dashboard queries misjudge the new rows.
  await db.$executeRaw`ANALYZE`;
  return summary;
}
