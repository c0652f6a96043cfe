// Thai display of dates and numbers through the platform's Intl: Buddhist calendar, and Thai
// digits where a document wants them. Dates in the database are calendar dates (UTC midnight).

export type DigitStyle = "thai" | "arabic";

const locale = (digits: DigitStyle) => (digits === "thai" ? "th-TH-u-ca-buddhist-nu-thai" : "th-TH-u-ca-buddhist");
const numberLocale = (digits: DigitStyle) => (digits === "thai" ? "th-TH-u-nu-thai" : "th-TH");

// Building an Intl formatter costs ~100× formatting with it, and exports format hundreds of
// thousands of values: each formatter is built once per options object (the constants below)
// and digit style.
const formatters = new WeakMap<object, Map<DigitStyle, Intl.DateTimeFormat | Intl.NumberFormat>>();

function cached<F extends Intl.DateTimeFormat | Intl.NumberFormat>(options: object, digits: DigitStyle, build: () => F): F {
  let byDigits = formatters.get(options);
  if (!byDigits) formatters.set(options, (byDigits = new Map()));
  let formatter = byDigits.get(digits) as F | undefined;
  if (!formatter) byDigits.set(digits, (formatter = build()));
  return formatter;
}

const dateFormatter = (digits: DigitStyle, options: Intl.DateTimeFormatOptions) =>
  cached(options, digits, () => new Intl.DateTimeFormat(locale(digits), options));
const numberFormatter = (digits: DigitStyle, options: Intl.NumberFormatOptions) =>
  cached(options, digits, () => new Intl.NumberFormat(numberLocale(digits), options));

const LONG_DATE: Intl.DateTimeFormatOptions = { dateStyle: "long", timeZone: "UTC" };
const SHORT_DATE: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeZone: "UTC" };
const DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Bangkok" };
const SCORE: Intl.NumberFormatOptions = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
const INTEGER: Intl.NumberFormatOptions = { useGrouping: false };
const PERCENT: Intl.NumberFormatOptions = { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 };

/** "๗ มกราคม ๒๕๖๙" / "7 มกราคม 2569" */
export function formatThaiDate(date: Date, digits: DigitStyle = "arabic"): string {
  return dateFormatter(digits, LONG_DATE).format(date);
}

/** "7 ม.ค. 2569" */
export function formatThaiShortDate(date: Date, digits: DigitStyle = "arabic"): string {
  return dateFormatter(digits, SHORT_DATE).format(date);
}

/** Date and time of an event, in Thailand's time zone. */
export function formatThaiDateTime(date: Date, digits: DigitStyle = "arabic"): string {
  return dateFormatter(digits, DATE_TIME).format(date);
}

/** A score with two decimals: "96.44" / "๙๖.๔๔". */
export function formatScore(score: number, digits: DigitStyle = "arabic"): string {
  return numberFormatter(digits, SCORE).format(score);
}

/** A whole number in Thai or Arabic digits. */
export function formatInteger(value: number, digits: DigitStyle = "arabic"): string {
  return numberFormatter(digits, INTEGER).format(value);
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
  return numberFormatter(digits, PERCENT).format(share);
}
