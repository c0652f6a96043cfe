// What a careful reader of an imported report would doubt, each at its place in the text.
// Flags point; they never change a value.
import { deriveLevel, type LevelRuleInput } from "@/server/domain/ita-level";
import { fiscalYearBounds, isoDay } from "@/server/domain/fiscal-year";
import { COMMON_MISSPELLINGS } from "./misspellings";
import type { ImportFlag, ParsedIssue, ParsedScore } from "./types";

export const flag = (code: ImportFlag["code"], message: string, line: number, column: number, text: string, suggestion?: string): ImportFlag =>
  suggestion === undefined ? { code, message, line, column, text } : { code, message, line, column, text, suggestion };

/** Flags found in the text itself: another script, common misspellings, the organisation's name spelled otherwise. */
export function findFlags(lines: { number: number; text: string }[], organizationName: string | null): ImportFlag[] {
  const flags: ImportFlag[] = [];
  const ownName = organizationName ? properName(organizationName) : null;
  for (const line of lines) {
    if (!line.text) continue;
    for (const match of line.text.matchAll(UNREADABLE)) {
      flags.push(flag("UNREADABLE_CHARACTER", "มีอักขระที่อ่านไม่ได้ (ฟอนต์หรือการแปลงไฟล์ไม่มีตัวอักษรนี้)", line.number, match.index + 1, wordAround(line.text, match.index, match[0].length)));
    }
    for (const match of line.text.matchAll(OTHER_SCRIPT)) {
      flags.push(flag("FOREIGN_SCRIPT", `มีอักษรของภาษาอื่น (${scriptNames(match[0])}) ปนในคำ: อาจอ่านผิดจากการสแกน`, line.number, match.index + 1, wordAround(line.text, match.index, match[0].length)));
    }
    for (const { wrong, right } of COMMON_MISSPELLINGS) {
      for (let at = line.text.indexOf(wrong); at !== -1; at = line.text.indexOf(wrong, at + wrong.length)) {
        flags.push(flag("MISSPELLING", `"${wrong}" น่าจะสะกดผิด: ควรเป็น "${right}" หรือไม่`, line.number, at + 1, wrong, right));
      }
    }
    if (!ownName) continue;
    for (const match of line.text.matchAll(ORGANIZATION)) {
      const name = match[2]!;
      if (name.startsWith(ownName) || !resembles(name, ownName)) continue;
      const spelled = name.slice(0, Math.min(name.length, ownName.length + 1));
      flags.push(
        flag("ORGANIZATION_NAME_VARIANT", `ชื่อหน่วยงานสะกดต่างจากที่อื่นในเอกสาร ("${ownName}")`, line.number, match.index + 1, `${match[1]}${spelled}`, `${match[1]}${ownName}`),
      );
    }
  }
  return flags;
}

// What a converter writes for a character it could not map: NUL, the replacement character.
const UNREADABLE = /[\u0000\uFFFD]+/g;
// Letters or marks of a script other than Thai and Latin (digits and punctuation are "Common").
const OTHER_SCRIPT = /(?:(?![\p{Script=Thai}\p{Script=Latin}])[\p{L}\p{M}])+/gu;

function scriptNames(text: string): string {
  const names = new Set<string>();
  for (const char of text) names.add(SCRIPT_NAMES.find(([pattern]) => pattern.test(char))?.[1] ?? `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`);
  return [...names].join(", ");
}
const SCRIPT_NAMES: [RegExp, string][] = [
  [/\p{Script=Kannada}/u, "อักษรกันนาดา"],
  [/\p{Script=Lao}/u, "อักษรลาว"],
  [/\p{Script=Khmer}/u, "อักษรเขมร"],
  [/\p{Script=Myanmar}/u, "อักษรพม่า"],
  [/\p{Script=Devanagari}/u, "อักษรเทวนาครี"],
  [/\p{Script=Tamil}/u, "อักษรทมิฬ"],
  [/\p{Script=Greek}/u, "อักษรกรีก"],
  [/\p{Script=Cyrillic}/u, "อักษรซีริลลิก"],
  [/\p{Script=Han}/u, "อักษรจีน"],
];

/** The word around a place: up to the spaces on either side, at most 30 characters each way. */
function wordAround(text: string, at: number, length: number): string {
  let start = at;
  while (start > 0 && at - start < 30 && !/[\s()]/.test(text[start - 1]!)) start -= 1;
  let end = at + length;
  while (end < text.length && end - at < 30 && !/[\s()]/.test(text[end]!)) end += 1;
  return text.slice(start, end);
}

const ORGANIZATION = /(องค์การบริหารส่วนตำบล|องค์การบริหารส่วนจังหวัด|เทศบาลตำบล|เทศบาลเมือง|เทศบาลนคร|อบต\.|อบจ\.|ทต\.|ทม\.|ทน\.)([\u0E01-\u0E4E]{1,40})/g;
const ORGANIZATION_PREFIX = /^(องค์การบริหารส่วนตำบล|องค์การบริหารส่วนจังหวัด|เทศบาลตำบล|เทศบาลเมือง|เทศบาลนคร)/;

const properName = (name: string) => name.replace(ORGANIZATION_PREFIX, "").trim() || null;

/** Another spelling of the same name rather than another organisation: at most half its letters differ. */
function resembles(candidate: string, name: string): boolean {
  const limit = Math.ceil(name.length / 2);
  for (let length = Math.max(1, name.length - 1); length <= name.length + 1; length += 1) {
    if (editDistance(candidate.slice(0, length), name) <= limit) return true;
  }
  return false;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The levels a total allows under a year's rules when the tool scores are unknown: every rule
 * the total reaches, down to the first one without a tool minimum (that one always applies).
 */
export function possibleLevels(rules: LevelRuleInput[], total: number): string[] {
  const levels: string[] = [];
  for (const rule of [...rules].sort((a, b) => a.rank - b.rank)) {
    if (total < rule.minTotal) continue;
    levels.push(rule.label);
    if (rule.minEachTool === null) break;
  }
  return levels;
}

export function levelFlags(scores: ParsedScore[], rulesByYear: Record<number, LevelRuleInput[]>): ImportFlag[] {
  const flags: ImportFlag[] = [];
  for (const score of scores) {
    const rules = rulesByYear[score.yearBe];
    if (!score.level || !rules || rules.length === 0) continue;
    const allowed = possibleLevels(rules, score.total);
    if (allowed.some((label) => label.replace(/\s+/g, "") === score.level!.replace(/\s+/g, ""))) continue;
    const derived = deriveLevel(rules, { total: score.total });
    flags.push(
      flag(
        "LEVEL_RULE_MISMATCH",
        `คะแนน ${score.total.toFixed(2)} ปีงบประมาณ ${score.yearBe} ได้ระดับ "${score.level}" ไม่ตรงกับเกณฑ์ของปีนั้น (${allowed.join(" หรือ ") || "ไม่มีระดับที่ตรง"})`,
        score.line,
        1,
        score.level,
        derived ?? undefined,
      ),
    );
  }
  return flags;
}

export function issueNumberFlags(issues: ParsedIssue[]): ImportFlag[] {
  const flags: ImportFlag[] = [];
  const numbered = issues.filter((issue): issue is ParsedIssue & { number: number } => issue.number !== null);
  const seen = new Set<number>();
  for (const issue of numbered) {
    if (seen.has(issue.number)) flags.push(flag("ISSUE_NUMBER_DUPLICATE", `ประเด็นที่ ${issue.number} ซ้ำกับประเด็นก่อนหน้า`, issue.line, 1, `ประเด็นที่ ${issue.number}`));
    seen.add(issue.number);
  }
  // Each number missing from 1 to the highest, flagged at the first heading after the gap.
  const highest = Math.max(0, ...seen);
  const missingBefore = new Map<ParsedIssue, number[]>();
  for (let number = 1; number < highest; number += 1) {
    if (seen.has(number)) continue;
    const after = numbered.find((issue) => issue.number > number)!;
    missingBefore.set(after, [...(missingBefore.get(after) ?? []), number]);
  }
  for (const [issue, numbers] of missingBefore) {
    flags.push(flag("ISSUE_NUMBER_MISSING", `ไม่พบประเด็นที่ ${numbers.join(", ")} ก่อนประเด็นที่ ${issue.number}`, issue.line, 1, `ประเด็นที่ ${issue.number}`));
  }
  return flags;
}

export function periodFlags(issues: ParsedIssue[], fiscalYearBe: number | null): ImportFlag[] {
  const flags: ImportFlag[] = [];
  const bounds = fiscalYearBe && fiscalYearBe > 2400 && fiscalYearBe < 2800 ? fiscalYearBounds(fiscalYearBe) : null;
  const year = bounds && { start: isoDay(bounds.start), end: isoDay(bounds.end) };
  for (const issue of issues) {
    for (const measure of issue.measures) {
      if (!measure.periodText) continue;
      if (!measure.periodStart || !measure.periodEnd) {
        flags.push(flag("PERIOD_UNREADABLE", "อ่านวันที่ของระยะเวลาดำเนินการไม่ได้", measure.line, 1, measure.periodText.slice(0, 80)));
      } else if (year && (measure.periodStart < year.start || measure.periodEnd > year.end)) {
        flags.push(flag("PERIOD_OUTSIDE_YEAR", `ระยะเวลาดำเนินการอยู่นอกปีงบประมาณ ${fiscalYearBe}`, measure.line, 1, measure.periodText));
      }
    }
  }
  return flags;
}
