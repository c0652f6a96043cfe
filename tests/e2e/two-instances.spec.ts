// Two app instances on one PostgreSQL database, as behind a load balancer: each is the built app
// (`next start`, the real routes) with its own worker process (`npm run worker`'s entry). An
// export and a report PDF are asked for on the first; its worker is holding them half-way when
// the whole instance is killed; the second instance's worker takes them up once they expire, and
// the second instance answers the status poll and both downloads.
//
// Holding a job half-way without a hook in the app: the test locks the table of stored file
// chunks, so the first worker's jobs stop at their first write (RUNNING, file not yet stored).
// Needs a PostgreSQL server: TEST_DATABASE_URL, else the local one.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import { expect, request, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { applyPendingMigrations } from "../../server/db/migrations";

const ADMIN_URL = process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const PASSWORD = "two-instances-password";
const AUTH_SECRET = randomBytes(32).toString("base64");

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

type Instance = { port: number; processes: ChildProcess[]; output: string[] };

function spawnLogged(instance: Instance, command: string, args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  for (const stream of [child.stdout!, child.stderr!]) stream.on("data", (data: Buffer) => instance.output.push(data.toString()));
  instance.processes.push(child);
  return child;
}

test.describe("two instances on one PostgreSQL database", () => {
  test.setTimeout(240_000);
  const name = `prongsai_two_${randomBytes(4).toString("hex")}`;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const instances: Instance[] = [];
  let lock: pg.Client | null = null;

  const environment = (port: number): NodeJS.ProcessEnv => ({
    ...process.env,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET,
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    // A lost job is retried after seconds here (two minutes by default).
    JOB_EXPIRE_SECONDS: "5",
    JOB_MAINTENANCE_SECONDS: "1",
    LOG_LEVEL: "warn",
  });

  async function startWeb(instance: Instance) {
    spawnLogged(instance, "node_modules/.bin/next", ["start", "-p", String(instance.port), "-H", "127.0.0.1"], environment(instance.port));
    await expect
      .poll(async () => (await fetch(`http://127.0.0.1:${instance.port}/api/health`).catch(() => null))?.status, { timeout: 60_000 })
      .toBe(200);
  }
  const startWorker = (instance: Instance) => spawnLogged(instance, "node_modules/.bin/tsx", ["server/cli/worker.ts"], environment(instance.port));

  test.beforeAll(async () => {
    await admin(`CREATE DATABASE "${name}"`);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await applyPendingMigrations({
      exec: (sql) => client.query(sql),
      query: async <Row>(sql: string, params?: unknown[]) => ({ rows: (await client.query(sql, params)).rows as Row[] }),
    });
    await client.end();
    // The demo data through `npm run db:seed` (Playwright cannot load the generated Prisma client).
    execFileSync("node_modules/.bin/tsx", ["server/cli/seed.ts"], { env: { ...process.env, DATABASE_URL: databaseUrl, DEMO_PASSWORD: PASSWORD }, stdio: "ignore" });
  });

  test.afterAll(async () => {
    await lock?.end().catch(() => undefined);
    for (const instance of instances) for (const child of instance.processes) child.kill("SIGKILL");
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

  test("an export and a report PDF started on one instance finish on the other after the first is killed", async () => {
    const first: Instance = { port: await freePort(), processes: [], output: [] };
    const second: Instance = { port: await freePort(), processes: [], output: [] };
    instances.push(first, second);
    await Promise.all([startWeb(first), startWeb(second)]);
    startWorker(first);

    const pool = new pg.Client({ connectionString: databaseUrl });
    await pool.connect();
    try {
      const province = (await pool.query<{ id: string }>(`SELECT id FROM "Province" WHERE code = '75'`)).rows[0]!;
      const report = (
        await pool.query<{ id: string }>(
          `SELECT r.id FROM "YearlyReport" r JOIN "LocalOrganization" o ON o.id = r."organizationId" JOIN "FiscalYear" y ON y.id = r."fiscalYearId"
            WHERE o."nameTh" LIKE '%ท้ายหาด%' AND y."yearBe" = 2568`,
        )
      ).rows[0]!;

      // One sign-in: the session cookie is valid on every instance sharing AUTH_SECRET.
      const onFirst = await signedIn(first.port);
      const onSecond = await request.newContext({ baseURL: `http://127.0.0.1:${second.port}`, storageState: await onFirst.storageState() });

      lock = new pg.Client({ connectionString: databaseUrl });
      await lock.connect();
      await lock.query(`BEGIN`);
      await lock.query(`LOCK TABLE "StoredFileChunk" IN ACCESS EXCLUSIVE MODE`);

      const started = await onFirst.post("/api/trpc/export.start", {
        data: { json: { area: { kind: "province", id: province.id }, format: "CSV", yearBe: 2568, includeUnaccepted: true } },
      });
      expect(started.status()).toBe(200);
      const { jobId } = (await started.json()).result.data.json as { jobId: string };
      // Polled on the other instance: running on the first one's worker.
      await expect.poll(async () => (await exportStatus(onSecond, jobId)).status, { timeout: 30_000 }).toBe("RUNNING");

      // The PDF request waits on the first instance while its worker is held too.
      const pdfOnFirst = onFirst.get(`/api/reports/${report.id}/pdf`, { timeout: 120_000 }).catch(() => null);
      await expect
        .poll(async () => (await pool.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'report-pdf' AND state = 'active'`)).rows[0].n, {
          timeout: 30_000,
        })
        .toBe(1);

      // The first instance dies at once, web server and worker.
      for (const child of first.processes) child.kill("SIGKILL");
      expect(await pdfOnFirst).toBeNull();
      startWorker(second);
      await lock.query(`COMMIT`);

      // The survivor's worker takes both jobs up once they expire, and the survivor serves them.
      await expect.poll(async () => (await exportStatus(onSecond, jobId)).status, { timeout: 90_000 }).toBe("DONE");
      const csv = await onSecond.get(`/api/exports/${jobId}`);
      expect(csv.status()).toBe(200);
      const text = await csv.text();
      expect(text.startsWith("\uFEFF")).toBe(true);
      expect(text).toContain("องค์การบริหารส่วนตำบลท้ายหาด");

      const pdf = await onSecond.get(`/api/reports/${report.id}/pdf`, { timeout: 120_000 });
      expect(pdf.status()).toBe(200);
      expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

      // Each was one job, attempted by the dead worker and then finished by the survivor's.
      const jobs = await pool.query<{ name: string; state: string; retry_count: number }>(
        `SELECT name, state, retry_count FROM pgboss.job WHERE name IN ('summary-export', 'report-pdf')
         UNION ALL SELECT name, state, retry_count FROM pgboss.archive WHERE name IN ('summary-export', 'report-pdf') ORDER BY name`,
      );
      expect(jobs.rows).toEqual([
        { name: "report-pdf", state: "completed", retry_count: 1 },
        { name: "summary-export", state: "completed", retry_count: 1 },
      ]);
    } catch (error) {
      console.error([...first.output, ...second.output].join("").slice(-4000));
      throw error;
    } finally {
      await pool.end();
    }
  });

  async function signedIn(port: number): Promise<APIRequestContext> {
    const context = await request.newContext({ baseURL: `http://127.0.0.1:${port}`, extraHTTPHeaders: { "x-forwarded-for": "198.51.100.250" } });
    const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const signIn = await context.post("/api/auth/callback/credentials", {
      form: { csrfToken, username: "province.skm", password: PASSWORD, json: "true" },
      maxRedirects: 0,
    });
    expect(signIn.status()).toBeLessThan(400);
    expect((await context.storageState()).cookies.map((cookie) => cookie.name)).toContain("next-auth.session-token");
    return context;
  }
});

async function exportStatus(context: APIRequestContext, jobId: string): Promise<{ status: string }> {
  const response = await context.get(`/api/trpc/export.status?input=${encodeURIComponent(JSON.stringify({ json: { jobId } }))}`);
  return (await response.json()).result.data.json;
}
