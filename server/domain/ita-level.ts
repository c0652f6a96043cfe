// The ITA level of a score, by the fiscal year's rule table (data, never hard-coded here).
// Rules are tried in rank order and the first one met gives the level. A rule with a tool
// minimum (from FY2566: IIT, EIT and OIT each at least X) cannot be decided without those
// scores: then the level is unknown rather than guessed.

export type LevelRuleInput = { rank: number; label: string; minTotal: number; minEachTool: number | null };
export type ScoresInput = { total: number; iit?: number | null; eit?: number | null; oit?: number | null };

export function deriveLevel(rules: LevelRuleInput[], scores: ScoresInput): string | null {
  const tools = [scores.iit, scores.eit, scores.oit];
  for (const rule of [...rules].sort((a, b) => a.rank - b.rank)) {
    if (scores.total < rule.minTotal) continue;
    if (rule.minEachTool === null) return rule.label;
    if (tools.some((score) => score === null || score === undefined)) return null;
    if (tools.every((score) => (score as number) >= (rule.minEachTool as number))) return rule.label;
  }
  return null;
}

/** Announced and derived levels disagree (both known). Whitespace differences do not count. */
export function levelsDiffer(announced: string | null | undefined, derived: string | null): boolean {
  if (!announced || !derived) return false;
  return announced.replace(/\s+/g, "") !== derived.replace(/\s+/g, "");
}
