// The worker inside the web server, for the embedded database only (see instrumentation.ts).
import { getDatabase } from "@/server/db/client";
import { databaseConfigFromEnv } from "@/server/db/connection";
import { createFileStore } from "@/server/storage/file-store";
import { getQueue } from "./queue";
import { startWorkers } from "./worker";

export async function startEmbeddedWorker(): Promise<void> {
  if (databaseConfigFromEnv().kind !== "pglite") return;
  const { db } = await getDatabase();
  await startWorkers(await getQueue(), { db, store: createFileStore(db) });
}
