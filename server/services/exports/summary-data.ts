// What a summary export of an area shows, read through the dashboard services so that the
// export and the overview page say the same thing. The organisations table and the issue
// adoption come through small adapters (summaryOrganizations, loadIssueAdoption) so that a
// change in the services they read (a paged ranking, the drill-down service) stays here.
// Measures are never loaded at once: measureBatches pages through them (see there).
import { Prisma, type DbClient } from "@/server/db/client";
import type { AreaNode } from "@/server/access/access";
import type { LevelBasis, OrganizationType, ReportStatus, ScoreSource } from "@/server/db/generated/enums";
import { LEVEL_BASIS_LABEL, NO_REPORT_LABEL, ORGANIZATION_TYPE_LABEL, REPORT_STATUS_LABEL, SCORE_SOURCE_LABEL, UNCONFIRMED_SCORE_LABEL } from "@/server/domain/labels";
import { formatThaiDateTime } from "@/server/domain/thai-format";
import { AppError } from "@/server/errors";
import { describeArea, type ReviewArea } from "@/server/services/areas";
import { getIssueAdoption } from "@/server/services/dashboard/issue-drilldown";
import { getAreaOverview, ZAreaOverviewInput, type AreaOverview, type AreaOverviewInput } from "@/server/services/dashboard/overview";
import { listAreaRanking } from "@/server/services/dashboard/ranking";
import { countedReportStatuses, fiscalYearIdSql, resolveDashboardScope, scopedOrganizationConditions } from "@/server/services/dashboard/scope";
import { getAreaTrend, type AreaTrend, type YearStats } from "@/server/services/dashboard/trend";
import { z } from "@/server/validation";

export const EXPORT_FORMATS = ["PDF", "XLSX", "CSV"] as const;

export const ZSummaryExportInput = ZAreaOverviewInput.extend({
  format: z.enum(EXPORT_FORMATS, { error: "รูปแบบไฟล์ต้องเป็น PDF, XLSX หรือ CSV" }),
});
export type SummaryExportInput = z.infer<typeof ZSummaryExportInput>;

/**
 * Refuses, before any job exists, what the export would fail on later: a fiscal year not in
 * the system, or a district filter outside the area (which looks like a missing id).
 */
export async function checkSummaryInput(db: DbClient, area: AreaNode, input: AreaOverviewInput): Promise<void> {
  const [fiscalYear] = await Promise.all([
    db.fiscalYear.findUnique({ where: { yearBe: input.yearBe }, select: { id: true } }),
    resolveDashboardScope(db, area, input),
  ]);
  if (!fiscalYear) throw new AppError("NOT_FOUND", `ไม่มีปีงบประมาณ ${input.yearBe} ในระบบ`);
}

// ── The filters, as the first page or sheet states them ────────────────────────────────

export type FilterLine = { label: string; value: string };

export type SummaryHeader = {
  area: ReviewArea;
  yearBe: number;
  title: string;
  filters: FilterLine[];
  generatedAt: Date;
};

export async function summaryHeader(db: DbClient, area: AreaNode, input: AreaOverviewInput, generatedAt: Date): Promise<SummaryHeader> {
  const [description, district] = await Promise.all([
    describeArea(db, area),
    input.districtId ? db.district.findUniqueOrThrow({ where: { id: input.districtId }, select: { nameTh: true } }) : null,
  ]);
  return {
    area: description,
    yearBe: input.yearBe,
    title: `สรุปผลการประเมิน ITA และรายงานมาตรการ ${description.nameTh} ปีงบประมาณ พ.ศ. ${input.yearBe}`,
    filters: [
      { label: "พื้นที่", value: description.nameTh },
      { label: "ปีงบประมาณ", value: `พ.ศ. ${input.yearBe}` },
      { label: "อำเภอ", value: district ? district.nameTh : "ทุกอำเภอ" },
      { label: "ประเภท อปท.", value: input.organizationType ? ORGANIZATION_TYPE_LABEL[input.organizationType].full : "ทุกประเภท" },
      {
        label: "รายงานที่นับ",
        value: input.includeUnaccepted
          ? "รายงานที่ส่งจังหวัดแล้ว ทั้งที่รับรองแล้วและยังไม่ได้รับรอง"
          : "เฉพาะรายงานที่รับรองแล้ว",
      },
      {
        label: "คะแนนที่นับ",
        value:
          input.includeUnconfirmed === false
            ? "เฉพาะคะแนนที่ประกาศหรือจังหวัดยืนยันแล้ว"
            : `ทุกคะแนน รวมคะแนนที่${UNCONFIRMED_SCORE_LABEL} (มีเครื่องหมายกำกับ)`,
      },
    ],
    generatedAt,
  };
}

export const generatedLine = (header: SummaryHeader, digits: "thai" | "arabic") =>
  `จัดทำเมื่อ ${formatThaiDateTime(header.generatedAt, digits)} น.`;

// ── Organisations ───────────────────────────────────────────────────────────────────────

export type SummaryOrganization = {
  organizationId: string;
  nameTh: string;
  type: OrganizationType;
  district: { id: string; code: string; nameTh: string };
  rank: number | null;
  total: number | null;
  iit: number | null;
  eit: number | null;
  oit: number | null;
  announcedLevel: string | null;
  derivedLevel: string | null;
  /** The one level (resolveLevel) and its basis, as every surface shows it. */
  level: string | null;
  levelBasis: LevelBasis | null;
  source: ScoreSource | null;
  /** The organisation's own result, not yet confirmed by a province reviewer: marked. */
  unconfirmed: boolean;
  reportStatus: ReportStatus | null;
  /** Totals by fiscal year (BE). */
  totals: Map<number, number>;
};

/** The provenance cell: the unconfirmed mark, or where the score comes from. */
export function scoreSourceCell(row: Pick<SummaryOrganization, "source" | "unconfirmed">): string | null {
  if (!row.source) return null;
  if (row.unconfirmed) return UNCONFIRMED_SCORE_LABEL;
  return row.source === "ORGANIZATION_REPORTED" ? "รายงานโดยหน่วยงาน จังหวัดยืนยันแล้ว" : SCORE_SOURCE_LABEL[row.source];
}

export const reportStatusLabel = (status: ReportStatus | null) => (status ? REPORT_STATUS_LABEL[status] : NO_REPORT_LABEL);

/**
 * The organisations table: every organisation of the overview's ranking with its tool scores
 * of the year, grouped by district (district code order), in ranking order within a district.
 */
export async function summaryOrganizations(db: DbClient, area: AreaNode, input: AreaOverviewInput): Promise<SummaryOrganization[]> {
  const rows = (await listAreaRanking(db, area, input)).map(
    ({ history, resultOrigin: _origin, levelMismatch: _mismatch, ...row }): SummaryOrganization => ({
      ...row,
      totals: new Map(history.map((point) => [point.yearBe, point.total])),
    }),
  );
  // Array sort is stable: the ranking order stays within each district.
  return rows.sort((a, b) => a.district.code.localeCompare(b.district.code));
}

export type TableCell = string | number | null;

/** The organisations table of the Excel sheet and the CSV file: header, width (characters), value. */
export const ORGANIZATION_COLUMNS: { header: string; width: number; value(row: SummaryOrganization): TableCell }[] = [
  { header: "อำเภอ", width: 20, value: (row) => row.district.nameTh },
  { header: "องค์กร", width: 42, value: (row) => row.nameTh },
  { header: "ประเภท", width: 24, value: (row) => ORGANIZATION_TYPE_LABEL[row.type].full },
  { header: "อันดับ", width: 8, value: (row) => row.rank },
  { header: "คะแนนรวม", width: 11, value: (row) => row.total },
  { header: "IIT", width: 9, value: (row) => row.iit },
  { header: "EIT", width: 9, value: (row) => row.eit },
  { header: "OIT", width: 9, value: (row) => row.oit },
  { header: "ระดับ", width: 20, value: (row) => row.level },
  { header: "ที่มาของระดับ", width: 24, value: (row) => (row.levelBasis ? LEVEL_BASIS_LABEL[row.levelBasis] : null) },
  { header: "ที่มาของคะแนน", width: 30, value: (row) => scoreSourceCell(row) },
  { header: "สถานะรายงาน", width: 24, value: (row) => reportStatusLabel(row.reportStatus) },
];

export function groupByDistrict(rows: SummaryOrganization[]) {
  const groups: { district: SummaryOrganization["district"]; rows: SummaryOrganization[] }[] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last && last.district.id === row.district.id) last.rows.push(row);
    else groups.push({ district: row.district, rows: [row] });
  }
  return groups;
}

/** One headline figure of the overview: a count, a share (0–1) or a score. */
export type SummaryFigure = { label: string; value: number | null; kind: "count" | "share" | "score" };

/** The overview's headline figures, in the order the PDF and the workbook both list them. */
export function summaryFigures({ figures }: AreaOverview): SummaryFigure[] {
  return [
    { label: "จำนวน อปท. (แห่ง)", value: figures.organizations, kind: "count" },
    { label: "รายงานที่ส่งแล้ว (ฉบับ)", value: figures.reports.submitted, kind: "count" },
    { label: "รับรายงานแล้ว (ฉบับ)", value: figures.reports.accepted, kind: "count" },
    { label: "ยังไม่ส่ง (แห่ง)", value: figures.reports.missing, kind: "count" },
    { label: "อัตราการส่ง", value: figures.reports.reportingRate, kind: "share" },
    { label: "อปท. ที่มีผลประเมิน (แห่ง)", value: figures.scores.count, kind: "count" },
    { label: "คะแนนเฉลี่ย", value: figures.scores.mean, kind: "score" },
    { label: "คะแนนมัธยฐาน", value: figures.scores.median, kind: "score" },
    { label: "ระดับที่ประกาศไม่ตรงกับเกณฑ์ (แห่ง)", value: figures.levelMismatches, kind: "count" },
  ];
}

/** The overview page's figures with its trend. */
export type SummaryOverview = AreaOverview & { trend: AreaTrend };

function trendUpTo(trend: AreaTrend, yearBe: number): AreaTrend {
  const upTo = (years: YearStats[]) => years.filter((year) => year.yearBe <= yearBe);
  return { ...trend, overall: upTo(trend.overall), byUnit: trend.byUnit.map((unit) => ({ ...unit, years: upTo(unit.years) })) };
}

/** The overview, the first page's header and the organisations table of one export. */
export async function loadSummary(db: DbClient, area: AreaNode, input: AreaOverviewInput, generatedAt = new Date()) {
  const [figures, trend, header, organizations] = await Promise.all([
    getAreaOverview(db, area, input),
    getAreaTrend(db, area, input),
    summaryHeader(db, area, input, generatedAt),
    summaryOrganizations(db, area, input),
  ]);
  // A summary of FY N reads as of N: later years (already in use) are left out of its trend.
  const overview: SummaryOverview = { ...figures, trend: trendUpTo(trend, input.yearBe) };
  return { overview, header, organizations };
}

// ── Issues and standard results ─────────────────────────────────────────────────────────

export type IssueAdoption = {
  /** Organisations counted: the denominator of each share. */
  organizations: number;
  /** Reports counted. */
  reports: number;
  /** The year's suggested issues by ordinal. */
  issues: {
    ordinal: number;
    title: string;
    /** Organisations with at least one measure under the issue in a counted report. */
    organizationsWithMeasures: number;
    items: { ordinal: number; text: string; organizationsChecked: number; share: number | null }[];
  }[];
};

/**
 * Per suggested issue of the year, the share of organisations that checked each standard
 * result item in a counted report. Adapter over the drill-down's getIssueAdoption (its
 * definitions hold): only the suggested issues, which are the ones with standard items.
 */
export async function loadIssueAdoption(db: DbClient, area: AreaNode, input: AreaOverviewInput): Promise<IssueAdoption> {
  const adoption = await getIssueAdoption(db, area, input);
  return {
    organizations: adoption.organizations,
    reports: adoption.reports,
    issues: adoption.issues.flatMap((issue) =>
      issue.ordinal === null
        ? []
        : [
            {
              ordinal: issue.ordinal,
              title: issue.title,
              organizationsWithMeasures: issue.organizationsWithMeasures,
              items: issue.resultItems.map(({ ordinal, text, organizationsChecked, share }) => ({ ordinal, text, organizationsChecked, share })),
            },
          ],
    ),
  };
}

// ── Measures, page by page ──────────────────────────────────────────────────────────────

export type MeasureRow = {
  organizationNameTh: string;
  districtNameTh: string;
  reportStatus: ReportStatus;
  issueOrdinal: number;
  issueTitle: string;
  measureOrdinal: number;
  title: string;
  periodStart: Date;
  periodEnd: Date;
  responsibleUnits: string[];
  /** ขั้นตอน/วิธีปฏิบัติ, in order. */
  steps: string[];
  checked: string[];
  unchecked: string[];
  outcomes: string[];
};

/** The counted reports of the export as r, with their organisation o and district d. */
function countedReportsSql(area: AreaNode, input: AreaOverviewInput): Prisma.Sql {
  const conditions = scopedOrganizationConditions(area, input.districtId ?? null, input.organizationType ?? null);
  const counted = countedReportStatuses(input.includeUnaccepted).map((status) => Prisma.sql`${status}::"ReportStatus"`);
  return Prisma.sql`"YearlyReport" r
          JOIN "LocalOrganization" o ON o.id = r."organizationId"
          JOIN "District" d ON d.id = o."districtId"
         WHERE r."fiscalYearId" = ${fiscalYearIdSql(input.yearBe)}
           AND r.status IN (${Prisma.join(counted)})
           AND ${Prisma.join(conditions, " AND ")}`;
}

export async function countMeasures(db: DbClient, area: AreaNode, input: AreaOverviewInput): Promise<number> {
  const [row] = await db.$queryRaw<[{ measures: number }]>`
    SELECT count(*)::int AS measures
      FROM "Measure" m JOIN "ReportIssue" i ON i.id = m."issueId"
     WHERE i."reportId" IN (SELECT r.id FROM ${countedReportsSql(area, input)})`;
  return row.measures;
}

type MeasureSqlRow = Omit<MeasureRow, "periodStart" | "periodEnd"> & {
  districtCode: string;
  dlaCode: string;
  /** null on the one row of a report without measures (kept for the keyset cursor). */
  measureOrdinal: number | null;
  periodStart: string;
  periodEnd: string;
};

/**
 * The measures of the counted reports, in pages, ordered by district code, organisation (DLA
 * code), issue and measure. A national export has some 150,000 measures: each page holds the
 * measures of `reportsPerPage` reports (about a thousand rows: small pages die young, which
 * keeps a national export's heap small), found by keyset pagination on
 * (district code, DLA code), which is unique per report of a year, in one query per page.
 * Paging over reports rather than measures keeps each query small: measures have no index in
 * that order, so a keyset over them would sort every measure of the year once per page.
 */
export async function* measureBatches(
  db: DbClient,
  area: AreaNode,
  input: AreaOverviewInput,
  reportsPerPage = 60,
): AsyncGenerator<MeasureRow[]> {
  const fetchPage = (after: { districtCode: string; dlaCode: string } | null) => {
    const cursor = after ? Prisma.sql`AND (d.code, o."dlaCode") > (${after.districtCode}, ${after.dlaCode})` : Prisma.empty;
    const page = db.$queryRaw<MeasureSqlRow[]>`
        WITH page AS (
          SELECT r.id, r.status::text AS status, o."nameTh" AS "organizationNameTh", o."dlaCode",
                 d.code AS "districtCode", d."nameTh" AS "districtNameTh"
            FROM ${countedReportsSql(area, input)}
             ${cursor}
           ORDER BY d.code, o."dlaCode"
           LIMIT ${reportsPerPage}
        )
        SELECT page."districtCode", page."dlaCode", page."organizationNameTh", page."districtNameTh", page.status AS "reportStatus",
               im."issueOrdinal", im."issueTitle", im."measureOrdinal", im.title, im."periodStart", im."periodEnd",
               im."responsibleUnits", im.steps, im.outcomes, COALESCE(items.checked, '{}') AS checked, COALESCE(items.unchecked, '{}') AS unchecked
          FROM page
          -- Index lookups per report and per issue (OFFSET 0 keeps the planner from flattening
          -- them into a hash join that scans every issue and measure of every year, per page).
          -- A report without measures still gives one row (measureOrdinal null) for the cursor.
          LEFT JOIN LATERAL (
            SELECT i.ordinal AS "issueOrdinal", i.title AS "issueTitle", m.id AS "measureId", m.ordinal AS "measureOrdinal", m.title,
                   m."periodStart"::text AS "periodStart", m."periodEnd"::text AS "periodEnd", m."responsibleUnits", m.steps, m.outcomes
              FROM (SELECT * FROM "ReportIssue" WHERE "reportId" = page.id OFFSET 0) i
              CROSS JOIN LATERAL (SELECT * FROM "Measure" WHERE "issueId" = i.id OFFSET 0) m
          ) im ON TRUE
          LEFT JOIN LATERAL (
            SELECT array_agg(x.text ORDER BY x.ordinal) FILTER (WHERE x.checked) AS checked,
                   array_agg(x.text ORDER BY x.ordinal) FILTER (WHERE NOT x.checked) AS unchecked
              FROM "MeasureResultItem" x WHERE x."measureId" = im."measureId") items ON TRUE
         ORDER BY page."districtCode", page."dlaCode", im."issueOrdinal", im."measureOrdinal", im."measureId"`;
    // Handled here so that a page nobody awaits (the consumer stopped) is no unhandled rejection;
    // whoever awaits it still gets the error.
    page.catch(() => undefined);
    return page;
  };
  // One page is read ahead: the database works on the next page while this one is written.
  let next = fetchPage(null);
  for (;;) {
    const rows = await next;
    if (rows.length === 0) return;
    const last = rows.at(-1)!;
    next = fetchPage({ districtCode: last.districtCode, dlaCode: last.dlaCode });
    yield rows
      .filter((row) => row.measureOrdinal !== null)
      .map(({ districtCode: _districtCode, dlaCode: _dlaCode, measureOrdinal, periodStart, periodEnd, ...row }) => ({
        ...row,
        measureOrdinal: measureOrdinal!,
        periodStart: new Date(`${periodStart}T00:00:00Z`),
        periodEnd: new Date(`${periodEnd}T00:00:00Z`),
      }));
  }
}
