// The secret that signs session tokens. Production (a PostgreSQL server) must be given one;
// the embedded set-up generates it once and keeps it in the data folder.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databaseConfigFromEnv } from "@/server/db/connection";
import { parseEnv, type EnvSource } from "@/server/env";

export class MissingAuthSecretError extends Error {
  constructor() {
    super(
      "AUTH_SECRET is required when DATABASE_URL is set (production). " +
        "Generate one with: openssl rand -base64 32",
    );
  }
}

export function resolveAuthSecret(source?: EnvSource): string {
  const env = parseEnv(source);
  const given = env.AUTH_SECRET ?? env.NEXTAUTH_SECRET;
  if (given) return given;
  const database = databaseConfigFromEnv(source);
  if (database.kind === "postgresql") throw new MissingAuthSecretError();
  const file = path.join(database.dataDir, "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(database.dataDir, { recursive: true });
    // "wx" keeps a secret written meanwhile by another process rather than replacing it.
    try {
      fs.writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return fs.readFileSync(file, "utf8").trim();
}
