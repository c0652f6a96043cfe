// The organisations table as CSV: UTF-8 with a byte-order mark (without it Excel reads the
// file as the local code page and the Thai turns to noise), CRLF line ends (RFC 4180).
import { ORGANIZATION_COLUMNS, type SummaryOrganization, type TableCell } from "./summary-data";

const BOM = "\uFEFF";

/**
 * One CSV field. Text that a spreadsheet would run as a formula (= + - @ first) gets a leading
 * apostrophe, so a name typed as "=HYPERLINK(…)" stays text when the file is opened.
 */
export function csvField(value: TableCell): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function summaryCsv(organizations: SummaryOrganization[]): string {
  const lines = [
    ORGANIZATION_COLUMNS.map((column) => csvField(column.header)).join(","),
    ...organizations.map((row) => ORGANIZATION_COLUMNS.map((column) => csvField(column.value(row))).join(",")),
  ];
  return `${BOM}${lines.join("\r\n")}\r\n`;
}
