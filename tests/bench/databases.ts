// Databases for the benchmarks: throwaway or kept PostgreSQL databases on the local server
// (BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the default local server), and PGlite.
import pg from "pg";
import { openDatabase, prismaOnPostgres, type Db } from "@/server/db/client";
import { applyPendingMigrations } from "@/server/db/migrations";

export type BenchDatabase = { kind: "postgresql" | "pglite"; db: Db; close(): Promise<void> };

/** The PostgreSQL server to benchmark on, or null when none answers. */
export async function reachablePostgresUrl(): Promise<string | null> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return url;
  } catch {
    return null;
  }
}

/**
 * A migrated database `name` on the server at adminUrl, created when missing. `drop` removes it
 * (the national dataset is kept between runs: building it takes minutes).
 */
export async function openPostgresBenchDatabase(adminUrl: string, name: string): Promise<BenchDatabase & { drop(): Promise<void> }> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1;
  if (!exists) await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await applyPendingMigrations({
    exec: (sql) => client.query(sql),
    query: async <Row,>(sql: string, params?: unknown[]) => ({ rows: (await client.query(sql, params)).rows as Row[] }),
  });
  await client.end();
  const db = prismaOnPostgres(url.toString());
  return {
    kind: "postgresql",
    db,
    close: () => db.$disconnect(),
    async drop() {
      await db.$disconnect();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    },
  };
}

/** PGlite in dataDir (kept), or in memory when dataDir is omitted; migrated. */
export async function openPGliteBenchDatabase(dataDir?: string): Promise<BenchDatabase> {
  if (dataDir) {
    const database = await openDatabase({ kind: "pglite", dataDir });
    return { kind: "pglite", db: database.db, close: database.close };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { prismaOnPGlite } = await import("@/server/db/client");
  const pglite = new PGlite();
  await applyPendingMigrations(pglite);
  const db = prismaOnPGlite(pglite);
  return {
    kind: "pglite",
    db,
    async close() {
      await db.$disconnect();
      await pglite.close();
    },
  };
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function median(values: readonly number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}
