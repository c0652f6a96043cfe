// What every dashboard number is computed over: the active organisations of an area (district,
// province or the country), optionally narrowed to one district and one organisation type, in
// one fiscal year. The caller has checked the area (areaProcedure); the district filter is
// checked here against it. The district of an organisation is the one its office sits in
// today, also for past years' figures.
//
// The dashboards aggregate in SQL: at national scale (≈7,850 organisations × 10 years) reading
// rows into TypeScript costs more than the queries themselves. Every query starts from the
// same organisation set, written once here as the SQL CTE `scoped`.
import { Prisma, type DbClient } from "@/server/db/client";
import type { AreaNode } from "@/server/access/access";
import { OrganizationType, type ReportStatus } from "@/server/db/generated/enums";
import { AppError, NOT_FOUND_OR_FORBIDDEN } from "@/server/errors";
import { idSchema, yearBeSchema, z } from "@/server/validation";
import { organizationsUnderSql } from "@/server/access/nodes";

export const ZDashboardFilters = z.object({
  yearBe: yearBeSchema,
  districtId: idSchema.nullish(),
  organizationType: z
    .enum(Object.values(OrganizationType) as [OrganizationType, ...OrganizationType[]], { error: "ประเภทองค์กรไม่ถูกต้อง" })
    .nullish(),
  includeUnaccepted: z.boolean({ error: "กรุณาระบุว่าจะนับรายงานที่ยังไม่ได้รับรองหรือไม่" }),
  /**
   * Count the organisations' own ITA results that no province reviewer has confirmed yet
   * (marked "รายงานโดยหน่วยงาน ยังไม่ยืนยัน" wherever shown). Not given: yes.
   */
  includeUnconfirmed: z.boolean({ error: "กรุณาระบุว่าจะนับคะแนนที่ยังไม่ยืนยันหรือไม่" }).optional(),
});

export type DashboardFilters = z.infer<typeof ZDashboardFilters>;

/**
 * Which reports count as sent in (see overview.ts): with includeUnaccepted, SUBMITTED or
 * ACCEPTED; without, ACCEPTED only.
 */
export function countedReportStatuses(includeUnaccepted: boolean): ReportStatus[] {
  return includeUnaccepted ? ["SUBMITTED", "ACCEPTED"] : ["ACCEPTED"];
}

export type DashboardScope = {
  area: AreaNode;
  yearBe: number;
  districtId: string | null;
  organizationType: OrganizationType | null;
  includeUnaccepted: boolean;
  /**
   * The CTE `scoped(id, "nameTh", type, "districtId", "districtCode", "districtNameTh",
   * "provinceId", "provinceCode", "provinceNameTh")`.
   */
  scopedCte: Prisma.Sql;
};

/** The district filter must name a district of the area; otherwise it looks like a missing id. */
export async function requireDistrictInArea(db: DbClient, area: AreaNode, districtId: string): Promise<void> {
  const district = await db.district.findUnique({ where: { id: districtId }, select: { id: true, provinceId: true } });
  const inArea =
    district !== null &&
    (area.kind === "national" ||
      (area.kind === "province" && district.provinceId === area.id) ||
      (area.kind === "district" && district.id === area.id));
  if (!inArea) throw new AppError("NOT_FOUND", NOT_FOUND_OR_FORBIDDEN);
}

/**
 * Checks the filters against the area and returns the scope. The check is one small query:
 * callers may run it in parallel with their own (they are read-only) and fail when it fails.
 */
export async function resolveDashboardScope(db: DbClient, area: AreaNode, filters: DashboardFilters): Promise<DashboardScope> {
  const districtId = filters.districtId ?? null;
  const organizationType = filters.organizationType ?? null;
  if (districtId) await requireDistrictInArea(db, area, districtId);
  return {
    area,
    yearBe: filters.yearBe,
    districtId,
    organizationType,
    includeUnaccepted: filters.includeUnaccepted,
    scopedCte: scopedOrganizationsCte(area, districtId, organizationType),
  };
}

/**
 * The conditions on "LocalOrganization" o JOIN "District" d that pick a scope's organisations:
 * active, in the area, in the district and of the type when given.
 */
export function scopedOrganizationConditions(area: AreaNode, districtId: string | null, organizationType: OrganizationType | null): Prisma.Sql[] {
  const conditions = [Prisma.sql`o.active`, organizationsUnderSql(area)];
  if (districtId) conditions.push(Prisma.sql`o."districtId" = ${districtId}`);
  if (organizationType) conditions.push(Prisma.sql`o.type::text = ${organizationType}`);
  return conditions;
}

/** The CTE "scoped": the scope's organisations with their district and province (and only `organizationId` when given). */
export function scopedOrganizationsCte(
  area: AreaNode,
  districtId: string | null,
  organizationType: OrganizationType | null,
  organizationId?: string,
): Prisma.Sql {
  const conditions = scopedOrganizationConditions(area, districtId, organizationType);
  // One organisation asked for: narrowing here keeps the CTE to one row.
  if (organizationId) conditions.push(Prisma.sql`o.id = ${organizationId}`);
  return Prisma.sql`scoped AS (
    SELECT o.id, o."nameTh", o.type::text AS type, o."districtId", d.code AS "districtCode",
           d."nameTh" AS "districtNameTh", d."provinceId", p.code AS "provinceCode", p."nameTh" AS "provinceNameTh"
      FROM "LocalOrganization" o
      JOIN "District" d ON d.id = o."districtId"
      JOIN "Province" p ON p.id = d."provinceId"
     WHERE ${Prisma.join(conditions, " AND ")})`;
}

/**
 * The same scope on the rollup "DashboardOrganizationYear" (alias given): one row per
 * organisation and fiscal year with where the organisation sits today, its result, report and
 * adoptions (migration 20261130200000_dashboard_rollup, kept by triggers). The dashboards read
 * it instead of joining the registry, the results and the reports of thousands of organisations.
 */
export function rollupScopeSql(alias: string, area: AreaNode, districtId: string | null, organizationType: OrganizationType | null): Prisma.Sql {
  const f = Prisma.raw(`"${alias}"`);
  const conditions = [Prisma.sql`${f}.active`];
  if (area.kind === "province") conditions.push(Prisma.sql`${f}."provinceId" = ${area.id}`);
  if (area.kind === "district") conditions.push(Prisma.sql`${f}."districtId" = ${area.id}`);
  if (districtId) conditions.push(Prisma.sql`${f}."districtId" = ${districtId}`);
  if (organizationType) conditions.push(Prisma.sql`${f}.type::text = ${organizationType}`);
  return Prisma.join(conditions, " AND ");
}

/** countedResultSql on a rollup row (alias given): its result counts (whether it has one is `cents IS NOT NULL`). */
export function countedRollupSql(alias: string, includeUnconfirmed: boolean | undefined): Prisma.Sql {
  if (includeUnconfirmed !== false) return Prisma.sql`TRUE`;
  return Prisma.sql`NOT ${Prisma.raw(`"${alias}"`)}.unconfirmed`;
}

/**
 * The ITA results (alias `r`) the dashboards count: all of them, or without the organisations'
 * own results not yet confirmed by a province reviewer.
 */
export function countedResultSql(alias: string, includeUnconfirmed: boolean | undefined): Prisma.Sql {
  if (includeUnconfirmed !== false) return Prisma.sql`TRUE`;
  const r = Prisma.raw(`"${alias}"`);
  return Prisma.sql`(${r}.source <> 'ORGANIZATION_REPORTED' OR ${r}."confirmedAt" IS NOT NULL)`;
}

/** SQL that is true for an unconfirmed result (alias `r`): the mark every surface shows. */
export function unconfirmedResultSql(alias: string): Prisma.Sql {
  const r = Prisma.raw(`"${alias}"`);
  return Prisma.sql`(${r}.source = 'ORGANIZATION_REPORTED' AND ${r}."confirmedAt" IS NULL)`;
}

/** A fiscal year's id by its Buddhist Era year, as a scalar subquery. */
export function fiscalYearIdSql(yearBe: number): Prisma.Sql {
  return Prisma.sql`(SELECT id FROM "FiscalYear" WHERE "yearBe" = ${yearBe})`;
}

/** ITA totals as whole hundredths: sums and middles stay exact (see statistics.ts). */
export const CENTS = Prisma.sql`(r.total * 100)::int`;

export type DashboardOptions = {
  /** Fiscal years in the system, newest first. */
  years: number[];
  /** The year shown when none is asked for: the newest one open for reports or holding any of the area's (a next year being prepared is not). */
  defaultYearBe: number | null;
  /** The districts of a district or province to filter by (none for the country). */
  districts: { id: string; code: string; nameTh: string }[];
};

/** What the filter bar offers for an area. */
export async function getDashboardOptions(db: DbClient, area: AreaNode): Promise<DashboardOptions> {
  const [years, inUse, districts] = await Promise.all([
    db.fiscalYear.findMany({ select: { yearBe: true }, orderBy: { yearBe: "desc" } }),
    // The newest year open or holding anything in the area: whether any exist (EXISTS, stopping
    // at the first such year), read from the rollup by its index (a year's rows, the area's
    // first), not from the reports and results, each of which row-level security would check.
    db.$queryRaw<{ yearBe: number }[]>`
      SELECT y."yearBe" FROM "FiscalYear" y
       WHERE y."isOpen" OR EXISTS (SELECT 1 FROM "DashboardOrganizationYear" f
                                    WHERE f."fiscalYearId" = y.id AND ${rollupScopeSql("f", area, null, null)}
                                      AND (f."reportId" IS NOT NULL OR f."resultId" IS NOT NULL))
       ORDER BY y."yearBe" DESC LIMIT 1`.then((rows) => rows[0]),
    area.kind === "national"
      ? Promise.resolve([])
      : db.district.findMany({
          where: area.kind === "district" ? { id: area.id } : { provinceId: area.id },
          select: { id: true, code: true, nameTh: true },
          orderBy: { code: "asc" },
        }),
  ]);
  return { years: years.map((year) => year.yearBe), defaultYearBe: (inUse ?? years[0])?.yearBe ?? null, districts };
}
