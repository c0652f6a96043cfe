import { describe, expect, it } from "vitest";
import { allFiscalYearSeeds } from "@/prisma/seed/data/framework";
import { generateProvince, planProvinces, type YearCatalogue } from "@/prisma/seed/national/generate";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

// The catalogue as the database would hold it, with made-up ids.
const years: YearCatalogue[] = allFiscalYearSeeds().map((year) => ({
  yearBe: year.yearBe,
  fiscalYearId: `fy${year.yearBe}`,
  startDate: day(year.startDate),
  endDate: day(year.endDate),
  submissionDeadline: day(year.submissionDeadline),
  weights: year.weights,
  levelRules: year.levelRules,
  suggestedIssues: year.suggestedIssues.map((issue) => ({
    ...issue,
    id: `si${year.yearBe}_${issue.ordinal}`,
    resultItems: issue.resultItems.map((text, index) => ({ id: `ri${year.yearBe}_${issue.ordinal}_${index}`, text })),
  })),
}));
const yearOf = new Map(years.map((year) => [year.fiscalYearId, year]));

// The level tables of framework.ts written out by hand: letter bands to 2565, word levels from 2566.
function expectedLevel(yearBe: number, total: number, tools: (number | null)[]): string | null {
  if (yearBe <= 2565) {
    return total >= 95 ? "AA" : total >= 85 ? "A" : total >= 75 ? "B" : total >= 65 ? "C" : total >= 55 ? "D" : total >= 50 ? "E" : "F";
  }
  if (total < 85) return total >= 70 ? "ต้องปรับปรุง" : "ต้องปรับปรุงโดยด่วน";
  if (tools.some((tool) => tool === null)) return null;
  const lowest = Math.min(...(tools as number[]));
  return total >= 95 && lowest >= 95 ? "ผ่านดีเยี่ยม" : lowest >= 85 ? "ผ่านดี" : "ผ่าน";
}

const plans = planProvinces();
const sample = plans.slice(0, 6).map((plan) => generateProvince(plan, years, 2));
const flat = <K extends keyof (typeof sample)[number]>(key: K) => sample.flatMap((province) => province[key] as unknown[]) as (typeof sample)[number][K];

describe("national plan", () => {
  it("adds up to 76 provinces, 878 districts and 7,850 organisations; the first has exactly 250", () => {
    expect(plans).toHaveLength(76);
    expect(plans.reduce((sum, plan) => sum + plan.organizations, 0)).toBe(7850);
    expect(plans.reduce((sum, plan) => sum + plan.districts, 0)).toBe(878);
    expect(plans[0]!.organizations).toBe(250);
    for (const plan of plans.slice(1)) {
      expect(plan.organizations).toBeGreaterThanOrEqual(60);
      expect(plan.organizations).toBeLessThanOrEqual(200);
    }
    expect(new Set(plans.map((plan) => plan.organizations)).size).toBeGreaterThan(30);
  });

  it("a smaller run is the start of the full one", () => {
    expect(planProvinces(3)).toEqual(plans.slice(0, 3));
    expect(() => planProvinces(77)).toThrow(RangeError);
    expect(() => planProvinces(0)).toThrow(RangeError);
  });
});

describe("national province generator", () => {
  it("is deterministic: the same plan gives the same rows", () => {
    expect(generateProvince(plans[1]!, years, 2)).toEqual(sample[1]);
    expect(JSON.stringify(generateProvince(plans[0]!, years, 2))).toBe(JSON.stringify(sample[0]));
  });

  it("asking for more report years leaves scores and the existing years' reports unchanged", () => {
    const wider = generateProvince(plans[2]!, years, 3);
    expect(wider.itaResults).toEqual(sample[2]!.itaResults);
    const latestTwo = wider.reports.filter((report) => report.fiscalYearId !== "fy2567");
    expect(latestTwo).toEqual(sample[2]!.reports);
    expect(wider.reports.some((report) => report.fiscalYearId === "fy2567")).toBe(true);
  });

  it("makes the 250-organisation province with every district used and synthetic codes and names", () => {
    const first = sample[0]!;
    expect(first.organizations).toHaveLength(250);
    expect(first.province.code).toBe("S01");
    expect(first.province.nameTh).toContain("สังเคราะห์");
    const used = new Set(first.organizations.map((organization) => organization.districtId));
    expect(used.size).toBe(first.districts.length);
    const organizations = flat("organizations");
    expect(new Set(organizations.map((organization) => organization.dlaCode)).size).toBe(organizations.length);
    for (const organization of organizations) {
      expect(organization.dlaCode).toMatch(/^S\d{7}$/);
      expect(organization.id.startsWith("syn_")).toBe(true);
      expect(organization.nameTh).toContain("สังเคราะห์");
    }
    for (const district of flat("districts")) expect(district.code).toMatch(/^S\d{4}$/);
    const types = new Set(organizations.map((organization) => organization.type));
    expect([...types].sort()).toEqual(["CITY_MUNICIPALITY", "PAO", "SAO", "SUBDISTRICT_MUNICIPALITY", "TOWN_MUNICIPALITY"]);
    expect(organizations.filter((organization) => organization.type === "PAO")).toHaveLength(6);
    expect(organizations.filter((organization) => organization.type === "SAO").length / organizations.length).toBeGreaterThan(0.5);
  });

  it("scores are within 0–100, the total is the weighted tools, and the tail and gaps exist", () => {
    const results = flat("itaResults");
    const organizations = flat("organizations").length;
    // Ten years per organisation, a few missing.
    expect(results.length).toBeLessThan(organizations * 10);
    expect(results.length).toBeGreaterThan(organizations * 10 * 0.9);
    for (const result of results) {
      expect(result.origin).toBe("SYNTHETIC");
      for (const score of [result.total, result.iit, result.eit, result.oit]) {
        if (score === null) continue;
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
      }
      if (result.iit !== null) {
        // Weights 30/30/40 in every year of framework.ts.
        expect(Math.abs(result.total - (0.3 * result.iit + 0.3 * result.eit! + 0.4 * result.oit!))).toBeLessThan(0.006);
      }
    }
    expect(results.filter((result) => result.iit === null).length / results.length).toBeGreaterThan(0.03);
    expect(results.some((result) => result.total < 50)).toBe(true);
    const mean = (yearBe: number) => {
      const totals = results.filter((result) => result.fiscalYearId === `fy${yearBe}`).map((result) => result.total);
      return totals.reduce((sum, total) => sum + total, 0) / totals.length;
    };
    expect(mean(2568)).toBeGreaterThan(92);
    expect(mean(2568)).toBeLessThan(96);
    expect(mean(2560)).toBeLessThan(mean(2564));
    expect(mean(2564)).toBeLessThan(mean(2568));
  });

  it("derived levels follow the year's table; announced levels mostly agree and disagreements are flagged", () => {
    const results = flat("itaResults");
    const wrong = results.filter((result) => {
      const yearBe = yearOf.get(result.fiscalYearId)!.yearBe;
      const mismatch = result.announcedLevel !== null && result.derivedLevel !== null && result.announcedLevel !== result.derivedLevel;
      return result.derivedLevel !== expectedLevel(yearBe, result.total, [result.iit, result.eit, result.oit]) || result.levelMismatch !== mismatch;
    });
    expect(wrong).toEqual([]);
    expect(results.filter((result) => result.derivedLevel === null).length).toBeGreaterThan(0);
    const mismatches = results.filter((result) => result.levelMismatch).length / results.length;
    expect(mismatches).toBeGreaterThan(0.003);
    expect(mismatches).toBeLessThan(0.05);
  });

  it("reports: mixed statuses with the workflow's fields, about 20 measures, dates inside the year, links to the catalogue", () => {
    const reports = flat("reports");
    const organizations = flat("organizations").length;
    // Two report years, about 5% missing.
    expect(reports.length / (organizations * 2)).toBeGreaterThan(0.9);
    expect(reports.length / (organizations * 2)).toBeLessThan(0.99);
    const statuses = new Set(reports.map((report) => report.status));
    expect([...statuses].sort()).toEqual(["ACCEPTED", "DRAFT", "IN_SIGN_OFF", "RETURNED", "SUBMITTED"]);
    expect(reports.filter((report) => report.status === "ACCEPTED" || report.status === "SUBMITTED").length / reports.length).toBeGreaterThan(0.6);
    for (const report of reports) {
      expect(report.origin).toBe("SYNTHETIC");
      const sent = ["SUBMITTED", "RETURNED", "ACCEPTED"].includes(report.status);
      expect(report.submittedAt !== null).toBe(sent);
      expect(report.revision >= 1).toBe(sent);
      expect(report.acceptedAt !== null).toBe(report.status === "ACCEPTED");
      expect(report.currentStep !== null).toBe(report.status === "IN_SIGN_OFF");
      if (report.status === "IN_SIGN_OFF") expect(report.signOffRound).toBeGreaterThanOrEqual(1);
    }

    const issues = flat("issues");
    const measures = flat("measures");
    expect(measures.length / reports.length).toBeGreaterThan(16);
    expect(measures.length / reports.length).toBeLessThan(24);
    const reportYear = new Map(reports.map((report) => [report.id, yearOf.get(report.fiscalYearId)!]));
    const issueYear = new Map(issues.map((issue) => [issue.id, reportYear.get(issue.reportId)!]));
    for (const issue of issues) {
      if (issue.suggestedIssueId === null) continue;
      expect(issueYear.get(issue.id)!.suggestedIssues.map((suggested) => suggested.id)).toContain(issue.suggestedIssueId);
    }
    expect(issues.some((issue) => issue.suggestedIssueId === null)).toBe(true);
    const measureYear = new Map(measures.map((measure) => [measure.id, issueYear.get(measure.issueId)!]));
    // Collected and compared once: one expect per row would dominate the run time.
    const outsideYear = measures.filter((measure) => {
      const year = measureYear.get(measure.id)!;
      return measure.periodStart < year.startDate || measure.periodEnd > year.endDate || measure.periodStart > measure.periodEnd;
    });
    expect(outsideYear).toEqual([]);
    expect(measures.filter((measure) => !measure.steps.length || !measure.responsibleUnits.length || !measure.outcomes.length)).toEqual([]);
    const items = flat("resultItems");
    const standardText = new Map(years.flatMap((year) => year.suggestedIssues.flatMap((issue) => issue.resultItems.map((item) => [item.id, { text: item.text, year }] as const))));
    const wronglyLinked = items.filter((item) => {
      if (item.standardItemId === null) return false;
      const standard = standardText.get(item.standardItemId);
      return standard?.text !== item.text || standard.year !== measureYear.get(item.measureId);
    });
    expect(wronglyLinked).toEqual([]);
    expect(items.filter((item) => item.standardItemId !== null).length / items.length).toBeGreaterThan(0.8);
    const checked = items.filter((item) => item.checked).length / items.length;
    expect(checked).toBeGreaterThan(0.6);
    expect(checked).toBeLessThan(0.95);
    expect(flat("evidenceLinks").length / measures.length).toBeGreaterThan(0.2);
  });
});
