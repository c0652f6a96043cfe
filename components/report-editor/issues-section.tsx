"use client";

import { useId, useState, type Dispatch } from "react";
import { LIMITS, type ReportContent } from "@/server/domain/report-content";
import { newIssue, type ContentAction } from "./content-reducer";
import { inputClass, primaryButton } from "./fields";
import { IssueCard } from "./issue-card";
import type { EditorFiscalYear } from "./types";

const OWN_ISSUE = "own";

export function IssuesSection({
  issues,
  fiscalYear,
  organizationId,
  unitSuggestions,
  dispatch,
}: {
  issues: ReportContent["issues"];
  fiscalYear: EditorFiscalYear;
  organizationId: string;
  unitSuggestions: string[];
  dispatch: Dispatch<ContentAction>;
}) {
  const measureCount = issues.reduce((sum, issue) => sum + issue.measures.length, 0);
  return (
    <section id="issues" className="scroll-mt-24 space-y-4">
      <h2 className="text-xl font-semibold">ประเด็นและมาตรการ</h2>
      {issues.length === 0 && <p className="text-slate-600">ยังไม่มีประเด็น เลือกประเด็นแนะนำหรือเขียนประเด็นเองด้านล่าง</p>}
      {issues.map((issue, index) => (
        <IssueCard
          key={issue.id}
          issue={issue}
          index={index}
          count={issues.length}
          fiscalYear={fiscalYear}
          organizationId={organizationId}
          unitSuggestions={unitSuggestions}
          measuresInReport={measureCount}
          dispatch={dispatch}
        />
      ))}
      {issues.length < LIMITS.issues && <AddIssue issues={issues} fiscalYear={fiscalYear} dispatch={dispatch} />}
    </section>
  );
}

/** A suggested issue of the year (its indicators come with it) or one the preparer writes. */
function AddIssue({
  issues,
  fiscalYear,
  dispatch,
}: {
  issues: ReportContent["issues"];
  fiscalYear: EditorFiscalYear;
  dispatch: Dispatch<ContentAction>;
}) {
  const id = useId();
  const [choice, setChoice] = useState("");
  const used = new Set(issues.map((issue) => issue.suggestedIssueId));

  const add = () => {
    const suggested = fiscalYear.suggestedIssues.find((candidate) => candidate.id === choice);
    const issue = suggested
      ? newIssue({ title: suggested.title, indicatorNumbers: suggested.indicatorNumbers, suggestedIssueId: suggested.id })
      : newIssue({ title: "", indicatorNumbers: [], suggestedIssueId: null });
    dispatch({ type: "addIssue", issue });
    setChoice("");
    // Take the preparer to the new card: it is added at the bottom, often off screen.
    requestAnimationFrame(() => document.getElementById(`issue-${issue.id}`)?.scrollIntoView({ behavior: "smooth", block: "start" }));
  };

  return (
    <div className="rounded-lg border border-dashed border-teal-600 bg-teal-50/50 p-3 sm:p-4">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        เพิ่มประเด็น
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <select id={id} value={choice} onChange={(event) => setChoice(event.target.value)} className={`${inputClass} sm:flex-1`}>
          <option value="">— เลือกประเด็นแนะนำ หรือเขียนเอง —</option>
          {fiscalYear.suggestedIssues.map((suggested) => (
            <option key={suggested.id} value={suggested.id} disabled={used.has(suggested.id)}>
              {suggested.title}
              {used.has(suggested.id) ? " (มีในรายงานแล้ว)" : ""}
            </option>
          ))}
          <option value={OWN_ISSUE}>เขียนประเด็นเอง</option>
        </select>
        <button type="button" className={`${primaryButton} mt-1 shrink-0`} disabled={!choice} onClick={add}>
          เพิ่มประเด็น
        </button>
      </div>
    </div>
  );
}
