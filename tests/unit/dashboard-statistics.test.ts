// Pure statistics of the dashboards: mean and median on hundredths, histogram bins, movers and
// ranking. Expected values are worked out by hand in the comments.
import { describe, expect, it } from "vitest";
import {
  emptyHistogram,
  histogram,
  histogramBinIndex,
  mean,
  median,
  pickMovers,
  rankByTotal,
  summarize,
} from "@/server/services/dashboard/statistics";

describe("mean", () => {
  it("is null for no values", () => {
    expect(mean([])).toBeNull();
  });

  it("is exact on hundredths and rounds half up to 2 decimals", () => {
    expect(mean([80])).toBe(80);
    // 72.50 + 88.00 + 45.25 + 95.00 = 300.75; ÷ 4 = 75.1875 → 75.19
    expect(mean([72.5, 88, 45.25, 95])).toBe(75.19);
    // 90 + 78.45 = 168.45; ÷ 2 = 84.225 → 84.23 (on floats it is 84.22499…: toFixed(2) gives "84.22")
    expect(mean([90, 78.45])).toBe(84.23);
    // 0.1 + 0.2 + 0.3 = 0.6 exactly on hundredths; ÷ 3 = 0.2
    expect(mean([0.1, 0.2, 0.3])).toBe(0.2);
    // 85.25 + 85.50 + 90 = 260.75; ÷ 3 = 86.91666… → 86.92
    expect(mean([85.25, 85.5, 90])).toBe(86.92);
  });
});

describe("median", () => {
  it("is null for no values", () => {
    expect(median([])).toBeNull();
  });

  it("is the middle value of an odd count, whatever the input order", () => {
    expect(median([90])).toBe(90);
    expect(median([90, 62, 85.25, 78.45, 85.5])).toBe(85.25);
  });

  it("is the mean of the two middle values of an even count, rounded half up", () => {
    expect(median([88, 45.25, 95, 72.5])).toBe(80.25); // (72.50 + 88.00) ÷ 2
    expect(median([85.25, 85.5])).toBe(85.38); // 85.375 → 85.38
    expect(median([78.45, 90])).toBe(84.23); // 84.225 → 84.23
    expect(median([1, 1, 2, 100])).toBe(1.5);
  });

  it("does not change its input", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("summarize", () => {
  it("gives nulls and a zero count for no values", () => {
    expect(summarize([])).toEqual({ count: 0, mean: null, median: null, min: null, max: null });
  });

  it("gives count, mean, median, min and max", () => {
    // 55.50, 80, 86.75, 91.25, 97: sum 410.50, mean 82.10, median 86.75
    expect(summarize([80, 91.25, 55.5, 97, 86.75])).toEqual({ count: 5, mean: 82.1, median: 86.75, min: 55.5, max: 97 });
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

  it("puts each boundary in the bin that starts there, and 100 in the last bin", () => {
    expect(histogramBinIndex(0)).toBe(0);
    expect(histogramBinIndex(49.99)).toBe(0);
    expect(histogramBinIndex(50)).toBe(1);
    expect(histogramBinIndex(54.99)).toBe(1);
    expect(histogramBinIndex(55)).toBe(2);
    expect(histogramBinIndex(84.99)).toBe(7);
    expect(histogramBinIndex(85)).toBe(8);
    expect(histogramBinIndex(94.99)).toBe(9);
    expect(histogramBinIndex(95)).toBe(10);
    expect(histogramBinIndex(100)).toBe(10);
    // 0.1 steps that floats get wrong: 64.99 + 0.01 is 65 on hundredths
    expect(histogramBinIndex(64.99 + 0.01)).toBe(4);
  });

  it("counts every score once", () => {
    const scores = [45.25, 50, 62, 78.45, 85.25, 85.5, 90, 95, 100];
    const bins = histogram(scores);
    expect(bins.map((bin) => bin.count)).toEqual([1, 1, 0, 1, 0, 0, 1, 0, 2, 1, 2]);
    expect(bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(scores.length);
    expect(histogram([]).every((bin) => bin.count === 0)).toBe(true);
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

describe("rankByTotal", () => {
  it("sorts by total descending, shares ranks on ties and puts missing totals last without a rank", () => {
    const ranked = rankByTotal([
      { organizationId: "a", nameTh: "ค", total: 80 },
      { organizationId: "b", nameTh: "ข", total: null },
      { organizationId: "c", nameTh: "ข", total: 90 },
      { organizationId: "d", nameTh: "ก", total: 80 },
      { organizationId: "e", nameTh: "ก", total: 70.5 },
      { organizationId: "f", nameTh: "ก", total: null },
    ]);
    expect(ranked.map((r) => [r.organizationId, r.rank])).toEqual([
      ["c", 1],
      ["d", 2], // 80, "ก" before "ค"
      ["a", 2],
      ["e", 4],
      ["f", null], // no total, "ก" before "ข"
      ["b", null],
    ]);
  });
});
