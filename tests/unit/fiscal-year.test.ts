import { describe, expect, it } from "vitest";
import { BE_OFFSET, fiscalYearBounds, fiscalYearOf, toBuddhistYear } from "@/server/domain/fiscal-year";

const utc = (year: number, monthIndex: number, day: number, hours = 0, minutes = 0) =>
  new Date(Date.UTC(year, monthIndex, day, hours, minutes));

describe("toBuddhistYear", () => {
  it("adds 543", () => {
    expect(BE_OFFSET).toBe(543);
    expect(toBuddhistYear(2025)).toBe(2568);
    expect(toBuddhistYear(2026)).toBe(2569);
    expect(toBuddhistYear(1957)).toBe(2500);
  });
});

describe("fiscalYearOf", () => {
  it.each<[string, Date, number]>([
    ["30 Sep 2025", utc(2025, 8, 30), 2568],
    ["30 Sep 2025 23:59 UTC", utc(2025, 8, 30, 23, 59), 2568],
    ["1 Oct 2025", utc(2025, 9, 1), 2569],
    ["1 Jan 2026", utc(2026, 0, 1), 2569],
    ["31 Dec 2025", utc(2025, 11, 31), 2569],
    ["1 Oct 2024", utc(2024, 9, 1), 2568],
    ["30 Sep 2024", utc(2024, 8, 30), 2567],
    ["7 Jan 2026 (the seed memo)", utc(2026, 0, 7), 2569],
    ["29 Feb 2024", utc(2024, 1, 29), 2567],
  ])("%s → %s", (_label, date, expected) => {
    expect(fiscalYearOf(date)).toBe(expected);
  });
});

describe("fiscalYearBounds", () => {
  it("FY2568 is 2024-10-01 .. 2025-09-30 (UTC midnight)", () => {
    const { start, end } = fiscalYearBounds(2568);
    expect(start.toISOString()).toBe("2024-10-01T00:00:00.000Z");
    expect(end.toISOString()).toBe("2025-09-30T00:00:00.000Z");
  });

  it("FY2569 is 2025-10-01 .. 2026-09-30", () => {
    const { start, end } = fiscalYearBounds(2569);
    expect(start.toISOString().slice(0, 10)).toBe("2025-10-01");
    expect(end.toISOString().slice(0, 10)).toBe("2026-09-30");
  });

  it("agrees with fiscalYearOf at both ends and just outside, for 2560–2570", () => {
    const day = 24 * 60 * 60 * 1000;
    for (let year = 2560; year <= 2570; year++) {
      const { start, end } = fiscalYearBounds(year);
      expect(fiscalYearOf(start)).toBe(year);
      expect(fiscalYearOf(end)).toBe(year);
      expect(fiscalYearOf(new Date(start.getTime() - day))).toBe(year - 1);
      expect(fiscalYearOf(new Date(end.getTime() + day))).toBe(year + 1);
      // consecutive years leave no gap
      expect(fiscalYearBounds(year + 1).start.getTime() - end.getTime()).toBe(day);
    }
  });
});
