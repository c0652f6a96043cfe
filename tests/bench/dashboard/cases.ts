// Every dashboard procedure's bench case.
import { overviewBenchCases } from "./overview-cases";
import type { DashboardBenchCase } from "./types";

export const dashboardBenchCases: DashboardBenchCase[] = [...overviewBenchCases];
