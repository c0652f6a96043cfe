// The issue drill-down (drilldown.*) for the dashboard benchmark: each level called by the
// province reviewer as the UI calls it (province area, all districts and types, submitted and
// accepted reports), next to one hand-written SQL query doing the same work.
import type { Db } from "@/server/db/client";
import { Prisma } from "@/server/db/client";
import type { BenchTargets, DashboardBenchCase } from "./types";

const filters = (targets: BenchTargets) => ({
  area: { kind: "province" as const, id: targets.provinceId },
  yearBe: targets.yearBe,
  includeUnaccepted: true,
});

/** The counted organisations and reports of the province in the year, as in the service. */
const scope = (targets: BenchTargets) => Prisma.sql`
  orgs AS (
    SELECT o.id, o."nameTh", d."nameTh" AS district
      FROM "LocalOrganization" o JOIN "District" d ON d.id = o."districtId"
     WHERE o.active AND d."provinceId" = ${targets.provinceId}
  ),
  reports AS (
    SELECT r.id, r."organizationId"
      FROM "YearlyReport" r
      JOIN orgs ON orgs.id = r."organizationId"
      JOIN "FiscalYear" f ON f.id = r."fiscalYearId"
     WHERE f."yearBe" = ${targets.yearBe} AND r.status IN ('SUBMITTED', 'ACCEPTED')
  )`;

export const drilldownBenchCases: DashboardBenchCase[] = [
  {
    name: "drilldown.issues (province)",
    by: "provinceReviewer",
    run: (caller, targets) =>
      caller.drilldown.issues(filters(targets)),
    // Per suggested issue: organisations and measures; per standard item: organisations that ticked it.
    reference: (db: Db, targets) => db.$queryRaw`
      WITH ${scope(targets)}
      SELECT ri."suggestedIssueId", count(DISTINCT rep."organizationId") AS organizations, count(DISTINCT m.id) AS measures,
             count(DISTINCT (rep."organizationId", i."standardItemId")) FILTER (WHERE i.checked AND s.id IS NOT NULL) AS "itemAdoptions"
        FROM reports rep
        JOIN "ReportIssue" ri ON ri."reportId" = rep.id
        JOIN "Measure" m ON m."issueId" = ri.id
        LEFT JOIN "MeasureResultItem" i ON i."measureId" = m.id
        LEFT JOIN "StandardResultItem" s ON s.id = i."standardItemId" AND s."suggestedIssueId" = ri."suggestedIssueId"
       GROUP BY ri."suggestedIssueId"`,
  },
  {
    name: "drilldown.issue (province)",
    by: "provinceReviewer",
    run: (caller, targets) =>
      caller.drilldown.issue({ ...filters(targets), issueKey: targets.suggestedIssueId }),
    // Every counted organisation with its measures and ticked results under the issue.
    reference: (db: Db, targets) => db.$queryRaw`
      WITH ${scope(targets)}
      SELECT o.id, o."nameTh", o.district, rep.id AS "reportId", count(DISTINCT m.id) AS measures,
             count(i.id) FILTER (WHERE i.checked) AS checked,
             array_agg(DISTINCT i."standardItemId") FILTER (WHERE i.checked) AS items
        FROM orgs o
        LEFT JOIN reports rep ON rep."organizationId" = o.id
        LEFT JOIN "ReportIssue" ri ON ri."reportId" = rep.id AND ri."suggestedIssueId" = ${targets.suggestedIssueId}
        LEFT JOIN "Measure" m ON m."issueId" = ri.id
        LEFT JOIN "MeasureResultItem" i ON i."measureId" = m.id
       GROUP BY o.id, o."nameTh", o.district, rep.id`,
  },
  {
    name: "drilldown.organizationMeasures (province)",
    by: "provinceReviewer",
    run: (caller, targets) =>
      caller.drilldown.organizationMeasures({
        ...filters(targets),
        issueKey: targets.suggestedIssueId,
        organizationId: targets.organizationId,
      }),
    reference: (db: Db, targets) => db.$queryRaw`
      WITH ${scope(targets)}
      SELECT o."nameTh", m.id, m.title, m."periodStart", m."periodEnd", m."responsibleUnits",
             (SELECT count(*) FROM "MeasureResultItem" i WHERE i."measureId" = m.id AND i.checked) AS checked
        FROM orgs o
        JOIN reports rep ON rep."organizationId" = o.id
        JOIN "ReportIssue" ri ON ri."reportId" = rep.id AND ri."suggestedIssueId" = ${targets.suggestedIssueId}
        JOIN "Measure" m ON m."issueId" = ri.id
       WHERE o.id = ${targets.organizationId}
       ORDER BY ri.ordinal, m.ordinal`,
  },
  {
    name: "drilldown.measure (province)",
    by: "provinceReviewer",
    run: (caller, targets) =>
      caller.drilldown.measure({
        ...filters(targets),
        issueKey: targets.suggestedIssueId,
        organizationId: targets.organizationId,
        measureId: targets.measureId,
      }),
    reference: (db: Db, targets) => db.$queryRaw`
      WITH ${scope(targets)}
      SELECT o."nameTh", m.*,
             (SELECT json_agg(i ORDER BY i.ordinal) FROM "MeasureResultItem" i WHERE i."measureId" = m.id) AS items,
             (SELECT json_agg(e ORDER BY e.ordinal) FROM "EvidenceLink" e WHERE e."measureId" = m.id) AS links
        FROM orgs o
        JOIN reports rep ON rep."organizationId" = o.id
        JOIN "ReportIssue" ri ON ri."reportId" = rep.id AND ri."suggestedIssueId" = ${targets.suggestedIssueId}
        JOIN "Measure" m ON m."issueId" = ri.id
       WHERE o.id = ${targets.organizationId} AND m.id = ${targets.measureId}`,
  },
];
