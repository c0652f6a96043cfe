// Score import benchmark (issue 12, item 2): the dry run of a 7,850-row announced-score table
// (one row per organisation of the national dataset, by name with its district and province,
// Thai digits, a level) against the national dataset, as the country's administrator: the file
// read, every row matched in memory and compared with what is stored. Target ≤ 5 s.
import { performance } from "node:perf_hooks";
import type { Db } from "@/server/db/client";
import { importScores } from "@/server/services/scores/score-import";
import { median } from "./databases";
import { recordBench } from "./results";

const TARGET_MS = 5000;
const ROWS = 7850;

const thaiDigits = (text: string) => text.replace(/\d/g, (digit) => String.fromCharCode(0x0e50 + Number(digit)));

/** The file: the dataset's organisations (up to ROWS), each with a score for the year. */
async function scoreFile(db: Db, yearBe: number): Promise<Uint8Array> {
  const organizations = await db.localOrganization.findMany({
    take: ROWS,
    orderBy: { dlaCode: "asc" },
    select: { nameTh: true, district: { select: { nameTh: true, province: { select: { nameTh: true } } } } },
  });
  const lines = ["ลำดับ,ชื่อหน่วยงาน,อำเภอ,จังหวัด,ปีงบประมาณ,คะแนน ITA,ระดับ"];
  organizations.forEach((organization, index) => {
    const score = (60 + ((index * 37) % 4000) / 100).toFixed(2);
    lines.push([index + 1, organization.nameTh, organization.district.nameTh, organization.district.province.nameTh, thaiDigits(String(yearBe)), thaiDigits(score), ""].join(","));
  });
  return new TextEncoder().encode(`${lines.join("\n")}\n`);
}

export async function runScoreImportBench(db: Db, label: string, yearBe: number) {
  const bytes = await scoreFile(db, yearBe);
  const times: number[] = [];
  let counts: Awaited<ReturnType<typeof importScores>>["counts"] | null = null;
  for (let run = 0; run < 3; run += 1) {
    const start = performance.now();
    const result = await importScores({ db, access: null, input: { fileName: "ita-national.csv", bytes, apply: false, yearBe } });
    times.push(performance.now() - start);
    counts = result.counts;
  }
  const result = median(times.sort((a, b) => a - b));
  console.log(`\nScore import dry run, ${label} (${counts!.rows} rows, FY${yearBe})`);
  console.log(`  matched ${counts!.matched}, unmatched ${counts!.unmatched}, invalid ${counts!.invalid}: median of 3 ${result.toFixed(0)} ms (target ≤ ${TARGET_MS} ms)`);
  recordBench({ suite: "score-import", case: `dry run of ${counts!.rows} rows, ${label}`, unit: "ms", median: result, targets: { median: TARGET_MS } });
}
