-- The role the app connects as on a PostgreSQL server (README, Security model): it logs in, owns
-- nothing, is no superuser and cannot bypass row-level security. Migrations, seeding and backups
-- run through the privileged connection (DATABASE_MIGRATION_URL), which owns every table.
-- Roles belong to the whole server, so a second database on it finds the role made already.
DO $$
BEGIN
  CREATE ROLE prongsai_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
EXCEPTION
  -- duplicate_object: it exists; unique_violation: another database's migration made it at the same moment.
  WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;

-- What the app role may do, granted anew after every migration (npm run db:migrate) and every
-- restore (pg_restore --no-privileges drops grants), so a table added later is covered too.
-- Reading and writing the app's tables; the audit trail only grows (no UPDATE or DELETE); the
-- migration history is not its business. pg-boss's schema, once installed, likewise.
CREATE FUNCTION prongsai_grant_app_role() RETURNS void LANGUAGE plpgsql AS $$
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
END
$$;
REVOKE EXECUTE ON FUNCTION prongsai_grant_app_role() FROM PUBLIC;
SELECT prongsai_grant_app_role();
