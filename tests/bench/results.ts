// Every figure the bench prints is also recorded here and written to bench-results.json at the
// repository root when the run ends, so that one run can be compared with another.
import fs from "node:fs";
import os from "node:os";

export type BenchEntry = {
  /** The group the figure belongs to, e.g. "dashboard/postgresql". */
  suite: string;
  /** The case within the group, e.g. "dashboard.overview (province)" or "cold". */
  case: string;
  unit: "ms" | "s" | "MB" | "KB" | "requests/s";
  median: number;
  p95?: number;
  p99?: number;
  /** A comparison measured in the same run (the procedure against its SQL, PGlite against PostgreSQL). */
  ratio?: number;
  /** Upper bounds: the entry meets its targets when every figure named here is at most its bound. */
  targets?: Partial<Record<Figure, number>>;
  /** Lower bounds (throughput): every figure named here must be at least its bound. */
  minimums?: Partial<Record<Figure, number>>;
};

type Figure = "median" | "p95" | "p99" | "ratio";

const entries: (BenchEntry & { met: boolean | null })[] = [];

export function recordBench(entry: BenchEntry): void {
  const bounds = Object.entries(entry.targets ?? {}) as [Figure, number][];
  const minimums = Object.entries(entry.minimums ?? {}) as [Figure, number][];
  const met =
    bounds.length + minimums.length === 0
      ? null
      : bounds.every(([figure, bound]) => (entry[figure] ?? Infinity) <= bound) && minimums.every(([figure, bound]) => (entry[figure] ?? -Infinity) >= bound);
  entries.push({ ...entry, met });
}

export const RESULTS_FILE = "bench-results.json";

export function writeBenchResults(file = RESULTS_FILE): void {
  const run = {
    finishedAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    only: process.env.BENCH_ONLY ?? null,
    entries,
  };
  fs.writeFileSync(file, `${JSON.stringify(run, null, 2)}\n`);
  const missed = entries.filter((entry) => entry.met === false).length;
  console.log(`\n${entries.length} figures written to ${file}; ${missed} of them miss their target`);
}
