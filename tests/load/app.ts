// The app as `npm start` serves it, for checks that go through the running server (benchmarks,
// load and fault checks): on a port the system reports free, its output in a log file, in its own
// process group so that a stop or a kill reaches the server and its worker together.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });

/** Waits until GET /api/health answers 200 (the process serves and its database answers). */
export async function waitForHealth(base: string, deadline: number, exited?: () => boolean) {
  while (Date.now() < deadline) {
    if (exited?.()) throw new Error("the app stopped while starting");
    const ok = await fetch(`${base}/api/health`).then((response) => response.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the app did not start in time");
}

export type RunningApp = {
  base: string;
  port: number;
  /**
   * Sends the signal to the whole group (start.ts, the server, the worker) and waits for the exit;
   * after 40 s it kills the group. Resolves true when the app exited by itself in time.
   */
  stop(signal?: NodeJS.Signals): Promise<boolean>;
  /** The same app again, on the same port and settings (after a stop or a kill). */
  restart(): Promise<void>;
};

/**
 * Starts `npm start` with these variables (PORT is chosen here) and waits until it answers.
 * The first start builds the app when no build is current: allow minutes.
 */
export async function startApp(options: { env: Record<string, string>; logFile: string; startTimeoutMs?: number }): Promise<RunningApp> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let child: ChildProcess;
  let exited = false;
  const launch = async () => {
    const log = fs.openSync(options.logFile, "a");
    child = spawn("npm", ["start"], {
      env: { ...process.env, ...options.env, PORT: String(port) },
      stdio: ["ignore", log, log],
      detached: true,
    });
    fs.closeSync(log);
    exited = false;
    child.once("exit", () => {
      exited = true;
    });
    await waitForHealth(base, Date.now() + (options.startTimeoutMs ?? 10 * 60_000), () => exited);
  };
  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (exited || !child.pid) return true;
    const gone = new Promise((resolve) => child.once("exit", resolve));
    try {
      process.kill(-child.pid, signal);
    } catch {
      return true; // already gone
    }
    await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 40_000))]);
    if (exited) return true;
    process.kill(-child.pid, "SIGKILL");
    return false;
  };
  await launch();
  process.once("exit", () => {
    if (!exited && child.pid) process.kill(-child.pid, "SIGKILL");
  });
  return { base, port, stop, restart: launch };
}
