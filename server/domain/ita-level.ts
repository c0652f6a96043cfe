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

export type LevelBasis = "ANNOUNCED" | "RULE" | "TOTAL_ONLY";

/** What every surface says about a result's level: one level, and where it comes from. */
export type ResolvedLevel = { level: string | null; basis: LevelBasis | null };

const withoutSpaces = (text: string) => text.replace(/\s+/g, "");

/**
 * THE level of an organisation's result in a year, shown alike by the ranking, the level chart,
 * the profile, the summary PDF and the CSV/XLSX (they read the stored `level`/`levelBasis`,
 * which every write and every change of the year's rules sets through this function):
 *  1. the announced level, when there is one (spelled as the year's rule when only spaces differ);
 *  2. else the level by the year's rules (deriveLevel);
 *  3. else, when the rules need the tool scores and those are missing, the level by the total
 *     alone (the first rule whose minimum total is met, tool minimums left aside);
 *  4. null only when the year has no rules.
 */
export function resolveLevel(rules: LevelRuleInput[], result: ScoresInput & { announcedLevel?: string | null }): ResolvedLevel {
  const announced = result.announcedLevel?.trim();
  if (announced) {
    const rule = rules.find((candidate) => withoutSpaces(candidate.label) === withoutSpaces(announced));
    return { level: rule?.label ?? announced, basis: "ANNOUNCED" };
  }
  const derived = deriveLevel(rules, result);
  if (derived) return { level: derived, basis: "RULE" };
  const byTotal = [...rules].sort((a, b) => a.rank - b.rank).find((rule) => result.total >= rule.minTotal);
  return byTotal ? { level: byTotal.label, basis: "TOTAL_ONLY" } : { level: null, basis: null };
}
