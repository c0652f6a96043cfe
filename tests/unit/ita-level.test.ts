// deriveLevel / levelsDiffer against the real rule tables of the seed framework data.
import { describe, expect, it } from "vitest";
import { deriveLevel, levelsDiffer, resolveLevel, type LevelRuleInput, type ScoresInput } from "@/server/domain/ita-level";
import { fiscalYearSeed } from "@/prisma/seed/data/framework";
import { thaihad2568 } from "@/prisma/seed/data/thaihad-2568";

const LETTER_RULES: LevelRuleInput[] = fiscalYearSeed(2565).levelRules;
const WORD_RULES: LevelRuleInput[] = fiscalYearSeed(2566).levelRules;

const EXCELLENT = "ผ่านดีเยี่ยม";
const GOOD = "ผ่านดี";
const PASS = "ผ่าน";
const IMPROVE = "ต้องปรับปรุง";
const IMPROVE_URGENTLY = "ต้องปรับปรุงโดยด่วน";

const allTools = (score: number) => ({ iit: score, eit: score, oit: score });

describe("rule tables used here", () => {
  it("FY2565 has letter bands and FY2566 word levels", () => {
    expect(LETTER_RULES.map((r) => r.label)).toEqual(["AA", "A", "B", "C", "D", "E", "F"]);
    expect(WORD_RULES.map((r) => r.label)).toEqual([EXCELLENT, GOOD, PASS, IMPROVE, IMPROVE_URGENTLY]);
  });
});

describe("deriveLevel — FY2566 word levels, all tools known", () => {
  it.each<[number, string]>([
    [100, EXCELLENT],
    [95.0, EXCELLENT],
    [94.99, GOOD],
    [90, GOOD],
    [85.0, GOOD],
    [84.99, IMPROVE],
    [70, IMPROVE],
    [69.99, IMPROVE_URGENTLY],
    [0, IMPROVE_URGENTLY],
  ])("total %s with every tool at 100 → %s", (total, expected) => {
    expect(deriveLevel(WORD_RULES, { total, ...allTools(100) })).toBe(expected);
  });

  const toolNames = ["iit", "eit", "oit"] as const;
  describe.each(toolNames)("one tool (%s) lower, the others at 100, total 96", (tool) => {
    it.each<[number, string]>([
      [100, EXCELLENT],
      [95, EXCELLENT],
      [94.99, GOOD],
      [90, GOOD],
      [85, GOOD],
      [84.99, PASS],
      [80, PASS],
      [0, PASS],
    ])("%s at %s → %s", (score, expected) => {
      expect(deriveLevel(WORD_RULES, { total: 96, ...allTools(100), [tool]: score })).toBe(expected);
    });
  });

  it("a total of 90 stays ผ่านดี even with every tool at 100 (the total gates ผ่านดีเยี่ยม)", () => {
    expect(deriveLevel(WORD_RULES, { total: 90, ...allTools(100) })).toBe(GOOD);
  });

  it("a total of 88 with a tool at 80 → ผ่าน", () => {
    expect(deriveLevel(WORD_RULES, { total: 88, iit: 99, eit: 80, oit: 90 })).toBe(PASS);
  });

  it("tools below the minimum do not matter under 85", () => {
    expect(deriveLevel(WORD_RULES, { total: 75, ...allTools(0) })).toBe(IMPROVE);
    expect(deriveLevel(WORD_RULES, { total: 10, ...allTools(100) })).toBe(IMPROVE_URGENTLY);
  });

  // An independent statement of the 2566+ rule, checked over a grid of totals and tool scores.
  function expectedWordLevel(total: number, iit: number, eit: number, oit: number): string {
    const lowestTool = Math.min(iit, eit, oit);
    if (total >= 95 && lowestTool >= 95) return EXCELLENT;
    if (total >= 85 && lowestTool >= 85) return GOOD;
    if (total >= 85) return PASS;
    if (total >= 70) return IMPROVE;
    return IMPROVE_URGENTLY;
  }

  it("matches the written rule over a grid of scores, and always gives a level", () => {
    const values = [0, 50, 69.99, 70, 80, 84.99, 85, 90, 94.99, 95, 97.5, 100];
    let checked = 0;
    for (const total of values)
      for (const iit of values)
        for (const eit of [0, 84.99, 85, 95, 100])
          for (const oit of [84.99, 94.99, 95, 100]) {
            const derived = deriveLevel(WORD_RULES, { total, iit, eit, oit });
            expect(derived, JSON.stringify({ total, iit, eit, oit })).toBe(expectedWordLevel(total, iit, eit, oit));
            checked++;
          }
    expect(checked).toBe(12 * 12 * 5 * 4);
  });
});

describe("deriveLevel — FY2566 word levels, tools unknown", () => {
  it.each<[string, ScoresInput]>([
    ["no tool fields", { total: 96.44 }],
    ["tools null", { total: 96.44, iit: null, eit: null, oit: null }],
    ["tools undefined", { total: 96.44, iit: undefined, eit: undefined, oit: undefined }],
    ["only OIT missing", { total: 96.44, iit: 100, eit: 100, oit: null }],
    ["only IIT missing", { total: 96.44, eit: 100, oit: 100 }],
  ])("total 96.44, %s → null (a tool rule could apply)", (_name, scores) => {
    expect(deriveLevel(WORD_RULES, scores)).toBeNull();
  });

  it("a known tool below the minimum decides the level even when the others are unknown", () => {
    expect(deriveLevel(WORD_RULES, { total: 96, iit: 80, eit: null, oit: null })).toBe("ผ่าน");
    expect(deriveLevel(WORD_RULES, { total: 96, iit: 90, eit: null, oit: null })).toBeNull();
  });

  it.each([95, 90, 85])("total %s without tools → null (ผ่านดี or ผ่าน cannot be told apart)", (total) => {
    expect(deriveLevel(WORD_RULES, { total })).toBeNull();
  });

  it.each<[number, string]>([
    [84.99, IMPROVE],
    [80, IMPROVE],
    [70, IMPROVE],
    [69.99, IMPROVE_URGENTLY],
    [0, IMPROVE_URGENTLY],
  ])("total %s without tools → %s (no tool rule can apply)", (total, expected) => {
    expect(deriveLevel(WORD_RULES, { total })).toBe(expected);
    expect(deriveLevel(WORD_RULES, { total, iit: null, eit: null, oit: null })).toBe(expected);
  });
});

describe("deriveLevel — FY2565 letter bands", () => {
  it.each<[number, string]>([
    [100, "AA"],
    [95.0, "AA"],
    [94.99, "A"],
    [85.0, "A"],
    [84.99, "B"],
    [75, "B"],
    [74.99, "C"],
    [70, "C"],
    [69.99, "C"],
    [65, "C"],
    [64.99, "D"],
    [55, "D"],
    [54.99, "E"],
    [50, "E"],
    [49.99, "F"],
    [0, "F"],
  ])("total %s → %s", (total, expected) => {
    expect(deriveLevel(LETTER_RULES, { total })).toBe(expected);
  });

  it("ignores the tool scores, known or not", () => {
    expect(deriveLevel(LETTER_RULES, { total: 96, ...allTools(0) })).toBe("AA");
    expect(deriveLevel(LETTER_RULES, { total: 96, iit: 10, eit: null, oit: undefined })).toBe("AA");
    expect(deriveLevel(LETTER_RULES, { total: 40, ...allTools(100) })).toBe("F");
  });
});

describe("deriveLevel — rule order", () => {
  // Deterministic Fisher–Yates with a small LCG, so a failure is reproducible.
  function shuffled<T>(items: T[], seed: number): T[] {
    const out = [...items];
    let state = seed;
    for (let i = out.length - 1; i > 0; i--) {
      state = (state * 1103515245 + 12345) % 2147483648;
      const j = state % (i + 1);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }

  const cases: [LevelRuleInput[], ScoresInput, string | null][] = [
    [WORD_RULES, { total: 99.66, ...allTools(96) }, EXCELLENT],
    [WORD_RULES, { total: 96, iit: 100, eit: 90, oit: 100 }, GOOD],
    [WORD_RULES, { total: 96, iit: 100, eit: 80, oit: 100 }, PASS],
    [WORD_RULES, { total: 80 }, IMPROVE],
    [WORD_RULES, { total: 12 }, IMPROVE_URGENTLY],
    [WORD_RULES, { total: 96.44 }, null],
    [LETTER_RULES, { total: 95 }, "AA"],
    [LETTER_RULES, { total: 60 }, "D"],
    [LETTER_RULES, { total: 0 }, "F"],
  ];

  it("gives the same level whatever order the rules come in", () => {
    for (const [rules, scores, expected] of cases) {
      const orders = [rules, [...rules].reverse(), ...[1, 2, 3, 42, 2566].map((seed) => shuffled(rules, seed))];
      // At least one order really differs from rank order.
      expect(orders.some((order) => order.some((rule, i) => rule.rank !== i + 1))).toBe(true);
      for (const order of orders) {
        expect(deriveLevel(order, scores), `${JSON.stringify(scores)} / ${order.map((r) => r.rank)}`).toBe(expected);
      }
    }
  });

  it("does not reorder the caller's array", () => {
    const reversed = [...WORD_RULES].reverse();
    const before = reversed.map((rule) => rule.rank);
    deriveLevel(reversed, { total: 99, ...allTools(99) });
    expect(reversed.map((rule) => rule.rank)).toEqual(before);
  });

  it("gives null when there are no rules", () => {
    expect(deriveLevel([], { total: 100, ...allTools(100) })).toBeNull();
  });
});

describe("the seed report's results", () => {
  const result = (yearBe: number) => {
    const found = thaihad2568.itaResults.find((r) => r.yearBe === yearBe);
    if (!found) throw new Error(`no ITA result for ${yearBe}`);
    return found;
  };

  it("FY2567: 96.44 announced ผ่านดี; without tool scores the level is unknown, so no mismatch", () => {
    const { total, announcedLevel } = result(2567);
    expect([total, announcedLevel]).toEqual([96.44, GOOD]);
    const derived = deriveLevel(fiscalYearSeed(2567).levelRules, { total });
    expect(derived).toBeNull();
    expect(levelsDiffer(announcedLevel, derived)).toBe(false);
  });

  it("FY2568: 99.66 with every tool at least 95 → ผ่านดีเยี่ยม, as announced", () => {
    const { total, announcedLevel } = result(2568);
    expect([total, announcedLevel]).toEqual([99.66, EXCELLENT]);
    const derived = deriveLevel(fiscalYearSeed(2568).levelRules, { total, iit: 99.5, eit: 95, oit: 100 });
    expect(derived).toBe(EXCELLENT);
    expect(levelsDiffer(announcedLevel, derived)).toBe(false);
  });

  it("FY2568: the same total with a tool at 94 would contradict the announced level", () => {
    const derived = deriveLevel(fiscalYearSeed(2568).levelRules, { total: 99.66, iit: 99, eit: 94, oit: 100 });
    expect(derived).toBe(GOOD);
    expect(levelsDiffer(EXCELLENT, derived)).toBe(true);
  });
});

describe("levelsDiffer", () => {
  it("is false for equal levels", () => {
    expect(levelsDiffer(GOOD, GOOD)).toBe(false);
    expect(levelsDiffer("AA", "AA")).toBe(false);
  });

  it("ignores whitespace anywhere", () => {
    expect(levelsDiffer(" ผ่านดี ", GOOD)).toBe(false);
    expect(levelsDiffer("ผ่าน ดี", GOOD)).toBe(false);
    expect(levelsDiffer("ผ่าน\tดี\n", "ผ่านดี")).toBe(false);
    expect(levelsDiffer("ต้อง ปรับปรุง", "ต้องปรับปรุง ")).toBe(false);
  });

  it("is true for different levels", () => {
    expect(levelsDiffer(GOOD, EXCELLENT)).toBe(true);
    expect(levelsDiffer(GOOD, PASS)).toBe(true);
    expect(levelsDiffer(IMPROVE, IMPROVE_URGENTLY)).toBe(true);
    expect(levelsDiffer("AA", "A")).toBe(true);
  });

  it("is false when either side is missing", () => {
    expect(levelsDiffer(null, GOOD)).toBe(false);
    expect(levelsDiffer(undefined, GOOD)).toBe(false);
    expect(levelsDiffer("", GOOD)).toBe(false);
    expect(levelsDiffer(GOOD, null)).toBe(false);
    expect(levelsDiffer(null, null)).toBe(false);
  });
});

describe("resolveLevel — the one level every surface shows, with its basis", () => {
  it("ท้ายหาด FY2568 (99.66, announced ผ่านดีเยี่ยม, no tool scores): as announced", () => {
    expect(resolveLevel(WORD_RULES, { total: 99.66, announcedLevel: EXCELLENT })).toEqual({ level: EXCELLENT, basis: "ANNOUNCED" });
  });

  it("the announced level wins over the rules, spelled as the rule when only spaces differ", () => {
    expect(resolveLevel(WORD_RULES, { total: 86.75, ...allTools(90), iit: 80, announcedLevel: " ผ่าน ดี " })).toEqual({ level: GOOD, basis: "ANNOUNCED" });
    expect(resolveLevel(WORD_RULES, { total: 60, announcedLevel: "ระดับที่ไม่มีในเกณฑ์" })).toEqual({ level: "ระดับที่ไม่มีในเกณฑ์", basis: "ANNOUNCED" });
  });

  it("no announced level: by the year's rule when the scores decide it", () => {
    expect(resolveLevel(WORD_RULES, { total: 91.25, iit: 90, eit: 92, oit: 91.5 })).toEqual({ level: GOOD, basis: "RULE" });
    expect(resolveLevel(LETTER_RULES, { total: 72.5 })).toEqual({ level: "C", basis: "RULE" });
  });

  it("tool scores missing where the rule needs them: by the total alone", () => {
    expect(deriveLevel(WORD_RULES, { total: 97 })).toBeNull();
    expect(resolveLevel(WORD_RULES, { total: 97 })).toEqual({ level: EXCELLENT, basis: "TOTAL_ONLY" });
    expect(resolveLevel(WORD_RULES, { total: 97, iit: 96 })).toEqual({ level: EXCELLENT, basis: "TOTAL_ONLY" });
  });

  it("a year without rules has no level", () => {
    expect(resolveLevel([], { total: 97 })).toEqual({ level: null, basis: null });
  });
});
