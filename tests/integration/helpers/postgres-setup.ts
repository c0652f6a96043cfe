// Global set-up for the PostgreSQL run: one throwaway template database per run, migrated by
// `npm run db:migrate` as in production (Prisma's `migrate deploy` through the privileged
// connection, the job queue, the app role's grants); each test file then gets its own copy and
// the app connects to it as the app role (see db.ts). Everything is dropped at the end of the run.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { APP_ROLE } from "@/server/db/app-role";

declare module "vitest" {
  export interface ProvidedContext {
    postgresTemplateUrl: string;
    postgresRunPrefix: string;
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** The same database as the app role, with TEST_DATABASE_URL's password (db:migrate gives it to the role). */
export function asAppRole(url: string): string {
  const parsed = new URL(url);
  parsed.username = APP_ROLE;
  return parsed.toString();
}

export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const prefix = `prongsai_test_${randomBytes(4).toString("hex")}`;
  const template = `${prefix}_template`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const dropRunDatabases = async () => {
    const { rows } = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE $1",
      [`${prefix}%`],
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.end();
  };
  await admin.query(`CREATE DATABASE "${template}"`);
  const templateUrl = withDatabase(adminUrl, template);
  try {
    execFileSync("npx", ["tsx", "server/cli/migrate.ts"], {
      env: { ...process.env, DATABASE_URL: asAppRole(templateUrl), DATABASE_MIGRATION_URL: templateUrl },
      stdio: ["ignore", "ignore", "pipe"],
      encoding: "utf8",
    });
  } catch (error) {
    await dropRunDatabases();
    throw new Error(`npm run db:migrate failed: ${(error as { stderr?: string }).stderr ?? error}`);
  }
  project.provide("postgresTemplateUrl", templateUrl);
  project.provide("postgresRunPrefix", prefix);
  return dropRunDatabases;
}
