// npm run --silent import:report -- FILE [--json]
// Reads a past report (text/OCR, .html, .docx or a PDF with a text layer) and prints what the
// importer found: the memo, scores, signatures, issues and measures, the flags and what it
// could not place. Writes nothing. Level rules come from the framework data the database is
// seeded with (prisma/seed/data/framework.ts).
import fs from "node:fs";
import { parseArgs } from "node:util";
import { allFiscalYearSeeds } from "@/prisma/seed/data/framework";
import { importReportDocument, MAX_REPORT_BYTES } from "@/server/services/report-import/read-document";

const { values, positionals } = parseArgs({ options: { json: { type: "boolean" } }, allowPositionals: true });

async function main() {
  const file = positionals[0];
  if (!file) {
    console.error("ใช้: npm run --silent import:report -- ไฟล์ [--json]");
    return 2;
  }
  let data: Buffer;
  try {
    // One byte past the limit is enough to refuse a file as too large.
    const handle = fs.openSync(file, "r");
    data = Buffer.alloc(MAX_REPORT_BYTES + 1);
    data = data.subarray(0, fs.readSync(handle, data, 0, data.length, 0));
    fs.closeSync(handle);
  } catch {
    console.error(`เปิดไฟล์ไม่ได้: ${file}`);
    return 2;
  }
  const levelRules = Object.fromEntries(allFiscalYearSeeds().map((year) => [year.yearBe, year.levelRules]));
  const result = await importReportDocument(data, { levelRules });
  if (values.json) {
    console.log(JSON.stringify(result.ok ? { ok: true, format: result.format, report: result.report } : result, null, 2));
  } else if (!result.ok) {
    console.log(result.error);
  } else {
    const { report } = result;
    const measures = report.issues.reduce((sum, issue) => sum + issue.measures.length, 0);
    console.log(`${report.organization.name ?? "ไม่ทราบหน่วยงาน"} ปีงบประมาณ ${report.fiscalYearBe ?? "?"}: ${report.issues.length} ประเด็น ${measures} มาตรการ`);
    for (const flag of report.flags) console.log(`  บรรทัด ${flag.line}:${flag.column} ${flag.message} [${flag.text}]`);
    for (const item of report.unplaced) console.log(`  ไม่ได้จัดลงช่อง (บรรทัด ${item.line}, ${item.reason}): ${item.text}`);
  }
  return result.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  () => {
    console.error("นำเข้ารายงานไม่สำเร็จ");
    process.exit(1);
  },
);
