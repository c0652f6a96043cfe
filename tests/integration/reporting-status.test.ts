// The reporting-status board (issue 15, part 1): states, deadlines in force (the year's and a
// province's extension), days to or past them in Thailand's calendar, overdue and stuck reports,
// filters, sorts, paging and counts, against expectations worked out by hand below.
import { beforeAll, describe, expect, it } from "vitest";
import { reportingStatus, ZReportingStatusInput, type ReportingStatusInput } from "@/server/services/reporting-status";
import { reportingStatusCsv } from "@/server/domain/reporting-status";
import { deadlineFor } from "@/server/services/deadlines";
import type { AreaNode } from "@/server/access/access";
import { callerFor, refusal, worldForThisFile } from "./helpers/fixtures";

const context = worldForThisFile();
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

// 20:00 UTC on 20 February is 03:00 on 21 February in Thailand: today is the 21st.
const NOW = new Date("2026-02-20T20:00:00Z");
// Year 2568: deadline 15 Feb 2026 (6 days past for province A); province B extended to 15 Mar 2026 (22 days to go).
const ids = {} as Record<"A1" | "A1b" | "A1c" | "A2" | "A2b" | "B", string>;

async function board(area: AreaNode, input: Partial<ReportingStatusInput> = {}) {
  return reportingStatus({ db: context.database.db, area, input: ZReportingStatusInput.parse({ yearBe: 2568, ...input }), now: NOW });
}
const names = (rows: { organizationId: string }[]) => rows.map((row) => Object.entries(ids).find(([, id]) => id === row.organizationId)?.[0]);

beforeAll(async () => {
  const { db } = context.database;
  const { world } = context;
  const year = await db.fiscalYear.update({ where: { yearBe: 2568 }, data: { submissionDeadline: day("2026-02-15") } });
  await db.deadlineExtension.create({ data: { fiscalYearId: year.id, provinceId: world.provinces.B.id, deadline: day("2026-03-15") } });
  const a1c = await db.localOrganization.create({ data: { dlaCode: "T0011", nameTh: "อบต.ทดสอบเอหนึ่งซี", type: "SAO", districtId: world.districts.A1.id } });
  const a2b = await db.localOrganization.create({
    data: { dlaCode: "T0012", nameTh: "เทศบาลตำบลทดสอบดี", type: "SUBDISTRICT_MUNICIPALITY", districtId: world.districts.A2.id },
  });
  // An organisation that has ended is not on the board.
  await db.localOrganization.create({ data: { dlaCode: "T0013", nameTh: "อบต.ยุบแล้ว", type: "SAO", districtId: world.districts.A1.id, active: false } });
  Object.assign(ids, { A1: world.organizations.A1.id, A1b: world.organizations.A1b.id, A1c: a1c.id, A2: world.organizations.A2.id, A2b: a2b.id, B: world.organizations.B.id });
  const report = (organizationId: string, status: "DRAFT" | "IN_SIGN_OFF" | "SUBMITTED" | "RETURNED" | "ACCEPTED", since: string, currentStep?: "CHIEF_ADMINISTRATOR") =>
    db.yearlyReport.create({
      data: { organizationId, fiscalYearId: year.id, status, currentStep, stateChangedAt: new Date(since), issuingSection: "ส", subject: "ร", addressee: "น" },
    });
  await report(ids.A1, "IN_SIGN_OFF", "2026-02-10T00:00:00Z", "CHIEF_ADMINISTRATOR"); // 10 days 20 hours at the ปลัด: stuck
  await report(ids.A1b, "SUBMITTED", "2026-02-14T00:00:00Z"); // 6 days with the province: not stuck
  await report(ids.A1c, "RETURNED", "2026-02-01T00:00:00Z");
  await report(ids.A2b, "ACCEPTED", "2026-01-01T00:00:00Z"); // long ago, but accepted is never stuck
  await report(ids.B, "DRAFT", "2026-02-19T12:00:00Z");
  // A report of another year does not count.
  const other = await db.fiscalYear.findUniqueOrThrow({ where: { yearBe: 2567 } });
  await db.yearlyReport.create({ data: { organizationId: ids.A2, fiscalYearId: other.id, status: "ACCEPTED", issuingSection: "ส", subject: "ร", addressee: "น" } });
});

describe("the reporting-status board", () => {
  it("shows every active organisation of the province with its state, deadline and flags", async () => {
    const result = await board({ kind: "province", id: context.world.provinces.A.id }, { sort: "state" });
    expect(result.counts).toEqual({ total: 5, NOT_STARTED: 1, DRAFT: 0, IN_SIGN_OFF: 1, SUBMITTED: 1, RETURNED: 1, ACCEPTED: 1, overdue: 3, stuck: 1, unsignable: 1 });
    expect(result.matching).toBe(5);
    expect(names(result.rows)).toEqual(["A2", "A1c", "A1", "A1b", "A2b"]);
    const byName = Object.fromEntries(result.rows.map((row) => [names([row])[0], row]));
    // A1 has no ปลัด among its signers: the report waits at a step nobody can sign.
    expect(byName.A1).toMatchObject({ state: "IN_SIGN_OFF", step: "CHIEF_ADMINISTRATOR", daysInState: 10, daysToDeadline: -6, overdue: true, stuck: true, unsignable: true, extended: false });
    expect(byName.A1!.since).toEqual(new Date("2026-02-10T00:00:00Z"));
    expect(byName.A1!.deadline).toEqual(day("2026-02-15"));
    expect(byName.A1b).toMatchObject({ state: "SUBMITTED", step: null, daysInState: 6, overdue: false, stuck: false });
    expect(byName.A1c).toMatchObject({ state: "RETURNED", daysInState: 19, overdue: true, stuck: false });
    expect(byName.A2).toMatchObject({ state: "NOT_STARTED", reportId: null, since: null, daysInState: null, daysToDeadline: -6, overdue: true, stuck: false });
    expect(byName.A2b).toMatchObject({ state: "ACCEPTED", daysInState: 50, overdue: false, stuck: false });
  });

  it("gives each organisation the deadline deadlineFor gives, the province's extension included", async () => {
    const result = await board({ kind: "national" });
    expect(result.counts.total).toBe(6);
    for (const row of result.rows) {
      const expected = await deadlineFor(context.database.db, { yearBe: 2568, organizationId: row.organizationId });
      expect(row.deadline).toEqual(expected.deadline);
    }
    const b = result.rows.find((row) => row.organizationId === ids.B)!;
    expect(b).toMatchObject({ state: "DRAFT", daysToDeadline: 22, extended: true, overdue: false, daysInState: 1 });
  });

  it("filters by district, type, state, flag and name, and sorts both ways", async () => {
    const province = { kind: "province" as const, id: context.world.provinces.A.id };
    const district = await board(province, { districtId: context.world.districts.A1.id, sort: "state" });
    expect(names(district.rows)).toEqual(["A1c", "A1", "A1b"]);
    expect(district.counts).toMatchObject({ total: 3, overdue: 2, stuck: 1 });
    expect(names((await board(province, { organizationType: "SUBDISTRICT_MUNICIPALITY" })).rows)).toEqual(["A2b"]);
    expect(names((await board(province, { state: "RETURNED" })).rows)).toEqual(["A1c"]);
    expect(names((await board(province, { flag: "stuck" })).rows)).toEqual(["A1"]);
    const overdue = await board(province, { flag: "overdue", sort: "since", descending: true });
    expect(names(overdue.rows)).toEqual(["A1", "A1c", "A2"]);
    expect(overdue.counts.total).toBe(5); // the counts ignore the state and flag filters
    expect(names((await board(province, { flag: "overdue", sort: "since" })).rows)).toEqual(["A2", "A1c", "A1"]);
    expect(names((await board(province, { search: "ซี" })).rows)).toEqual(["A1c"]);
    expect(names((await board({ kind: "national" }, { sort: "days", descending: true, state: "DRAFT" })).rows)).toEqual(["B"]);
  });

  it("pages the sorted rows", async () => {
    const page = await board({ kind: "province", id: context.world.provinces.A.id }, { sort: "state", page: 2, pageSize: 2 });
    expect(page.matching).toBe(5);
    expect(names(page.rows)).toEqual(["A1", "A1b"]);
    const beyond = await board({ kind: "province", id: context.world.provinces.A.id }, { page: 9, pageSize: 2 });
    expect(beyond.rows).toEqual([]);
    expect(beyond.counts.total).toBe(5);
  });

  it("writes the rows as CSV with a byte-order mark", async () => {
    const result = await board({ kind: "district", id: context.world.districts.A1.id }, { sort: "state" });
    const csv = reportingStatusCsv(result.rows, { date: (date) => date.toISOString().slice(0, 10), step: (step) => step });
    const lines = csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(lines).toHaveLength(4);
    expect(lines[0]!.split(",").at(-1)).toBe("ไม่มีผู้ลงนาม");
    expect(lines[2]).toBe("อบต.ทดสอบเอหนึ่ง,ก-หนึ่ง,อยู่ระหว่างเสนอความเห็น,CHIEF_ADMINISTRATOR,2026-02-10,2026-02-15,-6,ใช่,ใช่,ใช่");
  });

  it("stuck is the reviewer's number of days at one step (7 by default); unsignable clears with an enabled signer of the step", async () => {
    const province = { kind: "province" as const, id: context.world.provinces.A.id };
    expect(names((await board(province, { flag: "stuck", stuckDays: 11 })).rows)).toEqual([]);
    expect(names((await board(province, { flag: "stuck", stuckDays: 10 })).rows)).toEqual(["A1"]);
    expect(names((await board(province, { flag: "unsignable" })).rows)).toEqual(["A1"]);
    const { db } = context.database;
    const chief = await db.user.create({
      data: { username: "chief.status", displayName: "ปลัด", disabled: true, roles: { create: { role: "ORG_SIGNER", organizationId: ids.A1, signOffStep: "CHIEF_ADMINISTRATOR" } } },
    });
    expect(names((await board(province, { flag: "unsignable" })).rows)).toEqual(["A1"]);
    await db.user.update({ where: { id: chief.id }, data: { disabled: false } });
    const after = await board(province, { flag: "unsignable" });
    expect([after.rows, after.counts.unsignable]).toEqual([[], 0]);
    await db.user.delete({ where: { id: chief.id } });
  });

  it("is the area procedure's: a district filter outside the area and an unknown year are refused", async () => {
    const caller = callerFor(context.database.db, context.world.users.provinceA.id);
    const answer = await caller.area.status({ area: { kind: "province", id: context.world.provinces.A.id }, yearBe: 2568 });
    expect(answer.counts.total).toBe(5);
    expect(answer.rows.some((row) => row.organizationId === ids.B)).toBe(false);
    const outside = await refusal(caller.area.status({ area: { kind: "province", id: context.world.provinces.A.id }, yearBe: 2568, districtId: context.world.districts.B1.id }));
    expect(outside.code).toBe("NOT_FOUND");
    expect((await refusal(caller.area.status({ area: { kind: "province", id: context.world.provinces.A.id }, yearBe: 2599 }))).code).toBe("NOT_FOUND");
    expect((await refusal(caller.area.status({ area: { kind: "province", id: context.world.provinces.B.id }, yearBe: 2568 }))).code).toBe("NOT_FOUND");
  });
});
