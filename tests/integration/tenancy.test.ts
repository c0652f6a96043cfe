// Every procedure scopes its data to what the caller may see: a foreign id gives an error and
// no data, whatever the caller's role.
import fs from "node:fs";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { upsertItaResult } from "@/server/services/ita-results";
import { callerFor, worldForThisFile } from "./helpers/fixtures";

const context = worldForThisFile();

async function expectRefused(call: Promise<unknown>, codes: TRPCError["code"][] = ["NOT_FOUND", "FORBIDDEN"]) {
  const error = await call.then(
    (data) => {
      throw new Error(`expected a refusal, got data: ${JSON.stringify(data).slice(0, 200)}`);
    },
    (error: unknown) => error,
  );
  expect(error).toBeInstanceOf(TRPCError);
  expect(codes).toContain((error as TRPCError).code);
}

type Caller = ReturnType<typeof callerFor>;

const seedReportText = fs.readFileSync("tests/fixtures/seed-report-thaihad-2568.txt", "utf8");

// An organisation's own, unconfirmed ITA result for FY2567 (what confirmItaResult acts on).
async function reportedResult(organizationId: string) {
  if (!(await context.database.db.localOrganization.findUnique({ where: { id: organizationId } }))) return;
  await upsertItaResult(context.database.db, { organizationId, yearBe: 2567, total: 90.5, source: "ORGANIZATION_REPORTED" });
}

// Each organisation procedure with the input that names an organisation; writes are only for
// the organisation's own preparer, or (writer: "provinceA") for province staff over it. A
// procedure added under `organization.` or `reportImport.` without an entry here fails the
// completeness test below.
const organizationProcedures: Record<
  string,
  { write: boolean; writer?: "editorA1" | "provinceA"; call: (caller: Caller, organizationId: string) => Promise<unknown> }
> = {
  "organization.profile": { write: false, call: (caller, organizationId) => caller.organization.profile({ organizationId }) },
  "organization.createReport": {
    write: true,
    call: (caller, organizationId) => caller.organization.createReport({ organizationId, yearBe: 2567, copyFromPrevious: false }),
  },
  "organization.saveItaResult": {
    write: true,
    call: (caller, organizationId) => caller.organization.saveItaResult({ organizationId, yearBe: 2567, total: 90.5 }),
  },
  "organization.confirmItaResult": {
    write: true,
    writer: "provinceA",
    call: async (caller, organizationId) => {
      await reportedResult(organizationId);
      return caller.organization.confirmItaResult({ organizationId, yearBe: 2567 });
    },
  },
  // Importing a past report into the organisation: its preparer's alone, like createReport.
  "reportImport.preview": {
    write: true,
    call: (caller, organizationId) => caller.reportImport.preview({ organizationId, source: { kind: "text", text: seedReportText } }),
  },
  "reportImport.createDraft": {
    write: true,
    // Over createReport's draft of FY2567, confirmed.
    call: (caller, organizationId) =>
      caller.reportImport.createDraft({ organizationId, source: { kind: "text", text: seedReportText }, yearBe: 2567, replaceDraft: true }),
  },
};

describe("organisation procedures", () => {
  it("are all listed here", () => {
    const names = Object.keys(appRouter._def.procedures).filter((name) => name.startsWith("organization.") || name.startsWith("reportImport."));
    expect(names.sort()).toEqual(Object.keys(organizationProcedures).sort());
  });

  for (const [name, { write, writer = "editorA1", call }] of Object.entries(organizationProcedures)) {
    it(`${name}: an editor of A gets nothing of B`, async () => {
      await expectRefused(call(callerFor(context.database.db, context.world.users.editorA1.id), context.world.organizations.B.id));
    });

    it(`${name}: ${writer === "editorA1" ? "an editor of A" : "a province reviewer of A"} ${write ? "writes" : "reads"} A`, async () => {
      await expect(call(callerFor(context.database.db, context.world.users[writer].id), context.world.organizations.A1.id)).resolves.toBeTruthy();
    });

    it(`${name}: a signer of A gets nothing of A's neighbour in the same district`, async () => {
      await expectRefused(call(callerFor(context.database.db, context.world.users.signerA1.id), context.world.organizations.A1b.id));
    });

    it(`${name}: a district reviewer ${write ? "writes nothing" : "reads their district only"}`, async () => {
      const caller = callerFor(context.database.db, context.world.users.districtA1.id);
      if (write) await expectRefused(call(caller, context.world.organizations.A1b.id), ["FORBIDDEN"]);
      else await expect(call(caller, context.world.organizations.A1b.id)).resolves.toBeTruthy();
      await expectRefused(call(caller, context.world.organizations.A2.id));
      await expectRefused(call(caller, context.world.organizations.B.id));
    });

    it(`${name}: a province reviewer of B sees nothing of province A`, async () => {
      await expectRefused(call(callerFor(context.database.db, context.world.users.provinceB.id), context.world.organizations.A1.id));
    });

    it(`${name}: an unknown id and a signed-out caller are refused`, async () => {
      await expectRefused(call(callerFor(context.database.db, context.world.users.admin.id), "no-such-organization"));
      await expectRefused(call(callerFor(context.database.db, null), context.world.organizations.A1.id), ["UNAUTHORIZED"]);
    });
  }
});

// Every report procedure called with a report of organisation A by people of B.
const reportProcedures: Record<string, (caller: Caller, reportId: string) => Promise<unknown>> = {
  "report.get": (caller, reportId) => caller.report.get({ reportId }),
  "report.history": (caller, reportId) => caller.report.history({ reportId }),
  "report.saveDraft": (caller, reportId) =>
    caller.report.saveDraft({ reportId, baseVersion: 1, content: { header: emptyHeader, issues: [] } }),
  "report.submit": (caller, reportId) => caller.report.submit({ reportId, baseVersion: 1 }),
  "report.endorse": (caller, reportId) => caller.report.endorse({ reportId }),
  "report.sendBack": (caller, reportId) => caller.report.sendBack({ reportId, comment: "x" }),
  "report.comment": (caller, reportId) => caller.report.comment({ reportId, body: "x" }),
  "report.return": (caller, reportId) => caller.report.return({ reportId, comment: "x" }),
  "report.accept": (caller, reportId) => caller.report.accept({ reportId }),
  "report.reopen": (caller, reportId) => caller.report.reopen({ reportId, reason: "x" }),
};

const emptyHeader = {
  issuingSection: "ส",
  issuingPhone: "",
  documentCode: "",
  documentNumber: "",
  memoDate: null,
  subject: "ร",
  addressee: "น",
  body: "",
};

describe("report procedures", () => {
  beforeAll(async () => {
    const fiscalYear = await context.database.db.fiscalYear.findUniqueOrThrow({ where: { yearBe: 2568 } });
    await context.database.db.yearlyReport.create({
      data: { organizationId: context.world.organizations.A1.id, fiscalYearId: fiscalYear.id, issuingSection: "ส", subject: "ร", addressee: "น" },
    });
  });

  it("are all listed here", () => {
    const names = Object.keys(appRouter._def.procedures).filter((name) => name.startsWith("report."));
    expect(names.sort()).toEqual(Object.keys(reportProcedures).sort());
  });

  for (const [name, call] of Object.entries(reportProcedures)) {
    it(`${name}: people of province B and of a neighbouring organisation get nothing of A's report`, async () => {
      const report = await context.database.db.yearlyReport.findFirstOrThrow({ where: { organizationId: context.world.organizations.A1.id, fiscalYear: { yearBe: 2568 } } });
      const before = await context.database.db.yearlyReport.findUniqueOrThrow({ where: { id: report.id } });
      for (const user of [context.world.users.editorB, context.world.users.provinceB]) {
        await expectRefused(call(callerFor(context.database.db, user.id), report.id), ["NOT_FOUND"]);
      }
      const neighbour = await context.database.db.user.create({
        data: { username: `neighbour.${name}`, displayName: "x", passwordHash: "x", roles: { create: { role: "ORG_EDITOR", organizationId: context.world.organizations.A1b.id } } },
      });
      await expectRefused(call(callerFor(context.database.db, neighbour.id), report.id), ["NOT_FOUND"]);
      await expectRefused(call(callerFor(context.database.db, context.world.users.admin.id), "no-such-report"), ["NOT_FOUND"]);
      expect(await context.database.db.yearlyReport.findUniqueOrThrow({ where: { id: report.id } })).toEqual(before);
    });
  }
});

describe("area procedures", () => {
  it("a province reviewer of B cannot list province A or its districts", async () => {
    const caller = callerFor(context.database.db, context.world.users.provinceB.id);
    await expectRefused(caller.area.organizations({ area: { kind: "province", id: context.world.provinces.A.id } }));
    await expectRefused(caller.area.organizations({ area: { kind: "district", id: context.world.districts.A1.id } }));
    await expectRefused(caller.area.describe({ area: { kind: "province", id: context.world.provinces.A.id } }));
    await expectRefused(caller.area.organizations({ area: { kind: "national" } }));
  });

  it("a province reviewer lists every organisation of the province and of its districts", async () => {
    const caller = callerFor(context.database.db, context.world.users.provinceA.id);
    const province = await caller.area.organizations({ area: { kind: "province", id: context.world.provinces.A.id } });
    expect(province.organizations.map((o) => o.id).sort()).toEqual(
      [context.world.organizations.A1.id, context.world.organizations.A1b.id, context.world.organizations.A2.id].sort(),
    );
    const district = await caller.area.organizations({ area: { kind: "district", id: context.world.districts.A2.id } });
    expect(district.organizations.map((o) => o.id)).toEqual([context.world.organizations.A2.id]);
  });

  it("a district reviewer sees only their district", async () => {
    const caller = callerFor(context.database.db, context.world.users.districtA1.id);
    const own = await caller.area.organizations({ area: { kind: "district", id: context.world.districts.A1.id } });
    expect(own.organizations.map((o) => o.id).sort()).toEqual([context.world.organizations.A1.id, context.world.organizations.A1b.id].sort());
    await expectRefused(caller.area.organizations({ area: { kind: "district", id: context.world.districts.A2.id } }));
    await expectRefused(caller.area.organizations({ area: { kind: "province", id: context.world.provinces.A.id } }));
  });

  it("organisation staff review no area", async () => {
    const caller = callerFor(context.database.db, context.world.users.editorA1.id);
    await expectRefused(caller.area.organizations({ area: { kind: "district", id: context.world.districts.A1.id } }));
    expect(await caller.area.mine()).toEqual([]);
  });

  it("an admin reviews the whole country", async () => {
    const caller = callerFor(context.database.db, context.world.users.admin.id);
    const national = await caller.area.organizations({ area: { kind: "national" } });
    expect(national.organizations).toHaveLength(4);
  });

  it("every drilldown procedure refuses province B's reviewer and organisation staff on province A (A2 accepted in FY2568)", async () => {
    const db = context.database.db;
    const fiscalYear = await db.fiscalYear.findUniqueOrThrow({ where: { yearBe: 2568 }, include: { suggestedIssues: { where: { ordinal: 1 } } } });
    const issueKey = fiscalYear.suggestedIssues[0]!.id;
    const report = await db.yearlyReport.create({
      data: {
        organizationId: context.world.organizations.A2.id,
        fiscalYearId: fiscalYear.id,
        status: "ACCEPTED",
        issuingSection: "ส",
        subject: "ร",
        addressee: "น",
        issues: { create: [{ ordinal: 1, title: "ป", indicatorNumbers: [1], suggestedIssueId: issueKey }] },
      },
      include: { issues: true },
    });
    const measure = await db.measure.create({
      data: { issueId: report.issues[0]!.id, ordinal: 1, title: "ม", steps: [], periodStart: new Date(), periodEnd: new Date(), responsibleUnits: [], outcomes: [] },
    });
    const area = { kind: "province" as const, id: context.world.provinces.A.id };
    const base = { area, yearBe: 2568, includeUnaccepted: true, issueKey };
    // Each call starts only when awaited: a refusal never waits unobserved.
    const calls = (caller: ReturnType<typeof callerFor>) => [
      () => caller.drilldown.issues(base),
      () => caller.drilldown.issue(base),
      () => caller.drilldown.organizationMeasures({ ...base, organizationId: context.world.organizations.A2.id }),
      () => caller.drilldown.measure({ ...base, organizationId: context.world.organizations.A2.id, measureId: measure.id }),
    ];
    for (const userId of [context.world.users.provinceB.id, context.world.users.editorA1.id]) {
      for (const call of calls(callerFor(db, userId))) await expectRefused(call());
    }
    // Province B's reviewer on their own area, naming A's organisation and measure: NOT_FOUND.
    const own = { ...base, area: { kind: "province" as const, id: context.world.provinces.B.id } };
    const caller = callerFor(db, context.world.users.provinceB.id);
    await expectRefused(caller.drilldown.organizationMeasures({ ...own, organizationId: context.world.organizations.A2.id }), ["NOT_FOUND"]);
    await expectRefused(caller.drilldown.measure({ ...own, organizationId: context.world.organizations.A2.id, measureId: measure.id }), ["NOT_FOUND"]);
    await expectRefused(caller.drilldown.measure({ ...own, organizationId: context.world.organizations.B.id, measureId: measure.id }), ["NOT_FOUND"]);
    // Province A's reviewer reads it.
    const reviewer = callerFor(db, context.world.users.provinceA.id);
    expect((await reviewer.drilldown.measure({ ...base, organizationId: context.world.organizations.A2.id, measureId: measure.id })).measure.id).toBe(measure.id);
  });
});

describe("admin procedures", () => {
  // Each call starts only when awaited: a refusal never waits unobserved.
  const adminCalls = (caller: ReturnType<typeof callerFor>) => [
    () => caller.admin.provinces(),
    () => caller.admin.users({}),
    () => caller.admin.createUser({ username: "intruder", displayName: "ผู้บุกรุก", roles: [{ role: "ADMIN" }] }),
    () => caller.admin.updateUser({ userId: context.world.users.editorB.id, displayName: "เปลี่ยนชื่อ" }),
    () => caller.admin.setUserDisabled({ userId: context.world.users.editorB.id, disabled: true }),
    () => caller.admin.resetPassword({ userId: context.world.users.editorB.id }),
    () => caller.admin.grantRole({ userId: context.world.users.editorA1.id, grant: { role: "ADMIN" } }),
    () => caller.admin.revokeRole({ roleAssignmentId: "no-such-grant" }),
    () => caller.admin.importAccounts({ fileName: "a.csv", contentBase64: Buffer.from("ชื่อผู้ใช้,ชื่อ-นามสกุล,รหัส อปท.,บทบาท\nintruder,ก,06910101,ผู้จัดทำ\n").toString("base64"), apply: true }),
    () => caller.registry.areas(),
    () => caller.registry.organizations({}),
    () => caller.registry.import({ fileName: "r.csv", contentBase64: Buffer.from("code,name,type,district,province\n06990101,อบต.ก,อบต.,ก,ข\n").toString("base64"), apply: true }),
    () => caller.registry.createProvince({ code: "98", nameTh: "บุกรุก" }),
    () => caller.registry.updateProvince({ provinceId: context.world.provinces.A.id, code: "91", nameTh: "บุกรุก" }),
    () => caller.registry.createDistrict({ provinceId: context.world.provinces.A.id, code: "9199", nameTh: "บุกรุก" }),
    () => caller.registry.updateDistrict({ districtId: context.world.districts.A1.id, provinceId: context.world.provinces.A.id, code: "9101", nameTh: "บุกรุก" }),
    () => caller.registry.createOrganization({ dlaCode: "06919999", nameTh: "บุกรุก", type: "SAO", districtId: context.world.districts.A1.id }),
    () => caller.registry.updateOrganization({ organizationId: context.world.organizations.A1.id, nameTh: "บุกรุก", type: "SAO", districtId: context.world.districts.A1.id }),
    () => caller.registry.deactivateOrganization({ organizationId: context.world.organizations.A1.id, reason: "DISSOLVED", endedAt: "2026-01-01" }),
  ];

  it("are refused to everyone but an admin, and change nothing", async () => {
    for (const user of [context.world.users.editorA1, context.world.users.provinceA, context.world.users.districtA1, context.world.users.noRole]) {
      for (const call of adminCalls(callerFor(context.database.db, user.id))) await expectRefused(call(), ["FORBIDDEN"]);
    }
    const editorA1Roles = await context.database.db.roleAssignment.findMany({ where: { userId: context.world.users.editorA1.id } });
    expect(editorA1Roles.map((grant) => grant.role)).toEqual(["ORG_EDITOR"]);
    expect((await context.database.db.user.findUniqueOrThrow({ where: { id: context.world.users.editorB.id } })).disabled).toBe(false);
    expect(await context.database.db.localOrganization.count({ where: { OR: [{ nameTh: "บุกรุก" }, { active: false }] } })).toBe(0);
    expect(await context.database.db.user.count({ where: { username: "intruder" } })).toBe(0);
  });

  it("the account procedures: a link is its own key, and changing a password needs a signed-in caller", async () => {
    const visitor = callerFor(context.database.db, null);
    await expectRefused(visitor.account.passwordLink({ token: "x".repeat(43) }), ["NOT_FOUND"]);
    await expectRefused(visitor.account.setPassword({ token: "x".repeat(43), password: "a long enough password" }), ["NOT_FOUND"]);
    await expectRefused(visitor.account.changePassword({ currentPassword: "x", newPassword: "a long enough password" }), ["UNAUTHORIZED"]);
  });
});

describe("framework procedures", () => {
  const nonAdmins = () => [context.world.users.editorA1, context.world.users.signerA1, context.world.users.districtA1, context.world.users.provinceA, context.world.users.provinceB, context.world.users.noRole];
  // Each year's framework is the national administrator's alone.
  const adminOnly: Record<string, (caller: Caller) => Promise<unknown>> = {
    "framework.years": (caller) => caller.framework.years(),
    "framework.get": (caller) => caller.framework.get({ yearBe: 2568 }),
    "framework.copyYear": (caller) => caller.framework.copyYear({ fromYearBe: 2568 }),
    "framework.setOpen": (caller) => caller.framework.setOpen({ yearBe: 2568, isOpen: false }),
    "framework.saveDeadline": (caller) => caller.framework.saveDeadline({ yearBe: 2568, submissionDeadline: "2026-03-01" }),
    "framework.saveLevelRules": (caller) =>
      caller.framework.saveLevelRules({ yearBe: 2568, rules: [{ label: "ทุกคน", minTotal: 0, minEachTool: null, passing: true }] }),
    "framework.saveIndicators": (caller) => caller.framework.saveIndicators({ yearBe: 2568, indicators: [{ number: 1, nameTh: "ก", tool: "IIT" }] }),
    "framework.saveSuggestedIssues": (caller) => caller.framework.saveSuggestedIssues({ yearBe: 2568, issues: [] }),
  };
  // A province's deadline is its administrator's: a foreign province looks like a missing one.
  const perProvince: Record<string, (caller: Caller, provinceId: string) => Promise<unknown>> = {
    "framework.extendDeadline": (caller, provinceId) => caller.framework.extendDeadline({ yearBe: 2568, provinceId, deadline: "2026-06-30" }),
    "framework.removeDeadlineExtension": (caller, provinceId) => caller.framework.removeDeadlineExtension({ yearBe: 2568, provinceId }),
  };

  it("are all listed here", () => {
    const names = Object.keys(appRouter._def.procedures).filter((name) => name.startsWith("framework."));
    expect(names.sort()).toEqual([...Object.keys(adminOnly), ...Object.keys(perProvince), "framework.deadlines"].sort());
  });

  const frameworkState = async () => {
    const db = context.database.db;
    return Promise.all([
      db.fiscalYear.findMany({ orderBy: { yearBe: "asc" } }),
      db.levelRule.count(),
      db.itaIndicator.count(),
      db.suggestedIssue.count(),
      db.deadlineExtension.findMany(),
    ]);
  };

  for (const [name, call] of Object.entries(adminOnly)) {
    it(`${name}: refused to everyone but an admin, changing nothing`, async () => {
      const before = await frameworkState();
      for (const user of nonAdmins()) await expectRefused(call(callerFor(context.database.db, user.id)), ["FORBIDDEN"]);
      await expectRefused(call(callerFor(context.database.db, null)), ["UNAUTHORIZED"]);
      expect(await frameworkState()).toEqual(before);
    });
  }

  for (const [name, call] of Object.entries(perProvince)) {
    it(`${name}: nobody but its administrator reaches a province; an unknown one is NOT_FOUND`, async () => {
      const before = await frameworkState();
      for (const user of nonAdmins()) {
        await expectRefused(call(callerFor(context.database.db, user.id), context.world.provinces.A.id), ["NOT_FOUND"]);
      }
      await expectRefused(call(callerFor(context.database.db, context.world.users.admin.id), "no-such-province"), ["NOT_FOUND"]);
      await expectRefused(call(callerFor(context.database.db, null), context.world.provinces.A.id), ["UNAUTHORIZED"]);
      expect(await frameworkState()).toEqual(before);
    });
  }

  it("framework.deadlines: lists only the provinces the caller administers (none: FORBIDDEN)", async () => {
    for (const user of nonAdmins()) {
      await expectRefused(callerFor(context.database.db, user.id).framework.deadlines({ yearBe: 2568 }), ["FORBIDDEN"]);
    }
    const all = await callerFor(context.database.db, context.world.users.admin.id).framework.deadlines({ yearBe: 2568 });
    expect(all.provinces.map((province) => province.id).sort()).toEqual([context.world.provinces.A.id, context.world.provinces.B.id].sort());
  });
});

describe("score procedures", () => {
  it("are all listed here", () => {
    expect(Object.keys(appRouter._def.procedures).filter((name) => name.startsWith("scores.")).sort()).toEqual(["scores.import"]);
  });

  it("scores.import: province B's reviewer writes nothing of province A; preparers and district reviewers are refused", async () => {
    const db = context.database.db;
    const file = (apply: boolean) => ({
      fileName: "ita.csv",
      // A1 and B by DLA code, FY2568.
      contentBase64: Buffer.from("รหัส อปท.,ชื่อหน่วยงาน,ปีงบประมาณ,คะแนน ITA\nT0001,อบต.ทดสอบเอหนึ่ง,2568,91\nT0004,อบต.ทดสอบบี,2568,92\n").toString("base64"),
      apply,
    });
    const before = await db.itaResult.findMany({ orderBy: { id: "asc" } });
    for (const user of [context.world.users.editorA1, context.world.users.districtA1, context.world.users.signerA1, context.world.users.editorB]) {
      await expectRefused(callerFor(db, user.id).scores.import(file(true)), ["FORBIDDEN"]);
    }
    await expectRefused(callerFor(db, null).scores.import(file(true)), ["UNAUTHORIZED"]);
    expect(await db.itaResult.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    // DLA codes here are not 8 digits: matched by name instead; province B's reviewer sees only B.
    const dry = await callerFor(db, context.world.users.provinceB.id).scores.import({
      ...file(false),
      contentBase64: Buffer.from("ชื่อหน่วยงาน,ปีงบประมาณ,คะแนน ITA\nอบต.ทดสอบเอหนึ่ง,2568,91\nอบต.ทดสอบบี,2568,92\n").toString("base64"),
    });
    expect(dry.newRows.map((row) => row.organizationId)).toEqual([context.world.organizations.B.id]);
    // A's organisation is unmatched, and the closest names offered are B's own only.
    expect(dry.unmatchedRows.map((row) => [row.line, row.suggestions.map((suggestion) => suggestion.dlaCode)])).toEqual([[2, ["T0004"]]]);
  });
});

describe("home", () => {
  it("sends each user to their place", async () => {
    const home = async (userId: string) => (await callerFor(context.database.db, userId).me.get()).homePath;
    expect(await home(context.world.users.editorA1.id)).toBe(`/organizations/${context.world.organizations.A1.id}`);
    expect(await home(context.world.users.provinceA.id)).toBe(`/areas/province/${context.world.provinces.A.id}`);
    expect(await home(context.world.users.districtA1.id)).toBe(`/areas/district/${context.world.districts.A1.id}`);
    expect(await home(context.world.users.admin.id)).toBe("/admin");
    expect(await home(context.world.users.noRole.id)).toBe("/no-access");
  });

  it("a disabled account is signed out on its next call", async () => {
    await context.database.db.user.update({ where: { id: context.world.users.noRole.id }, data: { disabled: true } });
    await expectRefused(callerFor(context.database.db, context.world.users.noRole.id).me.get(), ["UNAUTHORIZED"]);
  });
});
