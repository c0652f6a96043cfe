import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { formatInteger, formatScore, formatThaiDate, formatThaiShortDate, personName } from "@/server/domain/thai-format";

const seedText = fs.readFileSync(new URL("../fixtures/seed-report-thaihad-2568.txt", import.meta.url), "utf8");
const memoDate = new Date(Date.UTC(2026, 0, 7));

describe("formatThaiDate", () => {
  it("writes the seed memo's date exactly as the memo does, in Thai digits", () => {
    expect(formatThaiDate(memoDate, "thai")).toBe("๗ มกราคม ๒๕๖๙");
    expect(seedText).toContain(`วันที่ ${formatThaiDate(memoDate, "thai")}`);
  });

  it("uses Arabic digits by default", () => {
    expect(formatThaiDate(memoDate, "arabic")).toBe("7 มกราคม 2569");
    expect(formatThaiDate(memoDate)).toBe("7 มกราคม 2569");
  });

  it("reads the date in UTC (a calendar date at UTC midnight does not shift a day)", () => {
    expect(formatThaiDate(new Date(Date.UTC(2024, 9, 1)))).toBe("1 ตุลาคม 2567");
    expect(formatThaiDate(new Date(Date.UTC(2025, 8, 30)))).toBe("30 กันยายน 2568");
    expect(formatThaiDate(new Date(Date.UTC(2025, 8, 30)), "thai")).toBe("๓๐ กันยายน ๒๕๖๘");
    expect(formatThaiDate(new Date(Date.UTC(2025, 11, 31, 23, 59)))).toBe("31 ธันวาคม 2568");
  });
});

describe("formatThaiShortDate", () => {
  it("abbreviates the month", () => {
    expect(formatThaiShortDate(memoDate)).toBe("7 ม.ค. 2569");
    expect(formatThaiShortDate(memoDate, "thai")).toBe("๗ ม.ค. ๒๕๖๙");
    expect(formatThaiShortDate(new Date(Date.UTC(2024, 9, 1)))).toBe("1 ต.ค. 2567");
  });
});

describe("formatScore", () => {
  it("gives two decimals", () => {
    expect(formatScore(99.6)).toBe("99.60");
    expect(formatScore(96.44)).toBe("96.44");
    expect(formatScore(100)).toBe("100.00");
    expect(formatScore(0)).toBe("0.00");
    expect(formatScore(85.005 + 0.001)).toBe("85.01");
  });

  it("writes Thai digits as the seed memo does", () => {
    expect(formatScore(96.44, "thai")).toBe("๙๖.๔๔");
    expect(formatScore(99.66, "thai")).toBe("๙๙.๖๖");
    expect(seedText).toContain(`ร้อยละ ${formatScore(96.44, "thai")} คะแนน`);
    expect(seedText).toContain(`${formatScore(99.66, "thai")} คะแนน`);
  });
});

describe("formatInteger", () => {
  it("has no grouping separator", () => {
    expect(formatInteger(2568, "thai")).toBe("๒๕๖๘");
    expect(formatInteger(2568)).toBe("2568");
    expect(formatInteger(1234567)).toBe("1234567");
    expect(formatInteger(71501, "thai")).toBe("๗๑๕๐๑");
  });
});

describe("personName", () => {
  it("joins a word title to the name and keeps a space after an abbreviated rank", () => {
    expect(personName("นางสาว", "อาจารย์ เอราวัล")).toBe("นางสาวอาจารย์ เอราวัล");
    expect(personName("พ.จ.อ.", "อรุณ ภมร")).toBe("พ.จ.อ. อรุณ ภมร");
    expect(personName(null, "อรุณ ภมร")).toBe("อรุณ ภมร");
    expect(personName("  ", "อรุณ ภมร")).toBe("อรุณ ภมร");
  });
});
