// Layout on pdfkit for Thai documents: the Sarabun fonts, line wrapping at Thai word
// boundaries, a page flow that starts new pages, and a ruled table whose rows break across
// pages. pdfkit does the glyph shaping; line breaking is done here (see wrapText).
import fs from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import { formatInteger, type DigitStyle } from "@/server/domain/thai-format";
import { graphemeClusters, localDigits, thaiBreakable, ZERO_WIDTH_SPACE } from "./thai-text";

export type Pdf = PDFKit.PDFDocument;

export const CM = 72 / 2.54;

// ── Fonts ───────────────────────────────────────────────────────────────────────────────

export type TextStyle = { font: "regular" | "bold"; size: number };

// Full Sarabun TTFs (Thai and Latin in one font: pdfkit has no per-glyph fallback). Read from
// node_modules at run time, since pdfkit is a server external package and nothing is bundled.
const FONT_FILES = {
  regular: "400Regular/Sarabun_400Regular.ttf",
  bold: "700Bold/Sarabun_700Bold.ttf",
} as const;
let fontData: Record<keyof typeof FONT_FILES, Buffer> | undefined;

function fonts() {
  const dir = path.join(process.cwd(), "node_modules", "@expo-google-fonts", "sarabun");
  fontData ??= {
    regular: fs.readFileSync(path.join(dir, FONT_FILES.regular)),
    bold: fs.readFileSync(path.join(dir, FONT_FILES.bold)),
  };
  return fontData;
}

// Sarabun's vertical metrics (hhea, per 1000 units). The ascender leaves room for a tone mark
// stacked on an upper vowel (ปั้น), the descender for the lower vowels (ฎู).
const ASCENT = 1.068;
const DESCENT = 0.232;

/**
 * Point sizes as the regulation gives them, for TH Sarabun PSK ("16 pt body"). That font draws
 * its glyphs about 30% smaller than its em (Thai fonts of its generation shrink their glyphs to
 * leave room for stacked marks); Google's Sarabun does not. Measured on the seed memo: its
 * full-width lines, typed in TH Sarabun PSK 16 pt, are 1.40–1.46 times wider in Sarabun 16 pt.
 * So "16 pt" in the regulation's sense is Sarabun at about 11.2 pt.
 */
export const regulationPoints = (points: number) => Math.round(points * 0.7 * 10) / 10;

export const lineHeight = (style: TextStyle) => style.size * (ASCENT + DESCENT);
/** Distance from the top of a line to its baseline. */
export const baselineOffset = (style: TextStyle) => style.size * ASCENT;

export function createPdf(info: { title: string; author: string }): Pdf {
  const doc = new PDFDocument({
    autoFirstPage: false,
    lang: "th-TH",
    displayTitle: true,
    info: { Title: info.title, Author: info.author, Creator: "Prongsai" },
  });
  const data = fonts();
  for (const name of ["regular", "bold"] as const) {
    doc.registerFont(name, data[name]);
    keepSaraAmInTextLayer(doc.font(name));
  }
  return doc;
}

// ── Text layer ──────────────────────────────────────────────────────────────────────────

type ShapedGlyph = { id: number; advanceWidth: number; codePoints: number[] };
type GlyphPosition = { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number };
/** The parts of pdfkit's EmbeddedFont (not in its types) that the text layer fix uses. */
type EmbeddedFont = {
  font: { glyphForCodePoint(codePoint: number): ShapedGlyph };
  subset: { glyphs: number[]; includeGlyph(id: number): number };
  widths: number[];
  unicode: number[][];
  scale: number;
  layout(text: string, features?: unknown): { glyphs: ShapedGlyph[]; positions: GlyphPosition[] };
  encode(text: string, features?: unknown): [string[], GlyphPosition[]];
};

const SARA_AM = 0x0e33;
const SARA_AA = 0x0e32;
const TONE_MARKS = [0x0e48, 0x0e49, 0x0e4a, 0x0e4b];

/**
 * Sarabun shapes sara am (ำ) as two glyphs: nikhahit (alone, or fused with a tone mark before
 * it) and the glyph of sara aa. pdfkit's text layer (ToUnicode) maps each glyph to one string,
 * from fontkit's code points of the glyph's first use (cached per glyph, so even a plain า can
 * carry none), and every ำ copied out as "ำา": the PDF could be neither searched nor read
 * back. Each ำ is therefore encoded so that every glyph maps to what it stands for:
 *  - without a tone mark: the font's own ำ glyph, which draws the same (nikhahit and aa);
 *  - after a tone mark (น้ำ), where only the shaped pair places the tone above the nikhahit:
 *    the fused glyph maps to the tone mark alone, and the aa is a copy of the sara aa glyph
 *    in the subset that maps to ำ.
 * pdfkit has no option for this; the font object's encode is wrapped (pdfkit 0.20).
 */
function keepSaraAmInTextLayer(doc: Pdf) {
  const font = (doc as unknown as { _font: EmbeddedFont })._font;
  const saraAm = font.font.glyphForCodePoint(SARA_AM);
  const saraAa = font.font.glyphForCodePoint(SARA_AA);
  const shaped = font.layout("ำ").glyphs.map((glyph) => glyph.id);
  if (shaped.length !== 2 || shaped[1] !== saraAa.id) return; // the font draws ำ as one glyph
  const nikhahit = shaped[0]!;
  // The fused tone-and-nikhahit glyphs, each with its tone mark.
  const fused = new Map<number, number>();
  for (const tone of TONE_MARKS) {
    const glyphs = font.layout(String.fromCodePoint(0x0e01, tone, SARA_AM)).glyphs;
    if (glyphs.length === 3 && glyphs[2]!.id === saraAa.id) fused.set(glyphs[1]!.id, tone);
  }
  const copies = new Map<number, number>();
  const subsetId = (glyph: ShapedGlyph, codePoints: number[], copy = false) => {
    let id: number;
    if (!copy) id = font.subset.includeGlyph(glyph.id);
    else {
      id = copies.get(glyph.id) ?? font.subset.glyphs.push(glyph.id) - 1;
      copies.set(glyph.id, id);
    }
    font.widths[id] ??= glyph.advanceWidth * font.scale;
    font.unicode[id] ??= codePoints;
    return id;
  };
  const hex = (id: number) => `0000${id.toString(16)}`.slice(-4);
  font.encode = (text, features) => {
    const { glyphs, positions } = font.layout(text, features);
    const codes: string[] = [];
    const placed: GlyphPosition[] = [];
    for (let index = 0; index < glyphs.length; index += 1) {
      const glyph = glyphs[index]!;
      const followedByAa = glyphs[index + 1]?.id === saraAa.id;
      if (followedByAa && glyph.id === nikhahit) {
        codes.push(hex(subsetId(saraAm, [SARA_AM])));
        placed.push({ ...positions[index + 1]!, xAdvance: positions[index]!.xAdvance + positions[index + 1]!.xAdvance });
        index += 1;
      } else if (followedByAa && fused.has(glyph.id)) {
        codes.push(hex(subsetId(glyph, [fused.get(glyph.id)!], true)), hex(subsetId(saraAa, [SARA_AM], true)));
        placed.push(positions[index]!, positions[index + 1]!);
        index += 1;
      } else {
        codes.push(hex(subsetId(glyph, glyph.id === saraAa.id ? [SARA_AA] : glyph.codePoints)));
        placed.push(positions[index]!);
      }
    }
    return [codes, placed];
  };
}

export function finishPdf(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}

export function textWidth(doc: Pdf, text: string, style: TextStyle): number {
  return doc.font(style.font).fontSize(style.size).widthOfString(text);
}

// ── Line wrapping ───────────────────────────────────────────────────────────────────────

const BREAK_SPACE = /[ \t]/;
// Thai letters, vowels and marks; not the Thai digits.
const THAI_LETTER = /[\u0E01-\u0E4F]/u;

/**
 * Pieces of one line of text, each ending where the line may break: after spaces, at a Thai
 * word boundary, or after a slash ("งานพัสดุ/กองคลัง"). No-break spaces stay inside a piece.
 * Where a line breaks must be clear from the text on either side, so that the text layer
 * reads back as written (PDF readers drop the space at a line's end): between two Thai
 * letters a break means no space, so a space between two Thai letters never ends a line, nor
 * one right after a slash (it would read back as a break after the slash), and a Thai word
 * boundary next to a digit is not a break.
 */
function breakPieces(text: string): string[] {
  const chars = Array.from(thaiBreakable(text));
  const pieces: string[] = [];
  let current = "";
  chars.forEach((char, index) => {
    if (char === ZERO_WIDTH_SPACE) {
      if (THAI_LETTER.test(current.at(-1) ?? "") && THAI_LETTER.test(chars[index + 1] ?? "")) {
        if (current) pieces.push(current);
        current = "";
      }
      return;
    }
    if (!BREAK_SPACE.test(char) && BREAK_SPACE.test(current.at(-1) ?? "")) {
      const before = current.trimEnd().at(-1) ?? "";
      const betweenThaiLetters = THAI_LETTER.test(before) && THAI_LETTER.test(char);
      // "A/ B" breaking at its space would read back as a break after the slash ("A/B").
      if (!betweenThaiLetters && before !== "/") {
        pieces.push(current);
        current = "";
      }
    }
    current += char;
    if (char === "/" && !BREAK_SPACE.test(chars[index + 1] ?? "")) {
      pieces.push(current);
      current = "";
    }
  });
  if (current) pieces.push(current);
  return pieces;
}

/**
 * Breaks text into lines no wider than `width` (the first line: `firstLineWidth`). pdfkit's
 * own wrapper would need U+200B in the text to find Thai word boundaries, and Sarabun has no
 * glyph for it (it prints as a box), so the lines are found here and drawn one by one without
 * it. A "\n" forces a break. A word longer than a whole line is cut between grapheme clusters,
 * never between a letter and its marks.
 */
export function wrapText(doc: Pdf, text: string, style: TextStyle, width: number, firstLineWidth = width): string[] {
  const lines: string[] = [];
  const measure = (value: string) => (value ? textWidth(doc, value, style) : 0);
  // Most table cells fit on one line: one measurement instead of one per word.
  if (!text.includes("\n") && text === text.trim() && measure(text) <= firstLineWidth) return [text];
  for (const hardLine of text.split("\n")) {
    let line = "";
    let used = 0;
    let gap = ""; // spaces after the last piece, printed only if the line goes on
    const limit = () => (lines.length === 0 ? firstLineWidth : width);
    const flush = () => {
      lines.push(line);
      line = "";
      used = 0;
      gap = "";
    };
    const startWith = (word: string, wordWidth: number) => {
      if (wordWidth <= limit()) {
        line = word;
        used = wordWidth;
        return;
      }
      for (const cluster of graphemeClusters(word)) {
        const clusterWidth = measure(cluster);
        if (line && used + clusterWidth > limit()) flush();
        line += cluster;
        used += clusterWidth;
      }
    };
    for (const piece of breakPieces(hardLine)) {
      const word = piece.trimEnd();
      const wordWidth = measure(word);
      if (!line) startWith(word, wordWidth);
      else if (used + measure(gap) + wordWidth <= limit()) {
        line += gap + word;
        used += measure(gap) + wordWidth;
      } else {
        flush();
        startWith(word, wordWidth);
      }
      gap = piece.slice(word.length);
    }
    lines.push(line);
  }
  return lines;
}

// ── Page flow ───────────────────────────────────────────────────────────────────────────

export type PageSetup = {
  layout: "portrait" | "landscape";
  margins: { top: number; bottom: number; left: number; right: number };
};

/** A line placed horizontally, ready to draw at the flow's current height. */
export type PlacedLine = {
  text: string;
  style: TextStyle;
  x: number;
  /** Centre the text on x instead of starting at x. */
  centered?: boolean;
  /** A dotted leader under the line from `from` to `to` (a space to sign or fill in). */
  leader?: { from: number; to: number };
};

const PAGE_NUMBER_STYLE: TextStyle = { font: "regular", size: regulationPoints(16) };
const NOTE_STYLE: TextStyle = { font: "bold", size: 10 };

/**
 * Writes downwards through pages of one setup. Every page after the first gets its number at
 * the top centre ("- ๒ -", as Thai official documents number them), and every page the note
 * when there is one (demo data), so a page printed alone still says what it is.
 */
export class Flow {
  y = 0;
  pageNumber = 0;

  constructor(
    readonly doc: Pdf,
    readonly setup: PageSetup,
    readonly digits: DigitStyle,
    readonly note: string | null,
  ) {}

  get left() {
    return this.setup.margins.left;
  }
  get right() {
    return this.doc.page.width - this.setup.margins.right;
  }
  get width() {
    return this.right - this.left;
  }
  get top() {
    return this.setup.margins.top;
  }
  get bottom() {
    return this.doc.page.height - this.setup.margins.bottom;
  }

  addPage() {
    this.doc.addPage({ size: "A4", layout: this.setup.layout, margin: 0 });
    this.pageNumber += 1;
    this.y = this.top;
    if (this.pageNumber > 1) {
      const label = `- ${this.number(this.pageNumber)} -`;
      this.draw({ text: label, style: PAGE_NUMBER_STYLE, x: (this.left + this.right) / 2, centered: true }, this.top / 2 - lineHeight(PAGE_NUMBER_STYLE) / 2);
    }
    if (this.note) this.drawNote(this.note);
  }

  /** Vertical space, except at the top of a page. */
  space(height: number) {
    if (this.y > this.top) this.y += height;
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensure(height: number) {
    if (this.y + height > this.bottom) this.addPage();
  }

  /** Text as this document prints it (its digit style). */
  localize(text: string) {
    return localDigits(text, this.digits);
  }

  number(value: number) {
    return formatInteger(value, this.digits);
  }

  wrap(text: string, style: TextStyle, width: number, firstLineWidth = width) {
    return wrapText(this.doc, this.localize(text), style, width, firstLineWidth);
  }

  /** Draws one line with its top at `top` (default: the flow's height); never wraps. */
  draw(line: PlacedLine, top = this.y) {
    const { doc } = this;
    const x = line.centered ? line.x - textWidth(doc, line.text, line.style) / 2 : line.x;
    if (line.leader) {
      const y = top + baselineOffset(line.style) + 2;
      doc.save().lineWidth(0.8).dash(0.8, { space: 2 }).moveTo(line.leader.from, y).lineTo(line.leader.to, y).stroke().restore();
    }
    if (line.text) doc.font(line.style.font).fontSize(line.style.size).fillColor("black").text(line.text, x, top, { lineBreak: false });
  }

  /**
   * Lines that belong together (an endorsement with its signature): moved to a new page as a
   * whole when they do not fit; only a block taller than a whole page breaks between lines.
   */
  block(lines: PlacedLine[], spaceBefore = 0) {
    const height = spaceBefore + lines.reduce((sum, line) => sum + lineHeight(line.style), 0);
    if (height <= this.bottom - this.top) this.ensure(height);
    this.space(spaceBefore);
    for (const line of lines) {
      this.ensure(lineHeight(line.style));
      this.draw(line);
      this.y += lineHeight(line.style);
    }
  }

  /** A title: each of its lines centred between the margins. */
  centred(text: string, style: TextStyle) {
    const centre = (this.left + this.right) / 2;
    for (const line of this.wrap(text, style, this.width)) {
      this.draw({ text: line, style, x: centre, centered: true });
      this.y += lineHeight(style);
    }
  }

  /** A heading kept on the page with the `keepWith` points that follow it (a table's header and first row). */
  heading(text: string, style: TextStyle, keepWith: number, spaceBefore = lineHeight(style) / 2) {
    const lines = this.wrap(text, style, this.width);
    this.ensure(spaceBefore + lines.length * lineHeight(style) + 2 + keepWith);
    this.space(spaceBefore);
    for (const line of lines) {
      this.draw({ text: line, style, x: this.left });
      this.y += lineHeight(style);
    }
    this.y += 2;
  }

  /** A paragraph that flows across pages line by line. */
  paragraph(text: string, style: TextStyle, options: { firstLineIndent?: number; spaceBefore?: number } = {}) {
    const indent = options.firstLineIndent ?? 0;
    const lines = this.wrap(text, style, this.width, this.width - indent);
    this.space(options.spaceBefore ?? 0);
    lines.forEach((text, index) => {
      this.ensure(lineHeight(style));
      this.draw({ text, style, x: this.left + (index === 0 ? indent : 0) });
      this.y += lineHeight(style);
    });
  }

  private drawNote(note: string) {
    const { doc } = this;
    const width = textWidth(doc, note, NOTE_STYLE) + 16;
    const height = lineHeight(NOTE_STYLE) + 4;
    const x = this.right - width;
    const y = Math.max(8, this.top / 2 - height / 2);
    doc.save().lineWidth(1).strokeColor("#b91c1c").roundedRect(x, y, width, height, 3).stroke().restore();
    doc.font(NOTE_STYLE.font).fontSize(NOTE_STYLE.size).fillColor("#b91c1c").text(note, x + 8, y + 2, { lineBreak: false });
    doc.fillColor("black");
  }
}

// ── Tables ──────────────────────────────────────────────────────────────────────────────

/** One entry of a cell: a paragraph, optionally after a marker ("๑.", "-") or a check box. */
export type CellItem = { text: string; marker?: string; checkbox?: boolean };
export type TableColumn = { header: string; width: number };
export type TableStyle = { body: TextStyle; header: TextStyle; padding: number };

type CellLine = { text: string; indent: number; marker?: string; checkbox?: boolean };

const BORDER = 0.6;
const HEADER_FILL = "#e5e7eb";
// A row split over two pages leaves at least this many lines on the first page.
const MIN_SPLIT_LINES = 3;

// Sarabun has no ☑/☐ glyphs: the boxes are drawn, the item text stays real text.
const checkboxSize = (style: TextStyle) => style.size * 0.6;
const checkboxGap = (style: TextStyle) => style.size * 0.35;

function layoutCell(flow: Flow, items: CellItem[], width: number, style: TextStyle): CellLine[] {
  // One hanging indent per cell, so that the text of every item starts at the same x.
  const markerWidth = Math.max(
    0,
    ...items.map((item) =>
      item.checkbox !== undefined
        ? checkboxSize(style) + checkboxGap(style)
        : item.marker
          ? textWidth(flow.doc, flow.localize(item.marker), style) + checkboxGap(style)
          : 0,
    ),
  );
  return items.flatMap((item) => {
    const indent = item.marker || item.checkbox !== undefined ? markerWidth : 0;
    return flow.wrap(item.text, style, width - indent).map((text, index) => ({
      text,
      indent,
      ...(index === 0 ? { marker: item.marker && flow.localize(item.marker), checkbox: item.checkbox } : {}),
    }));
  });
}

/** The text layer's mark for a drawn box: copied and searched with the item, never seen. */
export const CHECKBOX_TEXT = { checked: "[x]", unchecked: "[ ]" } as const;

function drawCheckbox(doc: Pdf, x: number, baseline: number, style: TextStyle, checked: boolean) {
  const size = checkboxSize(style);
  const top = baseline - size;
  // On the item's baseline, small enough to end before the item's text starts.
  const markStyle: TextStyle = { font: style.font, size: style.size * 0.5 };
  doc
    .save()
    .fillOpacity(0)
    .font(markStyle.font)
    .fontSize(markStyle.size)
    .text(checked ? CHECKBOX_TEXT.checked : CHECKBOX_TEXT.unchecked, x, baseline - baselineOffset(markStyle), { lineBreak: false })
    .restore();
  doc.save().lineWidth(0.8).rect(x, top, size, size).stroke();
  if (checked) {
    doc
      .lineWidth(1.3)
      .lineJoin("round")
      .lineCap("round")
      .moveTo(x + size * 0.2, top + size * 0.52)
      .lineTo(x + size * 0.42, top + size * 0.76)
      .lineTo(x + size * 0.82, top + size * 0.24)
      .stroke();
  }
  doc.restore();
}

/**
 * A ruled table laid out in advance. `startHeight` is what must fit on a page for the table to
 * start there (the header and the first lines of the first row), so a heading above it can be
 * kept with it. Drawing repeats the header on each new page; a row that does not fit moves to
 * the next page, and a row taller than a whole page is split between lines.
 */
export function layoutTable(flow: Flow, columns: TableColumn[], rows: CellItem[][][], style: TableStyle) {
  const { padding } = style;
  const bodyLine = lineHeight(style.body);
  const headerLine = lineHeight(style.header);
  const headers = columns.map((column) => flow.wrap(column.header, style.header, column.width - 2 * padding));
  const headerHeight = Math.max(...headers.map((lines) => lines.length)) * headerLine + 2 * padding;
  const laidOut = rows.map((row) => row.map((items, index) => layoutCell(flow, items, columns[index]!.width - 2 * padding, style.body)));
  const rowHeight = (cells: CellLine[][]) => Math.max(1, ...cells.map((lines) => lines.length)) * bodyLine + 2 * padding;
  const pageRoom = flow.bottom - flow.top - headerHeight;
  // A row that fits on a page is never split, so the table starts only where its first row fits.
  const firstRow = laidOut[0] ? rowHeight(laidOut[0]) : 0;
  const startHeight = headerHeight + (firstRow <= pageRoom ? firstRow : MIN_SPLIT_LINES * bodyLine + 2 * padding);

  const drawHeader = () => {
    const { doc } = flow;
    let x = flow.left;
    doc.save().lineWidth(BORDER);
    for (const [index, column] of columns.entries()) {
      doc.rect(x, flow.y, column.width, headerHeight).fillAndStroke(HEADER_FILL, "black");
      const lines = headers[index]!;
      // Centred both ways: short headers sit in the middle of the tallest one.
      const top = flow.y + (headerHeight - lines.length * headerLine) / 2;
      doc.fillColor("black");
      lines.forEach((text, line) =>
        flow.draw({ text, style: style.header, x: x + column.width / 2, centered: true }, top + line * headerLine),
      );
      x += column.width;
    }
    doc.restore();
    flow.y += headerHeight;
  };

  const drawRow = (cells: CellLine[][]) => {
    const { doc } = flow;
    const height = rowHeight(cells);
    let x = flow.left;
    for (const [index, column] of columns.entries()) {
      doc.save().lineWidth(BORDER).rect(x, flow.y, column.width, height).stroke().restore();
      cells[index]!.forEach((line, number) => {
        const top = flow.y + padding + number * bodyLine;
        const textX = x + padding;
        if (line.checkbox !== undefined) drawCheckbox(doc, textX, top + baselineOffset(style.body), style.body, line.checkbox);
        else if (line.marker) flow.draw({ text: line.marker, style: style.body, x: textX }, top);
        flow.draw({ text: line.text, style: style.body, x: textX + line.indent }, top);
      });
      x += column.width;
    }
    flow.y += height;
  };

  const newPage = () => {
    flow.addPage();
    drawHeader();
  };

  const draw = () => {
    drawHeader();
    for (const row of laidOut) {
      let rest = row;
      for (;;) {
        const needed = rowHeight(rest);
        if (flow.y + needed <= flow.bottom) {
          drawRow(rest);
          break;
        }
        const freshPage = flow.y <= flow.top + headerHeight;
        const fitsOnPage = needed <= pageRoom;
        const linesHere = Math.floor((flow.bottom - flow.y - 2 * padding) / bodyLine);
        if (!freshPage && (fitsOnPage || linesHere < MIN_SPLIT_LINES)) {
          newPage();
          continue;
        }
        const taken = Math.max(1, linesHere);
        drawRow(rest.map((lines) => lines.slice(0, taken)));
        rest = rest.map((lines) => lines.slice(taken));
        newPage();
      }
    }
  };

  return { startHeight, draw };
}
