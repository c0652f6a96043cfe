// `npm run db:backup` and `npm run db:restore`, run as an operator would (the CLI in its own
// process), on the database kind of this project: the demo data backed up, restored into an
// empty database, and every table compared row for row.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openDatabase, prismaOnPostgres, type Db } from "@/server/db/client";
import { seedDemoData } from "@/prisma/seed/demo";
import { openTestDatabase, runAdmin, type TestDatabase } from "./helpers/db";

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "prongsai-backup-"));
const backupFile = path.join(workDir, "prongsai.backup");
const onPostgres = process.env.TEST_DB_KIND === "postgresql";

/** Where a CLI run points: the environment variables that select the database. */
type Target = Record<string, string>;
let source: Target;
let restored: Target;
let restoredPostgresName: string | null = null;
let sourceDatabase: TestDatabase | null = null;

async function cli(command: "db:backup" | "db:restore", target: Target, ...args: string[]) {
  const env = { ...process.env, DATABASE_URL: "", DATABASE_MIGRATION_URL: "", PRONGSAI_DATA_DIR: "", ...target };
  return promisify(execFile)("npx", ["tsx", "server/cli/backup.ts", command === "db:backup" ? "backup" : "restore", ...args], { env }).then(
    (result) => ({ ok: true as const, ...result }),
    (error: { stdout: string; stderr: string }) => ({ ok: false as const, stdout: error.stdout, stderr: error.stderr }),
  );
}

/** The target's database, on a server through the privileged connection (it reads every table), or as the app role. */
async function withDb<T>(target: Target, read: (db: Db) => Promise<T>, { asApp = false } = {}): Promise<T> {
  if (target.DATABASE_URL) {
    const db = prismaOnPostgres(asApp ? target.DATABASE_URL : target.DATABASE_MIGRATION_URL!);
    try {
      return await read(db);
    } finally {
      await db.$disconnect();
    }
  }
  const database = await openDatabase({ kind: "pglite", dataDir: target.PRONGSAI_DATA_DIR! });
  try {
    return await read(database.db);
  } finally {
    await database.close();
  }
}

/** Every table of the database with its row count and a digest of its rows in a fixed order. */
async function fingerprint(db: Db) {
  const tables = await db.$queryRaw<{ schema: string; name: string }[]>`
    SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
     ORDER BY 1, 2`;
  const result: Record<string, { rows: number; digest: string }> = {};
  for (const { schema, name } of tables) {
    const [row] = await db.$queryRawUnsafe<{ rows: number; digest: string }[]>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS digest FROM "${schema}"."${name}" t`,
    );
    result[`${schema}.${name}`] = row!;
  }
  return result;
}

beforeAll(async () => {
  if (onPostgres) {
    sourceDatabase = await openTestDatabase();
    await seedDemoData(sourceDatabase.db, { password: "backup test password" });
    // The CLI runs as in production: the app role in DATABASE_URL, the privileged role in DATABASE_MIGRATION_URL.
    source = { DATABASE_URL: sourceDatabase.url!, DATABASE_MIGRATION_URL: sourceDatabase.migrationUrl! };
    restoredPostgresName = `${new URL(sourceDatabase.url!).pathname.slice(1)}_restored`;
    await runAdmin(process.env.TEST_DATABASE_URL!, `CREATE DATABASE "${restoredPostgresName}"`);
    const inRestored = (url: string) => Object.assign(new URL(url), { pathname: `/${restoredPostgresName}` }).toString();
    restored = { DATABASE_URL: inRestored(sourceDatabase.url!), DATABASE_MIGRATION_URL: inRestored(sourceDatabase.migrationUrl!) };
  } else {
    source = { PRONGSAI_DATA_DIR: path.join(workDir, "source") };
    restored = { PRONGSAI_DATA_DIR: path.join(workDir, "restored") };
    await withDb(source, (db) => seedDemoData(db, { password: "backup test password" }));
  }
}, 180_000);

afterAll(async () => {
  await sourceDatabase?.close();
  if (restoredPostgresName) await runAdmin(process.env.TEST_DATABASE_URL!, `DROP DATABASE IF EXISTS "${restoredPostgresName}" WITH (FORCE)`);
  fs.rmSync(workDir, { recursive: true, force: true });
});

it("a backup restored into an empty database holds every table, row for row", { timeout: 180_000 }, async () => {
  const backup = await cli("db:backup", source, backupFile);
  expect(backup.ok, backup.stderr).toBe(true);
  expect(fs.statSync(backupFile).size).toBeGreaterThan(1000);

  const restore = await cli("db:restore", restored, backupFile);
  expect(restore.ok, restore.stderr).toBe(true);

  const before = await withDb(source, fingerprint);
  const after = await withDb(restored, fingerprint);
  expect(Object.keys(before).length).toBeGreaterThan(20);
  expect(before["public.YearlyReport"]!.rows).toBeGreaterThan(0);
  expect(before["public.Measure"]!.rows).toBeGreaterThan(0);
  expect(after).toEqual(before);
  // The restore gave the app role its grants back (pg_restore --no-privileges drops them).
  if (onPostgres) expect(await withDb(restored, (db) => db.yearlyReport.count(), { asApp: true })).toBe(before["public.YearlyReport"]!.rows);
});

it("refuses to restore over a database that holds data unless told to replace it, and then replaces it", { timeout: 180_000 }, async () => {
  const refused = await cli("db:restore", restored, backupFile);
  expect(refused.ok).toBe(false);
  expect(refused.stderr).toMatch(/--replace/);

  await withDb(restored, (db) => db.auditEvent.deleteMany());
  const replaced = await cli("db:restore", restored, backupFile, "--replace");
  expect(replaced.ok, replaced.stderr).toBe(true);
  expect(await withDb(restored, fingerprint)).toEqual(await withDb(source, fingerprint));
});

it("refuses a file that is not a backup of this kind of database, and keeps the database", { timeout: 120_000 }, async () => {
  const notABackup = path.join(workDir, "notes.txt");
  fs.writeFileSync(notABackup, "รายงานผลการดำเนินการ ไม่ใช่ไฟล์สำรองข้อมูล");
  const before = await withDb(restored, fingerprint);
  const refused = await cli("db:restore", restored, notABackup, "--replace");
  expect(refused.ok).toBe(false);
  expect(refused.stderr).toMatch(/is not a backup/);
  expect(await withDb(restored, fingerprint)).toEqual(before);
});

it("a backup cut short fails to restore over a database and leaves it as it was", { timeout: 120_000 }, async () => {
  const cut = path.join(workDir, "cut.backup");
  const whole = fs.readFileSync(backupFile);
  fs.writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.6)));
  await withDb(restored, (db) => db.auditEvent.create({ data: { action: "test.kept", entityType: "Test", entityId: "1" } }));
  const before = await withDb(restored, fingerprint);
  const failed = await cli("db:restore", restored, cut, "--replace");
  expect(failed.ok).toBe(false);
  expect(await withDb(restored, fingerprint)).toEqual(before);
});
