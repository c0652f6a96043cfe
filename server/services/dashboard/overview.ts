// The area overview (issue 4, item 1): figures, score distribution, levels, trend, movers and
// ranking for the active organisations of a district, a province or the country, in one fiscal
// year, optionally narrowed to one district and one organisation type. The caller has checked
// the area (areaProcedure); the district filter is checked here against the area.
//
// Definitions (every number is over the same set of organisations: active, in the area, in the
// district filter and of the type filter when given; the district is the one an organisation's
// office sits in today, also for past years' figures):
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
//    that label as their stored derivedLevel; levelUnknown counts the rest (derivedLevel null,
//    i.e. the scores given could not decide it, or a label no longer in the table), so the
//    level counts plus levelUnknown equal scores.count. levelMismatches: announced ≠ derived.
//  - histogram: the year's totals in 5-point bins from 50 to 100 plus "<50" (see statistics.ts).
//  - trend: every fiscal year in which at least one of the organisations has a result, oldest
//    first: count, mean, median, min, max; overall and per district (each district listed for
//    every year of the overall trend, with count 0 and nulls in a year it has no results).
//  - movers: organisations with a result in both the fiscal year and the one before it
//    (yearBe − 1): the 5 biggest rises and the 5 biggest falls of the total.
//  - ranking: every organisation with its total for the year (or null), levels, report status
//    (or null: no report), and its totals in every year for a sparkline; sorted by total
//    descending, organisations without a total last.
//
// Queries: fiscal years with their level rules, the district filter check, the organisations,
// their results of every year (raw SQL, see below), and their reports of the year: one query
// per kind of data, never one per organisation. The ranking needs every row anyway, so the
// aggregates are computed from those same rows in TypeScript rather than queried again in SQL.
import { Prisma, type DbClient } from "@/server/db/client";
import type { AreaNode } from "@/server/access/access";
import { OrganizationType, type DataOrigin, type ReportStatus } from "@/server/db/generated/enums";
import { AppError, NOT_FOUND_OR_FORBIDDEN } from "@/server/errors";
import { organizationsInArea } from "@/server/services/areas";
import { idSchema, z } from "@/server/validation";
import { histogram, pickMovers, rankByTotal, summarize, type HistogramBin, type ScoreSummary } from "./statistics";

export const ZAreaOverviewInput = z.object({
  yearBe: z
    .number({ error: "กรุณาระบุปีงบประมาณเป็นตัวเลข" })
    .int("ปีงบประมาณต้องเป็นจำนวนเต็ม")
    .min(2500, "ปีงบประมาณไม่ถูกต้อง")
    .max(2700, "ปีงบประมาณไม่ถูกต้อง"),
  districtId: idSchema.nullish(),
  organizationType: z
    .enum(Object.values(OrganizationType) as [OrganizationType, ...OrganizationType[]], { error: "ประเภทองค์กรไม่ถูกต้อง" })
    .nullish(),
  includeUnaccepted: z.boolean({ error: "กรุณาระบุว่าจะนับรายงานที่ยังไม่ได้รับรองหรือไม่" }),
});

export type AreaOverviewInput = z.infer<typeof ZAreaOverviewInput>;

type DistrictRef = { id: string; code: string; nameTh: string };

export type YearStats = ScoreSummary & { yearBe: number };

export type LevelCount = {
  rank: number;
  label: string;
  passing: boolean;
  minTotal: number;
  minEachTool: number | null;
  count: number;
};

export type RankingRow = {
  rank: number | null;
  organizationId: string;
  nameTh: string;
  type: OrganizationType;
  district: DistrictRef;
  total: number | null;
  derivedLevel: string | null;
  announcedLevel: string | null;
  levelMismatch: boolean;
  resultOrigin: DataOrigin | null;
  reportStatus: ReportStatus | null;
  history: { yearBe: number; total: number }[];
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
  /** Some result or report shown is invented (DEMO or SYNTHETIC): the UI marks it. */
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
  trend: {
    overall: YearStats[];
    byDistrict: { district: DistrictRef; years: YearStats[] }[];
  };
  movers: { improvements: MoverRow[]; declines: MoverRow[] };
  ranking: RankingRow[];
};

type ResultRow = {
  organizationId: string;
  yearBe: number;
  total: number;
  derivedLevel: string | null;
  announcedLevel: string | null;
  levelMismatch: boolean;
  origin: DataOrigin;
};

/**
 * The organisation filter of getAreaOverview's Prisma `organizationWhere`, in SQL over
 * "LocalOrganization" o JOIN "District" d (organizationsInArea, active, district, type).
 */
function organizationFilterSql(area: AreaNode, districtId: string | null, organizationType: OrganizationType | null): Prisma.Sql {
  const conditions = [Prisma.sql`o.active`];
  if (area.kind === "district") conditions.push(Prisma.sql`o."districtId" = ${area.id}`);
  if (area.kind === "province") conditions.push(Prisma.sql`d."provinceId" = ${area.id}`);
  if (districtId) conditions.push(Prisma.sql`o."districtId" = ${districtId}`);
  if (organizationType) conditions.push(Prisma.sql`o.type::text = ${organizationType}`);
  return Prisma.join(conditions, " AND ");
}

const SUBMITTED_OR_ACCEPTED: ReadonlySet<ReportStatus> = new Set<ReportStatus>(["SUBMITTED", "ACCEPTED"]);
const ACCEPTED_ONLY: ReadonlySet<ReportStatus> = new Set<ReportStatus>(["ACCEPTED"]);

/** The district filter must name a district of the area; otherwise it looks like a missing id. */
async function requireDistrictInArea(db: DbClient, area: AreaNode, districtId: string): Promise<void> {
  const district = await db.district.findUnique({ where: { id: districtId }, select: { id: true, provinceId: true } });
  const inArea =
    district !== null &&
    (area.kind === "national" ||
      (area.kind === "province" && district.provinceId === area.id) ||
      (area.kind === "district" && district.id === area.id));
  if (!inArea) throw new AppError("NOT_FOUND", NOT_FOUND_OR_FORBIDDEN);
}

export async function getAreaOverview(db: DbClient, area: AreaNode, input: AreaOverviewInput): Promise<AreaOverview> {
  const districtId = input.districtId ?? null;
  const organizationType = input.organizationType ?? null;
  const previousYearBe = input.yearBe - 1;

  const [fiscalYears] = await Promise.all([
    db.fiscalYear.findMany({
      select: { id: true, yearBe: true, levelRules: { orderBy: { rank: "asc" } } },
      orderBy: { yearBe: "asc" },
    }),
    districtId ? requireDistrictInArea(db, area, districtId) : Promise.resolve(),
  ]);
  const fiscalYear = fiscalYears.find((year) => year.yearBe === input.yearBe);
  if (!fiscalYear) throw new AppError("NOT_FOUND", `ไม่มีปีงบประมาณ ${input.yearBe} ในระบบ`);

  const organizationWhere: Prisma.LocalOrganizationWhereInput = {
    AND: [
      organizationsInArea(area),
      { active: true },
      ...(districtId ? [{ districtId }] : []),
      ...(organizationType ? [{ type: organizationType }] : []),
    ],
  };
  const [organizations, results, reports] = await Promise.all([
    db.localOrganization.findMany({
      where: organizationWhere,
      select: { id: true, nameTh: true, type: true, district: { select: { id: true, code: true, nameTh: true } } },
    }),
    // Every year's results: raw SQL because at national scale (≈80,000 rows) Prisma's row
    // decoding with a Decimal per total costs twice the query itself. total::float8 is the
    // nearest double to the stored 2-decimal value, as Decimal.toNumber() gives.
    db.$queryRaw<ResultRow[]>`
      SELECT r."organizationId", f."yearBe", r.total::float8 AS total, r."derivedLevel",
             r."announcedLevel", r."levelMismatch", r.origin::text AS origin
        FROM "ItaResult" r
        JOIN "FiscalYear" f ON f.id = r."fiscalYearId"
        JOIN "LocalOrganization" o ON o.id = r."organizationId"
        JOIN "District" d ON d.id = o."districtId"
       WHERE ${organizationFilterSql(area, districtId, organizationType)}`,
    db.yearlyReport.findMany({
      where: { fiscalYearId: fiscalYear.id, organization: organizationWhere },
      select: { organizationId: true, status: true, origin: true },
    }),
  ]);

  // ── Index the rows ──
  const organizationById = new Map(organizations.map((organization) => [organization.id, organization]));
  const resultsByOrganization = new Map<string, ResultRow[]>();
  const resultsByYear = new Map<number, ResultRow[]>();
  for (const row of results) {
    // Only rows of the organisations listed above count: the two filters say the same thing
    // (one in Prisma, one in SQL), and this keeps a row from ever showing up without its
    // organisation, also when one changed between the two queries.
    if (!organizationById.has(row.organizationId)) continue;
    pushTo(resultsByOrganization, row.organizationId, row);
    pushTo(resultsByYear, row.yearBe, row);
  }
  const yearResults = resultsByYear.get(input.yearBe) ?? [];
  const yearScores = yearResults.map((row) => row.total);
  const reportByOrganization = new Map(
    reports.filter((report) => organizationById.has(report.organizationId)).map((report) => [report.organizationId, report]),
  );

  // ── Figures ──
  const counted = input.includeUnaccepted ? SUBMITTED_OR_ACCEPTED : ACCEPTED_ONLY;
  const byStatus = { DRAFT: 0, IN_SIGN_OFF: 0, SUBMITTED: 0, RETURNED: 0, ACCEPTED: 0, NONE: 0 };
  for (const report of reportByOrganization.values()) byStatus[report.status] += 1;
  byStatus.NONE = organizations.length - reportByOrganization.size;
  let submitted = 0;
  for (const report of reportByOrganization.values()) if (counted.has(report.status)) submitted += 1;

  const levels: LevelCount[] = fiscalYear.levelRules.map((rule) => ({
    rank: rule.rank,
    label: rule.label,
    passing: rule.passing,
    minTotal: rule.minTotal.toNumber(),
    minEachTool: rule.minEachTool?.toNumber() ?? null,
    count: 0,
  }));
  const levelByLabel = new Map(levels.map((level) => [level.label, level]));
  let levelUnknown = 0;
  for (const row of yearResults) {
    const level = row.derivedLevel === null ? undefined : levelByLabel.get(row.derivedLevel);
    if (level) level.count += 1;
    else levelUnknown += 1;
  }
  const yearSummary = summarize(yearScores);

  // ── Trend ──
  const trendYears = [...resultsByYear.keys()].sort((a, b) => a - b);
  const districts = new Map<string, DistrictRef>();
  for (const organization of organizations) districts.set(organization.district.id, organization.district);
  const sortedDistricts = [...districts.values()].sort((a, b) => a.code.localeCompare(b.code));
  const districtScores = new Map<string, Map<number, number[]>>(sortedDistricts.map((d) => [d.id, new Map()]));
  for (const [yearBe, rows] of resultsByYear) {
    for (const row of rows) {
      const perYear = districtScores.get(organizationById.get(row.organizationId)!.district.id)!;
      pushTo(perYear, yearBe, row.total);
    }
  }

  // ── Movers ──
  const pairs = [];
  for (const [organizationId, rows] of resultsByOrganization) {
    const current = rows.find((row) => row.yearBe === input.yearBe);
    const previous = rows.find((row) => row.yearBe === previousYearBe);
    if (!current || !previous) continue;
    const organization = organizationById.get(organizationId)!;
    pairs.push({
      organizationId,
      nameTh: organization.nameTh,
      district: organization.district,
      previous: previous.total,
      current: current.total,
    });
  }

  // ── Ranking ──
  const ranking = rankByTotal(
    organizations.map((organization) => {
      const history = (resultsByOrganization.get(organization.id) ?? []).sort((a, b) => a.yearBe - b.yearBe);
      const current = history.find((row) => row.yearBe === input.yearBe);
      return {
        organizationId: organization.id,
        nameTh: organization.nameTh,
        type: organization.type,
        district: organization.district,
        total: current?.total ?? null,
        derivedLevel: current?.derivedLevel ?? null,
        announcedLevel: current?.announcedLevel ?? null,
        levelMismatch: current?.levelMismatch ?? false,
        resultOrigin: current?.origin ?? null,
        reportStatus: reportByOrganization.get(organization.id)?.status ?? null,
        history: history.map((row) => ({ yearBe: row.yearBe, total: row.total })),
      };
    }),
  );

  const containsInventedData =
    [...resultsByOrganization.values()].some((rows) => rows.some((row) => row.origin !== "REAL")) ||
    [...reportByOrganization.values()].some((report) => report.origin !== "REAL");

  return {
    yearBe: input.yearBe,
    previousYearBe,
    filters: { districtId, organizationType },
    includeUnaccepted: input.includeUnaccepted,
    containsInventedData,
    figures: {
      organizations: organizations.length,
      reports: {
        submitted,
        accepted: byStatus.ACCEPTED,
        missing: organizations.length - submitted,
        reportingRate: organizations.length === 0 ? null : submitted / organizations.length,
        byStatus,
      },
      scores: { count: yearSummary.count, mean: yearSummary.mean, median: yearSummary.median },
      levels,
      levelUnknown,
      levelMismatches: yearResults.filter((row) => row.levelMismatch).length,
    },
    histogram: histogram(yearScores),
    trend: {
      overall: trendYears.map((yearBe) => ({ yearBe, ...summarize(resultsByYear.get(yearBe)!.map((row) => row.total)) })),
      byDistrict: sortedDistricts.map((district) => ({
        district,
        years: trendYears.map((yearBe) => ({ yearBe, ...summarize(districtScores.get(district.id)!.get(yearBe) ?? []) })),
      })),
    },
    movers: pickMovers(pairs),
    ranking,
  };
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
