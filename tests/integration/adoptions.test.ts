// What an accepted report adopted (ReportAdoption: peer insight reads it) is written
// when the province accepts the report, through the workflow, and removed when an administrator
// reopens it; the migration's back-fill writes exactly what recordAdoptions writes.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { readMigrationFiles } from "@/server/db/migrations";
import { recordAdoptions } from "@/server/services/reports/adoptions";
import { callerFor, worldForThisFile } from "./helpers/fixtures";
import { prepareJourney, sendToProvince } from "./helpers/report-journey";

const context = worldForThisFile();
let reportId = "";
// "S1" → the FY2568 catalogue's suggested issue 1, "S1.2" → its item 2.
const catalogue: Record<string, string> = {};

const adoptions = async () => {
  const rows = await context.database.db.reportAdoption.findMany();
  const name = (id: string) => Object.keys(catalogue).find((key) => catalogue[key] === id);
  const organization = (id: string) => (id === context.world.organizations.A1.id ? "A1" : id);
  return rows.flatMap((row) => [...row.issueIds, ...row.itemIds].map((id) => `${organization(row.organizationId)} ${name(id)}`)).sort();
};

beforeAll(async () => {
  const { db } = context.database;
  const { world } = context;
  const year = await db.fiscalYear.findUniqueOrThrow({ where: { yearBe: 2568 }, include: { suggestedIssues: { include: { resultItems: true } } } });
  for (const issue of year.suggestedIssues) {
    catalogue[`S${issue.ordinal}`] = issue.id;
    for (const item of issue.resultItems) catalogue[`S${issue.ordinal}.${item.ordinal}`] = item.id;
  }
  const journey = await prepareJourney(db, world);
  reportId = journey.reportId;
  const editor = callerFor(db, world.users.editorA1.id);
  const report = await editor.report.get({ reportId });
  const measure = (items: [string | null, boolean][]) => ({
    id: randomUUID(),
    title: "มาตรการ",
    steps: ["ขั้นที่หนึ่ง"],
    periodStart: "2024-10-01",
    periodEnd: "2025-09-30",
    responsibleUnits: ["สำนักปลัด"],
    resultItems: items.map(([item, checked], index) => ({ text: item ?? `รายการเอง ${index}`, checked, standardItemId: item ? catalogue[item]! : null })),
    outcomes: ["ผลลัพธ์"],
    evidenceLinks: [],
  });
  const issue = (suggested: string | null, measures: ReturnType<typeof measure>[]) => ({
    id: randomUUID(),
    title: suggested ? `ประเด็น ${suggested}` : "ประเด็นของหน่วยงานเอง",
    indicatorNumbers: [1],
    suggestedIssueId: suggested ? catalogue[suggested]! : null,
    measures,
  });
  const saved = await editor.report.saveDraft({
    reportId,
    baseVersion: report.version,
    content: {
      ...report.content,
      issues: [
        // S1 adopted, with S1.1 (checked twice: one row) and S1.3; S1.2 left unchecked; S2.1
        // ticked under S1 is not S2's item adopted.
        issue("S1", [measure([["S1.1", true], ["S1.2", false]]), measure([["S1.1", true], ["S1.3", true], ["S2.1", true]])]),
        // The organisation's own issue: nothing of the catalogue.
        issue(null, [measure([[null, true]])]),
      ],
    },
  });
  expect(saved.ok).toBe(true);
  await sendToProvince(db, world, journey);
});

describe("adoptions", () => {
  it("are written when the province accepts the report, and removed when it is reopened", async () => {
    const { db } = context.database;
    const { world } = context;
    // Sent to the province, not accepted: nothing yet.
    expect(await adoptions()).toEqual([]);
    await callerFor(db, world.users.provinceA.id).report.accept({ reportId });
    expect(await adoptions()).toEqual(["A1 S1", "A1 S1.1", "A1 S1.3"]);
    await callerFor(db, world.users.admin.id).report.reopen({ reportId, reason: "แก้ไขชื่อมาตรการ" });
    expect(await adoptions()).toEqual([]);
  });

  it("the migration's back-fill writes what recordAdoptions writes", async () => {
    const { db } = context.database;
    await db.yearlyReport.update({ where: { id: reportId }, data: { status: "ACCEPTED" } });
    // S2 named but without a measure (a report accepted before sending required a measure per
    // issue): not adopted.
    await db.reportIssue.create({ data: { reportId, ordinal: 3, title: "ประเด็น S2", indicatorNumbers: [1], suggestedIssueId: catalogue.S2! } });
    await recordAdoptions(db, { reports: [reportId] });
    const recorded = await adoptions();
    expect(recorded).toEqual(["A1 S1", "A1 S1.1", "A1 S1.3"]);
    await db.reportAdoption.deleteMany();
    const migration = readMigrationFiles().find((file) => file.name.endsWith("_report_adoptions"))!;
    const backFill = migration.sql.slice(migration.sql.indexOf("-- Back-fill"), migration.sql.indexOf("-- Planner statistics"));
    await db.$executeRawUnsafe(backFill.trim().replace(/;$/, ""));
    expect(await adoptions()).toEqual(recorded);
  });
});
