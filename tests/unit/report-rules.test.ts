// The rules a report must meet before it is sent up the sign-off chain (server/domain/report-rules.ts):
// each rule failing and passing, its Thai message and field, Buddhist-Era edge dates, and the
// meter's share counted from the same rules.
import { describe, expect, it } from "vitest";
import type { ReportContent, ReportHeader } from "@/server/domain/report-content";
import { issue, measure } from "./helpers/report-content";
import { checkReport, memoDateProblem, refusalMessage, thaiToday, type RuleContext } from "@/server/domain/report-rules";

// FY2568: 1 Oct 2024 (2567 BE) .. 30 Sep 2025; the year's deadline 31 Jan 2026 (2569 BE).
const context: RuleContext = {
  year: { yearBe: 2568, start: "2024-10-01", end: "2025-09-30" },
  memoDateLatest: "2026-01-31",
  today: "2026-01-15",
};

const header: ReportHeader = {
  issuingSection: "สำนักปลัด",
  issuingPhone: "",
  documentCode: "สส 71501",
  documentNumber: "",
  documentNumberPending: true,
  memoDate: "2026-01-07",
  subject: "รายงาน",
  addressee: "นายก",
  body: "",
};

const report = (overrides: Partial<ReportHeader> = {}, issues: ReportContent["issues"] = [issue("issue-a", [measure("m-1")])]): ReportContent => ({
  header: { ...header, ...overrides },
  issues,
});
const problems = (content: ReportContent, at: RuleContext = context) => checkReport(content, at).problems;

describe("a complete report", () => {
  it("meets every rule: nothing missing, 100%", () => {
    expect(checkReport(report(), context)).toEqual({ checks: 9, problems: [], percent: 100 });
  });
});

describe("the memo's date", () => {
  const messageFor = (memoDate: string | null, at: RuleContext = context) => memoDateProblem(memoDate, at);

  it("must be given", () => {
    expect(problems(report({ memoDate: null }))).toEqual([
      { field: "header.memoDate", where: "บันทึกข้อความ", message: "ยังไม่ได้ระบุวันที่ของบันทึกข้อความ" },
    ]);
  });

  it("may be any day from the year's first through the deadline, both included", () => {
    for (const day of ["2024-10-01", "2025-09-30", "2025-10-01", "2026-01-15"]) expect(messageFor(day)).toBeNull();
    expect(messageFor("2026-01-31", { ...context, today: "2026-01-31" })).toBeNull();
  });

  it("1 January 1900 (2443 BE) is before the year", () => {
    expect(messageFor("1900-01-01")).toBe(
      "วันที่ของบันทึกข้อความ (1 มกราคม 2443) อยู่ก่อนปีงบประมาณ 2568 ลงวันที่ได้ตั้งแต่ 1 ตุลาคม 2567 ถึง 15 มกราคม 2569",
    );
    expect(messageFor("2024-09-30")).toMatch(/^วันที่ของบันทึกข้อความ \(30 กันยายน 2567\) อยู่ก่อนปีงบประมาณ 2568/);
  });

  it("is never in the future, even inside the allowed months", () => {
    expect(messageFor("2026-01-16")).toBe(
      "วันที่ของบันทึกข้อความ (16 มกราคม 2569) เป็นวันในอนาคต ลงวันที่ได้ตั้งแต่ 1 ตุลาคม 2567 ถึง 15 มกราคม 2569",
    );
    expect(messageFor("2026-01-15")).toBeNull();
  });

  it("is not after the deadline in force (the year's, or the province's later one)", () => {
    const late = { ...context, today: "2026-03-01" };
    expect(messageFor("2026-02-01", late)).toBe(
      "วันที่ของบันทึกข้อความ (1 กุมภาพันธ์ 2569) อยู่หลังกำหนดส่งรายงานของปีงบประมาณ 2568 (31 มกราคม 2569) ลงวันที่ได้ตั้งแต่ 1 ตุลาคม 2567 ถึง 31 มกราคม 2569 หากส่งช้ากว่ากำหนด ขอให้ผู้ดูแลระบบระดับจังหวัดขยายกำหนดส่ง",
    );
    expect(messageFor("2026-02-01", { ...late, memoDateLatest: "2026-02-28" })).toBeNull();
  });
});

describe("the document number", () => {
  it("is given, or said on purpose to be pending", () => {
    expect(problems(report({ documentNumber: "123", documentNumberPending: false }))).toEqual([]);
    expect(problems(report({ documentNumber: "", documentNumberPending: true }))).toEqual([]);
    for (const pending of [false, undefined]) {
      expect(problems(report({ documentNumber: " ", documentNumberPending: pending }))).toEqual([
        {
          field: "header.documentNumber",
          where: "บันทึกข้อความ",
          message: 'ยังไม่ได้ระบุเลขทะเบียนหนังสือ หากยังไม่ได้ออกเลข ให้เลือก "ยังไม่ได้ออกเลขที่หนังสือ"',
        },
      ]);
    }
  });

  it("is not both given and pending", () => {
    expect(problems(report({ documentNumber: "123", documentNumberPending: true }))[0]?.message).toBe(
      'ระบุเลขทะเบียนหนังสือ (123) แล้ว แต่ยังเลือก "ยังไม่ได้ออกเลขที่หนังสือ" ไว้ กรุณาเลือกอย่างใดอย่างหนึ่ง',
    );
  });
});

describe("issues and measures", () => {
  it("a report needs at least one measure, and every issue a title and a measure", () => {
    expect(problems(report({}, []))).toEqual([{ field: "issues", where: "รายงาน", message: "รายงานต้องมีอย่างน้อยหนึ่งประเด็นที่มีมาตรการ" }]);
    expect(problems(report({}, [issue("issue-a", [measure("m-1")]), issue("issue-b", [], " ")]))).toEqual([
      { field: "issue.issue-b.title", where: "ประเด็นที่ 2", message: "ยังไม่ได้ตั้งชื่อประเด็น" },
      { field: "issue.issue-b.measures", where: "ประเด็นที่ 2", message: "ประเด็นนี้ยังไม่มีมาตรการ เพิ่มมาตรการหรือลบประเด็นนี้" },
    ]);
  });

  it("every measure is titled, names a responsible unit and has a checked result or an outcome", () => {
    const bare = measure("m-2", {
      title: "  ",
      responsibleUnits: [""],
      resultItems: [{ text: "จัดทำคู่มือ", checked: false, standardItemId: null }],
      outcomes: [" "],
    });
    const found = problems(report({}, [issue("issue-a", [measure("m-1"), bare])]));
    expect(found).toEqual([
      { field: "measure.m-2.title", where: "มาตรการที่ 1.2", message: "ยังไม่ได้ตั้งชื่อมาตรการ" },
      { field: "measure.m-2.responsibleUnits", where: "มาตรการที่ 1.2", message: "ยังไม่ได้ระบุผู้รับผิดชอบ" },
      { field: "measure.m-2.results", where: "มาตรการที่ 1.2", message: "ยังไม่ได้เลือกผลการดำเนินการหรือระบุผลลัพธ์อย่างน้อยหนึ่งข้อ" },
    ]);
    // An outcome alone is enough, as is a checked result alone.
    const outcomeOnly = measure("m-3", { resultItems: [], outcomes: ["ประชาชนพึงพอใจ"] });
    expect(problems(report({}, [issue("issue-a", [outcomeOnly])]))).toEqual([]);
  });

  it("a period outside the fiscal year needs a reason; its last day is inside", () => {
    expect(problems(report({}, [issue("issue-a", [measure("m-1", { periodStart: "2025-09-30", periodEnd: "2025-09-30" })])]))).toEqual([]);
    const strayed = measure("m-1", { periodStart: "3111-01-01", periodEnd: "3112-01-01" });
    expect(problems(report({}, [issue("issue-a", [strayed])]))).toEqual([
      {
        field: "measure.m-1.period",
        where: "มาตรการที่ 1.1",
        message:
          "ระยะเวลา (1 มกราคม 3654 – 1 มกราคม 3655) อยู่นอกปีงบประมาณ 2568 (1 ตุลาคม 2567 – 30 กันยายน 2568) แก้ให้อยู่ในปีงบประมาณ หรือระบุเหตุผล",
      },
    ]);
    expect(problems(report({}, [issue("issue-a", [measure("m-1", { periodEnd: "2025-10-01" })])]))[0]?.field).toBe("measure.m-1.period");
    expect(problems(report({}, [issue("issue-a", [{ ...strayed, periodNote: "ต่อเนื่องจากโครงการเดิม" }])]))).toEqual([]);
    expect(problems(report({}, [issue("issue-a", [{ ...strayed, periodNote: "  " }])]))).toHaveLength(1);
  });
});

describe("the meter and the refusal", () => {
  it("the report seen in the field: 1900 memo, unnamed measure, period 3111–3112 and eight measures without results", () => {
    const noResult = (i: number) => measure(`m-${i}`, { resultItems: [{ text: "x", checked: false, standardItemId: null }], outcomes: [] });
    const content = report({ memoDate: "1900-01-01", documentNumberPending: false }, [
      issue("issue-a", [measure("m-0", { title: "", periodStart: "3111-01-01", periodEnd: "3112-01-01" }), ...Array.from({ length: 8 }, (_, i) => noResult(i + 1))]),
    ]);
    const check = checkReport(content, context);
    // 3 report checks + 2 for the issue + 4 for each of 9 measures.
    expect(check.checks).toBe(41);
    expect(check.problems.map((problem) => problem.field)).toEqual([
      "header.memoDate",
      "header.documentNumber",
      "measure.m-0.title",
      "measure.m-0.period",
      ...Array.from({ length: 8 }, (_, i) => `measure.m-${i + 1}.results`),
    ]);
    expect(check.percent).toBe(Math.round((29 / 41) * 100));
    const message = refusalMessage(check.problems);
    expect(message.split("\n")[0]).toBe("ยังเสนอรายงานไม่ได้ ต้องแก้ไขอีก 12 รายการ:");
    expect(message).toContain("3. มาตรการที่ 1.1: ยังไม่ได้ตั้งชื่อมาตรการ");
  });

  it("never shows 100% while something is missing", () => {
    const many = Array.from({ length: 200 }, (_, i) => measure(`m-${i}`));
    const check = checkReport(report({ memoDate: null }, [issue("issue-a", many)]), context);
    expect(check.problems).toHaveLength(1);
    expect(check.percent).toBe(99);
  });
});

describe("thaiToday", () => {
  it("is the calendar day in Thailand (UTC+7)", () => {
    expect(thaiToday(new Date("2025-09-30T16:59:59Z"))).toBe("2025-09-30");
    expect(thaiToday(new Date("2025-09-30T17:00:00Z"))).toBe("2025-10-01");
  });
});
