// Where a flag stands in its line of the source, for highlighting: the occurrence of its text
// that covers its column (a foreign glyph's column falls inside the word the flag quotes) or
// comes first after it (a table cell's flag stands at the cell's markup), else the last one
// before it, else the one character at the column. Pure: tested in unit tests.
import type { ImportFlag } from "@/server/domain/report-import/types";

export type Span = { start: number; end: number };

export function flagSpan(line: string, flag: Pick<ImportFlag, "column" | "text">): Span | null {
  const at = Math.max(0, flag.column - 1);
  if (flag.text) {
    let before: Span | null = null;
    for (let index = line.indexOf(flag.text); index >= 0; index = line.indexOf(flag.text, index + 1)) {
      const span = { start: index, end: index + flag.text.length };
      // Covering the column, or the first after it (a cell's flag stands at the cell's start).
      if (span.end > at) return span;
      before = span;
    }
    if (before) return before;
  }
  return at < line.length ? { start: at, end: at + 1 } : null;
}

/** Splits text into pieces, marking the spans (sorted, overlapping ones merged). */
export function splitBySpans(text: string, spans: Span[]): { text: string; marked: boolean }[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  const pieces: { text: string; marked: boolean }[] = [];
  let position = 0;
  for (const span of merged) {
    if (span.start > position) pieces.push({ text: text.slice(position, span.start), marked: false });
    pieces.push({ text: text.slice(span.start, span.end), marked: true });
    position = span.end;
  }
  if (position < text.length) pieces.push({ text: text.slice(position), marked: false });
  return pieces;
}

/** The spans of every flagged text within a value the parsed structure shows. */
export function spansOfTexts(value: string, texts: string[]): Span[] {
  const spans: Span[] = [];
  for (const text of texts) {
    if (!text) continue;
    for (let index = value.indexOf(text); index >= 0; index = value.indexOf(text, index + 1)) spans.push({ start: index, end: index + text.length });
  }
  return spans;
}
