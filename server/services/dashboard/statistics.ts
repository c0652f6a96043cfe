// Pure statistics for the dashboards. ITA totals are Decimal(5,2): every computation here works
// on whole hundredths of a point ("cents") so that sums are exact, and rounds only once, at the
// end, to 2 decimals (half up: all values are non-negative, so half up = half away from zero).

/** A score with at most 2 decimals as a whole number of hundredths (85.25 → 8525). */
export function toCents(score: number): number {
  return Math.round(score * 100);
}

/** Hundredths (possibly fractional: a mean or a middle of two) to a score rounded to 2 decimals. */
export function fromCents(cents: number): number {
  return Math.round(cents) / 100;
}

/** Arithmetic mean rounded to 2 decimals; null for no values. */
export function mean(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  let sum = 0;
  for (const score of scores) sum += toCents(score);
  return fromCents(sum / scores.length);
}

/**
 * Median rounded to 2 decimals; null for no values. An even count gives the mean of the two
 * middle values (then rounded: 85.25 and 85.50 give 85.38).
 */
export function median(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  const sorted = scores.map(toCents).sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? fromCents(sorted[middle]!) : fromCents((sorted[middle - 1]! + sorted[middle]!) / 2);
}

export type ScoreSummary = {
  count: number;
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
};

export function summarize(scores: readonly number[]): ScoreSummary {
  if (scores.length === 0) return { count: 0, mean: null, median: null, min: null, max: null };
  let min = Infinity;
  let max = -Infinity;
  for (const score of scores) {
    const cents = toCents(score);
    if (cents < min) min = cents;
    if (cents > max) max = cents;
  }
  return { count: scores.length, mean: mean(scores), median: median(scores), min: min / 100, max: max / 100 };
}

// ── Histogram ───────────────────────────────────────────────────────────────────────────

export type HistogramBin = {
  label: string;
  /** Lowest score in the bin (inclusive). */
  from: number;
  /** Upper bound: exclusive, except for the last bin (95–100), which includes 100. */
  to: number;
  count: number;
};

export const HISTOGRAM_FLOOR = 50;
export const HISTOGRAM_STEP = 5;

/** The empty bins: "<50", then 50–54.99, 55–59.99, … 90–94.99, 95–100. */
export function emptyHistogram(): HistogramBin[] {
  const bins: HistogramBin[] = [{ label: `<${HISTOGRAM_FLOOR}`, from: 0, to: HISTOGRAM_FLOOR, count: 0 }];
  for (let from = HISTOGRAM_FLOOR; from < 100; from += HISTOGRAM_STEP) {
    const to = from + HISTOGRAM_STEP;
    bins.push({ label: to === 100 ? `${from}–100` : `${from}–${to - 1}.99`, from, to, count: 0 });
  }
  return bins;
}

/** Index of a score's bin in emptyHistogram(): exact on hundredths, 100 falls in the last bin. */
export function histogramBinIndex(score: number): number {
  const cents = toCents(score);
  const floor = HISTOGRAM_FLOOR * 100;
  if (cents < floor) return 0;
  const bins = (100 - HISTOGRAM_FLOOR) / HISTOGRAM_STEP;
  return 1 + Math.min(bins - 1, Math.floor((cents - floor) / (HISTOGRAM_STEP * 100)));
}

export function histogram(scores: readonly number[]): HistogramBin[] {
  const bins = emptyHistogram();
  for (const score of scores) bins[histogramBinIndex(score)]!.count += 1;
  return bins;
}

/** Thai dictionary order for names (one collator: localeCompare with a locale builds one per call). */
const thaiCollator = new Intl.Collator("th");
const byNameThenId = (a: { nameTh: string; organizationId: string }, b: { nameTh: string; organizationId: string }) =>
  thaiCollator.compare(a.nameTh, b.nameTh) || (a.organizationId < b.organizationId ? -1 : a.organizationId > b.organizationId ? 1 : 0);

// ── Movers ──────────────────────────────────────────────────────────────────────────────

export type MoverInput = { organizationId: string; nameTh: string; previous: number; current: number };
export type Mover<T extends MoverInput> = T & { change: number };

/**
 * The biggest improvements (change > 0, largest first) and declines (change < 0, largest fall
 * first) between two years' totals. No change is neither. Ties go by Thai name, then id.
 */
export function pickMovers<T extends MoverInput>(
  rows: readonly T[],
  limit = 5,
): { improvements: Mover<T>[]; declines: Mover<T>[] } {
  const withChange = rows.map((row) => ({ row, cents: toCents(row.current) - toCents(row.previous) }));
  const byName = (a: { row: T }, b: { row: T }) => byNameThenId(a.row, b.row);
  const output = (list: typeof withChange) => list.slice(0, limit).map(({ row, cents }) => ({ ...row, change: cents / 100 }));
  return {
    improvements: output(withChange.filter((m) => m.cents > 0).sort((a, b) => b.cents - a.cents || byName(a, b))),
    declines: output(withChange.filter((m) => m.cents < 0).sort((a, b) => a.cents - b.cents || byName(a, b))),
  };
}

// ── Ranking ─────────────────────────────────────────────────────────────────────────────

/**
 * Sorts by total descending (no total last), ties by Thai name then id, and numbers the
 * ranks competition-style (equal totals share a rank: 1, 2, 2, 4); no total has no rank.
 */
export function rankByTotal<T extends { organizationId: string; nameTh: string; total: number | null }>(
  rows: readonly T[],
): (T & { rank: number | null })[] {
  const sorted = [...rows].sort((a, b) => {
    if (a.total !== b.total) {
      if (a.total === null) return 1;
      if (b.total === null) return -1;
      return toCents(b.total) - toCents(a.total);
    }
    return byNameThenId(a, b);
  });
  let rank = 0;
  return sorted.map((row, index) => {
    if (row.total === null) return { ...row, rank: null };
    if (index === 0 || sorted[index - 1]!.total !== row.total) rank = index + 1;
    return { ...row, rank };
  });
}
