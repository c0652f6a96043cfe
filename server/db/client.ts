// The one module that gives out a Prisma client. Everything else receives a `Db` from here
// (the app through getDb(), tests and scripts through openDatabase()).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { PGlite } from "@electric-sql/pglite";
import { databaseConfigFromEnv, openPGlite, type DatabaseConfig } from "./connection";
import { PrismaClient, Prisma } from "./generated/client";
import { applyPendingMigrations } from "./migrations";

export { Prisma };
export type Db = PrismaClient;
/** A client or an open interactive transaction: services accept either. */
export type DbClient = PrismaClient | Prisma.TransactionClient;

export type OpenDatabase = {
  db: Db;
  kind: DatabaseConfig["kind"];
  close(): Promise<void>;
};

/** Wraps an already-open PGlite instance (tests use in-memory ones). */
export function prismaOnPGlite(pglite: PGlite): Db {
  return new PrismaClient({ adapter: new PrismaPGlite(pglite) });
}

export function prismaOnPostgres(url: string): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}

/**
 * Opens the configured database. The embedded database applies its pending migrations first;
 * a PostgreSQL server is migrated explicitly with `npm run db:migrate`.
 */
export async function openDatabase(config: DatabaseConfig = databaseConfigFromEnv()): Promise<OpenDatabase> {
  if (config.kind === "postgresql") {
    const db = prismaOnPostgres(config.url);
    return { db, kind: config.kind, close: () => db.$disconnect() };
  }
  const pglite = openPGlite(config.dataDir);
  await applyPendingMigrations(pglite);
  const db = prismaOnPGlite(pglite);
  return {
    db,
    kind: config.kind,
    close: async () => {
      await db.$disconnect();
      // $disconnect does not close PGlite; an unclean stop costs a slow recovery next time.
      await pglite.close();
    },
  };
}

// One database per server process, kept on globalThis so that Next's separately bundled
// routes and hot reloads share it.
const globalForDb = globalThis as unknown as { prongsaiDatabase?: Promise<OpenDatabase> };

export function getDatabase(): Promise<OpenDatabase> {
  globalForDb.prongsaiDatabase ??= openDatabase().then((database) => {
    const closeOnExit = () => void database.close().finally(() => process.exit(0));
    process.once("SIGINT", closeOnExit);
    process.once("SIGTERM", closeOnExit);
    return database;
  });
  return globalForDb.prongsaiDatabase;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}
