// What the compare page compares: pure facts shared by the service and the browser.

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
