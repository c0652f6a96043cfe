// A fresh, migrated database for one test file, on the kind the project runs (TEST_DB_KIND). On
// PostgreSQL the app's client connects as the app role (url), as in production; migrationUrl is
// the privileged connection to the same database.
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { inject } from "vitest";
import { prismaOnPGlite, prismaOnPostgres, queueConnectionOnPGlite, type Db, type QueueConnection } from "@/server/db/client";
import { applyPendingMigrations } from "@/server/db/migrations";
import { asAppRole } from "./postgres-setup";

export type TestDatabase = {
  db: Db;
  kind: "pglite" | "postgresql";
  url?: string;
  migrationUrl?: string;
  queueConnection: QueueConnection;
  close(): Promise<void>;
};

export async function openTestDatabase(): Promise<TestDatabase> {
  if (process.env.TEST_DB_KIND === "postgresql") return openPostgresCopy();
  const pglite = new PGlite();
  await applyPendingMigrations(pglite);
  const db = prismaOnPGlite(pglite);
  return {
    db,
    kind: "pglite",
    queueConnection: queueConnectionOnPGlite(pglite),
    close: async () => {
      await db.$disconnect();
      await pglite.close();
    },
  };
}

async function openPostgresCopy(): Promise<TestDatabase> {
  const templateUrl = new URL(inject("postgresTemplateUrl"));
  const template = templateUrl.pathname.slice(1);
  const name = `${inject("postgresRunPrefix")}_${randomBytes(4).toString("hex")}`;
  const adminUrl = process.env.TEST_DATABASE_URL!;
  await runAdmin(adminUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  templateUrl.pathname = `/${name}`;
  const migrationUrl = templateUrl.toString();
  const url = asAppRole(migrationUrl);
  const db = prismaOnPostgres(url);
  return {
    db,
    kind: "postgresql",
    url,
    migrationUrl,
    queueConnection: { connectionString: url },
    close: async () => {
      await db.$disconnect();
      await runAdmin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

export async function runAdmin(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
