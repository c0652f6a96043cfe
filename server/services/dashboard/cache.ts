// The dashboards' results, kept in this process until the data they count changes. At national
// scale some of them aggregate 75,000 scores, while many reviewers look at the same few views: a
// cached answer costs one tiny query instead.
//
// Staleness: the database keeps a version per province and fiscal year ("DashboardVersion"),
// bumped by its own triggers at the commit of every change to a table the dashboards read (see
// migration 20261130121542_dashboard_versions): ITA results and reports of the province's
// organisations in that year, report content while the report is with the province or
// accepted, the registry (every year of the province), a year's framework (that year in every
// province) and fiscal years (everything). No write path has anything to call. Each answer names
// the provinces and years it reads (its dependency); a cached call reads the sum of their
// versions first and reuses the answer only under the sum it was computed at, so every server
// process sees a change at once, and a change in one province or year leaves the answers about
// the others cached. Failed computations are not kept.
import { Prisma, unnarrowedClient, visibleRowsKey, type DbClient } from "@/server/db/client";
import type { AreaNode } from "@/server/access/access";

const MAX_ENTRIES = 500;

type Entry = { token: string; value: Promise<unknown> };

// One cache per database client (tests and benchmarks open several in one process), shared by
// every request: keyed by the client before a request narrows it to its caller (row-level
// security). An answer is reused only for callers who see the same rows (visibleRowsKey), so it
// was computed under the reader's own scope.
const caches = new WeakMap<object, Map<string, Entry>>();

/** The province an answer reads: one, named directly or through what lies in it, or every province. */
export type DependencyProvince =
  | "all"
  | { provinceId: string }
  | { provinceCode: string }
  | { districtId: string }
  | { organizationId: string }
  | { dlaCode: string };

/** What an answer reads: one province or all, and some fiscal years (BE) or, when omitted, all. */
export type DashboardDependency = { province: DependencyProvince; years?: readonly number[] };

/** The dependency of an answer about an area (a district reads its province's versions). */
export function areaDependency(area: AreaNode, years?: readonly number[]): DashboardDependency {
  const province: DependencyProvince =
    area.kind === "national" ? "all" : area.kind === "province" ? { provinceId: area.id } : { districtId: area.id };
  return { province, years };
}

function provinceIdSql(province: Exclude<DependencyProvince, "all">): Prisma.Sql {
  if ("provinceId" in province) return Prisma.sql`${province.provinceId}`;
  if ("provinceCode" in province) return Prisma.sql`(SELECT id FROM "Province" WHERE code = ${province.provinceCode})`;
  if ("districtId" in province) return Prisma.sql`(SELECT "provinceId" FROM "District" WHERE id = ${province.districtId})`;
  const organization = "organizationId" in province ? Prisma.sql`o.id = ${province.organizationId}` : Prisma.sql`o."dlaCode" = ${province.dlaCode}`;
  return Prisma.sql`(SELECT d."provinceId" FROM "LocalOrganization" o JOIN "District" d ON d.id = o."districtId" WHERE ${organization})`;
}

/**
 * The sum of the versions an answer depends on ("" rows: changes to every province or every
 * year), with the province and years it resolved to: a sum is only compared with sums over the
 * same rows (an organisation that moved reads another province's). Also what the kept public
 * pages are kept under (server/http/public-page-cache.ts).
 */
export async function dashboardVersionToken(db: DbClient, { province, years }: DashboardDependency): Promise<string> {
  const provinceId = province === "all" ? Prisma.sql`'*'` : provinceIdSql(province);
  const yearIds =
    years === undefined
      ? Prisma.sql`ARRAY['*']`
      : years.length === 0
        ? Prisma.sql`ARRAY[]::text[]`
        : Prisma.sql`ARRAY(SELECT id FROM "FiscalYear" WHERE "yearBe" IN (${Prisma.join([...years])}) ORDER BY id)`;
  const [row] = await db.$queryRaw<{ token: string }[]>`
    WITH scope AS (SELECT ${provinceId}::text AS province, ${yearIds} AS years)
    SELECT concat_ws('|', coalesce(sum(v.version), 0), scope.province, array_to_string(scope.years, ',')) AS token
      FROM scope LEFT JOIN "DashboardVersion" v
        ON (scope.province = '*' OR v."provinceId" IN ('', scope.province))
       AND (scope.years = ARRAY['*'] OR v."fiscalYearId" = '' OR v."fiscalYearId" = ANY(scope.years))
     GROUP BY scope.province, scope.years`;
  return row!.token;
}

/**
 * compute()'s answer for this key, reused while the versions of what it depends on stay, computed
 * again after any change there. The key must name everything the answer depends on (procedure,
 * area, input); dependsOn must cover every province and year it reads. The caller has checked
 * access before asking.
 */
export async function cachedDashboardResult<T>(
  { db, key, dependsOn }: { db: DbClient; key: unknown[]; dependsOn: DashboardDependency },
  compute: () => Promise<T>,
): Promise<T> {
  const shared = unnarrowedClient(db);
  let cache = caches.get(shared);
  if (!cache) caches.set(shared, (cache = new Map()));
  const cacheKey = JSON.stringify([visibleRowsKey(db), ...key]);
  // Read unnarrowed: the counters hold no tenant data, and the country-wide row ("", bumped by a
  // year's framework) belongs to no province, so a caller's scope would hide it.
  const token = await dashboardVersionToken(shared, dependsOn);
  const hit = cache.get(cacheKey);
  if (hit && hit.token === token) {
    // Most recently used last: Map keeps insertion order.
    cache.delete(cacheKey);
    cache.set(cacheKey, hit);
    return hit.value as Promise<T>;
  }
  const value = compute();
  cache.set(cacheKey, { token, value });
  value.catch(() => {
    if (cache.get(cacheKey)?.value === value) cache.delete(cacheKey);
  });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return value;
}

/** Forgets every cached answer of a database client (benchmarks of the uncached path). */
export function clearDashboardCache(db: DbClient): void {
  caches.get(unnarrowedClient(db))?.clear();
}
