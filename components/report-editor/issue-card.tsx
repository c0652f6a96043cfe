"use client";

import { memo, type Dispatch } from "react";
import { LIMITS, type Issue } from "@/server/domain/report-content";
import { newMeasure, type ContentAction } from "./content-reducer";
import { RowControls, secondaryButton, TextField } from "./fields";
import { MeasureCard } from "./measure-card";
import { IssueInsightHint } from "@/components/insight/issue-insight-hint";
import { ReviewNotesBeside } from "./review-notes";
import type { EditorFiscalYear } from "./types";

/**
 * One issue and its measures. Memoised: a keystroke changes one issue object only, so in a long
 * report (up to 200 measures) the other cards are not re-rendered on every key.
 */
export const IssueCard = memo(function IssueCard({
  issue,
  index,
  count,
  fiscalYear,
  organizationId,
  unitSuggestions,
  measuresInReport,
  dispatch,
}: {
  issue: Issue;
  index: number;
  count: number;
  fiscalYear: EditorFiscalYear;
  organizationId: string;
  unitSuggestions: string[];
  measuresInReport: number;
  dispatch: Dispatch<ContentAction>;
}) {
  const number = index + 1;
  const what = `ประเด็นที่ ${number}`;
  const issueId = issue.id;
  const headingId = `issue-${issueId}-heading`;
  const suggested = fiscalYear.suggestedIssues.find((candidate) => candidate.id === issue.suggestedIssueId);
  const toggleIndicator = (indicator: number, on: boolean) =>
    dispatch({
      type: "updateIssue",
      issueId,
      patch: {
        indicatorNumbers: on
          ? [...issue.indicatorNumbers, indicator].sort((a, b) => a - b)
          : issue.indicatorNumbers.filter((n) => n !== indicator),
      },
    });

  return (
    <section id={`issue-${issueId}`} data-testid="issue-card" className="scroll-mt-24 space-y-4 rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
      <div className="flex items-center justify-between gap-2">
        <h3 id={headingId} className="text-lg font-semibold">
          {what}
        </h3>
        <RowControls
          describedBy={headingId}
          index={index}
          count={count}
          onMove={(offset) => dispatch({ type: "moveIssue", issueId, offset })}
          onRemove={() => {
            const measures = issue.measures.length ? ` และมาตรการทั้ง ${issue.measures.length} มาตรการ` : "";
            if (window.confirm(`ลบ${what}${measures} ใช่หรือไม่?`)) dispatch({ type: "removeIssue", issueId });
          }}
        />
      </div>

      <ReviewNotesBeside issueId={issueId} />

      <div data-field={`issue.${issueId}.title`}>
        <TextField label="ชื่อประเด็น" multiline value={issue.title} onChange={(title) => dispatch({ type: "updateIssue", issueId, patch: { title } })} />
        {suggested && <p className="mt-1 text-xs text-slate-500">จากประเด็นแนะนำของปีงบประมาณ {fiscalYear.yearBe}</p>}
      </div>

      {suggested && <IssueInsightHint organizationId={organizationId} yearBe={fiscalYear.yearBe} issueTitle={suggested.title} />}

      {fiscalYear.indicators.length > 0 && (
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">ตัวชี้วัดที่เกี่ยวข้อง</legend>
          <div className="mt-1 grid gap-1 sm:grid-cols-2">
            {fiscalYear.indicators.map((indicator) => (
              <label key={indicator.id} className="flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  className="mt-1 size-4 shrink-0 accent-teal-700"
                  checked={issue.indicatorNumbers.includes(indicator.number)}
                  onChange={(event) => toggleIndicator(indicator.number, event.target.checked)}
                />
                <span>
                  ตัวชี้วัดที่ {indicator.number} {indicator.nameTh}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      )}

      <div className="space-y-3" data-field={`issue.${issueId}.measures`}>
        {issue.measures.length === 0 && <p className="text-sm text-slate-500">ยังไม่มีมาตรการในประเด็นนี้</p>}
        {issue.measures.map((measure, measureIndex) => {
          const measureId = measure.id;
          return (
            <MeasureCard
              key={measureId}
              measure={measure}
              number={`${number}.${measureIndex + 1}`}
              index={measureIndex}
              count={issue.measures.length}
              year={fiscalYear}
              standardItems={suggested?.resultItems ?? []}
              unitSuggestions={unitSuggestions}
              onChange={(patch) => dispatch({ type: "updateMeasure", issueId, measureId, patch })}
              onMove={(offset) => dispatch({ type: "moveMeasure", issueId, measureId, offset })}
              onRemove={() => dispatch({ type: "removeMeasure", issueId, measureId })}
            />
          );
        })}
        <button
          type="button"
          className={secondaryButton}
          disabled={measuresInReport >= LIMITS.measures}
          onClick={() => dispatch({ type: "addMeasure", issueId, measure: newMeasure(fiscalYear) })}
        >
          + เพิ่มมาตรการ
        </button>
      </div>
    </section>
  );
});
