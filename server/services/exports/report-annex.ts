// The annex (A4 landscape): the title, the organisation and where it is, then per issue
// ("ประเด็นที่ ๑ …") a table with the seed's six columns, one row per measure.
import { formatThaiDate, type DigitStyle } from "@/server/domain/thai-format";
import {
  CM,
  Flow,
  layoutTable,
  lineHeight,
  regulationPoints,
  type CellItem,
  type Pdf,
  type TableColumn,
  type TableStyle,
  type TextStyle,
} from "./pdf-layout";
import type { ReportData } from "./report-pdf";

const TITLE: TextStyle = { font: "bold", size: regulationPoints(18) };
const HEADING: TextStyle = { font: "bold", size: regulationPoints(16) };
const TABLE: TableStyle = {
  body: { font: "regular", size: regulationPoints(14) },
  header: { font: "bold", size: regulationPoints(14) },
  padding: 4,
};

// Shares of the table's width: the text-heavy columns wide, period and responsible narrow.
// Headers break where the seed's do.
const COLUMNS: { header: string; share: number }[] = [
  { header: "มาตรการ/โครงการ/\nกิจกรรม", share: 0.2 },
  { header: "ขั้นตอน/วิธีปฏิบัติ", share: 0.21 },
  { header: "ระยะเวลา\nดำเนินการ", share: 0.135 }, // "๓๐ พฤศจิกายน ๒๕๖๘" on one line
  { header: "ผู้รับผิดชอบ/\nผู้ที่เกี่ยวข้อง", share: 0.115 },
  { header: "ผลการดำเนินการ", share: 0.19 },
  { header: "ผลลัพธ์/\nความสำเร็จ", share: 0.15 },
];

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Draws the annex table; its pages are numbered on from the memo's `pagesBefore`. */
export function drawAnnex(doc: Pdf, report: ReportData, digits: DigitStyle, note: string | null, pagesBefore: number) {
  const flow = new Flow(doc, { layout: "landscape", margins: { top: 1.5 * CM, bottom: 1.5 * CM, left: 2 * CM, right: 1.5 * CM } }, digits, note);
  flow.pageNumber = pagesBefore;
  flow.addPage();
  const { organization } = report;
  flow.centred(
    `รายงานผลการดำเนินการตามมาตรการขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ${flow.number(report.fiscalYear.yearBe)}`,
    TITLE,
  );
  flow.centred(`${organization.nameTh} อำเภอ${organization.districtNameTh} จังหวัด${organization.provinceNameTh}`, HEADING);

  const columns: TableColumn[] = COLUMNS.map((column) => ({ header: column.header, width: flow.width * column.share }));
  if (report.content.issues.length === 0) flow.paragraph("ยังไม่มีประเด็น", TABLE.body, { spaceBefore: lineHeight(HEADING) });

  for (const [index, issue] of report.content.issues.entries()) {
    const rows = issue.measures.map((measure) => [
      measure.title.split("\n").map((text): CellItem => ({ text, marker: "-" })),
      numbered(measure.steps),
      // One date per line; the dash stays with the first date.
      [{ text: `${formatThaiDate(day(measure.periodStart), digits)}\u00A0–` }, { text: formatThaiDate(day(measure.periodEnd), digits) }],
      // Units as the seed writes them, "งานพัสดุ/กองคลัง/สำนักปลัด": read back as separate units.
      measure.responsibleUnits.length ? [{ text: measure.responsibleUnits.join("/") }] : [],
      measure.resultItems.map((item) => ({ text: item.text, checkbox: item.checked })),
      numbered(measure.outcomes),
    ]);
    if (rows.length === 0) rows.push([[{ text: "ยังไม่มีมาตรการ" }], [], [], [], [], []]);
    const table = layoutTable(flow, columns, rows, TABLE);
    // The heading stays on the page where its table starts.
    flow.heading(`ประเด็นที่ ${flow.number(index + 1)} ${issue.title}`, HEADING, table.startHeight);
    table.draw();
  }
}

const numbered = (texts: string[]): CellItem[] =>
  texts.filter(Boolean).map((text, index) => ({ text, marker: `${index + 1}.` }));
