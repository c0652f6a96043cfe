-- DropTable
DROP TABLE "DashboardDataVersion";

-- CreateTable
CREATE TABLE "DashboardVersion" (
    "provinceId" TEXT NOT NULL,
    "fiscalYearId" TEXT NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "DashboardVersion_pkey" PRIMARY KEY ("provinceId","fiscalYearId")
);

-- The dashboards' data versions are kept by the database itself, so that no write path can
-- forget them. Every change to a table the dashboards read bumps, once per transaction, the
-- version of the province and fiscal year it belongs to: an ITA result or a report (and a
-- report's content while it is with the province or accepted) its organisation's province and
-- its year, an organisation, a district or a province that province in every year (""), a
-- year's framework that year in every province (""), a fiscal year itself everything.
-- Row triggers are deferred to the commit, so a transaction holds a version row's lock only
-- while it commits (createReport copies a whole report before that). The functions run as their
-- owner (SECURITY DEFINER, fixed search_path): they work whatever role the application connects
-- as and whatever rows it may see.

CREATE FUNCTION dashboard_bump(province_id text, fiscal_year_id text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  bumped text := coalesce(current_setting('prongsai.dashboard_bumped', true), '');
  key text := '[' || province_id || '/' || fiscal_year_id || ']';
BEGIN
  IF key IS NULL OR strpos(bumped, key) > 0 THEN
    RETURN;
  END IF;
  PERFORM set_config('prongsai.dashboard_bumped', bumped || key, true);
  INSERT INTO "DashboardVersion" AS v ("provinceId", "fiscalYearId", version) VALUES (province_id, fiscal_year_id, 1)
  ON CONFLICT ("provinceId", "fiscalYearId") DO UPDATE SET version = v.version + 1;
END
$$;

CREATE FUNCTION dashboard_province_of_organization(organization_id text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT d."provinceId" FROM "LocalOrganization" o JOIN "District" d ON d.id = o."districtId" WHERE o.id = organization_id
$$;

CREATE FUNCTION dashboard_province_of_district(district_id text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT "provinceId" FROM "District" WHERE id = district_id
$$;

-- Every row trigger: the province and year a row belongs to, before and after the change.
CREATE FUNCTION dashboard_row_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  image jsonb;
BEGIN
  FOREACH image IN ARRAY ARRAY[to_jsonb(OLD), to_jsonb(NEW)] LOOP
    CONTINUE WHEN image IS NULL;
    CASE TG_TABLE_NAME
      WHEN 'ItaResult', 'YearlyReport' THEN
        PERFORM dashboard_bump(dashboard_province_of_organization(image->>'organizationId'), image->>'fiscalYearId');
      WHEN 'LocalOrganization' THEN
        PERFORM dashboard_bump(dashboard_province_of_district(image->>'districtId'), '');
      WHEN 'District' THEN
        PERFORM dashboard_bump(image->>'provinceId', '');
      WHEN 'Province' THEN
        PERFORM dashboard_bump(image->>'id', '');
      WHEN 'FiscalYear' THEN
        PERFORM dashboard_bump('', '');
      WHEN 'StandardResultItem' THEN
        PERFORM dashboard_bump('', (SELECT "fiscalYearId" FROM "SuggestedIssue" WHERE id = image->>'suggestedIssueId'));
      ELSE
        PERFORM dashboard_bump('', image->>'fiscalYearId');
    END CASE;
  END LOOP;
  RETURN NULL;
END
$$;

-- ItaResult and YearlyReport: the organisation's province, the row's year. A draft's autosave
-- (version, updatedAt) changes nothing counted: only a change of what the dashboards read, or
-- any change to a report sent to the province, counts.
CREATE CONSTRAINT TRIGGER dashboard_version AFTER INSERT OR UPDATE OR DELETE ON "ItaResult"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION dashboard_row_changed();

CREATE CONSTRAINT TRIGGER dashboard_version AFTER INSERT OR DELETE ON "YearlyReport"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION dashboard_row_changed();

CREATE CONSTRAINT TRIGGER dashboard_version_update AFTER UPDATE ON "YearlyReport"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.origin IS DISTINCT FROM NEW.origin
      OR OLD."organizationId" IS DISTINCT FROM NEW."organizationId" OR OLD."fiscalYearId" IS DISTINCT FROM NEW."fiscalYearId"
      OR NEW.status IN ('SUBMITTED', 'ACCEPTED'))
EXECUTE FUNCTION dashboard_row_changed();

-- The content of a report (issues, measures, result items, evidence links, sign-offs) counts
-- only while the report is with the province or accepted (drafts are the organisation's own
-- work). Statement triggers: a report is written a few hundred rows at a time.
CREATE FUNCTION dashboard_content_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  report_ids text[];
BEGIN
  CASE TG_TABLE_NAME
    WHEN 'ReportIssue', 'SignOff' THEN
      report_ids := ARRAY(SELECT DISTINCT "reportId" FROM changed);
    WHEN 'Measure' THEN
      report_ids := ARRAY(SELECT DISTINCT i."reportId" FROM changed c JOIN "ReportIssue" i ON i.id = c."issueId");
    ELSE
      report_ids := ARRAY(SELECT DISTINCT i."reportId" FROM changed c
                            JOIN "Measure" m ON m.id = c."measureId" JOIN "ReportIssue" i ON i.id = m."issueId");
  END CASE;
  PERFORM dashboard_bump(d."provinceId", y."fiscalYearId")
     FROM (SELECT DISTINCT y."organizationId", y."fiscalYearId" FROM "YearlyReport" y
            WHERE y.id = ANY(report_ids) AND y.status IN ('SUBMITTED', 'ACCEPTED')) y
     JOIN "LocalOrganization" o ON o.id = y."organizationId"
     JOIN "District" d ON d.id = o."districtId";
  RETURN NULL;
END
$$;

-- The registry and the framework (row triggers), and a report's content (statement triggers: a
-- report is written a few hundred rows at a time).
DO $$
DECLARE
  target text;
BEGIN
  FOREACH target IN ARRAY ARRAY[
    'LocalOrganization', 'District', 'Province', 'FiscalYear', 'LevelRule', 'ItaIndicator', 'SuggestedIssue', 'StandardResultItem'
  ] LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER dashboard_version AFTER INSERT OR UPDATE OR DELETE ON %I '
                   'DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION dashboard_row_changed()', target);
  END LOOP;
  FOREACH target IN ARRAY ARRAY['ReportIssue', 'SignOff', 'Measure', 'MeasureResultItem', 'EvidenceLink'] LOOP
    EXECUTE format('CREATE TRIGGER dashboard_version_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS changed '
                   'FOR EACH STATEMENT EXECUTE FUNCTION dashboard_content_changed()', target);
    EXECUTE format('CREATE TRIGGER dashboard_version_update AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed '
                   'FOR EACH STATEMENT EXECUTE FUNCTION dashboard_content_changed()', target);
    EXECUTE format('CREATE TRIGGER dashboard_version_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS changed '
                   'FOR EACH STATEMENT EXECUTE FUNCTION dashboard_content_changed()', target);
  END LOOP;
END
$$;
