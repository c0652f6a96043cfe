// Thai display of dates and numbers through the platform's Intl: Buddhist calendar, and Thai
// digits where a document wants them. Dates in the database are calendar dates (UTC midnight).

export type DigitStyle = "thai" | "arabic";

const locale = (digits: DigitStyle) => (digits === "thai" ? "th-TH-u-ca-buddhist-nu-thai" : "th-TH-u-ca-buddhist");
const numberLocale = (digits: DigitStyle) => (digits === "thai" ? "th-TH-u-nu-thai" : "th-TH");

// Building an Intl formatter costs ~100× formatting with it, and exports format hundreds of
// thousands of values: each formatter is built once per locale and options.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormatter(digits: DigitStyle, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `date:${digits}:${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!formatter) formatters.set(key, (formatter = new Intl.DateTimeFormat(locale(digits), options)));
  return formatter;
}

function numberFormatter(digits: DigitStyle, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `number:${digits}:${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!formatter) formatters.set(key, (formatter = new Intl.NumberFormat(numberLocale(digits), options)));
  return formatter;
}

/** "๗ มกราคม ๒๕๖๙" / "7 มกราคม 2569" */
export function formatThaiDate(date: Date, digits: DigitStyle = "arabic"): string {
  return dateFormatter(digits, { dateStyle: "long", timeZone: "UTC" }).format(date);
}

/** "7 ม.ค. 2569" */
export function formatThaiShortDate(date: Date, digits: DigitStyle = "arabic"): string {
  return dateFormatter(digits, { dateStyle: "medium", timeZone: "UTC" }).format(date);
}

/** Date and time of an event, in Thailand's time zone. */
export function formatThaiDateTime(date: Date, digits: DigitStyle = "arabic"): string {
  return dateFormatter(digits, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Bangkok" }).format(date);
}

/** A score with two decimals: "96.44" / "๙๖.๔๔". */
export function formatScore(score: number, digits: DigitStyle = "arabic"): string {
  return numberFormatter(digits, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(score);
}

/** A whole number in Thai or Arabic digits. */
export function formatInteger(value: number, digits: DigitStyle = "arabic"): string {
  return numberFormatter(digits, { useGrouping: false }).format(value);
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
  return numberFormatter(digits, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(share);
}
