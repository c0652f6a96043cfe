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
import { countedResultSql, fiscalYearIdSql, resolveDashboardScope, unconfirmedResultSql, ZDashboardFilters, type DashboardFilters } from "./scope";

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
  const [result] = await db.$queryRaw<[RankingResult]>`
    WITH ${scope.scopedCte},
    ranked AS (
      SELECT s.id AS "organizationId", s."nameTh", s.type, s."districtId", s."districtCode", s."districtNameTh",
             r.total::float8 AS total, r.iit::float8 AS iit, r.eit::float8 AS eit, r.oit::float8 AS oit, r."derivedLevel", r."announcedLevel", coalesce(r."levelMismatch", false) AS "levelMismatch",
             r.level, r."levelBasis"::text AS "levelBasis", r.source::text AS source, coalesce(${unconfirmedResultSql("r")}, false) AS unconfirmed,
             r.origin::text AS "resultOrigin", y.status::text AS "reportStatus",
             CASE WHEN r.total IS NULL THEN NULL ELSE (rank() OVER (ORDER BY r.total DESC NULLS LAST))::int END AS rank
        FROM scoped s
        LEFT JOIN "ItaResult" r ON r."organizationId" = s.id AND r."fiscalYearId" = ${year} AND ${countedResultSql("r", query.includeUnconfirmed)}
        LEFT JOIN "YearlyReport" y ON y."organizationId" = s.id AND y."fiscalYearId" = ${year}
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
                'rank', rank, 'organizationId', "organizationId", 'nameTh', "nameTh", 'type', type,
                'districtId', "districtId", 'districtCode', "districtCode", 'districtNameTh', "districtNameTh",
                'total', total, 'iit', iit, 'eit', eit, 'oit', oit, 'derivedLevel', "derivedLevel", 'announcedLevel', "announcedLevel",
                'levelMismatch', "levelMismatch", 'level', level, 'levelBasis', "levelBasis", 'source', source, 'unconfirmed', unconfirmed, 'resultOrigin', "resultOrigin", 'reportStatus', "reportStatus",
                'history', (SELECT json_agg(json_build_object('yearBe', f."yearBe", 'total', h.total::float8) ORDER BY f."yearBe")
                              FROM "ItaResult" h JOIN "FiscalYear" f ON f.id = h."fiscalYearId"
                             WHERE h."organizationId" = page."organizationId" AND ${countedResultSql("h", query.includeUnconfirmed)})
              ) ORDER BY position), '[]'::json)
         FROM page) AS rows`;
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
