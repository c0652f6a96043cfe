import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "@/server/auth/sign-in";
import { isDatabaseEmpty, seedDemoData } from "@/prisma/seed/demo";
import { checkReport } from "@/server/domain/report-rules";
import { loadReportContent } from "@/server/services/reports/content-store";
import { reportRuleContext } from "@/server/services/reports/workflow";
import { openTestDatabase, type TestDatabase } from "./helpers/db";

let database: TestDatabase;
const PASSWORD = "demo password for tests";

beforeAll(async () => {
  database = await openTestDatabase();
  expect(await isDatabaseEmpty(database.db)).toBe(true);
  await seedDemoData(database.db, { password: PASSWORD });
});
afterAll(() => database.close());

describe("demo data", () => {
  it("loads สมุทรสงคราม: 3 districts and their organisations, with unconfirmed names marked", async () => {
    const province = await database.db.province.findUniqueOrThrow({
      where: { code: "75" },
      include: { districts: { include: { organizations: true } } },
    });
    expect(province.nameTh).toBe("สมุทรสงคราม");
    expect(province.districts.map((district) => district.nameTh).sort()).toEqual(["บางคนที", "เมืองสมุทรสงคราม", "อัมพวา"].sort());
    const organizations = province.districts.flatMap((district) => district.organizations);
    expect(organizations.length).toBeGreaterThanOrEqual(30);
    expect(organizations.some((organization) => !organization.nameConfirmed)).toBe(true);
    expect(await isDatabaseEmpty(database.db)).toBe(false);
  });

  it("loads FY2566–FY2569 with their frameworks", async () => {
    const years = await database.db.fiscalYear.findMany({
      orderBy: { yearBe: "asc" },
      include: { levelRules: true, indicators: true, suggestedIssues: { include: { resultItems: true } } },
    });
    expect(years.map((year) => year.yearBe)).toEqual([2566, 2567, 2568, 2569]);
    for (const year of years) {
      expect(year.levelRules.map((rule) => rule.label)).toContain("ผ่านดีเยี่ยม");
      expect(year.indicators).toHaveLength(10);
      expect(year.suggestedIssues.length).toBeGreaterThanOrEqual(7);
      expect(year.suggestedIssues.every((issue) => issue.resultItems.length > 0)).toBe(true);
    }
    expect(years.find((year) => year.yearBe === 2568)!.startDate.toISOString().slice(0, 10)).toBe("2024-10-01");
  });

  it("types in the seed memo as อบต.ท้ายหาด's FY2568 report, with its real scores and sign-off chain", async () => {
    const thaihad = await database.db.localOrganization.findFirstOrThrow({
      where: { nameTh: "องค์การบริหารส่วนตำบลท้ายหาด" },
      include: { itaResults: { include: { fiscalYear: true } } },
    });
    const scores = thaihad.itaResults
      .map((result) => [result.fiscalYear.yearBe, result.total.toNumber(), result.announcedLevel, result.origin])
      .sort();
    expect(scores).toEqual([
      [2567, 96.44, "ผ่านดี", "REAL"],
      [2568, 99.66, "ผ่านดีเยี่ยม", "REAL"],
    ]);
    const report = await database.db.yearlyReport.findFirstOrThrow({
      where: { organizationId: thaihad.id, fiscalYear: { yearBe: 2568 } },
      include: {
        issues: { orderBy: { ordinal: "asc" }, include: { measures: { include: { resultItems: true } } } },
        signOffs: { orderBy: { signedAt: "asc" } },
      },
    });
    expect(report.origin).toBe("REAL");
    expect(report.documentCode).toBe("สส 71501");
    expect(report.documentNumber).toBeNull();
    expect(report.documentNumberPending).toBe(true); // "ที่ สส ๗๑๕๐๑/-"
    expect(report.memoDate?.toISOString().slice(0, 10)).toBe("2026-01-07");
    expect(report.issues).toHaveLength(7);
    expect(report.issues[0]!.title).toBe("กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ");
    expect(report.issues[0]!.measures).toHaveLength(3);
    expect(report.issues.every((issue) => issue.suggestedIssueId)).toBe(true);
    const items = report.issues.flatMap((issue) => issue.measures.flatMap((measure) => measure.resultItems));
    expect(items.every((item) => item.checked)).toBe(true);
    expect(items.filter((item) => item.standardItemId).length).toBeGreaterThan(0);
    expect(report.signOffs.map((signOff) => signOff.step)).toEqual(["HEAD_OF_OFFICE", "CHIEF_ADMINISTRATOR", "EXECUTIVE"]);
    expect(report.signOffs[2]!.actingPosition).toBe("ปฏิบัติหน้าที่นายกองค์การบริหารส่วนตำบลท้ายหาด");
  });

  it("every seeded report meets the rules for sending: the seed memo as typed in, and each demo report", async () => {
    const reports = await database.db.yearlyReport.findMany({
      select: { id: true, fiscalYear: { select: { yearBe: true } }, organization: { select: { nameTh: true, district: { select: { provinceId: true } } } } },
    });
    expect(reports.length).toBeGreaterThan(5);
    for (const report of reports) {
      const content = await loadReportContent(database.db, report.id);
      const context = await reportRuleContext(database.db, { yearBe: report.fiscalYear.yearBe, provinceId: report.organization.district.provinceId });
      expect({ report: `${report.organization.nameTh} ${report.fiscalYear.yearBe}`, problems: checkReport(content, context).problems }).toEqual({
        report: `${report.organization.nameTh} ${report.fiscalYear.yearBe}`,
        problems: [],
      });
    }
  });

  it("marks every invented score and report as demo data", async () => {
    const invented = await database.db.itaResult.count({ where: { organization: { nameTh: { not: "องค์การบริหารส่วนตำบลท้ายหาด" } } } });
    expect(invented).toBeGreaterThan(0);
    expect(await database.db.itaResult.count({ where: { origin: "DEMO" } })).toBe(invented);
    const otherReports = await database.db.yearlyReport.findMany({
      where: { organization: { nameTh: { not: "องค์การบริหารส่วนตำบลท้ายหาด" } } },
    });
    expect(otherReports.length).toBeGreaterThan(0);
    expect(otherReports.every((report) => report.origin === "DEMO")).toBe(true);
  });

  it("derives levels by the year's rule and flags no false mismatch", async () => {
    const results = await database.db.itaResult.findMany({ where: { origin: "DEMO" } });
    expect(results.every((result) => result.derivedLevel !== null)).toBe(true);
    expect(results.some((result) => result.levelMismatch)).toBe(false);
  });

  it("creates the demo accounts named in the README, who sign in with the demo password", async () => {
    for (const username of ["admin", "admin.skm", "province.skm", "district.mueang", "thaihad.editor", "thaihad.head", "thaihad.palad", "thaihad.mayor"]) {
      await expect(signIn(database.db, { username, password: PASSWORD, ipAddress: `192.0.2.${username.length}` })).resolves.toBeTruthy();
    }
    const mayor = await database.db.user.findUniqueOrThrow({ where: { username: "thaihad.mayor" }, include: { roles: true } });
    expect(mayor.roles).toMatchObject([{ role: "ORG_SIGNER", signOffStep: "EXECUTIVE" }]);
    const district = await database.db.user.findUniqueOrThrow({
      where: { username: "district.mueang" },
      include: { roles: { include: { district: true } } },
    });
    expect(district.roles[0]!.district!.nameTh).toBe("เมืองสมุทรสงคราม");
  });
});
