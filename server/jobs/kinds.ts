// Every kind of background job, each defined next to the service it runs. A worker takes jobs
// of all of these; add a new kind here (see DEVELOPERS.md, Background jobs).
import { reportPdfJob } from "@/server/services/exports/report-pdf-job";
import { summaryExportJob } from "@/server/services/exports/export-jobs";
import { mailSweepJob, sendMailJob } from "@/server/services/mail/mail";
import { dailyDigestJob, deadlineRemindersJob } from "@/server/services/notifications/reminders";
import type { JobKind } from "./job-kind";
import { storageCleanupJob } from "./storage-cleanup";

export const JOB_KINDS: JobKind<never>[] = [
  summaryExportJob,
  reportPdfJob,
  storageCleanupJob,
  sendMailJob,
  mailSweepJob,
  deadlineRemindersJob,
  dailyDigestJob,
] as JobKind<never>[];
