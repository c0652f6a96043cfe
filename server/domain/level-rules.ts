// A year's level table (LevelRule rows) is checked as a whole before it is saved, so that every
// score gets exactly one level and every level can be reached. The rules are tried in rank order
// (deriveLevel in ita-level.ts) and the first one met gives the level; rank = position in the list.

export type LevelRuleDraft = { label: string; minTotal: number; minEachTool: number | null; passing: boolean };

/** Where in the list a problem is ([] for the list itself, [index, field] for one cell) and why. */
export type LevelRuleProblem = { path: [] | [number, keyof LevelRuleDraft]; message: string };

export const MAX_LEVEL_RULES = 10;

const toolMinimum = (rule: LevelRuleDraft) => rule.minEachTool ?? 0;

export function checkLevelRules(rules: LevelRuleDraft[]): LevelRuleProblem[] {
  const problems: LevelRuleProblem[] = [];
  if (rules.length === 0) return [{ path: [], message: "ต้องมีระดับอย่างน้อยหนึ่งระดับ" }];
  if (rules.length > MAX_LEVEL_RULES) return [{ path: [], message: `มีระดับได้ไม่เกิน ${MAX_LEVEL_RULES} ระดับ` }];
  rules.forEach((rule, index) => {
    const label = rule.label.trim();
    const sameLabel = rules.findIndex((other) => other.label.trim() === label);
    if (label && sameLabel < index) {
      problems.push({ path: [index, "label"], message: `ชื่อระดับซ้ำกับระดับที่ ${sameLabel + 1}` });
    }
    const previous = rules[index - 1];
    if (previous) {
      // Thresholds descend: a rule no stricter than the one above it is never reached.
      if (rule.minTotal > previous.minTotal) {
        problems.push({ path: [index, "minTotal"], message: `คะแนนรวมขั้นต่ำต้องไม่สูงกว่าระดับก่อนหน้า (${previous.minTotal})` });
      } else if (toolMinimum(rule) > toolMinimum(previous)) {
        problems.push({ path: [index, "minEachTool"], message: "ขั้นต่ำรายเครื่องมือต้องไม่สูงกว่าระดับก่อนหน้า" });
      } else if (rule.minTotal === previous.minTotal && toolMinimum(rule) === toolMinimum(previous)) {
        problems.push({ path: [index, "minTotal"], message: "เกณฑ์เท่ากับระดับก่อนหน้า จะไม่มีผู้ใดได้ระดับนี้ ต้องต่ำกว่าอย่างน้อยหนึ่งเกณฑ์" });
      }
      if (rule.passing && !previous.passing) {
        problems.push({ path: [index, "passing"], message: "ระดับที่ผ่านต้องอยู่เหนือระดับที่ไม่ผ่านทั้งหมด" });
      }
    }
  });
  const last = rules.at(-1)!;
  if (last.minTotal !== 0 || last.minEachTool !== null) {
    problems.push({
      path: [rules.length - 1, "minTotal"],
      message: "ระดับสุดท้ายต้องเริ่มที่ 0 คะแนนและไม่มีขั้นต่ำรายเครื่องมือ เพื่อให้ทุกคะแนนได้ระดับ",
    });
  }
  return problems;
}
