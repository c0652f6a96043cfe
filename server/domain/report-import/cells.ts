// One table cell as a list of entries. OCR of the seed left HTML fragments in the cells
// (<p>, <ol>/<ul> whose <li> tags were lost, <input type="checkbox" checked>); Word files come
// through mammoth as the same HTML; PDFs and pasted text carry markers in the text ("-", "๑.",
// check boxes as ☑/☐ or "[x]"/"[ ]"). Pure; linear in the cell's length.
import { clean } from "./thai-text";

export type CellEntry = {
  text: string;
  /** Set for a check-box entry: its state. */
  checked?: boolean;
  /** An unmarked first paragraph before a list in the same cell: the list's heading, not an entry. */
  heading?: boolean;
  /** The entry came from splitting a list whose item boundaries were lost, at a space. */
  guessed?: boolean;
};

type Piece = { text: string; checked?: boolean; inList: boolean; hasItemTag: boolean; paragraph: boolean };

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^<>]{0,400})>/g;
const CHECKBOX_GLYPHS = /(☑|☒|✅|☐|\[[xX✓ ]\])/;
const CHECKED_GLYPH = /^(☑|☒|✅|\[[xX✓]\])$/;

/** Splits a cell's raw text (HTML fragment or plain text) into entries. */
export function cellEntries(raw: string): CellEntry[] {
  const pieces: Piece[] = [];
  let listDepth = 0;
  let current: Piece | null = null;
  const start = (piece: Omit<Piece, "text" | "inList">) => {
    flush();
    current = { text: "", inList: listDepth > 0, ...piece };
  };
  const flush = () => {
    if (current && clean(current.text)) pieces.push(current);
    current = null;
  };
  const text = (value: string) => {
    current ??= { text: "", inList: listDepth > 0, hasItemTag: false, paragraph: false };
    current.text += decodeEntities(value);
  };
  let last = 0;
  for (const match of raw.matchAll(TAG)) {
    text(match.index > last ? raw.slice(last, match.index) : "");
    last = match.index + match[0].length;
    const closing = match[1] === "/";
    const name = match[2]!.toLowerCase();
    const attributes = match[3]!.toLowerCase();
    if (name === "input") {
      if (attributes.includes("checkbox")) start({ checked: attributes.includes("checked"), hasItemTag: true, paragraph: false });
    } else if (name === "ol" || name === "ul") {
      flush();
      listDepth = Math.max(0, listDepth + (closing ? -1 : 1));
    } else if (name === "li") {
      if (closing) flush();
      else start({ hasItemTag: true, paragraph: false });
    } else if (name === "p" || name === "div" || name === "br") {
      // A check box opens its own entry; the paragraph around it closes it.
      if (closing || name === "br") flush();
      else start({ hasItemTag: false, paragraph: listDepth === 0 });
    }
    // Any other tag (span, strong, td …) is formatting: dropped, its text kept.
  }
  text(raw.slice(last));
  flush();

  const entries: CellEntry[] = [];
  pieces.forEach((piece, index) => {
    if (piece.checked !== undefined) {
      entries.push({ text: clean(piece.text), checked: piece.checked });
      return;
    }
    for (const part of splitCheckboxGlyphs(piece.text)) {
      if (part.checked !== undefined) {
        entries.push(part);
        continue;
      }
      const next = pieces[index + 1];
      const listFollows = next !== undefined && (next.inList || next.checked !== undefined || startsWithMarker(next.text) || CHECKBOX_GLYPHS.test(next.text));
      if (index === 0 && piece.paragraph && listFollows && !CHECKBOX_GLYPHS.test(part.text) && !startsWithMarker(part.text)) {
        entries.push({ text: part.text, heading: true });
        continue;
      }
      const unmarkedList = piece.inList && !piece.hasItemTag;
      entries.push(...splitMarkers(part.text, unmarkedList));
    }
  });
  return entries.filter((entry) => entry.text || entry.checked !== undefined);
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", "#39": "'" };
const decodeEntities = (text: string) => text.replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, name: string) => ENTITIES[name]!);

/** "☑ a ☐ b" → two check-box entries; text before the first box stays a plain entry. */
function splitCheckboxGlyphs(text: string): CellEntry[] {
  const parts = text.split(CHECKBOX_GLYPHS);
  const entries: CellEntry[] = [];
  if (clean(parts[0]!)) entries.push({ text: clean(parts[0]!) });
  for (let index = 1; index < parts.length; index += 2) {
    entries.push({ text: clean(parts[index + 1] ?? ""), checked: CHECKED_GLYPH.test(parts[index]!) });
  }
  return entries;
}

const DASH_START = /^[-–•]\s*/;
const NUMBER_START = /^(\d{1,2})\s*[.)]\s*/;

const startsWithMarker = (text: string) => DASH_START.test(clean(text)) || NUMBER_START.test(clean(text));

/**
 * Entries of one run of text: at its markers ("- a - b", "1. a 2. b", numbers in sequence
 * only, so "พ.ศ. 2568." never splits), else, for a list that lost its item tags, at the spaces
 * that most likely separated items (see splitAtLikelyItemBreaks).
 */
export function splitMarkers(raw: string, unmarkedList: boolean): CellEntry[] {
  const text = clean(raw);
  if (!text) return [];
  if (DASH_START.test(text)) {
    return text
      .split(/(?:^|\s)[-–•]\s+/)
      .map((part) => part.replace(DASH_START, "").trim())
      .filter(Boolean)
      .map((part) => ({ text: part }));
  }
  const first = NUMBER_START.exec(text);
  if (first) {
    const entries: CellEntry[] = [];
    let number = Number(first[1]);
    let from = first[0].length;
    for (;;) {
      const next = findNumber(text, number + 1, from);
      if (next === null) {
        entries.push({ text: text.slice(from).trim() });
        return entries.filter((entry) => entry.text);
      }
      entries.push({ text: text.slice(from, next.at).trim() });
      from = next.after;
      number += 1;
    }
  }
  return unmarkedList ? splitAtLikelyItemBreaks(text) : [{ text }];
}

function findNumber(text: string, number: number, from: number): { at: number; after: number } | null {
  const marker = `${number}.`;
  let at = text.indexOf(marker, from);
  while (at !== -1) {
    const before = text[at - 1];
    const after = text[at + marker.length];
    if (before === " " && (after === undefined || !/\d/.test(after))) {
      let end = at + marker.length;
      while (text[end] === " ") end += 1;
      return { at, after: end };
    }
    at = text.indexOf(marker, at + 1);
  }
  return null;
}

// Words that continue a sentence and never open a list item.
const CONTINUATIONS = [
  "เพื่อ", "ให้", "และ", "หรือ", "รวมถึง", "รวมทั้ง", "ตลอดจน", "โดย", "ซึ่ง", "ที่", "ของ", "ใน", "จาก", "ตาม", "กับ",
  "แก่", "แต่", "มาก", "ได้", "ต่อไป", "ทั้ง", "ยกตัวอย่าง", "เช่น", "ณ", "อย่าง", "ด้วย", "เป็น", "อีก",
];
// Words after which a sentence goes on ("…หลักของ อบต.").
const OPEN_ENDINGS = ["เช่น", "ของ", "และ", "หรือ"];
// A list item in these reports is a short sentence; shorter text before a space is part of one.
const MIN_ITEM_LENGTH = 24;

/**
 * A list whose item tags were lost reads "item one item two": the items were separated by a
 * space, as were some words inside them. A space is taken as an item break when the text
 * since the last break is at least a short sentence, the next word is Thai and does not
 * continue the sentence, and the last word does not leave it open ("เช่น", "ของ"). Each entry is
 * marked `guessed` so the user is asked to check it.
 */
function splitAtLikelyItemBreaks(text: string): CellEntry[] {
  const words = text.split(" ");
  const items: string[] = [];
  let current = "";
  for (const word of words) {
    const breakHere =
      current.length >= MIN_ITEM_LENGTH &&
      /^[\u0E01-\u0E4F]/.test(word) &&
      !CONTINUATIONS.some((continuation) => word.startsWith(continuation)) &&
      !OPEN_ENDINGS.some((ending) => current.endsWith(ending));
    if (breakHere) {
      items.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) items.push(current);
  return items.map((item) => ({ text: item, guessed: items.length > 1 }));
}
