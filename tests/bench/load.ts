// npm run bench:load — the load and fault checks in full (tests/load/checks.ts), with their figures:
// 200 signed-in preparers autosaving through `npm start` on a throwaway PostgreSQL cluster for
// 60 s; then for 30 s each while PostgreSQL is stopped and started (fast, then as a crash) and
// while the app is killed and started; and on the embedded database, the app killed during saves
// and its folder reopened. Every saved row is counted against what was sent. Exits 1 when
// anything was lost, duplicated or half-written, or a client read anything but a clear,
// retryable error. LOAD_PREPARERS and LOAD_SECONDS (the steady run) change the size.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describeCheck, embeddedKill, PostgresRig, problemsOf, type CheckReport } from "../load/checks";
import { recordBench, writeBenchResults } from "./results";

const PREPARERS = Number(process.env.LOAD_PREPARERS ?? 200);
const STEADY_SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const FAULT_SECONDS = Math.max(15, STEADY_SECONDS / 2);
const EMBEDDED_PREPARERS = Math.min(PREPARERS, 50);

async function main() {
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), "prongsai-bench-load-"));
  console.log(`Load and fault checks (app logs in ${logDir})`);
  const problems: string[] = [];
  const show = (check: CheckReport, fault: Parameters<typeof problemsOf>[1]) => {
    console.log(`\n${describeCheck(check)}`);
    const found = problemsOf(check, fault);
    for (const problem of found) console.log(`  PROBLEM: ${problem}`);
    problems.push(...found.map((problem) => `${check.name}: ${problem}`));
    recordBench({ suite: "load", case: `${check.name}, ${check.reports} preparers`, unit: "ms", median: check.p50, p99: check.p99 });
  };

  const started = Date.now();
  const rig = await PostgresRig.start({ preparers: PREPARERS, logFile: path.join(logDir, "app-postgresql.log") });
  console.log(`PostgreSQL cluster on port ${rig.cluster.port}, app at ${rig.app.base}, ${PREPARERS} preparers signed in (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  try {
    show(await rig.steady(STEADY_SECONDS), "none");
    show(await rig.postgresRestart(FAULT_SECONDS, "fast"), "database");
    show(await rig.postgresRestart(FAULT_SECONDS, "immediate"), "database");
    show(await rig.appKill(FAULT_SECONDS), "kill");
  } finally {
    await rig.close();
  }
  const embedded = await embeddedKill({ preparers: EMBEDDED_PREPARERS, seconds: FAULT_SECONDS / 2, logFile: path.join(logDir, "app-embedded.log") });
  show(embedded, "kill");
  console.log(`  the data folder reopened in ${embedded.reopenSeconds.toFixed(1)} s`);

  writeBenchResults();
  if (problems.length > 0) {
    console.error(`\n${problems.length} problems:\n${problems.join("\n")}`);
    process.exit(1);
  }
  console.log("\nNothing lost, duplicated or half-written; only clear retryable errors during the faults.");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
