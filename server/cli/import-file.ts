// The shell every file-import command shares: the file from the first argument (a Thai message
// when it is missing or unreadable), the database opened and closed around the import, and a
// failure printed once in Thai (as JSON with --json) with exit code 1.
import fs from "node:fs";
import path from "node:path";
import { ZodError } from "zod";
import { openDatabase, type Db } from "@/server/db/client";

export type ImportFile = { fileName: string; bytes: Uint8Array };

export function runImportCommand(options: { usage: string; json: boolean; file: string | undefined; run: (db: Db, file: ImportFile) => Promise<void> }) {
  async function main() {
    if (!options.file) throw new Error(`ระบุไฟล์: ${options.usage}`);
    if (!fs.existsSync(options.file)) throw new Error(`ไม่พบไฟล์ ${options.file}`);
    const file = { fileName: path.basename(options.file), bytes: new Uint8Array(fs.readFileSync(options.file)) };
    const database = await openDatabase();
    try {
      await options.run(database.db, file);
    } finally {
      await database.close();
    }
  }
  main().catch((error: unknown) => {
    const message = error instanceof ZodError ? error.issues.map((issue) => issue.message).join("\n") : error instanceof Error ? error.message : String(error);
    if (options.json) console.log(JSON.stringify({ error: message }));
    else console.error(message);
    process.exit(1);
  });
}
