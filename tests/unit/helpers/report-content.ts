// Small report contents for the unit tests of the pure report rules.
import type { Issue, Measure } from "@/server/domain/report-content";

/** A measure that passes every sending rule (a period inside FY2568, a unit, a checked result). */
export function measure(id: string, overrides: Partial<Measure> = {}): Measure {
  return {
    id,
    title: `มาตรการ ${id}`,
    steps: ["ขั้นแรก"],
    periodStart: "2024-10-01",
    periodEnd: "2025-09-30",
    responsibleUnits: ["สำนักปลัด"],
    resultItems: [{ text: "จัดทำคู่มือ", checked: true, standardItemId: null }],
    outcomes: [],
    evidenceLinks: [],
    ...overrides,
  };
}

export const issue = (id: string, measures: Measure[], title = `ประเด็น ${id}`): Issue => ({ id, title, indicatorNumbers: [], suggestedIssueId: null, measures });
