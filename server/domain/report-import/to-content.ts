// A parsed report as the content of a draft (ReportContent): the values as read, flags left to
// the user. A measure without a readable period gets the fiscal year's (the usual period);
// the content's own validation still applies when the draft is saved.
import { fiscalYearBounds, isoDay } from "@/server/domain/fiscal-year";
import type { ReportContent } from "@/server/domain/report-content";
import type { ParsedReport } from "./types";

export function toReportContent(report: ParsedReport, yearBe: number, newId: () => string): ReportContent {
  const bounds = fiscalYearBounds(yearBe);
  return {
    header: {
      issuingSection: report.header.issuingSection,
      issuingPhone: report.header.issuingPhone,
      documentCode: report.header.documentCode,
      documentNumber: report.header.documentNumber,
      documentNumberPending: report.header.documentNumberPending,
      memoDate: report.header.memoDate,
      subject: report.header.subject,
      addressee: report.header.addressee,
      body: report.header.body,
    },
    issues: report.issues.map((issue) => ({
      id: newId(),
      title: issue.title,
      indicatorNumbers: [],
      suggestedIssueId: null,
      measures: issue.measures.map((measure) => ({
        id: newId(),
        title: measure.title,
        steps: [...measure.steps],
        periodStart: measure.periodStart ?? isoDay(bounds.start),
        periodEnd: measure.periodEnd ?? isoDay(bounds.end),
        responsibleUnits: [...measure.responsibleUnits],
        resultItems: measure.resultItems.map((item) => ({ ...item, standardItemId: null })),
        outcomes: [...measure.outcomes],
        evidenceLinks: [],
      })),
    })),
  };
}
