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

/** How the job queue (pg-boss) reaches the same database: see queueConnectionOnPGlite. */
export type QueueConnection = { connectionString: string } | { db: { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> } };

export type OpenDatabase = {
  db: Db;
  kind: DatabaseConfig["kind"];
  queueConnection: QueueConnection;
  close(): Promise<void>;
};

/**
 * pg-boss on the embedded database's one connection. PGlite runs each top-level call after any
 * open transaction (its own lock), so a queue statement never lands inside a Prisma interactive
 * transaction; the other way round, code inside a Prisma transaction must never await the queue
 * (it would wait for its own transaction). Text without parameters may hold several statements
 * (pg-boss's locked migrations): it goes through exec, and the rows of the last statement that
 * returns any columns come back.
 */
export function queueConnectionOnPGlite(pglite: PGlite): QueueConnection {
  return {
    db: {
      async executeSql(text, values) {
        if (values?.length) return { rows: (await pglite.query(text, values)).rows };
        const results = await pglite.exec(text);
        return { rows: results.findLast((result) => result.fields.length > 0)?.rows ?? [] };
      },
    },
  };
}

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
    return { db, kind: config.kind, queueConnection: { connectionString: config.url }, close: () => db.$disconnect() };
  }
  const pglite = openPGlite(config.dataDir);
  await applyPendingMigrations(pglite);
  const db = prismaOnPGlite(pglite);
  return {
    db,
    kind: config.kind,
    queueConnection: queueConnectionOnPGlite(pglite),
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
