-- CreateTable
CREATE TABLE "ReportAdoption" (
    "organizationId" TEXT NOT NULL,
    "fiscalYearId" TEXT NOT NULL,
    "issueIds" TEXT[],
    "itemIds" TEXT[],

    CONSTRAINT "ReportAdoption_pkey" PRIMARY KEY ("organizationId","fiscalYearId")
);

-- CreateIndex
CREATE INDEX "ReportAdoption_fiscalYearId_idx" ON "ReportAdoption"("fiscalYearId");

-- AddForeignKey
ALTER TABLE "ReportAdoption" ADD CONSTRAINT "ReportAdoption_organizationId_fiscalYearId_fkey" FOREIGN KEY ("organizationId", "fiscalYearId") REFERENCES "YearlyReport"("organizationId", "fiscalYearId") ON DELETE CASCADE ON UPDATE CASCADE;

-- Back-fill: what the reports accepted so far adopted, as recordAdoptions (server/services/reports/adoptions.ts) writes it.
INSERT INTO "ReportAdoption" ("organizationId", "fiscalYearId", "issueIds", "itemIds")
SELECT rep."organizationId", rep."fiscalYearId",
       ARRAY(SELECT DISTINCT ri."suggestedIssueId" FROM "ReportIssue" ri
              WHERE ri."reportId" = rep.id AND ri."suggestedIssueId" IS NOT NULL
                AND EXISTS (SELECT 1 FROM "Measure" m WHERE m."issueId" = ri.id)
              ORDER BY 1),
       ARRAY(SELECT DISTINCT sri.id FROM "ReportIssue" ri
               JOIN "Measure" m ON m."issueId" = ri.id
               JOIN "MeasureResultItem" i ON i."measureId" = m.id AND i.checked
               JOIN "StandardResultItem" sri ON sri.id = i."standardItemId" AND sri."suggestedIssueId" = ri."suggestedIssueId"
              WHERE ri."reportId" = rep.id
              ORDER BY 1)
  FROM "YearlyReport" rep
 WHERE rep.status = 'ACCEPTED';

-- Planner statistics for the new rows: without them the first insight queries misjudge the table.
ANALYZE "ReportAdoption";

-- The dashboards' data versions (migration 20261130121542_dashboard_versions): a change of what
-- a report adopted counts for its organisation's province and its year, at the commit.
CREATE FUNCTION dashboard_adoption_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  image jsonb;
BEGIN
  FOREACH image IN ARRAY ARRAY[to_jsonb(OLD), to_jsonb(NEW)] LOOP
    CONTINUE WHEN image IS NULL;
    PERFORM dashboard_bump(dashboard_province_of_organization(image->>'organizationId'), image->>'fiscalYearId');
  END LOOP;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER dashboard_version AFTER INSERT OR UPDATE OR DELETE ON "ReportAdoption"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION dashboard_adoption_changed();
