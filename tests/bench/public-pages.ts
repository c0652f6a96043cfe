// Public pages under load (issue 16): the app as `npm start` serves it, on a fresh embedded
// database with the demo data, asked for one organisation's public page by 20 clients at once for
// 10 s over loopback. Target: at least 200 pages a second on this machine, every answer 200.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { startApp } from "../load/app";
import { median, percentile } from "./databases";
import { recordBench } from "./results";

const CLIENTS = 20;
const SECONDS = 10;
const TARGET_PER_SECOND = 200;

export async function runPublicPagesBench() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "prongsai-bench-public-"));
  const app = await startApp({
    env: { PRONGSAI_DATA_DIR: dataDir, DATABASE_URL: "", DEMO_PASSWORD: "bench-demo-password" },
    logFile: path.join(dataDir, "app.log"),
  });
  const { base } = app;
  try {
    const province = await (await fetch(`${base}/public/province/75`)).text();
    const code = /href="\/public\/([0-9A-Za-z-]+)"/.exec(province)?.[1];
    if (!code) throw new Error("no organisation on the province's public page");
    const url = `${base}/public/${code}`;
    await fetch(url); // the first answer fills the cache
    const latencies: number[] = [];
    let failures = 0;
    const end = performance.now() + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (performance.now() < end) {
          const started = performance.now();
          const response = await fetch(url);
          await response.arrayBuffer();
          if (response.status !== 200) failures += 1;
          latencies.push(performance.now() - started);
        }
      }),
    );
    const perSecond = latencies.length / SECONDS;
    latencies.sort((a, b) => a - b);
    console.log(`\nPublic page /public/${code}, ${CLIENTS} clients for ${SECONDS} s (npm start, embedded database, demo data)`);
    console.log(`  ${perSecond.toFixed(0)} pages/s (target ≥ ${TARGET_PER_SECOND}), ${failures} not 200; latency median ${median(latencies).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`);
    recordBench({ suite: "public-pages", case: `/public/<code>, ${CLIENTS} clients`, unit: "requests/s", median: perSecond, minimums: { median: TARGET_PER_SECOND } });
    recordBench({ suite: "public-pages", case: "latency", unit: "ms", median: median(latencies), p99: percentile(latencies, 99) });
    if (failures > 0) throw new Error(`${failures} public pages did not answer 200`);
  } finally {
    await app.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
