// Every dashboard procedure's bench case.
import { compareBenchCases } from "./compare-cases";
import { drilldownBenchCases } from "./drilldown-cases";
import { insightBenchCases } from "./insight-cases";
import { overviewBenchCases } from "./overview-cases";
import type { DashboardBenchCase } from "./types";

export const dashboardBenchCases: DashboardBenchCase[] = [...overviewBenchCases, ...drilldownBenchCases, ...compareBenchCases, ...insightBenchCases];
