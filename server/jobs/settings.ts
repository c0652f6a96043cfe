// Queue settings (from server/env.ts).
import { env } from "@/server/env";

export type QueueSettings = {
  /** A job still active this long after it started is failed and retried elsewhere (its worker died). */
  expireSeconds: number;
  /** How often pg-boss's maintenance (expiry, archiving) runs, in one process at a time. */
  maintenanceSeconds: number;
  /** How often an idle worker looks for work. */
  pollingSeconds: number;
};

export function queueSettings(): QueueSettings {
  const { JOB_EXPIRE_SECONDS, JOB_MAINTENANCE_SECONDS } = env();
  return {
    // The national workbook takes about 10 s: two minutes (the default) is ample, and a job
    // whose instance died is retried by another within about two and a half minutes.
    expireSeconds: JOB_EXPIRE_SECONDS,
    maintenanceSeconds: JOB_MAINTENANCE_SECONDS,
    pollingSeconds: 0.5,
  };
}
