// Every environment variable Prongsai reads, validated in one place. Code asks `env()` (parsed
// once per process) or `parseEnv(source)` (scripts and tests that pass their own variables);
// nothing else reads process.env. Blank values count as unset, so `VAR=` in a compose file or a
// test's environment switches a feature off rather than failing.
import { z } from "zod";

const blankAsUnset = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsUnset, schema.optional());
const text = z.string().trim();

export const envSchema = z.object({
  NODE_ENV: optional(z.enum(["development", "production", "test"])),
  /** A PostgreSQL server (production); unset selects the embedded PGlite database. */
  DATABASE_URL: optional(
    text.regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
  ),
  /**
   * The same database as a role that owns its tables: migrations, seeding, backups and restores
   * use it, while the app connects through DATABASE_URL as the unprivileged role prongsai_app
   * (README, Security model). Unset: DATABASE_URL serves both.
   */
  DATABASE_MIGRATION_URL: optional(
    text.regex(/^postgres(ql)?:\/\//, "DATABASE_MIGRATION_URL must be a postgresql:// URL"),
  ),
  /** The folder of the embedded database, its generated secrets and local files. */
  PRONGSAI_DATA_DIR: optional(text),
  /** Signs session tokens; required with DATABASE_URL (NEXTAUTH_SECRET is the older name). */
  AUTH_SECRET: optional(text),
  NEXTAUTH_SECRET: optional(text),
  /** The public address, used by next-auth and for links in documents. */
  NEXTAUTH_URL: optional(z.url({ error: "NEXTAUTH_URL must be an absolute URL" })),
  PORT: optional(z.coerce.number().int().min(1).max(65535)).default(3000),
  /** The demo accounts' password (embedded demo data). */
  DEMO_PASSWORD: optional(text),
  /** pino's level: fatal, error, warn, info, debug, trace or silent. */
  LOG_LEVEL: optional(z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])).default("info"),
  /** An S3-compatible bucket for stored files (server/storage): http(s)://KEY:SECRET@host[:port]/bucket[?region=…]; unset keeps them in PostgreSQL. */
  S3_URL: optional(z.url({ error: "S3_URL must be an http(s) URL" })),
  /** Seconds after which a running job counts as lost (its worker died) and is retried elsewhere. */
  JOB_EXPIRE_SECONDS: optional(z.coerce.number().int().min(1)).default(120),
  /** Seconds between pg-boss's maintenance runs (expiring lost jobs, archiving). */
  JOB_MAINTENANCE_SECONDS: optional(z.coerce.number().int().min(1)).default(20),
  /**
   * How many proxies in front of the app append to X-Forwarded-For (nginx, a load balancer): the
   * client's address is taken that many entries from the right. 0 (default) ignores the header.
   */
  TRUSTED_PROXY_HOPS: optional(z.coerce.number().int().min(0).max(10)).default(0),
  /** The SMTP server notifications are mailed through: smtp://user:pass@host:587 or smtps://…:465; unset: mail is off. */
  SMTP_URL: optional(text.regex(/^smtps?:\/\//, "SMTP_URL must be an smtp:// or smtps:// URL")),
  /** The sender of notification mail, e.g. "โปร่งใส <noreply@example.go.th>"; required with SMTP_URL. */
  MAIL_FROM: optional(text),
  /** The public address links in e-mails and the public pages' website snippet point to; unset: NEXTAUTH_URL, then http://localhost:PORT (appUrl). */
  APP_URL: optional(z.url({ error: "APP_URL must be an absolute URL" })),
  /** Minutes without a request after which a session ends. */
  SESSION_IDLE_MINUTES: optional(z.coerce.number().int().min(5).max(24 * 60)).default(60),
  /** Hours after sign-in after which a session ends, active or not. */
  SESSION_MAX_HOURS: optional(z.coerce.number().int().min(1).max(30 * 24)).default(12),
});

export type Env = z.infer<typeof envSchema>;
/** A set of variables: the process's, or a script's or test's own. */
export type EnvSource = Readonly<Record<string, string | undefined>>;

export class InvalidEnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((problem) => `- ${problem}`).join("\n")}`);
    this.name = "InvalidEnvironmentError";
  }
}

/** Validates a set of variables (the process's by default); throws one error naming every problem. */
export function parseEnv(source: EnvSource = process.env): Env {
  const parsed = envSchema
    .refine((value) => !value.SMTP_URL || value.MAIL_FROM, { message: "MAIL_FROM is required with SMTP_URL", path: ["MAIL_FROM"] })
    .refine((value) => !value.DATABASE_MIGRATION_URL || value.DATABASE_URL, {
      message: "DATABASE_MIGRATION_URL needs DATABASE_URL (it is the privileged way into the same server)",
      path: ["DATABASE_MIGRATION_URL"],
    })
    .safeParse(source);
  if (parsed.success) return parsed.data;
  throw new InvalidEnvironmentError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
}

let processEnv: Env | undefined;

/** The process's environment, validated on first use. */
export function env(): Env {
  return (processEnv ??= parseEnv());
}

/** The app's public address, without a trailing slash: APP_URL, else NEXTAUTH_URL, else this machine. */
export function appUrl(vars: Env = env()): string {
  return (vars.APP_URL ?? vars.NEXTAUTH_URL ?? `http://localhost:${vars.PORT}`).replace(/\/+$/, "");
}
