import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Integration tests run on an in-process PGlite database (a fresh one per test file) and,
// when TEST_DATABASE_URL is set, again on that PostgreSQL server (a throwaway database per
// run, cloned per test file).
const integration = (kind: "pglite" | "postgresql") => ({
  extends: true as const,
  test: {
    name: `integration-${kind}`,
    include: ["tests/integration/**/*.test.ts"],
    env: { TEST_DB_KIND: kind },
    globalSetup: kind === "postgresql" ? ["tests/integration/helpers/postgres-setup.ts"] : [],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  resolve: { alias: { "@": path.dirname(fileURLToPath(import.meta.url)) } },
  test: {
    pool: "forks",
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      integration("pglite"),
      // Load and fault checks through the running app (npm start), on their own PostgreSQL cluster
      // and an embedded database: the first start may build the app, so one file at a time.
      { extends: true, test: { name: "load", include: ["tests/load/**/*.test.ts"], fileParallelism: false, testTimeout: 5 * 60_000, hookTimeout: 20 * 60_000 } },
      ...(process.env.TEST_DATABASE_URL ? [integration("postgresql")] : []),
    ],
  },
});
