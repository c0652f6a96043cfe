// An autosave sends only what changed since the version it names: the header when it changed, and
// every issue and measure either whole or, when the server already holds it unchanged at that
// version, as its id alone ({ id, unchanged: true }). The order of the entries is the report's new
// order; an issue or measure no longer listed is removed. A whole content is a patch too (every
// entry whole), so imports and scripts send what they have. Pure: shared by browser and server.
import { z } from "zod";
import {
  DUPLICATE_IDS,
  LIMITS,
  TOO_MANY_MEASURES,
  sameContent,
  ZEntityId,
  ZIssue,
  ZMeasure,
  ZReportHeader,
  type Issue,
  type Measure,
  type ReportContent,
  type ReportHeader,
} from "./report-content";

/** An issue or measure the server holds as it is, at the save's base version. */
export const ZUnchanged = z.object({ id: ZEntityId, unchanged: z.literal(true) });
const whole = { unchanged: z.literal(false).optional() };

const ZMeasureEntry = z.discriminatedUnion("unchanged", [ZUnchanged, ZMeasure.safeExtend(whole)]);
const ZIssueEntry = z.discriminatedUnion("unchanged", [ZUnchanged, ZIssue.extend({ ...whole, measures: z.array(ZMeasureEntry) })]);

export const ZReportContentPatch = z
  .object({
    header: ZReportHeader.optional(),
    issues: z.array(ZIssueEntry).max(LIMITS.issues, `ประเด็นมีได้ไม่เกิน ${LIMITS.issues} ประเด็น`),
  })
  .superRefine((patch, context) => {
    const measures = patch.issues.flatMap((issue) => (issue.unchanged ? [] : issue.measures));
    if (measures.length > LIMITS.measures) context.addIssue({ code: "custom", message: TOO_MANY_MEASURES, path: ["issues"] });
    const ids = [...patch.issues.map((issue) => issue.id), ...measures.map((measure) => measure.id)];
    if (new Set(ids).size !== ids.length) context.addIssue({ code: "custom", message: DUPLICATE_IDS, path: ["issues"] });
  });

export type Unchanged = z.infer<typeof ZUnchanged>;
export type WholeMeasure = Measure & { unchanged?: false };
export type MeasureEntry = Unchanged | WholeMeasure;
export type WholeIssue = Omit<Issue, "measures"> & { unchanged?: false; measures: MeasureEntry[] };
export type IssueEntry = Unchanged | WholeIssue;
export type ReportContentPatch = { header?: ReportHeader; issues: IssueEntry[] };

export const isUnchanged = (entry: IssueEntry | MeasureEntry): entry is Unchanged => entry.unchanged === true;

const unchanged = (id: string): Unchanged => ({ id, unchanged: true });
const same = (a: unknown, b: unknown) => a === b || sameContent(a, b);

/** What to send to bring the server from `base` (what it holds at the save's base version) to `next`. */
export function contentPatch(base: ReportContent, next: ReportContent): ReportContentPatch {
  const baseIssues = new Map(base.issues.map((issue) => [issue.id, issue]));
  const baseMeasures = new Map(base.issues.flatMap((issue) => issue.measures.map((measure) => [measure.id, measure] as const)));
  return {
    ...(same(base.header, next.header) ? {} : { header: next.header }),
    issues: next.issues.map((issue) =>
      same(baseIssues.get(issue.id), issue)
        ? unchanged(issue.id)
        : { ...issue, measures: issue.measures.map((measure) => (same(baseMeasures.get(measure.id), measure) ? unchanged(measure.id) : measure)) },
    ),
  };
}
