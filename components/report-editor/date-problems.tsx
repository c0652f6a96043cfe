"use client";

// The messages the editor's date fields show under themselves (ThaiDateField's `error`): what
// stops the report being saved (the content's schema, checked here and by the server: a period
// that ends before it starts) and, once sending was refused, the refusal's problems with a date
// (the server's, or the editor's own live check). A server's message stays under its field until
// that field is changed; the live check's follow each change.
import { createContext, useContext } from "react";
import type { ReportContent } from "@/server/domain/report-content";
import type { ReportProblem } from "@/server/domain/report-rules";

/** A date field of the editor: "header.memoDate", "measure.<id>.periodStart" or "measure.<id>.periodEnd". */
type DateFieldKey = string;

/** Where a save was refused: the path of the content's field ("issues.0.measures.1.periodEnd"). */
export type SaveProblem = { message: string; path: readonly PropertyKey[] };

const DateProblemsContext = createContext<ReadonlyMap<DateFieldKey, string>>(new Map());

export const DateProblemsProvider = DateProblemsContext.Provider;

/** The message for one date field, if any. */
export const useDateProblem = (key: DateFieldKey) => useContext(DateProblemsContext).get(key) ?? null;

const findMeasure = (content: ReportContent, id: string) =>
  content.issues.flatMap((issue) => issue.measures).find((measure) => measure.id === id);

/** The date field a content path names, or null when it is not a date. */
function dateFieldOfPath(content: ReportContent, path: readonly PropertyKey[]): DateFieldKey | null {
  if (path[0] === "header" && path[1] === "memoDate") return "header.memoDate";
  const [issues, i, measures, j, field] = path;
  if (issues !== "issues" || measures !== "measures" || (field !== "periodStart" && field !== "periodEnd")) return null;
  const measure = content.issues[Number(i)]?.measures[Number(j)];
  return measure ? `measure.${measure.id}.${field}` : null;
}

/**
 * The date fields' messages. `refusal`: the problems sending was refused for, with the content
 * the server judged (null when they are the editor's live check of `content`).
 */
export function dateProblems({
  content,
  year,
  saveProblem,
  refusal,
}: {
  content: ReportContent;
  year: { start: string; end: string };
  saveProblem: SaveProblem | null;
  refusal: { problems: ReportProblem[]; judged: ReportContent | null } | null;
}): Map<DateFieldKey, string> {
  const shown = new Map<DateFieldKey, string>();
  for (const problem of refusal?.problems ?? []) {
    const { judged } = refusal!;
    if (problem.field === "header.memoDate") {
      if (!judged || judged.header.memoDate === content.header.memoDate) shown.set(problem.field, problem.message);
      continue;
    }
    const period = /^measure\.(.+)\.period$/.exec(problem.field);
    const measure = period && findMeasure(content, period[1]!);
    if (!measure) continue;
    const then = judged && findMeasure(judged, measure.id);
    const unchanged = !judged || (then && then.periodStart === measure.periodStart && then.periodEnd === measure.periodEnd && then.periodNote === measure.periodNote);
    if (!unchanged) continue;
    // Under the day that leaves the year: the start when the end is inside it, else the end.
    const endInYear = measure.periodEnd >= year.start && measure.periodEnd <= year.end;
    shown.set(`measure.${measure.id}.${endInYear ? "periodStart" : "periodEnd"}`, problem.message);
  }
  const saveField = saveProblem && dateFieldOfPath(content, saveProblem.path);
  if (saveField) shown.set(saveField, saveProblem.message);
  return shown;
}
