// The area overview (issue 4, item 1): figures, score distribution, levels and movers of one
// fiscal year over a dashboard scope (scope.ts); the trend is in trend.ts, the ranking in
// ranking.ts — three procedures, so that the page's parts load independently and none carries
// the whole country's rows.
//
// Definitions (every number is over the organisations of the scope):
//  - organizations: how many there are = the reports expected for the year.
//  - reports: counted from YearlyReport of the fiscal year.
//    includeUnaccepted says which reports count as in:
//      true  → "submitted" = status SUBMITTED or ACCEPTED (sent to the province, accepted or not);
//      false → "submitted" = status ACCEPTED only (a reviewer has accepted it).
//    It applies to these report-based numbers only: submitted, missing and reportingRate.
//    `accepted` is always the ACCEPTED count, `byStatus` always every status as stored. Scores,
//    levels, histogram, trend, movers and ranking come from ItaResult, the result of the year's ITA
//    assessment, which does not depend on any report or its acceptance: the switch does not
//    change them. The switch is echoed in the output so the UI can say what is included.
//    missing = organizations − submitted; reportingRate = submitted ÷ organizations (an
//    unrounded ratio 0–1), null when there are no organisations.
//  - scores: ItaResult.total of the fiscal year; mean and median rounded half up to 2 decimals
//    (median of an even count = mean of the two middle values), null when there are none.
//  - levels: the fiscal year's LevelRule rows in rank order, each with how many results have
//    that label as their stored level (the one level of resolveLevel: announced, else by the
//    rules, else by the total alone); levelUnknown counts the rest (a year without rules, or an
//    announced label not in the table), so the level counts plus levelUnknown equal
//    scores.count. levelMismatches: announced ≠ derived.
//  - includeUnconfirmed: whether the organisations' own results not yet confirmed by a province
//    reviewer count in every score figure (scores, levels, histogram, movers); unconfirmedScores
//    says how many the year has either way.
//  - histogram: the year's totals in 5-point bins from 50 to 100 plus "<50" (see statistics.ts).
//  - movers: organisations with a result in both the fiscal year and the one before it
//    (yearBe − 1): the 5 biggest rises and the 5 biggest falls of the total.
//  - containsInventedData: some result (any year) or report (this year) of the scope is DEMO
//    or SYNTHETIC: the UI says so.
//
// One SQL statement computes everything over whole hundredths (exact sums and middles) from the
// rollup of organisations × years (scope.ts, rollupScopeSql); the fiscal year's level rules are
// read beside it.
import type { DbClient } from "@/server/db/client";
import type { AreaNode } from "@/server/access/access";
import type { OrganizationType, ReportStatus } from "@/server/db/generated/enums";
import { AppError } from "@/server/errors";
import { countedReportStatuses, countedRollupSql, fiscalYearIdSql, resolveDashboardScope, rollupScopeSql, ZDashboardFilters, type DashboardFilters } from "./scope";
import { emptyHistogram, fromCents, HISTOGRAM_FLOOR, HISTOGRAM_STEP, pickMovers, type HistogramBin } from "./statistics";

export const ZAreaOverviewInput = ZDashboardFilters;
export type AreaOverviewInput = DashboardFilters;

export type DistrictRef = { id: string; code: string; nameTh: string };

export type LevelCount = {
  rank: number;
  label: string;
  passing: boolean;
  minTotal: number;
  minEachTool: number | null;
  count: number;
};

export type MoverRow = {
  organizationId: string;
  nameTh: string;
  district: DistrictRef;
  previous: number;
  current: number;
  change: number;
};

export type AreaOverview = {
  yearBe: number;
  previousYearBe: number;
  filters: { districtId: string | null; organizationType: OrganizationType | null };
  includeUnaccepted: boolean;
  includeUnconfirmed: boolean;
  /**
   * The year's organisations' own results not yet confirmed by a province reviewer: counted in
   * the figures when includeUnconfirmed, left out otherwise; the page says which.
   */
  unconfirmedScores: number;
  /** Some result or report of the scope is invented (DEMO or SYNTHETIC): the UI marks it. */
  containsInventedData: boolean;
  figures: {
    organizations: number;
    reports: {
      submitted: number;
      accepted: number;
      missing: number;
      reportingRate: number | null;
      byStatus: Record<ReportStatus, number> & { NONE: number };
    };
    scores: { count: number; mean: number | null; median: number | null };
    levels: LevelCount[];
    levelUnknown: number;
    levelMismatches: number;
  };
  histogram: HistogramBin[];
  movers: { improvements: MoverRow[]; declines: MoverRow[] };
};

type MoverCandidate = {
  organizationId: string;
  nameTh: string;
  districtId: string;
  districtCode: string;
  districtNameTh: string;
  previousCents: number;
  currentCents: number;
};

type OverviewRow = {
  organizations: number;
  reportsByStatus: Partial<Record<ReportStatus, number>>;
  scoreCount: number;
  sumCents: number | null;
  medianCents: number | null;
  levelMismatches: number;
  levelCounts: Record<string, number>;
  histogramCounts: Record<string, number>;
  moverCandidates: MoverCandidate[];
  containsInventedData: boolean;
  unconfirmedScores: number;
};

const HISTOGRAM_LAST_BIN = emptyHistogram().length - 1;

export async function getAreaOverview(db: DbClient, area: AreaNode, input: AreaOverviewInput): Promise<AreaOverview> {
  const previousYearBe = input.yearBe - 1;
  const [scope, fiscalYear] = await Promise.all([
    resolveDashboardScope(db, area, input),
    db.fiscalYear.findUnique({ where: { yearBe: input.yearBe }, select: { levelRules: { orderBy: { rank: "asc" } } } }),
  ]);
  if (!fiscalYear) throw new AppError("NOT_FOUND", `ไม่มีปีงบประมาณ ${input.yearBe} ในระบบ`);

  const year = fiscalYearIdSql(input.yearBe);
  const counted = (alias: string) => countedRollupSql(alias, input.includeUnconfirmed);
  const inScope = (alias: string) => rollupScopeSql(alias, area, scope.districtId, scope.organizationType);
  // The scope's rows of the year in the rollup (scope.ts, rollupScopeSql): every organisation
  // has one, with its result and report.
  const [row] = await db.$queryRaw<[OverviewRow]>`
    WITH scoped AS (
      SELECT f."organizationId", f."nameTh", f."districtId", f.cents, f.unconfirmed, f.level, f."levelMismatch",
             f."reportStatus"::text AS "reportStatus", f."reportOrigin"::text AS "reportOrigin", ${counted("f")} AS counted
        FROM "DashboardOrganizationYear" f
       WHERE f."fiscalYearId" = ${year} AND ${inScope("f")}
    ),
    year_results AS (SELECT * FROM scoped WHERE cents IS NOT NULL AND counted),
    year_reports AS (SELECT "reportStatus" AS status, "reportOrigin" AS origin FROM scoped WHERE "reportStatus" IS NOT NULL),
    pairs AS (
      SELECT c."organizationId", c."nameTh", c."districtId", p.cents AS "previousCents", c.cents AS "currentCents", c.cents - p.cents AS change
        FROM year_results c
        JOIN "DashboardOrganizationYear" p ON p."organizationId" = c."organizationId" AND p."fiscalYearId" = ${fiscalYearIdSql(previousYearBe)}
       WHERE p.cents IS NOT NULL AND ${counted("p")}
    ),
    -- Everything tied with the 5th biggest change either way: pickMovers then breaks ties by name.
    mover_candidates AS (
      SELECT ranked.*, d.code AS "districtCode", d."nameTh" AS "districtNameTh" FROM (
        SELECT pairs.*, rank() OVER (ORDER BY change DESC) AS up, rank() OVER (ORDER BY change) AS down FROM pairs
      ) ranked
        JOIN "District" d ON d.id = ranked."districtId"
       WHERE (change > 0 AND up <= 5) OR (change < 0 AND down <= 5)
    )
    SELECT
      (SELECT count(*)::int FROM scoped) AS organizations,
      (SELECT coalesce(json_object_agg(status, n), '{}'::json)
         FROM (SELECT status, count(*)::int AS n FROM year_reports GROUP BY status) g) AS "reportsByStatus",
      (SELECT count(*)::int FROM year_results) AS "scoreCount",
      (SELECT sum(cents)::float8 FROM year_results) AS "sumCents",
      (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY cents) FROM year_results) AS "medianCents",
      (SELECT count(*)::int FROM year_results WHERE "levelMismatch") AS "levelMismatches",
      (SELECT coalesce(json_object_agg(level, n), '{}'::json)
         FROM (SELECT coalesce(level, '') AS level, count(*)::int AS n FROM year_results GROUP BY 1) g) AS "levelCounts",
      (SELECT coalesce(json_object_agg(bin, n), '{}'::json)
         FROM (SELECT CASE WHEN cents < ${HISTOGRAM_FLOOR * 100} THEN 0
                           ELSE 1 + least(${HISTOGRAM_LAST_BIN - 1}, (cents - ${HISTOGRAM_FLOOR * 100}) / ${HISTOGRAM_STEP * 100}) END AS bin,
                      count(*)::int AS n
                 FROM year_results GROUP BY 1) g) AS "histogramCounts",
      (SELECT coalesce(json_agg(json_build_object(
                'organizationId', "organizationId", 'nameTh', "nameTh", 'districtId', "districtId",
                'districtCode', "districtCode", 'districtNameTh', "districtNameTh",
                'previousCents', "previousCents", 'currentCents', "currentCents")), '[]'::json)
         FROM mover_candidates) AS "moverCandidates",
      EXISTS (SELECT 1 FROM year_reports WHERE origin <> 'REAL')
        OR EXISTS (SELECT 1 FROM "DashboardOrganizationYear" f WHERE ${inScope("f")} AND f."resultOrigin" <> 'REAL' AND ${counted("f")}) AS "containsInventedData",
      (SELECT count(*)::int FROM scoped WHERE cents IS NOT NULL AND unconfirmed) AS "unconfirmedScores"`;

  const byStatus = { DRAFT: 0, IN_SIGN_OFF: 0, SUBMITTED: 0, RETURNED: 0, ACCEPTED: 0, ...row.reportsByStatus, NONE: 0 };
  const reportCount = byStatus.DRAFT + byStatus.IN_SIGN_OFF + byStatus.SUBMITTED + byStatus.RETURNED + byStatus.ACCEPTED;
  byStatus.NONE = row.organizations - reportCount;
  const submitted = countedReportStatuses(input.includeUnaccepted).reduce((sum, status) => sum + byStatus[status], 0);

  const levels: LevelCount[] = fiscalYear.levelRules.map((rule) => ({
    rank: rule.rank,
    label: rule.label,
    passing: rule.passing,
    minTotal: rule.minTotal.toNumber(),
    minEachTool: rule.minEachTool?.toNumber() ?? null,
    count: row.levelCounts[rule.label] ?? 0,
  }));
  const levelUnknown = row.scoreCount - levels.reduce((sum, level) => sum + level.count, 0);

  const histogram = emptyHistogram().map((bin, index) => ({ ...bin, count: row.histogramCounts[index] ?? 0 }));

  const movers = pickMovers(
    row.moverCandidates.map((candidate) => ({
      organizationId: candidate.organizationId,
      nameTh: candidate.nameTh,
      district: { id: candidate.districtId, code: candidate.districtCode, nameTh: candidate.districtNameTh },
      previous: candidate.previousCents / 100,
      current: candidate.currentCents / 100,
    })),
  );

  return {
    yearBe: input.yearBe,
    previousYearBe,
    filters: { districtId: scope.districtId, organizationType: scope.organizationType },
    includeUnaccepted: input.includeUnaccepted,
    includeUnconfirmed: input.includeUnconfirmed !== false,
    unconfirmedScores: row.unconfirmedScores,
    containsInventedData: row.containsInventedData,
    figures: {
      organizations: row.organizations,
      reports: {
        submitted,
        accepted: byStatus.ACCEPTED,
        missing: row.organizations - submitted,
        reportingRate: row.organizations === 0 ? null : submitted / row.organizations,
        byStatus,
      },
      scores: {
        count: row.scoreCount,
        mean: row.scoreCount === 0 ? null : fromCents(row.sumCents! / row.scoreCount),
        median: row.medianCents === null ? null : fromCents(row.medianCents),
      },
      levels,
      levelUnknown,
      levelMismatches: row.levelMismatches,
    },
    histogram,
    movers,
  };
}
