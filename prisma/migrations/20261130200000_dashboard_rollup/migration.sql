-- CreateTable
CREATE TABLE "DashboardOrganizationYear" (
    "organizationId" TEXT NOT NULL,
    "fiscalYearId" TEXT NOT NULL,
    "provinceId" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "type" "OrganizationType" NOT NULL,
    "active" BOOLEAN NOT NULL,
    "nameTh" TEXT NOT NULL,
    "resultId" TEXT,
    "cents" INTEGER,
    "unconfirmed" BOOLEAN NOT NULL DEFAULT false,
    "level" TEXT,
    "levelMismatch" BOOLEAN NOT NULL DEFAULT false,
    "resultOrigin" "DataOrigin",
    "reportId" TEXT,
    "reportStatus" "ReportStatus",
    "reportOrigin" "DataOrigin",
    "adopted" BOOLEAN NOT NULL DEFAULT false,
    "adoptedIssueIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "adoptedItemIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "issueKeys" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "issueMeasures" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "indicatorNumbers" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "indicatorMeasures" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "checkedItems" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "DashboardOrganizationYear_pkey" PRIMARY KEY ("organizationId","fiscalYearId")
);

-- CreateIndex
CREATE INDEX "DashboardOrganizationYear_fiscalYearId_provinceId_districtI_idx" ON "DashboardOrganizationYear"("fiscalYearId", "provinceId", "districtId");

-- AddForeignKey
ALTER TABLE "DashboardOrganizationYear" ADD CONSTRAINT "DashboardOrganizationYear_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "LocalOrganization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DashboardOrganizationYear" ADD CONSTRAINT "DashboardOrganizationYear_fiscalYearId_fkey" FOREIGN KEY ("fiscalYearId") REFERENCES "FiscalYear"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The dashboards' rollup: every organisation × every fiscal year, kept by the database itself
-- so that no write path can forget it (DEVELOPERS.md, Dashboards). The functions run as their
-- owner in the system scope (SECURITY DEFINER, SET prongsai.scope): the rollup copies every row
-- of its sources, whatever the writer may see. Bulk writes (the national seed, a score import,
-- a year's levels derived again) go through statement triggers with transition tables: one
-- refresh per statement, not per row.

-- Copies the result, report and adoption of the given (organisation, year) pairs from their
-- tables (nulls when there is none): a refresh is always the computation from scratch.
CREATE FUNCTION dashboard_rollup_refresh(organization_ids text[], fiscal_year_ids text[]) RETURNS void
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
         "indicatorNumbers" = CASE WHEN rep.id IS NULL THEN '{}' ELSE f."indicatorNumbers" END,
         "indicatorMeasures" = CASE WHEN rep.id IS NULL THEN '{}' ELSE f."indicatorMeasures" END,
         "checkedItems" = CASE WHEN rep.id IS NULL THEN '{}' ELSE f."checkedItems" END
    FROM (SELECT DISTINCT org, year FROM unnest(organization_ids, fiscal_year_ids) AS pair(org, year)) k
    LEFT JOIN "ItaResult" r ON r."organizationId" = k.org AND r."fiscalYearId" = k.year
    LEFT JOIN "YearlyReport" rep ON rep."organizationId" = k.org AND rep."fiscalYearId" = k.year
    LEFT JOIN "ReportAdoption" a ON a."organizationId" = k.org AND a."fiscalYearId" = k.year
   WHERE f."organizationId" = k.org AND f."fiscalYearId" = k.year
$$;

-- ItaResult, YearlyReport and ReportAdoption: refresh the pairs of the rows written, before and after.
CREATE FUNCTION dashboard_rollup_rows_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public SET prongsai.scope = 'system' AS $$
DECLARE
  organization_ids text[];
  fiscal_year_ids text[];
BEGIN
  IF TG_LEVEL = 'ROW' THEN
    PERFORM dashboard_rollup_refresh(ARRAY[OLD."organizationId", NEW."organizationId"], ARRAY[OLD."fiscalYearId", NEW."fiscalYearId"]);
    RETURN NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT array_agg("organizationId"), array_agg("fiscalYearId") INTO organization_ids, fiscal_year_ids FROM new_rows;
    PERFORM dashboard_rollup_refresh(organization_ids, fiscal_year_ids);
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT array_agg("organizationId"), array_agg("fiscalYearId") INTO organization_ids, fiscal_year_ids FROM old_rows;
    PERFORM dashboard_rollup_refresh(organization_ids, fiscal_year_ids);
  END IF;
  RETURN NULL;
END
$$;

DO $$
DECLARE
  target text;
BEGIN
  FOREACH target IN ARRAY ARRAY['ItaResult', 'ReportAdoption'] LOOP
    EXECUTE format('CREATE TRIGGER dashboard_rollup_update AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION dashboard_rollup_rows_changed()', target);
  END LOOP;
  FOREACH target IN ARRAY ARRAY['ItaResult', 'YearlyReport', 'ReportAdoption'] LOOP
    EXECUTE format('CREATE TRIGGER dashboard_rollup_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION dashboard_rollup_rows_changed()', target);
    EXECUTE format('CREATE TRIGGER dashboard_rollup_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION dashboard_rollup_rows_changed()', target);
  END LOOP;
END
$$;

-- A report's autosave changes nothing the rollup holds: only these columns count.
CREATE TRIGGER dashboard_rollup_update AFTER UPDATE ON "YearlyReport" FOR EACH ROW
WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.origin IS DISTINCT FROM NEW.origin OR OLD.id IS DISTINCT FROM NEW.id
      OR OLD."organizationId" IS DISTINCT FROM NEW."organizationId" OR OLD."fiscalYearId" IS DISTINCT FROM NEW."fiscalYearId")
EXECUTE FUNCTION dashboard_rollup_rows_changed();

-- A report's content (issues, measures, ticked result items), summed up per report for the
-- issue drill-down (server/services/dashboard/issue-drilldown.ts, level 1): recomputed from
-- scratch for the reports whose content a statement changed.
CREATE FUNCTION dashboard_rollup_refresh_content(report_ids text[]) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public SET prongsai.scope = 'system' AS $$
  WITH reports AS (
    SELECT rep.id, rep."organizationId", rep."fiscalYearId" FROM "YearlyReport" rep WHERE rep.id = ANY (report_ids)
  ),
  measures AS (
    SELECT ri."reportId", ri."suggestedIssueId", ri."indicatorNumbers", m.id
      FROM reports rep JOIN "ReportIssue" ri ON ri."reportId" = rep.id JOIN "Measure" m ON m."issueId" = ri.id
  ),
  issues AS (
    SELECT "reportId", array_agg(key ORDER BY key) AS keys, array_agg(n ORDER BY key) AS counts
      FROM (SELECT "reportId", coalesce("suggestedIssueId", 'other') AS key, count(*)::int AS n FROM measures GROUP BY 1, 2) g
     GROUP BY 1
  ),
  indicators AS (
    SELECT "reportId", array_agg(number ORDER BY number) AS numbers, array_agg(n ORDER BY number) AS counts
      FROM (SELECT "reportId", number, count(DISTINCT id)::int AS n FROM measures CROSS JOIN unnest("indicatorNumbers") AS number GROUP BY 1, 2) g
     GROUP BY 1
  ),
  items AS (
    SELECT m."reportId", array_agg(DISTINCT m."suggestedIssueId" || ' ' || i."standardItemId") AS keys
      FROM measures m JOIN "MeasureResultItem" i ON i."measureId" = m.id
     WHERE i.checked AND i."standardItemId" IS NOT NULL AND m."suggestedIssueId" IS NOT NULL
     GROUP BY 1
  )
  UPDATE "DashboardOrganizationYear" f
     SET "issueKeys" = coalesce(issues.keys, '{}'), "issueMeasures" = coalesce(issues.counts, '{}'),
         "indicatorNumbers" = coalesce(indicators.numbers, '{}'), "indicatorMeasures" = coalesce(indicators.counts, '{}'),
         "checkedItems" = coalesce(items.keys, '{}')
    FROM reports rep
    LEFT JOIN issues ON issues."reportId" = rep.id
    LEFT JOIN indicators ON indicators."reportId" = rep.id
    LEFT JOIN items ON items."reportId" = rep.id
   WHERE f."organizationId" = rep."organizationId" AND f."fiscalYearId" = rep."fiscalYearId"
$$;

CREATE FUNCTION dashboard_rollup_content_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public SET prongsai.scope = 'system' AS $$
DECLARE
  report_ids text[] := '{}';
BEGIN
  -- A row removed with its parent (a report or an issue deleted) finds none: the parent's own
  -- trigger refreshes the report.
  -- (IF rather than CASE: each statement is planned only for the table it names.)
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    IF TG_TABLE_NAME = 'ReportIssue' THEN
      report_ids := report_ids || ARRAY(SELECT DISTINCT "reportId" FROM new_rows);
    ELSIF TG_TABLE_NAME = 'Measure' THEN
      report_ids := report_ids || ARRAY(SELECT DISTINCT ri."reportId" FROM new_rows c JOIN "ReportIssue" ri ON ri.id = c."issueId");
    ELSE
      report_ids := report_ids || ARRAY(SELECT DISTINCT ri."reportId" FROM new_rows c JOIN "Measure" m ON m.id = c."measureId" JOIN "ReportIssue" ri ON ri.id = m."issueId");
    END IF;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    IF TG_TABLE_NAME = 'ReportIssue' THEN
      report_ids := report_ids || ARRAY(SELECT DISTINCT "reportId" FROM old_rows);
    ELSIF TG_TABLE_NAME = 'Measure' THEN
      report_ids := report_ids || ARRAY(SELECT DISTINCT ri."reportId" FROM old_rows c JOIN "ReportIssue" ri ON ri.id = c."issueId");
    ELSE
      report_ids := report_ids || ARRAY(SELECT DISTINCT ri."reportId" FROM old_rows c JOIN "Measure" m ON m.id = c."measureId" JOIN "ReportIssue" ri ON ri.id = m."issueId");
    END IF;
  END IF;
  PERFORM dashboard_rollup_refresh_content(report_ids);
  RETURN NULL;
END
$$;

DO $$
DECLARE
  target text;
BEGIN
  FOREACH target IN ARRAY ARRAY['ReportIssue', 'Measure', 'MeasureResultItem'] LOOP
    EXECUTE format('CREATE TRIGGER dashboard_rollup_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION dashboard_rollup_content_changed()', target);
    EXECUTE format('CREATE TRIGGER dashboard_rollup_update AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION dashboard_rollup_content_changed()', target);
    EXECUTE format('CREATE TRIGGER dashboard_rollup_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION dashboard_rollup_content_changed()', target);
  END LOOP;
END
$$;

-- A new organisation or fiscal year: its rows in every year or for every organisation (nothing
-- can refer to a row inserted by the same statement yet). Deletions cascade (foreign keys).
CREATE FUNCTION dashboard_rollup_grid_added() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public SET prongsai.scope = 'system' AS $$
BEGIN
  IF TG_TABLE_NAME = 'LocalOrganization' THEN
    INSERT INTO "DashboardOrganizationYear" ("organizationId", "fiscalYearId", "provinceId", "districtId", type, active, "nameTh")
    SELECT o.id, y.id, d."provinceId", o."districtId", o.type, o.active, o."nameTh"
      FROM new_rows o JOIN "District" d ON d.id = o."districtId" CROSS JOIN "FiscalYear" y
    ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO "DashboardOrganizationYear" ("organizationId", "fiscalYearId", "provinceId", "districtId", type, active, "nameTh")
    SELECT o.id, y.id, d."provinceId", o."districtId", o.type, o.active, o."nameTh"
      FROM new_rows y CROSS JOIN "LocalOrganization" o JOIN "District" d ON d.id = o."districtId"
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER dashboard_rollup_insert AFTER INSERT ON "LocalOrganization" REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION dashboard_rollup_grid_added();
CREATE TRIGGER dashboard_rollup_insert AFTER INSERT ON "FiscalYear" REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION dashboard_rollup_grid_added();

-- An organisation renamed, retyped, moved or (de)activated; a district moved to another province.
CREATE FUNCTION dashboard_rollup_place_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public SET prongsai.scope = 'system' AS $$
BEGIN
  IF TG_TABLE_NAME = 'LocalOrganization' THEN
    UPDATE "DashboardOrganizationYear"
       SET "provinceId" = (SELECT "provinceId" FROM "District" WHERE id = NEW."districtId"),
           "districtId" = NEW."districtId", type = NEW.type, active = NEW.active, "nameTh" = NEW."nameTh"
     WHERE "organizationId" = NEW.id;
  ELSE
    UPDATE "DashboardOrganizationYear" SET "provinceId" = NEW."provinceId" WHERE "districtId" = NEW.id;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER dashboard_rollup_update AFTER UPDATE ON "LocalOrganization" FOR EACH ROW
WHEN (OLD."nameTh" IS DISTINCT FROM NEW."nameTh" OR OLD.type IS DISTINCT FROM NEW.type OR OLD.active IS DISTINCT FROM NEW.active
      OR OLD."districtId" IS DISTINCT FROM NEW."districtId")
EXECUTE FUNCTION dashboard_rollup_place_changed();
CREATE TRIGGER dashboard_rollup_update AFTER UPDATE ON "District" FOR EACH ROW
WHEN (OLD."provinceId" IS DISTINCT FROM NEW."provinceId")
EXECUTE FUNCTION dashboard_rollup_place_changed();

-- What is there already.
INSERT INTO "DashboardOrganizationYear" ("organizationId", "fiscalYearId", "provinceId", "districtId", type, active, "nameTh")
SELECT o.id, y.id, d."provinceId", o."districtId", o.type, o.active, o."nameTh"
  FROM "LocalOrganization" o JOIN "District" d ON d.id = o."districtId" CROSS JOIN "FiscalYear" y;
SELECT dashboard_rollup_refresh(array_agg("organizationId"), array_agg("fiscalYearId"))
  FROM (SELECT "organizationId", "fiscalYearId" FROM "ItaResult"
        UNION SELECT "organizationId", "fiscalYearId" FROM "YearlyReport") pairs;
SELECT dashboard_rollup_refresh_content(array_agg(id)) FROM "YearlyReport";

-- Row-level security like its sources' (migration 20261130170000_row_level_security), on its
-- own columns: no lookup per row.
ALTER TABLE "DashboardOrganizationYear" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY scope ON "DashboardOrganizationYear" USING (
  (SELECT prongsai_sees_all())
  OR "organizationId" = ANY ((SELECT prongsai_scope_ids('organizations'))::text[])
  OR "districtId" = ANY ((SELECT prongsai_scope_ids('districts'))::text[])
  OR "provinceId" = ANY ((SELECT prongsai_scope_ids('provinces'))::text[])
);

-- The back-fill's updates leave every row twice: rewrite the table compactly, a year's rows
-- together (the dashboards read a year at a time).
CLUSTER "DashboardOrganizationYear" USING "DashboardOrganizationYear_fiscalYearId_provinceId_districtI_idx";
ANALYZE "DashboardOrganizationYear";
