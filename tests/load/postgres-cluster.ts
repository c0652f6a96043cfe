// A throwaway PostgreSQL cluster for the load and fault checks: initdb into a temporary folder,
// served on a port the system reports free, never the machine's shared server. The checks stop
// and start it under load, so it must be theirs alone. PostgreSQL refuses to run as root: as
// root (this machine, CI) the cluster belongs to the `postgres` OS user and its programs run
// through runuser; as anybody else they run as that user.
import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./app";

/** The newest PostgreSQL's programs installed the Debian way (/usr/lib/postgresql/N/bin). */
function postgresBinDir(): string {
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((name) => /^\d+$/.test(name)) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a)).find((version) => fs.existsSync(path.join(root, version, "bin", "initdb")));
  if (!newest) throw new Error("PostgreSQL's server programs are missing: apt-get install postgresql");
  return path.join(root, newest, "bin");
}

export type StopMode = "fast" | "immediate";

export type ThrowawayCluster = {
  /** postgresql://postgres@127.0.0.1:PORT/DATABASE */
  url: (database: string) => string;
  port: number;
  /** pg_ctl stop: "fast" rolls back open transactions, "immediate" is a crash (recovery at start). */
  stop(mode: StopMode): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and removes the folder. */
  destroy(): void;
};

export async function startThrowawayCluster(): Promise<ThrowawayCluster> {
  const bin = postgresBinDir();
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prongsai-pg-"));
  if (asRoot) {
    const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
    fs.chownSync(dir, id("-u"), id("-g"));
  }
  const data = path.join(dir, "data");
  // Asynchronous: the load goes on while the server stops and starts.
  const run = (program: string, args: string[]) =>
    new Promise<void>((resolve, reject) => {
      const [command, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", path.join(bin, program), ...args]] : [path.join(bin, program), args];
      execFile(command, argv, { cwd: dir }, (error, stdout, stderr) =>
        error ? reject(new Error(`${program} ${args.join(" ")} failed: ${stderr || stdout || error.message}`)) : resolve(),
      );
    });
  await run("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale", "C", "--no-sync"]);
  const port = await freePort();
  // Its own socket folder, so it never meets the shared server's /var/run/postgresql.
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir}`;
  const start = () => run("pg_ctl", ["-D", data, "-o", options, "-l", path.join(dir, "server.log"), "-w", "-t", "60", "start"]);
  const stop = (mode: StopMode) => run("pg_ctl", ["-D", data, "-m", mode, "-w", "-t", "60", "stop"]);
  await start();
  let destroyed = false;
  // Synchronous, so that it also runs when the process exits.
  const destroy = () => {
    if (destroyed) return;
    destroyed = true;
    const pgCtl = [path.join(bin, "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop"];
    try {
      if (asRoot) execFileSync("runuser", ["-u", "postgres", "--", ...pgCtl], { stdio: "ignore" });
      else execFileSync(pgCtl[0]!, pgCtl.slice(1), { stdio: "ignore" });
    } catch {
      // already stopped
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  // A test that dies midway must not leave a server running.
  process.once("exit", destroy);
  const url = (database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  return {
    url,
    port,
    stop,
    start,
    destroy,
  };
}
