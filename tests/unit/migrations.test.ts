import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, readMigrationFiles } from "@/server/db/migrations";

const repoMigrationsDir = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

function sha256(text: string | Buffer): string {
  return createHash("sha256").update(text).digest("hex");
}

// The repository's migrations, listed independently of the module.
const expectedNames = fs
  .readdirSync(repoMigrationsDir)
  .filter((name) => fs.existsSync(path.join(repoMigrationsDir, name, "migration.sql")))
  .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

describe("readMigrationFiles", () => {
  it("defaults to the repository's prisma/migrations", () => {
    expect(MIGRATIONS_DIR).toBe(repoMigrationsDir);
  });

  it("returns every migration of the repository, sorted, with the file content and its sha256", () => {
    expect(expectedNames.length).toBeGreaterThan(0);
    const files = readMigrationFiles();
    expect(files.map((file) => file.name)).toEqual(expectedNames);
    for (const file of files) {
      const bytes = fs.readFileSync(path.join(repoMigrationsDir, file.name, "migration.sql"));
      expect(file.sql).toBe(bytes.toString("utf8"));
      expect(file.checksum).toBe(sha256(bytes));
      expect(file.checksum).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  describe("on a scratch directory", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prongsai-migrations-"));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    const write = (name: string, sql: string) => {
      fs.mkdirSync(path.join(dir, name), { recursive: true });
      fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
    };
    write("20260102000000_second", "CREATE TABLE b (id int);\n");
    write("20250101000000_first", "-- ข้อความภาษาไทย\nCREATE TABLE a (id int);\n");
    write("20270101000000_third", "");
    fs.mkdirSync(path.join(dir, "20240101000000_no_sql_file"));
    fs.writeFileSync(path.join(dir, "migration_lock.toml"), 'provider = "postgresql"\n');

    it("sorts by name, skips folders without migration.sql and plain files", () => {
      const files = readMigrationFiles(dir);
      expect(files.map((f) => f.name)).toEqual(["20250101000000_first", "20260102000000_second", "20270101000000_third"]);
    });

    it("hashes the UTF-8 bytes of each file", () => {
      const [first, second, third] = readMigrationFiles(dir);
      expect(first?.checksum).toBe(sha256(Buffer.from("-- ข้อความภาษาไทย\nCREATE TABLE a (id int);\n", "utf8")));
      expect(second?.sql).toBe("CREATE TABLE b (id int);\n");
      expect(second?.checksum).toBe(sha256("CREATE TABLE b (id int);\n"));
      // sha256 of the empty string
      expect(third?.checksum).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    });
  });
});
