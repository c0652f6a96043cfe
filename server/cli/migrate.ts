// npm run db:migrate — applies prisma/migrations to the configured database.
// A PostgreSQL server is migrated by Prisma's own `migrate deploy` through the privileged
// connection (DATABASE_MIGRATION_URL, else DATABASE_URL), which then also installs the job queue
// and grants the app role its rights (server/db/app-role.ts); the embedded database by the same
// in-process migrator the app runs at start (quicker, and records runs the same way).
import { spawnSync } from "node:child_process";
import { grantAppRole } from "@/server/db/app-role";
import { openDatabase } from "@/server/db/client";
import { migrationConfigFromEnv } from "@/server/db/connection";
import { env } from "@/server/env";
import { installQueues } from "@/server/jobs/install";

async function main() {
  const config = migrationConfigFromEnv();
  if (config.kind === "postgresql") {
    const result = spawnSync("npx", ["prisma", "migrate", "deploy"], { stdio: "inherit" });
    if (result.status !== 0) process.exit(result.status ?? 1);
    await installQueues(config.url);
    await grantAppRole({ migrationUrl: config.url, url: env().DATABASE_URL! });
    process.exit(0);
  }
  const database = await openDatabase(config);
  await database.close();
  console.log(`Embedded database in ${config.dataDir} is up to date.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
