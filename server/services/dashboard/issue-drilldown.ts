// Drill-down into the issues (ประเด็น) of the yearly reports of an area (issue 4, item 3), in four
// levels: every issue of the year (getIssueAdoption), one issue across the organisations
// (getIssueAcrossOrganizations), one organisation's measures under an issue
// (getOrganizationIssueMeasures) and one measure (getIssueMeasure). The caller has checked the
// area (areaProcedure); every other id of the input is checked here.
//
// Definitions (filters and report statuses as in overview.ts):
//  - organisations counted: the active organisations of the area, in the district filter and of
//    the type filter when given (organizationsUnder).
//  - reports counted: their YearlyReport of the fiscal year that was sent to the province:
//    includeUnaccepted true → SUBMITTED or ACCEPTED, false → ACCEPTED only. Drafts, reports in
//    sign-off and returned reports never count: they are the organisation's own work.
//  - an issue key names a set of ReportIssue rows of the counted reports:
//      a suggested issue id  → the report issues linked to it (suggestedIssueId),
//      "indicator-<n>"       → the report issues tagged with ITA indicator n (indicatorNumbers),
//      "other"               → the report issues linked to no suggested issue.
//    The measures of a key are the measures of those report issues.
//  - organizationsWithMeasures: organisations with at least one measure of the key;
//    organizationsWithout = organisations counted − organizationsWithMeasures (this includes the
//    organisations without a counted report).
//  - a standard result item of a suggested issue is checked by an organisation when one of its
//    measures of that issue has a result item with checked = true and standardItemId = the item;
//    share = organisations that checked it ÷ organisations counted (0–1, unrounded), null when
//    no organisation is counted.
//  - an id outside the area, the filters or the counted reports is NOT_FOUND, exactly like a
//    missing one.
//
// Queries: levels 1 and 2 read the year's catalogue (and check the district filter) alongside
// one aggregate in SQL (two on level 2); levels 3 and 4 are one query each, the key's title
// included. Never one query per organisation. Level 1 reads each report's content summed up in
// the dashboards' rollup (DashboardOrganizationYear); levels 2–4 read the reports themselves
// through the existing indexes: organisations by district, reports by (organisation, year),
// issues, measures and result items by parent.
import { Prisma, type DbClient } from "@/server/db/client";
import type { Access, AreaNode } from "@/server/access/access";
import { can } from "@/server/access/permissions";
import type { DataOrigin, OrganizationType, ReportStatus } from "@/server/db/generated/enums";
import { AppError, NOT_FOUND_OR_FORBIDDEN } from "@/server/errors";
import { idSchema, z } from "@/server/validation";
import { countedReportStatuses, fiscalYearIdSql, requireDistrictInArea, rollupScopeSql, scopedOrganizationsCte } from "./scope";
import { ZAreaOverviewInput, type AreaOverviewInput } from "./overview";

export const OTHER_ISSUE_KEY = "other";
export const OTHER_ISSUE_TITLE = "ประเด็นอื่น ๆ (ไม่ตรงกับประเด็นแนะนำ)";
const INDICATOR_KEY_PREFIX = "indicator-";
const INDICATOR_TITLE_PREFIX = "ตัวชี้วัดที่ ";

export type IssueKey =
  | { kind: "suggested"; suggestedIssueId: string }
  | { kind: "indicator"; number: number }
  | { kind: "other" };

export function issueKeyOf(key: IssueKey): string {
  if (key.kind === "suggested") return key.suggestedIssueId;
  if (key.kind === "indicator") return `${INDICATOR_KEY_PREFIX}${key.number}`;
  return OTHER_ISSUE_KEY;
}

/** "other", "indicator-3" or a suggested issue id, as it appears in the URL. */
export const ZIssueKey = idSchema.transform((value): IssueKey => {
  if (value === OTHER_ISSUE_KEY) return { kind: "other" };
  const indicator = /^indicator-(\d{1,2})$/.exec(value);
  if (indicator) return { kind: "indicator", number: Number(indicator[1]) };
  return { kind: "suggested", suggestedIssueId: value };
});

export const ZIssueInput = ZAreaOverviewInput.extend({ issueKey: ZIssueKey });
export const ZOrganizationIssueInput = ZIssueInput.extend({ organizationId: idSchema });
export const ZIssueMeasureInput = ZOrganizationIssueInput.extend({ measureId: idSchema });

export type IssueInput = z.infer<typeof ZIssueInput>;
export type OrganizationIssueInput = z.infer<typeof ZOrganizationIssueInput>;
export type IssueMeasureInput = z.infer<typeof ZIssueMeasureInput>;

type Filters = { districtId: string | null; organizationType: OrganizationType | null };

export type ResultItemAdoption = {
  id: string;
  ordinal: number;
  text: string;
  organizationsChecked: number;
  share: number | null;
};

export type IssueAdoptionRow = {
  key: string;
  title: string;
  /** The suggested issue's ordinal; null for "other". */
  ordinal: number | null;
  organizationsWithMeasures: number;
  organizationsWithout: number;
  measures: number;
  resultItems: ResultItemAdoption[];
};

export type IndicatorAdoptionRow = {
  key: string;
  number: number;
  nameTh: string;
  organizationsWithMeasures: number;
  organizationsWithout: number;
  measures: number;
};

type Scope = {
  yearBe: number;
  filters: Filters;
  includeUnaccepted: boolean;
  /** Organisations counted. */
  organizations: number;
  /** Reports counted. */
  reports: number;
  /** Some counted report is invented (DEMO or SYNTHETIC): the UI marks it. */
  containsInventedData: boolean;
};

export type IssueAdoption = Scope & {
  /** Every fiscal year in the system, newest first (for the year picker). */
  fiscalYears: number[];
  /** Every suggested issue of the year by ordinal, then "other". */
  issues: IssueAdoptionRow[];
  /** Every ITA indicator of the year by number. */
  indicators: IndicatorAdoptionRow[];
};

// ── Shared pieces ───────────────────────────────────────────────────────────────────────

const catalogueInclude = {
  suggestedIssues: { orderBy: { ordinal: "asc" }, include: { resultItems: { orderBy: { ordinal: "asc" } } } },
  indicators: { orderBy: { number: "asc" } },
} satisfies Prisma.FiscalYearInclude;

type Catalogue = Prisma.FiscalYearGetPayload<{ include: typeof catalogueInclude }>;

/** The fiscal year with its catalogue, after checking that the district filter lies in the area. */
async function loadCatalogue(db: DbClient, area: AreaNode, input: AreaOverviewInput): Promise<Catalogue> {
  const [fiscalYear] = await Promise.all([
    db.fiscalYear.findUnique({ where: { yearBe: input.yearBe }, include: catalogueInclude }),
    input.districtId ? requireDistrictInArea(db, area, input.districtId) : undefined,
  ]);
  if (!fiscalYear) throw new AppError("NOT_FOUND", `ไม่มีปีงบประมาณ ${input.yearBe} ในระบบ`);
  return fiscalYear;
}

/** An issue key must name something of the year's catalogue; "other" always exists. */
function describeKey(catalogue: Catalogue, key: IssueKey): { title: string; items: Catalogue["suggestedIssues"][number]["resultItems"] } {
  if (key.kind === "other") return { title: OTHER_ISSUE_TITLE, items: [] };
  if (key.kind === "indicator") {
    const indicator = catalogue.indicators.find((candidate) => candidate.number === key.number);
    if (!indicator) throw new AppError("NOT_FOUND", NOT_FOUND_OR_FORBIDDEN);
    return { title: `${INDICATOR_TITLE_PREFIX}${indicator.number} ${indicator.nameTh}`, items: [] };
  }
  const issue = catalogue.suggestedIssues.find((candidate) => candidate.id === key.suggestedIssueId);
  if (!issue) throw new AppError("NOT_FOUND", NOT_FOUND_OR_FORBIDDEN);
  return { title: issue.title, items: issue.resultItems };
}

/**
 * The common table expressions of every drill-down query: the overview's "scoped"
 * (organisations counted, with their district) and "reports" (reports counted, with their
 * organisation). The fiscal year is looked up by yearBe inside, so these queries run alongside
 * the catalogue's.
 */
function scopeCtes(area: AreaNode, input: AreaOverviewInput, organizationId?: string): Prisma.Sql {
  const counted = countedReportStatuses(input.includeUnaccepted).map((status) => Prisma.sql`${status}::"ReportStatus"`);
  return Prisma.sql`
    ${scopedOrganizationsCte(area, input.districtId ?? null, input.organizationType ?? null, organizationId)},
    reports AS (
      SELECT r.id, r."organizationId", r.status::text AS status, r.origin::text AS origin
        FROM "YearlyReport" r
        JOIN scoped ON scoped.id = r."organizationId"
       WHERE r."fiscalYearId" = ${fiscalYearIdSql(input.yearBe)} AND r.status IN (${Prisma.join(counted)})
    )`;
}

/** The report issues of the key, as a condition on "ReportIssue" ri. */
function keyCondition(key: IssueKey): Prisma.Sql {
  if (key.kind === "suggested") return Prisma.sql`ri."suggestedIssueId" = ${key.suggestedIssueId}`;
  if (key.kind === "indicator") return Prisma.sql`${key.number}::int = ANY(ri."indicatorNumbers")`;
  return Prisma.sql`ri."suggestedIssueId" IS NULL`;
}

/**
 * The common table expression "issue_key": one row with the key's title when the key names
 * something of the year's catalogue, none otherwise (levels 3 and 4 answer in one query).
 */
function issueKeyCte(key: IssueKey, yearBe: number): Prisma.Sql {
  const year = fiscalYearIdSql(yearBe);
  if (key.kind === "suggested") {
    return Prisma.sql`issue_key AS (SELECT title FROM "SuggestedIssue" WHERE id = ${key.suggestedIssueId} AND "fiscalYearId" = ${year})`;
  }
  if (key.kind === "indicator") {
    return Prisma.sql`issue_key AS (
      SELECT ${INDICATOR_TITLE_PREFIX} || number || ' ' || "nameTh" AS title
        FROM "ItaIndicator" WHERE number = ${key.number}::int AND "fiscalYearId" = ${year})`;
  }
  return Prisma.sql`issue_key AS (SELECT ${OTHER_ISSUE_TITLE}::text AS title WHERE EXISTS ${year})`;
}

const shareOf = (count: number, organizations: number) => (organizations === 0 ? null : count / organizations);

function scopeOf(input: AreaOverviewInput, totals: { organizations: number; reports: number; invented: boolean }): Scope {
  return {
    yearBe: input.yearBe,
    filters: { districtId: input.districtId ?? null, organizationType: input.organizationType ?? null },
    includeUnaccepted: input.includeUnaccepted,
    organizations: totals.organizations,
    reports: totals.reports,
    containsInventedData: totals.invented,
  };
}

// ── Level 1: every issue ────────────────────────────────────────────────────────────────

type AdoptionRow = { kind: "totals" | "issue" | "indicator" | "item"; key: string | null; organizations: number; measures: number; invented: boolean };

/** Per suggested issue (and "other") and per ITA indicator of the year: who has measures for it. */
export async function getIssueAdoption(db: DbClient, area: AreaNode, input: AreaOverviewInput): Promise<IssueAdoption> {
  // The counted reports' content as summed up per report in the rollup of organisations ×
  // years (scope.ts, rollupScopeSql; kept by triggers on the report's issues, measures and result
  // items): per issue key and indicator the measures, per (suggested issue, standard item) the
  // tick. One report per organisation and year, so a report counted is an organisation counted.
  // Below, only the item pairs where the item belongs to that issue are read.
  const counted = countedReportStatuses(input.includeUnaccepted).map((status) => Prisma.sql`${status}::"ReportStatus"`);
  const [catalogue, fiscalYears, rows] = await Promise.all([
    loadCatalogue(db, area, input),
    db.fiscalYear.findMany({ select: { yearBe: true }, orderBy: { yearBe: "desc" } }),
    db.$queryRaw<AdoptionRow[]>`
    WITH scoped AS (
      SELECT f."reportStatus", f."reportOrigin"::text AS origin, f."issueKeys", f."issueMeasures", f."indicatorNumbers", f."indicatorMeasures", f."checkedItems"
        FROM "DashboardOrganizationYear" f
       WHERE f."fiscalYearId" = ${fiscalYearIdSql(input.yearBe)} AND ${rollupScopeSql("f", area, input.districtId ?? null, input.organizationType ?? null)}
    ),
    reports AS (SELECT * FROM scoped WHERE "reportStatus" IN (${Prisma.join(counted)}))
    SELECT 'totals' AS kind, NULL AS key, (SELECT count(*) FROM scoped)::int AS organizations,
           (SELECT count(*) FROM reports)::int AS measures,
           COALESCE((SELECT bool_or(origin <> 'REAL') FROM reports), false) AS invented
    UNION ALL
    SELECT 'issue', k.key, count(*)::int, sum(k.n)::int, false
      FROM reports CROSS JOIN unnest(reports."issueKeys", reports."issueMeasures") AS k(key, n) GROUP BY 2
    UNION ALL
    SELECT 'indicator', k.number::text, count(*)::int, sum(k.n)::int, false
      FROM reports CROSS JOIN unnest(reports."indicatorNumbers", reports."indicatorMeasures") AS k(number, n) GROUP BY 2
    UNION ALL
    SELECT 'item', k.pair, count(*)::int, 0, false
      FROM reports CROSS JOIN unnest(reports."checkedItems") AS k(pair) GROUP BY 2`,
  ]);

  const totals = rows.find((row) => row.kind === "totals")!;
  const organizations = totals.organizations;
  const byKind = (kind: AdoptionRow["kind"]) =>
    new Map(rows.filter((row) => row.kind === kind).map((row) => [row.key!, row]));
  const issues = byKind("issue");
  const indicators = byKind("indicator");
  const items = byKind("item");
  const counts = (row: AdoptionRow | undefined) => ({
    organizationsWithMeasures: row?.organizations ?? 0,
    organizationsWithout: organizations - (row?.organizations ?? 0),
    measures: row?.measures ?? 0,
  });

  return {
    ...scopeOf(input, { organizations, reports: totals.measures, invented: totals.invented }),
    fiscalYears: fiscalYears.map((year) => year.yearBe),
    issues: [
      ...catalogue.suggestedIssues.map((issue) => ({
        key: issue.id,
        title: issue.title,
        ordinal: issue.ordinal,
        ...counts(issues.get(issue.id)),
        resultItems: issue.resultItems.map((item) => {
          const checked = items.get(`${issue.id} ${item.id}`)?.organizations ?? 0;
          return { id: item.id, ordinal: item.ordinal, text: item.text, organizationsChecked: checked, share: shareOf(checked, organizations) };
        }),
      })),
      { key: OTHER_ISSUE_KEY, title: OTHER_ISSUE_TITLE, ordinal: null, ...counts(issues.get(OTHER_ISSUE_KEY)), resultItems: [] },
    ],
    indicators: catalogue.indicators.map((indicator) => ({
      key: issueKeyOf({ kind: "indicator", number: indicator.number }),
      number: indicator.number,
      nameTh: indicator.nameTh,
      ...counts(indicators.get(String(indicator.number))),
    })),
  };
}

// ── Level 2: one issue across the organisations ─────────────────────────────────────────

type DistrictRef = { id: string; code: string; nameTh: string };

type OrganizationRef = { id: string; nameTh: string; type: OrganizationType; district: DistrictRef };

export type IssueRef = { key: string; kind: IssueKey["kind"]; title: string };

export type IssueOrganizationRow = OrganizationRef & {
  reportId: string;
  reportStatus: ReportStatus;
  measures: number;
  /** Result items ticked in its measures of the issue (catalogue items or its own texts). */
  resultsChecked: number;
};

export type OrganizationWithout = OrganizationRef & {
  /** NO_REPORT: no report of the year counts (none sent, or not accepted while only accepted ones count). */
  reason: "NO_REPORT" | "NO_MEASURES";
};

export type IssueAcrossOrganizations = Scope & {
  issue: IssueRef;
  organizationsWithMeasures: number;
  measures: number;
  /** Organisations with at least one measure of the issue. */
  rows: IssueOrganizationRow[];
  without: OrganizationWithout[];
  /** The suggested issue's standard result items; empty for an indicator or "other". */
  resultItems: ResultItemAdoption[];
};

type OrganizationSqlRow = {
  organizationId: string;
  nameTh: string;
  type: OrganizationType;
  districtId: string;
  districtNameTh: string;
  districtCode: string;
  provinceId: string;
  reportId: string | null;
  reportStatus: ReportStatus | null;
  reportOrigin: DataOrigin | null;
};

const organizationColumns = Prisma.sql`o.id AS "organizationId", o."nameTh", o.type, o."districtId", o."districtNameTh",
       o."districtCode", o."provinceId", rep.id AS "reportId", rep.status AS "reportStatus", rep.origin AS "reportOrigin"`;

function organizationRef(row: OrganizationSqlRow): OrganizationRef {
  return {
    id: row.organizationId,
    nameTh: row.nameTh,
    type: row.type,
    district: { id: row.districtId, code: row.districtCode, nameTh: row.districtNameTh },
  };
}

export async function getIssueAcrossOrganizations(db: DbClient, area: AreaNode, input: IssueInput): Promise<IssueAcrossOrganizations> {
  // From the rollup, as level 1: each organisation's counted report with its measures under
  // the key and the result items ticked in them, and per standard item of a suggested issue the
  // organisations that ticked it under that issue.
  const countedStatuses = countedReportStatuses(input.includeUnaccepted).map((status) => Prisma.sql`${status}::"ReportStatus"`);
  const scoped = Prisma.sql`scoped AS (
      SELECT f.*, f."reportStatus" IN (${Prisma.join(countedStatuses)}) AS "reportCounted"
        FROM "DashboardOrganizationYear" f
       WHERE f."fiscalYearId" = ${fiscalYearIdSql(input.yearBe)} AND ${rollupScopeSql("f", area, input.districtId ?? null, input.organizationType ?? null)}
    )`;
  const key = input.issueKey;
  const [position, measures, checked] =
    key.kind === "indicator"
      ? [Prisma.sql`array_position(f."indicatorNumbers", ${key.number}::int)`, Prisma.raw(`"indicatorMeasures"`), Prisma.raw(`"indicatorChecked"`)]
      : [Prisma.sql`array_position(f."issueKeys", ${issueKeyOf(key)}::text)`, Prisma.raw(`"issueMeasures"`), Prisma.raw(`"issueChecked"`)];
  const [catalogue, organizations, items] = await Promise.all([
    loadCatalogue(db, area, input),
    db.$queryRaw<(OrganizationSqlRow & { measures: number; resultsChecked: number })[]>`
      WITH ${scoped}
      SELECT f."organizationId", f."nameTh", f.type::text AS type, f."districtId", d."nameTh" AS "districtNameTh", d.code AS "districtCode", f."provinceId",
             CASE WHEN f."reportCounted" THEN f."reportId" END AS "reportId",
             CASE WHEN f."reportCounted" THEN f."reportStatus"::text END AS "reportStatus",
             CASE WHEN f."reportCounted" THEN f."reportOrigin"::text END AS "reportOrigin",
             CASE WHEN f."reportCounted" THEN coalesce(f.${measures}[${position}], 0) ELSE 0 END AS measures,
             CASE WHEN f."reportCounted" THEN coalesce(f.${checked}[${position}], 0) ELSE 0 END AS "resultsChecked"
        FROM scoped f JOIN "District" d ON d.id = f."districtId"
       ORDER BY d.code, f."nameTh"`,
    key.kind !== "suggested"
      ? []
      : db.$queryRaw<{ id: string; organizations: number }[]>`
          WITH ${scoped}
          SELECT substr(pair, length(${key.suggestedIssueId}) + 2) AS id, count(*)::int AS organizations
            FROM scoped f CROSS JOIN unnest(f."checkedItems") AS pair
           WHERE f."reportCounted" AND starts_with(pair, ${key.suggestedIssueId} || ' ')
           GROUP BY 1`,
  ]);
  const described = describeKey(catalogue, input.issueKey);
  const checkedBy = new Map(items.map((item) => [item.id, item.organizations]));
  const rows: IssueOrganizationRow[] = [];
  const without: OrganizationWithout[] = [];
  for (const row of organizations) {
    if (row.reportId !== null && row.measures > 0) {
      rows.push({ ...organizationRef(row), reportId: row.reportId, reportStatus: row.reportStatus!, measures: row.measures, resultsChecked: row.resultsChecked });
    } else {
      without.push({ ...organizationRef(row), reason: row.reportId === null ? "NO_REPORT" : "NO_MEASURES" });
    }
  }
  const counted = organizations.length;
  return {
    ...scopeOf(input, {
      organizations: counted,
      reports: organizations.filter((row) => row.reportId !== null).length,
      invented: organizations.some((row) => row.reportOrigin !== null && row.reportOrigin !== "REAL"),
    }),
    issue: { key: issueKeyOf(input.issueKey), kind: input.issueKey.kind, title: described.title },
    organizationsWithMeasures: rows.length,
    measures: rows.reduce((sum, row) => sum + row.measures, 0),
    rows,
    without,
    resultItems: described.items.map((item) => {
      const checked = checkedBy.get(item.id) ?? 0;
      return { id: item.id, ordinal: item.ordinal, text: item.text, organizationsChecked: checked, share: shareOf(checked, counted) };
    }),
  };
}

// ── What a level's page names first ────────────────────────────────────────────────────

export const ZDrilldownTitlesInput = ZIssueInput.extend({ organizationId: idSchema.optional(), measureId: idSchema.optional() }).refine(
  (input) => input.measureId === undefined || input.organizationId !== undefined,
  { message: "ต้องระบุองค์กรของมาตรการ", path: ["measureId"] },
);

export type DrilldownTitles = {
  issue: IssueRef;
  organization: OrganizationRef | null;
  /** The measure's title and the title of the report issue it sits under. */
  measure: { id: string; title: string; issueTitle: string } | null;
};

/**
 * What a drill-down page of levels 2–4 names in its title, found (or NOT_FOUND) exactly as its
 * level's data would be, without that data: the page shows it at once and streams the rest.
 * Level 2 reads the year's catalogue; levels 3 and 4 one query each.
 */
export async function getDrilldownTitles(db: DbClient, area: AreaNode, input: z.infer<typeof ZDrilldownTitlesInput>): Promise<DrilldownTitles> {
  const key = issueKeyOf(input.issueKey);
  if (input.organizationId === undefined) {
    const { title } = describeKey(await loadCatalogue(db, area, input), input.issueKey);
    return { issue: { key, kind: input.issueKey.kind, title }, organization: null, measure: null };
  }
  const measure =
    input.measureId === undefined
      ? Prisma.sql`SELECT ${organizationColumns}, k.title AS "keyTitle", NULL AS "measureTitle", NULL AS "issueTitle"
          FROM issue_key k CROSS JOIN scoped o JOIN reports rep ON rep."organizationId" = o.id`
      : Prisma.sql`SELECT ${organizationColumns}, k.title AS "keyTitle", m.title AS "measureTitle", ri.title AS "issueTitle"
          FROM issue_key k CROSS JOIN scoped o
          JOIN reports rep ON rep."organizationId" = o.id
          JOIN "ReportIssue" ri ON ri."reportId" = rep.id
          JOIN "Measure" m ON m."issueId" = ri.id
         WHERE m.id = ${input.measureId} AND ${keyCondition(input.issueKey)}`;
  const [row] = await db.$queryRaw<(OrganizationSqlRow & { keyTitle: string; measureTitle: string | null; issueTitle: string | null })[]>`
    WITH ${scopeCtes(area, input, input.organizationId)}, ${issueKeyCte(input.issueKey, input.yearBe)}
    ${measure}`;
  if (!row) throw new AppError("NOT_FOUND", NOT_FOUND_OR_FORBIDDEN);
  return {
    issue: { key, kind: input.issueKey.kind, title: row.keyTitle },
    organization: organizationRef(row),
    measure: input.measureId === undefined ? null : { id: input.measureId, title: row.measureTitle!, issueTitle: row.issueTitle! },
  };
}

// ── Level 3: one organisation's measures under an issue ─────────────────────────────────

export type MeasureSummary = {
  id: string;
  title: string;
  /** The title of the report issue it sits under (the organisation's own wording). */
  issueTitle: string;
  periodStart: Date;
  periodEnd: Date;
  responsibleUnits: string[];
  resultsChecked: number;
  resultItems: number;
};

export type OrganizationIssueMeasures = {
  yearBe: number;
  issue: IssueRef;
  organization: OrganizationRef;
  report: { id: string; status: ReportStatus; origin: DataOrigin };
  measures: MeasureSummary[];
};

export async function getOrganizationIssueMeasures(
  db: DbClient,
  area: AreaNode,
  input: OrganizationIssueInput,
): Promise<OrganizationIssueMeasures> {
  // No row: the key is not of the year, or the organisation is outside the area or the filters
  // (a district filter outside the area matches nothing), or it has no counted report.
  const rows = await db.$queryRaw<(OrganizationSqlRow & Partial<MeasureSummary> & { keyTitle: string; measureId: string | null })[]>`
    WITH ${scopeCtes(area, input, input.organizationId)}, ${issueKeyCte(input.issueKey, input.yearBe)}
    SELECT ${organizationColumns}, k.title AS "keyTitle", m.id AS "measureId", m.title, ri.title AS "issueTitle",
           m."periodStart", m."periodEnd", m."responsibleUnits",
           (SELECT count(*) FROM "MeasureResultItem" i WHERE i."measureId" = m.id AND i.checked)::int AS "resultsChecked",
           (SELECT count(*) FROM "MeasureResultItem" i WHERE i."measureId" = m.id)::int AS "resultItems"
      FROM issue_key k
      CROSS JOIN scoped o
      JOIN reports rep ON rep."organizationId" = o.id
      LEFT JOIN ("ReportIssue" ri JOIN "Measure" m ON m."issueId" = ri.id) ON ri."reportId" = rep.id AND ${keyCondition(input.issueKey)}
     ORDER BY ri.ordinal, m.ordinal`;
  const first = rows[0];
  if (!first) throw new AppError("NOT_FOUND", NOT_FOUND_OR_FORBIDDEN);
  return {
    yearBe: input.yearBe,
    issue: { key: issueKeyOf(input.issueKey), kind: input.issueKey.kind, title: first.keyTitle },
    organization: organizationRef(first),
    report: { id: first.reportId!, status: first.reportStatus!, origin: first.reportOrigin! },
    measures: rows
      .filter((row) => row.measureId !== null)
      .map((row) => ({
        id: row.measureId!,
        title: row.title!,
        issueTitle: row.issueTitle!,
        periodStart: row.periodStart!,
        periodEnd: row.periodEnd!,
        responsibleUnits: row.responsibleUnits!,
        resultsChecked: row.resultsChecked!,
        resultItems: row.resultItems!,
      })),
  };
}

// ── Level 4: one measure ────────────────────────────────────────────────────────────────

export type IssueMeasure = {
  yearBe: number;
  issue: IssueRef;
  organization: OrganizationRef;
  report: { id: string; status: ReportStatus; origin: DataOrigin; /** The caller may open the whole report. */ readable: boolean };
  measure: {
    id: string;
    title: string;
    issueTitle: string;
    steps: string[];
    periodStart: Date;
    periodEnd: Date;
    responsibleUnits: string[];
    outcomes: string[];
    resultItems: { text: string; checked: boolean; standard: boolean }[];
    evidenceLinks: { url: string; label: string }[];
  };
};

type MeasureRow = Omit<IssueMeasure["measure"], "issueTitle" | "periodStart" | "periodEnd"> & { periodStart: string; periodEnd: string };

export async function getIssueMeasure(db: DbClient, access: Access, area: AreaNode, input: IssueMeasureInput): Promise<IssueMeasure> {
  // One query: no row unless the measure lies under the key, in a counted report of an
  // organisation in the area and the filters.
  const rows = await db.$queryRaw<(OrganizationSqlRow & { keyTitle: string; issueTitle: string; measure: MeasureRow })[]>`
    WITH ${scopeCtes(area, input, input.organizationId)}, ${issueKeyCte(input.issueKey, input.yearBe)}
    SELECT ${organizationColumns}, k.title AS "keyTitle", ri.title AS "issueTitle",
           json_build_object(
             'id', m.id, 'title', m.title, 'steps', m.steps, 'periodStart', m."periodStart", 'periodEnd', m."periodEnd",
             'responsibleUnits', m."responsibleUnits", 'outcomes', m.outcomes,
             'resultItems', COALESCE((
               SELECT json_agg(json_build_object('text', i.text, 'checked', i.checked, 'standard', i."standardItemId" IS NOT NULL) ORDER BY i.ordinal)
                 FROM "MeasureResultItem" i WHERE i."measureId" = m.id), '[]'),
             'evidenceLinks', COALESCE((
               SELECT json_agg(json_build_object('url', e.url, 'label', e.label) ORDER BY e.ordinal)
                 FROM "EvidenceLink" e WHERE e."measureId" = m.id), '[]')
           ) AS measure
      FROM issue_key k
      CROSS JOIN scoped o
      JOIN reports rep ON rep."organizationId" = o.id
      JOIN "ReportIssue" ri ON ri."reportId" = rep.id
      JOIN "Measure" m ON m."issueId" = ri.id
     WHERE m.id = ${input.measureId} AND ${keyCondition(input.issueKey)}`;
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", NOT_FOUND_OR_FORBIDDEN);
  const { measure } = row;
  return {
    yearBe: input.yearBe,
    issue: { key: issueKeyOf(input.issueKey), kind: input.issueKey.kind, title: row.keyTitle },
    organization: organizationRef(row),
    report: {
      id: row.reportId!,
      status: row.reportStatus!,
      origin: row.reportOrigin!,
      readable: can(access, "organization.read", { kind: "organization", id: row.organizationId, districtId: row.districtId, provinceId: row.provinceId }),
    },
    measure: {
      ...measure,
      issueTitle: row.issueTitle,
      // json_build_object gives dates as "YYYY-MM-DD"; they are calendar dates (UTC midnight).
      periodStart: new Date(`${measure.periodStart}T00:00:00Z`),
      periodEnd: new Date(`${measure.periodEnd}T00:00:00Z`),
    },
  };
}
