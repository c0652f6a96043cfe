import { expect, it } from "vitest";
import { InvalidEnvironmentError, parseEnv } from "@/server/env";
import { databaseConfigFromEnv, migrationConfigFromEnv } from "@/server/db/connection";

it("reads blank variables as unset and applies the defaults", () => {
  const env = parseEnv({ DATABASE_URL: "  ", PORT: "", LOG_LEVEL: "" });
  expect(env.DATABASE_URL).toBeUndefined();
  expect(env.PORT).toBe(3000);
  expect(env.LOG_LEVEL).toBe("info");
  expect(databaseConfigFromEnv({ DATABASE_URL: "" })).toMatchObject({ kind: "pglite" });
});

it("trims and coerces what it is given", () => {
  const env = parseEnv({ DATABASE_URL: " postgresql://u@h:5432/db ", PORT: "8080", NEXTAUTH_URL: "https://ita.example.go.th" });
  expect(env.DATABASE_URL).toBe("postgresql://u@h:5432/db");
  expect(env.PORT).toBe(8080);
  expect(databaseConfigFromEnv({ DATABASE_URL: "postgres://u@h/db" })).toEqual({ kind: "postgresql", url: "postgres://u@h/db" });
});

it("names every invalid variable in one error", () => {
  let caught: unknown;
  try {
    parseEnv({ DATABASE_URL: "mysql://u@h/db", PORT: "eighty", LOG_LEVEL: "loud", NEXTAUTH_URL: "not a url" });
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(InvalidEnvironmentError);
  const problems = (caught as InvalidEnvironmentError).problems.map((problem) => problem.split(":")[0]);
  expect(problems.sort()).toEqual(["DATABASE_URL", "LOG_LEVEL", "NEXTAUTH_URL", "PORT"]);
  expect((caught as Error).message).toMatch(/DATABASE_URL: DATABASE_URL must be a postgresql:\/\/ URL/);
});

it("reaches a server's database through DATABASE_MIGRATION_URL for migrations, else through DATABASE_URL", () => {
  const app = "postgresql://prongsai_app:secret@h/db";
  const owner = "postgresql://owner:secret@h/db";
  expect(databaseConfigFromEnv({ DATABASE_URL: app, DATABASE_MIGRATION_URL: owner })).toEqual({ kind: "postgresql", url: app });
  expect(migrationConfigFromEnv({ DATABASE_URL: app, DATABASE_MIGRATION_URL: owner })).toEqual({ kind: "postgresql", url: owner });
  expect(migrationConfigFromEnv({ DATABASE_URL: app, DATABASE_MIGRATION_URL: " " })).toEqual({ kind: "postgresql", url: app });
  expect(migrationConfigFromEnv({ DATABASE_URL: "", PRONGSAI_DATA_DIR: "/tmp/x" })).toEqual({ kind: "pglite", dataDir: "/tmp/x" });
  expect(() => parseEnv({ DATABASE_MIGRATION_URL: owner })).toThrow(/DATABASE_MIGRATION_URL needs DATABASE_URL/);
  expect(() => parseEnv({ DATABASE_URL: app, DATABASE_MIGRATION_URL: "mysql://h/db" })).toThrow(/DATABASE_MIGRATION_URL must be a postgresql:\/\/ URL/);
});
