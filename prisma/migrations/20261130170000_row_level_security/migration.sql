-- Row-level security, the second wall behind the app's own checks (README, Security model).
-- A client narrowed to a caller (scopedDb in server/db/client.ts) declares in every transaction,
-- with set_config(…, true), which rows it may see; the declaration ends with the transaction, so
-- a pooled connection never carries it to the next caller:
--   prongsai.scope           'national' (every row), 'nodes' (the nodes below), 'system' (every
--                            row: jobs, public pages, sign-in, scripts; the app role's sessions
--                            start in it), unset or empty: no row at all;
--   prongsai.organizations, prongsai.districts, prongsai.provinces   the caller's nodes (text[]),
--                            whose rows and everything below them it sees;
--   prongsai.above_districts, prongsai.above_provinces   the districts and provinces above those
--                            nodes, whose own rows it sees (names, deadlines, reviewers), nothing beside them;
--   prongsai.user            the caller's id (their own notifications).
-- Each setting is read in an uncorrelated sub-select, once per query rather than once per row.

CREATE FUNCTION prongsai_sees_all() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('prongsai.scope', true), '') IN ('system', 'national')
$$;
CREATE FUNCTION prongsai_scope_ids(setting text) RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN current_setting('prongsai.scope', true) = 'nodes'
              THEN coalesce(nullif(current_setting('prongsai.' || setting, true), ''), '{}')::text[]
              ELSE '{}'::text[] END
$$;

-- The geography: a district is visible at or below the caller's nodes, or as one above them; an
-- organisation at or below them. Every other policy leans on these two.
ALTER TABLE "District" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY scope ON "District" USING (
  (SELECT prongsai_sees_all())
  OR id = ANY ((SELECT prongsai_scope_ids('districts')) || (SELECT prongsai_scope_ids('above_districts')))
  OR "provinceId" = ANY ((SELECT prongsai_scope_ids('provinces'))::text[])
);
ALTER TABLE "LocalOrganization" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY scope ON "LocalOrganization" USING (
  (SELECT prongsai_sees_all())
  OR id = ANY ((SELECT prongsai_scope_ids('organizations'))::text[])
  OR "districtId" = ANY ((SELECT prongsai_scope_ids('districts'))::text[])
  OR EXISTS (SELECT 1 FROM "District" d WHERE d.id = "districtId" AND d."provinceId" = ANY ((SELECT prongsai_scope_ids('provinces'))::text[]))
);

-- An organisation's own rows: visible when the organisation is.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['OrganizationTypePeriod', 'YearlyReport', 'ReportAdoption', 'ItaResult'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY scope ON %I USING ((SELECT prongsai_sees_all()) OR EXISTS (SELECT 1 FROM "LocalOrganization" o WHERE o.id = "organizationId"))', t);
  END LOOP;
END
$$;

-- Rows reached through a report or a score: visible when their parent is (a lookup by primary
-- key, whose own policy applies in turn), rather than a copied organisation column that every
-- write would have to keep right.
DO $$
DECLARE child text[];
BEGIN
  FOREACH child SLICE 1 IN ARRAY ARRAY[
    ['ReportIssue', 'reportId', 'YearlyReport'],
    ['SignOff', 'reportId', 'YearlyReport'],
    ['ReviewComment', 'reportId', 'YearlyReport'],
    ['ReportRevision', 'reportId', 'YearlyReport'],
    ['Measure', 'issueId', 'ReportIssue'],
    ['MeasureResultItem', 'measureId', 'Measure'],
    ['EvidenceLink', 'measureId', 'Measure'],
    ['ItaIndicatorScore', 'itaResultId', 'ItaResult'],
    ['ItaResultChange', 'itaResultId', 'ItaResult']
  ] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY', child[1]);
    EXECUTE format('CREATE POLICY scope ON %I USING ((SELECT prongsai_sees_all()) OR EXISTS (SELECT 1 FROM %I p WHERE p.id = %I))', child[1], child[3], child[2]);
  END LOOP;
END
$$;

-- A province's own rows: its deadline extensions and dashboard version, also for the nodes below it.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['DeadlineExtension', 'DashboardVersion'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($f$CREATE POLICY scope ON %I USING ((SELECT prongsai_sees_all())
      OR "provinceId" = ANY ((SELECT prongsai_scope_ids('provinces')) || (SELECT prongsai_scope_ids('above_provinces'))))$f$, t);
  END LOOP;
END
$$;

-- Rows at any level (an organisation, a district, a province, or the country when all are empty):
-- the most precise level decides. Roles are visible above too (who reviews me); audit rows only
-- at or below the caller's nodes.
ALTER TABLE "RoleAssignment" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY scope ON "RoleAssignment" USING (
  (SELECT prongsai_sees_all())
  OR CASE WHEN "organizationId" IS NOT NULL THEN EXISTS (SELECT 1 FROM "LocalOrganization" o WHERE o.id = "organizationId")
          WHEN "districtId" IS NOT NULL THEN EXISTS (SELECT 1 FROM "District" d WHERE d.id = "districtId")
          WHEN "provinceId" IS NOT NULL THEN "provinceId" = ANY ((SELECT prongsai_scope_ids('provinces')) || (SELECT prongsai_scope_ids('above_provinces')))
          ELSE false END
);
ALTER TABLE "AuditEvent" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY scope ON "AuditEvent" USING (
  (SELECT prongsai_sees_all())
  OR CASE WHEN "organizationId" IS NOT NULL THEN EXISTS (SELECT 1 FROM "LocalOrganization" o WHERE o.id = "organizationId")
          WHEN "districtId" IS NOT NULL THEN "districtId" = ANY ((SELECT prongsai_scope_ids('districts'))::text[])
            OR EXISTS (SELECT 1 FROM "District" d WHERE d.id = "districtId" AND d."provinceId" = ANY ((SELECT prongsai_scope_ids('provinces'))::text[]))
          WHEN "provinceId" IS NOT NULL THEN "provinceId" = ANY ((SELECT prongsai_scope_ids('provinces'))::text[])
          ELSE false END
);

-- A notification: its recipient's, or visible with its organisation.
ALTER TABLE "Notification" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY scope ON "Notification" USING (
  (SELECT prongsai_sees_all())
  OR "recipientId" = (SELECT current_setting('prongsai.user', true))
  OR ("organizationId" IS NOT NULL AND EXISTS (SELECT 1 FROM "LocalOrganization" o WHERE o.id = "organizationId"))
);

-- The app role's sessions start in the system scope; a narrowed client declares less per
-- transaction. An owner that does not bypass row-level security (a managed server's) likewise,
-- so that seeding and backups through DATABASE_MIGRATION_URL see every row. Granted again after
-- each migration and restore, as before.
CREATE OR REPLACE FUNCTION prongsai_grant_app_role() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- Before PostgreSQL 15 everyone may create tables in public; the app role must own nothing.
  REVOKE CREATE ON SCHEMA public FROM PUBLIC;
  GRANT USAGE ON SCHEMA public TO prongsai_app;
  GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO prongsai_app;
  GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO prongsai_app;
  REVOKE UPDATE, DELETE, TRUNCATE ON "AuditEvent" FROM prongsai_app;
  REVOKE ALL ON "_prisma_migrations" FROM prongsai_app;
  IF to_regnamespace('pgboss') IS NOT NULL THEN
    GRANT USAGE ON SCHEMA pgboss TO prongsai_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO prongsai_app;
  END IF;
  ALTER ROLE prongsai_app SET prongsai.scope = 'system';
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND (rolsuper OR rolbypassrls)) THEN
    EXECUTE format('ALTER ROLE %I SET prongsai.scope = %L', current_user, 'system');
  END IF;
END
$$;
REVOKE EXECUTE ON FUNCTION prongsai_grant_app_role() FROM PUBLIC;
SELECT prongsai_grant_app_role();
