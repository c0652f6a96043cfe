// Row-level security, the second wall (README, Security model): every table that holds an
// organisation's, a district's or a province's data, and every table reached through a report
// or a score, has a forced policy; a client narrowed to one caller's scope sees and writes only
// that scope's rows even when a query asks for everything (raw SQL, no where clause); the scope
// lives in the transaction only. On PostgreSQL the client is the app role; on the embedded
// database the narrowed transactions switch to it (the app runs there as the owner).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scopedDb, type Db, type DbScope } from "@/server/db/client";
import { createWorld, type World } from "./helpers/fixtures";
import { openTestDatabase, type TestDatabase } from "./helpers/db";

let database: TestDatabase;
let world: World;

/** The tables reached through a report or an ITA result rather than by a column of their own. */
const REACHED_THROUGH_A_PARENT = ["EvidenceLink", "ItaIndicatorScore", "ItaResultChange", "Measure", "MeasureResultItem", "ReportIssue", "ReportRevision", "ReviewComment", "SignOff"];

async function addReport(db: Db, organizationId: string) {
  const fiscalYear = await db.fiscalYear.findUniqueOrThrow({ where: { yearBe: 2568 } });
  return db.yearlyReport.create({
    data: {
      organizationId,
      fiscalYearId: fiscalYear.id,
      issuingSection: "สำนักปลัด",
      subject: "รายงาน",
      addressee: "นายอำเภอ",
      issues: {
        create: {
          ordinal: 1,
          title: "ประเด็น",
          measures: { create: { ordinal: 1, title: "มาตรการ", periodStart: new Date("2025-01-01"), periodEnd: new Date("2025-06-30") } },
        },
      },
    },
  });
}

const organizationScope = (): DbScope => ({
  kind: "nodes",
  userId: world.users.editorA1.id,
  organizationIds: [world.organizations.A1.id],
  districtIds: [],
  provinceIds: [],
  aboveDistrictIds: [world.districts.A1.id],
  aboveProvinceIds: [world.provinces.A.id],
});

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database.db);
  for (const organization of Object.values(world.organizations)) {
    await addReport(database.db, organization.id);
    await database.db.auditEvent.create({ data: { action: "test.rls", entityType: "LocalOrganization", entityId: organization.id, organizationId: organization.id } });
  }
});
afterAll(() => database.close());

describe("row-level security", () => {
  it("every table with an organisation, district or province column, and every table reached through a report or a score, has a forced policy", async () => {
    const tables = await database.db.$queryRaw<{ table: string; enabled: boolean; forced: boolean; policies: number; scoped: boolean }[]>`
      SELECT c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
             (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies,
             EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                        AND a.attname IN ('organizationId', 'districtId', 'provinceId')) AS scoped
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
       ORDER BY 1`;
    const covered = tables.filter((table) => table.scoped || REACHED_THROUGH_A_PARENT.includes(table.table));
    expect(covered.map((table) => table.table)).toEqual(expect.arrayContaining(["AuditEvent", "District", "LocalOrganization", "Measure", "RoleAssignment", "YearlyReport"]));
    expect(covered.filter((table) => !table.enabled || !table.forced || table.policies === 0).map((table) => table.table)).toEqual([]);
  });

  it("under one organisation's scope, a query without any where clause sees only that organisation's rows", async () => {
    const narrowed = scopedDb(database.db, organizationScope());
    const seen = await narrowed.$transaction(async (tx) => ({
      reports: await tx.$queryRaw<{ organizationId: string }[]>`SELECT "organizationId" FROM "YearlyReport"`,
      measures: await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Measure"`,
      organizations: await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "LocalOrganization"`,
      districts: await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "District"`,
      audit: await tx.$queryRaw<{ organizationId: string }[]>`SELECT "organizationId" FROM "AuditEvent"`,
    }));
    expect(seen.reports).toEqual([{ organizationId: world.organizations.A1.id }]);
    expect(seen.measures).toEqual([{ n: 1 }]);
    expect(seen.organizations).toEqual([{ id: world.organizations.A1.id }]);
    expect(seen.districts).toEqual([{ id: world.districts.A1.id }]);
    expect(seen.audit).toEqual([{ organizationId: world.organizations.A1.id }]);
    // Outside a transaction too: each query carries the scope in a transaction of its own.
    expect(await narrowed.yearlyReport.count()).toBe(1);
    expect(await narrowed.yearlyReport.findMany({ where: { organizationId: world.organizations.B.id } })).toEqual([]);
    // The unnarrowed client (jobs, public pages, sign-in) still sees every row.
    expect(await database.db.yearlyReport.count()).toBe(4);
  });

  it("calls of a narrowed and the unnarrowed client made at the same moment each run under their own scope", async () => {
    const narrowed = scopedDb(database.db, organizationScope());
    const foreign = { where: { id: world.organizations.B.id } };
    // Prisma gathers the findUniques of one tick into one statement: a narrowed one must not join the others.
    const [first, second, third] = await Promise.all([
      database.db.localOrganization.findUnique(foreign),
      narrowed.localOrganization.findUnique(foreign),
      database.db.localOrganization.findUnique(foreign),
    ]);
    expect([first?.id, second, third?.id]).toEqual([world.organizations.B.id, null, world.organizations.B.id]);
    const [narrowedFirst, systemSecond] = await Promise.all([
      narrowed.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "YearlyReport"`,
      database.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "YearlyReport"`,
    ]);
    expect([narrowedFirst, systemSecond]).toEqual([[{ n: 1 }], [{ n: 4 }]]);
    // Inside a narrowed transaction, a query of the unnarrowed client stays unnarrowed. (Not on
    // the embedded database: its one connection waits for the open transaction to end.)
    if (database.kind === "postgresql") {
      const inside = await narrowed.$transaction(async (tx) => ({
        own: await tx.yearlyReport.count(),
        system: await database.db.yearlyReport.count(),
      }));
      expect(inside).toEqual({ own: 1, system: 4 });
    }
    // A failed statement outside a transaction leaves no scope and no open transaction behind.
    await expect(narrowed.$queryRaw`SELECT 1 / 0`).rejects.toThrow();
    const counts = await Promise.all(Array.from({ length: 12 }, () => database.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "YearlyReport"`));
    expect(counts.map(([row]) => row!.n)).toEqual(Array(12).fill(4));
  });

  it("a province's scope sees its organisations, not the other province's", async () => {
    const province: DbScope = { kind: "nodes", userId: world.users.provinceA.id, organizationIds: [], districtIds: [], provinceIds: [world.provinces.A.id], aboveDistrictIds: [], aboveProvinceIds: [] };
    const reports = await scopedDb(database.db, province).$queryRaw<{ organizationId: string }[]>`SELECT "organizationId" FROM "YearlyReport" ORDER BY 1`;
    const provinceA = [world.organizations.A1.id, world.organizations.A1b.id, world.organizations.A2.id].sort();
    expect(reports.map((report) => report.organizationId)).toEqual(provinceA);
    const national = await scopedDb(database.db, { kind: "national", userId: world.users.admin.id }).yearlyReport.count();
    expect(national).toBe(4);
  });

  it("cannot write another organisation's rows under one organisation's scope", async () => {
    const narrowed = scopedDb(database.db, organizationScope());
    await expect(addReport(narrowed, world.organizations.B.id)).rejects.toThrow(/row-level security/);
    await expect(
      narrowed.auditEvent.create({ data: { action: "test.rls.forged", entityType: "LocalOrganization", entityId: "x", organizationId: world.organizations.B.id } }),
    ).rejects.toThrow(/row-level security/);
    const changed = await narrowed.$executeRaw`UPDATE "YearlyReport" SET subject = 'แก้' WHERE "organizationId" <> ${world.organizations.A1.id}`;
    expect(changed).toBe(0);
    expect(await database.db.yearlyReport.count({ where: { subject: "แก้" } })).toBe(0);
    // Its own organisation's rows it may write.
    await narrowed.auditEvent.create({ data: { action: "test.rls.own", entityType: "LocalOrganization", entityId: "x", organizationId: world.organizations.A1.id } });
  });

  it("without a scope a transaction sees no row, and a scope ends with its transaction, committed or rolled back", async () => {
    const narrowed = scopedDb(database.db, organizationScope());
    const unscoped = await narrowed.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('prongsai.scope', '', true)`;
      return tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "YearlyReport"`;
    });
    expect(unscoped).toEqual([{ n: 0 }]);
    await expect(narrowed.$transaction(async (tx) => tx.$queryRaw`SELECT 1 / 0`)).rejects.toThrow();
    // However many pooled connections, none carries the narrowed scope on.
    const counts = await Promise.all(Array.from({ length: 12 }, () => database.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "YearlyReport"`));
    expect(counts.map(([row]) => row!.n)).toEqual(Array(12).fill(4));
  });
});
