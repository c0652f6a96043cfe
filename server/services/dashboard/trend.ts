// The trend of an area's scores across fiscal years (issue 4, item 1): for every fiscal year in
// which at least one organisation of the scope has a result, oldest first: count, mean, median,
// min and max of the totals (rounded as in overview.ts) — overall, and per unit: per district
// for a district or province, per province for the country. Every unit of the scope is listed
// for every year of the overall trend, with count 0 and nulls in a year it has no results.
// The fiscal year of the filters only picks nothing here: the trend is every year's.
import { Prisma, type DbClient } from "@/server/db/client";
import type { AreaNode } from "@/server/access/access";
import { countedRollupSql, resolveDashboardScope, rollupScopeSql, type DashboardFilters } from "./scope";
import { fromCents, type ScoreSummary } from "./statistics";

export type YearStats = ScoreSummary & { yearBe: number };

export type TrendUnit = { kind: "district" | "province"; id: string; code: string; nameTh: string };

export type AreaTrend = {
  unitKind: TrendUnit["kind"];
  overall: YearStats[];
  byUnit: { unit: TrendUnit; years: YearStats[] }[];
};

// Columns of the `scoped` CTE naming each kind of unit.
const UNIT_COLUMNS = {
  district: { id: Prisma.sql`s."districtId"`, code: Prisma.sql`s."districtCode"`, nameTh: Prisma.sql`s."districtNameTh"` },
  province: { id: Prisma.sql`s."provinceId"`, code: Prisma.sql`s."provinceCode"`, nameTh: Prisma.sql`s."provinceNameTh"` },
} as const;

type StatsRow = {
  yearBe: number;
  /** null on the overall row of a year (GROUPING SETS). */
  unitId: string | null;
  count: number;
  sumCents: number;
  medianCents: number;
  minCents: number;
  maxCents: number;
};

type TrendRow = { stats: StatsRow[]; units: Omit<TrendUnit, "kind">[] };

function yearStats(yearBe: number, row: StatsRow | undefined): YearStats {
  if (!row) return { yearBe, count: 0, mean: null, median: null, min: null, max: null };
  return {
    yearBe,
    count: row.count,
    mean: fromCents(row.sumCents / row.count),
    median: fromCents(row.medianCents),
    min: row.minCents / 100,
    max: row.maxCents / 100,
  };
}

// The unit of a rollup row f.
const ROLLUP_UNIT = { district: Prisma.sql`f."districtId"`, province: Prisma.sql`f."provinceId"` } as const;

export async function getAreaTrend(db: DbClient, area: AreaNode, filters: DashboardFilters): Promise<AreaTrend> {
  const scope = await resolveDashboardScope(db, area, filters);
  const unitKind = area.kind === "national" ? "province" : "district";
  const unit = UNIT_COLUMNS[unitKind];

  // Every year's results from the rollup (scope.ts, rollupScopeSql). Below the country the rows
  // are read by index, one year at a time (the index leads with the year).
  const inYears = area.kind === "national" ? Prisma.sql`TRUE` : Prisma.sql`f."fiscalYearId" = ANY (ARRAY(SELECT id FROM "FiscalYear"))`;
  const [row] = await db.$queryRaw<[TrendRow]>`
    WITH ${scope.scopedCte},
    stats AS (
      SELECT fy."yearBe", ${ROLLUP_UNIT[unitKind]} AS "unitId", count(*)::int AS count, sum(f.cents)::float8 AS "sumCents",
             percentile_cont(0.5) WITHIN GROUP (ORDER BY f.cents) AS "medianCents",
             min(f.cents) AS "minCents", max(f.cents) AS "maxCents"
        FROM "DashboardOrganizationYear" f
        JOIN "FiscalYear" fy ON fy.id = f."fiscalYearId"
       WHERE ${inYears} AND ${rollupScopeSql("f", area, scope.districtId, scope.organizationType)}
         AND f.cents IS NOT NULL AND ${countedRollupSql("f", filters.includeUnconfirmed)}
       GROUP BY GROUPING SETS ((fy."yearBe"), (fy."yearBe", ${ROLLUP_UNIT[unitKind]}))
    )
    SELECT
      (SELECT coalesce(json_agg(stats ORDER BY "yearBe"), '[]'::json) FROM stats) AS stats,
      (SELECT coalesce(json_agg(json_build_object('id', id, 'code', code, 'nameTh', "nameTh") ORDER BY code), '[]'::json)
         FROM (SELECT DISTINCT ${unit.id} AS id, ${unit.code} AS code, ${unit.nameTh} AS "nameTh" FROM scoped s) u) AS units`;

  const overallByYear = new Map<number, StatsRow>();
  const byUnitYear = new Map<string, StatsRow>();
  for (const stats of row.stats) {
    if (stats.unitId === null) overallByYear.set(stats.yearBe, stats);
    else byUnitYear.set(`${stats.unitId}:${stats.yearBe}`, stats);
  }
  const years = [...overallByYear.keys()];
  return {
    unitKind,
    overall: years.map((yearBe) => yearStats(yearBe, overallByYear.get(yearBe))),
    byUnit: row.units.map((unitRow) => ({
      unit: { kind: unitKind, ...unitRow },
      years: years.map((yearBe) => yearStats(yearBe, byUnitYear.get(`${unitRow.id}:${yearBe}`))),
    })),
  };
}
