// A real pg-boss queue and worker on a test file's database, as the app runs them.
import { openQueue, setProcessQueue } from "@/server/jobs/queue";
import { startWorkers } from "@/server/jobs/worker";
import { createFileStore } from "@/server/storage/file-store";
import type { TestDatabase } from "./db";

export async function startTestWorker(database: TestDatabase) {
  const queue = await openQueue(database);
  setProcessQueue(queue);
  await startWorkers(queue, { db: database.db, store: createFileStore(database.db) });
  return { queue, stop: () => queue.stop({ graceful: false, wait: true }) };
}
