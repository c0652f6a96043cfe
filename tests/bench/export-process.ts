// One national Excel export in a process of its own, as a worker runs it (written into the
// shared storage in PostgreSQL, then copied to <file> for a look): prints its time, rows, file
// size, the process's peak resident memory (maxRSS) and how long its event loop was held (p99
// and max), as JSON.
// Usage: tsx tests/bench/export-process.ts <PostgreSQL URL> <fiscal year BE> <file>
import fs from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { PassThrough } from "node:stream";
import { pipeline } from "node:stream/promises";
import { prismaOnPostgres } from "@/server/db/client";
import { produceSummary } from "@/server/services/exports/export-jobs";
import { createFileStore } from "@/server/storage/file-store";

async function main() {
  const [url, yearBe, file] = process.argv.slice(2);
  const db = prismaOnPostgres(url!);
  const input = { yearBe: Number(yearBe), districtId: null, organizationType: null, includeUnaccepted: true };
  const rssBeforeBytes = process.memoryUsage().rss;
  // How long other requests of the same server would wait behind the export.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const started = performance.now();
  const store = createFileStore(db);
  const key = `bench/national-${process.pid}.xlsx`;
  const body = new PassThrough();
  const stored = store.put(key, body, { contentType: "application/octet-stream", lifetimeMs: 60 * 60 * 1000 });
  const { rows } = await produceSummary(db, { kind: "national" }, input, "XLSX", body);
  const { bytes } = await stored;
  const seconds = (performance.now() - started) / 1000;
  loopDelay.disable();
  await pipeline((await store.get(key))!.stream, fs.createWriteStream(file!));
  await store.delete(key);
  await db.$disconnect();
  console.log(JSON.stringify({ seconds, rows, bytes, maxRssBytes: process.resourceUsage().maxRSS * 1024, rssBeforeBytes, loopDelayP99Ms: loopDelay.percentile(99) / 1e6, loopDelayMaxMs: loopDelay.max / 1e6 }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
