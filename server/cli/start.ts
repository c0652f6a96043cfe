// npm start — serves Prongsai on $PORT (default 3000) and runs a background worker.
// Embedded mode (no DATABASE_URL): applies migrations, loads the demo data into an empty
// database and prints the demo accounts; the server runs the worker itself (one process owns
// the database). Production (DATABASE_URL): requires AUTH_SECRET; the database is migrated
// beforehand with `npm run db:migrate`; a worker process runs beside the server, so every
// instance adds one. Builds the app when no build is present or the sources are newer.
import { spawn } from "node:child_process";
import { openDatabase } from "@/server/db/client";
import { databaseConfigFromEnv } from "@/server/db/connection";
import { env, InvalidEnvironmentError } from "@/server/env";
import { MissingAuthSecretError, resolveAuthSecret } from "@/server/auth/secret";
import { isDatabaseEmpty, seedDemoData } from "@/prisma/seed/demo";
import { resolveDemoPassword, storedDemoPassword } from "@/prisma/seed/demo-password";
import { buildIfNeeded } from "./build";
import { printDemoAccounts } from "./print";

async function prepareEmbeddedDatabase() {
  const config = databaseConfigFromEnv();
  if (config.kind !== "pglite") return;
  const database = await openDatabase(config);
  try {
    if (await isDatabaseEmpty(database.db)) {
      console.log("ฐานข้อมูลว่าง: กำลังใส่ข้อมูลสาธิตจังหวัดสมุทรสงคราม…");
      const accounts = await seedDemoData(database.db, { password: resolveDemoPassword(config) });
      printDemoAccounts(accounts.map((account) => account.username), resolveDemoPassword(config));
    } else {
      const password = storedDemoPassword(config);
      if (password) printDemoAccounts(["admin", "province.skm", "district.mueang", "thaihad.editor", "…"], password);
    }
  } finally {
    // The server opens the embedded database itself: one process at a time.
    await database.close();
  }
}

async function main() {
  let authSecret: string;
  try {
    authSecret = resolveAuthSecret();
  } catch (error) {
    if (error instanceof MissingAuthSecretError || error instanceof InvalidEnvironmentError) {
      console.error(`เริ่มระบบไม่ได้: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const { PORT: port, NEXTAUTH_URL } = env();
  buildIfNeeded();
  await prepareEmbeddedDatabase();
  const childEnv = { ...process.env, AUTH_SECRET: authSecret, NEXTAUTH_URL: NEXTAUTH_URL ?? `http://localhost:${port}` };
  // Node itself runs each child (with tsx's loader), not `npx tsx`: no npm or tsx wrapper process
  // in between to handle a stop signal its own way, so a stop drains the server (server/lifecycle.ts).
  const run = (script: string, extraEnv: Record<string, string> = {}) =>
    spawn(process.execPath, ["--import", "tsx", script], { stdio: "inherit", env: { ...childEnv, ...extraEnv } });
  const children = [run("server/cli/serve.ts", { PORT: String(port) })];
  if (databaseConfigFromEnv().kind === "postgresql") children.push(run("server/cli/worker.ts"));
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => children.forEach((child) => child.kill(signal)));
  // One gone (crashed or stopped): stop the other too, so a supervisor restarts the pair.
  for (const child of children) {
    child.on("exit", (code) => {
      for (const other of children) if (other !== child) other.kill("SIGTERM");
      process.exit(code ?? 0);
    });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
