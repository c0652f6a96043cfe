// Peer insight (issue 16, item 2): what the organisations that score highest did in their
// accepted reports, and which issues and result items go with score gains. Aggregates only:
// no answer names another organisation.
//
// Definitions (fiscal year N, its catalogue of suggested issues and standard result items):
//  - a score counts when it is announced or confirmed by the province: source <>
//    'ORGANIZATION_REPORTED' OR confirmedAt IS NOT NULL. Totals are whole hundredths in SQL.
//  - an organisation adopted a standard result item when its ACCEPTED report of year N (never a
//    draft, a report in sign-off, a submitted or a returned one) has a measure under a report
//    issue linked to the item's suggested issue with that item checked. It adopted a suggested
//    issue when that report has at least one measure under it. Both are stored when the report
//    is accepted (ReportAdoption, one row per accepted report: server/services/reports/adoptions.ts)
//    and read from there, instead of every measure of thousands of reports: a row there is an
//    accepted report.
//  - the score move of an organisation is total(N+1) − total(N), both counted; organisations
//    without both have none and are left out of every mean (n says how many are in it).
//
// Organisation view (getOrganizationInsight):
//  - comparable organisations: active, of the organisation's type (today's), in its province or
//    the whole country (`peers`), with a counted score of year N.
//  - fewer than MIN_GROUP comparable organisations: `tooFew`, nothing else is told.
//  - privacy: a mean score move rests on at least MIN_GROUP organisations; over fewer its mean
//    is withheld (`tooFew`, shown as "น้อยเกินกว่าจะแสดง"), in both views.
//  - top quartile: the comparable organisations ranked by total, highest first (equal totals
//    share a rank), whose rank ≤ ceil(count ÷ 4): ties at the edge are all in.
//  - per suggested issue, the items adopted by at least one top-quartile organisation and not
//    adopted by this organisation (its own accepted report of year N): share = adopters in the
//    top quartile ÷ top-quartile size; the adopters' mean score move with its n.
//
// Area view (getAreaInsight):
//  - organisations counted: the active organisations of the area (of the type when given) with
//    an accepted report of year N and both counted scores (N and N+1).
//  - per suggested issue and per standard result item: the counted organisations that adopted
//    it and those that did not, each with its count and mean score move. Association only.
//    When either side has fewer than MIN_GROUP organisations both means and the difference are
//    withheld: the overall mean minus the shown side would give the hidden one.
//
// One SQL statement per view, the catalogue included.
import { Prisma, type DbClient } from "@/server/db/client";
import type { AreaNode } from "@/server/access/access";
import { OrganizationType } from "@/server/db/generated/enums";
import { AppError } from "@/server/errors";
import { yearBeSchema, z } from "@/server/validation";
import { countedRollupSql, fiscalYearIdSql, rollupScopeSql } from "./scope";

/** Fewer comparable organisations than this: too few to tell anything without pointing at someone. */
export const MIN_GROUP = 5;

export const PEER_GROUPS = ["province", "national"] as const;
export type PeerGroup = (typeof PEER_GROUPS)[number];

export const ZOrganizationInsightInput = z.object({
  yearBe: yearBeSchema,
  peers: z.enum(PEER_GROUPS, { error: "กลุ่มเปรียบเทียบไม่ถูกต้อง" }).default("province"),
});

export const ZAreaInsightInput = z.object({
  yearBe: yearBeSchema,
  organizationType: z
    .enum(Object.values(OrganizationType) as [OrganizationType, ...OrganizationType[]], { error: "ประเภทองค์กรไม่ถูกต้อง" })
    .nullish(),
});

/**
 * A mean score move in points (2 decimals) over n organisations. mean is null when n is 0 and
 * when the figure is withheld for privacy (`tooFew`: fewer than MIN_GROUP organisations behind it).
 */
export type ScoreMove = { n: number; mean: number | null; tooFew: boolean };

export type InsightItem = {
  id: string;
  ordinal: number;
  text: string;
  /** Top-quartile organisations that adopted it. */
  adopters: number;
  /** adopters ÷ top-quartile size (0–1). */
  share: number;
  /** How the adopters' scores moved from year N to N+1. */
  move: ScoreMove;
};

export type OrganizationInsight = {
  yearBe: number;
  peers: PeerGroup;
  organizationType: OrganizationType;
  /** Comparable organisations with a counted score of year N. */
  groupSize: number;
  minGroup: number;
  /** Fewer than minGroup comparable organisations: nothing else is given. */
  tooFew: boolean;
  topQuartileSize: number;
  /** The lowest total in the top quartile (the bar to reach); null when too few. */
  topQuartileMinTotal: number | null;
  /** This organisation has an accepted report of year N (what it "did not adopt" is read from it). */
  hasAcceptedReport: boolean;
  /** Per suggested issue of year N (by ordinal): the items top scorers adopted and it did not, most adopted first. */
  issues: { id: string; ordinal: number; title: string; items: InsightItem[] }[];
};

export type AreaInsightRow = {
  /** A suggested issue's or a standard result item's id. */
  id: string;
  kind: "issue" | "item";
  /** "2" for the issue, "2.3" for its item. */
  label: string;
  text: string;
  adopters: ScoreMove;
  others: ScoreMove;
  /** adopters.mean − others.mean; null when either is missing or withheld. */
  difference: number | null;
};

export type AreaInsight = {
  yearBe: number;
  organizationType: OrganizationType | null;
  /** Active organisations of the area (of the type). */
  organizations: number;
  /** Of them, those counted: an accepted report of year N and both counted scores. */
  counted: number;
  /** Mean move of all counted organisations. */
  overall: ScoreMove;
  /** Each suggested issue followed by its items, in catalogue order. */
  rows: AreaInsightRow[];
};

export type OrganizationInsightOptions = { db: DbClient; organizationId: string; yearBe: number; peers: PeerGroup };
export type AreaInsightOptions = { db: DbClient; area: AreaNode; yearBe: number; organizationType?: OrganizationType | null };

/** The mean of a sum of hundredths over n, in points rounded to 2 decimals; withheld over fewer than MIN_GROUP (or when `withhold`). */
function moveOf(n: number, sumCents: number | null, withhold = false): ScoreMove {
  if (n === 0 || sumCents === null) return { n, mean: null, tooFew: false };
  if (n < MIN_GROUP || withhold) return { n, mean: null, tooFew: true };
  return { n, mean: Math.round(sumCents / n) / 100, tooFew: false };
}

/**
 * The catalogue of year N, one row per suggested issue and standard result item (an issue
 * without items: one row with no item), with each row's figures (the columns `figures` names,
 * read from the CTE `stats`, keyed by catalogue id). Part of each view's one statement: the
 * catalogue costs no query of its own.
 */
function catalogueRowsSql(yearBe: number, figures: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT 'catalogue' AS kind, si.id AS "issueId", si.ordinal AS "issueOrdinal", si.title AS "issueTitle",
           sri.id AS "itemId", sri.ordinal AS "itemOrdinal", sri.text AS "itemText", ${figures}
      FROM "SuggestedIssue" si
      LEFT JOIN "StandardResultItem" sri ON sri."suggestedIssueId" = si.id
      LEFT JOIN stats issue ON issue.key = si.id
      LEFT JOIN stats item ON item.key = sri.id
     WHERE si."fiscalYearId" = ${fiscalYearIdSql(yearBe)}`;
}

type CatalogueRow = { issueId: string; issueOrdinal: number; issueTitle: string; itemId: string | null; itemOrdinal: number | null; itemText: string | null };

/** The catalogue rows as issues (by ordinal), each with its items (by ordinal). */
function catalogueOf<Row extends CatalogueRow>(rows: Row[]) {
  const issues = new Map<string, { id: string; ordinal: number; title: string; row: Row; items: (Row & { itemId: string; itemOrdinal: number; itemText: string })[] }>();
  for (const row of rows) {
    const issue = issues.get(row.issueId) ?? { id: row.issueId, ordinal: row.issueOrdinal, title: row.issueTitle, row, items: [] };
    issues.set(row.issueId, issue);
    if (row.itemId !== null) issue.items.push(row as Row & { itemId: string; itemOrdinal: number; itemText: string });
  }
  const sorted = [...issues.values()].sort((a, b) => a.ordinal - b.ordinal);
  for (const issue of sorted) issue.items.sort((a, b) => a.itemOrdinal - b.itemOrdinal);
  return sorted;
}

const missingYear = (yearBe: number) => new AppError("NOT_FOUND", `ไม่มีปีงบประมาณ ${yearBe} ในระบบ`);

type OrganizationTotals = {
  kind: "totals";
  yearExists: boolean;
  organizationType: OrganizationType | null;
  groupSize: number;
  topSize: number;
  topMinCents: number | null;
  ownReport: boolean;
};

type OrganizationItemRow = CatalogueRow & {
  kind: "catalogue";
  adopters: number;
  ownAdopted: boolean;
  moves: number;
  moveSumCents: number | null;
};

export async function getOrganizationInsight({ db, organizationId, yearBe, peers }: OrganizationInsightOptions): Promise<OrganizationInsight> {
  const sameArea = peers === "national" ? Prisma.sql`TRUE` : Prisma.sql`f."provinceId" = self."provinceId"`;
  const year = fiscalYearIdSql(yearBe);
  // Read from the rollup of organisations × years (scope.ts, rollupScopeSql): scores, the
  // accepted report and its adoptions are columns of one row per organisation and year.
  const rows = await db.$queryRaw<(OrganizationTotals | OrganizationItemRow)[]>`
    WITH self AS (
      SELECT o.id, o.type, d."provinceId" FROM "LocalOrganization" o JOIN "District" d ON d.id = o."districtId" WHERE o.id = ${organizationId}
    ),
    peers AS (
      SELECT f."organizationId" AS id, f.cents
        FROM self
        JOIN "DashboardOrganizationYear" f ON f."fiscalYearId" = ${year} AND f.type = self.type AND f.active
       WHERE ${sameArea} AND f.cents IS NOT NULL AND ${countedRollupSql("f", false)}
    ),
    ranked AS (SELECT id, cents, rank() OVER (ORDER BY cents DESC) AS rank, count(*) OVER () AS size FROM peers),
    top AS (SELECT id, cents FROM ranked WHERE size >= ${MIN_GROUP} AND rank <= ceil(size / 4.0)),
    adopted AS (
      SELECT f."organizationId", unnest(f."adoptedItemIds") AS "itemId"
        FROM "DashboardOrganizationYear" f
       WHERE f."fiscalYearId" = ${year} AND f.adopted AND f."organizationId" IN (SELECT id FROM top UNION SELECT id FROM self)
    ),
    moves AS (
      SELECT top.id, f.cents - top.cents AS delta
        FROM top JOIN "DashboardOrganizationYear" f ON f."organizationId" = top.id AND f."fiscalYearId" = ${fiscalYearIdSql(yearBe + 1)}
       WHERE f.cents IS NOT NULL AND ${countedRollupSql("f", false)}
    ),
    stats AS (
      SELECT a."itemId" AS key, (count(*) FILTER (WHERE top.id IS NOT NULL))::int AS adopters,
             bool_or(a."organizationId" = (SELECT id FROM self)) AS "ownAdopted",
             count(mv.id)::int AS moves, sum(mv.delta)::int AS "moveSumCents"
        FROM adopted a
        LEFT JOIN top ON top.id = a."organizationId"
        LEFT JOIN moves mv ON mv.id = top.id
       GROUP BY a."itemId"
    )
    SELECT 'totals' AS kind,
           NULL AS "issueId", NULL::int AS "issueOrdinal", NULL AS "issueTitle", NULL AS "itemId", NULL::int AS "itemOrdinal", NULL AS "itemText",
           EXISTS (SELECT 1 FROM "FiscalYear" WHERE "yearBe" = ${yearBe}) AS "yearExists",
           (SELECT type::text FROM self) AS "organizationType",
           (SELECT count(*) FROM peers)::int AS "groupSize", (SELECT count(*) FROM top)::int AS "topSize",
           (SELECT min(cents) FROM top) AS "topMinCents",
           EXISTS (SELECT 1 FROM "DashboardOrganizationYear" f JOIN self ON self.id = f."organizationId"
                    WHERE f."fiscalYearId" = ${year} AND f."reportStatus" = 'ACCEPTED') AS "ownReport",
           0 AS adopters, false AS "ownAdopted", 0 AS moves, NULL::int AS "moveSumCents"
    UNION ALL
    ${catalogueRowsSql(yearBe, Prisma.sql`NULL::boolean, NULL, 0, 0, NULL::int, false, coalesce(item.adopters, 0), coalesce(item."ownAdopted", false), coalesce(item.moves, 0), item."moveSumCents"`)}`;
  const totals = rows.find((row): row is OrganizationTotals => row.kind === "totals")!;
  if (!totals.yearExists) throw missingYear(yearBe);
  // No row of the organisation (the procedure has checked it exists): nothing to compare.
  const organizationType = totals.organizationType ?? "SAO";
  const { groupSize, topSize } = totals;
  const tooFew = groupSize < MIN_GROUP;
  return {
    yearBe,
    peers,
    organizationType,
    groupSize,
    minGroup: MIN_GROUP,
    tooFew,
    topQuartileSize: tooFew ? 0 : topSize,
    topQuartileMinTotal: tooFew || totals.topMinCents === null ? null : totals.topMinCents / 100,
    hasAcceptedReport: totals.ownReport,
    issues: catalogueOf(rows.filter((row): row is OrganizationItemRow => row.kind === "catalogue")).map((issue) => ({
      id: issue.id,
      ordinal: issue.ordinal,
      title: issue.title,
      items: tooFew
        ? []
        : issue.items
            .filter((row) => row.adopters > 0 && !row.ownAdopted)
            .map((row) => ({
              id: row.itemId,
              ordinal: row.itemOrdinal,
              text: row.itemText,
              adopters: row.adopters,
              share: row.adopters / topSize,
              move: moveOf(row.moves, row.moveSumCents),
            }))
            .sort((a, b) => b.adopters - a.adopters || a.ordinal - b.ordinal),
    })),
  };
}

type AreaTotals = { kind: "totals"; yearExists: boolean; counted: number; sumCents: number | null; organizations: number };
type AreaCatalogueRow = CatalogueRow & { kind: "catalogue"; issueAdopters: number; issueSumCents: number | null; itemAdopters: number; itemSumCents: number | null };

export async function getAreaInsight({ db, area, yearBe, organizationType }: AreaInsightOptions): Promise<AreaInsight> {
  // From the rollup of organisations × years (scope.ts, rollupScopeSql): year N's row (its
  // adoptions and score) beside year N+1's.
  const inScope = rollupScopeSql("f", area, null, organizationType ?? null);
  const rows = await db.$queryRaw<(AreaTotals | AreaCatalogueRow)[]>`
    WITH scoped AS (
      SELECT f."organizationId", f.adopted, f."adoptedIssueIds", f."adoptedItemIds", f.cents, f.unconfirmed
        FROM "DashboardOrganizationYear" f
       WHERE f."fiscalYearId" = ${fiscalYearIdSql(yearBe)} AND ${inScope}
    ),
    counted AS (
      SELECT f0."organizationId", f0."adoptedIssueIds" || f0."adoptedItemIds" AS keys, f1.cents - f0.cents AS delta
        FROM scoped f0
        JOIN "DashboardOrganizationYear" f1 ON f1."organizationId" = f0."organizationId" AND f1."fiscalYearId" = ${fiscalYearIdSql(yearBe + 1)}
       WHERE f0.adopted AND f0.cents IS NOT NULL AND ${countedRollupSql("f0", false)} AND f1.cents IS NOT NULL AND ${countedRollupSql("f1", false)}
    ),
    stats AS (SELECT key, count(*)::int AS adopters, sum(delta)::int AS "sumCents" FROM counted CROSS JOIN LATERAL unnest(counted.keys) AS key GROUP BY key)
    SELECT 'totals' AS kind,
           NULL AS "issueId", NULL::int AS "issueOrdinal", NULL AS "issueTitle", NULL AS "itemId", NULL::int AS "itemOrdinal", NULL AS "itemText",
           EXISTS (SELECT 1 FROM "FiscalYear" WHERE "yearBe" = ${yearBe}) AS "yearExists",
           count(*)::int AS counted, sum(delta)::int AS "sumCents", (SELECT count(*) FROM scoped)::int AS organizations,
           0 AS "issueAdopters", NULL::int AS "issueSumCents", 0 AS "itemAdopters", NULL::int AS "itemSumCents"
      FROM counted
    UNION ALL
    ${catalogueRowsSql(yearBe, Prisma.sql`NULL::boolean, 0, NULL::int, 0, coalesce(issue.adopters, 0), issue."sumCents", coalesce(item.adopters, 0), item."sumCents"`)}`;
  const totals = rows.find((row): row is AreaTotals => row.kind === "totals")!;
  if (!totals.yearExists) throw missingYear(yearBe);
  const rowOf = (id: string, kind: AreaInsightRow["kind"], label: string, text: string, n: number, sumCents: number | null): AreaInsightRow => {
    const sum = sumCents ?? 0;
    const [otherN, otherSum] = [totals.counted - n, (totals.sumCents ?? 0) - sum];
    // Either side over too few: both withheld (the overall mean would give one from the other).
    const withhold = (n > 0 && n < MIN_GROUP) || (otherN > 0 && otherN < MIN_GROUP);
    const adopters = moveOf(n, sum, withhold);
    const others = moveOf(otherN, otherSum, withhold);
    const difference = adopters.mean === null || others.mean === null ? null : Math.round(sum / n - otherSum / otherN) / 100;
    return { id, kind, label, text, adopters, others, difference };
  };
  return {
    yearBe,
    organizationType: organizationType ?? null,
    organizations: totals.organizations,
    counted: totals.counted,
    overall: moveOf(totals.counted, totals.sumCents),
    rows: catalogueOf(rows.filter((row): row is AreaCatalogueRow => row.kind === "catalogue")).flatMap((issue) => [
      rowOf(issue.id, "issue", String(issue.ordinal), issue.title, issue.row.issueAdopters, issue.row.issueSumCents),
      ...issue.items.map((item) => rowOf(item.itemId, "item", `${issue.ordinal}.${item.itemOrdinal}`, item.itemText, item.itemAdopters, item.itemSumCents)),
    ]),
  };
}
