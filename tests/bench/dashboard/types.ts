// The contract between the dashboard benchmark (npm run bench) and the modules that feed it:
// each dashboard procedure is timed through the tRPC caller, as the UI calls it, next to one
// hand-written SQL query that computes the same result (the ratio says what the layers cost).
import type { createCaller } from "@/server/api/root";
import type { Db } from "@/server/db/client";

export type BenchCaller = ReturnType<typeof createCaller>;

/** Ids picked from the national dataset for the benchmark to ask about. */
export type BenchTargets = {
  yearBe: number;
  /** The largest province (≈ 250 organisations) and one of its districts. */
  provinceId: string;
  districtId: string;
  /** An organisation of that district with a report of yearBe, one of its issues and measures. */
  organizationId: string;
  suggestedIssueId: string;
  measureId: string;
};

/** Who calls: an admin (the country) or the target province's reviewer. */
export type BenchCallerName = "admin" | "provinceReviewer";

/** Each caller as a tRPC caller, and the client narrowed to its rows. */
export type BenchCallers = Record<BenchCallerName, { caller: BenchCaller; db: Db }>;

export type DashboardBenchCase = {
  /** e.g. "dashboard.overview (province)" */
  name: string;
  by: BenchCallerName;
  /** The procedure, called as the UI calls it, by that caller. */
  run(caller: BenchCaller, targets: BenchTargets): Promise<unknown>;
  /**
   * One hand-written SQL query returning the same result, through a client narrowed to the same
   * caller's rows: under row-level security a query of the app's must declare its scope too (one
   * statement more in its transaction), so the ratio says what the layers cost, not what RLS does.
   */
  reference(db: Db, targets: BenchTargets): Promise<unknown>;
};
