import { describe, expect, it } from "vitest";
import { findThaiDates } from "@/server/domain/report-import/thai-text";
import { ZReportHeader } from "@/server/domain/report-content";
import { formatThaiDate } from "@/server/domain/thai-format";
import { formatThaiDateInput, isoCalendarDay, isoDayError, parseThaiDate } from "@/server/domain/thai-date";
import { calendarDaySchema, isoDaySchema } from "@/server/validation";

const date = (iso: string) => ({ kind: "date", iso });
const errorOf = (text: string) => {
  const read = parseThaiDate(text);
  if (read.kind !== "error") throw new Error(`${text} was read as ${JSON.stringify(read)}`);
  return read.message;
};

describe("parseThaiDate", () => {
  it.each([
    "7/1/2569",
    "07/01/2569",
    "7-1-2569",
    "7.1.2569",
    " 7 / 1 / 2569 ",
    "๗/๑/๒๕๖๙",
    "๗ ม.ค. ๒๕๖๙",
    "7 ม.ค. 2569",
    "7 ม.ค 2569",
    "7 มค 2569",
    "7มค2569",
    "7 มกราคม 2569",
    "๗ มกราคม ๒๕๖๙",
    "7 มกรา 2569",
    "วันที่ ๗ มกราคม พ.ศ. ๒๕๖๙",
    "2569-01-07",
  ])("reads %j as 7 January 2026 (BE 2569)", (text) => {
    expect(parseThaiDate(text)).toEqual(date("2026-01-07"));
  });

  it("reads every month's short and full name", () => {
    const short = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."];
    const full = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"];
    for (let month = 1; month <= 12; month++) {
      const iso = `2025-${String(month).padStart(2, "0")}-15`;
      expect(parseThaiDate(`15 ${short[month - 1]} 2568`)).toEqual(date(iso));
      expect(parseThaiDate(`๑๕ ${full[month - 1]} ๒๕๖๘`)).toEqual(date(iso));
      expect(parseThaiDate(`15/${month}/2568`)).toEqual(date(iso));
    }
  });

  it("keeps the fiscal year's edges: 1 ต.ค. 2568 is 2025-10-01, 30 ก.ย. 2569 is 2026-09-30", () => {
    expect(parseThaiDate("1/10/2568")).toEqual(date("2025-10-01"));
    expect(parseThaiDate("1 ต.ค. 2568")).toEqual(date("2025-10-01"));
    expect(parseThaiDate("30 ก.ย. 2569")).toEqual(date("2026-09-30"));
    expect(parseThaiDate("31 ธ.ค. 2568")).toEqual(date("2025-12-31"));
  });

  it("an empty field is empty, not an error", () => {
    expect(parseThaiDate("")).toEqual({ kind: "empty" });
    expect(parseThaiDate("   ")).toEqual({ kind: "empty" });
  });

  it("refuses days that do not exist, saying so in Thai", () => {
    expect(errorOf("30 ก.พ. 2569")).toBe("ไม่มีวันที่ 30 กุมภาพันธ์ 2569 (เดือนนี้มี 28 วัน)");
    expect(errorOf("31 เม.ย. 2569")).toBe("ไม่มีวันที่ 31 เมษายน 2569 (เดือนนี้มี 30 วัน)");
    expect(errorOf("31/6/2569")).toBe("ไม่มีวันที่ 31 มิถุนายน 2569 (เดือนนี้มี 30 วัน)");
    expect(errorOf("0/1/2569")).toBe("ไม่มีวันที่ 0 มกราคม 2569 (เดือนนี้มี 31 วัน)");
    expect(errorOf("7/13/2569")).toBe("เดือนต้องอยู่ระหว่าง 1–12");
    expect(errorOf("7/0/2569")).toBe("เดือนต้องอยู่ระหว่าง 1–12");
  });

  it("29 ก.พ. exists in 2567 (CE 2024, a leap year) and not in 2568", () => {
    expect(parseThaiDate("29 ก.พ. 2567")).toEqual(date("2024-02-29"));
    expect(parseThaiDate("๒๙/๒/๒๕๖๗")).toEqual(date("2024-02-29"));
    expect(errorOf("29 ก.พ. 2568")).toBe("ไม่มีวันที่ 29 กุมภาพันธ์ 2568 (เดือนนี้มี 28 วัน)");
    expect(errorOf("29/2/2568")).toBe("ไม่มีวันที่ 29 กุมภาพันธ์ 2568 (เดือนนี้มี 28 วัน)");
  });

  it("refuses a CE year with the BE one to type instead, and a short year", () => {
    expect(errorOf("7/1/2026")).toBe("ปี 2026 เป็นปี ค.ศ. กรุณาพิมพ์ปี พ.ศ. (ค.ศ. 2026 คือ พ.ศ. 2569) เช่น 7/1/2569");
    expect(errorOf("2026-01-07")).toContain("ปี 2026 เป็นปี ค.ศ.");
    expect(errorOf("7 ม.ค. 2026")).toContain("ปี 2026 เป็นปี ค.ศ.");
    expect(errorOf("7/1/69")).toBe("กรุณาพิมพ์ปี พ.ศ. ให้ครบ 4 หลัก เช่น 7/1/2569 หรือ 7 ม.ค. 2569");
    expect(errorOf("1/10/3111")).toBe("ปี พ.ศ. 3111 อยู่นอกช่วงที่รับได้ (2443–2743)");
  });

  it("refuses what it cannot read, and unknown month names", () => {
    expect(errorOf("พรุ่งนี้")).toBe("อ่านวันที่ไม่ออก กรุณาพิมพ์วัน เดือน ปี พ.ศ. เช่น 7/1/2569 หรือ 7 ม.ค. 2569");
    expect(errorOf("7/1")).toContain("อ่านวันที่ไม่ออก");
    expect(errorOf("7 มกร 2569")).toBe("ไม่รู้จักชื่อเดือน “มกร” กรุณาพิมพ์ เช่น 7/1/2569 หรือ 7 ม.ค. 2569");
  });

  it("reads back what the field shows and what the app shows", () => {
    for (const iso of ["2026-01-07", "2024-02-29", "2025-10-01", "2026-09-30"]) {
      expect(parseThaiDate(formatThaiDateInput(iso))).toEqual(date(iso));
      const shown = new Date(`${iso}T00:00:00Z`);
      expect(parseThaiDate(formatThaiDate(shown))).toEqual(date(iso));
      expect(parseThaiDate(formatThaiDate(shown, "thai"))).toEqual(date(iso));
    }
    expect(formatThaiDateInput("2026-01-07")).toBe("7/1/2569");
  });
});

describe("ISO days on the server", () => {
  it("isoCalendarDay knows real days only", () => {
    expect(isoCalendarDay("2024-02-29")?.toString()).toBe("2024-02-29");
    for (const value of ["2026-02-30", "2025-02-29", "2026-04-31", "2026-02-00", "2026-13-01", "2026-1-7", "3111-10-01", ""]) {
      expect(isoCalendarDay(value)).toBeNull();
    }
  });

  it("the memo date, measure periods and deadlines refuse 2026-02-30 in Thai instead of rolling it to 2 March", () => {
    expect(isoDayError("2026-02-30", "วันที่หนังสือ")).toBe("วันที่หนังสือไม่ใช่วันที่ที่มีอยู่จริง (ไม่มีวันที่ 30 กุมภาพันธ์ 2569)");
    expect(isoDayError("2568-10-01", "วันที่หนังสือ")).toBe("ปีของวันที่หนังสือไม่ถูกต้อง (พ.ศ. 3111 อยู่นอกช่วง 2443–2743)");
    expect(isoDayError("2026-13-01", "วันที่หนังสือ")).toBe("วันที่หนังสือไม่ใช่วันที่ที่มีอยู่จริง (ไม่มีเดือนที่ 13)");

    const header = { issuingSection: "", issuingPhone: "", documentCode: "", documentNumber: "", subject: "", addressee: "", body: "" };
    const memo = ZReportHeader.safeParse({ ...header, memoDate: "2026-02-30" });
    expect(memo.success).toBe(false);
    expect(memo.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["memoDate", "วันที่หนังสือไม่ใช่วันที่ที่มีอยู่จริง (ไม่มีวันที่ 30 กุมภาพันธ์ 2569)"],
    ]);
    expect(ZReportHeader.parse({ ...header, memoDate: "2026-01-07" }).memoDate).toBe("2026-01-07");

    expect(calendarDaySchema("กำหนดส่ง").safeParse("2026-02-30").error?.issues[0]?.message).toBe(
      "กำหนดส่งไม่ใช่วันที่ที่มีอยู่จริง (ไม่มีวันที่ 30 กุมภาพันธ์ 2569)",
    );
    expect(calendarDaySchema("กำหนดส่ง").parse("2026-02-28")).toEqual(new Date(Date.UTC(2026, 1, 28)));
    expect(isoDaySchema("วันที่เลิกใช้งาน").safeParse("").error?.issues[0]?.message).toBe("กรุณาระบุวันที่เลิกใช้งาน");
  });
});

describe("dates found by the report importer", () => {
  it("reads them as the date field does: no such day and CE years are not dates", () => {
    const text = "ระหว่าง 1 ตุลาคม 2567 ถึง 29 ก.พ. 2568 หรือ 28 ก.พ. 2568 (ค.ศ. 7 มกราคม 2026) 29 กุมภาพันธ์ พ.ศ. 2567";
    expect(findThaiDates(text).map((found) => [found.iso, text.slice(found.index, found.index + found.length)])).toEqual([
      ["2024-10-01", "1 ตุลาคม 2567"],
      ["2025-02-28", "28 ก.พ. 2568"],
      ["2024-02-29", "29 กุมภาพันธ์ พ.ศ. 2567"],
    ]);
  });
});
