import { describe, expect, it } from "vitest";
import { checkLevelRules, type LevelRuleDraft } from "@/server/domain/level-rules";
import { fiscalYearSeed } from "@/prisma/seed/data/framework";

const rule = (label: string, minTotal: number, minEachTool: number | null, passing: boolean): LevelRuleDraft => ({ label, minTotal, minEachTool, passing });

describe("checkLevelRules", () => {
  it("accepts the seeded tables: letter bands (≤2565) and word levels with tool minimums (2566 on)", () => {
    for (const yearBe of [2565, 2569]) expect(checkLevelRules(fiscalYearSeed(yearBe).levelRules)).toEqual([]);
  });

  it("refuses an empty table and one too long", () => {
    expect(checkLevelRules([])).toEqual([{ path: [], message: "ต้องมีระดับอย่างน้อยหนึ่งระดับ" }]);
    const eleven = Array.from({ length: 11 }, (_, index) => rule(`ระดับ ${index}`, 100 - index * 10, null, false));
    expect(checkLevelRules(eleven)).toEqual([{ path: [], message: "มีระดับได้ไม่เกิน 10 ระดับ" }]);
  });

  it("wants thresholds descending in rank order, at the cell that breaks it", () => {
    expect(checkLevelRules([rule("ก", 80, null, true), rule("ข", 90, null, true), rule("ค", 0, null, false)])).toEqual([
      { path: [1, "minTotal"], message: "คะแนนรวมขั้นต่ำต้องไม่สูงกว่าระดับก่อนหน้า (80)" },
    ]);
    expect(checkLevelRules([rule("ก", 90, 80, true), rule("ข", 85, 85, true), rule("ค", 0, null, false)])).toEqual([
      { path: [1, "minEachTool"], message: "ขั้นต่ำรายเครื่องมือต้องไม่สูงกว่าระดับก่อนหน้า" },
    ]);
  });

  it("refuses a level nobody can reach: the same thresholds as the one above", () => {
    expect(checkLevelRules([rule("ก", 85, null, true), rule("ข", 85, null, true), rule("ค", 0, null, false)])).toEqual([
      { path: [1, "minTotal"], message: "เกณฑ์เท่ากับระดับก่อนหน้า จะไม่มีผู้ใดได้ระดับนี้ ต้องต่ำกว่าอย่างน้อยหนึ่งเกณฑ์" },
    ]);
    // The same total with a lower tool minimum is reachable (ผ่านดี above ผ่าน in 2566 on).
    expect(checkLevelRules([rule("ก", 85, 85, true), rule("ข", 85, null, true), rule("ค", 0, null, false)])).toEqual([]);
  });

  it("wants every score to get a level: the last one starts at 0 without a tool minimum", () => {
    expect(checkLevelRules([rule("ก", 50, null, true)])).toEqual([
      { path: [0, "minTotal"], message: "ระดับสุดท้ายต้องเริ่มที่ 0 คะแนนและไม่มีขั้นต่ำรายเครื่องมือ เพื่อให้ทุกคะแนนได้ระดับ" },
    ]);
    expect(checkLevelRules([rule("ก", 0, 10, true)])).toHaveLength(1);
    expect(checkLevelRules([rule("ทุกคน", 0, null, true)])).toEqual([]);
  });

  it("keeps passing levels above failing ones and labels unique", () => {
    expect(checkLevelRules([rule("ก", 90, null, false), rule("ข", 50, null, true), rule("ค", 0, null, false)])).toEqual([
      { path: [1, "passing"], message: "ระดับที่ผ่านต้องอยู่เหนือระดับที่ไม่ผ่านทั้งหมด" },
    ]);
    expect(checkLevelRules([rule("ผ่าน", 90, null, true), rule(" ผ่าน ", 0, null, false)])).toEqual([
      { path: [1, "label"], message: "ชื่อระดับซ้ำกับระดับที่ 1" },
    ]);
  });
});
