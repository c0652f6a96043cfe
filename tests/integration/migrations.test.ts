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

  it("a role's old acting line became an acting grant of the same person, organisation and step (20261130221000)", async () => {
    const retiring = "20261130221000_retire_role_acting_position";
    const files = readMigrationFiles();
    const earlier = new PGlite();
    try {
      await applyPendingMigrations(earlier, files.filter((file) => file.name < retiring));
      await earlier.exec(`
        SET prongsai.scope = 'system'; -- every row (row-level security), for the rest of the session
        INSERT INTO "Province" (id, code, "nameTh", abbreviation) VALUES ('p', '91', 'ทดสอบ', 'ทส');
        INSERT INTO "District" (id, code, "nameTh", "provinceId") VALUES ('d', '9101', 'ทดสอบ', 'p');
        INSERT INTO "LocalOrganization" (id, "dlaCode", "nameTh", type, "districtId") VALUES ('o', '06910101', 'อบต.ทดสอบ', 'SAO', 'd');
        INSERT INTO "User" (id, username, "displayName", "updatedAt") VALUES ('palad', 'palad', 'ปลัด', now()), ('head', 'head', 'หัวหน้า', now());
        INSERT INTO "RoleAssignment" (id, "userId", role, "organizationId", "signOffStep", "actingPosition", "createdAt") VALUES
          ('own', 'palad', 'ORG_SIGNER', 'o', 'CHIEF_ADMINISTRATOR', NULL, '2026-01-05 03:00'),
          ('mayor', 'palad', 'ORG_SIGNER', 'o', 'EXECUTIVE', 'ปฏิบัติหน้าที่นายกองค์การบริหารส่วนตำบลทดสอบ', '2026-01-05 18:00'),
          ('worded', 'head', 'ORG_SIGNER', 'o', 'CHIEF_ADMINISTRATOR', 'รักษาราชการแทนปลัด', '2026-02-01 03:00'),
          ('blank', 'head', 'ORG_SIGNER', 'o', 'HEAD_OF_OFFICE', ' ', '2026-02-01 03:00');
      `);
      await applyPendingMigrations(earlier, files);
      const { rows } = await earlier.query<{ id: string; organizationId: string; userId: string; step: string; position: string; validFrom: string; validTo: string; grantedById: string | null }>(
        `SELECT id, "organizationId", "userId", step, position, "validFrom"::text AS "validFrom", "validTo"::text AS "validTo", "grantedById" FROM "ActingGrant" ORDER BY id`,
      );
      // The fiscal year in progress ends on 30 September (a Thai calendar day).
      const today = new Date(Date.now() + 7 * 3_600_000);
      const ends = `${today.getUTCFullYear() + (today.getUTCMonth() >= 9 ? 1 : 0)}-09-30`;
      expect(rows).toEqual([
        // 18:00 UTC is the next day in Thailand.
        { id: "acting-mayor", organizationId: "o", userId: "palad", step: "EXECUTIVE", position: "นายกองค์การบริหารส่วนตำบลทดสอบ", validFrom: "2026-01-06", validTo: ends, grantedById: null },
        { id: "acting-worded", organizationId: "o", userId: "head", step: "CHIEF_ADMINISTRATOR", position: "รักษาราชการแทนปลัด", validFrom: "2026-02-01", validTo: ends, grantedById: null },
      ]);
      // The roles themselves stay (their access and steps), without the column.
      const roles = await earlier.query<{ id: string }>(`SELECT id FROM "RoleAssignment" ORDER BY id`);
      expect(roles.rows.map((role) => role.id)).toEqual(["blank", "mayor", "own", "worded"]);
      const column = await earlier.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'RoleAssignment' AND column_name = 'actingPosition'",
      );
      expect(column.rows[0]!.n).toBe(0);
    } finally {
      await earlier.close();
    }
  });
});
