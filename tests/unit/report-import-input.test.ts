// The report importer on what a careful reader would doubt (flags), on input that is not a
// report (a Thai message, no report), and on thousands of random and mutated inputs
// (fast-check): it never throws, always ends, and loses nothing.
import fs from "node:fs";
import fc from "fast-check";
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { possibleLevels } from "@/server/domain/report-import/flags";
import { parseReportText } from "@/server/domain/report-import/parse";
import { thaiDigitsToArabic } from "@/server/domain/thai-text-normalise";
import type { ParsedReport } from "@/server/domain/report-import/types";
import { finishPdf } from "@/server/services/exports/pdf-layout";
import { IMPORT_ERRORS, importReportDocument, MAX_REPORT_BYTES } from "@/server/services/report-import/read-document";
import { levelRules, reportDocx } from "../fixtures/report-import";

const seedText = fs.readFileSync("tests/fixtures/seed-report-thaihad-2568.txt", "utf8");
const parse = (text: string) => parseReportText(text, { levelRules });
const codes = (report: ParsedReport) => report.flags.filter((flag) => flag.code !== "LIST_SPLIT_GUESSED").map((flag) => `${flag.code}@${flag.line}`);
const lineOf = (text: string, needle: string) => text.split("\n").findIndex((line) => line.includes(needle)) + 1;

describe("flags", () => {
  it("the seed's: two spellings of the name, Kannada glyphs, likely misspellings, each at its place", () => {
    expect(codes(parse(seedText))).toEqual([
      `MISSPELLING@${lineOf(seedText, "เรียน นายองค์การ")}`,
      `FOREIGN_SCRIPT@${lineOf(seedText, "(นางสาวอาจารย์")}`,
      `ORGANIZATION_NAME_VARIANT@${lineOf(seedText, "ท่าหยาด")}`,
      `MISSPELLING@${lineOf(seedText, "ข้อเสนอนะ")}`,
      `MISSPELLING@${lineOf(seedText, "การส่วนบุคลากร")}`,
    ]);
    const foreign = parse(seedText).flags.find((flag) => flag.code === "FOREIGN_SCRIPT")!;
    expect(seedText.split("\n")[foreign.line - 1]!.slice(foreign.column - 1).startsWith("\u0CBE\u0CB5")).toBe(true);
  });

  it("a duplicated and a missing issue number", () => {
    const text = seedText.replace("ประเด็นที่ ๓", "ประเด็นที่ ๒").replace("ประเด็นที่ ๕", "ประเด็นที่ ๘");
    const report = parse(text);
    expect(codes(report).filter((code) => code.startsWith("ISSUE"))).toEqual([
      `ISSUE_NUMBER_DUPLICATE@${lineOf(text, "ประเด็นที่ ๒ ช่องทาง")}`,
      `ISSUE_NUMBER_MISSING@${lineOf(text, "ประเด็นที่ ๔")}`,
      `ISSUE_NUMBER_MISSING@${lineOf(text, "ประเด็นที่ ๘")}`,
    ]);
    expect(report.flags.filter((flag) => flag.code === "ISSUE_NUMBER_MISSING").map((flag) => flag.message)).toEqual([
      "ไม่พบประเด็นที่ 3 ก่อนประเด็นที่ 4",
      "ไม่พบประเด็นที่ 5 ก่อนประเด็นที่ 8",
    ]);
    // Read as written: the numbers stay.
    expect(report.issues.map((issue) => issue.number)).toEqual([1, 2, 2, 4, 8, 6, 7]);
  });

  it("a period outside the fiscal year and one that is not a date", () => {
    const text = seedText.replace("<p>๑ ตุลาคม ๒๕๖๗ – ๓๐ กันยายน ๒๕๖๘</p>", "<p>๑ ตุลาคม ๒๕๖๖ – ๓๐ กันยายน ๒๕๖๘</p>").replace("๑ ตุลาคม ๒๕๖๗ - ๓๐ กันยายน ๒๕๖๘\tงานพัสดุ", "ตลอดปี\tงานพัสดุ");
    const report = parse(text);
    expect(codes(report).filter((code) => code.startsWith("PERIOD"))).toEqual([
      `PERIOD_OUTSIDE_YEAR@${lineOf(text, "๑ ตุลาคม ๒๕๖๖")}`,
      `PERIOD_UNREADABLE@${lineOf(text, "ตลอดปี")}`,
    ]);
    // Flagged, not changed: the period stays as written.
    expect(report.issues[2]!.measures[0]!.periodStart).toBe("2023-10-01");
    expect(report.issues[3]!.measures[0]!.periodText).toBe("ตลอดปี");
  });

  it("a level the year's rules do not allow for the score, by the rules given", () => {
    const text = seedText.replace("ระดับ ผ่านดี แต่", "ระดับ ต้องปรับปรุง แต่");
    const flag = parse(text).flags.find((candidate) => candidate.code === "LEVEL_RULE_MISMATCH")!;
    expect(flag).toMatchObject({ line: lineOf(text, "ร้อยละ ๙๖.๔๔"), text: "ต้องปรับปรุง" });
    // No rules for the year: nothing to compare with.
    expect(parseReportText(text, { levelRules: {} }).flags.some((candidate) => candidate.code === "LEVEL_RULE_MISMATCH")).toBe(false);
    // Letter bands of an older year: 96.44 can only be AA.
    const letters = parseReportText(seedText, { levelRules: { 2567: levelRules[2565]!, 2568: levelRules[2568]! } });
    expect(letters.flags.find((candidate) => candidate.code === "LEVEL_RULE_MISMATCH")).toMatchObject({ text: "ผ่านดี", suggestion: "AA" });
  });

  it("possible levels without the tool scores: every rule the total reaches, down to the first without a tool minimum", () => {
    expect(possibleLevels(levelRules[2568]!, 96.44)).toEqual(["ผ่านดีเยี่ยม", "ผ่านดี", "ผ่าน"]);
    expect(possibleLevels(levelRules[2568]!, 90)).toEqual(["ผ่านดี", "ผ่าน"]);
    expect(possibleLevels(levelRules[2568]!, 72)).toEqual(["ต้องปรับปรุง"]);
    expect(possibleLevels(levelRules[2565]!, 96.44)).toEqual(["AA"]);
  });

  it("a row cut short (a truncated file) is read as far as it goes and flagged", () => {
    const cut = seedText.slice(0, seedText.indexOf("งานเจ้าหน้าที่"));
    const report = parse(cut);
    expect(report.issues).toHaveLength(7);
    expect(report.issues[6]!.measures[0]!.steps).toHaveLength(7);
    expect(codes(report).at(-1)).toBe(`ROW_INCOMPLETE@${cut.split("\n").length}`);
  });
});

describe("input that is not a report", () => {
  const read = (data: Uint8Array | string) => importReportDocument(typeof data === "string" ? Buffer.from(data) : data, { levelRules });

  it("empty, blank, over 5 MB, binary, an old .doc: a Thai message and no report", async () => {
    expect(await read("")).toEqual({ ok: false, error: IMPORT_ERRORS.empty });
    expect(await read(" \n\t\n")).toEqual({ ok: false, error: IMPORT_ERRORS.empty });
    expect(await read(Buffer.alloc(MAX_REPORT_BYTES + 1, 0x41))).toEqual({ ok: false, error: IMPORT_ERRORS.tooLarge });
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2000, 0)]);
    expect(await read(png)).toEqual({ ok: false, error: IMPORT_ERRORS.binary });
    expect(await read(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toEqual({ ok: false, error: IMPORT_ERRORS.legacyWord });
  });

  it("a truncated PDF or Word file, and a PDF without a text layer", async () => {
    const docx = await reportDocx(parse(seedText));
    expect(await read(docx.subarray(0, docx.length / 2))).toEqual({ ok: false, error: IMPORT_ERRORS.brokenWord });
    const scanned = new PDFDocument({ size: "A4" });
    scanned.rect(50, 50, 200, 100).fill("#888");
    const image = await finishPdf(scanned);
    expect(await read(image)).toEqual({ ok: false, error: IMPORT_ERRORS.scannedPdf });
    expect(await read(image.subarray(0, 200))).toEqual({ ok: false, error: IMPORT_ERRORS.brokenPdf });
  }, 60_000);

  it("a web page listing ITA documents and an anti-corruption budget plan: not a report", async () => {
    const page = `<!DOCTYPE html><html><head><title>ITA 2568</title><script>var x = "<table>";</script></head><body>
      <h1>การประเมินคุณธรรมและความโปร่งใส (ITA) ประจำปี 2568</h1>
      <table><tr><th>ข้อ</th><th>รายการ</th></tr>
      <tr><td>O1</td><td><a href="/o1.pdf">โครงสร้างหน่วยงาน</a></td></tr>
      <tr><td>O41</td><td><a href="/o41.pdf">รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรม</a></td></tr></table></body></html>`;
    expect(await read(page)).toEqual({ ok: false, error: IMPORT_ERRORS.unrelated });
    const plan = [
      "แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๘",
      "องค์การบริหารส่วนตำบลท้ายหาด",
      "มิติ\tภารกิจ/มาตรการ\tโครงการ/กิจกรรม\tงบประมาณ ๒๕๖๘ (บาท)\tหมายเหตุ",
      "๑. การสร้างสังคมที่ไม่ทนต่อการทุจริต\t๑.๑ การสร้างจิตสำนึก\tโครงการอบรมคุณธรรมจริยธรรม\t๒๐,๐๐๐\t",
      "รวม\t\t\t๒๐,๐๐๐\t",
    ].join("\n");
    expect(await read(plan)).toEqual({ ok: false, error: IMPORT_ERRORS.unrelated });
  });

  it("the seed in the Thai Windows code page and as UTF-16 reads as in UTF-8", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seedText, "utf16le")]);
    const result = await read(utf16);
    expect(result.ok && result.report.issues).toEqual(parse(seedText).issues);
  });
});

// ── Properties ─────────────────────────────────────────────────────────────────────────

// Words the parser reads as layout: labels and the words that introduce a field.
const LAYOUT_WORDS = /ส่วนราชการ|วันที่|ที่|เรื่อง|เรียน|โทร|ลงชื่อ|ประเด็นที่|อำเภอ|จังหวัด/gu;
const MARKUP = /<[^<>]{0,1000}>|&(?:amp|lt|gt|quot|apos|nbsp|#39);/g;
const NUMBERING = /(?:^|\s)\d{1,2}\s*[.)]/g;
// Numbers apart from words: an issue number or a date is kept as a value, not as written.
const WORD = /\p{N}+|[\p{L}\p{M}]+/gu;

/** Every word of every non-blank line that is not layout appears in a field or in unplaced. */
function lostWords(text: string, report: ParsedReport): string[] {
  const { flags: _flags, layoutLines, ...placed } = report;
  // A signer's title and name are stored apart: "(นางรุ่งฤดี ลิ้มสกุล)" is "นาง" + "รุ่งฤดี ลิ้มสกุล".
  const names = report.signatures.map((signature) => `${signature.title ?? ""}${signature.name}`);
  const everything = thaiDigitsToArabic(JSON.stringify([placed, names]));
  const layout = new Set(layoutLines);
  const lost: string[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    if (layout.has(index + 1)) return;
    const words = thaiDigitsToArabic(line).replace(MARKUP, " ").replace(LAYOUT_WORDS, " ").replace(NUMBERING, " ").match(WORD) ?? [];
    for (const word of words) if (!everything.includes(word)) lost.push(`${index + 1}: ${word}`);
  });
  return lost;
}

const seedLines = seedText.split("\n");
const PIECES = ["ประเด็นที่ ๒ ", "\t", "<p>", "</p>", "<ol>", "<input checked type=\"checkbox\">", "- ", "๑. ", "ร้อยละ ๙๙.๖๖ ระดับ ", "ลงชื่อ", "(นาย ก)", "ความเห็นปลัด", "วันที่ ", "ที่ ", "\n", "☑ ", "[x]", "ปีงบประมาณ ๒๕๖๘", "๓๑ กุมภาพันธ์ ๒๕๖๘"];
const thaiText = fc.string({ unit: fc.constantFrom(..."กขคงจฉชซญดตถทนบปผพฟภมยรลวศสหอฮะาำิีึืุูเแโใไ่้๊๋็์ๆฯ๐๑๒๓๔๕๖๗๘๙0123456789 .-–/()<>&;\t\n\"=ಾವ"), maxLength: 400 });

/** A seed with lines deleted, duplicated or swapped, text and pieces of markup inserted, and cut anywhere. */
const mutatedSeed = fc
  .record({
    edits: fc.array(
      fc.oneof(
        fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
        fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat() }),
        fc.record({ kind: fc.constant("swap" as const), at: fc.nat(), with: fc.nat() }),
        fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), offset: fc.nat(), text: fc.oneof(thaiText, fc.constantFrom(...PIECES)) }),
      ),
      { maxLength: 12 },
    ),
    cut: fc.option(fc.nat(), { nil: undefined }),
  })
  .map(({ edits, cut }) => {
    const lines = [...seedLines];
    for (const edit of edits) {
      const at = edit.at % lines.length;
      if (edit.kind === "delete" && lines.length > 1) lines.splice(at, 1);
      else if (edit.kind === "duplicate") lines.splice(at, 0, lines[at]!);
      else if (edit.kind === "swap") [lines[at], lines[edit.with % lines.length]] = [lines[edit.with % lines.length]!, lines[at]!];
      else if (edit.kind === "insert") {
        const line = lines[at]!;
        const offset = edit.offset % (line.length + 1);
        lines[at] = line.slice(0, offset) + edit.text + line.slice(offset);
      }
    }
    const text = lines.join("\n");
    return cut === undefined ? text : text.slice(0, cut % (text.length + 1));
  });

describe("properties", () => {
  it("random text: never throws, ends, loses nothing", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 600 }), thaiText), (text) => {
        expect(lostWords(text, parse(text))).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  }, 120_000);

  it("mutated seeds: never throw, end, lose nothing", () => {
    fc.assert(
      fc.property(mutatedSeed, (text) => {
        expect(lostWords(text, parse(text))).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  }, 120_000);

  it("the seed itself loses nothing", () => {
    expect(lostWords(seedText, parse(seedText))).toEqual([]);
  });
});
