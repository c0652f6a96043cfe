// What a kind of background job is. Each kind is defined next to the service it runs
// (e.g. server/services/exports/export-jobs.ts) and listed once in ./kinds.ts.
import type PgBoss from "pg-boss";
import type { Db } from "@/server/db/client";
import type { FileStore } from "@/server/storage/file-store";

export type JobContext = { db: Db; store: FileStore };

export type JobAttempt = { id: string; retryCount: number; retryLimit: number };

export type JobKind<Data extends object> = {
  /** The queue's name: letters, digits, "-" and "_". */
  name: string;
  /** Retries with back-off; the expiry (how soon a job of a dead worker is retried) is settings.ts's. */
  retry: { retryLimit: number; retryDelay: number; retryBackoff: boolean };
  run(ctx: JobContext, data: Data, attempt: JobAttempt): Promise<void>;
  /** Once, when the job is given up: its retries are spent (the last attempt threw or expired). */
  givenUp?(ctx: JobContext, data: Data): Promise<void>;
  /** A cron expression (UTC) when the job also runs on a schedule, with empty data. */
  cron?: string;
};

export const defineJob = <Data extends object>(kind: JobKind<Data>) => kind;

/** Where pg-boss puts a job it gives up on (its dead-letter queue). */
export const givenUpQueueName = (kind: Pick<JobKind<object>, "name">) => `${kind.name}-given-up`;

export type Queue = PgBoss;
