// The cover memo (บันทึกข้อความ): header fields, body, the preparer's signature and the
// endorsements of the latest sign-off round, laid out as the PMO's typing guide says (heading
// 29 pt bold, labels 20 pt bold, text 16 pt in TH Sarabun PSK's points, see regulationPoints;
// margins 3 cm left and 2 cm right).
import type { OrganizationType, SignOffStep } from "@/server/db/generated/enums";
import { SIGN_OFF_STEP_LABEL } from "@/server/domain/labels";
import { SIGN_OFF_CHAIN } from "@/server/domain/report-workflow";
import { formatInteger, formatScore, formatThaiDate, type DigitStyle } from "@/server/domain/thai-format";
import { baselineOffset, CM, Flow, lineHeight, regulationPoints, textWidth, type Pdf, type PlacedLine, type TextStyle } from "./pdf-layout";
import type { ReportData } from "./report-pdf";

const HEADING: TextStyle = { font: "bold", size: regulationPoints(29) };
const LABEL: TextStyle = { font: "bold", size: regulationPoints(20) };
const TEXT: TextStyle = { font: "regular", size: regulationPoints(16) };

const PARAGRAPH_INDENT = 2.5 * CM;
const EMBLEM_HEIGHT = 1.5 * CM;
const PARAGRAPH_SPACE = 6;
const CLOSING = "จึงเรียนมาเพื่อโปรดทราบ";

/**
 * Draws the memo, headed by the Garuda when the deployment has uploaded it (1.5 cm high at the
 * left margin, the heading centred beside it, as the ระเบียบงานสารบรรณ lays out a บันทึกข้อความ);
 * answers how many pages it took (the annex numbers its pages on from there).
 */
export function drawMemo(doc: Pdf, report: ReportData, options: { digits: DigitStyle; note: string | null; emblem: Buffer | null }): number {
  const flow = new Flow(doc, { layout: "portrait", margins: { top: 2 * CM, bottom: 2 * CM, left: 3 * CM, right: 2 * CM } }, options.digits, options.note);
  const { digits } = options;
  flow.addPage();
  const { header } = report.content;

  const headingRow = options.emblem ? Math.max(EMBLEM_HEIGHT, lineHeight(HEADING)) : lineHeight(HEADING);
  if (options.emblem) doc.image(options.emblem, flow.left, flow.y, { height: EMBLEM_HEIGHT });
  flow.draw({ text: "บันทึกข้อความ", style: HEADING, x: (flow.left + flow.right) / 2, centered: true }, flow.y + (headingRow - lineHeight(HEADING)) / 2);
  flow.y += headingRow + 4;

  const middle = flow.left + flow.width * 0.5;
  // "โทร" and the number stay together on one line.
  const phone = header.issuingPhone ? ` โทร\u00A0${header.issuingPhone.replace(/ /g, "\u00A0")}` : "";
  flow.y += drawField(flow, "ส่วนราชการ", `${header.issuingSection}${phone}`, flow.left, flow.right);
  // A running number not issued yet, said so on purpose, prints as the seed memo's "ที่ สส ๗๑๕๐๑/-".
  const number = header.documentNumber || (header.documentNumberPending ? "-" : "");
  const letterNumber = header.documentCode || number ? `${header.documentCode}/${number}` : "";
  const memoDate = header.memoDate ? formatThaiDate(new Date(`${header.memoDate}T00:00:00Z`), digits) : "";
  flow.y += Math.max(
    drawField(flow, "ที่", letterNumber, flow.left, middle - 0.3 * CM),
    drawField(flow, "วันที่", memoDate, middle, flow.right),
  );
  flow.y += drawField(flow, "เรื่อง", header.subject, flow.left, flow.right);

  flow.paragraph(`เรียน  ${header.addressee}`, TEXT, { spaceBefore: PARAGRAPH_SPACE });

  const paragraphs = paragraphsOf(header.body || standardMemoBody(report, digits).join("\n\n"));
  const closing = paragraphs.at(-1)?.startsWith("จึงเรียน") ? paragraphs.pop()! : CLOSING;
  for (const paragraph of paragraphs) {
    flow.paragraph(paragraph, TEXT, { firstLineIndent: PARAGRAPH_INDENT, spaceBefore: PARAGRAPH_SPACE });
  }
  // The closing line goes with the signature: a signature never starts a page on its own.
  const blank: PlacedLine = { text: "", style: TEXT, x: flow.left };
  flow.block(
    [
      ...flow.wrap(closing, TEXT, flow.width, flow.width - PARAGRAPH_INDENT).map((text, index) => ({
        text,
        style: TEXT,
        x: flow.left + (index === 0 ? PARAGRAPH_INDENT : 0),
      })),
      blank,
      blank,
      ...signature(flow, report.preparerName, [report.preparerPosition ?? ""]),
    ],
    PARAGRAPH_SPACE,
  );

  for (const signOff of latestEndorsements(report.signOffs)) {
    const heading = `ความเห็น${SIGN_OFF_STEP_LABEL[signOff.step]}${organizationWord(report.organization.type, signOff.step)}`;
    const lines: PlacedLine[] = [{ text: flow.localize(heading), style: TEXT, x: flow.left }];
    for (const text of flow.wrap(signOff.comment ?? "", TEXT, flow.width - PARAGRAPH_INDENT)) {
      if (text) lines.push({ text, style: TEXT, x: flow.left + PARAGRAPH_INDENT });
    }
    // A blank line between the comment and the signature line: room to sign.
    lines.push(blank);
    lines.push(...signature(flow, signOff.signerName, [signOff.signerPosition, signOff.actingPosition ?? ""]));
    flow.block(lines, lineHeight(TEXT));
  }
  return flow.pageNumber;
}

/**
 * The body the seed memo has, built from the ITA results of the previous and the current
 * year; used while the preparer has not written a body of their own.
 */
export function standardMemoBody(report: ReportData, digits: DigitStyle): string[] {
  const year = report.fiscalYear.yearBe;
  const organization = report.organization.nameTh;
  const yearText = (value: number) => formatInteger(value, digits);
  const result = (yearBe: number) => report.itaResults.find((candidate) => candidate.yearBe === yearBe);
  const level = (found: { announcedLevel: string | null; derivedLevel: string | null }) =>
    found.announcedLevel ?? found.derivedLevel;
  const measures = `มาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ ${yearText(year)}`;

  const previous = result(year - 1);
  const previousLevel = previous && level(previous) ? ` ระดับ ${level(previous)}` : "";
  const first = previous
    ? `ตามรายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินการของหน่วยงานภาครัฐ ประจำปีงบประมาณ ${yearText(year - 1)} ${organization} ได้ผลคะแนนเท่ากับร้อยละ ${formatScore(previous.total, digits)} คะแนน${previousLevel} ${organization}จึงได้กำหนด${measures} เพื่อนำมาตรการดังกล่าวไปสู่การปฏิบัติเป็นรูปธรรม`
    : `${organization}ได้กำหนด${measures} เพื่อนำมาตรการดังกล่าวไปสู่การปฏิบัติเป็นรูปธรรม`;

  const current = result(year);
  const currentLevel = current && level(current) ? ` ระดับ ${level(current)}` : "";
  const outcome = current
    ? `บัดนี้ ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. ${yearText(year)} ของ${organization} ได้ผลคะแนนการประเมินร้อยละ ${formatScore(current.total, digits)} คะแนน${currentLevel} จึงขอรายงานผลการดำเนินงานตาม`
    : `บัดนี้ ${organization}ได้ดำเนินการตามมาตรการดังกล่าวแล้ว จึงขอรายงานผลการดำเนินงานตาม`;
  return [first, `${outcome}${measures} รายละเอียดตามเอกสารที่แนบมาพร้อมบันทึกข้อความฉบับนี้`];
}

/** Paragraphs are separated by a blank line; a single line break stays inside its paragraph. */
function paragraphsOf(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}

/** The endorsements of the latest round that went up the chain, in the chain's order. */
export function latestEndorsements(signOffs: ReportData["signOffs"]) {
  const endorsed = signOffs.filter((signOff) => signOff.decision === "ENDORSED");
  const round = Math.max(0, ...endorsed.map((signOff) => signOff.round));
  const latest = endorsed.filter((signOff) => signOff.round === round);
  // signOffs come oldest first: the last endorsement of a step in the round is the one that counts.
  return SIGN_OFF_CHAIN.flatMap((step) => latest.filter((signOff) => signOff.step === step).slice(-1));
}

/** "ความเห็นปลัด" + "องค์การบริหารส่วนตำบล" / "เทศบาล"; a municipality's executive is the นายกเทศมนตรี. */
function organizationWord(type: OrganizationType, step: SignOffStep): string {
  if (type === "PAO") return "องค์การบริหารส่วนจังหวัด";
  if (type === "SAO") return "องค์การบริหารส่วนตำบล";
  return step === "EXECUTIVE" ? "เทศมนตรี" : "เทศบาล";
}

/**
 * A signature block, centred right of the middle: the line to sign on, the name in
 * parentheses, the position(s). An abbreviated rank ("พ.จ.อ.") is typed before the signature
 * and left out of the parentheses, as official letters write it.
 */
function signature(flow: Flow, name: string | null, positions: string[]): PlacedLine[] {
  const centre = flow.left + flow.width * 0.62;
  const width = 2 * (flow.right - centre);
  const rank = name?.match(/^(\S+\.)\s+(.+)$/);
  const prefix = rank ? rank[1]! : "ลงชื่อ";
  const printedName = rank ? rank[2]! : (name ?? "");
  const lineWidth = 5 * CM;
  const lineStart = centre - lineWidth / 2;
  const lines: PlacedLine[] = [
    {
      text: flow.localize(prefix),
      style: TEXT,
      x: lineStart - textWidth(flow.doc, prefix, TEXT) - 0.2 * CM,
      leader: { from: lineStart, to: lineStart + lineWidth },
    },
  ];
  const centred = (text: string) => flow.wrap(text, TEXT, width).map((line) => ({ text: line, style: TEXT, x: centre, centered: true }));
  lines.push(...centred(printedName ? `(${printedName})` : `(${" ".repeat(40)})`));
  for (const position of positions) if (position) lines.push(...centred(position));
  return lines;
}

/**
 * One header field: the bold label, then the value on the same baseline over a dotted line to
 * `to`; a long value wraps under itself. Draws at the flow's height and returns the height used.
 */
function drawField(flow: Flow, label: string, value: string, from: number, to: number): number {
  const labelWidth = textWidth(flow.doc, label, LABEL);
  const valueX = from + labelWidth + 0.25 * CM;
  const lines = flow.wrap(value, TEXT, to - valueX);
  flow.draw({ text: label, style: LABEL, x: from });
  // Baselines: the first value line shares the label's; the next ones follow at the text's spacing.
  const firstBaseline = flow.y + baselineOffset(LABEL);
  lines.forEach((text, index) => {
    const top = firstBaseline + index * lineHeight(TEXT) - baselineOffset(TEXT);
    flow.draw({ text, style: TEXT, x: valueX, leader: { from: valueX - 0.1 * CM, to } }, top);
  });
  return lineHeight(LABEL) + (lines.length - 1) * lineHeight(TEXT);
}
