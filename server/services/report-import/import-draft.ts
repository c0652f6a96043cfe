// The report import flow (issue 12, item 5): the preparer's file or pasted text → a preview of
// what the importer read, written nowhere → a draft report of the organisation for a fiscal
// year. The draft is made from the source read again on the server (never from a structure the
// browser sends), never over a report past the draft stage, and over a draft only when the
// preparer confirmed replacing it.
import type { Access, OrganizationNode } from "@/server/access/access";
import { requireReadableOrganization } from "@/server/access/access";
import { can } from "@/server/access/permissions";
import type { Db, DbClient } from "@/server/db/client";
import type { ReportStatus } from "@/server/db/generated/enums";
import type { LevelRuleInput } from "@/server/domain/ita-level";
import { linkToCatalogue, ZReportContent, type CatalogueIssue, type ReportContent } from "@/server/domain/report-content";
import { toReportContent } from "@/server/domain/report-import/to-content";
import type { ParsedReport } from "@/server/domain/report-import/types";
import { AppError } from "@/server/errors";
import { recordAudit, type RequestMetadata } from "@/server/services/audit";
import { importFileBytes, importFileFields } from "@/server/services/imports/upload";
import {
  insertReport,
  isDuplicateReport,
  PREPARER_ONLY,
  REPORT_EXISTS,
  requireOpenYearForReport,
} from "@/server/services/reports/reports";
import { headerColumns, writeReportContent } from "@/server/services/reports/content-store";
import { yearBeSchema, z } from "@/server/validation";
import { IMPORT_ERRORS, importReportDocument, MAX_REPORT_BYTES, type DocumentFormat } from "./read-document";

/** What the preparer gives: a file (.txt, .html, .docx, .pdf) or text pasted into the page. */
export const ZReportSource = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("file"), ...importFileFields(MAX_REPORT_BYTES, IMPORT_ERRORS.tooLarge) }),
  z.strictObject({ kind: z.literal("text"), text: z.string({ error: "กรุณาวางข้อความรายงาน" }).max(MAX_REPORT_BYTES, IMPORT_ERRORS.tooLarge) }),
]);
export type ReportSource = z.infer<typeof ZReportSource>;

export const ZCreateDraftInput = {
  source: ZReportSource,
  yearBe: yearBeSchema,
  /** The preparer confirmed that the year's existing draft is to be replaced. */
  replaceDraft: z.boolean({ error: "กรุณาระบุว่าจะแทนที่ฉบับร่างเดิมหรือไม่" }),
};

export const DRAFT_EXISTS = (yearBe: number) =>
  `องค์กรนี้มีฉบับร่างรายงานปีงบประมาณ ${yearBe} อยู่แล้ว: ยืนยันเพื่อแทนที่เนื้อหาของฉบับร่างเดิมด้วยรายงานที่นำเข้า`;

/** Why a report in this state cannot be replaced by an imported one. */
export const REPORT_NOT_REPLACEABLE: Record<Exclude<ReportStatus, "DRAFT">, (yearBe: number) => string> = {
  IN_SIGN_OFF: (yearBe) => `รายงานปีงบประมาณ ${yearBe} ขององค์กรนี้อยู่ระหว่างเสนอความเห็น จึงนำเข้าทับไม่ได้`,
  SUBMITTED: (yearBe) => `รายงานปีงบประมาณ ${yearBe} ขององค์กรนี้ส่งจังหวัดแล้ว จึงนำเข้าทับไม่ได้`,
  RETURNED: (yearBe) => `รายงานปีงบประมาณ ${yearBe} ขององค์กรนี้ถูกส่งกลับให้แก้ไข: แก้ไขในหน้ารายงานแทนการนำเข้าทับ`,
  ACCEPTED: (yearBe) => `รายงานปีงบประมาณ ${yearBe} ขององค์กรนี้ได้รับการตรวจรับแล้ว จึงนำเข้าทับไม่ได้`,
};

type Caller = { db: Db; access: Access; organizationId: string };

/** The organisation, when the caller is its preparer; a foreign or missing one is NOT_FOUND. */
async function requirePreparer(db: DbClient, access: Access, organizationId: string): Promise<OrganizationNode> {
  const node = await requireReadableOrganization(db, access, organizationId);
  if (!can(access, "report.prepare", node)) throw new AppError("FORBIDDEN", PREPARER_ONLY);
  return node;
}

/** Each fiscal year's level rules, as the parser judges announced levels by them. */
async function levelRulesByYear(db: DbClient): Promise<Record<number, LevelRuleInput[]>> {
  const years = await db.fiscalYear.findMany({
    select: { yearBe: true, levelRules: { orderBy: { rank: "asc" }, select: { rank: true, label: true, minTotal: true, minEachTool: true } } },
  });
  return Object.fromEntries(
    years.map((year) => [
      year.yearBe,
      year.levelRules.map((rule) => ({
        rank: rule.rank,
        label: rule.label,
        minTotal: Number(rule.minTotal),
        minEachTool: rule.minEachTool === null ? null : Number(rule.minEachTool),
      })),
    ]),
  );
}

/** Reads the source into the importer's structure, or refuses it with the reader's Thai message. */
async function readSource(db: DbClient, source: ReportSource): Promise<{ format: DocumentFormat; text: string; report: ParsedReport }> {
  const bytes = source.kind === "file" ? importFileBytes(source) : new TextEncoder().encode(source.text);
  const result = await importReportDocument(bytes, { levelRules: await levelRulesByYear(db) });
  if (!result.ok) throw new AppError("BAD_REQUEST", result.error);
  return result;
}

/** The organisation's report of each fiscal year (or none), and whether the year is open. */
async function yearsOf(db: DbClient, organizationId: string) {
  const years = await db.fiscalYear.findMany({
    orderBy: { yearBe: "desc" },
    select: { yearBe: true, isOpen: true, reports: { where: { organizationId }, select: { id: true, status: true } } },
  });
  return years.map((year) => ({ yearBe: year.yearBe, isOpen: year.isOpen, report: year.reports[0] ?? null }));
}

export type ImportYear = Awaited<ReturnType<typeof yearsOf>>[number];

/** Reads the source and shows what a draft would hold; writes nothing. */
export async function previewReportImport({ db, access, organizationId, source }: Caller & { source: ReportSource }) {
  await requirePreparer(db, access, organizationId);
  const { format, text, report } = await readSource(db, source);
  const years = await yearsOf(db, organizationId);
  return {
    format,
    /** The text the importer read (a Word file's or a PDF's as text): flags point into it by line and column. */
    sourceText: text,
    report,
    /** The fiscal year the document reports on, when it says. */
    suggestedYearBe: report.fiscalYearBe,
    years,
  };
}

const newId = () => crypto.randomUUID();

/**
 * The draft's content: what the importer read, its issues linked to the year's catalogue by
 * title (as a report carried forward is), checked as every saved content is.
 */
function draftContent(report: ParsedReport, yearBe: number, catalogue: (CatalogueIssue & { title: string })[]): ReportContent {
  const content = toReportContent(report, yearBe, newId);
  content.issues = content.issues.map((issue) => linkToCatalogue(issue, catalogue.find((candidate) => candidate.title === issue.title)));
  const checked = ZReportContent.safeParse(content);
  if (!checked.success) {
    throw new AppError("BAD_REQUEST", `อ่านรายงานได้ แต่สร้างฉบับร่างไม่ได้: ${checked.error.issues[0]?.message ?? "เนื้อหาไม่ถูกต้อง"} (แก้ในไฟล์แล้วนำเข้าใหม่)`);
  }
  return checked.data;
}

/** Reads the source again and makes it the organisation's draft report of the year. */
export async function createImportedDraft({
  db,
  access,
  organizationId,
  source,
  yearBe,
  replaceDraft,
  request,
}: Caller & { source: ReportSource; yearBe: number; replaceDraft: boolean; request?: RequestMetadata }) {
  const node = await requirePreparer(db, access, organizationId);
  const fiscalYear = await requireOpenYearForReport(db, yearBe);
  const existing = await db.yearlyReport.findUnique({
    where: { organizationId_fiscalYearId: { organizationId: node.id, fiscalYearId: fiscalYear.id } },
    select: { id: true, status: true, version: true, fiscalYearId: true },
  });
  if (existing && existing.status !== "DRAFT") throw new AppError("FORBIDDEN", REPORT_NOT_REPLACEABLE[existing.status](yearBe));
  if (existing && !replaceDraft) throw new AppError("CONFLICT", DRAFT_EXISTS(yearBe));
  const { format, report } = await readSource(db, source);
  const content = draftContent(report, yearBe, fiscalYear.suggestedIssues);
  const summary = {
    yearBe,
    format,
    fileName: source.kind === "file" ? source.fileName : null,
    issues: content.issues.length,
    measures: content.issues.reduce((sum, issue) => sum + issue.measures.length, 0),
    flags: report.flags.length,
    unplaced: report.unplaced.length,
  };
  const scope = { organizationId: node.id, districtId: node.districtId, provinceId: node.provinceId };
  try {
    return await db.$transaction(
      async (tx) => {
        if (!existing) {
          const created = await insertReport(tx, node, fiscalYear.id, content);
          await recordAudit(tx, { actor: access, request, action: "report.import", entityType: "YearlyReport", entityId: created.id, scope, after: summary });
          return { id: created.id, replaced: false };
        }
        // Replace the draft only if it still is one (nobody sent it on meanwhile).
        const bumped = await tx.yearlyReport.updateMany({
          where: { id: existing.id, status: "DRAFT", fiscalYear: { isOpen: true } },
          data: { version: { increment: 1 }, ...headerColumns(content.header) },
        });
        if (bumped.count === 0) throw new AppError("CONFLICT", "ฉบับร่างเปลี่ยนสถานะไประหว่างนำเข้า กรุณาโหลดหน้าใหม่แล้วลองอีกครั้ง");
        const issuesBefore = await tx.reportIssue.count({ where: { reportId: existing.id } });
        await writeReportContent(tx, { report: existing, content });
        await recordAudit(tx, {
          actor: access,
          request,
          action: "report.import_replace",
          entityType: "YearlyReport",
          entityId: existing.id,
          scope,
          before: { version: existing.version, issues: issuesBefore },
          after: { version: existing.version + 1, ...summary },
        });
        return { id: existing.id, replaced: true };
      },
      { timeout: 60_000 },
    );
  } catch (error) {
    // Another report of the year was created meanwhile.
    if (isDuplicateReport(error)) throw new AppError("CONFLICT", REPORT_EXISTS(yearBe));
    throw error;
  }
}
