// The values of an announced ITA score table as provinces receive them (issue 12, item 2): names
// with or without their type prefix, Thai digits, letter levels (AA–F) and word levels spelled
// with or without spaces. Pure: no database.
import type { OrganizationType } from "@/server/db/generated/enums";
import { ORGANIZATION_TYPE_LABEL } from "./labels";
import { normaliseThaiText, thaiDigitsToArabic } from "./thai-text-normalise";

// Longest first: "เทศบาลตำบล" before "เทศบาล…", "องค์การบริหารส่วนตำบล" before "อบต".
const TYPE_PREFIXES: [string, OrganizationType][] = (
  Object.entries(ORGANIZATION_TYPE_LABEL) as [OrganizationType, { full: string; short: string }][]
)
  .flatMap(([type, label]) => [
    [label.full, type] as [string, OrganizationType],
    [label.short.replace(/\./g, ""), type] as [string, OrganizationType],
  ])
  .sort((a, b) => b[0].length - a[0].length);

/**
 * An organisation's name reduced to what identifies it within a province: the type prefix
 * (องค์การบริหารส่วนตำบล, อบต., เทศบาลตำบล, ทต. …) taken off and told apart, spaces and dots removed.
 * "อบต. ท้ายหาด" and "องค์การบริหารส่วนตำบลท้ายหาด" → { bare: "ท้ายหาด", type: "SAO" }.
 */
export function splitOrganizationName(name: string): { bare: string; type: OrganizationType | null } {
  const compact = normaliseThaiText(name).replace(/[\s.]/g, "");
  for (const [prefix, type] of TYPE_PREFIXES) {
    if (compact.startsWith(prefix) && compact.length > prefix.length) return { bare: compact.slice(prefix.length), type };
  }
  return { bare: compact, type: null };
}

/** A number as offices write it: Thai digits, a decimal comma, spaces, "%"; null when it is not one. */
export function parseScore(text: string): number | null {
  let value = thaiDigitsToArabic(normaliseThaiText(text)).replace(/[\s%]/g, "");
  if (/^\d+,\d{1,2}$/.test(value)) value = value.replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(value)) return null;
  return Number(value);
}

/** The score rounded to hundredths when it is one already (a spreadsheet's 99.659999… is 99.66); null otherwise. */
export function toHundredths(value: number): number | null {
  const hundredths = Math.round(value * 100);
  return Math.abs(hundredths - value * 100) < 1e-6 ? hundredths / 100 : null;
}

/** A fiscal year in the Buddhist Era ("2568", "๒๕๖๘", "ปีงบประมาณ 2568", "พ.ศ. 2568"); null otherwise. */
export function parseYearBe(text: string): number | null {
  const digits = thaiDigitsToArabic(normaliseThaiText(text)).replace(/^(ปีงบประมาณ|ปีงบ|ปี|พ\.ศ\.|พศ)\s*/, "").replace(/\s/g, "");
  if (!/^\d{4}$/.test(digits)) return null;
  const year = Number(digits);
  return year >= 2500 && year <= 2700 ? year : null;
}

const levelKey = (text: string) => thaiDigitsToArabic(normaliseThaiText(text)).replace(/[\s.]/g, "").toUpperCase();

/**
 * The year's rule label a written level means ("aa", "ผ่าน ดีเยี่ยม", "ระดับ ผ่านดี"), or null when
 * the year's table has no such level.
 */
export function matchLevel(text: string, labels: string[]): string | null {
  const key = levelKey(text).replace(/^ระดับ/, "");
  return labels.find((label) => levelKey(label) === key) ?? null;
}

/** Levenshtein distance, for the closest names of an unmatched row (short strings only). */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}
