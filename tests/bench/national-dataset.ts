// The national synthetic dataset for the benchmarks (npm run db:seed:national's generator),
// kept between runs: a PostgreSQL database prongsai_bench_national and PGlite in
// .data/bench-national. Built on first use (minutes); BENCH_REBUILD=1 builds it again.
// BENCH_NATIONAL_DATABASE names another PostgreSQL database (helpers sharing one server keep their own).
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { scopedDb, type Db } from "@/server/db/client";
import { dbScopeOf, loadAccess } from "@/server/access/access";
import { hasCompleteNationalDataset, hasNationalDataset, seedNationalDataset } from "@/prisma/seed/national";
import { openPGliteBenchDatabase, openPostgresBenchDatabase, type BenchDatabase } from "./databases";
import type { BenchCallers, BenchTargets } from "./dashboard/types";

export const NATIONAL_DATABASE = process.env.BENCH_NATIONAL_DATABASE ?? "prongsai_bench_national";
export const NATIONAL_PGLITE_DIR = ".data/bench-national";

async function ensureSeeded(database: BenchDatabase, rebuild: () => Promise<BenchDatabase>): Promise<BenchDatabase> {
  if ((await hasCompleteNationalDataset(database.db)) && !process.env.BENCH_REBUILD) return database;
  // Anything there is a build stopped half-way (or BENCH_REBUILD): start from an empty database.
  const fresh = (await hasNationalDataset(database.db)) ? await rebuild() : database;
  console.log(`building the national dataset on ${fresh.kind} (once; kept for later runs)…`);
  const started = performance.now();
  const summary = await seedNationalDataset(fresh.db, {});
  console.log(`  ${JSON.stringify(summary)} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return fresh;
}

export async function openNationalPostgres(adminUrl: string): Promise<BenchDatabase> {
  const database = await openPostgresBenchDatabase(adminUrl, NATIONAL_DATABASE);
  return ensureSeeded(database, async () => {
    await database.drop();
    return openPostgresBenchDatabase(adminUrl, NATIONAL_DATABASE);
  });
}

export async function openNationalPGlite(): Promise<BenchDatabase> {
  const database = await openPGliteBenchDatabase(NATIONAL_PGLITE_DIR);
  return ensureSeeded(database, async () => {
    await database.close();
    const { rmSync } = await import("node:fs");
    rmSync(NATIONAL_PGLITE_DIR, { recursive: true, force: true });
    return openPGliteBenchDatabase(NATIONAL_PGLITE_DIR);
  });
}

/** The largest province, one of its districts and an organisation there with a report of the newest year with reports. */
export async function pickTargets(db: Db): Promise<BenchTargets> {
  const [report] = await db.$queryRaw<{ yearBe: number; provinceId: string; districtId: string; organizationId: string; suggestedIssueId: string; measureId: string }[]>`
    WITH largest AS (
      SELECT d."provinceId" FROM "LocalOrganization" o JOIN "District" d ON d.id = o."districtId"
       GROUP BY d."provinceId" ORDER BY count(*) DESC, d."provinceId" LIMIT 1
    )
    SELECT f."yearBe", d."provinceId", d.id AS "districtId", o.id AS "organizationId", i."suggestedIssueId", m.id AS "measureId"
      FROM "YearlyReport" y
      JOIN "FiscalYear" f ON f.id = y."fiscalYearId"
      JOIN "LocalOrganization" o ON o.id = y."organizationId"
      JOIN "District" d ON d.id = o."districtId"
      JOIN "ReportIssue" i ON i."reportId" = y.id AND i."suggestedIssueId" IS NOT NULL
      JOIN "Measure" m ON m."issueId" = i.id
     WHERE d."provinceId" = (SELECT "provinceId" FROM largest) AND y.status = 'ACCEPTED'
     ORDER BY f."yearBe" DESC, d.code, o."dlaCode", i.ordinal, m.ordinal
     LIMIT 1`;
  if (!report) throw new Error("the national dataset has no accepted report with measures");
  return report;
}

/**
 * An admin and the target province's reviewer, created once: each as a tRPC caller, and the
 * client narrowed to its rows that the hand-written references run through.
 */
export async function benchCallers(db: Db, targets: BenchTargets): Promise<BenchCallers> {
  const user = async (username: string, grant: Record<string, unknown>) => {
    const existing = await db.user.findUnique({ where: { username } });
    if (existing) return existing.id;
    return (await db.user.create({ data: { username, displayName: username, passwordHash: "x", roles: { create: grant as never } } })).id;
  };
  const callerOf = async (userId: string) => {
    const access = await loadAccess(db, userId);
    if (!access) throw new Error(`bench user ${userId} has no access`);
    return {
      caller: createCaller(createContext({ db, userId, request: { ipAddress: "127.0.0.1", userAgent: "bench" } })),
      db: scopedDb(db, dbScopeOf(access)),
    };
  };
  return {
    admin: await callerOf(await user("bench.admin", { role: "ADMIN" })),
    provinceReviewer: await callerOf(await user(`bench.province.${targets.provinceId}`, { role: "PROVINCE_REVIEWER", provinceId: targets.provinceId })),
  };
}
