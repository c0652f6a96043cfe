// Every edit of the report's content is one action on an immutable value, so that the autosave
// can tell "changed since the last save" by object identity alone.
import type { Issue, Measure, ReportContent, ReportHeader } from "@/server/domain/report-content";

export type ContentAction =
  | { type: "replace"; content: ReportContent }
  | { type: "header"; field: keyof ReportHeader; value: string | boolean | null }
  | { type: "addIssue"; issue: Issue }
  | { type: "updateIssue"; issueId: string; patch: Partial<Omit<Issue, "id" | "measures">> }
  | { type: "moveIssue"; issueId: string; offset: -1 | 1 }
  | { type: "removeIssue"; issueId: string }
  | { type: "addMeasure"; issueId: string; measure: Measure }
  | { type: "updateMeasure"; issueId: string; measureId: string; patch: Partial<Omit<Measure, "id">> }
  | { type: "moveMeasure"; issueId: string; measureId: string; offset: -1 | 1 }
  | { type: "removeMeasure"; issueId: string; measureId: string };

/** A copy of the list with the item at `index` swapped with its neighbour; unchanged at the ends. */
export function moveItem<T>(items: T[], index: number, offset: -1 | 1): T[] {
  const target = index + offset;
  if (index < 0 || target < 0 || target >= items.length) return items;
  const moved = [...items];
  [moved[index], moved[target]] = [moved[target]!, moved[index]!];
  return moved;
}

const updateIssue = (content: ReportContent, issueId: string, change: (issue: Issue) => Issue): ReportContent => ({
  ...content,
  issues: content.issues.map((issue) => (issue.id === issueId ? change(issue) : issue)),
});

export function contentReducer(content: ReportContent, action: ContentAction): ReportContent {
  switch (action.type) {
    case "replace":
      return action.content;
    case "header":
      return { ...content, header: { ...content.header, [action.field]: action.value } };
    case "addIssue":
      return { ...content, issues: [...content.issues, action.issue] };
    case "updateIssue":
      return updateIssue(content, action.issueId, (issue) => ({ ...issue, ...action.patch }));
    case "moveIssue": {
      const index = content.issues.findIndex((issue) => issue.id === action.issueId);
      return { ...content, issues: moveItem(content.issues, index, action.offset) };
    }
    case "removeIssue":
      return { ...content, issues: content.issues.filter((issue) => issue.id !== action.issueId) };
    case "addMeasure":
      return updateIssue(content, action.issueId, (issue) => ({ ...issue, measures: [...issue.measures, action.measure] }));
    case "updateMeasure":
      return updateIssue(content, action.issueId, (issue) => ({
        ...issue,
        measures: issue.measures.map((measure) => (measure.id === action.measureId ? { ...measure, ...action.patch } : measure)),
      }));
    case "moveMeasure":
      return updateIssue(content, action.issueId, (issue) => ({
        ...issue,
        measures: moveItem(issue.measures, issue.measures.findIndex((measure) => measure.id === action.measureId), action.offset),
      }));
    case "removeMeasure":
      return updateIssue(content, action.issueId, (issue) => ({
        ...issue,
        measures: issue.measures.filter((measure) => measure.id !== action.measureId),
      }));
  }
}

/**
 * Ids for new rows are made here so that autosaves never remap them. crypto.randomUUID exists
 * only in secure contexts (https, localhost); an office server reached over plain http on its
 * LAN still has getRandomValues.
 */
export function newId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

export function newIssue(fields: Pick<Issue, "title" | "indicatorNumbers" | "suggestedIssueId">): Issue {
  return { id: newId(), ...fields, measures: [] };
}

/** A blank measure running over the whole fiscal year. */
export function newMeasure(year: { start: string; end: string }): Measure {
  return {
    id: newId(),
    title: "",
    steps: [],
    periodStart: year.start,
    periodEnd: year.end,
    responsibleUnits: [],
    resultItems: [],
    outcomes: [],
    evidenceLinks: [],
  };
}
