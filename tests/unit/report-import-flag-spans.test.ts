import { describe, expect, it } from "vitest";
import { flagSpan, spansOfTexts, splitBySpans } from "@/components/report-import/flag-spans";

describe("where the import page highlights a flag", () => {
  it("the occurrence of the flagged text that covers the flag's column", () => {
    const line = "(นางสาวอาจารย์ เอรಾವัล) เอรಾವัล";
    expect(flagSpan(line, { column: 19, text: "เอรಾವัล" })).toEqual({ start: 15, end: 22 });
    expect(flagSpan("ท่าหยาด ท่าหยาด", { column: 9, text: "ท่าหยาด" })).toEqual({ start: 8, end: 15 });
  });

  it("else the first occurrence after the column, else the last before it, else the character at the column, else nothing", () => {
    expect(flagSpan("ก ข ก ก", { column: 4, text: "ก" })).toEqual({ start: 4, end: 5 });
    expect(flagSpan("ก <p>ก", { column: 3, text: "ก" })).toEqual({ start: 5, end: 6 });
    expect(flagSpan("ก ข ข", { column: 4, text: "ก" })).toEqual({ start: 0, end: 1 });
    expect(flagSpan("abc", { column: 2, text: "zz" })).toEqual({ start: 1, end: 2 });
    expect(flagSpan("abc", { column: 9, text: "zz" })).toBeNull();
  });

  it("splits a value into marked and unmarked pieces, overlaps merged", () => {
    expect(splitBySpans("abcdef", [{ start: 3, end: 5 }, { start: 1, end: 2 }, { start: 4, end: 6 }])).toEqual([
      { text: "a", marked: false },
      { text: "b", marked: true },
      { text: "c", marked: false },
      { text: "def", marked: true },
    ]);
    expect(splitBySpans("abc", [])).toEqual([{ text: "abc", marked: false }]);
    expect(spansOfTexts("ข้อเสนอนะ และ ข้อเสนอนะ", ["ข้อเสนอนะ", ""])).toEqual([
      { start: 0, end: 9 },
      { start: 14, end: 23 },
    ]);
  });
});
