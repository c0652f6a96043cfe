// The ranking of an area's organisations in one fiscal year (issue 4, item 1): every
// organisation of the scope with its total (or null), levels, report status (or null: no
// report) and its totals of every year for a sparkline. Ranks are competition-style over the
// whole scope (equal totals share a rank: 1, 2, 2, 4; no total, no rank), before any search.
// The page asks for one page of rows at a time, sorted and searched in SQL; exports ask for
// them all (listAreaRanking).
import { Prisma, type DbClient } from "@/server/db/client";
import type { AreaNode } from "@/server/access/access";
import type { DataOrigin, LevelBasis, OrganizationType, ReportStatus, ScoreSource } from "@/server/db/generated/enums";
import { z } from "@/server/validation";
import type { DistrictRef } from "./overview";
import { countedRollupSql, fiscalYearIdSql, resolveDashboardScope, rollupScopeSql, unconfirmedResultSql, ZDashboardFilters, type DashboardFilters } from "./scope";

export const RANKING_SORTS = ["score", "name", "district"] as const;
export type RankingSort = (typeof RANKING_SORTS)[number];
export const RANKING_PAGE_SIZE = 50;

export const ZRankingInput = ZDashboardFilters.extend({
  search: z.string().trim().max(100, "คำค้นยาวเกิน 100 ตัวอักษร").optional(),
  sort: z.enum(RANKING_SORTS, { error: "ลำดับการเรียงไม่ถูกต้อง" }).default("score"),
  descending: z.boolean({ error: "กรุณาระบุทิศทางการเรียง" }).default(true),
  page: z.number({ error: "หน้าต้องเป็นตัวเลข" }).int("หน้าต้องเป็นจำนวนเต็ม").min(1, "หน้าต้องเริ่มที่ 1").max(10_000, "หน้าไม่ถูกต้อง").default(1),
  pageSize: z.number({ error: "จำนวนต่อหน้าต้องเป็นตัวเลข" }).int("จำนวนต่อหน้าต้องเป็นจำนวนเต็ม").min(1).max(200, "แสดงได้ไม่เกิน 200 แห่งต่อหน้า").default(RANKING_PAGE_SIZE),
});
type RankingQuery = z.output<typeof ZRankingInput>;

export type RankingRow = {
  rank: number | null;
  organizationId: string;
  nameTh: string;
  type: OrganizationType;
  district: DistrictRef;
  total: number | null;
  iit: number | null;
  eit: number | null;
  oit: number | null;
  derivedLevel: string | null;
  announcedLevel: string | null;
  levelMismatch: boolean;
  /** The one level shown (resolveLevel) and where it comes from. */
  level: string | null;
  levelBasis: LevelBasis | null;
  /** Where the score comes from; unconfirmed: the organisation's own, not yet confirmed (marked). */
  source: ScoreSource | null;
  unconfirmed: boolean;
  resultOrigin: DataOrigin | null;
  reportStatus: ReportStatus | null;
  history: { yearBe: number; total: number }[];
};

export type AreaRanking = {
  yearBe: number;
  /** Organisations of the scope, and of them those matching the search. */
  organizations: number;
  matched: number;
  page: number;
  pageSize: number;
  rows: RankingRow[];
};

type Row = Omit<RankingRow, "district" | "history"> & {
  districtId: string;
  districtCode: string;
  districtNameTh: string;
  history: { yearBe: number; total: number }[] | null;
};

type RankingResult = { organizations: number; matched: number; rows: Row[] };

// The same order in PostgreSQL and PGlite: ICU's root collation (Intl.Collator("und")), Thai
// letters in dictionary order with leading vowels after their consonant. Unlike the Thai
// tailoring, which PGlite's ICU lacks, it counts spaces and punctuation.
const THAI = Prisma.raw(`COLLATE "und-x-icu"`);

function orderBy(sort: RankingSort, descending: boolean): Prisma.Sql {
  const direction = Prisma.raw(descending ? "DESC" : "ASC");
  const byName = Prisma.sql`"nameTh" ${THAI}, "organizationId"`;
  // Organisations without a score stay last in either direction.
  if (sort === "score") return Prisma.sql`total ${direction} NULLS LAST, ${byName}`;
  if (sort === "name") return Prisma.sql`"nameTh" ${THAI} ${direction}, "organizationId"`;
  return Prisma.sql`"districtNameTh" ${THAI} ${direction}, total DESC NULLS LAST, ${byName}`;
}

async function queryRanking(db: DbClient, area: AreaNode, query: RankingQuery, limit: number | null, offset: number): Promise<RankingResult> {
  const scope = await resolveDashboardScope(db, area, query);
  const year = fiscalYearIdSql(query.yearBe);
  const search = query.search ? Prisma.sql`strpos("nameTh", ${query.search}) > 0` : Prisma.sql`TRUE`;
  // Ranked over the rollup (scope.ts, rollupScopeSql); the page's rows then read their result's
  // other columns by id, and their history from the rollup.
  const [result] = await db.$queryRaw<[RankingResult]>`
    WITH scoped AS (
      SELECT f."organizationId", f."nameTh", f.type::text AS type, f."districtId", d.code AS "districtCode", d."nameTh" AS "districtNameTh",
             CASE WHEN ${countedRollupSql("f", query.includeUnconfirmed)} THEN f."resultId" END AS "resultId",
             CASE WHEN ${countedRollupSql("f", query.includeUnconfirmed)} THEN f.cents END AS cents,
             f."reportStatus"::text AS "reportStatus"
        FROM "DashboardOrganizationYear" f JOIN "District" d ON d.id = f."districtId"
       WHERE f."fiscalYearId" = ${year} AND ${rollupScopeSql("f", area, scope.districtId, scope.organizationType)}
    ),
    ranked AS (
      SELECT scoped.*, (cents::numeric / 100)::float8 AS total,
             CASE WHEN cents IS NULL THEN NULL ELSE (rank() OVER (ORDER BY cents DESC NULLS LAST))::int END AS rank
        FROM scoped
    ),
    matching AS (SELECT * FROM ranked WHERE ${search}),
    page AS (
      SELECT matching.*, row_number() OVER (ORDER BY ${orderBy(query.sort, query.descending)}) AS position
        FROM matching
       ORDER BY position
       ${limit === null ? Prisma.empty : Prisma.sql`LIMIT ${limit}`} OFFSET ${offset}
    )
    SELECT
      (SELECT count(*)::int FROM ranked) AS organizations,
      (SELECT count(*)::int FROM matching) AS matched,
      (SELECT coalesce(json_agg(json_build_object(
                'rank', page.rank, 'organizationId', page."organizationId", 'nameTh', page."nameTh", 'type', page.type,
                'districtId', page."districtId", 'districtCode', page."districtCode", 'districtNameTh', page."districtNameTh",
                'total', page.total, 'iit', r.iit::float8, 'eit', r.eit::float8, 'oit', r.oit::float8,
                'derivedLevel', r."derivedLevel", 'announcedLevel', r."announcedLevel",
                'levelMismatch', coalesce(r."levelMismatch", false), 'level', r.level, 'levelBasis', r."levelBasis"::text,
                'source', r.source::text, 'unconfirmed', coalesce(${unconfirmedResultSql("r")}, false), 'resultOrigin', r.origin::text,
                'reportStatus', page."reportStatus",
                'history', (SELECT json_agg(json_build_object('yearBe', fy."yearBe", 'total', (h.cents::numeric / 100)::float8) ORDER BY fy."yearBe")
                              FROM "DashboardOrganizationYear" h JOIN "FiscalYear" fy ON fy.id = h."fiscalYearId"
                             WHERE h."organizationId" = page."organizationId" AND h.cents IS NOT NULL AND ${countedRollupSql("h", query.includeUnconfirmed)})
              ) ORDER BY page.position), '[]'::json)
         FROM page LEFT JOIN "ItaResult" r ON r.id = page."resultId") AS rows`;
  return result;
}

function toRankingRow({ districtId, districtCode, districtNameTh, history, ...row }: Row): RankingRow {
  return { ...row, district: { id: districtId, code: districtCode, nameTh: districtNameTh }, history: history ?? [] };
}

/** One page of the ranking, for the overview page. */
export async function getAreaRanking(db: DbClient, area: AreaNode, input: RankingQuery): Promise<AreaRanking> {
  const result = await queryRanking(db, area, input, input.pageSize, (input.page - 1) * input.pageSize);
  return {
    yearBe: input.yearBe,
    organizations: result.organizations,
    matched: result.matched,
    page: input.page,
    pageSize: input.pageSize,
    rows: result.rows.map(toRankingRow),
  };
}

/** Every row of the ranking, ordered by score (exports). */
export async function listAreaRanking(db: DbClient, area: AreaNode, filters: DashboardFilters): Promise<RankingRow[]> {
  const result = await queryRanking(db, area, { ...filters, sort: "score", descending: true, page: 1, pageSize: RANKING_PAGE_SIZE }, null, 0);
  return result.rows.map(toRankingRow);
}
