-- An autosave that changes a measure's title or text, or an issue's, changes nothing the rollup
-- holds: an update now refreshes a report's content summary only for the rows whose counted
-- columns changed (which issue a measure sits under; an issue's report, suggested issue and
-- indicators; a result item's measure, tick and standard item). Before, every autosave
-- recomputed its whole report's summary once per statement.
CREATE OR REPLACE FUNCTION dashboard_rollup_content_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public SET prongsai.scope = 'system' AS $$
DECLARE
  report_ids text[] := '{}';
BEGIN
  -- A row removed with its parent (a report or an issue deleted) finds none: the parent's own
  -- trigger refreshes the report.
  -- (IF rather than CASE: each statement is planned only for the table it names.)
  IF TG_OP = 'UPDATE' THEN
    -- Rows matched by id before and after; a row whose id changed counts as changed.
    IF TG_TABLE_NAME = 'ReportIssue' THEN
      report_ids := ARRAY(SELECT DISTINCT report_id FROM new_rows c FULL JOIN old_rows o ON o.id = c.id
                           CROSS JOIN unnest(ARRAY[c."reportId", o."reportId"]) AS report_id
                          WHERE (c."reportId", c."suggestedIssueId", c."indicatorNumbers") IS DISTINCT FROM (o."reportId", o."suggestedIssueId", o."indicatorNumbers"));
    ELSIF TG_TABLE_NAME = 'Measure' THEN
      report_ids := ARRAY(SELECT DISTINCT ri."reportId" FROM new_rows c FULL JOIN old_rows o ON o.id = c.id
                            JOIN "ReportIssue" ri ON ri.id IN (c."issueId", o."issueId")
                          WHERE c."issueId" IS DISTINCT FROM o."issueId");
    ELSE
      report_ids := ARRAY(SELECT DISTINCT ri."reportId" FROM new_rows c FULL JOIN old_rows o ON o.id = c.id
                            JOIN "Measure" m ON m.id IN (c."measureId", o."measureId") JOIN "ReportIssue" ri ON ri.id = m."issueId"
                          WHERE (c."measureId", c.checked, c."standardItemId") IS DISTINCT FROM (o."measureId", o.checked, o."standardItemId"));
    END IF;
  ELSIF TG_OP = 'INSERT' THEN
    IF TG_TABLE_NAME = 'ReportIssue' THEN
      report_ids := ARRAY(SELECT DISTINCT "reportId" FROM new_rows);
    ELSIF TG_TABLE_NAME = 'Measure' THEN
      report_ids := ARRAY(SELECT DISTINCT ri."reportId" FROM new_rows c JOIN "ReportIssue" ri ON ri.id = c."issueId");
    ELSE
      report_ids := ARRAY(SELECT DISTINCT ri."reportId" FROM new_rows c JOIN "Measure" m ON m.id = c."measureId" JOIN "ReportIssue" ri ON ri.id = m."issueId");
    END IF;
  ELSE
    IF TG_TABLE_NAME = 'ReportIssue' THEN
      report_ids := ARRAY(SELECT DISTINCT "reportId" FROM old_rows);
    ELSIF TG_TABLE_NAME = 'Measure' THEN
      report_ids := ARRAY(SELECT DISTINCT ri."reportId" FROM old_rows c JOIN "ReportIssue" ri ON ri.id = c."issueId");
    ELSE
      report_ids := ARRAY(SELECT DISTINCT ri."reportId" FROM old_rows c JOIN "Measure" m ON m.id = c."measureId" JOIN "ReportIssue" ri ON ri.id = m."issueId");
    END IF;
  END IF;
  IF cardinality(report_ids) > 0 THEN
    PERFORM dashboard_rollup_refresh_content(report_ids);
  END IF;
  RETURN NULL;
END
$$;
