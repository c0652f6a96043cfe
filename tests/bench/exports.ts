// Export benchmark (issue 5): the province summary PDF of the largest province (≈ 250
// organisations; target ≤ 3 s, median of 3) and the national Excel workbook of every measure and
// score (target ≤ 10 s and peak memory ≤ 512 MB). The report PDF is measured elsewhere.
//
// Both run produceSummary, what an export job runs, straight on the database (the job queue
// adds one row update per page). Memory: the process's resident set is sampled every 10 ms
// while the workbook is written; the figure is the peak, and its rise over the level before
// the export is printed beside it. The sample runs in this process because an embedded PGlite
// database cannot be opened by a second one; in embedded mode the peak therefore includes
// PGlite's own memory, as it does in the server.
//
// Standalone: `npx tsx tests/bench/exports.ts [provinces]` loads the synthetic national dataset
// (default 3 provinces) into an in-memory PGlite database and runs the benchmark on it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { prismaOnPGlite, type Db } from "@/server/db/client";
import { applyPendingMigrations } from "@/server/db/migrations";
import { produceSummary } from "@/server/services/exports/export-jobs";
import { seedNationalDataset } from "@/prisma/seed/national";

const PDF_TARGET_S = 3;
const XLSX_TARGET_S = 10;
const MEMORY_TARGET_MB = 512;
const MB = 1024 * 1024;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

function line(label: string, figure: number, target: number, unit: string, extra = "") {
  console.log(`${label.padEnd(52)} ${figure.toFixed(2).padStart(8)} ${unit}  target ≤ ${target} ${unit}  ratio ${(figure / target).toFixed(2)}${extra}`);
}

export async function runExportBench(db: Db, targets: { provinceId: string; yearBe: number }): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prongsai-bench-exports-"));
  const input = { yearBe: targets.yearBe, districtId: null, organizationType: null, includeUnaccepted: true };
  try {
    const organizations = await db.localOrganization.count({ where: { active: true, district: { provinceId: targets.provinceId } } });
    const pdfTimes: number[] = [];
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      await produceSummary(db, { kind: "province", id: targets.provinceId }, input, "PDF", path.join(dir, `province-${run}.pdf`));
      pdfTimes.push((performance.now() - started) / 1000);
    }
    line(`summary PDF, province of ${organizations} organisations (median of 3)`, median(pdfTimes), PDF_TARGET_S, "s");

    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const started = performance.now();
    const file = path.join(dir, "national.xlsx");
    const { rows } = await produceSummary(db, { kind: "national" }, input, "XLSX", file);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const size = fs.statSync(file).size / MB;
    line(`national Excel, ${rows} rows, ${size.toFixed(1)} MB file`, seconds, XLSX_TARGET_S, "s");
    line("national Excel, peak resident memory", peak / MB, MEMORY_TARGET_MB, "MB", `  (rise during the export ${((peak - baseline) / MB).toFixed(0)} MB)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const provinces = Number(process.argv[2] ?? 3);
  const pglite = new PGlite();
  await applyPendingMigrations(pglite);
  const db = prismaOnPGlite(pglite);
  try {
    const summary = await seedNationalDataset(db, { provinces });
    console.log(`synthetic dataset: ${summary.provinces} provinces, ${summary.organizations} organisations, ${summary.reports} reports, ${summary.measures} measures`);
    const [largest] = await db.$queryRaw<{ provinceId: string }[]>`
      SELECT d."provinceId" FROM "LocalOrganization" o JOIN "District" d ON d.id = o."districtId"
       GROUP BY d."provinceId" ORDER BY count(*) DESC LIMIT 1`;
    const year = await db.yearlyReport.findFirstOrThrow({ orderBy: { fiscalYear: { yearBe: "desc" } }, select: { fiscalYear: { select: { yearBe: true } } } });
    await runExportBench(db, { provinceId: largest!.provinceId, yearBe: year.fiscalYear.yearBe });
  } finally {
    await db.$disconnect();
    await pglite.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
