// Times each dashboard procedure through the tRPC caller next to its hand-written SQL reference,
// alternating the two so that machine noise hits both alike; prints medians, p95 and ratios.
import type { Db } from "@/server/db/client";
import { median, percentile } from "../databases";
import type { BenchCaller, BenchTargets, DashboardBenchCase } from "./types";

const WARM_UP = 5;
const RUNS = 40;
export const TARGET_P95_MS = 50;
export const TARGET_RATIO = 1.3;

export type CaseResult = { name: string; median: number; p95: number; referenceMedian: number; ratio: number };

async function time(call: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await call();
  return performance.now() - started;
}

export async function runDashboardCases(
  label: string,
  db: Db,
  callers: { admin: BenchCaller; provinceReviewer: BenchCaller },
  targets: BenchTargets,
  cases: DashboardBenchCase[],
): Promise<CaseResult[]> {
  console.log(`\n${label}: median and p95 of ${RUNS} calls (after ${WARM_UP} warm-up), target p95 ≤ ${TARGET_P95_MS} ms and procedure/SQL ≤ ${TARGET_RATIO}`);
  console.log(`${"procedure".padEnd(44)} ${"median".padStart(8)} ${"p95".padStart(8)} ${"SQL med".padStart(8)} ${"ratio".padStart(6)}  p95/target`);
  const results: CaseResult[] = [];
  for (const benchCase of cases) {
    const procedure = () => benchCase.run(callers, targets);
    const reference = () => benchCase.reference(db, targets);
    for (let i = 0; i < WARM_UP; i++) {
      await procedure();
      await reference();
    }
    const own: number[] = [];
    const sql: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      own.push(await time(procedure));
      sql.push(await time(reference));
    }
    own.sort((a, b) => a - b);
    const result = { name: benchCase.name, median: median(own), p95: percentile(own, 95), referenceMedian: median(sql), ratio: median(own) / median(sql) };
    results.push(result);
    const mark = (ok: boolean) => (ok ? "✓" : "✗");
    console.log(
      `${result.name.padEnd(44)} ${result.median.toFixed(1).padStart(8)} ${result.p95.toFixed(1).padStart(8)} ${result.referenceMedian.toFixed(1).padStart(8)} ` +
        `${result.ratio.toFixed(2).padStart(6)}${mark(result.ratio <= TARGET_RATIO)} ${(result.p95 / TARGET_P95_MS).toFixed(2)}${mark(result.p95 <= TARGET_P95_MS)}`,
    );
  }
  return results;
}
