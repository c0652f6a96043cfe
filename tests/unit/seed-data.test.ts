// Sanity of the seed data (framework, Samut Songkhram, the Thaihad FY2568 report) and a check of
// the typed-in report against the raw OCR text of the seed.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import {
  allFiscalYearSeeds,
  FIRST_FISCAL_YEAR_BE,
  fiscalYearSeed,
  LAST_FISCAL_YEAR_BE,
} from "@/prisma/seed/data/framework";
import { samutSongkhram } from "@/prisma/seed/data/samut-songkhram";
import { thaihad2568 } from "@/prisma/seed/data/thaihad-2568";
import { deriveLevel } from "@/server/domain/ita-level";
import { fiscalYearBounds } from "@/server/domain/fiscal-year";

const YEARS = Array.from({ length: 10 }, (_, i) => 2560 + i);

describe("fiscalYearSeed", () => {
  it("covers 2560–2569 and nothing else", () => {
    expect([FIRST_FISCAL_YEAR_BE, LAST_FISCAL_YEAR_BE]).toEqual([2560, 2569]);
    expect(allFiscalYearSeeds().map((seed) => seed.yearBe)).toEqual(YEARS);
    for (const bad of [2559, 2570, 2565.5, Number.NaN]) expect(() => fiscalYearSeed(bad)).toThrow(RangeError);
  });

  describe.each(YEARS)("FY%s", (year) => {
    const seed = fiscalYearSeed(year);

    it("runs 1 Oct (y-544) CE to 30 Sep (y-543) CE", () => {
      expect(seed.yearBe).toBe(year);
      expect(seed.startDate).toBe(`${year - 544}-10-01`);
      expect(seed.endDate).toBe(`${year - 543}-09-30`);
      const bounds = fiscalYearBounds(year);
      expect(new Date(seed.startDate).getTime()).toBe(bounds.start.getTime());
      expect(new Date(seed.endDate).getTime()).toBe(bounds.end.getTime());
      expect(new Date(seed.submissionDeadline).getTime()).toBeGreaterThan(bounds.end.getTime());
    });

    it("has weights summing to 100", () => {
      expect(seed.weights.iit + seed.weights.eit + seed.weights.oit).toBe(100);
    });

    it("has ten indicators numbered 1..10", () => {
      expect(seed.indicators.map((indicator) => indicator.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(new Set(seed.indicators.map((indicator) => indicator.nameTh)).size).toBe(10);
    });

    it("has level rules with unique ranks and minTotal not increasing with rank", () => {
      const ranks = seed.levelRules.map((rule) => rule.rank);
      expect(new Set(ranks).size).toBe(ranks.length);
      const byRank = [...seed.levelRules].sort((a, b) => a.rank - b.rank);
      for (let i = 1; i < byRank.length; i++) {
        expect(byRank[i]!.minTotal, `rank ${byRank[i]!.rank}`).toBeLessThanOrEqual(byRank[i - 1]!.minTotal);
      }
      expect(new Set(seed.levelRules.map((rule) => rule.label)).size).toBe(seed.levelRules.length);
    });

    it("has a rule with minTotal 0 and no tool minimum, so every score gets a level when tools are known", () => {
      const floor = seed.levelRules.filter((rule) => rule.minTotal === 0);
      expect(floor).toHaveLength(1);
      expect(floor[0]!.minEachTool).toBeNull();
      for (const total of [0, 0.01, 49.99, 69.99, 84.99, 94.99, 95, 100])
        for (const tool of [0, 50, 85, 95, 100])
          expect(deriveLevel(seed.levelRules, { total, iit: tool, eit: 100, oit: tool })).not.toBeNull();
    });

    it("uses letter bands up to 2565 and word levels with tool minimums from 2566", () => {
      const withToolMinimum = seed.levelRules.filter((rule) => rule.minEachTool !== null);
      if (year <= 2565) {
        expect(withToolMinimum).toEqual([]);
        expect(seed.levelRules.map((r) => r.label)).toContain("AA");
      } else {
        expect(withToolMinimum.map((r) => r.label).sort()).toEqual(["ผ่านดี", "ผ่านดีเยี่ยม"].sort());
      }
    });
  });

  it("returns copies: changing one year's data does not change another's", () => {
    const a = fiscalYearSeed(2568);
    a.levelRules[0]!.minTotal = 1;
    a.indicators[0]!.number = 99;
    a.suggestedIssues[0]!.resultItems.push("x");
    const b = fiscalYearSeed(2568);
    expect(b.levelRules[0]!.minTotal).toBe(95);
    expect(b.indicators[0]!.number).toBe(1);
    expect(b.suggestedIssues[0]!.resultItems).not.toContain("x");
  });
});

describe("samutSongkhram", () => {
  const { districts, organizations } = samutSongkhram;

  it("has 3 districts", () => {
    expect(districts.map((d) => d.code)).toEqual(["7501", "7502", "7503"]);
  });

  it("places every organisation in one of them", () => {
    const codes = new Set(districts.map((d) => d.code));
    for (const organization of organizations) expect(codes, organization.nameTh).toContain(organization.districtCode);
    for (const code of codes) expect(organizations.some((o) => o.districtCode === code)).toBe(true);
  });

  it("has unique DLA codes and unique names", () => {
    const dlaCodes = organizations.map((o) => o.dlaCode);
    expect(new Set(dlaCodes).size).toBe(dlaCodes.length);
    const names = organizations.map((o) => o.nameTh);
    expect(new Set(names).size).toBe(names.length);
  });

  it("has exactly one องค์การบริหารส่วนตำบลท้ายหาด, in district 7501", () => {
    const thaihad = organizations.filter((o) => o.nameTh === "องค์การบริหารส่วนตำบลท้ายหาด");
    expect(thaihad).toHaveLength(1);
    expect(thaihad[0]!.districtCode).toBe("7501");
    expect(thaihad2568.organizationNameTh).toBe(thaihad[0]!.nameTh);
  });
});

describe("thaihad2568", () => {
  it("has 7 issues, the first with 3 measures", () => {
    expect(thaihad2568.issues).toHaveLength(7);
    expect(thaihad2568.issues[0]!.measures).toHaveLength(3);
    expect(thaihad2568.issues.map((issue) => issue.measures.length)).toEqual([3, 1, 1, 1, 1, 1, 1]);
  });

  it("has the announced ITA results of 2567 and 2568", () => {
    expect(thaihad2568.itaResults).toEqual([
      { yearBe: 2567, total: 96.44, announcedLevel: "ผ่านดี" },
      { yearBe: 2568, total: 99.66, announcedLevel: "ผ่านดีเยี่ยม" },
    ]);
  });

  it("announces levels that exist in that year's rule table", () => {
    for (const result of thaihad2568.itaResults) {
      expect(fiscalYearSeed(result.yearBe).levelRules.map((r) => r.label)).toContain(result.announcedLevel);
    }
  });

  it("has every measure's period inside FY2568", () => {
    const { start, end } = fiscalYearBounds(thaihad2568.fiscalYearBe);
    let measures = 0;
    for (const issue of thaihad2568.issues)
      for (const measure of issue.measures) {
        const periodStart = new Date(measure.periodStart);
        const periodEnd = new Date(measure.periodEnd);
        expect(Number.isNaN(periodStart.getTime())).toBe(false);
        expect(Number.isNaN(periodEnd.getTime())).toBe(false);
        expect(periodStart.getTime()).toBeGreaterThanOrEqual(start.getTime());
        expect(periodEnd.getTime()).toBeLessThanOrEqual(end.getTime());
        expect(periodStart.getTime()).toBeLessThanOrEqual(periodEnd.getTime());
        measures++;
      }
    expect(measures).toBe(9);
  });

  it("uses indicator numbers of the framework and the suggested issue titles", () => {
    const framework = fiscalYearSeed(2568);
    for (const issue of thaihad2568.issues) {
      for (const n of issue.indicatorNumbers) expect(n).toBeGreaterThanOrEqual(1);
      for (const n of issue.indicatorNumbers) expect(n).toBeLessThanOrEqual(10);
      const suggested = framework.suggestedIssues.find((s) => s.ordinal === issue.suggestedOrdinal);
      expect(suggested?.title).toBe(issue.title);
    }
  });
});

describe("thaihad2568 against the seed's OCR text", () => {
  const fixture = fs.readFileSync(new URL("../fixtures/seed-report-thaihad-2568.txt", import.meta.url), "utf8");
  const squash = (text: string) => text.replace(/\s+/g, "");
  const squashedFixture = squash(fixture);

  it("contains every issue title, in order", () => {
    let from = 0;
    for (const issue of thaihad2568.issues) {
      const at = squashedFixture.indexOf(squash(issue.title), from);
      expect(at, issue.title).toBeGreaterThanOrEqual(from);
      from = at + squash(issue.title).length;
    }
  });

  it("has each title right after its numbered heading ประเด็นที่ ๑..๗", () => {
    const thaiDigits = "๐๑๒๓๔๕๖๗๘๙";
    thaihad2568.issues.forEach((issue, index) => {
      const heading = `ประเด็นที่${thaiDigits[index + 1]}`;
      expect(squashedFixture).toContain(heading + squash(issue.title));
    });
    expect(squashedFixture).not.toContain("ประเด็นที่๘");
  });
});
