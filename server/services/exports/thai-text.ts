// Thai text for print: where a line may break, and which digits a document prints. Pure.
import wordcut from "wordcut";
import type { DigitStyle } from "@/server/domain/thai-format";

export const ZERO_WIDTH_SPACE = "\u200B";

const words = new Intl.Segmenter("th", { granularity: "word" });
const graphemes = new Intl.Segmenter("th", { granularity: "grapheme" });

const THAI = /[\u0E00-\u0E7F]/u;
// Repetition and abbreviation marks belong to the word before them (ต่างๆ, กรุงเทพฯ).
const NEVER_STARTS_A_LINE = /^[\u0E2F\u0E46]/u;

// Words of these reports that wordcut's dictionaries lack, kept whole like the compounds they hold.
const REPORT_VOCABULARY = ["หน่วยงาน", "ผู้รับผิดชอบ", "ผู้มีส่วนได้ส่วนเสีย", "ปลัดองค์การบริหารส่วนตำบล", "นายกองค์การบริหารส่วนตำบล"];

// Never in typed text (PostgreSQL text cannot hold NUL).
const WORD_DELIMITER = "\u0000";

// wordcut loads its dictionaries (libthai's, ~40,000 words) once, on first use.
let dictionaryLoaded = false;
function compoundAwareBoundaries(text: string): Set<number> {
  if (!dictionaryLoaded) {
    wordcut.init(undefined, true, REPORT_VOCABULARY);
    dictionaryLoaded = true;
  }
  const boundaries = new Set<number>();
  let offset = 0;
  for (const word of wordcut.cut(text, WORD_DELIMITER).split(WORD_DELIMITER)) {
    offset += word.length;
    boundaries.add(offset);
  }
  return boundaries;
}
/**
 * Marks the word boundaries of Thai text with U+200B. Thai writes no spaces between words, so
 * a line breaker that follows Unicode (pdfkit's, a browser's) would otherwise break only at
 * spaces, or inside a word when a run is longer than the line. A Thai typesetter breaks between
 * words, never inside a compound (หน่วยงาน, งบประมาณ, รับผิดชอบ, ร้อยละ): ICU's dictionary
 * (Intl.Segmenter) splits compounds into their parts, wordcut's keeps most of them whole but
 * splits others, so a boundary is marked only where both agree. Only boundaries between two
 * Thai characters are marked, so Latin words, numbers and punctuation keep their own Unicode
 * rules; a run left longer than a line is broken between graphemes by the layout.
 */
export function thaiBreakable(text: string): string {
  if (!THAI.test(text)) return text;
  const agreed = compoundAwareBoundaries(text);
  let result = "";
  let previous = "";
  for (const { segment, index } of words.segment(text)) {
    if (previous && THAI.test(previous.at(-1)!) && THAI.test(segment[0]!) && !NEVER_STARTS_A_LINE.test(segment) && agreed.has(index)) {
      result += ZERO_WIDTH_SPACE;
    }
    result += segment;
    previous = segment;
  }
  return result;
}

/** Splits text into grapheme clusters, so a forced break never separates a mark from its letter. */
export function graphemeClusters(text: string): string[] {
  return Array.from(graphemes.segment(text), ({ segment }) => segment);
}

const THAI_ZERO = 0x0e50;

/**
 * Prints every digit of a document in one style. Stored text keeps what people typed (the
 * seed data is in Arabic digits); an official memo prints Thai digits throughout, and the
 * Arabic variant turns typed Thai digits back.
 */
export function localDigits(text: string, digits: DigitStyle): string {
  return digits === "thai"
    ? text.replace(/[0-9]/g, (digit) => String.fromCharCode(THAI_ZERO + Number(digit)))
    : text.replace(/[\u0E50-\u0E59]/gu, (digit) => String(digit.charCodeAt(0) - THAI_ZERO));
}
