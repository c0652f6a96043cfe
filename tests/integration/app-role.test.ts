// The app role (README, Security model): on PostgreSQL the app's own connection signs in as it;
// it is no superuser, cannot bypass row-level security, owns nothing, may read and write the
// app's tables but only add to the audit trail. The embedded database has the same role and
// grants (checked here by switching to it inside a transaction); the app runs there as its owner.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ROLE } from "@/server/db/app-role";
import type { Prisma } from "@/server/db/client";
import { createWorld, type World } from "./helpers/fixtures";
import { openTestDatabase, type TestDatabase } from "./helpers/db";

let database: TestDatabase;
let world: World;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database.db);
  await database.db.auditEvent.create({ data: { action: "test.app-role", entityType: "Test", entityId: "1", organizationId: world.organizations.A1.id } });
});
afterAll(() => database.close());

/**
 * Runs `work` as the app role in its sessions' system scope (row-level security): a no-op on
 * PostgreSQL, where the connection is it already; SET ROLE does not apply the role's defaults.
 */
function asAppRole<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return database.db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SET LOCAL ROLE ${APP_ROLE}`);
    await tx.$executeRaw`SELECT set_config('prongsai.scope', 'system', true)`;
    return work(tx);
  });
}

describe("the app role", () => {
  it("is what the app connects as on PostgreSQL, and can neither act as superuser nor bypass row-level security", async () => {
    const [connected] = await database.db.$queryRaw<{ user: string }[]>`SELECT current_user AS user`;
    if (database.kind === "postgresql") expect(connected!.user).toBe(APP_ROLE);
    const [role] = await database.db.$queryRaw<{ rolsuper: boolean; rolbypassrls: boolean; rolcreaterole: boolean; rolcreatedb: boolean; rolcanlogin: boolean }[]>`
      SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb, rolcanlogin FROM pg_roles WHERE rolname = ${APP_ROLE}`;
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false, rolcanlogin: true });
  });

  it("owns no table, view, sequence, function or schema", async () => {
    const [owned] = await database.db.$queryRaw<{ n: number }[]>`
      SELECT (SELECT count(*) FROM pg_class WHERE relowner = to_regrole(${APP_ROLE}))
           + (SELECT count(*) FROM pg_proc WHERE proowner = to_regrole(${APP_ROLE}))
           + (SELECT count(*) FROM pg_namespace WHERE nspowner = to_regrole(${APP_ROLE})) AS n`;
    expect(Number(owned!.n)).toBe(0);
  });

  it("may read and write every table of the app, only read and add to the audit trail, and not touch the migration history", async () => {
    const grants = await database.db.$queryRaw<{ table: string; privileges: string }[]>`
      SELECT c.relname AS table,
             concat_ws(',', CASE WHEN has_table_privilege(${APP_ROLE}, c.oid, 'SELECT') THEN 'SELECT' END,
                            CASE WHEN has_table_privilege(${APP_ROLE}, c.oid, 'INSERT') THEN 'INSERT' END,
                            CASE WHEN has_table_privilege(${APP_ROLE}, c.oid, 'UPDATE') THEN 'UPDATE' END,
                            CASE WHEN has_table_privilege(${APP_ROLE}, c.oid, 'DELETE') THEN 'DELETE' END,
                            CASE WHEN has_table_privilege(${APP_ROLE}, c.oid, 'TRUNCATE') THEN 'TRUNCATE' END) AS privileges
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
       ORDER BY 1`;
    expect(grants.length).toBeGreaterThan(30);
    const expected = (table: string) =>
      table === "AuditEvent" ? "SELECT,INSERT" : table === "_prisma_migrations" ? "" : "SELECT,INSERT,UPDATE,DELETE";
    expect(grants).toEqual(grants.map(({ table }) => ({ table, privileges: expected(table) })));
  });

  it("adds and reads audit rows but cannot change or delete them", async () => {
    const added = await asAppRole((tx) =>
      tx.auditEvent.create({ data: { action: "test.app-role.added", entityType: "Test", entityId: "2", organizationId: world.organizations.A1.id } }),
    );
    expect(await asAppRole((tx) => tx.auditEvent.count({ where: { id: added.id } }))).toBe(1);
    await expect(asAppRole((tx) => tx.auditEvent.updateMany({ where: { id: added.id }, data: { action: "rewritten" } }))).rejects.toThrow(/permission denied/);
    await expect(asAppRole((tx) => tx.auditEvent.deleteMany({ where: { id: added.id } }))).rejects.toThrow(/permission denied/);
    await expect(asAppRole((tx) => tx.$executeRawUnsafe('DELETE FROM "AuditEvent"'))).rejects.toThrow(/permission denied/);
    await expect(asAppRole((tx) => tx.$executeRawUnsafe('TRUNCATE "AuditEvent"'))).rejects.toThrow(/permission denied/);
    const [kept] = await database.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "AuditEvent" WHERE action LIKE 'test.app-role%' AND action <> 'rewritten'`;
    expect(kept!.n).toBe(2);
  });

  it("cannot change the schema or the grants", async () => {
    await expect(asAppRole((tx) => tx.$executeRawUnsafe('ALTER TABLE "AuditEvent" ADD COLUMN sneaky int'))).rejects.toThrow(/must be owner|permission denied/);
    await expect(asAppRole((tx) => tx.$executeRawUnsafe("CREATE TABLE public.sneaky (id int)"))).rejects.toThrow(/permission denied/);
    await expect(asAppRole((tx) => tx.$executeRawUnsafe("SELECT prongsai_grant_app_role()"))).rejects.toThrow(/permission denied/);
  });
});
