// What a yearly report must hold before the preparer sends it up the sign-off chain. One rule
// set: the submit service refuses a report that breaks any rule (listing every problem), and the
// editor's completeness meter counts the same rules and lists the same problems. Pure: shared by
// the browser and the server.
import { formatThaiDate } from "./thai-format";
import type { ReportContent } from "./report-content";

const THAI_CALENDAR_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Bangkok" }); // "2026-01-31"

/** The calendar day `now` falls on in Thailand, "YYYY-MM-DD". */
export const thaiToday = (now: Date = new Date()) => THAI_CALENDAR_DAY.format(now);

export type RuleContext = {
  /** The report's fiscal year and its first and last day ("YYYY-MM-DD"). */
  year: { yearBe: number; start: string; end: string };
  /**
   * The last day the memo may be dated: the submission deadline in force for the organisation
   * (the year's, or its province's later one). The year's settings allow the months between the
   * year's end and its deadline for the memo that reports on it.
   */
  memoDateLatest: string;
  /** Today in Thailand ("YYYY-MM-DD"): a memo is never dated in the future. */
  today: string;
};

/**
 * Where a problem is: the field the preparer fixes. "header.memoDate", "header.documentNumber",
 * "issues", "issue.<id>.title", "issue.<id>.measures", "measure.<id>.title",
 * "measure.<id>.period", "measure.<id>.responsibleUnits", "measure.<id>.results". The editor
 * marks each field with data-field="<ref>" (fieldSelector) to scroll to and focus it.
 */
export type FieldRef = string;

export type ReportProblem = { field: FieldRef; where: string; message: string };

export type ReportCheck = {
  /** How many rules were checked (they grow with the issues and measures). */
  checks: number;
  problems: ReportProblem[];
  /** Share of the checks met, 0–100; 100 only when nothing is missing. */
  percent: number;
};

export const PENDING_NUMBER_LABEL = "ยังไม่ได้ออกเลขที่หนังสือ";

const thaiDate = (iso: string) => formatThaiDate(new Date(`${iso}T00:00:00Z`));

/** The problem with the memo's date, or null when it may carry it. */
export function memoDateProblem(memoDate: string | null, context: RuleContext): string | null {
  if (!memoDate) return "ยังไม่ได้ระบุวันที่ของบันทึกข้อความ";
  const { year, memoDateLatest, today } = context;
  const allowed = `ลงวันที่ได้ตั้งแต่ ${thaiDate(year.start)} ถึง ${thaiDate(memoDateLatest < today ? memoDateLatest : today)}`;
  if (memoDate > today) return `วันที่ของบันทึกข้อความ (${thaiDate(memoDate)}) เป็นวันในอนาคต ${allowed}`;
  if (memoDate < year.start) {
    return `วันที่ของบันทึกข้อความ (${thaiDate(memoDate)}) อยู่ก่อนปีงบประมาณ ${year.yearBe} ${allowed}`;
  }
  if (memoDate > memoDateLatest) {
    return `วันที่ของบันทึกข้อความ (${thaiDate(memoDate)}) อยู่หลังกำหนดส่งรายงานของปีงบประมาณ ${year.yearBe} (${thaiDate(memoDateLatest)}) ${allowed} หากส่งช้ากว่ากำหนด ขอให้ผู้ดูแลระบบระดับจังหวัดขยายกำหนดส่ง`;
  }
  return null;
}

/** Every rule the report breaks, in the order of the editor's fields, and the meter's share. */
export function checkReport(content: ReportContent, context: RuleContext): ReportCheck {
  const problems: ReportProblem[] = [];
  let checks = 0;
  const rule = (broken: string | false | null, field: FieldRef, where: string) => {
    checks += 1;
    if (broken) problems.push({ field, where, message: broken });
  };
  const { header } = content;
  const memo = "บันทึกข้อความ";

  rule(memoDateProblem(header.memoDate, context), "header.memoDate", memo);
  const number = header.documentNumber.trim();
  const pending = header.documentNumberPending === true;
  rule(
    !number && !pending
      ? `ยังไม่ได้ระบุเลขทะเบียนหนังสือ หากยังไม่ได้ออกเลข ให้เลือก "${PENDING_NUMBER_LABEL}"`
      : number && pending
        ? `ระบุเลขทะเบียนหนังสือ (${number}) แล้ว แต่ยังเลือก "${PENDING_NUMBER_LABEL}" ไว้ กรุณาเลือกอย่างใดอย่างหนึ่ง`
        : null,
    "header.documentNumber",
    memo,
  );
  rule(
    content.issues.some((issue) => issue.measures.length > 0) ? null : "รายงานต้องมีอย่างน้อยหนึ่งประเด็นที่มีมาตรการ",
    "issues",
    "รายงาน",
  );

  const { year } = context;
  for (const [i, issue] of content.issues.entries()) {
    const where = `ประเด็นที่ ${i + 1}`;
    rule(issue.title.trim() ? null : "ยังไม่ได้ตั้งชื่อประเด็น", `issue.${issue.id}.title`, where);
    rule(issue.measures.length ? null : "ประเด็นนี้ยังไม่มีมาตรการ เพิ่มมาตรการหรือลบประเด็นนี้", `issue.${issue.id}.measures`, where);
    for (const [j, measure] of issue.measures.entries()) {
      const at = (field: string) => `measure.${measure.id}.${field}`;
      const whereMeasure = `มาตรการที่ ${i + 1}.${j + 1}`;
      rule(measure.title.trim() ? null : "ยังไม่ได้ตั้งชื่อมาตรการ", at("title"), whereMeasure);
      const outside = measure.periodStart < year.start || measure.periodEnd > year.end;
      rule(
        outside && !measure.periodNote?.trim()
          ? `ระยะเวลา (${thaiDate(measure.periodStart)} – ${thaiDate(measure.periodEnd)}) อยู่นอกปีงบประมาณ ${year.yearBe} (${thaiDate(year.start)} – ${thaiDate(year.end)}) แก้ให้อยู่ในปีงบประมาณ หรือระบุเหตุผล`
          : null,
        at("period"),
        whereMeasure,
      );
      rule(measure.responsibleUnits.some((unit) => unit.trim()) ? null : "ยังไม่ได้ระบุผู้รับผิดชอบ", at("responsibleUnits"), whereMeasure);
      rule(
        measure.resultItems.some((item) => item.checked) || measure.outcomes.some((outcome) => outcome.trim())
          ? null
          : "ยังไม่ได้เลือกผลการดำเนินการหรือระบุผลลัพธ์อย่างน้อยหนึ่งข้อ",
        at("results"),
        whereMeasure,
      );
    }
  }
  const met = checks - problems.length;
  const percent = problems.length === 0 ? 100 : Math.min(99, Math.round((met / checks) * 100));
  return { checks, problems, percent };
}

/** The refusal's message: every problem, numbered, each with where it is. */
export function refusalMessage(problems: ReportProblem[]): string {
  return [
    `ยังเสนอรายงานไม่ได้ ต้องแก้ไขอีก ${problems.length} รายการ:`,
    ...problems.map((problem, index) => `${index + 1}. ${problem.where}: ${problem.message}`),
  ].join("\n");
}

/** The CSS selector of the editor's element for a field reference. */
export const fieldSelector = (field: FieldRef) => `[data-field="${field.replace(/["\\]/g, "")}"]`;
