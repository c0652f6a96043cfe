// Prisma CLI configuration. The CLI runs its engines as WASM through driver adapters, so it
// works offline; the database is chosen as the app chooses it (server/db/connection.ts), through
// the privileged connection (DATABASE_MIGRATION_URL): the CLI migrates.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { createAdapterFactory, migrationConfigFromEnv } from "./server/db/connection";

const database = migrationConfigFromEnv();
// Without a postgres URL the CLI cannot read the schema and tries to download a native engine;
// the placeholder is set only after the mode has been decided from the real environment.
process.env.DATABASE_URL ??= "postgresql://pglite@localhost/pglite";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => createAdapterFactory(database),
});
