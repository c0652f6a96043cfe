// The reporting-status board of an area and fiscal year: every active organisation with the
// state of its report (not started, draft, in sign-off at which step and since when, with the
// province, returned, accepted), its deadline in force and the days to or past it. Overdue
// (past the deadline and not yet sent to the province), stuck (waiting too long at one step, N
// days by default 7, or with the province) and unsignable (waiting at a step nobody can sign)
// reports stand out. One SQL statement over the dashboards' `scoped` CTE
// does the filtering, the counting, the sorting and the paging.
import { Prisma, type DbClient } from "@/server/db/client";
import type { AreaNode } from "@/server/access/access";
import { OrganizationType } from "@/server/db/generated/enums";
import { requireFiscalYear } from "@/server/services/fiscal-years";
import { requireDistrictInArea, scopedOrganizationsCte } from "@/server/services/dashboard/scope";
import { deadlineInForceSql } from "@/server/services/deadlines";
import { activeSignersSql } from "@/server/services/reports/signers";
import {
  MAX_STUCK_DAYS,
  REPORTING_STATES,
  STATUS_FLAGS,
  STATUS_SORTS,
  STUCK_IN_SIGN_OFF_DAYS,
  STUCK_WITH_PROVINCE_DAYS,
  type ReportingState,
  type ReportingStatusRow,
  type StatusSort,
} from "@/server/domain/reporting-status";

export { REPORTING_STATE_LABEL, reportingStatusCsv, type ReportingStatusRow } from "@/server/domain/reporting-status";
import { idSchema, yearBeSchema, z } from "@/server/validation";


export const MAX_STATUS_PAGE_SIZE = 10_000;

export const ZReportingStatusInput = z.object({
  yearBe: yearBeSchema,
  districtId: idSchema.nullish(),
  organizationType: z.enum(Object.values(OrganizationType) as [OrganizationType, ...OrganizationType[]], { error: "ประเภทองค์กรไม่ถูกต้อง" }).nullish(),
  state: z.enum(REPORTING_STATES, { error: "สถานะรายงานไม่ถูกต้อง" }).nullish(),
  flag: z.enum(STATUS_FLAGS, { error: "ตัวกรองไม่ถูกต้อง" }).nullish(),
  stuckDays: z.number().int().min(1, { error: "จำนวนวันต้องอย่างน้อย 1 วัน" }).max(MAX_STUCK_DAYS, { error: `จำนวนวันต้องไม่เกิน ${MAX_STUCK_DAYS} วัน` }).default(STUCK_IN_SIGN_OFF_DAYS),
  search: z.string().trim().max(100, { error: "คำค้นยาวเกินไป" }).nullish(),
  sort: z.enum(STATUS_SORTS, { error: "การเรียงลำดับไม่ถูกต้อง" }).default("days"),
  descending: z.boolean().default(false),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(MAX_STATUS_PAGE_SIZE).default(100),
});
export type ReportingStatusInput = z.input<typeof ZReportingStatusInput>;

export type ReportingStatus = {
  yearBe: number;
  /** Counts over the area and the district and type filters, before the state and flag filters. */
  counts: Record<ReportingState, number> & { total: number; overdue: number; stuck: number; unsignable: number };
  /** The days at one step that make a report in sign-off stuck. */
  stuckDays: number;
  /** Rows matching every filter (the pages together). */
  matching: number;
  page: number;
  pageSize: number;
  rows: ReportingStatusRow[];
};

const THAI_CALENDAR_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Bangkok" });

const ORDER: Record<StatusSort, Prisma.Sql> = {
  name: Prisma.sql`"nameTh"`,
  district: Prisma.sql`"districtNameTh"`,
  state: Prisma.sql`"stateRank"`,
  days: Prisma.sql`"daysToDeadline"`,
  since: Prisma.sql`since`,
};

type RawRow = Omit<ReportingStatusRow, "daysInState" | "daysToDeadline"> & {
  daysInState: number | null;
  daysToDeadline: number;
  matching: number | bigint | null;
  counts: Record<string, number>;
};

/**
 * The board for an area (checked by areaProcedure) and a fiscal year. `now` decides today
 * (Thailand's calendar day) and how long reports have waited.
 */
export async function reportingStatus(options: { db: DbClient; area: AreaNode; input: z.output<typeof ZReportingStatusInput>; now?: Date }): Promise<ReportingStatus> {
  const { db, area, input } = options;
  const now = options.now ?? new Date();
  const today = THAI_CALENDAR_DAY.format(now);
  const districtId = input.districtId ?? null;
  const [year] = await Promise.all([requireFiscalYear(db, input.yearBe), districtId ? requireDistrictInArea(db, area, districtId) : null]);

  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (input.state) conditions.push(Prisma.sql`state = ${input.state}`);
  if (input.flag === "overdue") conditions.push(Prisma.sql`overdue`);
  if (input.flag === "stuck") conditions.push(Prisma.sql`stuck`);
  if (input.flag === "unsignable") conditions.push(Prisma.sql`unsignable`);
  if (input.search) conditions.push(Prisma.sql`strpos(lower("nameTh"), lower(${input.search})) > 0`);
  const direction = Prisma.raw(input.descending ? "DESC" : "ASC");
  const nulls = Prisma.raw(input.descending ? "NULLS LAST" : "NULLS FIRST");

  const rows = await db.$queryRaw<RawRow[]>`
    WITH ${scopedOrganizationsCte(area, districtId, input.organizationType ?? null)},
    board AS (
      SELECT s.id AS "organizationId", s."nameTh", s.type, s."districtNameTh", r.id AS "reportId",
             COALESCE(r.status::text, 'NOT_STARTED') AS state, r."currentStep"::text AS step,
             r."stateChangedAt" AS since,
             floor(extract(epoch FROM (${now}::timestamptz - r."stateChangedAt")) / 86400)::int AS "daysInState",
             dl.deadline, dl.deadline <> fy."submissionDeadline" AS extended,
             (dl.deadline - ${today}::date)::int AS "daysToDeadline"
        FROM scoped s
        JOIN "FiscalYear" fy ON fy.id = ${year.id}
        CROSS JOIN LATERAL (SELECT ${deadlineInForceSql({ alias: "fy" }, Prisma.sql`s."provinceId"`)}::date AS deadline) dl
        LEFT JOIN "YearlyReport" r ON r."organizationId" = s.id AND r."fiscalYearId" = fy.id
    ),
    flagged AS (
      SELECT b.*,
             array_position(ARRAY['NOT_STARTED','DRAFT','RETURNED','IN_SIGN_OFF','SUBMITTED','ACCEPTED'], b.state) AS "stateRank",
             (b.state NOT IN ('SUBMITTED', 'ACCEPTED') AND b."daysToDeadline" < 0) AS overdue,
             ((b.state = 'IN_SIGN_OFF' AND b."daysInState" >= ${input.stuckDays})
               OR (b.state = 'SUBMITTED' AND b."daysInState" >= ${STUCK_WITH_PROVINCE_DAYS})) AS stuck,
             (b.state = 'IN_SIGN_OFF' AND NOT EXISTS (
               SELECT 1 FROM (${activeSignersSql(Prisma.sql`b."organizationId"`)}) signer WHERE signer.step::text = b.step)) AS unsignable
        FROM board b
    ),
    counts AS (
      SELECT json_build_object(
               'total', count(*)::int,
               'NOT_STARTED', count(*) FILTER (WHERE state = 'NOT_STARTED')::int,
               'DRAFT', count(*) FILTER (WHERE state = 'DRAFT')::int,
               'IN_SIGN_OFF', count(*) FILTER (WHERE state = 'IN_SIGN_OFF')::int,
               'SUBMITTED', count(*) FILTER (WHERE state = 'SUBMITTED')::int,
               'RETURNED', count(*) FILTER (WHERE state = 'RETURNED')::int,
               'ACCEPTED', count(*) FILTER (WHERE state = 'ACCEPTED')::int,
               'overdue', count(*) FILTER (WHERE overdue)::int,
               'stuck', count(*) FILTER (WHERE stuck)::int,
               'unsignable', count(*) FILTER (WHERE unsignable)::int) AS counts
        FROM flagged
    )
    SELECT c.counts, p.*
      FROM counts c
      LEFT JOIN LATERAL (
        SELECT f.*, count(*) OVER () AS matching
          FROM flagged f
         WHERE ${Prisma.join(conditions, " AND ")}
         ORDER BY ${ORDER[input.sort]} ${direction} ${nulls}, "nameTh" ASC, "organizationId" ASC
         LIMIT ${input.pageSize} OFFSET ${(input.page - 1) * input.pageSize}
      ) p ON TRUE`;

  const counts = rows[0]!.counts as ReportingStatus["counts"];
  return {
    yearBe: year.yearBe,
    counts,
    stuckDays: input.stuckDays,
    matching: Number(rows[0]?.matching ?? 0),
    page: input.page,
    pageSize: input.pageSize,
    rows: rows
      .filter((row) => row.organizationId !== null)
      .map(({ counts: _counts, matching: _matching, ...row }) => {
        const { stateRank: _rank, ...rest } = row as typeof row & { stateRank?: number };
        return { ...rest, deadline: new Date(row.deadline), since: row.since && new Date(row.since) };
      }),
  };
}
