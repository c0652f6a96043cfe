// Calendar days as Thai people type them (day first, Buddhist-Era year, Thai or Arabic digits,
// short or full Thai month names) and as the forms and the database keep them (ISO "YYYY-MM-DD",
// Gregorian). Pure: shared by the browser's date field and the server's input rules. Month
// lengths, leap years and the BE ⇄ CE conversion all come from @internationalized/date's
// Buddhist and Gregorian calendars; nothing here counts days by hand.
import { BuddhistCalendar, CalendarDate, GregorianCalendar, parseDate, toCalendar } from "@internationalized/date";
import { normaliseThaiText, thaiDigitsToArabic } from "@/server/domain/thai-text-normalise";

const buddhist = new BuddhistCalendar();
const gregorian = new GregorianCalendar();

/** The earliest and latest years (BE) a date in Prongsai can have: 2443–2743 (CE 1900–2200). */
export const MIN_YEAR_BE = 2443;
export const MAX_YEAR_BE = 2743;
const BE_OFFSET = 543; // only to word the hint for a year typed in CE; conversion is the library's

export const THAI_MONTHS = [
  ["มกราคม", "ม.ค."],
  ["กุมภาพันธ์", "ก.พ."],
  ["มีนาคม", "มี.ค."],
  ["เมษายน", "เม.ย."],
  ["พฤษภาคม", "พ.ค."],
  ["มิถุนายน", "มิ.ย."],
  ["กรกฎาคม", "ก.ค."],
  ["สิงหาคม", "ส.ค."],
  ["กันยายน", "ก.ย."],
  ["ตุลาคม", "ต.ค."],
  ["พฤศจิกายน", "พ.ย."],
  ["ธันวาคม", "ธ.ค."],
] as const;

// Month names are matched without their dots and spaces: "ม.ค.", "ม.ค", "มค", "ม. ค." are one.
const bare = (name: string) => name.replace(/[.\s]/g, "");
// Said and typed without the ending too: "มกรา", "กุมภา", "เมษา", "กันยา".
const SPOKEN = ["มกรา", "กุมภา", "มีนา", "เมษา", "พฤษภา", "มิถุนา", "กรกฎา", "สิงหา", "กันยา", "ตุลา", "พฤศจิกา", "ธันวา"];
const MONTH_BY_NAME = new Map<string, number>(
  THAI_MONTHS.flatMap(([full, short], index) => [
    [bare(full), index + 1],
    [bare(short), index + 1],
    [SPOKEN[index]!, index + 1],
  ]),
);

export type ThaiDateInput =
  | { kind: "empty" }
  | { kind: "date"; iso: string }
  | { kind: "error"; message: string };

export const THAI_DATE_EXAMPLE = "7/1/2569 หรือ 7 ม.ค. 2569";
const UNREADABLE = `อ่านวันที่ไม่ออก กรุณาพิมพ์วัน เดือน ปี พ.ศ. เช่น ${THAI_DATE_EXAMPLE}`;

// Every pattern is linear (no nested quantifiers): whatever is typed or pasted is read quickly.
const NUMERIC = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d+)$/; // 7/1/2569, 07-01-2569, 7.1.2569
const YEAR_FIRST = /^(\d{4})-(\d{1,2})-(\d{1,2})$/; // 2569-01-07 (or an ISO 2026-01-07, see year rule)
const NAMED = /^(\d{1,2})\s*([\u0E01-\u0E4F][\u0E01-\u0E4F.\s]*?)\s*(?:พ\.?\s*ศ\.?\s*)?(\d+)$/; // 7 ม.ค. 2569

/**
 * Reads a date typed in a Thai date field: "7/1/2569", "07/01/2569", "๗ ม.ค. ๒๕๖๙",
 * "7 มกราคม 2569", "วันที่ 7 มกราคม พ.ศ. 2569". Day first, the year four digits in BE. A date that
 * does not exist (30 ก.พ.) and a year that looks like CE (2026) are refused with a Thai message;
 * the CE year is not converted silently: the field's value goes into official memos in BE, and a
 * clerk who typed CE is told how to write it rather than having the year guessed for them.
 */
export function parseThaiDate(text: string): ThaiDateInput {
  const typed = normaliseThaiText(thaiDigitsToArabic(text)).replace(/^วันที่\s*/, "");
  if (!typed) return { kind: "empty" };

  let day: number, month: number, year: number;
  const numeric = NUMERIC.exec(typed);
  const yearFirst = numeric ? null : YEAR_FIRST.exec(typed);
  const named = numeric || yearFirst ? null : NAMED.exec(typed);
  if (numeric) {
    [day, month, year] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
  } else if (yearFirst) {
    [year, month, day] = [Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3])];
  } else if (named) {
    const found = MONTH_BY_NAME.get(bare(named[2]!));
    if (!found) return { kind: "error", message: `ไม่รู้จักชื่อเดือน “${named[2]!.trim()}” กรุณาพิมพ์ เช่น ${THAI_DATE_EXAMPLE}` };
    [day, month, year] = [Number(named[1]), found, Number(named[3])];
  } else {
    return { kind: "error", message: UNREADABLE };
  }

  const yearDigits = (numeric?.[3] ?? named?.[3] ?? yearFirst?.[1])!.length;
  if (yearDigits !== 4) {
    return { kind: "error", message: `กรุณาพิมพ์ปี พ.ศ. ให้ครบ 4 หลัก เช่น ${THAI_DATE_EXAMPLE}` };
  }
  if (year >= MIN_YEAR_BE - BE_OFFSET && year <= MAX_YEAR_BE - BE_OFFSET) {
    // 1900–2200: a Gregorian year (the same days in BE are 2443–2743, which do not overlap).
    return {
      kind: "error",
      message: `ปี ${year} เป็นปี ค.ศ. กรุณาพิมพ์ปี พ.ศ. (ค.ศ. ${year} คือ พ.ศ. ${year + BE_OFFSET}) เช่น ${day}/${month}/${year + BE_OFFSET}`,
    };
  }
  if (year < MIN_YEAR_BE || year > MAX_YEAR_BE) {
    return { kind: "error", message: `ปี พ.ศ. ${year} อยู่นอกช่วงที่รับได้ (${MIN_YEAR_BE}–${MAX_YEAR_BE})` };
  }
  if (month < 1 || month > 12) return { kind: "error", message: "เดือนต้องอยู่ระหว่าง 1–12" };

  const firstOfMonth = new CalendarDate(buddhist, year, month, 1);
  const daysInMonth = buddhist.getDaysInMonth(firstOfMonth);
  if (day < 1 || day > daysInMonth) {
    return {
      kind: "error",
      message: `ไม่มีวันที่ ${day} ${THAI_MONTHS[month - 1]![0]} ${year} (เดือนนี้มี ${daysInMonth} วัน)`,
    };
  }
  return { kind: "date", iso: toCalendar(firstOfMonth.set({ day }), gregorian).toString() };
}

/** An ISO day ("YYYY-MM-DD", Gregorian) as it is shown in a field to edit: "7/1/2569". */
export function formatThaiDateInput(iso: string): string {
  const date = isoCalendarDay(iso);
  if (!date) return iso;
  const be = toCalendar(date, buddhist);
  return `${be.day}/${be.month}/${be.year}`;
}

/**
 * What is wrong with an ISO day sent to the server, in Thai, or null when it is a real day:
 * "2026-02-30" is refused (never rolled over to 2 March), and so is a BE year typed into a CE
 * field ("2568-10-01" would be shown as พ.ศ. 3111).
 */
export function isoDayError(value: string, label: string): string | null {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!parts) return `${label}ไม่ถูกต้อง`;
  if (isoCalendarDay(value)) return null;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (month < 1 || month > 12) return `${label}ไม่ใช่วันที่ที่มีอยู่จริง (ไม่มีเดือนที่ ${month})`;
  const yearBe = toCalendar(new CalendarDate(gregorian, year, month, 1), buddhist).year;
  if (yearBe < MIN_YEAR_BE || yearBe > MAX_YEAR_BE) {
    return `ปีของ${label}ไม่ถูกต้อง (พ.ศ. ${yearBe} อยู่นอกช่วง ${MIN_YEAR_BE}–${MAX_YEAR_BE})`;
  }
  return `${label}ไม่ใช่วันที่ที่มีอยู่จริง (ไม่มีวันที่ ${day} ${THAI_MONTHS[month - 1]![0]} ${yearBe})`;
}

/**
 * The calendar day of an ISO "YYYY-MM-DD" string, or null when there is no such day
 * ("2026-02-30", "2026-13-01", "2026-1-7") or its year is outside MIN_YEAR_BE–MAX_YEAR_BE.
 */
export function isoCalendarDay(value: string): CalendarDate | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  let date: CalendarDate;
  try {
    date = parseDate(value); // throws when the month or day is out of range for that month
  } catch {
    return null;
  }
  if (date.toString() !== value) return null; // day 00 is read as the 1st: not what was sent
  const yearBe = toCalendar(date, buddhist).year;
  return yearBe >= MIN_YEAR_BE && yearBe <= MAX_YEAR_BE ? date : null;
}
