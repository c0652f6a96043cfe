// npm run db:migrate — applies prisma/migrations to the configured database.
// A PostgreSQL server is migrated by Prisma's own `migrate deploy`; the embedded database by
// the same in-process migrator the app runs at start (quicker, and records runs the same way).
import { spawnSync } from "node:child_process";
import { openDatabase } from "@/server/db/client";
import { databaseConfigFromEnv } from "@/server/db/connection";

async function main() {
  const config = databaseConfigFromEnv();
  if (config.kind === "postgresql") {
    const result = spawnSync("npx", ["prisma", "migrate", "deploy"], { stdio: "inherit" });
    process.exit(result.status ?? 1);
  }
  const database = await openDatabase(config);
  await database.close();
  console.log(`Embedded database in ${config.dataDir} is up to date.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
