// The submission deadline in force for an organisation: its fiscal year's, or its province's
// extension when that is later. Deadlines are calendar dates (UTC midnight); an organisation is
// on time through the whole deadline day, Thailand time.

const DAY_MS = 86_400_000;
const THAI_CALENDAR_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Bangkok" }); // "2026-01-31"

export function effectiveDeadline(yearDeadline: Date, extension: Date | null | undefined): Date {
  return extension && extension.getTime() > yearDeadline.getTime() ? extension : yearDeadline;
}

/** Whole days from the day `now` falls on in Thailand to the deadline: 0 on the day, negative once past. */
export function daysToDeadline(deadline: Date, now: Date): number {
  const today = new Date(`${THAI_CALENDAR_DAY.format(now)}T00:00:00Z`);
  return Math.round((deadline.getTime() - today.getTime()) / DAY_MS);
}
