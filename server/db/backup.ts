// Backups of the whole database into one file, and restores from it, with each runtime's own
// tool: a PostgreSQL server through pg_dump's custom format and pg_restore (the client programs
// of the server's major version or newer); the embedded database as PGlite's own snapshot of its
// data folder (a gzip tar). A file restores into the kind of database it came from; both refuse
// a target that already holds data unless told to replace it.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
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
    run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`, `--dbname=${config.url}`]);
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
    run("pg_restore", [
      "--no-owner",
      "--no-privileges",
      "--exit-on-error",
      "--single-transaction",
      ...(holdsTables ? ["--clean", "--if-exists"] : []),
      `--dbname=${config.url}`,
      file,
    ]);
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
