// Reads a report on the year's integrity measures from text: the memo (บันทึกข้อความ) and the
// annex, a table per issue (ประเด็นที่ …) whose rows are separated by newlines and cells by
// tabs. This is the seed's OCR form; Word files and PDFs are first turned into it
// (server/services/report-import/read-document.ts). Pure, never throws on text, and linear in
// the length of the text.
import { thaiDigitsToArabic } from "@/server/domain/thai-text-normalise";
import { cellEntries, type CellEntry } from "./cells";
import { findFlags, flag, issueNumberFlags, levelFlags, periodFlags } from "./flags";
import { clean, findThaiDates, joinWrapped } from "./thai-text";
import type { ParseOptions, ParsedHeader, ParsedIssue, ParsedMeasure, ParsedReport, ParsedScore, SignatureRole, UnplacedText } from "./types";

type Line = { number: number; text: string };

const ANNEX_TITLE = "รายงานผลการดำเนินการตามมาตรการ";
const ISSUE_HEADING = /^ประเด็นที่\s*(\d{1,3})\s*[.:]?\s*(.*)$/;
const PAGE_NUMBER = /^-\s*\d{1,4}\s*-$/;
const DEMO_NOTE = "ข้อมูลสาธิต";

export function parseReportText(text: string, options: ParseOptions): ParsedReport {
  const lines: Line[] = text.split(/\r\n|\r|\n/).map((value, index) => ({ number: index + 1, text: value }));
  const report: ParsedReport = {
    header: { issuingSection: "", issuingPhone: "", documentCode: "", documentNumber: "", documentNumberPending: false, memoDate: null, memoDateText: "", subject: "", addressee: "", body: "" },
    organization: { name: null, annexName: null, district: null, province: null },
    fiscalYearBe: null,
    annexTitle: null,
    scores: [],
    signatures: [],
    issues: [],
    unplaced: [],
    flags: [],
    layoutLines: [],
  };
  const annexStart = lines.findIndex((line) => isAnnexLine(line.text));
  const memoLines = annexStart === -1 ? lines : lines.slice(0, annexStart);
  const annexLines = annexStart === -1 ? [] : lines.slice(annexStart);

  readMemo(memoLines, report, options);
  report.organization.name = organizationIn(report.header.issuingSection);
  readAnnex(annexLines, report, options);
  report.fiscalYearBe ??= yearIn(report.header.subject);
  report.organization.name ??= report.organization.annexName;
  report.flags.push(
    ...findFlags(lines, report.organization.name),
    ...levelFlags(report.scores, options.levelRules),
    ...issueNumberFlags(report.issues),
    ...periodFlags(report.issues, report.fiscalYearBe),
  );
  report.flags.sort((a, b) => a.line - b.line || a.column - b.column);
  return report;
}

const isAnnexLine = (text: string) => {
  const trimmed = clean(text);
  return trimmed.startsWith(ANNEX_TITLE) || ISSUE_HEADING.test(trimmed) || text.includes("\t");
};

// ── The memo ─────────────────────────────────────────────────────────────────────────────

type Paragraph = { lines: Line[]; text: string };

/**
 * Lines in runs separated by blank lines; wrapped lines joined. Before the body a header label
 * ("ที่", "วันที่" …) also starts a paragraph: a PDF's fields sit close together.
 */
function paragraphsOf(lines: Line[], prongsaiLayout: boolean): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: Line[] = [];
  const flush = () => {
    if (current.length === 0) return;
    const joined = current.reduce((text, line) => joinWrapped(text, thaiDigitsToArabic(line.text.replace(/\t/g, " ")).trim(), prongsaiLayout), "");
    paragraphs.push({ lines: current, text: clean(joined) });
    current = [];
  };
  let inHeader = true;
  for (const line of lines) {
    const text = clean(line.text);
    const label = inHeader ? labelOf(text) : null;
    if (label) flush();
    if (label === "เรียน") inHeader = false;
    if (text) current.push(line);
    else flush();
  }
  flush();
  return paragraphs;
}

const HEADER_LABELS = ["ส่วนราชการ", "ที่", "วันที่", "เรื่อง", "เรียน"] as const;
type HeaderLabel = (typeof HEADER_LABELS)[number];

function labelOf(text: string): HeaderLabel | null {
  for (const label of HEADER_LABELS) {
    if (text === label || text.startsWith(`${label} `)) return label;
  }
  return null;
}

const SIGN_LINE = /^ลงชื่อ[\s.…_]*$/;
// An abbreviated rank typed in place of "ลงชื่อ" ("พ.จ.อ.", "ว่าที่ ร.ต."): letters and dots only.
const RANK_LINE = /^(?:ว่าที่\s?)?(?:[\u0E01-\u0E4E]{1,4}\.){1,4}$/;
const NAME_LINE = /^\((.+)\)$/;
const ACTING = /^(ปฏิบัติหน้าที่|รักษาราชการแทน|รักษาการแทน|ปฏิบัติราชการแทน)/;
const PERSON_TITLES = ["ว่าที่ร้อยตรีหญิง", "ว่าที่ร้อยตรี", "นางสาว", "นาง", "นาย", "ดร."];

function readMemo(lines: Line[], report: ParsedReport, options: ParseOptions) {
  const paragraphs = paragraphsOf(lines, !!options.prongsaiLayout);
  const body: Paragraph[] = [];
  const seenLabels = new Set<HeaderLabel>();
  let index = 0;
  // Header fields and the body, up to the first signature.
  for (; index < paragraphs.length; index += 1) {
    const paragraph = paragraphs[index]!;
    if (paragraph.text === "บันทึกข้อความ") {
      report.layoutLines.push(paragraph.lines[0]!.number);
      continue;
    }
    if (startsSignature(paragraph) || paragraph.text.startsWith("ความเห็น")) break;
    const label = labelOf(paragraph.text);
    if (!label || body.length > 0) {
      if (report.header.addressee || body.length > 0) body.push(paragraph);
      else report.unplaced.push(unplacedParagraph(paragraph, "ข้อความก่อนเนื้อหาบันทึกที่ไม่ใช่หัวบันทึก"));
      continue;
    }
    if (seenLabels.has(label)) report.unplaced.push(unplacedParagraph(paragraph, "หัวบันทึกที่ซ้ำกับข้างบน"));
    else readHeaderField(label, paragraph, report.header);
    seenLabels.add(label === "ที่" && paragraph.text.includes("วันที่") ? "วันที่" : label);
    seenLabels.add(label);
  }
  report.header.body = body.map((paragraph) => paragraph.text).join("\n\n");
  report.scores.push(...scoresIn(body, options));

  // Signatures: the preparer's, then one block per "ความเห็น…" heading.
  let block: Paragraph[] = [];
  const blocks: Paragraph[][] = [];
  for (; index < paragraphs.length; index += 1) {
    const paragraph = paragraphs[index]!;
    if (paragraph.text.startsWith("ความเห็น") && block.length > 0) {
      blocks.push(block);
      block = [];
    }
    block.push(paragraph);
  }
  if (block.length > 0) blocks.push(block);
  for (const paragraphsOfBlock of blocks) readSignature(paragraphsOfBlock, report, !!options.prongsaiLayout);
}

function startsSignature(paragraph: Paragraph) {
  const first = clean(paragraph.lines[0]!.text);
  return SIGN_LINE.test(first) || RANK_LINE.test(first) || NAME_LINE.test(first);
}

function unplacedParagraph(paragraph: Paragraph, reason: string): UnplacedText {
  return { text: paragraph.text, line: paragraph.lines[0]!.number, reason };
}

function readHeaderField(label: HeaderLabel, paragraph: Paragraph, header: ParsedHeader) {
  const value = paragraph.text.slice(label.length).trim();
  if (label === "ส่วนราชการ") {
    const phone = value.lastIndexOf("โทร");
    header.issuingSection = phone === -1 ? value : value.slice(0, phone).trim();
    header.issuingPhone = phone === -1 ? "" : value.slice(phone + 3).replace(/^[.\s]+/, "").trim();
  } else if (label === "ที่") {
    // Prongsai's memo prints "ที่ …" and "วันที่ …" on one line.
    const dateAt = value.indexOf("วันที่");
    const code = dateAt === -1 ? value : value.slice(0, dateAt).trim();
    const slash = code.lastIndexOf("/");
    header.documentCode = slash === -1 ? code : code.slice(0, slash).trim();
    const number = slash === -1 ? "" : code.slice(slash + 1).trim();
    header.documentNumber = /^[-–.]*$/.test(number) ? "" : number;
    // "ที่ สส 71501/-": the memo itself says its running number is not issued yet.
    header.documentNumberPending = /^[-–]+$/.test(number);
    if (dateAt !== -1) readMemoDate(value.slice(dateAt + "วันที่".length).trim(), header);
  } else if (label === "วันที่") {
    readMemoDate(value, header);
  } else if (label === "เรื่อง") {
    header.subject = value;
  } else {
    header.addressee = value;
  }
}

function readMemoDate(text: string, header: ParsedHeader) {
  header.memoDateText = text;
  header.memoDate = findThaiDates(text)[0]?.iso ?? null;
}

const YEAR = /ปีงบประมาณ\s*(?:พ\.ศ\.\s*)?(\d{4})/g;
const SCORE = /ร้อยละ\s*(\d{1,3}(?:\.\d{1,2})?)/g;

/** Each "ร้อยละ N" of the body with the fiscal year named before it and the level after it. */
function scoresIn(body: Paragraph[], options: ParseOptions): ParsedScore[] {
  const labels = [...new Set(Object.values(options.levelRules).flatMap((rules) => rules.map((rule) => rule.label)))].sort((a, b) => b.length - a.length);
  const scores: ParsedScore[] = [];
  for (const paragraph of body) {
    const years = [...paragraph.text.matchAll(YEAR)].map((match) => ({ at: match.index, year: Number(match[1]) }));
    for (const match of paragraph.text.matchAll(SCORE)) {
      const year = years.filter((candidate) => candidate.at < match.index).at(-1);
      if (!year) continue;
      // The level follows within the sentence, before any other score.
      const rest = paragraph.text.slice(match.index + match[0].length, match.index + match[0].length + 150);
      const nextScore = rest.indexOf("ร้อยละ");
      const after = nextScore === -1 ? rest : rest.slice(0, nextScore);
      const levelAt = after.indexOf("ระดับ");
      let level: string | null = null;
      if (levelAt !== -1) {
        const rest = after.slice(levelAt + "ระดับ".length).trim();
        level = labels.find((label) => rest.startsWith(label)) ?? rest.split(" ")[0] ?? null;
      }
      scores.push({ yearBe: year.year, total: Number(match[1]), level: level || null, line: lineOfOffset(paragraph, match.index) });
    }
  }
  return scores;
}

/** The source line of a place in a paragraph's joined text (by the share of characters: close enough to point at). */
function lineOfOffset(paragraph: Paragraph, offset: number): number {
  let seen = 0;
  for (const line of paragraph.lines) {
    seen += clean(line.text).length;
    if (offset < seen) return line.number;
  }
  return paragraph.lines.at(-1)!.number;
}

function roleOf(heading: string | null): SignatureRole {
  if (heading === null) return "PREPARER";
  const who = heading.slice("ความเห็น".length);
  if (who.startsWith("หัวหน้าสำนักปลัด")) return "HEAD_OF_OFFICE";
  if (who.startsWith("ปลัด")) return "CHIEF_ADMINISTRATOR";
  if (who.startsWith("นายก")) return "EXECUTIVE";
  return "OTHER";
}

function splitTitle(fullName: string): { title: string | null; name: string } {
  const title = PERSON_TITLES.find((candidate) => fullName.startsWith(candidate) && fullName.length > candidate.length);
  return title ? { title, name: fullName.slice(title.length).trim() } : { title: null, name: fullName };
}

function readSignature(paragraphs: Paragraph[], report: ParsedReport, prongsaiLayout: boolean) {
  const lines = paragraphs.flatMap((paragraph) => paragraph.lines.map((line) => ({ line, text: clean(line.text) })));
  let heading: string | null = null;
  let at = 0;
  if (lines[0]?.text.startsWith("ความเห็น")) {
    heading = lines[0].text;
    at = 1;
  }
  const nameAt = lines.findIndex((line, index) => index >= at && NAME_LINE.test(line.text));
  if (nameAt === -1) {
    for (const line of lines) report.unplaced.push({ text: line.text, line: line.line.number, reason: "ข้อความในส่วนลงนามที่ไม่พบชื่อผู้ลงนาม" });
    return;
  }
  const before = lines.slice(at, nameAt);
  const signLine = before.at(-1) && (SIGN_LINE.test(before.at(-1)!.text) || RANK_LINE.test(before.at(-1)!.text)) ? before.pop()! : null;
  const rank = signLine && RANK_LINE.test(signLine.text) ? signLine.text : null;
  if (signLine && !rank) report.layoutLines.push(signLine.line.number);
  const comment = before.map((line) => line.text.replace(/^[-–•]\s*/, "")).reduce((text, line) => joinWrapped(text, line, prongsaiLayout), "") || null;
  const fullName = NAME_LINE.exec(lines[nameAt]!.text)![1]!.trim();
  // A rank typed before the signature is the title; the name in parentheses stays whole.
  const split = rank ? { title: rank, name: fullName } : splitTitle(fullName);
  let position: string | null = null;
  let actingPosition: string | null = null;
  for (const line of lines.slice(nameAt + 1)) {
    if (ACTING.test(line.text) || actingPosition !== null) actingPosition = joinWrapped(actingPosition ?? "", line.text, prongsaiLayout);
    else position = joinWrapped(position ?? "", line.text, prongsaiLayout);
  }
  report.signatures.push({
    role: roleOf(heading),
    heading,
    comment,
    title: split.title,
    name: split.name,
    position,
    actingPosition,
    line: lines[nameAt]!.line.number,
  });
}

// ── The annex ────────────────────────────────────────────────────────────────────────────

type Column = "title" | "steps" | "period" | "responsible" | "results" | "outcomes";
const COLUMN_WORDS: [Column, string][] = [
  ["title", "มาตรการ"],
  ["steps", "ขั้นตอน"],
  ["period", "ระยะเวลา"],
  ["responsible", "ผู้รับผิดชอบ"],
  ["outcomes", "ผลลัพธ์"],
  ["results", "ผลการดำเนินการ"],
];
const SEED_COLUMNS: Column[] = ["title", "steps", "period", "responsible", "results", "outcomes"];

function headerColumns(cells: string[]): (Column | null)[] | null {
  const columns = cells.map((cell) => {
    const text = cellEntries(cell).map((entry) => entry.text).join("");
    return COLUMN_WORDS.find(([, word]) => text.startsWith(word))?.[0] ?? null;
  });
  return columns.includes("title") && columns.includes("steps") ? columns : null;
}

function readAnnex(lines: Line[], report: ParsedReport, options: ParseOptions) {
  let columns: (Column | null)[] = SEED_COLUMNS;
  let issue: ParsedIssue | null = null;
  let previousBlank = true;
  let titleOpen = false; // the issue heading may wrap onto the next line
  for (const line of lines) {
    const text = clean(line.text);
    if (!text) {
      previousBlank = true;
      titleOpen = false;
      continue;
    }
    const wasBlank = previousBlank;
    previousBlank = false;
    if (line.text.includes("\t")) {
      titleOpen = false;
      const cells = line.text.split("\t");
      const header = headerColumns(cells);
      if (header) {
        columns = header;
        report.layoutLines.push(line.number);
        continue;
      }
      if (!issue) {
        report.unplaced.push({ text, line: line.number, reason: "แถวตารางที่ไม่อยู่ใต้ประเด็นใด" });
        continue;
      }
      issue.measures.push(readRow(cells, columns, line.number, report));
      continue;
    }
    const heading = ISSUE_HEADING.exec(text);
    if (heading) {
      issue = { number: Number(heading[1]), title: heading[2]!.trim(), measures: [], line: line.number };
      report.issues.push(issue);
      titleOpen = true;
      continue;
    }
    if (titleOpen && issue && !wasBlank) {
      issue.title = joinWrapped(issue.title, text, options.prongsaiLayout);
      continue;
    }
    if (text.startsWith(ANNEX_TITLE) && !report.annexTitle) {
      report.annexTitle = text;
      report.fiscalYearBe = yearIn(text);
      continue;
    }
    if (report.annexTitle && !report.organization.district && !issue && (text.includes("อำเภอ") || text.includes("จังหวัด"))) {
      readPlace(text, report);
      continue;
    }
    if (PAGE_NUMBER.test(text) || text === DEMO_NOTE) {
      report.layoutLines.push(line.number);
      continue;
    }
    report.unplaced.push({ text, line: line.number, reason: issue ? "ข้อความในภาคผนวกที่ไม่อยู่ในตาราง" : "ข้อความก่อนประเด็นแรก" });
  }
}

function yearIn(text: string): number | null {
  const match = /ปีงบประมาณ\s*(?:พ\.ศ\.\s*)?(\d{4})/.exec(text);
  return match ? Number(match[1]) : null;
}

function organizationIn(section: string): string | null {
  const match = /(องค์การบริหารส่วน\S+|เทศบาล\S+)/.exec(section);
  return match ? match[1]! : null;
}

/** "องค์การบริหารส่วนตำบลท่าหยาด อำเภอเมืองสมุทรสงคราม จังหวัดสมุทรสงคราม" */
function readPlace(text: string, report: ParsedReport) {
  const district = text.indexOf("อำเภอ");
  const province = text.indexOf("จังหวัด");
  const firstMark = [district, province].filter((at) => at !== -1).sort((a, b) => a - b)[0]!;
  report.organization.annexName = text.slice(0, firstMark).trim() || null;
  if (district !== -1) report.organization.district = text.slice(district + "อำเภอ".length, province > district ? province : undefined).trim() || null;
  if (province !== -1) report.organization.province = text.slice(province + "จังหวัด".length, district > province ? district : undefined).trim() || null;
}

function readRow(cells: string[], columns: (Column | null)[], line: number, report: ParsedReport): ParsedMeasure {
  const measure: ParsedMeasure = { title: "", steps: [], periodText: "", periodStart: null, periodEnd: null, responsibleUnits: [], resultItems: [], outcomes: [], line };
  const known = columns.filter(Boolean).length;
  if (cells.length < known) {
    report.flags.push(flag("ROW_INCOMPLETE", `แถวนี้มี ${cells.length} ช่อง จากที่ตารางมี ${known} ช่อง: ข้อมูลอาจขาดหายหรือเอกสารไม่ครบ`, line, 1, clean(cells.join(" ")).slice(0, 80)));
  }
  cells.forEach((cell, index) => {
    const column = columns[index] ?? null;
    const entries = cellEntries(cell);
    if (entries.length === 0) return;
    if (!column) {
      for (const entry of entries) report.unplaced.push({ text: entry.text, line, reason: "ช่องตารางที่ไม่มีหัวคอลัมน์" });
      return;
    }
    for (const entry of entries.filter((candidate) => candidate.heading)) {
      report.unplaced.push({ text: entry.text, line, reason: "หัวข้อย่อยในช่องตาราง" });
    }
    const items = entries.filter((entry) => !entry.heading);
    if (items.some((entry) => entry.guessed)) {
      const guessed = items.filter((entry) => entry.guessed);
      report.flags.push(
        flag("LIST_SPLIT_GUESSED", `รายการในช่องนี้ไม่มีเครื่องหมายแบ่ง จึงแบ่งเป็น ${guessed.length} รายการตามช่องว่าง: โปรดตรวจ`, line, columnOf(cells, index), guessed[0]!.text.slice(0, 80)),
      );
    }
    fill(measure, column, items);
  });
  return measure;
}

function fill(measure: ParsedMeasure, column: Column, items: CellEntry[]) {
  const texts = items.map((item) => item.text).filter(Boolean);
  switch (column) {
    case "title":
      measure.title = texts.join("\n");
      return;
    case "steps":
      measure.steps = texts;
      return;
    case "outcomes":
      measure.outcomes = texts;
      return;
    case "period": {
      measure.periodText = texts.join(" ");
      const dates = findThaiDates(measure.periodText);
      measure.periodStart = dates[0]?.iso ?? null;
      measure.periodEnd = dates[1]?.iso ?? dates[0]?.iso ?? null;
      return;
    }
    case "responsible":
      measure.responsibleUnits = texts.flatMap((text) => text.split("/").map((unit) => unit.trim()).filter(Boolean));
      return;
    case "results":
      measure.resultItems = items.filter((item) => item.text).map((item) => ({ text: item.text, checked: item.checked ?? false }));
  }
}

/** 1-based column of cell `index` in the tab-separated line. */
function columnOf(cells: string[], index: number): number {
  return cells.slice(0, index).reduce((sum, cell) => sum + cell.length + 1, 0) + 1;
}
