// Round trip: the seed report as the demo seed stores it (a draft's content) → its memo PDF →
// the report importer gives back the same structure, judged by the level rules stored with
// each fiscal year.
import { beforeAll, afterAll, describe, expect, it } from "vitest";
import { seedDemoData } from "@/prisma/seed/demo";
import { thaihad2568 } from "@/prisma/seed/data/thaihad-2568";
import { renderReportPdf } from "@/server/services/exports/report-pdf";
import { importReportDocument } from "@/server/services/report-import/read-document";
import { openTestDatabase, type TestDatabase } from "./helpers/db";
import { callerFor } from "./helpers/fixtures";

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
  await seedDemoData(database.db, { password: "demo password for tests" });
});
afterAll(() => database.close());

describe("report import round trip", () => {
  it.each(["thai", "arabic"] as const)("seed → draft → memo PDF (%s digits) → import gives the same report", async (digits) => {
    const editor = await database.db.user.findUniqueOrThrow({ where: { username: "thaihad.editor" } });
    const { id: reportId } = await database.db.yearlyReport.findFirstOrThrow({
      where: { organization: { nameTh: thaihad2568.organizationNameTh }, fiscalYear: { yearBe: 2568 } },
    });
    const report = await callerFor(database.db, editor.id).report.get({ reportId });
    const years = await database.db.fiscalYear.findMany({ include: { levelRules: true } });
    const levelRules = Object.fromEntries(
      years.map((year) => [year.yearBe, year.levelRules.map((rule) => ({ rank: rule.rank, label: rule.label, minTotal: Number(rule.minTotal), minEachTool: rule.minEachTool === null ? null : Number(rule.minEachTool) }))]),
    );

    const result = await importReportDocument(await renderReportPdf(report, { digits }), { levelRules });
    if (!result.ok) throw new Error(result.error);
    const imported = result.report;

    const { memoDateText, ...header } = imported.header;
    expect(header).toEqual(report.content.header);
    expect(memoDateText).toBe("7 มกราคม 2569");
    expect(imported.issues.map((issue) => [issue.number, issue.title])).toEqual(report.content.issues.map((issue, index) => [index + 1, issue.title]));
    expect(imported.issues.map((issue) => issue.measures.map(({ title, steps, periodStart, periodEnd, responsibleUnits, resultItems, outcomes }) => ({ title, steps, periodStart, periodEnd, responsibleUnits, resultItems, outcomes })))).toEqual(
      report.content.issues.map((issue) =>
        issue.measures.map(({ title, steps, periodStart, periodEnd, responsibleUnits, resultItems, outcomes }) => ({
          title,
          steps,
          periodStart,
          periodEnd,
          responsibleUnits,
          resultItems: resultItems.map(({ text, checked }) => ({ text, checked })),
          outcomes,
        })),
      ),
    );
    expect(imported.scores.map(({ yearBe, total, level }) => ({ yearBe, total, announcedLevel: level }))).toEqual(thaihad2568.itaResults);
    expect(imported.signatures.map((signature) => [signature.role, signature.title, signature.name, signature.position, signature.actingPosition, signature.comment])).toEqual([
      ["PREPARER", "นางสาว", "อาจารย์ เอราวัล", report.preparerPosition, null, null],
      ["HEAD_OF_OFFICE", "นาง", "รุ่งฤดี ลิ้มสกุล", "หัวหน้าสำนักปลัดองค์การบริหารส่วนตำบลท้ายหาด", null, null],
      ["CHIEF_ADMINISTRATOR", "พ.จ.อ.", "อรุณ ภมร", "ปลัดองค์การบริหารส่วนตำบลท้ายหาด", null, null],
      ["EXECUTIVE", "พ.จ.อ.", "อรุณ ภมร", "ปลัดองค์การบริหารส่วนตำบลท้ายหาด", "ปฏิบัติหน้าที่นายกองค์การบริหารส่วนตำบลท้ายหาด", "รับทราบ เห็นควรเผยแพร่ลงเว็บไซต์หลัก อบต.ท้ายหาด ต่อไป"],
    ]);
    expect(imported.organization).toEqual({ name: report.organization.nameTh, annexName: report.organization.nameTh, district: report.organization.districtNameTh, province: report.organization.provinceNameTh });
    expect(imported.fiscalYearBe).toBe(2568);
    // The draft holds the corrected readings: nothing left to doubt, nothing unplaced.
    expect(imported.flags).toEqual([]);
    expect(imported.unplaced).toEqual([]);
  });
});
