// Fiscal years and their framework (level rules, tool weights, indicators, suggested issues
// with their standard result items): data set up by administrators, never hard-coded. A year is
// made by copying the one before (copyFiscalYear) and edited section by section (framework-items.ts).
import type { Access } from "@/server/access/access";
import { Prisma, type Db, type DbClient } from "@/server/db/client";
import type { ItaTool } from "@/server/db/generated/enums";
import { fiscalYearBounds, isoDay } from "@/server/domain/fiscal-year";
import { formatThaiDate } from "@/server/domain/thai-format";
import { AppError, fieldError } from "@/server/errors";
import { recordAudit, type RequestMetadata } from "./audit";

export type FiscalYearFrameworkInput = {
  yearBe: number;
  startDate: Date;
  endDate: Date;
  submissionDeadline: Date;
  isOpen: boolean;
  weights: { iit: number; eit: number; oit: number };
  levelRules: { rank: number; label: string; minTotal: number; minEachTool: number | null; passing: boolean }[];
  indicators: { number: number; nameTh: string; tool: ItaTool }[];
  suggestedIssues: { ordinal: number; title: string; indicatorNumbers: number[]; resultItems: string[] }[];
};

/** Creates a fiscal year with its whole framework. Run inside a transaction. */
export async function createFiscalYear(tx: DbClient, input: FiscalYearFrameworkInput) {
  return tx.fiscalYear.create({
    data: {
      yearBe: input.yearBe,
      startDate: input.startDate,
      endDate: input.endDate,
      submissionDeadline: input.submissionDeadline,
      isOpen: input.isOpen,
      weightIit: input.weights.iit,
      weightEit: input.weights.eit,
      weightOit: input.weights.oit,
      levelRules: { create: input.levelRules },
      indicators: { create: input.indicators },
      suggestedIssues: {
        create: input.suggestedIssues.map((issue) => ({
          ordinal: issue.ordinal,
          title: issue.title,
          indicatorNumbers: issue.indicatorNumbers,
          resultItems: { create: issue.resultItems.map((text, index) => ({ ordinal: index + 1, text })) },
        })),
      },
    },
  });
}

export type AdminContext = { db: Db; access: Access; request?: RequestMetadata };

const yearNotFound = (yearBe: number) => new AppError("NOT_FOUND", `ไม่มีปีงบประมาณ ${yearBe} ในระบบ`);

/** The year (id and what its checks need), or NOT_FOUND in Thai. */
export async function requireFiscalYear(db: DbClient, yearBe: number) {
  const year = await db.fiscalYear.findUnique({ where: { yearBe } });
  if (!year) throw yearNotFound(yearBe);
  return year;
}

/** Every year, newest first, with the size of its framework and how many reports it holds. */
export async function listFiscalYears(db: DbClient) {
  const years = await db.fiscalYear.findMany({
    orderBy: { yearBe: "desc" },
    include: { _count: { select: { levelRules: true, indicators: true, suggestedIssues: true, reports: true, deadlineExtensions: true } } },
  });
  return years.map(({ _count, weightIit: _iit, weightEit: _eit, weightOit: _oit, ...year }) => ({ ...year, counts: _count }));
}

/** One year's whole framework, with how many reports use each item (what removing it would affect). */
export async function getFramework(db: DbClient, yearBe: number) {
  const year = await db.fiscalYear.findUnique({
    where: { yearBe },
    include: {
      levelRules: { orderBy: { rank: "asc" } },
      indicators: { orderBy: { number: "asc" } },
      suggestedIssues: {
        orderBy: { ordinal: "asc" },
        include: {
          _count: { select: { reportIssues: true } },
          resultItems: { orderBy: { ordinal: "asc" }, include: { _count: { select: { measureResults: true } } } },
        },
      },
      _count: { select: { reports: true } },
    },
  });
  if (!year) throw yearNotFound(yearBe);
  const indicatorUse = await indicatorUsage(db, year.id, year.indicators.map((indicator) => indicator.number));
  return {
    id: year.id,
    yearBe: year.yearBe,
    startDate: year.startDate,
    endDate: year.endDate,
    submissionDeadline: year.submissionDeadline,
    isOpen: year.isOpen,
    reportCount: year._count.reports,
    levelRules: year.levelRules.map((rule) => ({
      label: rule.label,
      minTotal: rule.minTotal.toNumber(),
      minEachTool: rule.minEachTool?.toNumber() ?? null,
      passing: rule.passing,
    })),
    indicators: year.indicators.map((indicator) => ({
      number: indicator.number,
      nameTh: indicator.nameTh,
      tool: indicator.tool,
      usedBy: indicatorUse.get(indicator.number) ?? 0,
    })),
    suggestedIssues: year.suggestedIssues.map((issue) => ({
      id: issue.id,
      title: issue.title,
      indicatorNumbers: issue.indicatorNumbers,
      usedBy: issue._count.reportIssues,
      resultItems: issue.resultItems.map((item) => ({ id: item.id, text: item.text, usedBy: item._count.measureResults })),
    })),
  };
}

/**
 * How many report issues and ITA indicator scores of the year name each indicator number:
 * indicators are referred to by number, so removing one they name is refused.
 */
export async function indicatorUsage(db: DbClient, fiscalYearId: string, numbers: number[]): Promise<Map<number, number>> {
  if (numbers.length === 0) return new Map();
  const rows = await db.$queryRaw<{ number: number; uses: number }[]>`
    SELECT n AS number, count(*)::int AS uses FROM (
      SELECT unnest(i."indicatorNumbers") AS n
        FROM "ReportIssue" i JOIN "YearlyReport" r ON r.id = i."reportId"
       WHERE r."fiscalYearId" = ${fiscalYearId}
      UNION ALL
      SELECT s."indicatorNumber" FROM "ItaIndicatorScore" s JOIN "ItaResult" t ON t.id = s."itaResultId"
       WHERE t."fiscalYearId" = ${fiscalYearId}
    ) used
    WHERE n = ANY(${numbers})
    GROUP BY n`;
  return new Map(rows.map((row) => [row.number, row.uses]));
}

/** The same day and month one year later (29 February becomes 28 February). */
function oneYearLater(date: Date): Date {
  const next = new Date(Date.UTC(date.getUTCFullYear() + 1, date.getUTCMonth(), date.getUTCDate()));
  return next.getUTCMonth() === date.getUTCMonth() ? next : new Date(Date.UTC(date.getUTCFullYear() + 1, date.getUTCMonth() + 1, 0));
}

/**
 * FY N+1 from FY N in one step: a deep copy of the level rules, weights, indicators, suggested
 * issues and their result items (new rows, nothing shared), the deadline one year later. The new
 * year starts closed, so that nobody reports in it before its framework has been checked.
 */
export async function copyFiscalYear({ db, access, request }: AdminContext, input: { fromYearBe: number }) {
  const source = await db.fiscalYear.findUnique({
    where: { yearBe: input.fromYearBe },
    include: {
      levelRules: { orderBy: { rank: "asc" } },
      indicators: { orderBy: { number: "asc" } },
      suggestedIssues: { orderBy: { ordinal: "asc" }, include: { resultItems: { orderBy: { ordinal: "asc" } } } },
    },
  });
  if (!source) throw yearNotFound(input.fromYearBe);
  const yearBe = source.yearBe + 1;
  const bounds = fiscalYearBounds(yearBe);
  const framework: FiscalYearFrameworkInput = {
    yearBe,
    startDate: bounds.start,
    endDate: bounds.end,
    submissionDeadline: oneYearLater(source.submissionDeadline),
    isOpen: false,
    weights: { iit: source.weightIit.toNumber(), eit: source.weightEit.toNumber(), oit: source.weightOit.toNumber() },
    levelRules: source.levelRules.map((rule) => ({
      rank: rule.rank,
      label: rule.label,
      minTotal: rule.minTotal.toNumber(),
      minEachTool: rule.minEachTool?.toNumber() ?? null,
      passing: rule.passing,
    })),
    indicators: source.indicators.map(({ number, nameTh, tool }) => ({ number, nameTh, tool })),
    suggestedIssues: source.suggestedIssues.map((issue) => ({
      ordinal: issue.ordinal,
      title: issue.title,
      indicatorNumbers: [...issue.indicatorNumbers],
      resultItems: issue.resultItems.map((item) => item.text),
    })),
  };
  try {
    return await db.$transaction(async (tx) => {
      const created = await createFiscalYear(tx, framework);
      await recordAudit(tx, {
        actor: access,
        request,
        action: "fiscal_year.copy",
        entityType: "FiscalYear",
        entityId: created.id,
        after: {
          yearBe,
          fromYearBe: source.yearBe,
          levelRules: framework.levelRules.length,
          indicators: framework.indicators.length,
          suggestedIssues: framework.suggestedIssues.length,
          resultItems: framework.suggestedIssues.reduce((sum, issue) => sum + issue.resultItems.length, 0),
        },
      });
      return { yearBe };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", `ปีงบประมาณ ${yearBe} มีอยู่แล้ว`);
    }
    throw error;
  }
}

/**
 * Opens or closes a year. Closed means no report is created, edited or sent up in it
 * (createReport, allowedActions); signers and reviewers finish what is already on its way.
 */
export async function setFiscalYearOpen({ db, access, request }: AdminContext, input: { yearBe: number; isOpen: boolean }) {
  return db.$transaction(async (tx) => {
    const year = await requireFiscalYear(tx, input.yearBe);
    if (year.isOpen === input.isOpen) return { isOpen: year.isOpen };
    await tx.fiscalYear.update({ where: { id: year.id }, data: { isOpen: input.isOpen } });
    await recordAudit(tx, {
      actor: access,
      request,
      action: input.isOpen ? "fiscal_year.open" : "fiscal_year.close",
      entityType: "FiscalYear",
      entityId: year.id,
      before: { yearBe: year.yearBe, isOpen: year.isOpen },
      after: { yearBe: year.yearBe, isOpen: input.isOpen },
    });
    return { isOpen: input.isOpen };
  });
}

/** The year's submission deadline: on or after the year's first day. */
export async function saveSubmissionDeadline({ db, access, request }: AdminContext, input: { yearBe: number; submissionDeadline: Date }) {
  return db.$transaction(async (tx) => {
    const year = await requireFiscalYear(tx, input.yearBe);
    if (input.submissionDeadline.getTime() < year.startDate.getTime()) {
      throw fieldError(["submissionDeadline"], `กำหนดส่งต้องไม่ก่อนวันเริ่มปีงบประมาณ (${formatThaiDate(year.startDate)})`);
    }
    await tx.fiscalYear.update({ where: { id: year.id }, data: { submissionDeadline: input.submissionDeadline } });
    await recordAudit(tx, {
      actor: access,
      request,
      action: "fiscal_year.deadline",
      entityType: "FiscalYear",
      entityId: year.id,
      before: { yearBe: year.yearBe, submissionDeadline: isoDay(year.submissionDeadline) },
      after: { yearBe: year.yearBe, submissionDeadline: isoDay(input.submissionDeadline) },
    });
    return { submissionDeadline: input.submissionDeadline };
  });
}
