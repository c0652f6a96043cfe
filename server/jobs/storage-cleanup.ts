// Removes stored files whose lifetime is over (exports after a day, cached report PDFs after a
// month, writes abandoned by a process that died), every ten minutes.
import { removeExpiredFiles } from "@/server/storage/file-store";
import { defineJob } from "./job-kind";

export const storageCleanupJob = defineJob<object>({
  name: "storage-cleanup",
  retry: { retryLimit: 1, retryDelay: 60, retryBackoff: false },
  cron: "*/10 * * * *",
  async run({ store }) {
    await removeExpiredFiles(store);
  },
});
