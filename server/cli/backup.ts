// npm run db:backup -- FILE            writes a backup of the configured database to FILE
// npm run db:restore -- FILE [--replace] restores FILE into the configured database
// The embedded database must not be open in another process (stop the app first). A server is
// reached through the privileged connection (DATABASE_MIGRATION_URL, else DATABASE_URL).
import { parseArgs } from "node:util";
import { backupDatabase, restoreDatabase } from "@/server/db/backup";
import { migrationConfigFromEnv } from "@/server/db/connection";

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const { positionals, values } = parseArgs({ args: rest, allowPositionals: true, options: { replace: { type: "boolean", default: false } } });
  const [file] = positionals;
  if ((command !== "backup" && command !== "restore") || !file || positionals.length > 1) {
    console.error("usage: npm run db:backup -- FILE | npm run db:restore -- FILE [--replace]");
    process.exit(2);
  }
  const config = migrationConfigFromEnv();
  const where = config.kind === "postgresql" ? "the PostgreSQL database" : `the embedded database in ${config.dataDir}`;
  if (command === "backup") {
    await backupDatabase({ config, file });
    console.log(`Backed up ${where} to ${file}.`);
  } else {
    await restoreDatabase({ config, file, replace: values.replace });
    console.log(`Restored ${file} into ${where}.`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
