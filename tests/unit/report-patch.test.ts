import { describe, expect, it } from "vitest";
import type { ReportContent } from "@/server/domain/report-content";
import { contentPatch, ZReportContentPatch } from "@/server/domain/report-patch";
import { measure } from "./helpers/report-content";

const titled = (id: string, title: string) => measure(id, { title, steps: [] });

const base: ReportContent = {
  header: { issuingSection: "สำนักปลัด", issuingPhone: "", documentCode: "", documentNumber: "", memoDate: null, subject: "เรื่อง", addressee: "นายก", body: "" },
  issues: [
    { id: "issue-0001", title: "ประเด็นหนึ่ง", indicatorNumbers: [1], suggestedIssueId: null, measures: [titled("measure-01", "ม.1"), titled("measure-02", "ม.2")] },
    { id: "issue-0002", title: "ประเด็นสอง", indicatorNumbers: [2], suggestedIssueId: null, measures: [titled("measure-03", "ม.3")] },
  ],
};

describe("contentPatch", () => {
  it("sends nothing but ids when nothing changed, even for equal copies", () => {
    expect(contentPatch(base, structuredClone(base))).toEqual({
      issues: [
        { id: "issue-0001", unchanged: true },
        { id: "issue-0002", unchanged: true },
      ],
    });
  });

  it("sends the header and the changed measure whole, its unchanged siblings by id", () => {
    const next = structuredClone(base);
    next.header.subject = "เรื่องใหม่";
    next.issues[0]!.measures[1]!.title = "ม.2 ใหม่";
    const patch = contentPatch(base, next);
    expect(patch.header?.subject).toBe("เรื่องใหม่");
    expect(patch.issues[1]).toEqual({ id: "issue-0002", unchanged: true });
    expect(patch.issues[0]).toMatchObject({ id: "issue-0001", measures: [{ id: "measure-01", unchanged: true }, { id: "measure-02", title: "ม.2 ใหม่" }] });
  });

  it("sends a moved measure by id under its new issue, both issues whole", () => {
    const next = structuredClone(base);
    next.issues[1]!.measures.push(next.issues[0]!.measures.shift()!);
    const patch = contentPatch(base, next);
    expect(patch.issues.map((issue) => ("measures" in issue ? issue.measures : "id"))).toEqual([
      [{ id: "measure-02", unchanged: true }],
      [{ id: "measure-03", unchanged: true }, { id: "measure-01", unchanged: true }],
    ]);
  });
});

describe("ZReportContentPatch", () => {
  it("takes a whole content as it is, and a patch of ids", () => {
    expect(ZReportContentPatch.parse(base)).toEqual(base);
    expect(ZReportContentPatch.parse(contentPatch(base, base))).toEqual(contentPatch(base, base));
  });

  it("keeps the Thai message of a field of an entry sent whole", () => {
    const next = structuredClone(base);
    next.issues[0]!.measures[0]!.title = "ก".repeat(2001);
    const result = ZReportContentPatch.safeParse(contentPatch(base, next));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/ชื่อมาตรการยาวเกิน/);
  });

  it("refuses an id listed twice", () => {
    const result = ZReportContentPatch.safeParse({ issues: [{ id: "issue-0001", unchanged: true }, { id: "issue-0001", unchanged: true }] });
    expect(result.error?.issues[0]?.message).toBe("รหัสประเด็นหรือมาตรการซ้ำกัน");
  });
});
