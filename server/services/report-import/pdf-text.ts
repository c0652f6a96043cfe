// The text layer of a PDF (pdf.js) turned into the importer's text form: memo lines, with a
// blank line between paragraphs, and per table row one line whose cells are separated by tabs
// and whose entries are <p> paragraphs (as the seed's OCR has them). Table columns come from
// the header row ("มาตรการ…", "ขั้นตอน…"): its texts are centred in their columns, and the
// table starts at the left edge of the issue heading above it.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { TextItem } from "pdfjs-dist/types/src/display/api";
import { joinWrapped } from "@/server/domain/report-import/thai-text";

type Fragment = { text: string; x: number; end: number; y: number; size: number; page: number };

const PAGE_NUMBER = /^-\s*[\d\u0E50-\u0E59]{1,4}\s*-$/u;
const DEMO_NOTE = "ข้อมูลสาธิต";
const MARKER = /^(?:-|–|•|[\d\u0E50-\u0E59]{1,2}[.)]|\[[x ]\])(?:\s|$)/u;

export type PdfText = { text: string; producedByProngsai: boolean };

export async function pdfToText(data: Uint8Array): Promise<PdfText> {
  // A copy as a plain Uint8Array: pdf.js refuses a Buffer and may detach what it is given.
  const document = await getDocument({ data: new Uint8Array(data), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const info = (await document.getMetadata()).info as { Creator?: string } | undefined;
    const fragments: Fragment[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      fragments.push(...fragmentsOf(content.items.filter((item): item is TextItem => "str" in item), number));
      page.cleanup();
    }
    const producedByProngsai = info?.Creator === "Prongsai";
    return { text: layOut(fragments, producedByProngsai), producedByProngsai };
  } finally {
    await document.destroy();
  }
}

/** Consecutive items on one baseline without a wide gap: one piece of a line. */
function fragmentsOf(items: TextItem[], page: number): Fragment[] {
  const fragments: Fragment[] = [];
  let current: Fragment | null = null;
  for (const item of items) {
    if (!item.str) continue;
    const x = item.transform[4]!;
    const y = item.transform[5]!;
    const size = Math.hypot(item.transform[2]!, item.transform[3]!) || 10;
    const blank = !item.str.trim();
    if (current && Math.abs(current.y - y) < 1 && x - current.end < size * 1.5) {
      current.text += item.str;
      if (!blank) current.end = x + item.width;
      continue;
    }
    if (blank) continue;
    current = { text: item.str, x, end: x + item.width, y, size, page };
    fragments.push(current);
  }
  return fragments;
}

function layOut(fragments: Fragment[], prongsaiLayout: boolean): string {
  const out: string[] = [];
  let index = 0;
  let previous: Fragment | null = null;
  let headingX: number | null = null;
  while (index < fragments.length) {
    const fragment = fragments[index]!;
    const text = fragment.text.trim();
    if (PAGE_NUMBER.test(text) || text === DEMO_NOTE) {
      index += 1;
      continue;
    }
    if (text.startsWith("มาตรการ") && isHeader(fragments, index)) {
      index = readTable(fragments, index, headingX ?? fragment.x - 4, out, prongsaiLayout);
      previous = null;
      continue;
    }
    if (text.startsWith("ประเด็นที่")) headingX = fragment.x;
    // Same baseline: the next field on the line ("ที่ …   วันที่ …").
    if (previous && previous.page === fragment.page && Math.abs(previous.y - fragment.y) < 1) out[out.length - 1] += ` ${text}`;
    else {
      const gap = previous && previous.page === fragment.page ? previous.y - fragment.y : 0;
      if (gap > fragment.size * 1.5) out.push("");
      out.push(fragment.text.replace(/^\s+/, ""));
    }
    previous = fragment;
    index += 1;
  }
  return out.join("\n");
}

type Cell = { column: number; lines: Fragment[] };

/** Reads the table whose header starts at `start`; returns the index after it. */
function readTable(fragments: Fragment[], start: number, tableLeft: number, out: string[], prongsaiLayout: boolean): number {
  const header = headerAt(fragments, start);
  // Each header text is centred in its column: the columns' edges follow from the left edge.
  const edges = [tableLeft];
  for (const centre of header.centres) edges.push(2 * centre - edges.at(-1)!);
  const columnOf = (x: number) => {
    let column = 0;
    for (let index = 1; index < header.centres.length; index += 1) if (edges[index]! <= x + 2) column = index;
    return column;
  };
  out.push("", header.titles.join("\t"));
  const rows: Cell[][] = [];
  let index = header.end;
  let cell: Cell | null = null;
  let afterPageBreak = false;
  for (; index < fragments.length; index += 1) {
    const fragment = fragments[index]!;
    const text = fragment.text.trim();
    if (PAGE_NUMBER.test(text) || text === DEMO_NOTE) continue;
    if (text.startsWith("มาตรการ") && isHeader(fragments, index)) {
      index = headerAt(fragments, index).end - 1; // the header again, on a new page
      afterPageBreak = true;
      cell = null;
      continue;
    }
    if (text.startsWith("ประเด็นที่") || fragment.x < tableLeft - 2) break;
    const column = columnOf(fragment.x);
    const continues = cell && cell.column === column && fragment.page === cell.lines.at(-1)!.page && fragment.y < cell.lines.at(-1)!.y - 1;
    if (continues) {
      cell!.lines.push(fragment);
      continue;
    }
    cell = { column, lines: [fragment] };
    const row = rows.at(-1);
    // A row split over two pages goes on after the repeated header, without a new title.
    const continuation = afterPageBreak && row && !(column === 0 && MARKER.test(text));
    afterPageBreak = false;
    if (row && (continuation || row.at(-1)!.column < column)) {
      const same: Cell | undefined = row.find((candidate) => candidate.column === column);
      if (continuation && same) {
        same.lines.push(...cell.lines);
        cell = same;
      } else row.push(cell);
    } else rows.push([cell]);
  }
  for (const row of rows) {
    const cells = header.titles.map((_, column) => cellText(row.find((candidate) => candidate.column === column), prongsaiLayout));
    out.push(cells.join("\t"));
  }
  out.push("");
  return index;
}

/** A table header starts here: "มาตรการ…" with "ขั้นตอน…" beside it. */
function isHeader(fragments: Fragment[], start: number): boolean {
  const header = fragments.slice(start, headerAt(fragments, start).end);
  return header.some((fragment) => fragment.text.trim().startsWith("ขั้นตอน"));
}

function headerAt(fragments: Fragment[], start: number) {
  const first = fragments[start]!;
  const lineHeight = first.size * 1.3;
  let end = start;
  while (end < fragments.length && fragments[end]!.page === first.page && fragments[end]!.y >= first.y - lineHeight * 1.6) end += 1;
  const columns: { centre: number; lines: Fragment[] }[] = [];
  for (const fragment of fragments.slice(start, end)) {
    const centre = (fragment.x + fragment.end) / 2;
    const column = columns.find((candidate) => Math.abs(candidate.centre - centre) < 8);
    if (column) column.lines.push(fragment);
    else columns.push({ centre, lines: [fragment] });
  }
  columns.sort((a, b) => a.centre - b.centre);
  return {
    end,
    centres: columns.map((column) => column.centre),
    titles: columns.map((column) => column.lines.sort((a, b) => b.y - a.y).map((line) => line.text.trim()).join("")),
  };
}

/** A cell's lines as <p> entries: a line that starts with a marker starts an entry. */
function cellText(cell: Cell | undefined, prongsaiLayout: boolean): string {
  if (!cell) return "";
  const entries: string[] = [];
  for (const line of cell.lines) {
    const text = line.text.replace(/^\s+/, "");
    if (entries.length === 0 || MARKER.test(text)) entries.push(text);
    else entries[entries.length - 1] = joinWrapped(entries.at(-1)!, text, prongsaiLayout);
  }
  return entries.map((entry) => `<p>${escapeMarkup(entry.trim())}</p>`).join(" ");
}

const escapeMarkup = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
