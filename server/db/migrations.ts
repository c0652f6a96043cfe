// Applies prisma/migrations in-process (the Prisma CLI takes ~16 s on PGlite). Each applied
// migration is recorded in "_prisma_migrations" exactly as `prisma migrate deploy` records it,
// so the CLI's `migrate deploy` and `migrate status` keep working on the same database.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** The little a migrator needs from a connection: PGlite and node-postgres both fit. */
export type SqlConnection = {
  exec(sql: string): Promise<unknown>;
  query<Row>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
};

export type MigrationFile = { name: string; sql: string; checksum: string };

export const MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma", "migrations");

export function readMigrationFiles(dir: string = MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** Applies every pending migration, each in its own transaction. Returns the names applied. */
export async function applyPendingMigrations(
  connection: SqlConnection,
  files: MigrationFile[] = readMigrationFiles(),
): Promise<string[]> {
  await connection.exec(CREATE_MIGRATIONS_TABLE);
  const { rows } = await connection.query<{ migration_name: string; checksum: string }>(
    `SELECT migration_name, checksum FROM "_prisma_migrations"
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const applied = new Map(rows.map((row) => [row.migration_name, row.checksum]));
  const newlyApplied: string[] = [];
  for (const file of files) {
    const checksum = applied.get(file.name);
    if (checksum !== undefined) {
      if (checksum !== file.checksum) {
        throw new Error(`Migration ${file.name} was changed after it was applied to this database`);
      }
      continue;
    }
    await connection.exec("BEGIN");
    try {
      await connection.exec(file.sql);
      await connection.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), now(), 1)`,
        [randomUUID(), file.checksum, file.name],
      );
      await connection.exec("COMMIT");
    } catch (error) {
      await connection.exec("ROLLBACK");
      throw new Error(`Migration ${file.name} failed: ${(error as Error).message}`, { cause: error });
    }
    newlyApplied.push(file.name);
  }
  // As db:migrate does on a server: the app role's grants cover the tables just made.
  if (newlyApplied.length > 0) {
    const { rows: granting } = await connection.query<{ present: boolean }>("SELECT to_regproc('prongsai_grant_app_role') IS NOT NULL AS present");
    if (granting[0]!.present) await connection.query("SELECT prongsai_grant_app_role()");
  }
  return newlyApplied;
}
