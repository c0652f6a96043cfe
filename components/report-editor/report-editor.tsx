"use client";

import Link from "next/link";
import { useEffect, useMemo, useRef, useState } from "react";
import { OriginBadge, ReportStatusBadge } from "@/components/ui/badges";
import { isoDay } from "@/server/domain/fiscal-year";
import { checkReport, thaiToday, type ReportProblem, type RuleContext } from "@/server/domain/report-rules";
import { formatThaiDate } from "@/server/domain/thai-format";
import { CompletenessMeter } from "./completeness-meter";
import { DateProblemsProvider, dateProblems } from "./date-problems";
import { ConflictPanel } from "./conflict-panel";
import { HeaderSection } from "./header-section";
import { IssuesSection } from "./issues-section";
import { ItaResultsSection } from "./ita-results-section";
import { ProblemList } from "./problem-list";
import { RestoreOffer } from "./restore-offer";
import { SaveStatus } from "./save-status";
import { SubmitButton, type Refusal } from "./submit-button";
import { ReturnSummary, ReviewNotesProvider } from "./review-notes";
import type { EditorReport } from "./types";
import { useAutosave } from "./use-autosave";

/**
 * The preparer's editor of one yearly report: memo, ITA results, issues and measures, autosaved.
 * `chainWarning`: what the page says of the sign-off chain before sending (a step nobody can
 * sign), shown after a returned report's reason and remarks, which come first.
 */
export function ReportEditor({ report, chainWarning }: { report: EditorReport; chainWarning?: React.ReactNode }) {
  const draft = useAutosave(report);
  const { content, dispatch } = draft;
  const { fiscalYear } = report;
  // The rules the server checks before sending, against the same year, deadline and day.
  const ruleContext: RuleContext = useMemo(
    () => ({
      year: { yearBe: fiscalYear.yearBe, start: fiscalYear.start, end: fiscalYear.end },
      memoDateLatest: isoDay(new Date(fiscalYear.submissionDeadline)),
      today: thaiToday(),
    }),
    [fiscalYear.yearBe, fiscalYear.start, fiscalYear.end, fiscalYear.submissionDeadline],
  );
  const check = useMemo(() => checkReport(content, ruleContext), [content, ruleContext]);
  // A refusal from the server, with the content it judged (what was on screen when sending).
  const [refusal, setRefusal] = useState<(Refusal & { judged: typeof content }) | null>(null);
  const refused = refusal && { problems: refusal.server ?? check.problems, judged: refusal.server ? refusal.judged : null };
  const datesProblems = dateProblems({ content, year: fiscalYear, saveProblem: draft.saveProblem, refusal: refused });

  return (
    <ReviewNotesProvider report={report}>
    <DateProblemsProvider value={datesProblems}>
    <div>
      <div className="mb-4">
        <Link href={`/reports/${report.id}`} className="text-sm text-teal-700 hover:underline">
          ← กลับไปหน้ารายงาน
        </Link>
        <h1 className="mt-1 text-2xl font-bold text-slate-900">
          <span className="block text-lg text-teal-800">{report.organization.nameTh}</span>
          รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ {fiscalYear.yearBe}
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          <ReportStatusBadge status={report.status} />
          <OriginBadge origin={report.origin} />
          <span className="ml-2">กำหนดส่ง {formatThaiDate(fiscalYear.submissionDeadline)}</span>
        </p>
      </div>

      {/* A returned report: why, and every remark still open, before anything else. */}
      <div className="mb-4 empty:hidden">
        <ReturnSummary report={report} issues={content.issues} />
      </div>
      {chainWarning}
      {/* Save state and submit stay in view while scrolling a long report. */}
      <div className="sticky top-0 z-20 -mx-4 mb-4 flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 bg-slate-50/95 px-4 py-2 backdrop-blur">
        <SaveStatus state={draft.state} conflict={draft.conflict !== null} onRetry={draft.retry} />
        <SubmitButton
          reportId={report.id}
          flush={draft.flush}
          currentVersion={draft.currentVersion}
          check={check}
          onRefusal={(next) => setRefusal(next && { ...next, judged: content })}
          disabled={draft.conflict !== null}
        />
      </div>

      <div className="mb-4 space-y-4 empty:hidden">
        {refused && <SubmitRefusal problems={refused.problems} live={!refused.judged} onClose={() => setRefusal(null)} />}
        {draft.backupOffer && <RestoreOffer backup={draft.backupOffer} onRestore={draft.restoreBackup} onDiscard={draft.discardBackup} />}
        {draft.conflict && (
          <ConflictPanel conflict={draft.conflict} mine={content} onAdoptLatest={draft.adoptLatest} onOverwrite={draft.overwriteWithMine} />
        )}
      </div>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <aside className="lg:order-last">
          <div className="lg:sticky lg:top-20">
            <CompletenessMeter check={check} />
          </div>
        </aside>
        <div className="min-w-0 space-y-6">
          <HeaderSection header={content.header} dispatch={dispatch} />
          <ItaResultsSection
            organizationId={report.organization.id}
            yearBe={fiscalYear.yearBe}
            results={report.itaResults}
            levelLabels={report.levelLabels}
          />
          <IssuesSection issues={content.issues} fiscalYear={fiscalYear} organizationId={report.organization.id} unitSuggestions={report.unitSuggestions} dispatch={dispatch} />
        </div>
      </div>
    </div>
    </DateProblemsProvider>
    </ReviewNotesProvider>
  );
}

/** Why the report was not sent: every problem, each a link to its field. */
function SubmitRefusal({ problems, live, onClose }: { problems: ReportProblem[]; live: boolean; onClose: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.scrollIntoView({ behavior: "smooth", block: "center" });
    heading.current?.focus({ preventScroll: true });
  }, []);
  const done = live && problems.length === 0;
  return (
    <section
      data-testid="submit-refusal"
      role="alert"
      className={`scroll-mt-24 rounded-lg border-2 p-4 ${done ? "border-emerald-400 bg-emerald-50" : "border-amber-400 bg-amber-50"}`}
    >
      <div className="flex items-start justify-between gap-2">
        <h2 ref={heading} tabIndex={-1} className="font-semibold text-slate-900 outline-none">
          {done ? "แก้ไขครบแล้ว เสนอรายงานได้" : `ยังเสนอรายงานไม่ได้ ต้องแก้ไขอีก ${problems.length} รายการ`}
        </h2>
        <button type="button" onClick={onClose} className="shrink-0 rounded border border-slate-300 bg-white px-2 py-0.5 text-xs hover:bg-slate-100">
          ปิด
        </button>
      </div>
      {!done && (
        <>
          <p className="mt-1 text-sm text-slate-600">คลิกแต่ละรายการเพื่อไปยังช่องที่ต้องแก้ไข</p>
          <ProblemList problems={problems} className="mt-2" />
        </>
      )}
    </section>
  );
}
