// Thai text for print: where a line may break, and which digits a document prints. Pure.
import type { DigitStyle } from "@/server/domain/thai-format";

export const ZERO_WIDTH_SPACE = "\u200B";

const words = new Intl.Segmenter("th", { granularity: "word" });
const graphemes = new Intl.Segmenter("th", { granularity: "grapheme" });

const THAI = /[\u0E00-\u0E7F]/u;
// Repetition and abbreviation marks belong to the word before them (ต่างๆ, กรุงเทพฯ).
const NEVER_STARTS_A_LINE = /^[\u0E2F\u0E46]/u;

/**
 * Marks the word boundaries of Thai text with U+200B. Thai writes no spaces between words, so
 * a line breaker that follows Unicode (pdfkit's, a browser's) would otherwise break only at
 * spaces, or inside a word when a run is longer than the line. Boundaries come from the
 * platform's dictionary (ICU via Intl.Segmenter); only boundaries between two Thai characters
 * are marked, so Latin words, numbers and punctuation keep their own Unicode rules.
 */
export function thaiBreakable(text: string): string {
  let result = "";
  let previous = "";
  for (const { segment } of words.segment(text)) {
    if (previous && THAI.test(previous.at(-1)!) && THAI.test(segment[0]!) && !NEVER_STARTS_A_LINE.test(segment)) {
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
