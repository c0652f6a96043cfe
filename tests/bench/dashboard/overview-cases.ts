// Bench cases of the overview page's procedures (options, overview, trend, ranking), for the
// largest province and for the country. Each reference is one hand-written SQL query doing the
// same work as the procedure: the same rows aggregated the same way, without the layers.
import type { Db } from "@/server/db/client";
import type { BenchTargets, DashboardBenchCase } from "./types";

const ORGS_OF_PROVINCE = `
  SELECT o.id, o."nameTh", o."districtId", d."nameTh" AS "districtNameTh", d."provinceId"
    FROM "LocalOrganization" o JOIN "District" d ON d.id = o."districtId"
   WHERE o.active AND ($1::text IS NULL OR d."provinceId" = $1)`;

function overviewReference(db: Db, provinceId: string | null, yearBe: number) {
  return db.$queryRawUnsafe(
    `WITH orgs AS (${ORGS_OF_PROVINCE}),
     cur AS (SELECT r."organizationId", (r.total * 100)::int AS cents, r."derivedLevel", r."levelMismatch"
               FROM "ItaResult" r JOIN orgs ON orgs.id = r."organizationId" JOIN "FiscalYear" f ON f.id = r."fiscalYearId" WHERE f."yearBe" = $2),
     prev AS (SELECT r."organizationId", (r.total * 100)::int AS cents
               FROM "ItaResult" r JOIN orgs ON orgs.id = r."organizationId" JOIN "FiscalYear" f ON f.id = r."fiscalYearId" WHERE f."yearBe" = $2 - 1),
     changes AS (SELECT cur."organizationId", cur.cents - prev.cents AS change FROM cur JOIN prev USING ("organizationId"))
     SELECT (SELECT count(*) FROM orgs) AS organizations,
            (SELECT json_object_agg(status, n) FROM (SELECT y.status, count(*) n FROM "YearlyReport" y JOIN orgs ON orgs.id = y."organizationId"
                JOIN "FiscalYear" f ON f.id = y."fiscalYearId" WHERE f."yearBe" = $2 GROUP BY y.status) s) AS reports,
            (SELECT json_build_object('n', count(*), 'sum', sum(cents), 'median', percentile_cont(0.5) WITHIN GROUP (ORDER BY cents),
                                      'mismatches', count(*) FILTER (WHERE "levelMismatch")) FROM cur) AS scores,
            (SELECT json_object_agg(coalesce("derivedLevel", '?'), n) FROM (SELECT "derivedLevel", count(*) n FROM cur GROUP BY 1) l) AS levels,
            (SELECT json_object_agg(bin, n) FROM (SELECT least(10, greatest(0, (cents - 4500) / 500)) AS bin, count(*) n FROM cur GROUP BY 1) h) AS histogram,
            (SELECT json_agg(m) FROM (SELECT * FROM changes ORDER BY change DESC LIMIT 5) m) AS rises,
            (SELECT json_agg(m) FROM (SELECT * FROM changes ORDER BY change LIMIT 5) m) AS falls,
            EXISTS (SELECT 1 FROM "ItaResult" r JOIN orgs ON orgs.id = r."organizationId" WHERE r.origin <> 'REAL') AS invented`,
    provinceId,
    yearBe,
  );
}

function trendReference(db: Db, provinceId: string | null) {
  return db.$queryRawUnsafe(
    `WITH orgs AS (${ORGS_OF_PROVINCE})
     SELECT f."yearBe", CASE WHEN $1::text IS NULL THEN orgs."provinceId" ELSE orgs."districtId" END AS unit, count(*),
            sum((r.total * 100)::int), percentile_cont(0.5) WITHIN GROUP (ORDER BY (r.total * 100)::int), min(r.total), max(r.total)
       FROM "ItaResult" r JOIN orgs ON orgs.id = r."organizationId" JOIN "FiscalYear" f ON f.id = r."fiscalYearId"
      GROUP BY GROUPING SETS ((f."yearBe"), (f."yearBe", 2))`,
    provinceId,
  );
}

function rankingReference(db: Db, provinceId: string | null, yearBe: number) {
  return db.$queryRawUnsafe(
    `WITH orgs AS (${ORGS_OF_PROVINCE}),
     ranked AS (SELECT orgs.*, r.total, r."derivedLevel", y.status, rank() OVER (ORDER BY r.total DESC NULLS LAST) AS rank
                  FROM orgs
                  LEFT JOIN "ItaResult" r ON r."organizationId" = orgs.id AND r."fiscalYearId" = (SELECT id FROM "FiscalYear" WHERE "yearBe" = $2)
                  LEFT JOIN "YearlyReport" y ON y."organizationId" = orgs.id AND y."fiscalYearId" = (SELECT id FROM "FiscalYear" WHERE "yearBe" = $2)),
     page AS (SELECT *, count(*) OVER () AS matched FROM ranked ORDER BY total DESC NULLS LAST, "nameTh" COLLATE "und-x-icu" LIMIT 50)
     SELECT page.*, (SELECT json_agg(h.total ORDER BY f."yearBe") FROM "ItaResult" h JOIN "FiscalYear" f ON f.id = h."fiscalYearId"
                      WHERE h."organizationId" = page.id) AS history
       FROM page`,
    provinceId,
    yearBe,
  );
}

const areas = {
  province: (targets: BenchTargets) => ({ kind: "province" as const, id: targets.provinceId }),
  country: () => ({ kind: "national" as const }),
};

export const overviewBenchCases: DashboardBenchCase[] = (["province", "country"] as const).flatMap((scope) => {
  const provinceOf = (targets: BenchTargets) => (scope === "province" ? targets.provinceId : null);
  const by = scope === "province" ? "provinceReviewer" : "admin";
  const input = (targets: BenchTargets) => ({ area: areas[scope](targets), yearBe: targets.yearBe, includeUnaccepted: true });
  return [
    {
      name: `dashboard.options (${scope})`,
      by,
      run: (caller, targets) => caller.dashboard.options({ area: areas[scope](targets) }),
      reference: (db, targets) =>
        db.$queryRawUnsafe(
          `SELECT (SELECT json_agg("yearBe" ORDER BY "yearBe" DESC) FROM "FiscalYear") AS years,
                  (SELECT json_agg(json_build_object('id', id, 'nameTh', "nameTh") ORDER BY code) FROM "District" WHERE "provinceId" = $1) AS districts`,
          provinceOf(targets),
        ),
    },
    {
      name: `dashboard.overview (${scope})`,
      by,
      run: (caller, targets) => caller.dashboard.overview(input(targets)),
      reference: (db, targets) => overviewReference(db, provinceOf(targets), targets.yearBe),
    },
    {
      name: `dashboard.trend (${scope})`,
      by,
      run: (caller, targets) => caller.dashboard.trend(input(targets)),
      reference: (db, targets) => trendReference(db, provinceOf(targets)),
    },
    {
      name: `dashboard.ranking (${scope}, page 1)`,
      by,
      run: (caller, targets) => caller.dashboard.ranking(input(targets)),
      reference: (db, targets) => rankingReference(db, provinceOf(targets), targets.yearBe),
    },
  ];
});
