// The in-process migrator (embedded start) and Prisma's `migrate deploy` (production) record
// migrations the same way, so either can run after the other on the same database.
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyPendingMigrations, readMigrationFiles, type SqlConnection } from "@/server/db/migrations";
import { openTestDatabase, type TestDatabase } from "./helpers/db";

let database: TestDatabase;
let connection: SqlConnection & { close(): Promise<void> };

beforeAll(async () => {
  database = await openTestDatabase();
  if (database.kind === "postgresql") {
    const client = new pg.Client({ connectionString: database.migrationUrl });
    await client.connect();
    connection = {
      exec: (sql) => client.query(sql),
      async query<Row>(sql: string, params?: unknown[]) {
        return { rows: (await client.query(sql, params)).rows as Row[] };
      },
      close: () => client.end(),
    };
  } else {
    connection = new PGlite();
    await applyPendingMigrations(connection);
  }
});
afterAll(async () => {
  await connection.close();
  await database.close();
});

describe("migrations", () => {
  it("a migrated database has every migration recorded with the file's checksum, and nothing is pending", async () => {
    const files = readMigrationFiles();
    expect(files.length).toBeGreaterThan(0);
    const { rows } = await connection.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((row) => [row.migration_name, row.checksum])).toEqual(files.map((file) => [file.name, file.checksum]));
    expect(rows.every((row) => row.finished_at !== null)).toBe(true);
    await expect(applyPendingMigrations(connection)).resolves.toEqual([]);
  });

  it("refuses to run when an applied migration file was edited afterwards", async () => {
    const [first, ...rest] = readMigrationFiles();
    const edited = { ...first!, checksum: "0".repeat(64) };
    await expect(applyPendingMigrations(connection, [edited, ...rest])).rejects.toThrow(/was changed/);
  });

  it("a failing migration is rolled back whole and not recorded", async () => {
    const broken = { name: "99999999999999_broken", sql: 'CREATE TABLE "Half" (id int);\nSELECT no_such_function();', checksum: "f".repeat(64) };
    await expect(applyPendingMigrations(connection, [...readMigrationFiles(), broken])).rejects.toThrow(/99999999999999_broken failed/);
    const { rows } = await connection.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'Half'",
    );
    expect(rows[0]!.n).toBe(0);
    const recorded = await connection.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM \"_prisma_migrations\" WHERE migration_name = '99999999999999_broken'",
    );
    expect(recorded.rows[0]!.n).toBe(0);
  });
});
