// The ITA level of a score, by the fiscal year's rule table (data, never hard-coded here).
// Rules are tried in rank order and the first one met gives the level. A rule with a tool
// minimum (from FY2566: IIT, EIT and OIT each at least X) cannot be decided without those
// scores: then the level is unknown rather than guessed.

export type LevelRuleInput = { rank: number; label: string; minTotal: number; minEachTool: number | null };
export type ScoresInput = { total: number; iit?: number | null; eit?: number | null; oit?: number | null };

export function deriveLevel(rules: LevelRuleInput[], scores: ScoresInput): string | null {
  const knownTools = [scores.iit, scores.eit, scores.oit].filter((score) => score !== null && score !== undefined);
  for (const rule of [...rules].sort((a, b) => a.rank - b.rank)) {
    if (scores.total < rule.minTotal) continue;
    if (rule.minEachTool === null) return rule.label;
    // One known tool below the minimum rules this level out, whatever the unknown ones are.
    if (knownTools.some((score) => score < rule.minEachTool!)) continue;
    if (knownTools.length < 3) return null;
    return rule.label;
  }
  return null;
}

/** Announced and derived levels disagree (both known). Whitespace differences do not count. */
export function levelsDiffer(announced: string | null | undefined, derived: string | null): boolean {
  if (!announced || !derived) return false;
  return announced.replace(/\s+/g, "") !== derived.replace(/\s+/g, "");
}
