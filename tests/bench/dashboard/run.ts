// Times each dashboard procedure through the tRPC caller next to its hand-written SQL reference
// (run under the same caller's row-level-security scope as the procedure), alternating them so that machine noise hits all alike; prints medians, p95 and ratios. Each
// procedure is timed twice: "cold", its cache emptied before every call (the work itself), and
// "cached", as repeated views of the same page are served (see server/services/dashboard/cache.ts).
import type { Db } from "@/server/db/client";
import { clearDashboardCache } from "@/server/services/dashboard/cache";
import { median, percentile } from "../databases";
import type { BenchCallers, BenchTargets, DashboardBenchCase } from "./types";
import { recordBench } from "../results";

const WARM_UP = 5;
const RUNS = 40;
export const TARGET_P95_MS = 50;
export const TARGET_RATIO = 1.3;

type Timing = { median: number; p95: number };
export type CaseResult = { name: string; cold: Timing; cached: Timing; referenceMedian: number };

function timing(values: number[]): Timing {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: median(sorted), p95: percentile(sorted, 95) };
}

async function time(call: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await call();
  return performance.now() - started;
}

const mark = (ok: boolean) => (ok ? "✓" : "✗");

export async function runDashboardCases(
  label: string,
  db: Db,
  callers: BenchCallers,
  targets: BenchTargets,
  cases: DashboardBenchCase[],
): Promise<CaseResult[]> {
  console.log(`\n${label}: ${RUNS} calls each after ${WARM_UP} warm-up; targets p95 ≤ ${TARGET_P95_MS} ms, procedure/SQL median ≤ ${TARGET_RATIO}`);
  console.log(
    `${"procedure".padEnd(40)} ${"cold med".padStart(8)} ${"cold p95".padStart(8)} ${"cached".padStart(7)} ${"c. p95".padStart(7)} ${"SQL med".padStart(8)}` +
      `  cold/SQL  cached/SQL  p95/target (cold, cached)`,
  );
  const results: CaseResult[] = [];
  for (const benchCase of cases) {
    const { caller, db: narrowed } = callers[benchCase.by];
    const procedure = () => benchCase.run(caller, targets);
    const reference = () => benchCase.reference(narrowed, targets);
    for (let i = 0; i < WARM_UP; i++) {
      await procedure();
      await reference();
    }
    const cold: number[] = [];
    const cached: number[] = [];
    const sql: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      clearDashboardCache(db);
      cold.push(await time(procedure));
      cached.push(await time(procedure));
      sql.push(await time(reference));
    }
    const result = { name: benchCase.name, cold: timing(cold), cached: timing(cached), referenceMedian: median(sql) };
    results.push(result);
    const ratio = (t: Timing) => t.median / result.referenceMedian;
    for (const [state, figures] of [["cold", result.cold], ["cached", result.cached]] as const) {
      recordBench({
        suite: label,
        case: `${result.name}, ${state}`,
        unit: "ms",
        median: figures.median,
        p95: figures.p95,
        ratio: ratio(figures),
        targets: { p95: TARGET_P95_MS, ratio: TARGET_RATIO },
      });
    }
    const p95 = (t: Timing) => t.p95 / TARGET_P95_MS;
    console.log(
      `${result.name.padEnd(40)} ${result.cold.median.toFixed(1).padStart(8)} ${result.cold.p95.toFixed(1).padStart(8)} ` +
        `${result.cached.median.toFixed(1).padStart(7)} ${result.cached.p95.toFixed(1).padStart(7)} ${result.referenceMedian.toFixed(1).padStart(8)}` +
        `  ${ratio(result.cold).toFixed(2).padStart(6)}${mark(ratio(result.cold) <= TARGET_RATIO)}  ${ratio(result.cached).toFixed(2).padStart(8)}${mark(ratio(result.cached) <= TARGET_RATIO)}` +
        `  ${p95(result.cold).toFixed(2)}${mark(p95(result.cold) <= 1)} ${p95(result.cached).toFixed(2)}${mark(p95(result.cached) <= 1)}`,
    );
  }
  return results;
}
