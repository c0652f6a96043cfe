// A transaction waits its turn while every connection is taken, rather than failing with
// Prisma's "Unable to start a transaction in the given time" after its default 2 s: under load
// (200 preparers autosaving at once, tests/load) most saves failed so. The connections: the pool's
// ten on PostgreSQL, the one of the embedded database.
import { afterAll, beforeAll, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "./helpers/db";

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

it("with every connection held for 2.5 s, one more transaction waits and then runs", async () => {
  const connections = database.kind === "postgresql" ? 10 : 1;
  const hold = () => new Promise((resolve) => setTimeout(resolve, 2_500));
  const started = Date.now();
  const outcomes = await Promise.all(
    Array.from({ length: connections + 1 }, (_, index) =>
      database.db.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT 1`;
        await hold();
        return index;
      }),
    ),
  );
  expect(outcomes).toEqual(Array.from({ length: connections + 1 }, (_, index) => index));
  // The last one waited for a connection to come free.
  expect(Date.now() - started).toBeGreaterThanOrEqual(5_000);
});
