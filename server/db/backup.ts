// Backups of the whole database into one file, and restores from it, with each runtime's own
// tool: a PostgreSQL server through pg_dump's custom format and pg_restore (the client programs
// of the server's major version or newer); the embedded database as PGlite's own snapshot of its
// data folder (a gzip tar). A file restores into the kind of database it came from; both refuse
// a target that already holds data unless told to replace it. A server's config is the
// privileged connection (migrationConfigFromEnv): the app role may not read everything.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { grantAppRole } from "./app-role";
import { openPGlite, pgliteDirectory, type DatabaseConfig } from "./connection";

export class BackupError extends Error {
  name = "BackupError";
}

// The first bytes of each kind of file: pg_dump's custom format, and gzip.
const PG_DUMP_MAGIC = "PGDMP";
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { encoding: "utf8" });
  if (result.error) throw new BackupError(`${command} could not run (${result.error.message}); install the PostgreSQL client programs`);
  if (result.status !== 0) throw new BackupError(`${command} failed: ${result.stderr.trim()}`);
}

/**
 * pg_restore --clean over a database holding data, as one transaction. pg_restore alone cannot:
 * it drops a pg-boss queue's table's primary key before the partitioned table it inherits it
 * from, which PostgreSQL refuses. So its script goes through psql after dropping pg-boss's schema
 * (the backup brings it back), and is committed only if pg_restore read the whole file.
 */
async function restoreReplacing(url: string, file: string): Promise<void> {
  const script = spawn("pg_restore", ["--no-owner", "--no-privileges", "--clean", "--if-exists", "--file=-", file], { stdio: ["ignore", "pipe", "pipe"] });
  const psql = spawn("psql", ["--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1", "--file=-", `--dbname=${url}`], { stdio: ["pipe", "ignore", "pipe"] });
  // A psql stopped at an error no longer reads: its exit status tells.
  psql.stdin!.on("error", () => undefined);
  // Without the notices ("… does not exist, skipping") an error reads alone.
  psql.stdin!.write("BEGIN;\nSET LOCAL client_min_messages = warning;\nDROP SCHEMA IF EXISTS pgboss CASCADE;\n");
  script.stdout!.pipe(psql.stdin!, { end: false });
  const finished = (child: ReturnType<typeof spawn>, command: string) =>
    new Promise<string | null>((done) => {
      let stderr = "";
      child.stderr!.on("data", (chunk) => (stderr += chunk));
      child.once("error", (error) => done(`${command} could not run (${error.message}); install the PostgreSQL client programs`));
      child.once("close", (code) => done(code === 0 ? null : `${command} failed: ${stderr.trim()}`));
    });
  const psqlDone = finished(psql, "psql");
  const restoreError = await finished(script, "pg_restore");
  // Ending without COMMIT rolls the whole transaction back.
  psql.stdin!.end(restoreError ? "" : "COMMIT;\n");
  const psqlError = await psqlDone;
  // psql's error first: when it stops, pg_restore only fails to write.
  if (psqlError ?? restoreError) throw new BackupError((psqlError ?? restoreError)!);
}

async function postgresHoldsTables(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(
      "SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')",
    );
    return Number(rows[0]!.count) > 0;
  } finally {
    await client.end();
  }
}

function readMagic(file: string, length: number): Buffer {
  const handle = fs.openSync(file, "r");
  try {
    const buffer = Buffer.alloc(length);
    fs.readSync(handle, buffer, 0, length, 0);
    return buffer;
  } finally {
    fs.closeSync(handle);
  }
}

export async function backupDatabase({ config, file }: { config: DatabaseConfig; file: string }): Promise<void> {
  if (config.kind === "postgresql") {
    // Row-level security is forced even on the owner: the dump reads under its policies, where the
    // owner's sessions see every row (prongsai_grant_app_role), rather than fail when the owner
    // may not bypass them (a managed server's).
    run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--enable-row-security", `--file=${file}`, `--dbname=${config.url}`]);
    return;
  }
  if (!fs.existsSync(pgliteDirectory(config.dataDir))) throw new BackupError(`no embedded database in ${config.dataDir}`);
  const pglite = openPGlite(config.dataDir);
  try {
    // Without waiting, the dump starts before the database opened and never settles.
    await pglite.waitReady;
    const snapshot = await pglite.dumpDataDir("gzip");
    fs.writeFileSync(file, Buffer.from(await snapshot.arrayBuffer()));
  } finally {
    await pglite.close();
  }
}

export async function restoreDatabase({ config, file, replace }: { config: DatabaseConfig; file: string; replace: boolean }): Promise<void> {
  if (!fs.existsSync(file)) throw new BackupError(`${file} does not exist`);
  if (config.kind === "postgresql") {
    if (readMagic(file, PG_DUMP_MAGIC.length).toString("latin1") !== PG_DUMP_MAGIC) {
      throw new BackupError(`${file} is not a backup of a PostgreSQL server (pg_dump custom format)`);
    }
    const holdsTables = await postgresHoldsTables(config.url);
    if (holdsTables && !replace) throw new BackupError("the database already holds tables: restore into an empty one, or pass --replace");
    if (holdsTables) await restoreReplacing(config.url, file);
    else run("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", `--dbname=${config.url}`, file]);
    // --no-privileges restored no grants: the app role gets its own back.
    await grantAppRole({ migrationUrl: config.url, url: config.url });
    return;
  }
  if (!readMagic(file, GZIP_MAGIC.length).equals(GZIP_MAGIC)) throw new BackupError(`${file} is not a backup of an embedded database`);
  const directory = pgliteDirectory(config.dataDir);
  const holdsDatabase = fs.existsSync(directory) && fs.readdirSync(directory).length > 0;
  if (holdsDatabase && !replace) throw new BackupError(`${directory} already holds a database: pass --replace to overwrite it`);
  // Unpacked beside the folder and swapped in only once it opened: a failed restore leaves the
  // current database as it was.
  const incoming = `${directory}.restoring`;
  fs.rmSync(incoming, { recursive: true, force: true });
  fs.mkdirSync(incoming, { recursive: true });
  try {
    const pglite = new PGlite(incoming, { loadDataDir: new Blob([fs.readFileSync(file)]) });
    await pglite.waitReady;
    await pglite.close();
  } catch (error) {
    fs.rmSync(incoming, { recursive: true, force: true });
    throw new BackupError(`${file} could not be restored: ${error instanceof Error ? error.message : error}`);
  }
  fs.rmSync(directory, { recursive: true, force: true });
  fs.renameSync(incoming, directory);
}
