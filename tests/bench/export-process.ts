// One national Excel export in a process of its own, as the server would run it: prints its
// time, rows, file size and the process's peak resident memory (maxRSS) as JSON.
// Usage: tsx tests/bench/export-process.ts <PostgreSQL URL> <fiscal year BE> <file>
import fs from "node:fs";
import { prismaOnPostgres } from "@/server/db/client";
import { produceSummary } from "@/server/services/exports/export-jobs";

async function main() {
  const [url, yearBe, file] = process.argv.slice(2);
  const db = prismaOnPostgres(url!);
  const input = { yearBe: Number(yearBe), districtId: null, organizationType: null, includeUnaccepted: true };
  const rssBeforeBytes = process.memoryUsage().rss;
  const started = performance.now();
  const { rows } = await produceSummary(db, { kind: "national" }, input, "XLSX", file!);
  const seconds = (performance.now() - started) / 1000;
  await db.$disconnect();
  console.log(JSON.stringify({ seconds, rows, bytes: fs.statSync(file!).size, maxRssBytes: process.resourceUsage().maxRSS * 1024, rssBeforeBytes }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
