// npm run bench — every benchmark, each printing its figures next to its targets:
//  1. autosave latency of a 200-measure report (PGlite and PostgreSQL);
//  2. every dashboard procedure on the national synthetic dataset (PostgreSQL, then PGlite),
//     each with the ratio to one hand-written SQL query timed in the same run;
//  3. exports: the seed report's memo PDF; on the national dataset in PostgreSQL, the summary
//     PDF of the largest province and the national Excel workbook (time and peak memory);
//  4. the dashboard route's first-load JavaScript from `next build`;
//  5. the report importer on the seed's OCR text and on a 1 MB text.
// Every figure is also written to bench-results.json (see results.ts).
//  6. the score import's dry run of a 7,850-row table against the national dataset;
//  7. a public page under load through `npm start` (pages a second).
// BENCH_ONLY=autosave,dashboard,exports,bundle,import,score-import,public runs a subset; BENCH_ONLY=insight
// runs only the peer-insight cases of the dashboard benchmark. BENCH_DATABASES=postgresql leaves out
// the dashboards' PGlite run (its national dataset takes long to build).
import { runAutosaveBench } from "./autosave";
import { reachablePostgresUrl, type BenchDatabase } from "./databases";
import { firstLoadJavaScript } from "./bundle";
import { dashboardBenchCases } from "./dashboard/cases";
import { insightBenchCases } from "./dashboard/insight-cases";
import type { DashboardBenchCase } from "./dashboard/types";
import { runExportBench, runReportPdfBench } from "./exports";
import { runDashboardCases } from "./dashboard/run";
import { runReportImportBench } from "./report-import";
import { runPublicPagesBench } from "./public-pages";
import { runScoreImportBench } from "./score-import";
import { writeBenchResults } from "./results";
import { benchCallers, NATIONAL_DATABASE, openNationalPGlite, openNationalPostgres, pickTargets } from "./national-dataset";

const only = process.env.BENCH_ONLY?.split(",");
const wanted = (name: string) => !only || only.includes(name);
const databases = process.env.BENCH_DATABASES?.split(",");
const wantedDatabase = (kind: "pglite" | "postgresql") => !databases || databases.includes(kind);

async function dashboardOn(open: () => Promise<BenchDatabase>, cases: DashboardBenchCase[]) {
  const database = await open();
  try {
    const targets = await pickTargets(database.db);
    const callers = await benchCallers(database.db, targets);
    return await runDashboardCases(`Dashboard procedures on the national dataset, ${database.kind}`, database.db, callers, targets, cases);
  } finally {
    await database.close();
  }
}

async function main() {
  if (wanted("autosave")) await runAutosaveBench();
  if (wanted("dashboard") || wanted("insight")) {
    const cases = wanted("dashboard") ? dashboardBenchCases : insightBenchCases;
    const adminUrl = await reachablePostgresUrl();
    const onPostgres = adminUrl ? await dashboardOn(() => openNationalPostgres(adminUrl), cases) : null;
    if (!adminUrl) console.log("PostgreSQL not reachable: set BENCH_DATABASE_URL to include it");
    const onPGlite = wantedDatabase("pglite") ? await dashboardOn(openNationalPGlite, cases) : [];
    if (onPostgres && onPGlite.length > 0) {
      console.log("\nPGlite/PostgreSQL, ratio of medians:");
      for (const result of onPGlite) {
        const postgres = onPostgres.find((other) => other.name === result.name)!;
        console.log(`  ${result.name.padEnd(40)} cold ${(result.cold.median / postgres.cold.median).toFixed(2)}, cached ${(result.cached.median / postgres.cached.median).toFixed(2)}`);
      }
    }
  }
  if (wanted("exports")) {
    await runReportPdfBench();
    const adminUrl = await reachablePostgresUrl();
    if (adminUrl) {
      const database = await openNationalPostgres(adminUrl);
      try {
        const targets = await pickTargets(database.db);
        console.log(`\nSummary exports on the national dataset, PostgreSQL (FY${targets.yearBe})`);
        const url = new URL(adminUrl);
        url.pathname = `/${NATIONAL_DATABASE}`;
        await runExportBench(database.db, url.toString(), targets);
      } finally {
        await database.close();
      }
    }
  }
  if (wanted("bundle")) await firstLoadJavaScript();
  if (wanted("import")) await runReportImportBench();
  if (wanted("score-import")) {
    // The dry run of a 7,850-row score table against the national dataset (PGlite, and PostgreSQL when reachable).
    const pglite = await openNationalPGlite();
    try {
      const targets = await pickTargets(pglite.db);
      await runScoreImportBench(pglite.db, pglite.kind, targets.yearBe);
    } finally {
      await pglite.close();
    }
    const adminUrl = await reachablePostgresUrl();
    if (adminUrl) {
      const postgres = await openNationalPostgres(adminUrl);
      try {
        const targets = await pickTargets(postgres.db);
        await runScoreImportBench(postgres.db, postgres.kind, targets.yearBe);
      } finally {
        await postgres.close();
      }
    }
  }
  if (wanted("public")) await runPublicPagesBench();
  writeBenchResults();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
