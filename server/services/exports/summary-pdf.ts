// The summary of an area as a PDF (A4 portrait, Thai digits): title, filters and time, the
// overview's figures, its charts drawn on the server, the movers, the organisations by
// district, and the adoption of the year's standard result items per issue.
import { LEVEL_BASIS_SHORT_LABEL, ORGANIZATION_TYPE_LABEL, UNCONFIRMED_SCORE_LABEL } from "@/server/domain/labels";
import { formatInteger, formatPercent, formatScore } from "@/server/domain/thai-format";
import type { MoverRow } from "@/server/services/dashboard/overview";
import { CM, createPdf, Flow, layoutTable, lineHeight, type CellItem, type Pdf, type TableStyle, type TextStyle } from "./pdf-layout";
import { DEMO_NOTE } from "./report-pdf";
import { drawBarChart, drawColumnChart, drawLineChart } from "./summary-charts";
import {
  generatedLine,
  groupByDistrict,
  reportStatusLabel,
  summaryFigures,
  type IssueAdoption,
  type SummaryFigure,
  type SummaryHeader,
  type SummaryOrganization,
  type SummaryOverview,
} from "./summary-data";

const DIGITS = "thai";
const TITLE: TextStyle = { font: "bold", size: 15 };
const HEADING: TextStyle = { font: "bold", size: 12 };
const BODY: TextStyle = { font: "regular", size: 10 };
const TABLE: TableStyle = { body: { font: "regular", size: 9 }, header: { font: "bold", size: 9 }, padding: 3 };

export type SummaryPdfData = {
  header: SummaryHeader;
  overview: SummaryOverview;
  organizations: SummaryOrganization[];
  adoption: IssueAdoption;
};

const cell = (text: string): CellItem[] => [{ text }];
const score = (value: number | null) => (value === null ? "–" : formatScore(value, DIGITS));

/** Draws the summary into a new pdfkit document; the caller pipes and ends it. */
export function drawSummaryPdf(data: SummaryPdfData): Pdf {
  const { header, overview } = data;
  const doc = createPdf({ title: header.title, author: "Prongsai" });
  const flow = new Flow(
    doc,
    { layout: "portrait", margins: { top: 1.8 * CM, bottom: 1.8 * CM, left: 2 * CM, right: 2 * CM } },
    DIGITS,
    overview.containsInventedData ? DEMO_NOTE : null,
  );
  flow.addPage();

  const heading = (text: string, spaceBefore?: number, keepWith = 3 * lineHeight(BODY)) => flow.heading(text, HEADING, keepWith, spaceBefore);
  const table = (columns: { header: string; share: number }[], rows: CellItem[][][], title?: string) => {
    const laidOut = layoutTable(
      flow,
      columns.map((column) => ({ header: column.header, width: flow.width * column.share })),
      rows,
      TABLE,
    );
    if (title) heading(title, undefined, laidOut.startHeight);
    else flow.ensure(laidOut.startHeight);
    laidOut.draw();
  };

  // ── Title, filters, time ──
  flow.centred(header.title, TITLE);
  flow.y += 4;
  for (const filter of header.filters) flow.paragraph(`${filter.label}: ${filter.value}`, BODY);
  flow.paragraph(generatedLine(header, DIGITS), BODY);
  if (overview.containsInventedData) flow.paragraph("ข้อมูลนี้มีข้อมูลสาธิตหรือข้อมูลสังเคราะห์ปนอยู่ ไม่ใช่ข้อมูลจริงทั้งหมด", BODY);

  // ── Figures ──
  const { figures } = overview;
  heading("ตัวเลขสรุป");
  const formatted = ({ value, kind }: SummaryFigure) =>
    value === null ? "–" : kind === "share" ? formatPercent(value, DIGITS) : kind === "score" ? score(value) : formatInteger(value, DIGITS);
  table(
    [
      { header: "รายการ", share: 0.6 },
      { header: "จำนวน", share: 0.4 },
    ],
    summaryFigures(overview).map((figure) => [cell(figure.label), cell(formatted(figure))]),
  );

  // ── Charts ──
  flow.space(lineHeight(HEADING));
  drawBarChart(flow, {
    title: `จำนวน อปท. ตามระดับผลการประเมิน ปีงบประมาณ ${header.yearBe}`,
    axisTitle: "จำนวน อปท. (แห่ง)",
    bars: [
      ...figures.levels.map((level) => ({ label: level.label, value: level.count })),
      ...(figures.levelUnknown > 0 ? [{ label: "ระบุระดับไม่ได้", value: figures.levelUnknown }] : []),
    ],
  });
  flow.space(lineHeight(HEADING) / 2);
  drawColumnChart(flow, {
    title: `การกระจายของคะแนน ITA ปีงบประมาณ ${header.yearBe}`,
    axisTitles: { x: "ช่วงคะแนน", y: "จำนวน อปท." },
    columns: overview.histogram.map((bin) => ({ label: bin.label, value: bin.count })),
  });
  flow.space(lineHeight(HEADING) / 2);
  const trend = overview.trend.overall;
  drawLineChart(flow, {
    title: "แนวโน้มคะแนน ITA รายปี",
    axisTitles: { x: "ปีงบประมาณ", y: "คะแนน" },
    categories: trend.map((year) => String(year.yearBe)),
    format: (value) => formatInteger(value, DIGITS),
    series: [
      { name: "สูงสุด", color: "#15803d", dash: true, points: trend.map((year) => year.max) },
      { name: "ค่าเฉลี่ย", color: "#0f766e", points: trend.map((year) => year.mean) },
      { name: "มัธยฐาน", color: "#1d4ed8", points: trend.map((year) => year.median) },
      { name: "ต่ำสุด", color: "#b91c1c", dash: true, points: trend.map((year) => year.min) },
    ],
  });
  table(
    [
      { header: "ปีงบประมาณ", share: 0.2 },
      { header: "จำนวน", share: 0.16 },
      { header: "เฉลี่ย", share: 0.16 },
      { header: "มัธยฐาน", share: 0.16 },
      { header: "ต่ำสุด", share: 0.16 },
      { header: "สูงสุด", share: 0.16 },
    ],
    trend.map((year) =>
      [formatInteger(year.yearBe, DIGITS), formatInteger(year.count, DIGITS), score(year.mean), score(year.median), score(year.min), score(year.max)].map(cell),
    ),
  );

  // ── Movers ──
  const moverColumns = [
    { header: "องค์กร", share: 0.4 },
    { header: "อำเภอ", share: 0.21 },
    { header: `ปี ${flow.number(overview.previousYearBe)}`, share: 0.13 },
    { header: `ปี ${flow.number(overview.yearBe)}`, share: 0.13 },
    { header: "เปลี่ยนแปลง", share: 0.13 },
  ];
  const moverRows = (rows: MoverRow[]) =>
    rows.length === 0
      ? [[cell("ไม่มี"), [], [], [], []]]
      : rows.map((row) =>
          [row.nameTh, row.district.nameTh, score(row.previous), score(row.current), `${row.change > 0 ? "+" : ""}${score(row.change)}`].map(cell),
        );
  table(moverColumns, moverRows(overview.movers.improvements), `คะแนนเพิ่มขึ้นมากที่สุดจากปี ${overview.previousYearBe}`);
  table(moverColumns, moverRows(overview.movers.declines), `คะแนนลดลงมากที่สุดจากปี ${overview.previousYearBe}`);

  // ── Organisations by district ──
  heading(`รายชื่อ อปท. คะแนน ระดับ และสถานะรายงาน ปีงบประมาณ ${header.yearBe}`, lineHeight(HEADING));
  for (const group of groupByDistrict(data.organizations)) {
    table(
      [
        { header: "อันดับ", share: 0.07 },
        { header: "องค์กร", share: 0.31 },
        { header: "ประเภท", share: 0.08 },
        { header: "คะแนน", share: 0.17 },
        { header: "ระดับ", share: 0.19 },
        { header: "สถานะรายงาน", share: 0.18 },
      ],
      group.rows.map((row) =>
        [
          row.rank === null ? "–" : flow.number(row.rank),
          row.nameTh,
          ORGANIZATION_TYPE_LABEL[row.type].short,
          row.unconfirmed ? `${score(row.total)} (${UNCONFIRMED_SCORE_LABEL})` : score(row.total),
          row.level ? `${row.level}${row.levelBasis ? ` (${LEVEL_BASIS_SHORT_LABEL[row.levelBasis]})` : ""}` : "–",
          reportStatusLabel(row.reportStatus),
        ].map(cell),
      ),
      `อำเภอ${group.district.nameTh} (${group.rows.length} แห่ง)`,
    );
  }

  // ── Issues and standard results ──
  heading("การเลือกผลการดำเนินการมาตรฐานในแต่ละประเด็น", lineHeight(HEADING));
  flow.paragraph(
    `สัดส่วนของ อปท. (จาก ${data.adoption.organizations} แห่ง) ที่เลือกผลการดำเนินการแต่ละข้อ อย่างน้อยหนึ่งมาตรการในรายงานที่นับ (${data.adoption.reports} ฉบับ)`,
    BODY,
  );
  if (data.adoption.issues.length === 0) flow.paragraph("ปีงบประมาณนี้ไม่มีประเด็นที่แนะนำ", BODY);
  for (const issue of data.adoption.issues) {
    table(
      [
        { header: "ผลการดำเนินการมาตรฐาน", share: 0.64 },
        { header: "อปท. ที่เลือก", share: 0.18 },
        { header: "สัดส่วน", share: 0.18 },
      ],
      issue.items.map((item) => [
        [{ text: item.text, marker: `${item.ordinal}.` }],
        cell(formatInteger(item.organizationsChecked, DIGITS)),
        cell(item.share === null ? "–" : formatPercent(item.share, DIGITS)),
      ]),
      `ประเด็นที่ ${issue.ordinal} ${issue.title} (มีมาตรการใน ${issue.organizationsWithMeasures} แห่ง)`,
    );
  }
  return doc;
}
