// Small pure helpers for reading Thai documents: digits, dates, whitespace, joining wrapped
// lines. Every regular expression here is linear (no nested quantifiers): the importer reads
// whatever it is given.
import { parseThaiDate, THAI_MONTHS } from "@/server/domain/thai-date";
import { thaiDigitsToArabic } from "@/server/domain/thai-text-normalise";

/** Runs of whitespace (tabs, no-break spaces) as one space, trimmed. */
export const collapseSpaces = (text: string) => text.replace(/[\s\u00A0\u200B]+/g, " ").trim();

/** The clean value of a piece of text: Arabic digits (stored values use them), single spaces. */
export const clean = (text: string) => collapseSpaces(thaiDigitsToArabic(text));

const MONTH_PATTERN = THAI_MONTHS.flat()
  .sort((a, b) => b.length - a.length)
  .map((name) => name.replace(/\./g, "\\."))
  .join("|");
// "7 มกราคม 2569", "7 ม.ค. 69" is not accepted: a year has four digits (BE).
const THAI_DATE = new RegExp(`(\\d{1,2})\\s*(${MONTH_PATTERN})\\s*(?:พ\\.ศ\\.\\s*)?(\\d{4})`, "g");

export type FoundDate = { iso: string; index: number; length: number };

/** Dates written the Thai way (day, month name, BE year) in text with Arabic digits, as ISO CE days. */
export function findThaiDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const match of text.matchAll(THAI_DATE)) {
    // Read as a typed date is: 31 กุมภาพันธ์ (no such day) or a CE year is not a date.
    const read = parseThaiDate(`${match[1]} ${match[2]} ${match[3]}`);
    if (read.kind === "date") found.push({ iso: read.iso, index: match.index, length: match[0].length });
  }
  return found;
}

const isThaiLetter = (char: string | undefined) => !!char && /[\u0E01-\u0E4F]/.test(char);

// Words that begin a new phrase: a line wrapped just before one had a space there.
const PHRASE_STARTS = ["ประจำปี", "ระหว่าง", "ตั้งแต่", "อำเภอ", "จังหวัด", "พ.ศ."];

/**
 * Joins a line wrapped inside a paragraph to the next. Thai writes no spaces between words, so
 * a break between two Thai letters joins without one; a space comes back next to a number or a
 * Latin word. Text from elsewhere may also have broken at a space between two Thai words: a
 * space comes back before a word that starts a phrase. Prongsai's own PDF never breaks a line
 * there (see breakPieces in pdf-layout.ts), so for it (`prongsaiLayout`) a break between Thai
 * letters is always without a space.
 */
export function joinWrapped(first: string, second: string, prongsaiLayout = false): string {
  if (!first) return second.trimStart();
  if (!second) return first;
  if (/\s$/.test(first) || /^\s/.test(second)) return `${first.trimEnd()} ${second.trimStart()}`;
  const last = first.at(-1)!;
  const next = second[0]!;
  if (last === "/" || next === "/") return `${first}${second}`;
  const thai = isThaiLetter(last) && isThaiLetter(next);
  const space = !thai || (!prongsaiLayout && PHRASE_STARTS.some((word) => second.startsWith(word)));
  return space ? `${first} ${second}` : `${first}${second}`;
}
