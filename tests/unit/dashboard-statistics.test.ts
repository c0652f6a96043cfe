// Pure statistics of the dashboards: rounding of hundredths, histogram bins and movers (the
// counting itself is SQL, checked in tests/integration/dashboard.test.ts). Expected values are
// worked out by hand in the comments.
import { describe, expect, it } from "vitest";
import { emptyHistogram, fromCents, pickMovers } from "@/server/services/dashboard/statistics";

describe("fromCents", () => {
  it("rounds hundredths half up to 2 decimals", () => {
    expect(fromCents(8525)).toBe(85.25);
    expect(fromCents(8537.5)).toBe(85.38); // middle of 85.25 and 85.50
    expect(fromCents(7518.75)).toBe(75.19); // 300.75 / 4
    expect(fromCents(6858.333)).toBe(68.58);
  });
});

describe("histogram", () => {
  it("has '<50' then ten 5-point bins up to 100", () => {
    const bins = emptyHistogram();
    expect(bins.map((bin) => bin.label)).toEqual([
      "<50",
      "50–54.99",
      "55–59.99",
      "60–64.99",
      "65–69.99",
      "70–74.99",
      "75–79.99",
      "80–84.99",
      "85–89.99",
      "90–94.99",
      "95–100",
    ]);
    expect(bins.map((bin) => [bin.from, bin.to])).toEqual([
      [0, 50],
      [50, 55],
      [55, 60],
      [60, 65],
      [65, 70],
      [70, 75],
      [75, 80],
      [80, 85],
      [85, 90],
      [90, 95],
      [95, 100],
    ]);
    expect(bins.every((bin) => bin.count === 0)).toBe(true);
  });
});

describe("pickMovers", () => {
  const row = (id: string, previous: number, current: number, nameTh = `อปท.${id}`) => ({
    organizationId: id,
    nameTh,
    previous,
    current,
  });

  it("gives the biggest rises and falls, largest first, exact on hundredths", () => {
    const { improvements, declines } = pickMovers([
      row("a", 80, 85.25), // +5.25
      row("b", 91.25, 85.5), // −5.75
      row("c", 55.5, 62), // +6.50
      row("d", 97, 90), // −7.00
      row("e", 86.75, 78.45), // −8.30
      row("f", 70, 70), // no change: neither
    ]);
    expect(improvements.map((m) => [m.organizationId, m.change])).toEqual([
      ["c", 6.5],
      ["a", 5.25],
    ]);
    expect(declines.map((m) => [m.organizationId, m.change])).toEqual([
      ["e", -8.3],
      ["d", -7],
      ["b", -5.75],
    ]);
    expect(improvements[0]).toEqual({ organizationId: "c", nameTh: "อปท.c", previous: 55.5, current: 62, change: 6.5 });
  });

  it("keeps at most the limit of each, ties by name", () => {
    const rows = [
      row("1", 50, 51), // +1
      row("2", 50, 52), // +2
      row("3", 50, 53), // +3
      row("4", 50, 54), // +4
      row("5", 50, 55), // +5
      row("6", 50, 56), // +6
      row("7", 50, 56, "ก"), // +6, name before "อปท.6"
      row("8", 60, 50), // −10
    ];
    const { improvements, declines } = pickMovers(rows);
    expect(improvements.map((m) => m.organizationId)).toEqual(["7", "6", "5", "4", "3"]);
    expect(declines.map((m) => m.organizationId)).toEqual(["8"]);
    expect(pickMovers(rows, 2).improvements.map((m) => m.organizationId)).toEqual(["7", "6"]);
  });

  it("gives nothing for no pairs", () => {
    expect(pickMovers([])).toEqual({ improvements: [], declines: [] });
  });
});
