// The public pages and open data show exactly what is accepted or announced: organisation A1 has
// an accepted FY2568 report, a draft FY2567 one and its neighbour a returned one; scores
// announced (imported), entered by the province, and reported by the organisation (one
// unconfirmed, one confirmed). Nothing else may appear, signed in or not.
import { beforeAll, describe, expect, it } from "vitest";
import { upsertItaResult } from "@/server/services/ita-results";
import { openDataRows } from "@/server/services/public/open-data";
import { callerFor, refusal, worldForThisFile } from "./helpers/fixtures";

const context = worldForThisFile();
const visitor = () => callerFor(context.database.db, null);

async function report(organizationId: string, yearBe: number, status: "ACCEPTED" | "DRAFT" | "RETURNED", measureTitle: string) {
  const db = context.database.db;
  const fiscalYear = await db.fiscalYear.findUniqueOrThrow({ where: { yearBe } });
  const created = await db.yearlyReport.create({
    data: {
      organizationId,
      fiscalYearId: fiscalYear.id,
      status,
      issuingSection: "สำนักปลัด",
      subject: `รายงาน ${yearBe}`,
      addressee: "นายก",
      acceptedAt: status === "ACCEPTED" ? new Date("2026-02-01T00:00:00Z") : null,
      issues: { create: [{ ordinal: 1, title: "ประเด็นเปิดเผยข้อมูล", indicatorNumbers: [9] }] },
      signOffs: {
        create: [
          { round: 1, step: "HEAD_OF_OFFICE", decision: "ENDORSED", signerId: context.world.users.signerA1.id, signerName: "นายหัวหน้า ใจดี", signerPosition: "หัวหน้าสำนักปลัด" },
        ],
      },
      comments: { create: [{ revision: 1, authorId: context.world.users.provinceA.id, authorName: "ผู้ตรวจจังหวัด", body: "ความเห็นภายในของผู้ตรวจ" }] },
    },
    include: { issues: true },
  });
  await db.measure.create({
    data: {
      issueId: created.issues[0]!.id,
      ordinal: 1,
      title: measureTitle,
      steps: ["ประชุมชี้แจง"],
      periodStart: new Date("2025-10-01"),
      periodEnd: new Date("2026-03-31"),
      responsibleUnits: ["สำนักปลัด"],
      outcomes: ["ประชาชนเข้าถึงข้อมูล"],
      resultItems: { create: [{ ordinal: 1, text: "เผยแพร่บนเว็บไซต์", checked: true }, { ordinal: 2, text: "ไม่ได้ทำ", checked: false }] },
    },
  });
}

beforeAll(async () => {
  const { db } = context.database;
  const { organizations, users } = context.world;
  await report(organizations.A1.id, 2568, "ACCEPTED", "มาตรการที่รับรองแล้ว");
  await report(organizations.A1.id, 2567, "DRAFT", "มาตรการฉบับร่าง");
  await report(organizations.A1b.id, 2568, "RETURNED", "มาตรการที่ถูกส่งคืน");
  await upsertItaResult(db, { organizationId: organizations.A1.id, yearBe: 2568, total: 91.25, announcedLevel: "A", source: "IMPORTED_FILE" });
  await upsertItaResult(db, { organizationId: organizations.A1.id, yearBe: 2567, total: 33.33, source: "ORGANIZATION_REPORTED" });
  await upsertItaResult(db, { organizationId: organizations.A1b.id, yearBe: 2567, total: 77.5, source: "ORGANIZATION_REPORTED" });
  await db.itaResult.updateMany({ where: { organizationId: organizations.A1b.id }, data: { confirmedAt: new Date(), confirmedById: users.provinceA.id } });
  await upsertItaResult(db, { organizationId: organizations.A2.id, yearBe: 2568, total: 64, source: "PROVINCE_ENTERED" });
});

describe("an organisation's public page", () => {
  it("shows its accepted report only, with the signatories printed on the memo and no comment", async () => {
    const page = await visitor().published.organization({ dlaCode: "T0001" });
    expect(page.reportYears).toEqual([2568]);
    expect(page.report?.yearBe).toBe(2568);
    expect(page.report?.issues.flatMap((issue) => issue.measures.map((measure) => measure.title))).toEqual(["มาตรการที่รับรองแล้ว"]);
    expect(page.report?.issues[0]?.measures[0]?.resultItems).toEqual(["เผยแพร่บนเว็บไซต์"]);
    expect(page.report?.signatories).toEqual([{ step: "HEAD_OF_OFFICE", signerName: "นายหัวหน้า ใจดี", signerPosition: "หัวหน้าสำนักปลัด", actingPosition: null }]);
    const text = JSON.stringify(page);
    for (const hidden of ["มาตรการฉบับร่าง", "ความเห็นภายในของผู้ตรวจ", "33.33", context.world.users.signerA1.id, "editor.a1"]) expect(text).not.toContain(hidden);
    // A draft's year asked for by address is not there.
    expect((await refusal(visitor().published.organization({ dlaCode: "T0001", yearBe: 2567 }))).code).toBe("NOT_FOUND");
  });

  it("shows announced and confirmed scores with their level and source, never an unconfirmed one", async () => {
    const a1 = await visitor().published.organization({ dlaCode: "T0001" });
    expect(a1.scores.map((score) => [score.yearBe, score.total, score.level, score.provenance])).toEqual([[2568, 91.25, "A", "นำเข้าจากตารางประกาศผลของ ป.ป.ช."]]);
    const a1b = await visitor().published.organization({ dlaCode: "T0002" });
    expect(a1b.report).toBeNull();
    expect(a1b.scores.map((score) => [score.yearBe, score.total, score.provenance])).toEqual([[2567, 77.5, "รายงานโดยหน่วยงาน จังหวัดยืนยันแล้ว"]]);
  });

  it("answers a missing organisation or a malformed code as not found, and a signed-in caller gets the same page", async () => {
    expect((await refusal(visitor().published.organization({ dlaCode: "T9999" }))).code).toBe("NOT_FOUND");
    expect((await refusal(visitor().published.organization({ dlaCode: "../x" }))).code).toBe("BAD_REQUEST");
    const signedIn = await callerFor(context.database.db, context.world.users.admin.id).published.organization({ dlaCode: "T0001" });
    expect(signedIn).toEqual(await visitor().published.organization({ dlaCode: "T0001" }));
  });

  it("follows a change at once: a report returned after acceptance leaves the page", async () => {
    const db = context.database.db;
    const accepted = await db.yearlyReport.findFirstOrThrow({ where: { organizationId: context.world.organizations.A1.id, status: "ACCEPTED" } });
    expect((await visitor().published.organization({ dlaCode: "T0001" })).reportYears).toEqual([2568]);
    await db.yearlyReport.update({ where: { id: accepted.id }, data: { status: "SUBMITTED" } });
    expect((await visitor().published.organization({ dlaCode: "T0001" })).reportYears).toEqual([]);
    await db.yearlyReport.update({ where: { id: accepted.id }, data: { status: "ACCEPTED" } });
  });
});

describe("a province's public page", () => {
  it("lists its active organisations with their newest announced score and accepted reports", async () => {
    const province = await visitor().published.province({ code: "91" });
    expect(province.organizations.map((organization) => [organization.dlaCode, organization.acceptedReports, organization.latestScore?.total ?? null])).toEqual([
      ["T0001", 1, 91.25],
      ["T0002", 0, 77.5],
      ["T0003", 0, 64],
    ]);
    expect(JSON.stringify(province)).not.toContain("T0004");
    expect((await refusal(visitor().published.province({ code: "99" }))).code).toBe("NOT_FOUND");
  });
});

describe("open data", () => {
  const collect = async (set: "measures" | "scores", provinceCode: string | null) => {
    const rows = [];
    for await (const row of await openDataRows({ db: context.database.db, set, provinceCode })) rows.push(row);
    return rows;
  };

  it("holds the accepted measures and the announced scores, the same as the pages", async () => {
    const measures = await collect("measures", "91");
    expect(measures).toEqual([
      expect.objectContaining({ dla_code: "T0001", fiscal_year: 2568, issue_no: 1, measure_no: 1, measure: "มาตรการที่รับรองแล้ว", result_items: "เผยแพร่บนเว็บไซต์", period_start: "2025-10-01" }),
    ]);
    const scores = await collect("scores", null);
    expect(scores.map((row) => [row.dla_code, row.fiscal_year, row.total, row.source])).toEqual([
      ["T0001", 2568, 91.25, "IMPORTED_FILE"],
      ["T0002", 2567, 77.5, "ORGANIZATION_REPORTED"],
      ["T0003", 2568, 64, "PROVINCE_ENTERED"],
    ]);
    await expect(collect("scores", "99")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
