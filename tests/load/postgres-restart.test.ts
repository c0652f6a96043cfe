// The app's PostgreSQL client across a restart of the server (its own throwaway cluster):
// transactions open when PostgreSQL stops fail as "database unavailable", and their connections
// go back to the pool, so that queries and transactions answer again once it is up. Before the
// pool gave back lost connections (releasingPool), the ten slots stayed taken and everything
// after the restart waited forever; and a connection made as the server shut down could throw
// its "terminating connection" as an uncaught exception (Vitest fails a run that has one).
import { afterAll, beforeAll, expect, it } from "vitest";
import { prismaOnPostgres, type Db } from "@/server/db/client";
import { isDatabaseUnavailable } from "@/server/db/unavailable";
import { startThrowawayCluster, type StopMode, type ThrowawayCluster } from "./postgres-cluster";

let cluster: ThrowawayCluster;
let db: Db;
beforeAll(async () => {
  cluster = await startThrowawayCluster();
  db = prismaOnPostgres(cluster.url("postgres"));
});
afterAll(async () => {
  await db?.$disconnect();
  cluster?.destroy();
});

const within = <T,>(ms: number, promise: Promise<T>) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))]);

it.each<StopMode>(["fast", "immediate"])("PostgreSQL stopped (%s) under open transactions: they fail as unavailable, and afterwards the pool answers", async (mode) => {
  // More transactions than the pool's ten connections, each a second long.
  const open = Array.from({ length: 12 }, () =>
    db
      .$transaction(async (tx) => {
        for (let step = 0; step < 5; step++) await tx.$queryRaw`SELECT 1 AS x FROM pg_sleep(0.2)`;
      })
      .then(
        () => "committed",
        (error: unknown) => (isDatabaseUnavailable(error) ? "unavailable" : `unexpected: ${error}`),
      ),
  );
  await new Promise((resolve) => setTimeout(resolve, 300));
  await cluster.stop(mode);
  await cluster.start();
  const outcomes = await within(45_000, Promise.all(open));
  expect(outcomes.filter((outcome) => outcome !== "committed" && outcome !== "unavailable")).toEqual([]);
  expect(outcomes).toContain("unavailable");
  await expect(within(5_000, db.$queryRaw<{ one: number }[]>`SELECT 1 AS one`)).resolves.toEqual([{ one: 1 }]);
  await expect(within(5_000, db.$transaction((tx) => tx.$queryRaw<{ two: number }[]>`SELECT 2 AS two`))).resolves.toEqual([{ two: 2 }]);
});
