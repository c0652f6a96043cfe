// Reads a report's content from its tables and writes an edited content back, touching only
// what changed, so that an autosave of one field stays cheap even in a 200-measure report and
// rows keep their ids (reviewers' comments point at issues and measures).
import type { DbClient, Prisma } from "@/server/db/client";
import { isoDay } from "@/server/domain/fiscal-year";
import { DUPLICATE_IDS, LIMITS, sameContent, TOO_MANY_MEASURES, type Issue, type Measure, type ReportContent, type ReportHeader } from "@/server/domain/report-content";
import { isUnchanged, type MeasureEntry, type ReportContentPatch, type WholeIssue, type WholeMeasure } from "@/server/domain/report-patch";
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
      measures: issue.measures.map(measureOf),
    })),
  };
}

function measureOf(measure: ReportRow["issues"][number]["measures"][number]): Measure {
  return {
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

const issueColumns = (issue: IssueFields, ordinal: number) => ({
  ordinal,
  title: issue.title,
  indicatorNumbers: issue.indicatorNumbers,
  suggestedIssueId: issue.suggestedIssueId,
});


type IssueFields = Omit<Issue, "measures">;

/** Catalogue references must be of the report's own fiscal year (those of unchanged entries were checked when they were saved). */
async function assertCatalogueOfYear(tx: DbClient, fiscalYearId: string, issues: IssueFields[], measures: Measure[]) {
  const issueIds = [...new Set(issues.map((issue) => issue.suggestedIssueId).filter((id): id is string => !!id))];
  const itemIds = [
    ...new Set(measures.flatMap((measure) => measure.resultItems.map((item) => item.standardItemId)).filter((id): id is string => !!id)),
  ];
  const [issueCount, itemCount] = await Promise.all([
    issueIds.length ? tx.suggestedIssue.count({ where: { id: { in: issueIds }, fiscalYearId } }) : 0,
    itemIds.length ? tx.standardResultItem.count({ where: { id: { in: itemIds }, suggestedIssue: { fiscalYearId } } }) : 0,
  ]);
  if (issueCount !== issueIds.length || itemCount !== itemIds.length) {
    throw new AppError("BAD_REQUEST", "ประเด็นหรือผลการดำเนินการที่เลือกไม่อยู่ในกรอบของปีงบประมาณนี้");
  }
}

export type ContentWriteSummary = { changedIssues: string[]; changedMeasures: string[]; removed: string[] };

/** A patch naming as unchanged an issue or measure that the report does not hold (its base is not what is stored). */
const NOT_HELD = "เนื้อหาที่ส่งมาไม่ตรงกับรายงานที่บันทึกไว้ กรุณาโหลดหน้าใหม่";

const issueFields = ({ id, title, indicatorNumbers, suggestedIssueId }: IssueFields): IssueFields => ({ id, title, indicatorNumbers, suggestedIssueId });
const withoutMarker = <T extends { unchanged?: unknown }>({ unchanged: _marker, ...rest }: T) => rest;

/**
 * Brings the report's stored content to `content`, a patch against what it holds (a whole content
 * is one too): reads the outline of issues and measures and the stored form of only the measures
 * sent whole, and writes only what differs. Run inside the transaction that checked the report's
 * version. Ids new to this report are created; an id that belongs to another report makes the
 * insert fail, so nothing of another report is ever touched.
 */
export async function writeReportContent(
  tx: DbClient,
  { report, content }: { report: { id: string; fiscalYearId: string }; content: ReportContentPatch },
): Promise<ContentWriteSummary> {
  const wholeIssues = content.issues.filter((issue): issue is WholeIssue => !isUnchanged(issue));
  const wholeMeasures = wholeIssues.flatMap((issue) => issue.measures.filter((measure): measure is WholeMeasure => !isUnchanged(measure)));
  const outline = await tx.reportIssue.findMany({
    where: { reportId: report.id },
    orderBy: { ordinal: "asc" },
    select: { id: true, title: true, indicatorNumbers: true, suggestedIssueId: true, measures: { orderBy: { ordinal: "asc" }, select: { id: true } } },
  });
  const storedMeasures = wholeMeasures.length
    ? await tx.measure.findMany({
        where: { id: { in: wholeMeasures.map((measure) => measure.id) }, issue: { reportId: report.id } },
        include: { resultItems: { orderBy: { ordinal: "asc" } }, evidenceLinks: { orderBy: { ordinal: "asc" } } },
      })
    : [];
  const storedForm = new Map(storedMeasures.map((measure) => [measure.id, measureOf(measure)]));
  const currentIssues = new Map(outline.map((issue, index) => [issue.id, { fields: issueFields(issue), index, measureIds: issue.measures.map(({ id }) => id) }]));
  const currentMeasures = new Map(outline.flatMap((issue) => issue.measures.map(({ id }, index) => [id, { issueId: issue.id, index }] as const)));

  // The new outline: each issue with its measures in order, an unchanged entry standing for what is stored.
  const next = content.issues.map((entry) => {
    if (!isUnchanged(entry)) return { fields: issueFields(entry), whole: true, measures: entry.measures };
    const held = currentIssues.get(entry.id);
    if (!held) throw new AppError("BAD_REQUEST", NOT_HELD);
    return { fields: held.fields, whole: false, measures: held.measureIds.map((id): MeasureEntry => ({ id, unchanged: true })) };
  });
  const nextMeasureIds = next.flatMap((issue) => issue.measures.map((measure) => measure.id));
  if (nextMeasureIds.length > LIMITS.measures) throw new AppError("BAD_REQUEST", TOO_MANY_MEASURES);
  if (new Set(nextMeasureIds).size !== nextMeasureIds.length) throw new AppError("BAD_REQUEST", DUPLICATE_IDS);
  if (next.some((issue) => issue.measures.some((measure) => isUnchanged(measure) && !currentMeasures.has(measure.id)))) {
    throw new AppError("BAD_REQUEST", NOT_HELD);
  }
  await assertCatalogueOfYear(tx, report.fiscalYearId, wholeIssues, wholeMeasures);
  const summary: ContentWriteSummary = { changedIssues: [], changedMeasures: [], removed: [] };

  // New issues first: measures may move into them.
  const newIssues = next.map((issue, index) => ({ issue, index })).filter(({ issue }) => !currentIssues.has(issue.fields.id));
  if (newIssues.length) {
    await tx.reportIssue.createMany({
      data: newIssues.map(({ issue, index }) => ({ id: issue.fields.id, reportId: report.id, ...issueColumns(issue.fields, index + 1) })),
    });
    summary.changedIssues.push(...newIssues.map(({ issue }) => issue.fields.id));
  }
  for (const [index, issue] of next.entries()) {
    const previous = currentIssues.get(issue.fields.id);
    if (!previous) continue;
    if (previous.index !== index || (issue.whole && !sameContent(previous.fields, issue.fields))) {
      await tx.reportIssue.update({ where: { id: issue.fields.id }, data: issueColumns(issue.fields, index + 1) });
      summary.changedIssues.push(issue.fields.id);
    }
  }

  const kept = new Set(nextMeasureIds);
  const removedMeasures = [...currentMeasures.keys()].filter((id) => !kept.has(id));
  if (removedMeasures.length) {
    await tx.measure.deleteMany({ where: { id: { in: removedMeasures }, issue: { reportId: report.id } } });
    summary.removed.push(...removedMeasures);
  }

  const createdMeasures: { measure: Measure; issueId: string; ordinal: number }[] = [];
  for (const issue of next) {
    const issueId = issue.fields.id;
    for (const [index, entry] of issue.measures.entries()) {
      const previous = currentMeasures.get(entry.id);
      const moved = !!previous && (previous.issueId !== issueId || previous.index !== index);
      if (isUnchanged(entry)) {
        if (moved) {
          await tx.measure.update({ where: { id: entry.id }, data: { issueId, ordinal: index + 1 } });
          summary.changedMeasures.push(entry.id);
        }
        continue;
      }
      const measure = withoutMarker(entry);
      const stored = storedForm.get(measure.id);
      if (!previous || !stored) {
        createdMeasures.push({ measure, issueId, ordinal: index + 1 });
        continue;
      }
      // An autosave changes one measure of up to 200: compare each whole first.
      if (!moved && sameContent(stored, measure)) continue;
      summary.changedMeasures.push(measure.id);
      const { resultItems: itemsBefore, evidenceLinks: linksBefore, ...fieldsBefore } = stored;
      const { resultItems, evidenceLinks, ...fields } = measure;
      if (moved || !sameContent(fieldsBefore, fields)) {
        await tx.measure.update({ where: { id: measure.id }, data: measureColumns(measure, issueId, index + 1) });
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

  const listed = new Set(next.map((issue) => issue.fields.id));
  const removedIssues = [...currentIssues.keys()].filter((id) => !listed.has(id));
  if (removedIssues.length) {
    await tx.reportIssue.deleteMany({ where: { id: { in: removedIssues }, reportId: report.id } });
    summary.removed.push(...removedIssues);
  }
  return summary;
}
