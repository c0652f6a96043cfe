// The dashboards' cache (server/services/dashboard/cache.ts): a repeated call is answered from
// the cache with one query, every counted change — an ITA result saved, a report created, a
// report changing status, an edit straight to the tables — shows in the very next answer, and a
// change in another province or another year leaves an answer cached.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Db } from "@/server/db/client";
import { upsertItaResult } from "@/server/services/ita-results";
import { callerFor, worldForThisFile } from "./helpers/fixtures";

const context = worldForThisFile();

/** A caller whose database client counts the queries it runs. */
function countingCaller(userId: string) {
  const counter = { queries: 0 };
  const db = context.database.db.$extends({
    query: {
      async $allOperations({ args, query }) {
        counter.queries += 1;
        return query(args);
      },
    },
  }) as unknown as Db;
  const caller = callerFor(db, userId);
  countingClients.set(caller, db);
  return { caller, counter };
}

const countingClients = new WeakMap<object, Db>();

function provinceOverview(caller: ReturnType<typeof callerFor>) {
  return caller.dashboard.overview({ area: { kind: "province", id: context.world.provinces.A.id }, yearBe: 2568, includeUnaccepted: true });
}

describe("the dashboard cache", () => {
  it("answers a repeated call with one query (the data version), and the same answer", async () => {
    const { caller, counter } = countingCaller(context.world.users.provinceA.id);
    const first = await provinceOverview(caller);
    const cold = counter.queries;
    counter.queries = 0;
    const second = await provinceOverview(caller);
    // loadAccess (user + roles) and the province check run on every call; the service only on the first
    expect(counter.queries).toBeLessThan(cold);
    const accessQueries = counter.queries - 1;
    counter.queries = 0;
    await caller.dashboard.options({ area: { kind: "province", id: context.world.provinces.A.id } });
    expect(counter.queries).toBeGreaterThanOrEqual(accessQueries + 1); // options is not cached: access + its own query
    expect(second).toEqual(first);
  });

  it("answers the next request (another context, so another narrowed client) from the same cache", async () => {
    const { caller, counter } = countingCaller(context.world.users.provinceA.id);
    const area = { kind: "district" as const, id: context.world.districts.A2.id };
    const districtOverview = (c: ReturnType<typeof callerFor>) => c.dashboard.overview({ area, yearBe: 2567, includeUnaccepted: true });
    const first = await districtOverview(caller);
    const cold = counter.queries;
    // A new request: its context narrows the same client afresh and loads the caller's access again.
    const nextRequest = callerFor(countingClients.get(caller)!, context.world.users.provinceA.id);
    counter.queries = 0;
    expect(await districtOverview(nextRequest)).toEqual(first);
    expect(counter.queries).toBeLessThan(cold);
  });

  it("shares an answer between callers who see the same rows, never with one of another scope", async () => {
    const { caller, counter } = countingCaller(context.world.users.provinceA.id);
    const area = { kind: "district" as const, id: context.world.districts.A1.id };
    const districtTrend = (c: ReturnType<typeof callerFor>) => c.dashboard.trend({ area, yearBe: 2566, includeUnaccepted: true });
    const first = await districtTrend(caller);
    const cold = counter.queries;
    const db = countingClients.get(caller)!;
    const colleague = await context.database.db.user.create({
      data: { username: "province.a.second", displayName: "ผู้ตรวจคนที่สอง", passwordHash: "x", roles: { create: { role: "PROVINCE_REVIEWER", provinceId: context.world.provinces.A.id } } },
    });
    counter.queries = 0;
    expect(await districtTrend(callerFor(db, colleague.id))).toEqual(first);
    expect(counter.queries).toBeLessThan(cold);
    // The district's own reviewer sees other rows (no province-wide scope): computed under its own.
    counter.queries = 0;
    expect(await districtTrend(callerFor(db, context.world.users.districtA1.id))).toEqual(first);
    expect(counter.queries).toBeGreaterThanOrEqual(cold);
  });

  it("serves the trend of another year or report switch from the same entry (the trend covers every year)", async () => {
    const { caller, counter } = countingCaller(context.world.users.provinceA.id);
    const area = { kind: "province" as const, id: context.world.provinces.A.id };
    const first = await caller.dashboard.trend({ area, yearBe: 2568, includeUnaccepted: true });
    counter.queries = 0;
    await caller.dashboard.trend({ area, yearBe: 2568, includeUnaccepted: true });
    const cached = counter.queries;
    counter.queries = 0;
    expect(await caller.dashboard.trend({ area, yearBe: 2567, includeUnaccepted: false })).toEqual(first);
    expect(counter.queries).toBe(cached);
  });

  it("shows a saved ITA result in the next answer", async () => {
    const caller = callerFor(context.database.db, context.world.users.provinceA.id);
    const before = await provinceOverview(caller);
    expect(before.figures.scores.count).toBe(0);
    await upsertItaResult(context.database.db, {
      organizationId: context.world.organizations.A1.id,
      yearBe: 2568,
      total: 91.5,
      source: "PROVINCE_ENTERED",
    });
    const after = await provinceOverview(caller);
    expect(after.figures.scores).toEqual({ count: 1, mean: 91.5, median: 91.5 });
    const trend = await caller.dashboard.trend({ area: { kind: "province", id: context.world.provinces.A.id }, yearBe: 2568, includeUnaccepted: true });
    expect(trend.overall.at(-1)).toMatchObject({ yearBe: 2568, count: 1, mean: 91.5 });
  });

  it("shows a report created, then sent up the sign-off chain, in the next answer", async () => {
    const reviewer = callerFor(context.database.db, context.world.users.provinceA.id);
    const editor = callerFor(context.database.db, context.world.users.editorA1.id);
    expect((await provinceOverview(reviewer)).figures.reports.byStatus).toMatchObject({ DRAFT: 0, IN_SIGN_OFF: 0 });
    const ranking = () => reviewer.dashboard.ranking({ area: { kind: "province", id: context.world.provinces.A.id }, yearBe: 2568, includeUnaccepted: true });
    const statusOf = async () => (await ranking()).rows.find((row) => row.organizationId === context.world.organizations.A1.id)?.reportStatus;
    expect(await statusOf()).toBeNull();

    const { id: reportId } = await editor.organization.createReport({ organizationId: context.world.organizations.A1.id, yearBe: 2568, copyFromPrevious: false });
    expect((await provinceOverview(reviewer)).figures.reports.byStatus).toMatchObject({ DRAFT: 1, IN_SIGN_OFF: 0 });
    expect(await statusOf()).toBe("DRAFT");

    const report = await editor.report.get({ reportId });
    const content = {
      header: { ...report.content.header, memoDate: "2025-10-15", documentNumberPending: true }, // meets the rules for sending
      issues: [
        {
          id: randomUUID(),
          title: "ประเด็นทดสอบ",
          indicatorNumbers: [],
          suggestedIssueId: null,
          measures: [
            {
              id: randomUUID(),
              title: "มาตรการทดสอบ",
              steps: ["ขั้นที่หนึ่ง"],
              periodStart: "2024-10-01",
              periodEnd: "2025-09-30",
              responsibleUnits: ["สำนักปลัด"],
              resultItems: [],
              outcomes: ["ประชาชนเข้าถึงข้อมูล"],
              evidenceLinks: [],
            },
          ],
        },
      ],
    };
    const saved = await editor.report.saveDraft({ reportId, baseVersion: report.version, content });
    if (!saved.ok) throw new Error("save refused");
    await editor.report.submit({ reportId, baseVersion: saved.version });
    expect((await provinceOverview(reviewer)).figures.reports.byStatus).toMatchObject({ DRAFT: 0, IN_SIGN_OFF: 1 });
    expect(await statusOf()).toBe("IN_SIGN_OFF");
  });

  it("keeps each area's answers apart", async () => {
    const provinceB = await callerFor(context.database.db, context.world.users.provinceB.id).dashboard.overview({
      area: { kind: "province", id: context.world.provinces.B.id },
      yearBe: 2568,
      includeUnaccepted: true,
    });
    const provinceA = await provinceOverview(callerFor(context.database.db, context.world.users.provinceA.id));
    expect(provinceB.figures.organizations).toBe(1);
    expect(provinceA.figures.organizations).toBe(3);
    // A district reviewer asking for the cached province answer is still refused.
    const refused = await callerFor(context.database.db, context.world.users.districtA1.id)
      .dashboard.overview({ area: { kind: "province", id: context.world.provinces.A.id }, yearBe: 2568, includeUnaccepted: true })
      .then(() => null, (error: { code?: string }) => error.code);
    expect(refused).toBe("NOT_FOUND");
  });

  it("keeps an answer cached after a write in another province, and a year's answer after a write in another year", async () => {
    const { caller, counter } = countingCaller(context.world.users.provinceA.id);
    const admin = callerFor(context.database.db, context.world.users.admin.id);
    const area = { kind: "province" as const, id: context.world.provinces.A.id };
    const issues = () => caller.drilldown.issues({ area, yearBe: 2568, includeUnaccepted: true });
    const before = await provinceOverview(caller);
    const issuesBefore = await issues();
    const national = await admin.dashboard.overview({ area: { kind: "national" }, yearBe: 2568, includeUnaccepted: true });
    counter.queries = 0;
    await provinceOverview(caller);
    const cached = counter.queries;

    // A score of province B: province A's answers stay cached, the country's follows.
    await upsertItaResult(context.database.db, { organizationId: context.world.organizations.B.id, yearBe: 2568, total: 77, source: "PROVINCE_ENTERED" });
    counter.queries = 0;
    expect(await provinceOverview(caller)).toEqual(before);
    expect(counter.queries).toBe(cached);
    const nationalAfter = await admin.dashboard.overview({ area: { kind: "national" }, yearBe: 2568, includeUnaccepted: true });
    expect(nationalAfter.figures.scores.count).toBe(national.figures.scores.count + 1);

    // A score of province A in 2567: the 2568 issue drill-down stays cached, the overview (every year's data) follows.
    counter.queries = 0;
    await issues();
    const cachedIssues = counter.queries;
    await context.database.db.itaResult.create({
      data: { organizationId: context.world.organizations.A2.id, fiscalYearId: (await context.database.db.fiscalYear.findUniqueOrThrow({ where: { yearBe: 2567 } })).id, total: 50, source: "PROVINCE_ENTERED", origin: "DEMO" },
    });
    counter.queries = 0;
    expect(await issues()).toEqual(issuesBefore);
    expect(counter.queries).toBe(cachedIssues);
    expect((await provinceOverview(caller)).containsInventedData).toBe(true);
  });

  it("follows edits made straight to the tables (the database's triggers keep the versions)", async () => {
    const caller = callerFor(context.database.db, context.world.users.provinceA.id);
    const area = { kind: "province" as const, id: context.world.provinces.A.id };
    const ranking = () => caller.dashboard.ranking({ area, yearBe: 2568, includeUnaccepted: true });
    const nameOf = async (id: string) => (await ranking()).rows.find((row) => row.organizationId === id)?.district.nameTh;
    const { db } = context.database;
    const organization = context.world.organizations.A2;
    expect(await nameOf(organization.id)).toBe("ก-สอง");
    await db.district.update({ where: { id: context.world.districts.A2.id }, data: { nameTh: "ก-สองใหม่" } });
    expect(await nameOf(organization.id)).toBe("ก-สองใหม่");
    await db.district.update({ where: { id: context.world.districts.A2.id }, data: { nameTh: "ก-สอง" } });
    expect(await nameOf(organization.id)).toBe("ก-สอง");
    // Saving a report that is still the organisation's own (in sign-off since the test above) bumps nothing.
    const versions = () => db.$queryRaw<{ sum: string }[]>`SELECT sum(version)::text FROM "DashboardVersion"`;
    const before = await versions();
    const report = await db.yearlyReport.findFirstOrThrow({ where: { organizationId: context.world.organizations.A1.id, status: "IN_SIGN_OFF" } });
    await db.yearlyReport.update({ where: { id: report.id }, data: { version: { increment: 1 } } });
    expect(await versions()).toEqual(before);
  });
});
