// Two app instances (two `npm start` processes, each a web server with a worker beside it) on one
// PostgreSQL database of their own, as behind a load balancer: work started through one instance,
// whose instance is then killed mid-way, is finished by the other's worker and polled and
// downloaded through it — a summary export, then a report's PDF. "Mid-way" is made certain: the
// test holds a lock on the stored files' chunks, so the job stops at its first write, with the
// export marked running; the instance is killed there and the lock let go.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { seedDemoData } from "@/prisma/seed/demo";
import { openPostgresBenchDatabase } from "@/tests/bench/databases";
import { startApp, type RunningApp } from "./app";
import { startThrowawayCluster, type ThrowawayCluster } from "./postgres-cluster";
import { signInOverHttp } from "./preparers";

const PASSWORD = "two-instances-password-2569";
const logDir = fs.mkdtempSync(path.join(os.tmpdir(), "prongsai-two-instances-"));
let cluster: ThrowawayCluster;
let database: Awaited<ReturnType<typeof openPostgresBenchDatabase>>;
let url: string;
const running: RunningApp[] = [];

beforeAll(async () => {
  cluster = await startThrowawayCluster();
  database = await openPostgresBenchDatabase(cluster.url("postgres"), "prongsai");
  await seedDemoData(database.db, { password: PASSWORD });
  url = cluster.url("prongsai");
});
afterAll(async () => {
  for (const app of running) await app.stop("SIGKILL");
  await database?.close();
  cluster?.destroy();
});

/** An instance as `npm start` runs it; a job of a dead instance is taken up again after 5 s. */
async function startInstance(name: string): Promise<RunningApp> {
  const app = await startApp({
    env: { DATABASE_URL: url, AUTH_SECRET: "two-instances-secret-0123456789abcdef", LOG_LEVEL: "warn", JOB_EXPIRE_SECONDS: "5", JOB_MAINTENANCE_SECONDS: "1" },
    logFile: path.join(logDir, `${name}.log`),
  });
  running.push(app);
  return app;
}

/** Holds back every write of a stored file's bytes until released: a job writing one waits there. */
async function holdFileWrites() {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("BEGIN");
  await client.query('LOCK TABLE "StoredFileChunk" IN SHARE MODE');
  return {
    /** Resolves once some session waits for the lock: a job is mid-way. */
    async jobWaiting(timeoutMs = 60_000) {
      for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 100))) {
        const { rows } = await client.query<{ waiting: number }>(
          `SELECT count(*)::int AS waiting FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'StoredFileChunk' AND NOT l.granted`,
        );
        if (rows[0]!.waiting > 0) return;
      }
      throw new Error("no job reached its file within the time");
    },
    async release() {
      await client.query("COMMIT");
      await client.end();
    },
  };
}

const trpc = async <T,>(app: RunningApp, cookie: string, procedure: string, input: unknown, method: "GET" | "POST" = "GET"): Promise<T> => {
  const payload = JSON.stringify({ json: input });
  const response =
    method === "GET"
      ? await fetch(`${app.base}/api/trpc/${procedure}?input=${encodeURIComponent(payload)}`, { headers: { cookie } })
      : await fetch(`${app.base}/api/trpc/${procedure}`, { method, headers: { cookie, origin: app.base, "content-type": "application/json" }, body: payload });
  const body = (await response.json()) as { result?: { data: { json: T } }; error?: unknown };
  if (!body.result) throw new Error(`${procedure}: ${JSON.stringify(body.error)}`);
  return body.result.data.json;
};

it("an export started on one instance, killed mid-way, is finished by the other and downloaded through it", async () => {
  const province = await database.db.province.findFirstOrThrow({ where: { nameTh: "สมุทรสงคราม" } });
  const first = await startInstance("first");
  const cookie = await signInOverHttp(first.base, "province.skm", PASSWORD);

  const hold = await holdFileWrites();
  const { jobId } = await trpc<{ jobId: string }>(first, cookie, "export.start", { area: { kind: "province", id: province.id }, yearBe: 2568, includeUnaccepted: true, format: "XLSX" }, "POST");
  await hold.jobWaiting();
  expect((await database.db.exportJob.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("RUNNING");
  await first.stop("SIGKILL");
  await hold.release();

  // The other instance starts after the first is gone: whatever finishes the job is its worker.
  const second = await startInstance("second");
  let status = await trpc<{ status: string; downloadUrl: string | null }>(second, cookie, "export.status", { jobId });
  for (const deadline = Date.now() + 120_000; status.status !== "DONE" && status.status !== "FAILED" && Date.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    status = await trpc(second, cookie, "export.status", { jobId });
  }
  expect(status).toMatchObject({ status: "DONE", downloadUrl: `/api/exports/${jobId}` });
  const download = await fetch(`${second.base}${status.downloadUrl}`, { headers: { cookie } });
  expect(download.status).toBe(200);
  const bytes = Buffer.from(await download.arrayBuffer());
  expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK"); // a workbook (a zip)
  expect(bytes.length).toBeGreaterThan(5_000);
});

it("a report's PDF asked of one instance, killed while it is drawn, comes from the other", async () => {
  const second = running[1];
  const report = await database.db.yearlyReport.findFirstOrThrow({ where: { organization: { nameTh: "องค์การบริหารส่วนตำบลท้ายหาด" }, fiscalYear: { yearBe: 2568 } } });
  const cookie = await signInOverHttp(second!.base, "thaihad.editor", PASSWORD);

  const hold = await holdFileWrites();
  // The request waits for the worker's file; its instance dies under it.
  const asked = fetch(`${second!.base}/api/reports/${report.id}/pdf`, { headers: { cookie } }).then(
    (response) => response.status,
    () => "connection lost",
  );
  await hold.jobWaiting();
  await second!.stop("SIGKILL");
  expect(await asked).toBe("connection lost");
  await hold.release();

  // The first instance is back (as a supervisor would restart it) and serves the PDF.
  const first = running[0]!;
  await first.restart();
  const response = await fetch(`${first.base}/api/reports/${report.id}/pdf`, { headers: { cookie } });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/pdf");
  const pdf = Buffer.from(await response.arrayBuffer());
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
});
