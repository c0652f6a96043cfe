// What the compare page compares: pure facts shared by the service and the browser.
import { ORGANIZATION_TYPE_LABEL } from "./labels";

export const COMPARE_UNIT_KINDS = ["organization", "district", "province"] as const;
export type CompareUnitKind = (typeof COMPARE_UNIT_KINDS)[number];

/** At most this many units side by side (the charts stay readable). */
export const MAX_COMPARED_UNITS = 10;

/** The kinds of unit an area holds: a district only organisations, the country also provinces. */
export function unitKindsOf(area: { kind: "district" | "province" | "national" }): CompareUnitKind[] {
  if (area.kind === "district") return ["organization"];
  if (area.kind === "province") return ["organization", "district"];
  return ["organization", "district", "province"];
}

export const COMPARE_UNIT_LABEL: Record<CompareUnitKind, string> = {
  organization: "องค์กร (อปท.)",
  district: "อำเภอ",
  province: "จังหวัด",
};

// Longest first, so a shorter name that starts a longer one never wins.
const LONG_PREFIXES: { full: string; short: string }[] = [
  ...Object.values(ORGANIZATION_TYPE_LABEL),
  { full: "อำเภอ", short: "อ." },
  { full: "จังหวัด", short: "จ." },
].sort((a, b) => b.full.length - a.full.length);

/** A unit's name as chart labels show it, the type abbreviated: "องค์การบริหารส่วนตำบลท้ายหาด" → "อบต.ท้ายหาด". */
export function shortUnitName(nameTh: string): string {
  const prefix = LONG_PREFIXES.find(({ full }) => nameTh.startsWith(full));
  return prefix ? prefix.short + nameTh.slice(prefix.full.length) : nameTh;
}
