// Pure statistics for the dashboards. ITA totals are Decimal(5,2): the dashboards' SQL sums and
// takes middles of whole hundredths of a point ("cents"), so they are exact, and rounds only
// once, at the end, to 2 decimals (half up: all values are non-negative, so half up = half away
// from zero).

/** A score with at most 2 decimals as a whole number of hundredths (85.25 → 8525). */
export function toCents(score: number): number {
  return Math.round(score * 100);
}

/** Hundredths (possibly fractional: a mean or a middle of two) to a score rounded to 2 decimals. */
export function fromCents(cents: number): number {
  return Math.round(cents) / 100;
}

export type ScoreSummary = {
  count: number;
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
};

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
