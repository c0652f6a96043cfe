// The summary of an area as an Excel workbook, written with exceljs's streaming writer straight
// to a file: each row is committed (written to the zip) as soon as it is added, so memory holds
// one page of measures at a time whatever the size of the export. Sheets are written one after
// the other, the large measures sheet last. Numbers are numbers (scores with two decimals,
// shares as percentages); years are Buddhist Era; text dates use Arabic digits.
import { EventEmitter, once } from "node:events";
import { setImmediate as nextTurn } from "node:timers/promises";
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { formatThaiShortDate } from "@/server/domain/thai-format";
import {
  generatedLine,
  ORGANIZATION_COLUMNS,
  reportStatusLabel,
  summaryFigures,
  type IssueAdoption,
  type SummaryFigure,
  type MeasureRow,
  type SummaryHeader,
  type SummaryOrganization,
  type TableCell,
  type SummaryOverview,
} from "./summary-data";

export const SHEET_NAMES = {
  summary: "สรุป",
  organizations: "องค์กร",
  yearlyScores: "คะแนนรายปี",
  issues: "ประเด็นและผลลัพธ์",
  measures: "มาตรการทั้งหมด",
} as const;

const SCORE_FORMAT = "0.00";
const SHARE_FORMAT = "0.0%";
const FIGURE_FORMAT: Record<SummaryFigure["kind"], string | undefined> = { count: undefined, share: SHARE_FORMAT, score: SCORE_FORMAT };

type Column = { header: string; width: number; format?: string; wrap?: boolean };

export type SummaryWorkbookData = {
  header: SummaryHeader;
  overview: SummaryOverview;
  organizations: SummaryOrganization[];
  adoption: IssueAdoption;
};

/** A sheet whose first row is its bold header, frozen so it stays in view when scrolling. */
function tableSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: Column[]) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({
    width: column.width,
    style: {
      ...(column.format ? { numFmt: column.format } : {}),
      ...(column.wrap ? { alignment: { wrapText: true, vertical: "top" } } : {}),
    },
  }));
  const header = sheet.addRow(columns.map((column) => column.header));
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  header.commit();
  return sheet;
}

const addRow = (sheet: ExcelJS.Worksheet, values: TableCell[]) => sheet.addRow(values).commit();

function writeSummarySheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, data: SummaryWorkbookData) {
  const { header, overview, adoption } = data;
  const { figures } = overview;
  const sheet = workbook.addWorksheet(SHEET_NAMES.summary, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [{ width: 42 }, { width: 60 }];
  const title = sheet.addRow([header.title]);
  title.font = { bold: true, size: 14 };
  title.commit();
  const section = (text: string) => {
    addRow(sheet, []);
    const row = sheet.addRow([text]);
    row.font = { bold: true };
    row.commit();
  };
  const pair = (label: string, value: TableCell, format?: string) => {
    const row = sheet.addRow([label, value]);
    if (format) row.getCell(2).numFmt = format;
    row.getCell(2).alignment = { horizontal: "left" };
    row.commit();
  };

  section("ตัวกรองที่ใช้");
  for (const filter of header.filters) pair(filter.label, filter.value);
  pair("จัดทำเมื่อ", generatedLine(header, "arabic").replace(/^จัดทำเมื่อ /, ""));
  if (overview.containsInventedData) pair("หมายเหตุ", "ข้อมูลนี้มีข้อมูลสาธิตหรือข้อมูลสังเคราะห์ปนอยู่ ไม่ใช่ข้อมูลจริงทั้งหมด");

  section("ตัวเลขสรุป");
  for (const figure of summaryFigures(overview)) pair(figure.label, figure.value, FIGURE_FORMAT[figure.kind]);

  section(`จำนวน อปท. ตามระดับผลการประเมิน ปีงบประมาณ ${header.yearBe}`);
  for (const level of figures.levels) pair(level.label, level.count);
  pair("ระบุระดับไม่ได้", figures.levelUnknown);

  section("ประเด็นและผลลัพธ์");
  pair("อปท. ที่นับ (ฐานของสัดส่วน)", adoption.organizations);
  pair("รายงานที่นับ (ฉบับ)", adoption.reports);
  sheet.commit();
}

async function writeOrganizationsSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, organizations: SummaryOrganization[]) {
  const scoreColumns = new Set(["คะแนนรวม", "IIT", "EIT", "OIT"]);
  const sheet = tableSheet(
    workbook,
    SHEET_NAMES.organizations,
    ORGANIZATION_COLUMNS.map((column) => ({ ...column, format: scoreColumns.has(column.header) ? SCORE_FORMAT : undefined })),
  );
  await addRows(sheet, organizations, (row) => ORGANIZATION_COLUMNS.map((column) => column.value(row)));
  sheet.commit();
}

async function writeYearlyScoresSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, data: SummaryWorkbookData) {
  const years = data.overview.trend.overall.map((year) => year.yearBe);
  const sheet = tableSheet(workbook, SHEET_NAMES.yearlyScores, [
    { header: "อำเภอ", width: 20 },
    { header: "องค์กร", width: 42 },
    ...years.map((yearBe) => ({ header: `ปีงบประมาณ ${yearBe}`, width: 12, format: SCORE_FORMAT })),
  ]);
  await addRows(sheet, data.organizations, (row) => [row.district.nameTh, row.nameTh, ...years.map((yearBe) => row.totals.get(yearBe) ?? null)]);
  sheet.commit();
}

async function writeIssuesSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, adoption: IssueAdoption) {
  const sheet = tableSheet(workbook, SHEET_NAMES.issues, [
    { header: "ประเด็นที่", width: 9 },
    { header: "ประเด็น", width: 48, wrap: true },
    { header: "อปท. ที่มีมาตรการในประเด็นนี้", width: 16 },
    { header: "ข้อที่", width: 7 },
    { header: "ผลการดำเนินการมาตรฐาน", width: 60, wrap: true },
    { header: "อปท. ที่เลือก", width: 12 },
    { header: "อปท. ทั้งหมด", width: 12 },
    { header: "สัดส่วน", width: 10, format: SHARE_FORMAT },
  ]);
  const rows = adoption.issues.flatMap((issue) =>
    issue.items.map((item) => [issue.ordinal, issue.title, issue.organizationsWithMeasures, item.ordinal, item.text, item.organizationsChecked, adoption.organizations, item.share]),
  );
  await addRows(sheet, rows, (cells) => cells);
  sheet.commit();
}

/** Workbooks of up to this many measures (a province's) are styled; larger ones are plain. */
export const STYLED_MEASURES_UP_TO = 20_000;

export const MEASURE_COLUMNS: Column[] = [
  { header: "อำเภอ", width: 18 },
  { header: "องค์กร", width: 36 },
  { header: "สถานะรายงาน", width: 18 },
  { header: "ประเด็นที่", width: 9 },
  { header: "ประเด็น", width: 40, wrap: true },
  { header: "มาตรการที่", width: 9 },
  { header: "มาตรการ", width: 48, wrap: true },
  { header: "ขั้นตอน", width: 48, wrap: true },
  { header: "ระยะเวลาดำเนินการ (พ.ศ.)", width: 26 },
  { header: "ผู้รับผิดชอบ", width: 26, wrap: true },
  { header: "ผลการดำเนินการที่เลือก", width: 48, wrap: true },
  { header: "ผลการดำเนินการที่ไม่ได้เลือก", width: 48, wrap: true },
  { header: "ผลลัพธ์/ความสำเร็จ", width: 48, wrap: true },
];

/** One entry per line; nothing is an empty cell. */
const lines = (texts: string[]) => (texts.length === 0 ? null : texts.join("\n"));

// Measures of a year share a few dozen periods: each is formatted once.
const periodTexts = new Map<string, string>();
function periodText(start: Date, end: Date): string {
  const key = `${start.getTime()}:${end.getTime()}`;
  let text = periodTexts.get(key);
  if (text === undefined) {
    text = `${formatThaiShortDate(start)} – ${formatThaiShortDate(end)}`;
    if (periodTexts.size < 10_000) periodTexts.set(key, text);
  }
  return text;
}

export function measureCells(row: MeasureRow): TableCell[] {
  return [
    row.districtNameTh,
    row.organizationNameTh,
    reportStatusLabel(row.reportStatus),
    row.issueOrdinal,
    row.issueTitle,
    row.measureOrdinal,
    row.title,
    lines(row.steps),
    periodText(row.periodStart, row.periodEnd),
    lines(row.responsibleUnits),
    lines(row.checked),
    lines(row.unchecked),
    lines(row.outcomes),
  ];
}

// exceljs's streaming writer never waits for its zip: each row's XML goes straight into the
// sheet's zip entry, whose deflate only advances when the event loop turns, so a national export
// ended up holding ~200 MB of XML in buffers. The writer lets the loop turn every few rows and
// waits for the entry to drain whenever it holds more than a megabyte. The turns also keep the
// server answering other requests during a long export.
const ROWS_BETWEEN_TURNS = 25;
export const MAX_BUFFERED_XML_BYTES = 1024 * 1024;

/** The input stream of a zip entry (archiver wraps a sheet's stream in a readable-stream 2 PassThrough). */
type ZipEntryInput = EventEmitter & { _writableState: { length: number } };

/**
 * The stream taking a sheet's XML into the zip. exceljs exposes neither it nor any backpressure:
 * a WorksheetWriter's `stream` pipes into the entry's input stream, which archiver reads at the
 * deflate's pace; its writable state counts the bytes not read yet. Null if a later exceljs or
 * archiver hides it (the export still works, without waiting; a unit test says so first).
 */
export function zipEntryInput(sheet: ExcelJS.Worksheet): ZipEntryInput | null {
  const input = (sheet as unknown as { stream?: { pipes?: unknown[] } }).stream?.pipes?.[0];
  const buffered = (input as Partial<ZipEntryInput> | undefined)?._writableState?.length;
  return input instanceof EventEmitter && typeof buffered === "number" ? (input as ZipEntryInput) : null;
}

export const bufferedXmlBytes = (entry: ZipEntryInput) => entry._writableState.length;

export async function letZipCatchUp(entry: ZipEntryInput | null): Promise<void> {
  if (entry && bufferedXmlBytes(entry) > MAX_BUFFERED_XML_BYTES) await once(entry, "drain");
  else await nextTurn();
}

/** Adds the rows of a table sheet, letting the zip catch up every few rows. */
async function addRows<T>(sheet: ExcelJS.Worksheet, rows: Iterable<T>, cells: (row: T) => TableCell[]): Promise<void> {
  const entry = zipEntryInput(sheet);
  let added = 0;
  for (const row of rows) {
    addRow(sheet, cells(row));
    if (++added % ROWS_BETWEEN_TURNS === 0) await letZipCatchUp(entry);
  }
}

/**
 * Writes the workbook into `output` (ended when done). `measures` yields the measures page by page; `onMeasures` is
 * told the running count after each page (for the job's progress).
 */
export async function writeSummaryWorkbook(
  output: Writable,
  data: SummaryWorkbookData,
  measures: AsyncIterable<MeasureRow[]>,
  measureCount: number,
  onMeasures: (written: number) => Promise<void>,
): Promise<number> {
  // exceljs serialises each styled cell's style again (about half the time of a national export):
  // a workbook of more measures than a province has is written plain — no bold header, number
  // formats or wrapping; Excel's defaults show the same values.
  const styled = measureCount <= STYLED_MEASURES_UP_TO;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: styled, useSharedStrings: false });
  workbook.creator = "Prongsai";
  writeSummarySheet(workbook, data);
  await writeOrganizationsSheet(workbook, data.organizations);
  await writeYearlyScoresSheet(workbook, data);
  await writeIssuesSheet(workbook, data.adoption);
  const sheet = tableSheet(workbook, SHEET_NAMES.measures, MEASURE_COLUMNS);
  let written = 0;
  for await (const page of measures) {
    await addRows(sheet, page, measureCells);
    written += page.length;
    await onMeasures(written);
  }
  sheet.commit();
  await workbook.commit();
  return written;
}
