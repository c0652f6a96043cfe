// npm run --silent import:organizations -- FILE [--apply] [--json]
// Imports the official อปท. registry (CSV or XLSX) as the country's administrator: a dry run
// unless --apply. --json prints the counts, the new provinces and districts, and each invalid
// row (line, column, reason); otherwise a summary in Thai. Exit code 1 when the file cannot be read.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { openDatabase } from "@/server/db/client";
import { importRegistry } from "@/server/services/registry/registry-import";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { apply: { type: "boolean", default: false }, json: { type: "boolean", default: false } },
});

async function main() {
  const file = positionals[0];
  if (!file) throw new Error("ระบุไฟล์: npm run import:organizations -- FILE [--apply] [--json]");
  const bytes = new Uint8Array(fs.readFileSync(file));
  const database = await openDatabase();
  try {
    const result = await importRegistry({ db: database.db, actor: null, input: { fileName: path.basename(file), bytes, apply: values.apply } });
    if (values.json) {
      const { counts, invalidRows, newProvinces, newDistricts, applied } = result;
      console.log(JSON.stringify({ applied, counts, newProvinces, newDistricts, invalidRows }, null, 2));
      return;
    }
    const { counts } = result;
    console.log(result.applied ? "นำเข้าแล้ว (applied)" : "ทดลองนำเข้า ยังไม่บันทึก (dry run; add --apply to write)");
    console.log(`ใหม่ ${counts.new} · เปลี่ยนแปลง ${counts.changed} · ไม่เปลี่ยน ${counts.unchanged} · ไม่ถูกต้อง ${counts.invalid}`);
    console.log(`จังหวัดใหม่ ${counts.newProvinces} · อำเภอใหม่ ${counts.newDistricts}`);
    for (const row of result.invalidRows) console.log(`  แถว ${row.line} [${row.column}] ${row.reason}`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof ZodError ? error.issues.map((issue) => issue.message).join("\n") : error instanceof Error ? error.message : String(error);
  if (values.json) console.log(JSON.stringify({ error: message }));
  else console.error(message);
  process.exit(1);
});
