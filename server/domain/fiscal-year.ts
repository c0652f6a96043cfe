// ปีงบประมาณ N (Buddhist Era) runs 1 October N-1 to 30 September N.
export const BE_OFFSET = 543;

export function toBuddhistYear(ceYear: number): number {
  return ceYear + BE_OFFSET;
}

/** The fiscal year (BE) a calendar date falls in. */
export function fiscalYearOf(date: Date): number {
  const yearBe = toBuddhistYear(date.getUTCFullYear());
  return date.getUTCMonth() >= 9 ? yearBe + 1 : yearBe;
}

/** First and last day of fiscal year N (BE), as UTC dates. */
export function fiscalYearBounds(yearBe: number): { start: Date; end: Date } {
  const endCe = yearBe - BE_OFFSET;
  return { start: new Date(Date.UTC(endCe - 1, 9, 1)), end: new Date(Date.UTC(endCe, 8, 30)) };
}

/** A calendar date (UTC midnight) as "YYYY-MM-DD", the form report content carries. */
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);
