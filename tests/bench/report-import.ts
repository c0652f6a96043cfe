// Report import benchmark (issue 12): reading the seed's OCR text (about 32 KB) from its bytes
// to the parsed report with its flags, target ≤ 20 ms median; and a 1 MB text (the seed's
// annex repeated, its issues renumbered), target ≤ 1 s.
import fs from "node:fs";
import { performance } from "node:perf_hooks";
import { allFiscalYearSeeds } from "@/prisma/seed/data/framework";
import { importReportDocument } from "@/server/services/report-import/read-document";
import { median } from "./databases";
import { recordBench } from "./results";

const SEED_TARGET_MS = 20;
const LARGE_TARGET_MS = 1000;
const MB = 1024 * 1024;

/** The seed's memo, then its annex tables again and again, ประเด็นที่ 1, 2, 3 … up to 1 MB. */
function largeReport(seed: string): string {
  const annexAt = seed.indexOf("ประเด็นที่");
  const annex = seed.slice(annexAt).split(/(?=ประเด็นที่ )/);
  const parts = [seed.slice(0, annexAt)];
  let bytes = Buffer.byteLength(parts[0]!);
  for (let number = 1; bytes < MB; number += 1) {
    const issue = annex[(number - 1) % annex.length]!.replace(/^ประเด็นที่ \S+/, `ประเด็นที่ ${number}`);
    parts.push(issue);
    bytes += Buffer.byteLength(issue);
  }
  return parts.join("");
}

async function timeImport(data: Buffer, runs: number, levelRules: Parameters<typeof importReportDocument>[1]["levelRules"]) {
  const times: number[] = [];
  let issues = 0;
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    const result = await importReportDocument(data, { levelRules });
    times.push(performance.now() - start);
    if (!result.ok) throw new Error(result.error);
    issues = result.report.issues.length;
  }
  times.sort((a, b) => a - b);
  return { median: median(times), p95: times[Math.floor(times.length * 0.95)]!, issues };
}

export async function runReportImportBench() {
  const levelRules = Object.fromEntries(allFiscalYearSeeds().map((year) => [year.yearBe, year.levelRules]));
  const seed = fs.readFileSync("tests/fixtures/seed-report-thaihad-2568.txt");
  await timeImport(seed, 20, levelRules); // warm up: the first runs compile the parser
  const small = await timeImport(seed, 200, levelRules);
  const large = Buffer.from(largeReport(seed.toString("utf8")));
  const big = await timeImport(large, 5, levelRules);
  console.log("\nReport import (text → parsed report with flags)");
  console.log(`  seed OCR text, ${(seed.length / 1024).toFixed(0)} KB, ${small.issues} issues: median ${small.median.toFixed(1)} ms, p95 ${small.p95.toFixed(1)} ms (target ≤ ${SEED_TARGET_MS} ms)`);
  console.log(`  ${(large.length / MB).toFixed(2)} MB text, ${big.issues} issues: median of 5 ${big.median.toFixed(0)} ms (target ≤ ${LARGE_TARGET_MS} ms)`);
  recordBench({ suite: "report-import", case: "seed OCR text (median of 200)", unit: "ms", median: small.median, p95: small.p95, targets: { median: SEED_TARGET_MS } });
  recordBench({ suite: "report-import", case: "1 MB text (median of 5)", unit: "ms", median: big.median, targets: { median: LARGE_TARGET_MS } });
}
