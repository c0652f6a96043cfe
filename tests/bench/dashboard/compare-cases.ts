// Bench cases for dashboard.compare, dashboard.compareOptions and organization.profile (see
// types.ts). The compared units are the province's first 10 organisations / districts in the
// picker's order (district code, DLA code): the run asks the picker for them once per targets
// (cached, so the timed calls after the first are the comparison alone); each reference picks
// the same units inside its one query.
import { Prisma, type Db } from "@/server/db/client";
import type { BenchCaller, BenchTargets, DashboardBenchCase } from "./types";

const YEARS = 10;
const UNITS = 10;

const range = (targets: BenchTargets) => ({ fromYearBe: targets.yearBe - YEARS + 1, toYearBe: targets.yearBe });
const provinceArea = (targets: BenchTargets) => ({ kind: "province" as const, id: targets.provinceId });

const pickedUnits = new WeakMap<BenchTargets, Map<string, Promise<string[]>>>();
function firstUnits(caller: BenchCaller, targets: BenchTargets, unit: "organization" | "district"): Promise<string[]> {
  let byUnit = pickedUnits.get(targets);
  if (!byUnit) pickedUnits.set(targets, (byUnit = new Map()));
  let ids = byUnit.get(unit);
  if (!ids) {
    ids = caller.dashboard
      .compareOptions({ area: provinceArea(targets), unit })
      .then(({ options }) => options.slice(0, UNITS).map((option) => option.id));
    byUnit.set(unit, ids);
  }
  return ids;
}

/** Each unit's count, mean total and tool means per year of the range, every year listed. */
function referenceComparison(db: Db, targets: BenchTargets, units: Prisma.Sql, unitKey: Prisma.Sql) {
  const { fromYearBe, toYearBe } = range(targets);
  const known = Prisma.sql`x.iit IS NOT NULL AND x.eit IS NOT NULL AND x.oit IS NOT NULL`;
  return db.$queryRaw`
    WITH units AS (${units}),
         years AS (SELECT id, "yearBe" FROM "FiscalYear" WHERE "yearBe" BETWEEN ${fromYearBe} AND ${toYearBe}),
         results AS (
           SELECT ${unitKey} AS "unitId", r."fiscalYearId", r.total, r.iit, r.eit, r.oit, r.origin
             FROM "ItaResult" r
             JOIN "LocalOrganization" o ON o.id = r."organizationId"
             JOIN "District" d ON d.id = o."districtId"
            WHERE o.active AND d."provinceId" = ${targets.provinceId} AND ${unitKey} IN (SELECT id FROM units))
    SELECT u.id, u.name, u.parent, y."yearBe",
           count(x.total)::int AS count,
           round(avg(x.total), 2)::float8 AS mean,
           count(*) FILTER (WHERE ${known})::int AS "toolsCount",
           round(avg(x.iit) FILTER (WHERE ${known}), 2)::float8 AS iit,
           round(avg(x.eit) FILTER (WHERE ${known}), 2)::float8 AS eit,
           round(avg(x.oit) FILTER (WHERE ${known}), 2)::float8 AS oit,
           coalesce(bool_or(x.origin <> 'REAL'), false) AS invented
      FROM units u
     CROSS JOIN years y
      LEFT JOIN results x ON x."unitId" = u.id AND x."fiscalYearId" = y.id
     GROUP BY u.id, u.name, u.parent, u.ord, y."yearBe"
     ORDER BY u.ord, y."yearBe"`;
}

export const compareBenchCases: DashboardBenchCase[] = [
  {
    name: "dashboard.compare (10 organisations of the province, 10 years)",
    by: "provinceReviewer",
    async run(caller, targets) {
      const ids = await firstUnits(caller, targets, "organization");
      return caller.dashboard.compare({ area: provinceArea(targets), unit: "organization", ids, ...range(targets) });
    },
    reference: (db, targets) =>
      referenceComparison(
        db,
        targets,
        Prisma.sql`
          SELECT o.id, o."nameTh" AS name, 'อำเภอ' || d."nameTh" AS parent, row_number() OVER (ORDER BY d.code, o."dlaCode") AS ord
            FROM "LocalOrganization" o JOIN "District" d ON d.id = o."districtId"
           WHERE o.active AND d."provinceId" = ${targets.provinceId}
           ORDER BY d.code, o."dlaCode" LIMIT ${UNITS}`,
        Prisma.sql`o.id`,
      ),
  },
  {
    name: "dashboard.compare (10 districts of the province, 10 years)",
    by: "provinceReviewer",
    async run(caller, targets) {
      const ids = await firstUnits(caller, targets, "district");
      return caller.dashboard.compare({ area: provinceArea(targets), unit: "district", ids, ...range(targets) });
    },
    reference: (db, targets) =>
      referenceComparison(
        db,
        targets,
        Prisma.sql`
          SELECT d.id, 'อำเภอ' || d."nameTh" AS name, 'จังหวัด' || p."nameTh" AS parent, row_number() OVER (ORDER BY d.code) AS ord
            FROM "District" d JOIN "Province" p ON p.id = d."provinceId"
           WHERE d."provinceId" = ${targets.provinceId}
           ORDER BY d.code LIMIT ${UNITS}`,
        Prisma.sql`o."districtId"`,
      ),
  },
  {
    name: "dashboard.compareOptions (the province's organisations, no search)",
    by: "provinceReviewer",
    run: (caller, targets) =>
      caller.dashboard.compareOptions({ area: provinceArea(targets), unit: "organization" }),
    reference: (db, targets) => db.$queryRaw`
      SELECT o.id, o."nameTh", 'อำเภอ' || d."nameTh" AS "parentNameTh"
        FROM "LocalOrganization" o JOIN "District" d ON d.id = o."districtId"
       WHERE o.active AND d."provinceId" = ${targets.provinceId}
       ORDER BY d.code, o."dlaCode" LIMIT 51`,
  },
  {
    name: "organization.profile",
    by: "provinceReviewer",
    run: (caller, targets) =>
      caller.organization.profile({ organizationId: targets.organizationId }),
    reference: (db, targets) => db.$queryRaw`
      SELECT o.*, row_to_json(d) AS district, row_to_json(p) AS province,
             (SELECT coalesce(json_agg(t ORDER BY t."validFrom"), '[]') FROM "OrganizationTypePeriod" t WHERE t."organizationId" = o.id) AS "typeHistory",
             json_agg(json_build_object(
               'fiscalYearId', f.id, 'yearBe', f."yearBe", 'submissionDeadline', f."submissionDeadline", 'isOpen', f."isOpen",
               'report', CASE WHEN y.id IS NULL THEN NULL ELSE json_build_object(
                 'id', y.id, 'status', y.status, 'version', y.version, 'origin', y.origin, 'updatedAt', y."updatedAt", 'submittedAt', y."submittedAt") END,
               'itaResult', CASE WHEN r.id IS NULL THEN NULL ELSE json_build_object(
                 'total', r.total::float8, 'iit', r.iit::float8, 'eit', r.eit::float8, 'oit', r.oit::float8,
                 'announcedLevel', r."announcedLevel", 'derivedLevel', r."derivedLevel", 'levelMismatch', r."levelMismatch", 'origin', r.origin) END
             ) ORDER BY f."yearBe" DESC) AS years,
             coalesce(bool_or(y.origin <> 'REAL' OR r.origin <> 'REAL'), false) AS "containsInventedData"
        FROM "LocalOrganization" o
        JOIN "District" d ON d.id = o."districtId"
        JOIN "Province" p ON p.id = d."provinceId"
       CROSS JOIN "FiscalYear" f
        LEFT JOIN "YearlyReport" y ON y."organizationId" = o.id AND y."fiscalYearId" = f.id
        LEFT JOIN "ItaResult" r ON r."organizationId" = o.id AND r."fiscalYearId" = f.id
       WHERE o.id = ${targets.organizationId}
       GROUP BY o.id, d.id, p.id`,
  },
];
