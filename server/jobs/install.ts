// pg-boss's schema and every kind's queue, made through the privileged connection by
// `npm run db:migrate`: pg-boss creates a table per queue, which the app role may use but not
// create (it owns nothing). A kind added later gets its queue at the next db:migrate.
import { ensureQueue, openQueue } from "./queue";
import { JOB_KINDS } from "./kinds";

export async function installQueues(migrationUrl: string): Promise<void> {
  const queue = await openQueue({ queueConnection: { connectionString: migrationUrl } }, { poolSize: 1 });
  try {
    for (const kind of JOB_KINDS) await ensureQueue(queue, kind);
  } finally {
    await queue.stop({ graceful: false, wait: true });
  }
}
