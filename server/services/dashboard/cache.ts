// The dashboards' results, kept in this process until the data they count changes. At national
// scale some of them aggregate 75,000 scores (the trend: ~150 ms on PostgreSQL), while many
// reviewers look at the same few views: a cached answer costs one tiny query instead.
//
// Staleness: DashboardDataVersion's single row is bumped, in the same transaction, by every
// write the dashboards count — markDashboardDataChanged below is called by ITA result saves,
// report creation and every report status change (workflow), and the seeds. A new write path to
// ItaResult, YearlyReport.status, LocalOrganization or a year's LevelRule must call it too. Each cached call reads
// the version first: an answer is only reused under the version it was computed at, so every
// server process sees a change at once. Failed computations are not kept.
import type { DbClient } from "@/server/db/client";

const MAX_ENTRIES = 500;

type Entry = { version: number; value: Promise<unknown> };

// One cache per database client (tests and benchmarks open several in one process).
const caches = new WeakMap<object, Map<string, Entry>>();

export async function markDashboardDataChanged(tx: DbClient): Promise<void> {
  await tx.$executeRaw`UPDATE "DashboardDataVersion" SET version = version + 1 WHERE id = 1`;
}

async function currentVersion(db: DbClient): Promise<number> {
  const [row] = await db.$queryRaw<{ version: number }[]>`SELECT version FROM "DashboardDataVersion" WHERE id = 1`;
  return row?.version ?? 0;
}

/**
 * compute()'s answer for this key at the current data version: reused while the version stays,
 * computed again after any counted change. The key must name everything the answer depends on
 * (procedure, area, input); the caller has checked access before asking.
 */
export async function cachedDashboardResult<T>(db: DbClient, key: unknown[], compute: () => Promise<T>): Promise<T> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const cacheKey = JSON.stringify(key);
  const version = await currentVersion(db);
  const hit = cache.get(cacheKey);
  if (hit && hit.version === version) {
    // Most recently used last: Map keeps insertion order.
    cache.delete(cacheKey);
    cache.set(cacheKey, hit);
    return hit.value as Promise<T>;
  }
  const value = compute();
  cache.set(cacheKey, { version, value });
  value.catch(() => {
    if (cache.get(cacheKey)?.value === value) cache.delete(cacheKey);
  });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return value;
}

/** Forgets every cached answer of a database client (benchmarks of the uncached path). */
export function clearDashboardCache(db: DbClient): void {
  caches.get(db)?.clear();
}
