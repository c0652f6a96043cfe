// Reads a report's content from its tables and writes an edited content back, touching only
// what changed, so that an autosave of one field stays cheap even in a 200-measure report and
// rows keep their ids (reviewers' comments point at issues and measures).
import type { DbClient, Prisma } from "@/server/db/client";
import { isoDay } from "@/server/domain/fiscal-year";
import { sameContent, type Issue, type Measure, type ReportContent, type ReportHeader } from "@/server/domain/report-content";
import { AppError } from "@/server/errors";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

const contentInclude = {
  issues: {
    orderBy: { ordinal: "asc" },
    include: {
      measures: {
        orderBy: { ordinal: "asc" },
        include: {
          resultItems: { orderBy: { ordinal: "asc" } },
          evidenceLinks: { orderBy: { ordinal: "asc" } },
        },
      },
    },
  },
} satisfies Prisma.YearlyReportInclude;

type ReportRow = Prisma.YearlyReportGetPayload<{ include: typeof contentInclude }>;

export function headerOf(report: Omit<ReportRow, "issues">): ReportHeader {
  return {
    issuingSection: report.issuingSection,
    issuingPhone: report.issuingPhone ?? "",
    documentCode: report.documentCode ?? "",
    documentNumber: report.documentNumber ?? "",
    documentNumberPending: report.documentNumberPending,
    memoDate: report.memoDate ? isoDay(report.memoDate) : null,
    subject: report.subject,
    addressee: report.addressee,
    body: report.body ?? "",
  };
}

function contentOf(report: ReportRow): ReportContent {
  return {
    header: headerOf(report),
    issues: report.issues.map((issue) => ({
      id: issue.id,
      title: issue.title,
      indicatorNumbers: issue.indicatorNumbers,
      suggestedIssueId: issue.suggestedIssueId,
      measures: issue.measures.map((measure) => ({
        id: measure.id,
        title: measure.title,
        steps: measure.steps,
        periodStart: isoDay(measure.periodStart),
        periodEnd: isoDay(measure.periodEnd),
        // Only when given: submissions stored before the note existed compare equal without it.
        ...(measure.periodNote ? { periodNote: measure.periodNote } : {}),
        responsibleUnits: measure.responsibleUnits,
        resultItems: measure.resultItems.map(({ text, checked, standardItemId }) => ({ text, checked, standardItemId })),
        outcomes: measure.outcomes,
        evidenceLinks: measure.evidenceLinks.map(({ url, label }) => ({ url, label })),
      })),
    })),
  };
}

export async function loadReportContent(db: DbClient, reportId: string): Promise<ReportContent> {
  const report = await db.yearlyReport.findUnique({ where: { id: reportId }, include: contentInclude });
  if (!report) throw new AppError("NOT_FOUND", "ไม่พบรายงาน");
  return contentOf(report);
}

export function headerColumns(header: ReportHeader) {
  return {
    issuingSection: header.issuingSection,
    issuingPhone: header.issuingPhone || null,
    documentCode: header.documentCode || null,
    documentNumber: header.documentNumber || null,
    documentNumberPending: header.documentNumberPending ?? false,
    memoDate: header.memoDate ? day(header.memoDate) : null,
    subject: header.subject,
    addressee: header.addressee,
    body: header.body || null,
  };
}

const measureColumns = (measure: Measure, issueId: string, ordinal: number) => ({
  issueId,
  ordinal,
  title: measure.title,
  steps: measure.steps,
  periodStart: day(measure.periodStart),
  periodEnd: day(measure.periodEnd),
  periodNote: measure.periodNote || null,
  responsibleUnits: measure.responsibleUnits,
  outcomes: measure.outcomes,
});

const issueColumns = (issue: Issue, ordinal: number) => ({
  ordinal,
  title: issue.title,
  indicatorNumbers: issue.indicatorNumbers,
  suggestedIssueId: issue.suggestedIssueId,
});


/** Catalogue references must be of the report's own fiscal year. */
async function assertCatalogueOfYear(tx: DbClient, fiscalYearId: string, next: ReportContent) {
  const issueIds = [...new Set(next.issues.map((issue) => issue.suggestedIssueId).filter((id): id is string => !!id))];
  const itemIds = [
    ...new Set(
      next.issues.flatMap((issue) =>
        issue.measures.flatMap((measure) => measure.resultItems.map((item) => item.standardItemId)),
      ).filter((id): id is string => !!id),
    ),
  ];
  const [issues, items] = await Promise.all([
    issueIds.length ? tx.suggestedIssue.count({ where: { id: { in: issueIds }, fiscalYearId } }) : 0,
    itemIds.length ? tx.standardResultItem.count({ where: { id: { in: itemIds }, suggestedIssue: { fiscalYearId } } }) : 0,
  ]);
  if (issues !== issueIds.length || items !== itemIds.length) {
    throw new AppError("BAD_REQUEST", "ประเด็นหรือผลการดำเนินการที่เลือกไม่อยู่ในกรอบของปีงบประมาณนี้");
  }
}

export type ContentWriteSummary = { changedIssues: string[]; changedMeasures: string[]; removed: string[] };

/**
 * Writes `next` over `current` (both of the same report). Run inside the transaction that
 * checked the report's version. Ids new to this report are created; an id that belongs to
 * another report makes the insert fail, so nothing of another report is ever touched.
 */
export async function writeReportContent(
  tx: DbClient,
  report: { id: string; fiscalYearId: string },
  current: ReportContent,
  next: ReportContent,
): Promise<ContentWriteSummary> {
  await assertCatalogueOfYear(tx, report.fiscalYearId, next);
  const currentIssues = new Map(current.issues.map((issue, index) => [issue.id, { issue, index }]));
  const currentMeasures = new Map(
    current.issues.flatMap((issue) => issue.measures.map((measure, index) => [measure.id, { measure, issueId: issue.id, index }] as const)),
  );
  const nextMeasureIds = new Set(next.issues.flatMap((issue) => issue.measures.map((measure) => measure.id)));
  const summary: ContentWriteSummary = { changedIssues: [], changedMeasures: [], removed: [] };

  // New issues first: measures may move into them.
  const newIssues = next.issues.map((issue, index) => ({ issue, index })).filter(({ issue }) => !currentIssues.has(issue.id));
  if (newIssues.length) {
    await tx.reportIssue.createMany({
      data: newIssues.map(({ issue, index }) => ({ id: issue.id, reportId: report.id, ...issueColumns(issue, index + 1) })),
    });
  }
  for (const [index, issue] of next.issues.entries()) {
    const previous = currentIssues.get(issue.id);
    if (!previous) {
      summary.changedIssues.push(issue.id);
      continue;
    }
    const { measures: _a, ...before } = previous.issue;
    const { measures: _b, ...after } = issue;
    if (previous.index !== index || !sameContent(before, after)) {
      await tx.reportIssue.update({ where: { id: issue.id }, data: issueColumns(issue, index + 1) });
      summary.changedIssues.push(issue.id);
    }
  }

  const removedMeasures = [...currentMeasures.keys()].filter((id) => !nextMeasureIds.has(id));
  if (removedMeasures.length) {
    await tx.measure.deleteMany({ where: { id: { in: removedMeasures }, issue: { reportId: report.id } } });
    summary.removed.push(...removedMeasures);
  }

  const createdMeasures: { measure: Measure; issueId: string; ordinal: number }[] = [];
  for (const issue of next.issues) {
    for (const [index, measure] of issue.measures.entries()) {
      const previous = currentMeasures.get(measure.id);
      if (!previous) {
        createdMeasures.push({ measure, issueId: issue.id, ordinal: index + 1 });
        continue;
      }
      const moved = previous.issueId !== issue.id || previous.index !== index;
      // An autosave changes one measure of up to 200: compare each whole first.
      if (!moved && sameContent(previous.measure, measure)) continue;
      summary.changedMeasures.push(measure.id);
      const { resultItems: itemsBefore, evidenceLinks: linksBefore, ...fieldsBefore } = previous.measure;
      const { resultItems, evidenceLinks, ...fields } = measure;
      if (moved || !sameContent(fieldsBefore, fields)) {
        await tx.measure.update({ where: { id: measure.id }, data: measureColumns(measure, issue.id, index + 1) });
      }
      if (!sameContent(itemsBefore, resultItems)) {
        await tx.measureResultItem.deleteMany({ where: { measureId: measure.id } });
        await tx.measureResultItem.createMany({
          data: resultItems.map((item, ordinal) => ({ measureId: measure.id, ordinal: ordinal + 1, ...item })),
        });
      }
      if (!sameContent(linksBefore, evidenceLinks)) {
        await tx.evidenceLink.deleteMany({ where: { measureId: measure.id } });
        await tx.evidenceLink.createMany({
          data: evidenceLinks.map((link, ordinal) => ({ measureId: measure.id, ordinal: ordinal + 1, ...link })),
        });
      }
    }
  }
  if (createdMeasures.length) {
    await tx.measure.createMany({
      data: createdMeasures.map(({ measure, issueId, ordinal }) => ({ id: measure.id, ...measureColumns(measure, issueId, ordinal) })),
    });
    await tx.measureResultItem.createMany({
      data: createdMeasures.flatMap(({ measure }) =>
        measure.resultItems.map((item, ordinal) => ({ measureId: measure.id, ordinal: ordinal + 1, ...item })),
      ),
    });
    await tx.evidenceLink.createMany({
      data: createdMeasures.flatMap(({ measure }) =>
        measure.evidenceLinks.map((link, ordinal) => ({ measureId: measure.id, ordinal: ordinal + 1, ...link })),
      ),
    });
    summary.changedMeasures.push(...createdMeasures.map(({ measure }) => measure.id));
  }

  const removedIssues = [...currentIssues.keys()].filter((id) => !next.issues.some((issue) => issue.id === id));
  if (removedIssues.length) {
    await tx.reportIssue.deleteMany({ where: { id: { in: removedIssues }, reportId: report.id } });
    summary.removed.push(...removedIssues);
  }
  return summary;
}
