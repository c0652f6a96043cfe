// The load and fault checks, run short by `npm test` (tests/load/load.test.ts, embedded.test.ts)
// and in full by `npm run bench:load` (tests/bench/load.ts):
// - on PostgreSQL (a throwaway cluster of their own) through `npm start`: signed-in preparers
//   autosaving (steady), the same while PostgreSQL stops and starts again, and while the app is
//   killed (SIGKILL) mid-save and started again;
// - embedded (PGlite): the app killed (SIGKILL) during saves, its data folder then reopened.
// Each check counts every report's rows against what its preparer sent (ledger.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Db } from "@/server/db/client";
import { DATABASE_UNAVAILABLE } from "@/server/errors";
import { openPostgresBenchDatabase, type BenchDatabase } from "../bench/databases";
import { startApp, type RunningApp } from "./app";
import { runAutosaveLoad, SAVE_PATH, settlePending, type LoadRun } from "./autosave-load";
import { PreparerLedger, verifyAgainstDatabase, type ErrorAnswer, type Verification } from "./ledger";
import { seedPreparers, signInAll } from "./preparers";
import { startThrowawayCluster, type StopMode, type ThrowawayCluster } from "./postgres-cluster";

export type CheckReport = Verification & {
  name: string;
  seconds: number;
  /** Requests answered, and autocannon's latency of them (ms). */
  requests: number;
  p50: number;
  p99: number;
  sent: number;
  /** Requests that got no answer during the run (timed out, connection cut), each sent again. */
  unanswered: number;
  /** Requests in flight when the fault struck. */
  inFlightAtFault: number;
  anomalies: string[];
  /** Error answers by HTTP status, code and message. */
  errors: Map<string, number>;
  /** Error answers that are not the clear, retryable refusal (503, Thai, nothing of the database's text). */
  unclearErrors: string[];
  /** Error answers after the fault was over (plus a grace period). */
  errorsAfterRecovery: number;
  /** Preparers with no save acknowledged after the fault was over. */
  notSavedAfterRecovery: string[];
  /** From the end of the fault until every preparer had saved again (s). */
  recoverySeconds: number | null;
  /** GET /api/ready after the check (database and job queue answer), when the app is still up. */
  readyStatus: number | null;
};

/** The only error a client may read while the database restarts: a 503 that says to try again. */
export const isClearRetryableError = (error: ErrorAnswer) =>
  error.status === 503 && error.code === "SERVICE_UNAVAILABLE" && error.message === DATABASE_UNAVAILABLE;

/** Errors that may still come this long after the fault ended (requests already queued then). */
const RECOVERY_GRACE_MS = 5_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A run's duration when it ends by stop(). */
const UNTIL_STOPPED = 3600;
/** The load goes on at least this long after a fault is over. */
const RECOVERY_SECONDS = 10;
/** How long the load goes on after the fault: the rest of `seconds`, at least RECOVERY_SECONDS (ms). */
const afterFault = (seconds: number, started: number, fault: Fault) =>
  Math.max(RECOVERY_SECONDS * 1000, started + seconds * 1000 - fault.endedAt);

type Fault = { startedAt: number; endedAt: number; inFlight: number };

async function report(
  name: string,
  options: { db: Db; ledgers: PreparerLedger[]; result: Awaited<LoadRun["done"]>[]; seconds: number; fault?: Fault; readyStatus?: number },
): Promise<CheckReport> {
  const { ledgers, fault } = options;
  const verification = await verifyAgainstDatabase(options.db, ledgers);
  const errors = new Map<string, number>();
  const allErrors = ledgers.flatMap((ledger) => ledger.errors);
  for (const error of allErrors) {
    const key = `${error.status} ${error.code}: ${error.message.replace(/ \(รหัสอ้างอิง [^)]*\)/, "")}`;
    errors.set(key, (errors.get(key) ?? 0) + 1);
  }
  const recoveredBy = fault ? fault.endedAt + RECOVERY_GRACE_MS : 0;
  const firstSaveAfter = (ledger: PreparerLedger) => ledger.savedAt.find((at) => at > recoveredBy);
  const notSaved = fault ? ledgers.filter((ledger) => firstSaveAfter(ledger) === undefined) : [];
  const lastFirstSave = fault && notSaved.length === 0 ? Math.max(...ledgers.map((ledger) => firstSaveAfter(ledger)!)) : null;
  const answered = options.result.reduce((sum, result) => sum + result.requests.total, 0);
  const weighted = (pick: (result: Awaited<LoadRun["done"]>) => number) =>
    answered === 0 ? 0 : options.result.reduce((sum, result) => sum + pick(result) * result.requests.total, 0) / answered;
  return {
    ...verification,
    name,
    seconds: options.seconds,
    requests: answered,
    // One run per check but the app-kill check's two: the median weighted by requests, the larger p99.
    p50: weighted((result) => result.latency.p50),
    p99: options.result.length === 1 ? options.result[0]!.latency.p99 : Math.max(...options.result.map((result) => result.latency.p99)),
    sent: ledgers.reduce((sum, ledger) => sum + ledger.sent, 0),
    unanswered: ledgers.reduce((sum, ledger) => sum + ledger.unanswered, 0),
    inFlightAtFault: fault?.inFlight ?? 0,
    anomalies: ledgers.flatMap((ledger) => ledger.anomalies.map((anomaly) => `${ledger.username}: ${anomaly}`)),
    errors,
    unclearErrors: allErrors.filter((error) => !isClearRetryableError(error)).map((error) => `${error.status} ${error.code}: ${error.message}`),
    errorsAfterRecovery: fault ? allErrors.filter((error) => error.at > recoveredBy).length : allErrors.length,
    notSavedAfterRecovery: notSaved.map((ledger) => ledger.username),
    recoverySeconds: lastFirstSave === null ? null : (lastFirstSave - fault!.endedAt) / 1000,
    readyStatus: options.readyStatus ?? null,
  };
}

const inFlight = (ledgers: PreparerLedger[]) => ledgers.filter((ledger) => ledger.inFlight).length;

/**
 * Waits (up to 10 s) until some save is in flight: preparers pause between saves, so a kill at an
 * arbitrary moment can fall where nobody is saving, and then it proves nothing.
 */
async function untilSomeSaveInFlight(ledgers: PreparerLedger[]) {
  const deadline = Date.now() + 10_000;
  while (inFlight(ledgers) === 0 && Date.now() < deadline) await sleep(5);
}

/** Throwaway cluster, migrated database, `count` preparers, the app on it and everyone signed in. */
export class PostgresRig {
  private constructor(
    readonly cluster: ThrowawayCluster,
    readonly database: BenchDatabase,
    readonly app: RunningApp,
    private ledgers: PreparerLedger[],
  ) {}

  static async start(options: { preparers: number; logFile: string }): Promise<PostgresRig> {
    const cluster = await startThrowawayCluster();
    try {
      const database = await openPostgresBenchDatabase(cluster.url("postgres"), "prongsai");
      const url = cluster.url("prongsai");
      const seeded = await seedPreparers(database.db, options.preparers);
      const app = await startApp({
        env: { DATABASE_URL: url, AUTH_SECRET: "load-check-secret-0123456789abcdef", LOG_LEVEL: "warn" },
        logFile: options.logFile,
      });
      const cookies = await signInAll(app.base, seeded.map((preparer) => preparer.username));
      return new PostgresRig(cluster, database, app, seeded.map((preparer) => new PreparerLedger(preparer, cookies.get(preparer.username)!)));
    } catch (error) {
      cluster.destroy();
      throw error;
    }
  }

  private nextLedgers() {
    this.ledgers = this.ledgers.map((ledger) => ledger.continued());
    return this.ledgers;
  }

  private async settleAndReport(name: string, ledgers: PreparerLedger[], results: Awaited<LoadRun["done"]>[], seconds: number, fault?: Fault) {
    await settlePending(this.app.base, ledgers);
    const readyStatus = (await fetch(`${this.app.base}/api/ready`)).status;
    return report(name, { db: this.database.db, ledgers, result: results, seconds, fault, readyStatus });
  }

  /** Everyone autosaving for `seconds`. */
  async steady(seconds: number): Promise<CheckReport> {
    const ledgers = this.nextLedgers();
    const result = await runAutosaveLoad({ base: this.app.base, ledgers, seconds }).done;
    return this.settleAndReport("steady", ledgers, [result], seconds);
  }

  /**
   * PostgreSQL stops (`mode`) a third into the run and starts again `downSeconds` later; the load
   * goes on for the rest of `seconds`, at least RECOVERY_SECONDS after the server is back.
   */
  async postgresRestart(seconds: number, mode: StopMode, downSeconds = 3): Promise<CheckReport> {
    const ledgers = this.nextLedgers();
    const started = Date.now();
    const run = runAutosaveLoad({ base: this.app.base, ledgers, seconds: UNTIL_STOPPED });
    await sleep((seconds * 1000) / 3);
    const fault = { startedAt: Date.now(), endedAt: 0, inFlight: inFlight(ledgers) };
    await this.cluster.stop(mode);
    await sleep(downSeconds * 1000);
    await this.cluster.start();
    fault.endedAt = Date.now();
    await sleep(afterFault(seconds, started, fault));
    run.stop();
    const result = await run.done;
    return this.settleAndReport(`PostgreSQL stopped (${mode}) and started`, ledgers, [result], (Date.now() - started) / 1000, fault);
  }

  /** The app (server and worker) is killed a third into the run, started again, and the load goes on. */
  async appKill(seconds: number): Promise<CheckReport> {
    const ledgers = this.nextLedgers();
    const started = Date.now();
    const first = runAutosaveLoad({ base: this.app.base, ledgers, seconds: UNTIL_STOPPED });
    await sleep((seconds * 1000) / 3);
    await untilSomeSaveInFlight(ledgers);
    const fault = { startedAt: Date.now(), endedAt: 0, inFlight: inFlight(ledgers) };
    await this.app.stop("SIGKILL");
    // Nothing answers a dead server's clients: the load waits for it to come back.
    first.stop();
    const before = await first.done;
    await this.app.restart();
    fault.endedAt = Date.now();
    const after = await runAutosaveLoad({ base: this.app.base, ledgers, seconds: afterFault(seconds, started, fault) / 1000 }).done;
    return this.settleAndReport("app killed (SIGKILL) and started", ledgers, [before, after], (Date.now() - started) / 1000, fault);
  }

  async close() {
    await this.app.stop();
    await this.database.close();
    this.cluster.destroy();
  }
}

/**
 * Embedded: the app on a fresh data folder with `count` preparers autosaving; killed (SIGKILL)
 * after `seconds`, then the folder is opened again and counted.
 */
export async function embeddedKill(options: { preparers: number; seconds: number; logFile: string }): Promise<CheckReport & { reopenSeconds: number }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "prongsai-load-pglite-"));
  try {
    const setUp = await openDatabase({ kind: "pglite", dataDir });
    const seeded = await seedPreparers(setUp.db, options.preparers).finally(() => setUp.close());
    const app = await startApp({ env: { DATABASE_URL: "", PRONGSAI_DATA_DIR: dataDir, LOG_LEVEL: "warn" }, logFile: options.logFile });
    let ledgers: PreparerLedger[];
    let result: Awaited<LoadRun["done"]>;
    let fault: Fault;
    try {
      const cookies = await signInAll(app.base, seeded.map((preparer) => preparer.username));
      ledgers = seeded.map((preparer) => new PreparerLedger(preparer, cookies.get(preparer.username)!));
      const run = runAutosaveLoad({ base: app.base, ledgers, seconds: options.seconds * 2 });
      await sleep(options.seconds * 1000);
      await untilSomeSaveInFlight(ledgers);
      fault = { startedAt: Date.now(), endedAt: Date.now(), inFlight: inFlight(ledgers) };
      await app.stop("SIGKILL");
      run.stop();
      result = await run.done;
    } finally {
      await app.stop("SIGKILL");
    }
    const reopening = Date.now();
    const reopened = await openDatabase({ kind: "pglite", dataDir });
    const reopenSeconds = (Date.now() - reopening) / 1000;
    try {
      const checked = await report("embedded, killed (SIGKILL) during saves, folder reopened", {
        db: reopened.db,
        ledgers,
        result: [result],
        seconds: options.seconds,
        fault,
      });
      // Nobody saves after the kill: recovery here is the folder opening with every save.
      return { ...checked, notSavedAfterRecovery: [], recoverySeconds: null, reopenSeconds };
    } finally {
      await reopened.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Embedded: every preparer sends one save at once and the app is stopped (SIGTERM) while they
 * are in flight, as a deploy stops it: each open request is answered before the database closes,
 * the process exits by itself, and the folder reopens holding every save.
 */
export async function embeddedGracefulStop(options: { preparers: number; logFile: string }): Promise<CheckReport & { exitedByItself: boolean }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "prongsai-load-pglite-"));
  try {
    const setUp = await openDatabase({ kind: "pglite", dataDir });
    const seeded = await seedPreparers(setUp.db, options.preparers).finally(() => setUp.close());
    const app = await startApp({ env: { DATABASE_URL: "", PRONGSAI_DATA_DIR: dataDir, LOG_LEVEL: "warn" }, logFile: options.logFile });
    const cookies = await signInAll(app.base, seeded.map((preparer) => preparer.username));
    const ledgers = seeded.map((preparer) => new PreparerLedger(preparer, cookies.get(preparer.username)!));
    const started = Date.now();
    const latencies: number[] = [];
    const saves = ledgers.map((ledger) =>
      fetch(`${app.base}${SAVE_PATH}`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: app.base, cookie: ledger.cookie },
        body: ledger.nextBody(),
      })
        .then(async (response) => {
          ledger.onAnswer(response.status, await response.text());
          latencies.push(Date.now() - started);
        })
        .catch(() => {
          ledger.unanswered += 1;
        }),
    );
    // Once one save is answered the server has taken the others in (they wait for the embedded
    // database's one connection): a request still in the kernel's backlog is not the app's to answer.
    await Promise.race(saves);
    const fault = { startedAt: Date.now(), endedAt: Date.now(), inFlight: inFlight(ledgers) };
    const exitedByItself = await app.stop("SIGTERM");
    await Promise.all(saves);
    const reopened = await openDatabase({ kind: "pglite", dataDir });
    try {
      const checked = await report("embedded, stopped (SIGTERM) with saves in flight, folder reopened", {
        db: reopened.db,
        ledgers,
        result: [],
        seconds: (Date.now() - started) / 1000,
        fault,
      });
      latencies.sort((a, b) => a - b);
      const at = (share: number) => latencies[Math.min(latencies.length - 1, Math.floor(share * latencies.length))] ?? 0;
      return { ...checked, requests: latencies.length, p50: at(0.5), p99: at(0.99), notSavedAfterRecovery: [], recoverySeconds: null, exitedByItself };
    } finally {
      await reopened.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The figures of a check, for the bench's and the test's output. */
export function describeCheck(check: CheckReport): string {
  const lines = [
    `${check.name}: ${check.reports} preparers, ${check.seconds} s`,
    `  ${check.sent} saves sent, ${check.requests} answered (p50 ${check.p50.toFixed(0)} ms, p99 ${check.p99.toFixed(0)} ms), ${check.unanswered} never answered (sent again)` +
      (check.inFlightAtFault ? `, ${check.inFlightAtFault} in flight when the fault struck` : ""),
    `  applied: ${check.savesKnown} known to the clients (${check.savesFoundInDatabase} more found in the database); ` +
      `${check.auditRows} save audit rows; measure rows ${check.measureRows} of ${check.measuresExpected} expected`,
    `  lost ${check.lost.length}, duplicated ${check.duplicated.length}, half-written ${check.halfWritten.length}, anomalies ${check.anomalies.length}`,
  ];
  for (const [error, count] of check.errors) lines.push(`  error answer ×${count}: ${error}`);
  if (check.recoverySeconds !== null) lines.push(`  every preparer saved again ${check.recoverySeconds.toFixed(1)} s after the fault ended`);
  if (check.readyStatus !== null) lines.push(`  GET /api/ready afterwards: ${check.readyStatus}`);
  return lines.join("\n");
}

/**
 * What a check got wrong; none means: nothing lost, nothing duplicated, nothing half-written,
 * every save counted in the database, and errors only the clear retryable kind, only during the
 * fault, every preparer saving again afterwards. `fault`: the check killed something mid-save;
 * "graceful stop": the app was stopped mid-save and had to answer every open request first.
 */
export function problemsOf(check: CheckReport, fault: "none" | "database" | "kill" | "graceful stop"): string[] {
  const problems = [
    ...check.lost.map((line) => `lost: ${line}`),
    ...check.duplicated.map((line) => `duplicated: ${line}`),
    ...check.halfWritten.map((line) => `half-written: ${line}`),
    ...check.anomalies.map((line) => `anomaly: ${line}`),
  ];
  if (check.savesKnown === 0) problems.push("no save was acknowledged");
  if (check.savesKnown + check.savesFoundInDatabase !== check.auditRows) {
    problems.push(`${check.savesKnown + check.savesFoundInDatabase} saves applied but ${check.auditRows} save audit rows`);
  }
  if (check.measureRows !== check.measuresExpected) problems.push(`${check.measureRows} measure rows, ${check.measuresExpected} expected`);
  if (check.readyStatus !== null && check.readyStatus !== 200) problems.push(`GET /api/ready answered ${check.readyStatus} afterwards`);
  if (fault === "none" || fault === "graceful stop") {
    if (fault === "graceful stop" && check.inFlightAtFault === 0) problems.push("no save was in flight when the app was stopped");
    if (check.errors.size > 0) problems.push(`error answers: ${[...check.errors.keys()].join("; ")}`);
    if (check.unanswered > 0) problems.push(`${check.unanswered} requests never answered`);
    return problems;
  }
  problems.push(...[...new Set(check.unclearErrors)].map((error) => `not a clear retryable error: ${error}`));
  if (check.errorsAfterRecovery > 0) problems.push(`${check.errorsAfterRecovery} error answers after the fault was over`);
  if (check.notSavedAfterRecovery.length > 0) problems.push(`${check.notSavedAfterRecovery.length} preparers never saved again after the fault`);
  if (fault === "kill" && check.inFlightAtFault === 0) problems.push("no save was in flight when the app was killed");
  if (fault === "database" && check.unanswered > 0) problems.push(`${check.unanswered} requests never answered while the app stayed up`);
  return problems;
}
