// A small fixed dataset of ITA results and reports for the compare and profile tests. The tests
// work out every expected number by hand from these literal tables.
//
// Province A (91): district A1 (9101) with o1, o2, o3; district A2 (9102) with o4, o5 and the
// inactive o6. Province B (92): district B1 (9201) with b1. Fiscal years 2565–2568; 2568 has
// no results. Level rules: letter bands up to 2565, word levels from 2566
// (prisma/seed/data/framework.ts).
import type { Db } from "@/server/db/client";
import type { DataOrigin, ReportStatus } from "@/server/db/generated/enums";
import { createFiscalYears, createTestAreas, saveResults, type TestDistrictKey } from "./fixtures";

export type OrgKey = "o1" | "o2" | "o3" | "o4" | "o5" | "o6" | "b1";
export type DistrictKey = TestDistrictKey;
export type UserKey = "provinceA" | "provinceB" | "districtA1" | "admin" | "editorO1" | "signerO1";

const ORGANIZATIONS: { key: OrgKey; nameTh: string; district: DistrictKey; active: boolean }[] = [
  { key: "o1", nameTh: "อบต.หนึ่ง", district: "A1", active: true },
  { key: "o2", nameTh: "อบต.สอง", district: "A1", active: true },
  { key: "o3", nameTh: "เทศบาลตำบลสาม", district: "A1", active: true },
  { key: "o4", nameTh: "อบต.สี่", district: "A2", active: true },
  { key: "o5", nameTh: "เทศบาลตำบลห้า", district: "A2", active: true },
  { key: "o6", nameTh: "อบต.หก (ยุบแล้ว)", district: "A2", active: false },
  { key: "b1", nameTh: "อบต.บี", district: "B1", active: true },
];

type Tools = [iit: number | null, eit: number | null, oit: number | null];
// [organisation, year, total, tools, announced level, origin]; the level the year's rules give
// is in the comment.
export const RESULTS: [OrgKey, number, number, Tools | null, string | null, DataOrigin][] = [
  ["o1", 2565, 72.5, null, "B", "REAL"], // → C (≥65, <75): announced B, a mismatch
  ["o2", 2565, 88, null, null, "REAL"], // → A
  ["o3", 2565, 45.25, null, null, "REAL"], // → F
  ["o5", 2565, 60, null, null, "REAL"], // → D
  ["o1", 2566, 80, null, null, "REAL"], // → ต้องปรับปรุง (≥70, <85)
  ["o2", 2566, 91.25, [90, 92, 91.5], null, "REAL"], // → ผ่านดี
  // o3 has no result in 2566
  ["o4", 2566, 97, null, null, "REAL"],
  ["o5", 2566, 86.75, [80, 90, 90], null, "DEMO"], // invented
  ["o6", 2566, 70, null, null, "REAL"], // inactive
  ["b1", 2566, 100, null, null, "REAL"],
  ["o1", 2567, 85.25, [84, 86, 86], "ผ่าน", "REAL"], // → ผ่าน (IIT 84 < 85 rules out ผ่านดี)
  ["o2", 2567, 85.5, [86, 85, 85.5], null, "REAL"],
  ["o3", 2567, 62, [60, null, null], null, "REAL"], // one tool only: not "all three known"
  ["o4", 2567, 90, [90, 90, 90], null, "REAL"],
  ["o5", 2567, 78.45, null, null, "REAL"],
  ["o6", 2567, 99, [99, 99, 99], null, "REAL"], // inactive
  ["b1", 2567, 50, null, null, "REAL"],
];

export const REPORTS: [OrgKey, number, ReportStatus, DataOrigin][] = [
  ["o1", 2566, "ACCEPTED", "REAL"],
  ["o1", 2567, "SUBMITTED", "DEMO"],
  ["o2", 2567, "DRAFT", "REAL"],
];

export type ScoreWorld = {
  ids: Record<OrgKey, string>;
  districts: Record<DistrictKey, string>;
  provinces: Record<"A" | "B", string>;
  users: Record<UserKey, string>;
  reports: Map<string, string>;
};

export async function createScoreWorld(db: Db): Promise<ScoreWorld> {
  await createFiscalYears(db, [2565, 2566, 2567, 2568]);
  const areas = await createTestAreas(db);
  const { provinces } = areas;
  const districts = { A1: areas.districts.A1.id, A2: areas.districts.A2.id, B1: areas.districts.B1.id };
  const ids = {} as Record<OrgKey, string>;
  for (const [index, o] of ORGANIZATIONS.entries()) {
    const created = await db.localOrganization.create({
      data: { dlaCode: `T${index + 1}`, nameTh: o.nameTh, type: "SAO", districtId: districts[o.district], active: o.active },
    });
    ids[o.key] = created.id;
  }
  await saveResults(db, ids, RESULTS);
  const fiscalYears = new Map((await db.fiscalYear.findMany()).map((year) => [year.yearBe, year.id]));
  const reports = new Map<string, string>();
  for (const [org, yearBe, status, origin] of REPORTS) {
    const report = await db.yearlyReport.create({
      data: { organizationId: ids[org], fiscalYearId: fiscalYears.get(yearBe)!, status, origin, issuingSection: "ส", subject: "ร", addressee: "น" },
    });
    reports.set(`${org} ${yearBe}`, report.id);
  }
  const user = async (username: string, grant: Record<string, unknown>) =>
    (await db.user.create({ data: { username, displayName: username, passwordHash: "x", roles: { create: grant as never } } })).id;
  const users: Record<UserKey, string> = {
    provinceA: await user("province.a", { role: "PROVINCE_REVIEWER", provinceId: provinces.A }),
    provinceB: await user("province.b", { role: "PROVINCE_REVIEWER", provinceId: provinces.B }),
    districtA1: await user("district.a1", { role: "DISTRICT_REVIEWER", districtId: districts.A1 }),
    admin: await user("admin", { role: "ADMIN" }),
    editorO1: await user("editor.o1", { role: "ORG_EDITOR", organizationId: ids.o1 }),
    signerO1: await user("signer.o1", { role: "ORG_SIGNER", organizationId: ids.o1, signOffStep: "EXECUTIVE" }),
  };
  return { ids, districts, provinces, users, reports };
}
