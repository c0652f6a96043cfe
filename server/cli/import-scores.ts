// npm run --silent import:scores -- FILE [--year N] [--apply] [--json]
// Imports announced ITA scores (CSV or XLSX, one row per organisation and fiscal year) for the
// whole country: a dry run unless --apply. --year N takes rows without a year as N and refuses
// rows of another year. --json prints the counts and every row that needs a look (conflicts with
// stored values, unmatched rows with the closest names, duplicates, invalid rows with line and
// reason); otherwise a summary in Thai. Exit code 1 when the file cannot be read.
import { parseArgs } from "node:util";
import { importScores } from "@/server/services/scores/score-import";
import { yearBeSchema } from "@/server/validation";
import { runImportCommand } from "./import-file";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    apply: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    year: { type: "string" },
  },
});

runImportCommand({
  usage: "npm run --silent import:scores -- FILE [--year N] [--apply] [--json]",
  json: values.json,
  file: positionals[0],
  async run(db, file) {
    const yearBe = values.year === undefined ? undefined : yearBeSchema.parse(Number(values.year));
    const result = await importScores({ db, access: null, input: { ...file, apply: values.apply, yearBe } });
    if (values.json) {
      const { applied, written, counts, conflictRows, unmatchedRows, duplicateRows, invalidRows } = result;
      console.log(JSON.stringify({ applied, written, counts, conflictRows, unmatchedRows, duplicateRows, invalidRows }, null, 2));
      return;
    }
    const { counts } = result;
    console.log(result.applied ? `นำเข้าแล้ว บันทึก ${result.written} แถว (applied)` : "ทดลองนำเข้า ยังไม่บันทึก (dry run; add --apply to write)");
    console.log(
      `แถว ${counts.rows} · ตรงกับหน่วยงาน ${counts.matched} (ใหม่ ${counts.new} · ต่างจากที่บันทึกไว้ ${counts.conflicts} · ยืนยันคะแนนที่หน่วยงานรายงาน ${counts.confirms} · ไม่เปลี่ยน ${counts.unchanged})`,
    );
    console.log(`ไม่พบหน่วยงาน ${counts.unmatched} · ซ้ำ ${counts.duplicates} · ไม่ถูกต้อง ${counts.invalid}`);
    for (const row of result.conflictRows) console.log(`  แถว ${row.line} ${row.nameTh} ปี ${row.yearBe}: บันทึกไว้ ${row.stored?.total} ในไฟล์ ${row.file.total}`);
    for (const row of result.unmatchedRows) {
      const near = row.suggestions.map((suggestion) => suggestion.nameTh).join(", ");
      console.log(`  แถว ${row.line} ${row.reason}${near ? ` (ใกล้เคียง: ${near})` : ""}`);
    }
    for (const row of result.invalidRows) console.log(`  แถว ${row.line} [${row.column}] ${row.reason}`);
  },
});
