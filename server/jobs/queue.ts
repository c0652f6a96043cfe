// The job queue: pg-boss on the application's own database (schema "pgboss", which Prisma's
// migrations never see: they only manage "public"). On a PostgreSQL server it has its own small
// pool; on the embedded database it shares PGlite's one connection (see queueConnectionOnPGlite).
import PgBoss from "pg-boss";
import { getDatabase, type OpenDatabase } from "@/server/db/client";
import { logger } from "@/server/logger";
import { givenUpQueueName, type JobKind } from "./job-kind";
import { queueSettings } from "./settings";

export async function openQueue(database: Pick<OpenDatabase, "queueConnection">, options: { poolSize?: number } = {}): Promise<PgBoss> {
  const settings = queueSettings();
  const queue = new PgBoss({
    ...database.queueConnection,
    schema: "pgboss",
    max: options.poolSize ?? 2,
    // Every process supervises (expires jobs of dead workers, archives): pg-boss lets one of
    // them do it per interval.
    supervise: true,
    maintenanceIntervalSeconds: settings.maintenanceSeconds,
    schedule: true,
  });
  queue.on("error", (error) => logger.error({ err: error }, "job queue error"));
  await queue.start();
  return queue;
}

// One queue per process, like the database (Next bundles routes apart).
const globalForQueue = globalThis as unknown as { prongsaiQueue?: Promise<PgBoss>; prongsaiQueues?: Set<string> };

export function getQueue(): Promise<PgBoss> {
  globalForQueue.prongsaiQueue ??= getDatabase().then((database) => openQueue(database));
  return globalForQueue.prongsaiQueue;
}

/** Stops the process's queue if it was opened; jobs still running after `timeoutMs` expire and are retried elsewhere. */
export async function stopProcessQueue(timeoutMs = 10_000): Promise<void> {
  const queue = globalForQueue.prongsaiQueue;
  globalForQueue.prongsaiQueue = undefined;
  if (queue) await (await queue).stop({ graceful: true, wait: true, timeout: timeoutMs });
}

/** Makes `queue` this process's queue: tests and scripts that open a database of their own. */
export function setProcessQueue(queue: PgBoss): void {
  globalForQueue.prongsaiQueue = Promise.resolve(queue);
  globalForQueue.prongsaiQueues = new Set();
}

/** Job options of a kind: its retries, the common expiry and its dead-letter queue. */
function jobOptions(kind: JobKind<never>) {
  const { expireSeconds } = queueSettings();
  return { ...kind.retry, expireInSeconds: expireSeconds, ...(kind.givenUp ? { deadLetter: givenUpQueueName(kind) } : {}) };
}

/** Creates the kind's queue (and its dead-letter queue) once per process. */
export async function ensureQueue(queue: PgBoss, kind: JobKind<never>): Promise<void> {
  const created = (globalForQueue.prongsaiQueues ??= new Set());
  if (created.has(kind.name)) return;
  if (kind.givenUp) await queue.createQueue(givenUpQueueName(kind), { name: givenUpQueueName(kind) });
  await queue.createQueue(kind.name, { name: kind.name, ...jobOptions(kind) });
  created.add(kind.name);
}

/**
 * Queues a job. Never call it inside a database transaction: on the embedded database it would
 * wait for that transaction to end. Returns the job id, or null when `options.id` is taken.
 */
export async function enqueue<Data extends object>(kind: JobKind<Data>, data: Data, options: { id?: string } = {}): Promise<string | null> {
  const queue = await getQueue();
  await ensureQueue(queue, kind as JobKind<never>);
  return queue.send(kind.name, data, { ...jobOptions(kind as JobKind<never>), ...options });
}
