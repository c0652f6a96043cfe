// Thai display of dates and numbers through the platform's Intl: Buddhist calendar, and Thai
// digits where a document wants them. Dates in the database are calendar dates (UTC midnight).

export type DigitStyle = "thai" | "arabic";

const locale = (digits: DigitStyle) => (digits === "thai" ? "th-TH-u-ca-buddhist-nu-thai" : "th-TH-u-ca-buddhist");

/** "๗ มกราคม ๒๕๖๙" / "7 มกราคม 2569" */
export function formatThaiDate(date: Date, digits: DigitStyle = "arabic"): string {
  return new Intl.DateTimeFormat(locale(digits), { dateStyle: "long", timeZone: "UTC" }).format(date);
}

/** "7 ม.ค. 2569" */
export function formatThaiShortDate(date: Date, digits: DigitStyle = "arabic"): string {
  return new Intl.DateTimeFormat(locale(digits), { dateStyle: "medium", timeZone: "UTC" }).format(date);
}

/** Date and time of an event, in Thailand's time zone. */
export function formatThaiDateTime(date: Date, digits: DigitStyle = "arabic"): string {
  return new Intl.DateTimeFormat(locale(digits), {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Bangkok",
  }).format(date);
}

/** A score with two decimals: "96.44" / "๙๖.๔๔". */
export function formatScore(score: number, digits: DigitStyle = "arabic"): string {
  return new Intl.NumberFormat(digits === "thai" ? "th-TH-u-nu-thai" : "th-TH", {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(score);
}

/** A whole number in Thai or Arabic digits. */
export function formatInteger(value: number, digits: DigitStyle = "arabic"): string {
  return new Intl.NumberFormat(digits === "thai" ? "th-TH-u-nu-thai" : "th-TH", { useGrouping: false }).format(value);
}

/**
 * A person's name with their title: a word title joins the name ("นางสาวสมศรี"), an
 * abbreviated rank keeps a space ("พ.จ.อ. อรุณ ภมร"), as Thai documents write them.
 */
export function personName(titlePrefix: string | null | undefined, name: string): string {
  const title = titlePrefix?.trim();
  if (!title) return name;
  return title.endsWith(".") ? `${title} ${name}` : `${title}${name}`;
}

/** A share 0–1 as a percentage with one decimal: "40.0%" / "๔๐.๐%". */
export function formatPercent(share: number, digits: DigitStyle = "arabic"): string {
  return new Intl.NumberFormat(digits === "thai" ? "th-TH-u-nu-thai" : "th-TH", {
    style: "percent",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(share);
}
