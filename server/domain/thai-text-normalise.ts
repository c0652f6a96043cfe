// Text typed or exported by offices arrives in many shapes of the same Thai: decomposed sara am
// (nikhahit + sara aa, "ํา", as some keyboards and PDFs produce it), Thai digits, no-break and
// doubled spaces. Compare and store names only after normaliseThaiText, numbers after
// thaiDigitsToArabic, so that the same name always matches itself.

const THAI_DIGIT_ZERO = 0x0e50;

/** ๐–๙ → 0–9; other characters unchanged. */
export function thaiDigitsToArabic(text: string): string {
  return text.replace(/[\u0e50-\u0e59]/g, (digit) => String(digit.charCodeAt(0) - THAI_DIGIT_ZERO));
}

/**
 * NFC, the decomposed sara am (U+0E4D U+0E32, a tone mark typed between them kept before it)
 * composed to U+0E33, zero-width characters removed, runs of spaces (including
 * no-break spaces) collapsed and the ends trimmed.
 */
export function normaliseThaiText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\u0e4d([\u0e48-\u0e4b]?)\u0e32/g, "$1\u0e33")
    .replace(/[\u200b-\u200d\ufeff]/g, "")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}
