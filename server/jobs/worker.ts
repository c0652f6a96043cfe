// A worker: takes jobs of every kind from the queue, one at a time per kind in this process
// (two national workbooks never hold memory together in one process), and schedules the
// periodic ones. `npm run worker` runs one alone; `npm start` runs one beside the web server;
// the embedded mode runs it inside the web server (instrumentation.ts).
import type PgBoss from "pg-boss";
import { logger } from "@/server/logger";
import { givenUpQueueName, type JobContext } from "./job-kind";
import { JOB_KINDS } from "./kinds";
import { ensureQueue } from "./queue";
import { queueSettings } from "./settings";

/** A job's data; a scheduled (cron) job carries none, and pg-boss gives null for it. */
const dataOf = (job: { data: object | null }) => (job.data ?? {}) as never;

export async function startWorkers(queue: PgBoss, ctx: JobContext): Promise<void> {
  const { pollingSeconds } = queueSettings();
  const options = { batchSize: 1, includeMetadata: true as const, pollingIntervalSeconds: pollingSeconds };
  for (const kind of JOB_KINDS) {
    await ensureQueue(queue, kind);
    await queue.work<object>(kind.name, options, async ([job]) => {
      try {
        await kind.run(ctx, dataOf(job!), { id: job!.id, retryCount: job!.retryCount, retryLimit: job!.retryLimit });
      } catch (error) {
        logger.error({ err: error, job: { kind: kind.name, id: job!.id, retryCount: job!.retryCount } }, "job failed");
        throw error;
      }
    });
    const givenUp = kind.givenUp;
    if (givenUp) await queue.work<object>(givenUpQueueName(kind), options, ([job]) => givenUp(ctx, dataOf(job!)));
    if (kind.cron) await queue.schedule(kind.name, kind.cron);
  }
}
