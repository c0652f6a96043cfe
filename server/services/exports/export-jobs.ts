// Summary exports of an area as background jobs: one path for every size and format.
//
// Why jobs: a national workbook holds every measure of the year (some 150,000 rows) and takes
// seconds to write; a request that waited for it would time out in a proxy and could not show
// progress. So `export.start` checks access and input, records the ExportJob row and its
// AuditEvent in one transaction, and returns at once; the file is produced in this server
// process, one job at a time (a queue, so two national exports never hold memory together),
// into <data folder>/exports/<job id>.<ext>. The browser polls `export.status` for the progress
// and downloads from /api/exports/<job id> when it is done. Only the requester sees a job or
// its file. The export is audited when it is asked for: what was exported, by whom, with which
// filters. Files older than a day are removed when a new job starts (the rows stay, as the
// record); a job left QUEUED or RUNNING by a restarted server is reported as failed.
import fs from "node:fs";
import { once } from "node:events";
import path from "node:path";
import type { Db, DbClient } from "@/server/db/client";
import { dataDirFromEnv } from "@/server/db/connection";
import type { ExportJob } from "@/server/db/generated/client";
import type { ExportFormat } from "@/server/db/generated/enums";
import { requireReviewableArea, loadAccess, type Access, type AreaNode } from "@/server/access/access";
import { AppError, NOT_FOUND_OR_FORBIDDEN } from "@/server/errors";
import { recordAudit, type RequestMetadata } from "@/server/services/audit";
import { ZAreaOverviewInput, type AreaOverviewInput } from "@/server/services/dashboard/overview";
import { fileNamePart } from "./report-export";
import { writeSummaryCsv } from "./summary-csv";
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

const FORMAT_FILE: Record<ExportFormat, { extension: string; contentType: string }> = {
  PDF: { extension: "pdf", contentType: "application/pdf" },
  XLSX: { extension: "xlsx", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  CSV: { extension: "csv", contentType: "text/csv; charset=utf-8" },
};

export const exportDirectory = () => path.join(dataDirFromEnv(), "exports");
const jobFile = (job: Pick<ExportJob, "id" | "format">) => path.join(exportDirectory(), `${job.id}.${FORMAT_FILE[job.format].extension}`);

// The queue lives on globalThis: Next bundles the tRPC route and the download route apart, and
// both must see the same jobs.
type Runner = { tail: Promise<void>; active: Set<string> };
const globalForExports = globalThis as unknown as { prongsaiExports?: Runner };
const runner = (globalForExports.prongsaiExports ??= { tail: Promise.resolve(), active: new Set() });

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
  await removeOldExportFiles();
  runner.active.add(job.id);
  runner.tail = runner.tail.then(async () => {
    try {
      await runJob(db, job.id);
    } finally {
      runner.active.delete(job.id);
    }
  });
  return { jobId: job.id };
}

/** Removes export files older than a day (the job rows stay). */
export async function removeOldExportFiles(now = Date.now()): Promise<void> {
  const dir = exportDirectory();
  const names = await fs.promises.readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const file = path.join(dir, name);
    const stat = await fs.promises.stat(file).catch(() => null);
    if (stat?.isFile() && now - stat.mtimeMs > FILE_LIFETIME_MS) await fs.promises.rm(file, { force: true });
  }
}

async function runJob(db: Db, jobId: string): Promise<void> {
  let part: string | null = null;
  try {
    const job = await db.exportJob.update({ where: { id: jobId }, data: { status: "RUNNING", startedAt: new Date() } });
    const file = jobFile(job);
    part = `${file}.part`;
    await fs.promises.mkdir(exportDirectory(), { recursive: true });
    const { fileName, rows } = await produceSummary(db, jobArea(job), ZAreaOverviewInput.parse(job.filters), job.format, part, (progress) =>
      db.exportJob.update({ where: { id: jobId }, data: progress }).then(() => undefined),
    );
    await fs.promises.rename(part, file);
    const { size } = await fs.promises.stat(file);
    await db.exportJob.update({
      where: { id: jobId },
      data: { status: "DONE", progress: 1, rowsWritten: rows, fileName, fileBytes: size, finishedAt: new Date() },
    });
  } catch (error) {
    console.error(`export ${jobId} failed`, error);
    if (part) await fs.promises.rm(part, { force: true });
    const message = error instanceof AppError ? error.message : "สร้างไฟล์ไม่สำเร็จ กรุณาลองใหม่อีกครั้ง";
    await db.exportJob
      .update({ where: { id: jobId }, data: { status: "FAILED", error: message, finishedAt: new Date() } })
      .catch((failure: unknown) => console.error(`export ${jobId}: could not record the failure`, failure));
  }
}

type Progress = { progress: number; rowsWritten?: number; rowsTotal?: number };

/** Reads the data through the dashboard services and writes the file of one format. */
export async function produceSummary(
  db: Db,
  area: AreaNode,
  input: AreaOverviewInput,
  format: ExportFormat,
  file: string,
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
    await writeSummaryCsv(file, organizations);
    return { fileName, rows: organizations.length };
  }
  if (format === "PDF") {
    await report({ progress: 0.5, rowsWritten: organizations.length, rowsTotal: organizations.length });
    const doc = drawSummaryPdf({ header, overview, organizations, adoption });
    const output = fs.createWriteStream(file);
    doc.pipe(output);
    doc.end();
    await once(output, "finish");
    return { fileName, rows: organizations.length };
  }
  const total = organizations.length + measureCount;
  await report({ progress: organizations.length / Math.max(1, total), rowsWritten: organizations.length, rowsTotal: total });
  const measures = await writeSummaryWorkbook(file, { header, overview, organizations, adoption }, measureBatches(db, area, input), measureCount, (written) =>
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
  let job = await ownJob(db, access, jobId);
  if ((job.status === "QUEUED" || job.status === "RUNNING") && !runner.active.has(job.id)) {
    // No runner here holds it: the server was restarted while it waited or ran.
    job = await db.exportJob.update({
      where: { id: job.id },
      data: { status: "FAILED", error: "การส่งออกถูกขัดจังหวะเพราะระบบเริ่มทำงานใหม่ กรุณาสั่งส่งออกอีกครั้ง", finishedAt: new Date() },
    });
  }
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
 * The finished file of the caller's own job (see ownJob), as a stream. A missing file (removed
 * after a day) is NOT_FOUND with its own message.
 */
export async function openExportDownload(db: Db, userId: string, jobId: string) {
  const access = await loadAccess(db, userId);
  if (!access) throw new AppError("FORBIDDEN", NOT_FOUND_OR_FORBIDDEN);
  const job = await ownJob(db, access, jobId);
  if (job.status !== "DONE" || !job.fileName) throw new AppError("NOT_FOUND", NOT_FOUND_OR_FORBIDDEN);
  const file = jobFile(job);
  const stat = await fs.promises.stat(file).catch(() => null);
  if (!stat) throw new AppError("NOT_FOUND", "ไฟล์นี้หมดอายุแล้ว กรุณาสั่งส่งออกใหม่");
  return { stream: fs.createReadStream(file), bytes: stat.size, fileName: job.fileName, contentType: FORMAT_FILE[job.format].contentType };
}
