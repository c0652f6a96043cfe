// Peer insight (insight.organization, insight.area) for the dashboard benchmark. Year N is the
// year before the newest year with reports, so that N+1 has scores to move to. The organisation
// view is timed with the province as peer group and with the country (the largest group: every
// organisation of its type); the area view over the largest province and over the country. Each
// next to one hand-written SQL query doing the same work (over the stored adoptions, ReportAdoption).
import { Prisma, type Db } from "@/server/db/client";
import type { BenchTargets, DashboardBenchCase } from "./types";

const yearOf = (targets: BenchTargets) => targets.yearBe - 1;
const counted = (alias: string) => Prisma.raw(`(${alias}.source <> 'ORGANIZATION_REPORTED' OR ${alias}."confirmedAt" IS NOT NULL)`);
const yearId = (yearBe: number) => Prisma.sql`(SELECT id FROM "FiscalYear" WHERE "yearBe" = ${yearBe})`;

/** Top quartile of the organisation's type (in its province or the country), their adopted items and moves. */
function referenceOrganization(db: Db, targets: BenchTargets, national: boolean) {
  const year = yearOf(targets);
  return db.$queryRaw`
    WITH self AS (SELECT o.id, o.type, d."provinceId" FROM "LocalOrganization" o JOIN "District" d ON d.id = o."districtId" WHERE o.id = ${targets.organizationId}),
    ranked AS (
      SELECT o.id, (r.total * 100)::int AS cents, rank() OVER (ORDER BY r.total DESC) AS rank, count(*) OVER () AS size
        FROM self JOIN "LocalOrganization" o ON o.type = self.type AND o.active JOIN "District" d ON d.id = o."districtId"
        JOIN "ItaResult" r ON r."organizationId" = o.id AND r."fiscalYearId" = ${yearId(year)}
       WHERE (${national} OR d."provinceId" = self."provinceId") AND ${counted("r")}
    ),
    top AS (SELECT id, cents FROM ranked WHERE size >= 5 AND rank <= ceil(size / 4.0))
    SELECT item, count(*) FILTER (WHERE top.id IS NOT NULL) AS adopters,
           bool_or(a."organizationId" = ${targets.organizationId}) AS own,
           avg((n.total * 100)::int - top.cents) AS move
      FROM (SELECT id FROM top UNION SELECT id FROM self) AS who
      JOIN "ReportAdoption" a ON a."organizationId" = who.id AND a."fiscalYearId" = ${yearId(year)}
      CROSS JOIN LATERAL unnest(a."itemIds") AS item
      LEFT JOIN top ON top.id = who.id
      LEFT JOIN "ItaResult" n ON n."organizationId" = top.id AND n."fiscalYearId" = ${yearId(year + 1)} AND ${counted("n")}
     GROUP BY 1`;
}

/** Per issue and item of an area (the largest province or the country): adopters' count and summed move among the organisations with an accepted report and both scores. */
function referenceArea(db: Db, targets: BenchTargets, national: boolean) {
  const year = yearOf(targets);
  return db.$queryRaw`
    WITH counted AS (
      SELECT o.id, a."issueIds" || a."itemIds" AS keys, (r1.total * 100)::int - (r0.total * 100)::int AS delta
        FROM "LocalOrganization" o JOIN "District" d ON d.id = o."districtId"
        JOIN "ReportAdoption" a ON a."organizationId" = o.id AND a."fiscalYearId" = ${yearId(year)}
        JOIN "ItaResult" r0 ON r0."organizationId" = o.id AND r0."fiscalYearId" = ${yearId(year)} AND ${counted("r0")}
        JOIN "ItaResult" r1 ON r1."organizationId" = o.id AND r1."fiscalYearId" = ${yearId(year + 1)} AND ${counted("r1")}
       WHERE o.active AND (${national} OR d."provinceId" = ${targets.provinceId})
    )
    SELECT key, count(*), sum(delta) FROM counted, unnest(keys) AS key GROUP BY key
    UNION ALL SELECT NULL, count(*), sum(delta) FROM counted`;
}

export const insightBenchCases: DashboardBenchCase[] = [
  {
    name: "insight.organization (province)",
    by: "provinceReviewer",
    run: (caller, targets) =>
      caller.insight.organization({ organizationId: targets.organizationId, yearBe: yearOf(targets), peers: "province" }),
    reference: (db, targets) => referenceOrganization(db, targets, false),
  },
  {
    name: "insight.organization (country)",
    by: "provinceReviewer",
    run: (caller, targets) =>
      caller.insight.organization({ organizationId: targets.organizationId, yearBe: yearOf(targets), peers: "national" }),
    reference: (db, targets) => referenceOrganization(db, targets, true),
  },
  {
    name: "insight.area (province)",
    by: "provinceReviewer",
    run: (caller, targets) =>
      caller.insight.area({ area: { kind: "province", id: targets.provinceId }, yearBe: yearOf(targets) }),
    reference: (db, targets) => referenceArea(db, targets, false),
  },
  {
    name: "insight.area (country)",
    by: "admin",
    run: (caller, targets) =>
      caller.insight.area({ area: { kind: "national" }, yearBe: yearOf(targets) }),
    reference: (db, targets) => referenceArea(db, targets, true),
  },
];
