// The values of the official อปท. registry as offices write them: DLA codes with Thai digits or
// without their leading zero (Excel drops it), types as full names or abbreviations, and
// districts and provinces with or without their "อำเภอ"/"จังหวัด" prefix.
import type { OrganizationType } from "@/server/db/generated/enums";
import { ORGANIZATION_TYPE_LABEL } from "./labels";
import { normaliseThaiText, thaiDigitsToArabic } from "./thai-text-normalise";

/** An 8-digit DLA code, or null. Seven digits are a code whose leading zero a spreadsheet dropped. */
export function parseDlaCode(text: string): string | null {
  const digits = thaiDigitsToArabic(text).replace(/[\s-]/g, "");
  if (/^\d{8}$/.test(digits)) return digits;
  if (/^\d{7}$/.test(digits)) return `0${digits}`;
  return null;
}

const typeKey = (text: string) => normaliseThaiText(text).replace(/[\s.]/g, "").toUpperCase();

const TYPE_BY_KEY = new Map<string, OrganizationType>(
  (Object.entries(ORGANIZATION_TYPE_LABEL) as [OrganizationType, { full: string; short: string }][]).flatMap(
    ([type, label]) => [label.full, label.short, type].map((name) => [typeKey(name), type] as const),
  ),
);

/** อบต., อบต, องค์การบริหารส่วนตำบล or SAO → SAO; null when not a type. */
export function parseOrganizationType(text: string): OrganizationType | null {
  return TYPE_BY_KEY.get(typeKey(text)) ?? null;
}

/** "อำเภอเมืองสมุทรสงคราม", "อ.เมืองสมุทรสงคราม" → "เมืองสมุทรสงคราม". */
export function districtName(text: string): string {
  return normaliseThaiText(text).replace(/^(อำเภอ|อ\.)\s*/, "");
}

/** "จังหวัดสมุทรสงคราม", "จ.สมุทรสงคราม" → "สมุทรสงคราม". */
export function provinceName(text: string): string {
  return normaliseThaiText(text).replace(/^(จังหวัด|จ\.)\s*/, "");
}
