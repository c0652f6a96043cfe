// Which database Prongsai talks to, decided once from the environment:
// - DATABASE_URL set: a PostgreSQL server (production);
// - otherwise: an embedded PGlite database on disk (zero set-up), in PRONGSAI_DATA_DIR or ./.data.
// On a server the app connects through DATABASE_URL as the unprivileged app role; migrations,
// seeding and backups through DATABASE_MIGRATION_URL (migrationConfigFromEnv).
// Shared by the app's client (client.ts) and the Prisma CLI (prisma.config.ts).
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { parseEnv, type EnvSource } from "../env";

export type DatabaseConfig =
  | { kind: "postgresql"; url: string }
  | { kind: "pglite"; dataDir: string };

export function databaseConfigFromEnv(source?: EnvSource): DatabaseConfig {
  const url = parseEnv(source).DATABASE_URL;
  if (url) return { kind: "postgresql", url };
  return { kind: "pglite", dataDir: dataDirFromEnv(source) };
}

/** The same database through the privileged connection: DATABASE_MIGRATION_URL, else DATABASE_URL. */
export function migrationConfigFromEnv(source?: EnvSource): DatabaseConfig {
  const config = databaseConfigFromEnv(source);
  if (config.kind === "pglite") return config;
  return { kind: "postgresql", url: parseEnv(source).DATABASE_MIGRATION_URL ?? config.url };
}

/** The folder holding the embedded database and its generated secrets. */
export function dataDirFromEnv(source?: EnvSource): string {
  return path.resolve(/*turbopackIgnore: true*/ parseEnv(source).PRONGSAI_DATA_DIR ?? ".data");
}

export function pgliteDirectory(dataDir: string): string {
  return path.join(dataDir, "pglite");
}

/** Opens the embedded database; PGlite's own mkdir is not recursive. */
export function openPGlite(dataDir: string): PGlite {
  const dir = pgliteDirectory(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  return new PGlite(dir);
}

/**
 * The embedded adapter for the Prisma CLI. It opens PGlite only when the CLI connects and closes
 * it if the CLI disposes of the connection. Prisma 6.19's CLI does not always dispose: in embedded
 * mode `migrate status` and `migrate diff` print their answer and then stay open (Ctrl-C is safe).
 */
class EmbeddedCliAdapterFactory extends PrismaPGlite {
  constructor(private readonly dataDir: string) {
    super(undefined as unknown as PGlite);
  }

  override async connect() {
    const pglite = openPGlite(this.dataDir);
    const adapter = await new PrismaPGlite(pglite).connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await pglite.close();
    };
    return adapter;
  }
}

/**
 * The server adapter for the CLI. Prisma's own runs a migration script one piece per ";", which
 * cuts a function body (plpgsql, the dashboards' triggers) apart: this one sends the script whole,
 * as one simple-protocol query, which PostgreSQL runs statement by statement in one transaction.
 */
class WholeScriptPgAdapterFactory extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    adapter.executeScript = async (script) => {
      await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
    };
    return adapter;
  }
}

/** A driver-adapter factory for the CLI (prisma.config.ts). */
export function createAdapterFactory(config: DatabaseConfig = databaseConfigFromEnv()) {
  return config.kind === "postgresql"
    ? new WholeScriptPgAdapterFactory({ connectionString: config.url })
    : new EmbeddedCliAdapterFactory(config.dataDir);
}
