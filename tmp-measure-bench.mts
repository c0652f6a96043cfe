import { prismaOnPostgres } from "@/server/db/client";
import { measureBatches } from "@/server/services/exports/summary-data";
const db = prismaOnPostgres("postgresql://postgres@127.0.0.1:5432/prongsai_bench_national");
const started = performance.now();
let n = 0, pages = 0;
const base = process.memoryUsage().rss;
let peak = base;
for await (const page of measureBatches(db, { kind: "national" }, { yearBe: 2569, includeUnaccepted: true, districtId: null, organizationType: null })) {
  n += page.length; pages++;
  peak = Math.max(peak, process.memoryUsage().rss);
  if (pages % 10 === 0) console.log(pages, n, ((performance.now() - started) / 1000).toFixed(1), "s", ((peak - base) / 1048576).toFixed(0), "MB");
}
console.log("rows", n, "pages", pages, ((performance.now() - started) / 1000).toFixed(1), "s peak rise", ((peak - base) / 1048576).toFixed(0), "MB");
await db.$disconnect();
