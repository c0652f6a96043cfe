// The content of a yearly report as the editor edits it, the server validates and saves it,
// and each submission snapshots it. Pure: shared by the browser and the server.
import { z } from "zod";
import { isoDayError } from "@/server/domain/thai-date";
import { formatThaiDate } from "@/server/domain/thai-format";

export const LIMITS = {
  text: 2000,
  shortText: 300,
  issues: 50,
  measures: 200,
  listItems: 50,
  evidenceLinks: 20,
} as const;

const text = (label: string, max: number = LIMITS.text) =>
  z.string().trim().max(max, `${label}ยาวเกิน ${max.toLocaleString("th-TH")} ตัวอักษร`);
const list = (label: string) =>
  z.array(text(label)).max(LIMITS.listItems, `${label}มีได้ไม่เกิน ${LIMITS.listItems} รายการ`);

/** Ids are made by the editor for new rows, so that autosaves never need to remap them. */
export const ZEntityId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, "รหัสรายการไม่ถูกต้อง");

/** A calendar day "YYYY-MM-DD" (Gregorian) that exists: "2026-02-30" is refused, never rolled over. */
const isoDate = (label: string) =>
  z.string().superRefine((value, context) => {
    const problem = isoDayError(value, label);
    if (problem) context.addIssue({ code: "custom", message: problem });
  });

export const ZResultItem = z.object({
  text: text("ผลการดำเนินการ").min(1, "กรุณากรอกผลการดำเนินการ"),
  checked: z.boolean(),
  standardItemId: z.string().max(64).nullable(),
});

export const ZEvidenceLink = z.object({
  url: z
    .string()
    .trim()
    .max(LIMITS.text, "ลิงก์ยาวเกินไป")
    .url("ลิงก์หลักฐานต้องเป็น URL ที่ถูกต้อง เช่น https://…")
    .refine((value) => /^https?:\/\//i.test(value), "ลิงก์หลักฐานต้องขึ้นต้นด้วย http:// หรือ https://"),
  label: text("ชื่อหลักฐาน", LIMITS.shortText),
});

export const ZMeasure = z
  .object({
    id: ZEntityId,
    title: text("ชื่อมาตรการ"),
    steps: list("ขั้นตอน"),
    periodStart: isoDate("วันเริ่มดำเนินการ"),
    periodEnd: isoDate("วันสิ้นสุด"),
    // Why the period runs outside the fiscal year; absent in content saved before it existed.
    periodNote: text("เหตุผลที่ระยะเวลาอยู่นอกปีงบประมาณ", LIMITS.shortText).optional(),
    responsibleUnits: z.array(text("ผู้รับผิดชอบ", LIMITS.shortText)).max(LIMITS.listItems, "ผู้รับผิดชอบมากเกินไป"),
    resultItems: z.array(ZResultItem).max(LIMITS.listItems, `ผลการดำเนินการมีได้ไม่เกิน ${LIMITS.listItems} รายการ`),
    outcomes: list("ผลลัพธ์"),
    evidenceLinks: z.array(ZEvidenceLink).max(LIMITS.evidenceLinks, `หลักฐานมีได้ไม่เกิน ${LIMITS.evidenceLinks} ลิงก์`),
  })
  .refine((measure) => measure.periodStart <= measure.periodEnd, {
    message: "วันเริ่มต้องไม่อยู่หลังวันสิ้นสุด",
    path: ["periodEnd"],
  });

export const ZIssue = z.object({
  id: ZEntityId,
  title: text("ชื่อประเด็น", LIMITS.shortText * 2),
  indicatorNumbers: z.array(z.number().int().min(1).max(20)).max(10),
  suggestedIssueId: z.string().max(64).nullable(),
  measures: z.array(ZMeasure),
});

export const ZReportHeader = z.object({
  issuingSection: text("ส่วนราชการ", LIMITS.shortText),
  issuingPhone: text("เบอร์โทรศัพท์", 50),
  documentCode: text("เลขที่หนังสือ", 50),
  documentNumber: text("เลขทะเบียนหนังสือ", 50), // empty: not given yet
  // "ยังไม่ได้ออกเลขที่หนังสือ", chosen on purpose; absent in content saved before it existed.
  documentNumberPending: z.boolean().optional(),
  memoDate: isoDate("วันที่หนังสือ").nullable(),
  subject: text("เรื่อง", LIMITS.shortText * 2),
  addressee: text("เรียน", LIMITS.shortText),
  body: text("ข้อความ", LIMITS.text * 3),
});

export const TOO_MANY_MEASURES = `มาตรการทั้งรายงานมีได้ไม่เกิน ${LIMITS.measures} มาตรการ`;
export const DUPLICATE_IDS = "รหัสประเด็นหรือมาตรการซ้ำกัน";

export const ZReportContent = z
  .object({ header: ZReportHeader, issues: z.array(ZIssue).max(LIMITS.issues, `ประเด็นมีได้ไม่เกิน ${LIMITS.issues} ประเด็น`) })
  .superRefine((content, context) => {
    const measures = content.issues.flatMap((issue) => issue.measures);
    if (measures.length > LIMITS.measures) {
      context.addIssue({ code: "custom", message: TOO_MANY_MEASURES, path: ["issues"] });
    }
    const ids = [...content.issues.map((issue) => issue.id), ...measures.map((measure) => measure.id)];
    if (new Set(ids).size !== ids.length) {
      context.addIssue({ code: "custom", message: DUPLICATE_IDS, path: ["issues"] });
    }
  });

export type ReportHeader = z.infer<typeof ZReportHeader>;
export type ResultItem = z.infer<typeof ZResultItem>;
export type Measure = z.infer<typeof ZMeasure>;
export type Issue = z.infer<typeof ZIssue>;
export type ReportContent = z.infer<typeof ZReportContent>;

/** The memo header a new report of an organisation starts from. */
export function blankHeader(organizationName: string, yearBe: number): ReportHeader {
  return {
    issuingSection: `สำนักปลัด ${organizationName}`,
    issuingPhone: "",
    documentCode: "",
    documentNumber: "",
    documentNumberPending: false,
    memoDate: null,
    subject: `รายงานผลการดำเนินงานตามมาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ ${yearBe}`,
    addressee: `นายก${organizationName}`,
    body: "",
  };
}

// ── The year's catalogue ───────────────────────────────────────────────────────────────

export type CatalogueIssue = { id: string; resultItems: { id: string; text: string }[] };

/**
 * Links an issue to a suggested issue of the report's year, and each of its result items to the
 * standard item of that issue with the same text (unlinked when there is none).
 */
export function linkToCatalogue(issue: Issue, suggested: CatalogueIssue | undefined): Issue {
  return {
    ...issue,
    suggestedIssueId: suggested?.id ?? null,
    measures: issue.measures.map((measure) => ({
      ...measure,
      resultItems: measure.resultItems.map((item) => ({
        ...item,
        standardItemId: suggested?.resultItems.find((standard) => standard.text === item.text)?.id ?? null,
      })),
    })),
  };
}

// ── Periods ────────────────────────────────────────────────────────────────────────────

/** A measure's period outside the fiscal year: sent only with a reason (periodNote; report-rules.ts). */
export function periodOutsideYear(measure: Pick<Measure, "periodStart" | "periodEnd">, year: { start: string; end: string }) {
  return measure.periodStart < year.start || measure.periodEnd > year.end;
}

// ── Differences between two submissions ────────────────────────────────────────────────

export type MeasureChange = {
  issueTitle: string;
  measureId: string;
  title: string;
  change: "added" | "removed" | "changed";
  fields: string[]; // for "changed": which parts differ
  /** For "changed": each part that differs, old → new, as the reader reads it. */
  changes: FieldChange[];
  resultsChecked: string[];
  resultsUnchecked: string[];
};

/** One part of a measure or of the memo, before and after ("—" for nothing). */
export type FieldChange = { field: string; before: string; after: string };

const shownDay = (iso: string | null | undefined) => (iso ? formatThaiDate(new Date(`${iso}T00:00:00Z`)) : "");
const shownList = (items: string[]) => items.filter((item) => item.trim()).join(" / ");

/** How each part of a measure reads in a difference. */
const MEASURE_PARTS: { field: string; text: (measure: Measure) => string }[] = [
  { field: "ชื่อมาตรการ", text: (measure) => measure.title },
  { field: "ขั้นตอน", text: (measure) => shownList(measure.steps) },
  { field: "ระยะเวลา", text: (measure) => `${shownDay(measure.periodStart)} – ${shownDay(measure.periodEnd)}` },
  { field: "เหตุผลที่ระยะเวลาอยู่นอกปีงบประมาณ", text: (measure) => measure.periodNote ?? "" },
  { field: "ผู้รับผิดชอบ", text: (measure) => shownList(measure.responsibleUnits) },
  { field: "ผลการดำเนินการ", text: (measure) => shownList(measure.resultItems.map((item) => `${item.checked ? "☑" : "☐"} ${item.text}`)) },
  { field: "ผลลัพธ์", text: (measure) => shownList(measure.outcomes) },
  { field: "หลักฐาน", text: (measure) => shownList(measure.evidenceLinks.map((link) => (link.label ? `${link.label} (${link.url})` : link.url))) },
];

/** Each memo header field as the editor labels it (diffs, conflicts). */
export const HEADER_LABEL: Record<keyof ReportHeader, string> = {
  issuingSection: "ส่วนราชการ",
  issuingPhone: "โทร",
  documentCode: "ที่ (รหัสหนังสือ)",
  documentNumber: "เลขทะเบียนหนังสือ",
  documentNumberPending: "ยังไม่ได้ออกเลขที่หนังสือ",
  memoDate: "วันที่",
  subject: "เรื่อง",
  addressee: "เรียน",
  body: "ข้อความ",
};

const orDash = (text: string) => text.trim() || "—";

/** The parts of a measure that differ, old → new. */
export function measureChanges(before: Measure, after: Measure): FieldChange[] {
  return MEASURE_PARTS.flatMap(({ field, text }) => {
    const [old, now] = [text(before), text(after)];
    return old === now ? [] : [{ field, before: orDash(old), after: orDash(now) }];
  });
}

const headerText = (header: ReportHeader, key: keyof ReportHeader) => {
  const value = header[key];
  if (key === "memoDate") return shownDay(value as string | null);
  if (typeof value === "boolean") return value ? "ใช่" : "ไม่ใช่";
  return String(value ?? "");
};

export type ContentDiff = {
  issuesAdded: string[];
  issuesRemoved: string[];
  issuesRenamed: { from: string; to: string }[];
  measures: MeasureChange[];
  headerFields: string[];
  /** The memo's fields that differ, old → new. */
  headerChanges: FieldChange[];
};

const MEASURE_FIELD_LABEL: Record<string, string> = {
  title: "ชื่อมาตรการ",
  steps: "ขั้นตอน",
  periodStart: "ระยะเวลา",
  periodEnd: "ระยะเวลา",
  periodNote: "ระยะเวลา",
  responsibleUnits: "ผู้รับผิดชอบ",
  resultItems: "ผลการดำเนินการ",
  outcomes: "ผลลัพธ์",
  evidenceLinks: "หลักฐาน",
};

/** Equal as stored content (plain data of the same shape and key order). */
export const sameContent = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function diffContent(before: ReportContent, after: ReportContent): ContentDiff {
  const beforeIssues = new Map(before.issues.map((issue) => [issue.id, issue]));
  const afterIssues = new Map(after.issues.map((issue) => [issue.id, issue]));
  const located = (content: ReportContent) =>
    new Map(content.issues.flatMap((issue) => issue.measures.map((measure) => [measure.id, { issue, measure }] as const)));
  const beforeMeasures = located(before);
  const afterMeasures = located(after);
  const measures: MeasureChange[] = [];

  for (const [id, { issue, measure }] of afterMeasures) {
    const previous = beforeMeasures.get(id)?.measure;
    if (!previous) {
      measures.push({ issueTitle: issue.title, measureId: id, title: measure.title, change: "added", fields: [], changes: [], resultsChecked: [], resultsUnchecked: [] });
      continue;
    }
    const fields = [...new Set(Object.keys(MEASURE_FIELD_LABEL).filter((key) => !sameContent(previous[key as keyof Measure], measure[key as keyof Measure])).map((key) => MEASURE_FIELD_LABEL[key]!))];
    if (fields.length === 0) continue;
    const wasChecked = new Set(previous.resultItems.filter((item) => item.checked).map((item) => item.text));
    const isChecked = new Set(measure.resultItems.filter((item) => item.checked).map((item) => item.text));
    measures.push({
      issueTitle: issue.title,
      measureId: id,
      title: measure.title,
      change: "changed",
      fields,
      changes: measureChanges(previous, measure),
      resultsChecked: [...isChecked].filter((item) => !wasChecked.has(item)),
      resultsUnchecked: [...wasChecked].filter((item) => !isChecked.has(item)),
    });
  }
  for (const [id, { issue, measure }] of beforeMeasures) {
    if (!afterMeasures.has(id)) {
      measures.push({ issueTitle: issue.title, measureId: id, title: measure.title, change: "removed", fields: [], changes: [], resultsChecked: [], resultsUnchecked: [] });
    }
  }
  return {
    issuesAdded: after.issues.filter((issue) => !beforeIssues.has(issue.id)).map((issue) => issue.title),
    issuesRemoved: before.issues.filter((issue) => !afterIssues.has(issue.id)).map((issue) => issue.title),
    issuesRenamed: after.issues
      .filter((issue) => beforeIssues.has(issue.id) && beforeIssues.get(issue.id)!.title !== issue.title)
      .map((issue) => ({ from: beforeIssues.get(issue.id)!.title, to: issue.title })),
    measures,
    headerFields: Object.keys(after.header).filter((key) => !sameContent(before.header[key as keyof ReportHeader], after.header[key as keyof ReportHeader])),
    headerChanges: (Object.keys(HEADER_LABEL) as (keyof ReportHeader)[]).flatMap((key) => {
      const [old, now] = [headerText(before.header, key), headerText(after.header, key)];
      return old === now ? [] : [{ field: HEADER_LABEL[key], before: orDash(old), after: orDash(now) }];
    }),
  };
}
