-- The issue drill-down's level 2 (one issue across the organisations) from the rollup too: next
-- to the measures per issue key and per ITA indicator, the result items ticked in them. Before,
-- level 2 read the measures and result items of every report in the area, each row under its
-- parents' row-level-security policies.
ALTER TABLE "DashboardOrganizationYear" ADD COLUMN "issueChecked" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
                                        ADD COLUMN "indicatorChecked" INTEGER[] DEFAULT ARRAY[]::INTEGER[];

CREATE OR REPLACE FUNCTION dashboard_rollup_refresh(organization_ids text[], fiscal_year_ids text[]) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public SET prongsai.scope = 'system' AS $$
  UPDATE "DashboardOrganizationYear" f
     SET "resultId" = r.id, cents = (r.total * 100)::int,
         unconfirmed = coalesce(r.source = 'ORGANIZATION_REPORTED' AND r."confirmedAt" IS NULL, false),
         level = r.level, "levelMismatch" = coalesce(r."levelMismatch", false), "resultOrigin" = r.origin,
         "reportId" = rep.id, "reportStatus" = rep.status, "reportOrigin" = rep.origin,
         adopted = a."organizationId" IS NOT NULL,
         "adoptedIssueIds" = coalesce(a."issueIds", '{}'), "adoptedItemIds" = coalesce(a."itemIds", '{}'),
         -- The report's content is kept by dashboard_rollup_content_changed; no report, no content.
         "issueKeys" = CASE WHEN rep.id IS NULL THEN '{}' ELSE f."issueKeys" END,
         "issueMeasures" = CASE WHEN rep.id IS NULL THEN '{}' ELSE f."issueMeasures" END,
         "issueChecked" = CASE WHEN rep.id IS NULL THEN '{}' ELSE f."issueChecked" END,
         "indicatorNumbers" = CASE WHEN rep.id IS NULL THEN '{}' ELSE f."indicatorNumbers" END,
         "indicatorMeasures" = CASE WHEN rep.id IS NULL THEN '{}' ELSE f."indicatorMeasures" END,
         "indicatorChecked" = CASE WHEN rep.id IS NULL THEN '{}' ELSE f."indicatorChecked" END,
         "checkedItems" = CASE WHEN rep.id IS NULL THEN '{}' ELSE f."checkedItems" END
    FROM (SELECT DISTINCT org, year FROM unnest(organization_ids, fiscal_year_ids) AS pair(org, year)) k
    LEFT JOIN "ItaResult" r ON r."organizationId" = k.org AND r."fiscalYearId" = k.year
    LEFT JOIN "YearlyReport" rep ON rep."organizationId" = k.org AND rep."fiscalYearId" = k.year
    LEFT JOIN "ReportAdoption" a ON a."organizationId" = k.org AND a."fiscalYearId" = k.year
   WHERE f."organizationId" = k.org AND f."fiscalYearId" = k.year
$$;

CREATE OR REPLACE FUNCTION dashboard_rollup_refresh_content(report_ids text[]) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public SET prongsai.scope = 'system' AS $$
  WITH reports AS (
    SELECT rep.id, rep."organizationId", rep."fiscalYearId" FROM "YearlyReport" rep WHERE rep.id = ANY (report_ids)
  ),
  measures AS (
    SELECT ri."reportId", ri."suggestedIssueId", ri."indicatorNumbers", m.id,
           (SELECT count(*) FROM "MeasureResultItem" i WHERE i."measureId" = m.id AND i.checked)::int AS checked
      FROM reports rep JOIN "ReportIssue" ri ON ri."reportId" = rep.id JOIN "Measure" m ON m."issueId" = ri.id
  ),
  issues AS (
    SELECT "reportId", array_agg(key ORDER BY key) AS keys, array_agg(n ORDER BY key) AS counts, array_agg(checked ORDER BY key) AS checked
      FROM (SELECT "reportId", coalesce("suggestedIssueId", 'other') AS key, count(*)::int AS n, sum(checked)::int AS checked
              FROM measures GROUP BY 1, 2) g
     GROUP BY 1
  ),
  indicators AS (
    SELECT "reportId", array_agg(number ORDER BY number) AS numbers, array_agg(n ORDER BY number) AS counts, array_agg(checked ORDER BY number) AS checked
      FROM (SELECT "reportId", number, count(*)::int AS n, sum(checked)::int AS checked
              FROM (SELECT DISTINCT "reportId", number, id, checked FROM measures CROSS JOIN unnest("indicatorNumbers") AS number) each_measure
             GROUP BY 1, 2) g
     GROUP BY 1
  ),
  items AS (
    SELECT m."reportId", array_agg(DISTINCT m."suggestedIssueId" || ' ' || i."standardItemId") AS keys
      FROM measures m JOIN "MeasureResultItem" i ON i."measureId" = m.id
     WHERE i.checked AND i."standardItemId" IS NOT NULL AND m."suggestedIssueId" IS NOT NULL
     GROUP BY 1
  )
  UPDATE "DashboardOrganizationYear" f
     SET "issueKeys" = coalesce(issues.keys, '{}'), "issueMeasures" = coalesce(issues.counts, '{}'), "issueChecked" = coalesce(issues.checked, '{}'),
         "indicatorNumbers" = coalesce(indicators.numbers, '{}'), "indicatorMeasures" = coalesce(indicators.counts, '{}'),
         "indicatorChecked" = coalesce(indicators.checked, '{}'),
         "checkedItems" = coalesce(items.keys, '{}')
    FROM reports rep
    LEFT JOIN issues ON issues."reportId" = rep.id
    LEFT JOIN indicators ON indicators."reportId" = rep.id
    LEFT JOIN items ON items."reportId" = rep.id
   WHERE f."organizationId" = rep."organizationId" AND f."fiscalYearId" = rep."fiscalYearId"
$$;

-- What is there already.
SELECT dashboard_rollup_refresh_content(array_agg(id)) FROM "YearlyReport";
