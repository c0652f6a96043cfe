import { describe, expect, it } from "vitest";
import {
  diffContent,
  linkToCatalogue,
  periodOutsideYear,
  ZReportContent,
  type Measure,
  type ReportContent,
} from "@/server/domain/report-content";
import { measure as baseMeasure } from "./helpers/report-content";

const header = { issuingSection: "สำนักปลัด", issuingPhone: "", documentCode: "", documentNumber: "", memoDate: null, subject: "ร", addressee: "น", body: "" };

const measure = (id: string, overrides: Partial<Measure> = {}) => baseMeasure(id, { outcomes: ["ได้ผล"], ...overrides });

const content = (issues: ReportContent["issues"]): ReportContent => ({ header, issues });
const issue = (id: string, measures: Measure[], title = `ประเด็น ${id}`) => ({ id, title, indicatorNumbers: [], suggestedIssueId: null, measures });

describe("ZReportContent", () => {
  it("refuses more than 200 measures in the whole report and duplicate ids", () => {
    const many = Array.from({ length: 201 }, (_, i) => measure(`measure-${String(i).padStart(3, "0")}`));
    const tooMany = ZReportContent.safeParse(content([issue("issue-aaaa", many.slice(0, 100)), issue("issue-bbbb", many.slice(100))]));
    expect(tooMany.success).toBe(false);
    expect(tooMany.error?.issues[0]?.message).toBe("มาตรการทั้งรายงานมีได้ไม่เกิน 200 มาตรการ");
    const duplicate = ZReportContent.safeParse(content([issue("issue-aaaa", [measure("same-id-1"), measure("same-id-1")])]));
    expect(duplicate.error?.issues[0]?.message).toBe("รหัสประเด็นหรือมาตรการซ้ำกัน");
    expect(ZReportContent.safeParse(content([issue("issue-aaaa", many.slice(0, 200))])).success).toBe(true);
  });
});

describe("periodOutsideYear", () => {
  const year = { start: "2024-10-01", end: "2025-09-30" };
  it("warns only when a date falls outside the fiscal year", () => {
    expect(periodOutsideYear({ periodStart: "2024-10-01", periodEnd: "2025-09-30" }, year)).toBe(false);
    expect(periodOutsideYear({ periodStart: "2024-09-30", periodEnd: "2025-09-30" }, year)).toBe(true);
    expect(periodOutsideYear({ periodStart: "2024-10-01", periodEnd: "2025-10-01" }, year)).toBe(true);
  });
});

describe("diffContent", () => {
  it("reports added, removed and changed measures, result checks, issue changes and header fields", () => {
    const before = content([issue("issue-aaaa", [measure("measure-1"), measure("measure-2")]), issue("issue-bbbb", [], "เดิม")]);
    const after = structuredClone(before);
    after.header.subject = "เรื่องใหม่";
    after.issues[0]!.measures[0]!.resultItems = [
      { text: "จัดทำคู่มือ", checked: false, standardItemId: null },
      { text: "เผยแพร่", checked: true, standardItemId: null },
    ];
    after.issues[0]!.measures[0]!.outcomes = ["ได้ผลมากขึ้น"];
    after.issues[0]!.measures.splice(1, 1, measure("measure-3"));
    after.issues[1]!.title = "ใหม่";
    after.issues.push(issue("issue-cccc", []));
    const diff = diffContent(before, after);
    expect(diff.headerFields).toEqual(["subject"]);
    expect(diff.headerChanges).toEqual([{ field: "เรื่อง", before: before.header.subject || "—", after: "เรื่องใหม่" }]);
    expect(diff.issuesAdded).toEqual(["ประเด็น issue-cccc"]);
    expect(diff.issuesRemoved).toEqual([]);
    expect(diff.issuesRenamed).toEqual([{ from: "เดิม", to: "ใหม่" }]);
    expect(diff.measures).toEqual([
      {
        issueTitle: "ประเด็น issue-aaaa",
        measureId: "measure-1",
        title: "มาตรการ measure-1",
        change: "changed",
        fields: ["ผลการดำเนินการ", "ผลลัพธ์"],
        changes: [
          { field: "ผลการดำเนินการ", before: expect.any(String), after: "☐ จัดทำคู่มือ / ☑ เผยแพร่" },
          { field: "ผลลัพธ์", before: expect.any(String), after: "ได้ผลมากขึ้น" },
        ],
        resultsChecked: ["เผยแพร่"],
        resultsUnchecked: ["จัดทำคู่มือ"],
      },
      { issueTitle: "ประเด็น issue-aaaa", measureId: "measure-3", title: "มาตรการ measure-3", change: "added", fields: [], changes: [], resultsChecked: [], resultsUnchecked: [] },
      { issueTitle: "ประเด็น issue-aaaa", measureId: "measure-2", title: "มาตรการ measure-2", change: "removed", fields: [], changes: [], resultsChecked: [], resultsUnchecked: [] },
    ]);
  });

  it("finds nothing between identical contents", () => {
    const same = content([issue("issue-aaaa", [measure("measure-1")])]);
    expect(diffContent(same, structuredClone(same))).toEqual({ issuesAdded: [], issuesRemoved: [], issuesRenamed: [], measures: [], headerFields: [], headerChanges: [] });
  });
});

describe("linkToCatalogue", () => {
  it("links the issue and the result items whose text is a standard item, and unlinks the rest", () => {
    const suggested = { id: "suggested-1", resultItems: [{ id: "standard-1", text: "จัดทำคู่มือ" }] };
    const linked = linkToCatalogue(
      issue("issue-aaaa", [
        measure("measure-1", {
          resultItems: [
            { text: "จัดทำคู่มือ", checked: true, standardItemId: null },
            { text: "ของหน่วยงานเอง", checked: false, standardItemId: "stale-id" },
          ],
        }),
      ]),
      suggested,
    );
    expect(linked.suggestedIssueId).toBe("suggested-1");
    expect(linked.measures[0]!.resultItems.map((item) => item.standardItemId)).toEqual(["standard-1", null]);
    const unlinked = linkToCatalogue(linked, undefined);
    expect(unlinked.suggestedIssueId).toBeNull();
    expect(unlinked.measures[0]!.resultItems.map((item) => item.standardItemId)).toEqual([null, null]);
  });
});
