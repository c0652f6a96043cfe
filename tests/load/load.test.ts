// The load and fault checks on PostgreSQL in their short form, about 15 s each
// (`npm run bench:load` runs them in full, with 200 preparers): through `npm start` on a throwaway
// PostgreSQL cluster, preparers autosaving; the same while PostgreSQL stops and starts, and while
// the app is killed mid-save and started again. Each counts every report's rows against what was
// sent (tests/load/ledger.ts) and prints its figures.
import path from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import { PostgresRig } from "./checks";
import { expectSound, logFolder } from "./expect-sound";

const PREPARERS = 20;
const SECONDS = 15;
const logDir = logFolder();

describe("on PostgreSQL, through npm start", () => {
  let rig: PostgresRig;
  beforeAll(async () => {
    rig = await PostgresRig.start({ preparers: PREPARERS, logFile: path.join(logDir, "app-postgresql.log") });
  });
  afterAll(() => rig?.close());

  it("preparers autosaving: every save applied once and whole, no error", async () => {
    expectSound(await rig.steady(SECONDS), "none", logDir);
  });

  it("PostgreSQL stopped and started mid-load: only 503s that say to try again, then every preparer saves again, nothing lost", async () => {
    expectSound(await rig.postgresRestart(SECONDS, "fast"), "database", logDir);
  });

  it("the app killed mid-save (SIGKILL) and started again: nothing lost or half-written, every preparer saves again", async () => {
    expectSound(await rig.appKill(SECONDS), "kill", logDir);
  });
});
