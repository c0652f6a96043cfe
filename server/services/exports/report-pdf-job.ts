// Report PDFs are drawn by a worker, never in the web process: ten people printing at once must
// not stall every other request. The PDF of one content of a report (the data the report page
// shows, hashed) is drawn once and kept in shared storage for a month: the next download of the
// same revision, on any instance, streams the stored file.
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import superjson, { type SuperJSONResult } from "superjson";
import type { DigitStyle } from "@/server/domain/thai-format";
import { defineJob } from "@/server/jobs/job-kind";
import { enqueue, getQueue } from "@/server/jobs/queue";
import { loadEmblem } from "@/server/services/emblem";
import type { FileStore, StoredFileStream } from "@/server/storage/file-store";
import { renderReportPdf, type ReportData } from "./report-pdf";

const LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
const WAIT_MS = 60_000;
const POLL_MS = 250;

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** The report as every reader prints it: without what depends on the reader (their actions, an editor's suggestions). */
const printedReport = (report: ReportData): ReportData => ({ ...report, actions: [], unitSuggestions: [] });

/** One file per report, digit style, content and emblem: any change to what the PDF shows changes the key. */
export function reportPdfKey(report: ReportData, digits: DigitStyle, emblem: Buffer | null): string {
  const emblemTag = emblem ? createHash("sha256").update(emblem).digest("hex").slice(0, 12) : "none";
  return `report-pdfs/${report.id}/${digits}-${sha256(superjson.stringify(printedReport(report))).slice(0, 40)}-${emblemTag}.pdf`;
}

/** A job id (a UUID, as pg-boss wants) fixed by the file's key, so that requests share one job. */
function jobIdFor(key: string): string {
  const hex = sha256(key);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

type ReportPdfData = { key: string; report: SuperJSONResult; digits: DigitStyle };

export const reportPdfJob = defineJob<ReportPdfData>({
  name: "report-pdf",
  retry: { retryLimit: 2, retryDelay: 2, retryBackoff: true },
  async run({ store }, { key, report, digits }) {
    const pdf = await renderReportPdf(superjson.deserialize<ReportData>(report), { digits, emblem: await loadEmblem(store) });
    await store.put(key, Readable.from([pdf]), { contentType: "application/pdf", lifetimeMs: LIFETIME_MS });
  },
});

const FINISHED = ["completed", "failed", "cancelled"];

/**
 * The report's PDF from shared storage, drawn by a worker first if needed (the caller has
 * already been allowed to read `report`). Null when no worker drew it within a minute or the
 * job failed.
 */
export async function reportPdfFile(store: FileStore, report: ReportData, digits: DigitStyle): Promise<StoredFileStream | null> {
  const key = reportPdfKey(report, digits, await loadEmblem(store));
  const stored = await store.get(key);
  if (stored) return stored;
  const data: ReportPdfData = { key, report: superjson.serialize(printedReport(report)), digits };
  let jobId = jobIdFor(key);
  if ((await enqueue(reportPdfJob, data, { id: jobId })) === null) {
    // The job exists: another request's, still to finish (wait for it), or one whose file has
    // since expired (draw it again).
    const job = await (await getQueue()).getJobById(reportPdfJob.name, jobId);
    if (!job || FINISHED.includes(job.state)) jobId = (await enqueue(reportPdfJob, data))!;
  }
  const queue = await getQueue();
  for (let waited = 0; waited < WAIT_MS; waited += POLL_MS) {
    await sleep(POLL_MS);
    const file = await store.get(key);
    if (file) return file;
    if (waited % 2000 === 0 && (await queue.getJobById(reportPdfJob.name, jobId))?.state === "failed") return null;
  }
  return null;
}
