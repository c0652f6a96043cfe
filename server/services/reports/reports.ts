// Yearly reports: open one for the editor or a reader, create one (blank or from last year's),
// and save the preparer's edits with an optimistic version check.
import type { Db, DbClient } from "@/server/db/client";
import { Prisma } from "@/server/db/client";
import {
  ORGANIZATION_NODE_SELECT,
  organizationNode,
  requireReadableOrganization,
  type Access,
  type OrganizationNode,
} from "@/server/access/access";
import { can, grantsFor } from "@/server/access/permissions";
import { fiscalYearBounds, isoDay } from "@/server/domain/fiscal-year";
import { personName } from "@/server/domain/thai-format";
import { blankHeader, linkToCatalogue, type CatalogueIssue, type ReportContent } from "@/server/domain/report-content";
import type { ReportContentPatch } from "@/server/domain/report-patch";
import {
  ACTION_REFUSED,
  allowedActions,
  AWAITING_DISTRICT,
  districtStepOf,
  YEAR_CLOSED,
  type DistrictStep,
  type ReportAction,
  type ReportActor,
} from "@/server/domain/report-workflow";
import { AppError, NOT_FOUND_OR_FORBIDDEN } from "@/server/errors";
import { recordAudit, type RequestMetadata } from "../audit";
import { deadlineFor } from "../deadlines";
import { resultView } from "../ita-results";
import { headerColumns, loadReportContent, writeReportContent } from "./content-store";

export const STALE_VERSION_MESSAGE =
  "มีผู้อื่นบันทึกรายงานนี้ไปก่อนแล้ว ระบบแสดงฉบับล่าสุดให้ ข้อความที่คุณพิมพ์ยังเก็บไว้ให้คัดลอกหรือบันทึกทับได้";

export function reportActor(access: Access, node: OrganizationNode): ReportActor {
  return {
    isEditor: can(access, "report.prepare", node),
    signerSteps: grantsFor(access, "report.endorse", node).flatMap((grant) => (grant.signOffStep ? [grant.signOffStep] : [])),
    isReviewer: can(access, "report.review", node),
    mayEndorseForDistrict: can(access, "report.endorseForDistrict", node),
    mayAcceptAfterDistrict: can(access, "report.acceptAfterDistrict", node),
    mayReopen: can(access, "report.reopen", node),
    mayReroute: can(access, "report.reroute", node),
  };
}

/** The report's state as allowedActions judges it: with its district step where its province requires one. */
const withDistrictStep = <R extends { districtEndorsedAt: Date | null; organization: { district: { province: { requireDistrictEndorsement: boolean } } } }>(report: R) => ({
  ...report,
  districtStep: districtStepOf(report.organization.district.province.requireDistrictEndorsement, report.districtEndorsedAt),
});

/** Loads the report's state and checks that the caller may take the action now. */
export async function requireReportAction(db: DbClient, access: Access, reportId: string, action: ReportAction) {
  const row = await db.yearlyReport.findUnique({
    where: { id: reportId },
    include: {
      organization: { select: { ...ORGANIZATION_NODE_SELECT, district: { select: { provinceId: true, province: { select: { requireDistrictEndorsement: true } } } } } },
      fiscalYear: { select: { yearBe: true, isOpen: true } },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", NOT_FOUND_OR_FORBIDDEN);
  const report = withDistrictStep(row);
  const node = organizationNode(report.organization);
  const actor = reportActor(access, node);
  if (!allowedActions(report, actor, report.fiscalYear).includes(action)) {
    // Someone who may not even read the organisation learns nothing about the report.
    if (!can(access, "organization.read", node)) throw new AppError("NOT_FOUND", NOT_FOUND_OR_FORBIDDEN);
    const closedYear = !report.fiscalYear.isOpen && allowedActions(report, actor, { isOpen: true }).includes(action);
    const awaitingDistrict = action === "accept" && report.districtStep === "awaiting" && actor.isReviewer;
    throw new AppError("FORBIDDEN", closedYear ? YEAR_CLOSED(report.fiscalYear.yearBe) : awaitingDistrict ? AWAITING_DISTRICT : ACTION_REFUSED[action]);
  }
  return { report, node, actor };
}


async function loadReportRow(db: DbClient, where: Prisma.YearlyReportWhereInput) {
  return db.yearlyReport.findFirst({
    where,
    include: {
      organization: { include: { district: { include: { province: true } } } },
      fiscalYear: {
        include: {
          suggestedIssues: { orderBy: { ordinal: "asc" }, include: { resultItems: { orderBy: { ordinal: "asc" } } } },
          indicators: { orderBy: { number: "asc" } },
        },
      },
      signOffs: { orderBy: { signedAt: "asc" } },
      comments: { orderBy: { createdAt: "asc" } },
    },
  });
}

/** Everything a page needs to show, edit, endorse or review one report. */
export async function getReport(db: DbClient, access: Access, reportId: string) {
  const row = await loadReportRow(db, { id: reportId });
  if (!row) throw new AppError("NOT_FOUND", NOT_FOUND_OR_FORBIDDEN);
  const report = withDistrictStep(row);
  const node = organizationNode(report.organization);
  if (!can(access, "organization.read", node)) throw new AppError("NOT_FOUND", NOT_FOUND_OR_FORBIDDEN);
  return reportView(db, report, allowedActions(report, reportActor(access, node), report.fiscalYear));
}

/**
 * An accepted report as anybody may read it (its public page and memo PDF): no action, no
 * reviewer's comment. Null for a report that is not accepted or does not exist.
 */
export async function getPublishedReport(db: DbClient, reportId: string) {
  const report = await loadReportRow(db, { id: reportId, status: "ACCEPTED" });
  return report && reportView(db, withDistrictStep({ ...report, comments: [] }), []);
}

async function reportView(
  db: DbClient,
  report: NonNullable<Awaited<ReturnType<typeof loadReportRow>>> & { districtStep: DistrictStep },
  actions: ReportAction[],
) {
  const node = organizationNode(report.organization);
  const yearBe = report.fiscalYear.yearBe;
  const [content, itaResults, unitSuggestions, levelRules, deadline] = await Promise.all([
    loadReportContent(db, report.id),
    db.itaResult.findMany({
      where: { organizationId: report.organizationId, fiscalYear: { yearBe: { in: [yearBe - 1, yearBe] } } },
      include: { fiscalYear: { select: { yearBe: true } } },
    }),
    // Offered while typing a measure: only an editor needs them.
    actions.includes("edit") ? listResponsibleUnits(db, report.organizationId) : [],
    db.levelRule.findMany({
      where: { fiscalYear: { yearBe: { in: [yearBe - 1, yearBe] } } },
      orderBy: { rank: "asc" },
      select: { label: true, fiscalYear: { select: { yearBe: true } } },
    }),
    deadlineFor(db, { yearBe, provinceId: node.provinceId }),
  ]);
  const levelLabels: Record<number, string[]> = {};
  for (const rule of levelRules) (levelLabels[rule.fiscalYear.yearBe] ??= []).push(rule.label);
  const bounds = fiscalYearBounds(yearBe);
  return {
    id: report.id,
    status: report.status,
    version: report.version,
    origin: report.origin,
    currentStep: report.currentStep,
    signOffRound: report.signOffRound,
    revision: report.revision,
    submittedAt: report.submittedAt,
    districtStep: report.districtStep,
    districtEndorsedAt: report.districtEndorsedAt,
    districtEndorsedByName: report.districtEndorsedByName,
    acceptedAt: report.acceptedAt,
    preparerName: report.preparerName,
    preparerPosition: report.preparerPosition,
    organization: {
      id: report.organization.id,
      nameTh: report.organization.nameTh,
      type: report.organization.type,
      districtNameTh: report.organization.district.nameTh,
      provinceNameTh: report.organization.district.province.nameTh,
    },
    fiscalYear: {
      yearBe,
      start: isoDay(bounds.start),
      end: isoDay(bounds.end),
      submissionDeadline: deadline.deadline, // the province's later one when it has one
      isOpen: report.fiscalYear.isOpen,
      suggestedIssues: report.fiscalYear.suggestedIssues,
      indicators: report.fiscalYear.indicators,
    },
    content,
    actions,
    signOffs: report.signOffs,
    comments: report.comments,
    itaResults: itaResults.map(({ fiscalYear, ...result }) => ({
      ...resultView(result),
      yearBe: fiscalYear.yearBe,
    })),
    unitSuggestions,
    levelLabels,
  };
}

/** Units this organisation has named as responsible before, most used first. */
export async function listResponsibleUnits(db: DbClient, organizationId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ unit: string }[]>`
    SELECT unit FROM "Measure" m
      JOIN "ReportIssue" i ON i.id = m."issueId"
      JOIN "YearlyReport" r ON r.id = i."reportId",
      unnest(m."responsibleUnits") AS unit
     WHERE r."organizationId" = ${organizationId} AND unit <> ''
     GROUP BY unit ORDER BY count(*) DESC, unit LIMIT 50`;
  return rows.map((row) => row.unit);
}

function blankContent(organizationName: string, yearBe: number): ReportContent {
  return { header: blankHeader(organizationName, yearBe), issues: [] };
}

const newId = () => crypto.randomUUID();

/** Last year's issues and measures, results unchecked and periods moved to the new year. */
function carriedForward(previous: ReportContent, yearBe: number, catalogue: (CatalogueIssue & { title: string })[]): ReportContent["issues"] {
  const bounds = fiscalYearBounds(yearBe);
  return previous.issues.map((issue) =>
    linkToCatalogue(
      {
        ...issue,
        id: newId(),
        measures: issue.measures.map((measure) => ({
          ...measure,
          id: newId(),
          periodStart: isoDay(bounds.start),
          periodEnd: isoDay(bounds.end),
          resultItems: measure.resultItems.map((item) => ({ ...item, checked: false })),
          evidenceLinks: [],
        })),
      },
      catalogue.find((candidate) => candidate.title === issue.title),
    ),
  );
}

export const PREPARER_ONLY = "เฉพาะผู้จัดทำรายงานขององค์กรนี้ที่สร้างรายงานได้";
export const REPORT_EXISTS = (yearBe: number) => `องค์กรนี้มีรายงานปีงบประมาณ ${yearBe} อยู่แล้ว`;

/** The fiscal year a new report goes into, with its catalogue: it exists and is open for reports. */
export async function requireOpenYearForReport(db: DbClient, yearBe: number) {
  const fiscalYear = await db.fiscalYear.findUnique({
    where: { yearBe },
    include: { suggestedIssues: { include: { resultItems: true } } },
  });
  if (!fiscalYear) throw new AppError("BAD_REQUEST", `ไม่มีปีงบประมาณ ${yearBe} ในระบบ`);
  if (!fiscalYear.isOpen) throw new AppError("BAD_REQUEST", YEAR_CLOSED(yearBe));
  return fiscalYear;
}

/**
 * The organisation's new report of the year, holding `content`, inside the caller's transaction.
 * A second report of the same organisation and year fails on the unique key (isDuplicateReport).
 */
export async function insertReport(tx: DbClient, node: OrganizationNode, fiscalYearId: string, content: ReportContent) {
  const report = await tx.yearlyReport.create({
    data: {
      organizationId: node.id,
      fiscalYearId,
      ...headerColumns(content.header),
      preparerName: null,
      preparerPosition: null,
    },
  });
  await writeReportContent(tx, { report, content });
  return report;
}

/** The error of a report created while another of the same organisation and year was. */
export const isDuplicateReport = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

export async function createReport(
  db: Db,
  access: Access,
  input: { organizationId: string; yearBe: number; copyFromPrevious: boolean },
  request?: RequestMetadata,
) {
  const node = await requireReadableOrganization(db, access, input.organizationId);
  if (!can(access, "report.prepare", node)) throw new AppError("FORBIDDEN", PREPARER_ONLY);
  const [organization, fiscalYear] = await Promise.all([
    db.localOrganization.findUniqueOrThrow({ where: { id: node.id } }),
    requireOpenYearForReport(db, input.yearBe),
  ]);
  const content = blankContent(organization.nameTh, input.yearBe);
  if (input.copyFromPrevious) {
    const previous = await db.yearlyReport.findFirst({
      where: { organizationId: node.id, fiscalYear: { yearBe: input.yearBe - 1 } },
      select: { id: true },
    });
    if (!previous) throw new AppError("BAD_REQUEST", `ไม่มีรายงานปีงบประมาณ ${input.yearBe - 1} ให้คัดลอก`);
    content.issues = carriedForward(await loadReportContent(db, previous.id), input.yearBe, fiscalYear.suggestedIssues);
  }
  try {
    return await db.$transaction(async (tx) => {
      const report = await insertReport(tx, node, fiscalYear.id, content);
      await recordAudit(tx, {
        actor: access,
        request,
        action: input.copyFromPrevious ? "report.create_from_previous" : "report.create",
        entityType: "YearlyReport",
        entityId: report.id,
        scope: { organizationId: node.id, districtId: node.districtId, provinceId: node.provinceId },
        after: { yearBe: input.yearBe, issues: content.issues.length },
      });
      return { id: report.id };
    }, { timeout: 60_000 });
  } catch (error) {
    if (isDuplicateReport(error)) throw new AppError("CONFLICT", REPORT_EXISTS(input.yearBe));
    throw error;
  }
}

export type SaveDraftResult =
  | { ok: true; version: number }
  | { ok: false; reason: "stale"; message: string; version: number; content: ReportContent };

/**
 * Saves the preparer's edits. The save carries the version it started from; a save from an
 * older version is refused and answers with the newer content, so the editor can show both and
 * nothing typed is lost.
 */
export async function saveDraft(
  db: Db,
  access: Access,
  input: { reportId: string; baseVersion: number; content: ReportContentPatch },
  request?: RequestMetadata,
): Promise<SaveDraftResult> {
  const { content } = input; // validated by the procedure's ZReportContentPatch
  const { report, node } = await requireReportAction(db, access, input.reportId, "edit");
  try {
    return await db.$transaction(async (tx) => {
      const bumped = await tx.yearlyReport.updateMany({
        where: { id: report.id, version: input.baseVersion, status: { in: ["DRAFT", "RETURNED"] }, fiscalYear: { isOpen: true } },
        data: {
          version: { increment: 1 },
          ...(content.header ? headerColumns(content.header) : {}),
          preparerName: preparerName(access),
          preparerPosition: access.position,
        },
      });
      if (bumped.count === 0) return staleAnswer(tx, report.id);
      const summary = await writeReportContent(tx, { report, content });
      await recordAudit(tx, {
        actor: access,
        request,
        action: "report.save",
        entityType: "YearlyReport",
        entityId: report.id,
        scope: { organizationId: node.id, districtId: node.districtId, provinceId: node.provinceId },
        before: { version: input.baseVersion },
        after: { version: input.baseVersion + 1, ...summary },
      });
      return { ok: true as const, version: input.baseVersion + 1 };
    }, { timeout: 30_000 });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2002" || error.code === "P2003")) {
      throw new AppError("BAD_REQUEST", "รหัสประเด็นหรือมาตรการซ้ำกับข้อมูลอื่น กรุณาโหลดหน้าใหม่");
    }
    throw error;
  }
}

async function staleAnswer(tx: DbClient, reportId: string): Promise<SaveDraftResult> {
  const latest = await tx.yearlyReport.findUniqueOrThrow({
    where: { id: reportId },
    select: { version: true, status: true, fiscalYear: { select: { yearBe: true, isOpen: true } } },
  });
  if (!latest.fiscalYear.isOpen) throw new AppError("FORBIDDEN", YEAR_CLOSED(latest.fiscalYear.yearBe));
  if (latest.status !== "DRAFT" && latest.status !== "RETURNED") throw new AppError("FORBIDDEN", ACTION_REFUSED.edit);
  return {
    ok: false,
    reason: "stale",
    message: STALE_VERSION_MESSAGE,
    version: latest.version,
    content: await loadReportContent(tx, reportId),
  };
}

export function preparerName(access: Access): string {
  return personName(access.titlePrefix, access.displayName);
}
