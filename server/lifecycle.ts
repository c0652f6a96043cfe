// How a server or worker process stops on SIGINT/SIGTERM (a deploy, a scale-down): first what it
// serves drains (open requests are answered), then its job queue stops (running jobs finish, or
// expire and are retried by another worker), and only then does its database close. Closing the
// database first answered the requests still open with errors.
import { closeDatabaseOnStop, closeProcessDatabase } from "@/server/db/client";
import { stopProcessQueue } from "@/server/jobs/queue";
import { logger } from "@/server/logger";

/** How long open requests get to finish before the process stops anyway (within the 30 s a supervisor such as Kubernetes gives by default). */
const DRAIN_MS = 25_000;

export function stopGracefullyOnSignals(options: { drain: () => Promise<void> }): void {
  closeDatabaseOnStop();
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping: draining open work");
    await Promise.race([options.drain(), new Promise((resolve) => setTimeout(resolve, DRAIN_MS).unref())]);
    await stopProcessQueue();
    await closeProcessDatabase();
    process.exit(0);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      stop(signal).catch((error: unknown) => {
        logger.error({ err: error }, "stopping failed");
        process.exit(1);
      });
    });
  }
}
