// Export benchmark (issue 5): the seed report's memo PDF (median of 5 renders, after a first
// one that loads the fonts), the province summary PDF of the largest province (≈ 250
// organisations; target ≤ 3 s, median of 3) and the national Excel workbook of every measure and
// score (target ≤ 10 s and peak memory ≤ 512 MB). The report PDF is measured elsewhere.
//
// Both run produceSummary, what an export job runs, straight on the database (the job queue
// adds one row update per page). The national Excel runs in a process of its own
// (export-process.ts) on PostgreSQL: its peak resident memory is the process's maxRSS, Node and
// all. (An embedded PGlite database cannot be opened by a second process.)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { thaihad2568 } from "@/prisma/seed/data/thaihad-2568";
import { seedDemoData } from "@/prisma/seed/demo";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import type { Db } from "@/server/db/client";
import { produceSummary } from "@/server/services/exports/export-jobs";
import { renderReportPdf } from "@/server/services/exports/report-pdf";
import { median, openPGliteBenchDatabase } from "./databases";
import { recordBench } from "./results";

const PDF_TARGET_S = 3;
const XLSX_TARGET_S = 10;
const MEMORY_TARGET_MB = 512;
const MB = 1024 * 1024;
const NATIONAL_RUNS = 3;

/** What export-process.ts prints. */
type ExportProcessResult = { seconds: number; rows: number; bytes: number; maxRssBytes: number; rssBeforeBytes: number; loopDelayP99Ms: number; loopDelayMaxMs: number };

function line(label: string, figure: number, target: number, unit: "s" | "MB", extra = "") {
  recordBench({ suite: "exports", case: label, unit, median: figure, targets: { median: target } });
  console.log(`${label.padEnd(52)} ${figure.toFixed(2).padStart(8)} ${unit}  target ≤ ${target} ${unit}  ratio ${(figure / target).toFixed(2)}${extra}`);
}

export async function runExportBench(db: Db, databaseUrl: string, targets: { provinceId: string; yearBe: number }): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prongsai-bench-exports-"));
  const input = { yearBe: targets.yearBe, districtId: null, organizationType: null, includeUnaccepted: true };
  try {
    const organizations = await db.localOrganization.count({ where: { active: true, district: { provinceId: targets.provinceId } } });
    const pdfTimes: number[] = [];
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      await produceSummary(db, { kind: "province", id: targets.provinceId }, input, "PDF", fs.createWriteStream(path.join(dir, `province-${run}.pdf`)));
      pdfTimes.push((performance.now() - started) / 1000);
    }
    line(`summary PDF, province of ${organizations} organisations (median of 3)`, median(pdfTimes), PDF_TARGET_S, "s");

    // The national workbook in a fresh process each time; medians of three (the machine is noisy).
    const file = path.join(dir, "national.xlsx");
    const runs: ExportProcessResult[] = [];
    for (let run = 0; run < NATIONAL_RUNS; run++) {
      const child = spawnSync("npx", ["tsx", "tests/bench/export-process.ts", databaseUrl, String(targets.yearBe), file], { encoding: "utf8" });
      if (child.status !== 0) throw new Error(`the export process failed: ${child.stderr}`);
      runs.push(JSON.parse(child.stdout.trim().split("\n").at(-1)!) as ExportProcessResult);
    }
    const { rows, bytes } = runs[0]!;
    const each = (figures: number[], digits: number) => `  (runs: ${figures.map((figure) => figure.toFixed(digits)).join(", ")})`;
    const seconds = runs.map((result) => result.seconds);
    const peaks = runs.map((result) => result.maxRssBytes / MB);
    line(`national Excel, ${rows} rows, ${(bytes / MB).toFixed(1)} MB file (median of ${NATIONAL_RUNS})`, median(seconds), XLSX_TARGET_S, "s", each(seconds, 2));
    line(`national Excel, peak resident memory (median of ${NATIONAL_RUNS})`, median(peaks), MEMORY_TARGET_MB, "MB", each(peaks, 0));
    console.log(`  before the export each process held ${median(runs.map((result) => result.rssBeforeBytes / MB)).toFixed(0)} MB (Node, Prisma, exceljs)`);
    console.log(
      `  the event loop was held at most ${median(runs.map((result) => result.loopDelayMaxMs)).toFixed(0)} ms at a time (p99 ${median(runs.map((result) => result.loopDelayP99Ms)).toFixed(0)} ms; medians): other requests wait no longer`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The memo PDF of the seed report (อบต.ท้ายหาด FY2568, 6 pages), on the demo data in PGlite. */
export async function runReportPdfBench(): Promise<void> {
  const database = await openPGliteBenchDatabase();
  try {
    await seedDemoData(database.db, { password: "bench demo password" });
    const editor = await database.db.user.findUniqueOrThrow({ where: { username: "thaihad.editor" } });
    const { id: reportId } = await database.db.yearlyReport.findFirstOrThrow({
      where: { organization: { nameTh: thaihad2568.organizationNameTh }, fiscalYear: { yearBe: 2568 } },
    });
    const caller = createCaller(createContext({ db: database.db, userId: editor.id, request: { ipAddress: "127.0.0.1", userAgent: "bench" } }));
    const report = await caller.report.get({ reportId });
    const first = performance.now();
    const pdf = await renderReportPdf(report, { digits: "thai" });
    const firstMs = performance.now() - first;
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      await renderReportPdf(report, { digits: "thai" });
      times.push(performance.now() - started);
    }
    recordBench({ suite: "exports", case: "report memo PDF of the seed report (median of 5)", unit: "ms", median: median(times) });
    console.log(`\nReport memo PDF of the seed report (${(pdf.length / 1024).toFixed(0)} KB): median of 5 ${median(times).toFixed(0)} ms (first render, loading the fonts: ${firstMs.toFixed(0)} ms)`);
  } finally {
    await database.close();
  }
}
