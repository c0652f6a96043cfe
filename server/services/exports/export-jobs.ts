// Summary exports of an area as background jobs: one path for every size and format.
//
// Why jobs: a national workbook holds every measure of the year (some 150,000 rows) and takes
// seconds to write; a request that waited for it would time out in a proxy and could not show
// progress, and it would hold the web process's event loop. So `export.start` checks access and
// input, records the ExportJob row and its AuditEvent in one transaction, and queues a job
// (server/jobs) that any worker of any instance takes: it writes the file into shared storage
// (server/storage, key "exports/<job id>", kept a day) and its progress into the ExportJob row.
// The browser polls `export.status` on whichever instance and downloads from
// /api/exports/<job id>. Only the requester sees a job or its file. The export is audited when
// it is asked for: what was exported, by whom, with which filters. A job whose worker died is
// retried by another (pg-boss expiry); one that keeps failing ends FAILED.
import { once } from "node:events";
import { PassThrough, type Writable } from "node:stream";
import type { Db, DbClient } from "@/server/db/client";
import type { ExportJob } from "@/server/db/generated/client";
import type { ExportFormat } from "@/server/db/generated/enums";
import { requireReviewableArea, type Access, type AreaNode } from "@/server/access/access";
import { AppError, NOT_FOUND_OR_FORBIDDEN } from "@/server/errors";
import { defineJob } from "@/server/jobs/job-kind";
import { enqueue } from "@/server/jobs/queue";
import { recordAudit, type RequestMetadata } from "@/server/services/audit";
import { ZAreaOverviewInput, type AreaOverviewInput } from "@/server/services/dashboard/overview";
import type { FileStore } from "@/server/storage/file-store";
import { fileNamePart } from "./report-export";
import { summaryCsv } from "./summary-csv";
import {
  checkSummaryInput,
  countMeasures,
  loadIssueAdoption,
  loadSummary,
  measureBatches,
  type SummaryExportInput,
} from "./summary-data";
import { drawSummaryPdf } from "./summary-pdf";
import { writeSummaryWorkbook } from "./summary-xlsx";

const FILE_LIFETIME_MS = 24 * 60 * 60 * 1000;
const FAILED_MESSAGE = "สร้างไฟล์ไม่สำเร็จ กรุณาลองใหม่อีกครั้ง";

const FORMAT_FILE: Record<ExportFormat, { extension: string; contentType: string }> = {
  PDF: { extension: "pdf", contentType: "application/pdf" },
  XLSX: { extension: "xlsx", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  CSV: { extension: "csv", contentType: "text/csv; charset=utf-8" },
};

export const exportFileKey = (jobId: string) => `exports/${jobId}`;

function jobArea(job: Pick<ExportJob, "areaKind" | "areaId">): AreaNode {
  if (job.areaKind === "national") return { kind: "national" };
  return { kind: job.areaKind as "district" | "province", id: job.areaId! };
}

async function auditScope(db: DbClient, area: AreaNode) {
  if (area.kind === "national") return {};
  if (area.kind === "province") return { provinceId: area.id };
  const district = await db.district.findUniqueOrThrow({ where: { id: area.id }, select: { provinceId: true } });
  return { districtId: area.id, provinceId: district.provinceId };
}

/**
 * Queues a summary export of an area the caller reviews (checked by areaProcedure). Refuses a
 * bad filter before anything is written; otherwise the job and its audit row commit together.
 */
export async function startSummaryExport(
  db: Db,
  access: Access,
  request: RequestMetadata,
  area: AreaNode,
  input: SummaryExportInput,
): Promise<{ jobId: string }> {
  await checkSummaryInput(db, area, input);
  const { format, ...rest } = input;
  const filters: AreaOverviewInput = {
    yearBe: rest.yearBe,
    districtId: rest.districtId ?? null,
    organizationType: rest.organizationType ?? null,
    includeUnaccepted: rest.includeUnaccepted,
    includeUnconfirmed: rest.includeUnconfirmed !== false,
  };
  const scope = await auditScope(db, area);
  const job = await db.$transaction(async (tx) => {
    const created = await tx.exportJob.create({
      data: { requesterId: access.userId, areaKind: area.kind, areaId: area.kind === "national" ? null : area.id, filters, format },
    });
    await recordAudit(tx, {
      actor: access,
      request,
      action: "area.export_summary",
      entityType: "ExportJob",
      entityId: created.id,
      scope,
      after: { format, area, ...filters },
    });
    return created;
  });
  try {
    await enqueue(summaryExportJob, { exportJobId: job.id });
  } catch (error) {
    await markFailed(db, job.id, FAILED_MESSAGE);
    throw error;
  }
  return { jobId: job.id };
}

const markFailed = (db: Db, jobId: string, error: string) =>
  db.exportJob.updateMany({ where: { id: jobId, status: { in: ["QUEUED", "RUNNING"] } }, data: { status: "FAILED", error, finishedAt: new Date() } });

/**
 * The job: writes the file into shared storage, its progress into the ExportJob row. A retry
 * starts over. A refusal the user can act on (AppError) ends the job at once; anything else is
 * retried, and the job is marked FAILED when pg-boss gives up on it.
 */
export const summaryExportJob = defineJob<{ exportJobId: string }>({
  name: "summary-export",
  retry: { retryLimit: 2, retryDelay: 5, retryBackoff: true },
  async run({ db, store }, { exportJobId }) {
    const job = await db.exportJob.findUnique({ where: { id: exportJobId } });
    if (!job || job.status === "DONE" || job.status === "FAILED") return;
    await db.exportJob.update({ where: { id: job.id }, data: { status: "RUNNING", startedAt: new Date(), progress: 0, rowsWritten: 0, error: null } });
    try {
      const { fileName, rows, bytes } = await storeSummary(db, store, job);
      await db.exportJob.update({
        where: { id: job.id },
        data: { status: "DONE", progress: 1, rowsWritten: rows, fileName, fileBytes: bytes, finishedAt: new Date() },
      });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      await markFailed(db, job.id, error.message);
    }
  },
  async givenUp({ db }, { exportJobId }) {
    await markFailed(db, exportJobId, FAILED_MESSAGE);
  },
});

async function storeSummary(db: Db, store: FileStore, job: ExportJob) {
  const body = new PassThrough();
  const stored = store.put(exportFileKey(job.id), body, { contentType: FORMAT_FILE[job.format].contentType, lifetimeMs: FILE_LIFETIME_MS });
  try {
    const produced = await produceSummary(db, jobArea(job), ZAreaOverviewInput.parse(job.filters), job.format, body, (progress) =>
      db.exportJob.update({ where: { id: job.id }, data: progress }).then(() => undefined),
    );
    const { bytes } = await stored;
    return { ...produced, bytes };
  } catch (error) {
    body.destroy();
    await stored.catch(() => undefined);
    throw error;
  }
}

type Progress = { progress: number; rowsWritten?: number; rowsTotal?: number };

/** Reads the data through the dashboard services and writes the file of one format into `output` (ended when done). */
export async function produceSummary(
  db: Db,
  area: AreaNode,
  input: AreaOverviewInput,
  format: ExportFormat,
  output: Writable,
  report: (progress: Progress) => Promise<void> = async () => {},
): Promise<{ fileName: string; rows: number }> {
  // Independent reads run together; the CSV needs the organisations only.
  const [{ overview, header, organizations }, adoption, measureCount] = await Promise.all([
    loadSummary(db, area, input),
    format === "CSV" ? null : loadIssueAdoption(db, area, input),
    format === "XLSX" ? countMeasures(db, area, input) : 0,
  ]);
  const fileName = `สรุปผล-ITA-${input.yearBe}-${fileNamePart(header.area.nameTh)}.${FORMAT_FILE[format].extension}`;
  if (format === "CSV" || !adoption) {
    output.end(summaryCsv(organizations), "utf8");
    await once(output, "finish");
    return { fileName, rows: organizations.length };
  }
  if (format === "PDF") {
    await report({ progress: 0.5, rowsWritten: organizations.length, rowsTotal: organizations.length });
    const doc = drawSummaryPdf({ header, overview, organizations, adoption });
    doc.pipe(output);
    doc.end();
    await once(output, "finish");
    return { fileName, rows: organizations.length };
  }
  const total = organizations.length + measureCount;
  await report({ progress: organizations.length / Math.max(1, total), rowsWritten: organizations.length, rowsTotal: total });
  const measures = await writeSummaryWorkbook(output, { header, overview, organizations, adoption }, measureBatches(db, area, input), measureCount, (written) =>
    report({ progress: (organizations.length + written) / Math.max(1, total), rowsWritten: organizations.length + written }),
  );
  return { fileName, rows: organizations.length + measures };
}

// ── Status and download: the requester's own jobs only ─────────────────────────────────

export type ExportJobView = {
  id: string;
  format: ExportFormat;
  status: ExportJob["status"];
  progress: number;
  rowsWritten: number;
  rowsTotal: number | null;
  fileName: string | null;
  fileBytes: number | null;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  downloadUrl: string | null;
};

/**
 * The caller's own job, while the caller still reviews its area: an account that lost the role
 * loses its exports too (status and download alike).
 */
async function ownJob(db: DbClient, access: Access, jobId: string): Promise<ExportJob> {
  const job = await db.exportJob.findFirst({ where: { id: jobId, requesterId: access.userId } });
  if (!job) throw new AppError("NOT_FOUND", NOT_FOUND_OR_FORBIDDEN);
  await requireReviewableArea(db, access, jobArea(job));
  return job;
}

export async function getExportJob(db: DbClient, access: Access, jobId: string): Promise<ExportJobView> {
  const job = await ownJob(db, access, jobId);
  return {
    id: job.id,
    format: job.format,
    status: job.status,
    progress: job.progress,
    rowsWritten: job.rowsWritten,
    rowsTotal: job.rowsTotal,
    fileName: job.fileName,
    fileBytes: job.fileBytes,
    error: job.error,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
    downloadUrl: job.status === "DONE" ? `/api/exports/${job.id}` : null,
  };
}

/**
 * The finished file of the caller's own job (see ownJob), as a stream from shared storage. A
 * missing file (removed after a day) is NOT_FOUND with its own message.
 */
export async function openExportDownload(db: Db, store: FileStore, access: Access, jobId: string) {
  const job = await ownJob(db, access, jobId);
  if (job.status !== "DONE" || !job.fileName) throw new AppError("NOT_FOUND", NOT_FOUND_OR_FORBIDDEN);
  const file = await store.get(exportFileKey(job.id));
  if (!file) throw new AppError("NOT_FOUND", "ไฟล์นี้หมดอายุแล้ว กรุณาสั่งส่งออกใหม่");
  return { stream: file.stream, bytes: file.bytes, fileName: job.fileName, contentType: file.contentType };
}
