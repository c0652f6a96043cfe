// The dashboards' rollup (DashboardOrganizationYear, migration 20261130200000_dashboard_rollup):
// after every kind of write the dashboards depend on — scores imported, changed, confirmed and
// deleted, a year's levels rewritten in bulk, a report created, sent, accepted, returned and
// deleted, adoptions rewritten, an organisation renamed, moved and deactivated, a district moved,
// a new year and a new organisation, a write through a client narrowed to one caller's scope —
// the rollup equals the same rows computed from scratch from its sources. No write path calls
// anything: the database's triggers keep it.
import { describe, expect, it } from "vitest";
import { Prisma, scopedDb, type Db, type DbScope } from "@/server/db/client";
import { upsertItaResult, upsertItaResults } from "@/server/services/ita-results";
import { recordAdoptions } from "@/server/services/reports/adoptions";
import { createFiscalYears, worldForThisFile } from "./helpers/fixtures";

const context = worldForThisFile();

const COLUMNS = Prisma.raw(`"organizationId", "fiscalYearId", "provinceId", "districtId", type::text, active, "nameTh", "resultId", cents, unconfirmed,
  level, "levelMismatch", "resultOrigin"::text, "reportId", "reportStatus"::text, "reportOrigin"::text, adopted, "adoptedIssueIds", "adoptedItemIds",
  "issueKeys", "issueMeasures", "issueChecked", "indicatorNumbers", "indicatorMeasures", "indicatorChecked", "checkedItems"`);

/** What the rollup must hold: every organisation × every fiscal year, from the source tables. */
function fromScratch(db: Db) {
  return db.$queryRaw<Record<string, unknown>[]>`
    SELECT ${COLUMNS} FROM (
      SELECT o.id AS "organizationId", y.id AS "fiscalYearId", d."provinceId", o."districtId", o.type, o.active, o."nameTh",
             r.id AS "resultId", (r.total * 100)::int AS cents,
             coalesce(r.source = 'ORGANIZATION_REPORTED' AND r."confirmedAt" IS NULL, false) AS unconfirmed,
             r.level, coalesce(r."levelMismatch", false) AS "levelMismatch", r.origin AS "resultOrigin",
             rep.id AS "reportId", rep.status AS "reportStatus", rep.origin AS "reportOrigin",
             a."organizationId" IS NOT NULL AS adopted, coalesce(a."issueIds", '{}') AS "adoptedIssueIds", coalesce(a."itemIds", '{}') AS "adoptedItemIds",
             ARRAY(SELECT coalesce(ri."suggestedIssueId", 'other') FROM "ReportIssue" ri JOIN "Measure" m ON m."issueId" = ri.id
                    WHERE ri."reportId" = rep.id GROUP BY 1 ORDER BY 1) AS "issueKeys",
             ARRAY(SELECT count(*)::int FROM "ReportIssue" ri JOIN "Measure" m ON m."issueId" = ri.id
                    WHERE ri."reportId" = rep.id GROUP BY coalesce(ri."suggestedIssueId", 'other') ORDER BY coalesce(ri."suggestedIssueId", 'other')) AS "issueMeasures",
             ARRAY(SELECT count(i.id)::int FROM "ReportIssue" ri JOIN "Measure" m ON m."issueId" = ri.id
                      LEFT JOIN "MeasureResultItem" i ON i."measureId" = m.id AND i.checked
                    WHERE ri."reportId" = rep.id GROUP BY coalesce(ri."suggestedIssueId", 'other') ORDER BY coalesce(ri."suggestedIssueId", 'other')) AS "issueChecked",
             ARRAY(SELECT n FROM "ReportIssue" ri JOIN "Measure" m ON m."issueId" = ri.id CROSS JOIN unnest(ri."indicatorNumbers") n
                    WHERE ri."reportId" = rep.id GROUP BY 1 ORDER BY 1) AS "indicatorNumbers",
             ARRAY(SELECT count(DISTINCT m.id)::int FROM "ReportIssue" ri JOIN "Measure" m ON m."issueId" = ri.id CROSS JOIN unnest(ri."indicatorNumbers") n
                    WHERE ri."reportId" = rep.id GROUP BY n ORDER BY n) AS "indicatorMeasures",
             ARRAY(SELECT count(DISTINCT i.id)::int FROM "ReportIssue" ri JOIN "Measure" m ON m."issueId" = ri.id CROSS JOIN unnest(ri."indicatorNumbers") n
                      LEFT JOIN "MeasureResultItem" i ON i."measureId" = m.id AND i.checked
                    WHERE ri."reportId" = rep.id GROUP BY n ORDER BY n) AS "indicatorChecked",
             ARRAY(SELECT DISTINCT ri."suggestedIssueId" || ' ' || i."standardItemId"
                     FROM "ReportIssue" ri JOIN "Measure" m ON m."issueId" = ri.id JOIN "MeasureResultItem" i ON i."measureId" = m.id
                    WHERE ri."reportId" = rep.id AND i.checked AND i."standardItemId" IS NOT NULL AND ri."suggestedIssueId" IS NOT NULL
                    ORDER BY 1) AS "checkedItems"
        FROM "LocalOrganization" o
        JOIN "District" d ON d.id = o."districtId"
        CROSS JOIN "FiscalYear" y
        LEFT JOIN "ItaResult" r ON r."organizationId" = o.id AND r."fiscalYearId" = y.id
        LEFT JOIN "YearlyReport" rep ON rep."organizationId" = o.id AND rep."fiscalYearId" = y.id
        LEFT JOIN "ReportAdoption" a ON a."organizationId" = o.id AND a."fiscalYearId" = y.id
    ) scratch
    ORDER BY 1, 2`;
}

function rollup(db: Db) {
  return db.$queryRaw<Record<string, unknown>[]>`SELECT ${COLUMNS} FROM "DashboardOrganizationYear" ORDER BY 1, 2`;
}

async function expectRollupRight(step: string) {
  const { db } = context.database;
  // The from-scratch query's estimated cost on tables never analysed would have PostgreSQL
  // compile it (JIT) for seconds: it is small work, done plainly.
  const [expected, actual] = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL jit = off`;
    return [await fromScratch(tx as unknown as Db), await rollup(tx as unknown as Db)];
  });
  expect(actual, step).toEqual(expected);
  return actual;
}

const yearId = async (yearBe: number) => (await context.database.db.fiscalYear.findUniqueOrThrow({ where: { yearBe } })).id;

describe("the dashboards' rollup", () => {
  it("equals a computation from scratch after every kind of write", async () => {
    const { db } = context.database;
    const { organizations, districts, provinces, users } = context.world;
    const rows = await expectRollupRight("the world as created");
    expect(rows).toHaveLength(4 * 2);

    // Scores saved one by one and imported in a batch.
    await upsertItaResult(db, { organizationId: organizations.A1.id, yearBe: 2567, total: 81.25, source: "PROVINCE_ENTERED" });
    await upsertItaResult(db, { organizationId: organizations.A1.id, yearBe: 2568, total: 88.5, announcedLevel: "A", source: "PROVINCE_ENTERED", origin: "DEMO" });
    const year2568 = await db.fiscalYear.findUniqueOrThrow({ where: { yearBe: 2568 }, include: { levelRules: true } });
    await upsertItaResults(db, [
      { organizationId: organizations.A2.id, yearBe: 2568, total: 72, iit: 70, eit: 71, oit: 75, source: "IMPORTED_FILE", fiscalYear: year2568 },
      { organizationId: organizations.B.id, yearBe: 2568, total: 93.75, source: "IMPORTED_FILE", origin: "SYNTHETIC", fiscalYear: year2568 },
    ]);
    await expectRollupRight("scores saved and imported");

    // The organisation's own score (unconfirmed), then confirmed; a score changed; one deleted.
    await upsertItaResult(db, { organizationId: organizations.A1b.id, yearBe: 2568, total: 66.6, source: "ORGANIZATION_REPORTED" });
    expect((await rollup(db)).find((row) => row.organizationId === organizations.A1b.id && row.cents !== null)?.unconfirmed).toBe(true);
    await db.itaResult.updateMany({ where: { organizationId: organizations.A1b.id }, data: { confirmedAt: new Date(), confirmedById: users.provinceA.id } });
    await upsertItaResult(db, { organizationId: organizations.A1.id, yearBe: 2568, total: 90.01, announcedLevel: "AA", source: "PROVINCE_ENTERED" });
    await db.itaResult.delete({ where: { organizationId_fiscalYearId: { organizationId: organizations.A1.id, fiscalYearId: await yearId(2567) } } });
    await expectRollupRight("scores confirmed, changed and deleted");

    // A year's results rewritten in one statement (as deriveLevelsAgain does).
    await db.$executeRaw`UPDATE "ItaResult" SET level = 'B', "levelMismatch" = true WHERE "fiscalYearId" = ${await yearId(2568)}`;
    await expectRollupRight("a year's levels rewritten");

    // A report created, sent, accepted (its adoptions recorded), its adoptions changed, returned, deleted.
    const fiscalYearId = await yearId(2568);
    const report = await db.yearlyReport.create({
      data: { organizationId: organizations.A2.id, fiscalYearId, issuingSection: "สำนักปลัด", subject: "รายงาน", addressee: "นายอำเภอ", origin: "SYNTHETIC" },
    });
    await expectRollupRight("a report created");
    await db.yearlyReport.update({ where: { id: report.id }, data: { status: "SUBMITTED" } });
    await expectRollupRight("a report sent to the province");

    // Its content: issues under a suggested issue, under none and tagged with indicators; measures;
    // ticked and unticked items; then a tick taken back, an issue relinked, a measure deleted.
    const suggestedIssue = await db.suggestedIssue.findFirstOrThrow({ where: { fiscalYearId }, include: { resultItems: true } });
    const [item1, item2] = suggestedIssue.resultItems;
    const period = { periodStart: new Date("2025-01-01"), periodEnd: new Date("2025-06-30") };
    const linked = await db.reportIssue.create({
      data: {
        reportId: report.id, ordinal: 1, title: "ประเด็นแนะนำ", suggestedIssueId: suggestedIssue.id, indicatorNumbers: [1, 3],
        measures: {
          create: [
            { ordinal: 1, title: "มาตรการหนึ่ง", ...period, resultItems: { create: [{ ordinal: 1, text: "ก", checked: true, standardItemId: item1!.id }, { ordinal: 2, text: "ข", checked: false, standardItemId: item2!.id }] } },
            { ordinal: 2, title: "มาตรการสอง", ...period, resultItems: { create: [{ ordinal: 1, text: "ค", checked: true, standardItemId: item2!.id }, { ordinal: 2, text: "เอง", checked: true }] } },
          ],
        },
      },
      include: { measures: { include: { resultItems: true } } },
    });
    await db.reportIssue.create({
      data: { reportId: report.id, ordinal: 2, title: "ประเด็นของเราเอง", indicatorNumbers: [3], measures: { create: [{ ordinal: 1, title: "มาตรการสาม", ...period }] } },
    });
    await db.reportIssue.create({ data: { reportId: report.id, ordinal: 3, title: "ประเด็นไม่มีมาตรการ", suggestedIssueId: suggestedIssue.id } });
    const withContent = (await expectRollupRight("a report's content written")).find((row) => row.reportId === report.id)!;
    expect([...(withContent.issueKeys as string[])].sort()).toEqual([suggestedIssue.id, "other"].sort());
    expect(withContent).toMatchObject({ indicatorNumbers: [1, 3], indicatorMeasures: [2, 3], indicatorChecked: [3, 3] });
    const checkedPerKey = Object.fromEntries((withContent.issueKeys as string[]).map((key, index) => [key, (withContent.issueChecked as number[])[index]]));
    expect(checkedPerKey).toEqual({ [suggestedIssue.id]: 3, other: 0 });
    expect(withContent.checkedItems).toHaveLength(2);
    // Texts edited (an autosave's usual change), with every column written again as the editor
    // does: nothing counted changed, so the report's rollup row is not rewritten at all.
    const rowVersion = async () =>
      (await db.$queryRaw<{ version: string }[]>`SELECT xmin::text AS version FROM "DashboardOrganizationYear" WHERE "reportId" = ${report.id}`)[0]!.version;
    const before = await rowVersion();
    await db.measure.update({ where: { id: linked.measures[1]!.id }, data: { title: "มาตรการสอง (แก้)", issueId: linked.id } });
    await db.reportIssue.update({ where: { id: linked.id }, data: { title: "ประเด็นแนะนำ (แก้)", suggestedIssueId: suggestedIssue.id } });
    await db.measureResultItem.updateMany({ where: { measureId: linked.measures[1]!.id }, data: { text: "ข้อความใหม่" } });
    expect(await rowVersion()).toBe(before);
    await expectRollupRight("texts edited");
    await db.measureResultItem.updateMany({ where: { measureId: linked.measures[1]!.id, standardItemId: item2!.id }, data: { checked: false } });
    expect(await rowVersion()).not.toBe(before);
    await expectRollupRight("a tick taken back");
    await db.reportIssue.update({ where: { id: linked.id }, data: { indicatorNumbers: [2] } });
    await expectRollupRight("an issue's indicators changed");
    await db.measure.delete({ where: { id: linked.measures[0]!.id } });
    await expectRollupRight("a measure deleted");

    await db.yearlyReport.update({ where: { id: report.id }, data: { status: "ACCEPTED" } });
    await recordAdoptions(db, { reports: [report.id] });
    await db.reportAdoption.update({
      where: { organizationId_fiscalYearId: { organizationId: organizations.A2.id, fiscalYearId } },
      data: { issueIds: [suggestedIssue.id], itemIds: suggestedIssue.resultItems.slice(0, 1).map((item) => item.id) },
    });
    const accepted = (await expectRollupRight("a report accepted")).find((row) => row.reportId === report.id);
    expect(accepted).toMatchObject({ reportStatus: "ACCEPTED", adopted: true, adoptedIssueIds: [suggestedIssue.id] });
    // An autosave (version, subject) changes nothing the rollup holds.
    await db.yearlyReport.update({ where: { id: report.id }, data: { version: { increment: 1 }, subject: "รายงานฉบับแก้" } });
    await db.yearlyReport.update({ where: { id: report.id }, data: { status: "RETURNED" } });
    await recordAdoptions(db, { reports: [report.id] });
    await expectRollupRight("a report returned");
    await db.yearlyReport.delete({ where: { id: report.id } });
    await expectRollupRight("a report deleted");

    // The registry: renamed, moved to another province's district, deactivated; a district moved.
    await db.localOrganization.update({ where: { id: organizations.A1b.id }, data: { nameTh: "อบต.ทดสอบย้าย", districtId: districts.B1.id } });
    await db.localOrganization.update({ where: { id: organizations.A2.id }, data: { active: false, endedAt: new Date("2025-10-01"), endReason: "DISSOLVED" } });
    await expectRollupRight("organisations renamed, moved and deactivated");
    await db.district.update({ where: { id: districts.A2.id }, data: { provinceId: provinces.B.id } });
    await expectRollupRight("a district moved to another province");

    // A new fiscal year and a new organisation get their rows.
    await createFiscalYears(db, [2569]);
    await db.localOrganization.create({ data: { dlaCode: "T0099", nameTh: "อบต.ทดสอบใหม่", type: "SUBDISTRICT_MUNICIPALITY", districtId: districts.A1.id } });
    expect(await expectRollupRight("a new year and a new organisation")).toHaveLength(5 * 3);
  });

  it("is kept whole by writes through a client narrowed to one caller's scope", async () => {
    const { db } = context.database;
    const { organizations, users, provinces } = context.world;
    const province: DbScope = {
      kind: "nodes",
      userId: users.provinceA.id,
      organizationIds: [],
      districtIds: [],
      provinceIds: [provinces.A.id],
      aboveDistrictIds: [],
      aboveProvinceIds: [],
    };
    const narrowed = scopedDb(db, province);
    await narrowed.$transaction(async (tx) => {
      await upsertItaResult(tx, { organizationId: organizations.A1.id, yearBe: 2567, total: 79.5, source: "PROVINCE_ENTERED" });
    });
    await expectRollupRight("a score saved under a province's scope");
    // The narrowed client sees its province's rows of the rollup only.
    const seen = await narrowed.$queryRaw<{ provinceId: string }[]>`SELECT DISTINCT "provinceId" FROM "DashboardOrganizationYear"`;
    expect(seen).toEqual([{ provinceId: provinces.A.id }]);
  });
});
