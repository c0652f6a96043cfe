// npm run worker — a worker alone: takes background jobs (exports, report PDFs, clean-up) from
// the queue on the PostgreSQL database of DATABASE_URL. Run as many as you like, on any machine.
// The embedded database belongs to one process: there the web server runs the worker itself.
import { getDatabase } from "@/server/db/client";
import { databaseConfigFromEnv } from "@/server/db/connection";
import { getQueue } from "@/server/jobs/queue";
import { stopGracefullyOnSignals } from "@/server/lifecycle";
import { startWorkers } from "@/server/jobs/worker";
import { logger } from "@/server/logger";
import { createFileStore } from "@/server/storage/file-store";

async function main() {
  if (databaseConfigFromEnv().kind !== "postgresql") {
    console.error("npm run worker ต้องใช้ฐานข้อมูล PostgreSQL (DATABASE_URL): ในโหมดฐานข้อมูลฝังตัว npm start ทำงานเบื้องหลังเอง");
    process.exit(1);
  }
  const database = await getDatabase();
  const queue = await getQueue();
  await startWorkers(queue, { db: database.db, store: createFileStore(database.db) });
  logger.info({ pid: process.pid }, "worker ready");
  // Jobs still running when it stops get a few seconds, then expire and are retried by another worker.
  stopGracefullyOnSignals({ drain: async () => undefined });
}

main().catch((error) => {
  logger.fatal({ err: error }, "worker stopped");
  process.exit(1);
});
