// The demo accounts' password: DEMO_PASSWORD when set; otherwise generated once and, on the
// embedded database, kept in the data folder so that every start can print it again.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { DatabaseConfig } from "@/server/db/connection";
import { parseEnv, type EnvSource } from "@/server/env";

const FILE_NAME = "demo-password";

export function demoPasswordFile(config: DatabaseConfig): string | null {
  return config.kind === "pglite" ? path.join(config.dataDir, FILE_NAME) : null;
}

export function resolveDemoPassword(config: DatabaseConfig, source?: EnvSource): string {
  const given = parseEnv(source).DEMO_PASSWORD;
  if (given) return given;
  const file = demoPasswordFile(config);
  if (file && fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const generated = randomBytes(9).toString("base64url");
  if (file) fs.writeFileSync(file, generated, { mode: 0o600 });
  return generated;
}

/** The password to print at start, if this data folder has one. */
export function storedDemoPassword(config: DatabaseConfig, source?: EnvSource): string | null {
  const file = demoPasswordFile(config);
  return parseEnv(source).DEMO_PASSWORD ?? (file && fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim() : null);
}
