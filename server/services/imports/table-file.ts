// Tables that offices send as files (CSV or XLSX), read into rows of trimmed text with the line
// each row had in the file, and their columns found by the header names offices write, in Thai
// or English. Imports build on this and report problems by line and column.
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { AppError } from "@/server/errors";
import { normaliseThaiText } from "@/server/domain/thai-text-normalise";

export const MAX_IMPORT_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

export type TableRow = { line: number; cells: string[] };
export type Table = { header: string[]; headerLine: number; rows: TableRow[] };

/** Reads the first sheet of an XLSX file, or a CSV file (UTF-8 with or without BOM, or TIS-620). */
export async function readTableFile(fileName: string, bytes: Uint8Array): Promise<Table> {
  if (bytes.byteLength === 0) throw new AppError("BAD_REQUEST", "ไฟล์ว่างเปล่า");
  if (bytes.byteLength > MAX_IMPORT_FILE_BYTES) throw new AppError("BAD_REQUEST", "ไฟล์ใหญ่เกิน 10 MB");
  const isXlsx = /\.xlsx$/i.test(fileName) || (bytes[0] === 0x50 && bytes[1] === 0x4b); // "PK": a zip
  const lines = isXlsx ? await readXlsxLines(bytes) : await readCsvLines(bytes);
  const nonEmpty = lines.filter((row) => row.cells.some((cell) => cell !== ""));
  const [header, ...rows] = nonEmpty;
  if (!header) throw new AppError("BAD_REQUEST", "ไม่พบข้อมูลในไฟล์");
  if (rows.length > MAX_IMPORT_ROWS) throw new AppError("BAD_REQUEST", `ไฟล์มีเกิน ${MAX_IMPORT_ROWS.toLocaleString("th-TH")} แถว`);
  return { header: header.cells, headerLine: header.line, rows };
}

async function readXlsxLines(bytes: Uint8Array): Promise<TableRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    throw new AppError("BAD_REQUEST", "อ่านไฟล์ Excel ไม่ได้ กรุณาบันทึกเป็น .xlsx หรือ .csv แล้วลองใหม่");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError("BAD_REQUEST", "ไม่พบแผ่นงานในไฟล์ Excel");
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    rows.push({ line, cells: Array.from(cells, (cell) => cell ?? "") });
  });
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((part) => part.text).join("").trim();
  if ("hyperlink" in value) return String(value.text).trim();
  if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
  return ""; // an error cell
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes); // drops a BOM
  } catch {
    // Not UTF-8: Thai Excel's plain "CSV" is Windows-874 (TIS-620).
    return new TextDecoder("windows-874").decode(bytes);
  }
}

async function readCsvLines(bytes: Uint8Array): Promise<TableRow[]> {
  const text = decodeText(bytes);
  const firstLine = text.slice(0, text.indexOf("\n") >>> 0);
  const delimiter = [",", ";", "\t"].reduce((best, candidate) =>
    firstLine.split(candidate).length > firstLine.split(best).length ? candidate : best,
  );
  const workbook = new ExcelJS.Workbook();
  const sheet = await workbook.csv.read(Readable.from([text]), {
    // Keep every value as written: a DLA code such as 04750102 is not a number.
    map: (value: unknown) => value,
    parserOptions: { delimiter, trim: true },
  } as unknown as Parameters<typeof workbook.csv.read>[1]);
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const values = (row.values as unknown[]).slice(1); // exceljs rows start at column 1
    rows.push({ line, cells: Array.from(values, (value) => (value === undefined || value === null ? "" : String(value).trim())) });
  });
  return rows;
}

/** A header name reduced to what matters: "รหัส อปท." and "รหัสอปท" match, as do "DLA code" and "dla_code". */
export function headerKey(name: string): string {
  return normaliseThaiText(name).toLowerCase().replace(/[\s._\-/()]+/g, "");
}

export type ColumnSpec<Field extends string> = Record<Field, { label: string; aliases: string[]; required: boolean }>;

/** Finds each field's column from the header; extra columns are ignored. */
export function findColumns<Field extends string>(header: string[], spec: ColumnSpec<Field>) {
  const keys = header.map(headerKey);
  const columns = {} as Record<Field, number | undefined>;
  const missing: string[] = [];
  for (const [field, { label, aliases, required }] of Object.entries(spec) as [Field, ColumnSpec<Field>[Field]][]) {
    const index = keys.findIndex((key) => aliases.some((alias) => headerKey(alias) === key));
    columns[field] = index === -1 ? undefined : index;
    if (index === -1 && required) missing.push(label);
  }
  if (missing.length) {
    throw new AppError("BAD_REQUEST", `ไม่พบคอลัมน์ ${missing.join(", ")} ในแถวหัวตาราง (แถวแรกของไฟล์)`);
  }
  return {
    /** A row's normalised text in a field's column ("" when the column is absent). */
    value: (row: TableRow, field: Field) => {
      const index = columns[field];
      return index === undefined ? "" : normaliseThaiText(row.cells[index] ?? "");
    },
    /** The header as the file wrote it, for messages. */
    label: (field: Field) => {
      const index = columns[field];
      return index === undefined ? spec[field].label : header[index]!;
    },
  };
}
