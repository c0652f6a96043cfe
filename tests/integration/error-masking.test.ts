// What a client reads of a failure, through tRPC's real HTTP handler: input the database cannot
// store is refused in Thai, an unexpected error reaches the client as a Thai message with the
// request's id, never Prisma's or the driver's text, and the server logs it once with its stack;
// a database that cannot be reached is a 503 saying to try again shortly, logged once as a warning.
import { PGlite } from "@electric-sql/pglite";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import pino from "pino";
import superjson from "superjson";
import { afterAll, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { createContext, logUnexpectedError } from "@/server/api/trpc";
import { handleTrpcRequest } from "@/server/api/http";
import { prismaOnPGlite, prismaOnPostgres, type Db } from "@/server/db/client";
import { DATABASE_UNAVAILABLE } from "@/server/errors";
import { worldForThisFile } from "./helpers/fixtures";
import { cookieFor, TEST_SESSION_CONFIG } from "./helpers/http";

const context = worldForThisFile();

function captureLog() {
  const lines: Record<string, unknown>[] = [];
  const log = pino({ level: "info" }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { log, lines };
}

async function callOverHttp(options: { db: Db; userId: string; path: string; input: unknown; requestId: string }) {
  const { log, lines } = captureLog();
  const input = encodeURIComponent(JSON.stringify(superjson.serialize(options.input)));
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(`http://localhost/api/trpc/${options.path}?input=${input}`),
    router: appRouter,
    createContext: () =>
      createContext({
        db: options.db,
        userId: options.userId,
        request: { ipAddress: "203.0.113.9", userAgent: "vitest" },
        requestId: options.requestId,
        log,
      }),
    onError: logUnexpectedError,
  });
  const body = await response.text();
  return { status: response.status, body, message: messageOf(body), lines };
}

const messageOf = (body: string) => (JSON.parse(body) as { error: { json: { message: string } } }).error.json.message;

const LEAKS = /prisma|invalid byte|sql|ECONNREFUSED|at \w+ \(|\.ts:\d+|node_modules/i;

it.each([
  ["a NUL byte", "org\u0000anisation"],
  ["a lone surrogate", "org\ud800anisation"],
])("input holding %s is refused in Thai, nothing of the database's text", async (_label, organizationId) => {
  const answer = await callOverHttp({
    db: context.database.db,
    userId: context.world.users.editorA1.id,
    path: "organization.profile",
    input: { organizationId },
    requestId: "test-request-0001",
  });
  expect(answer.status).toBe(400);
  expect(answer.message).toMatch(/อักขระที่บันทึกไม่ได้/);
  expect(answer.body).not.toMatch(LEAKS);
  expect(answer.lines.filter((line) => line.level === 50)).toEqual([]);
});

const unreachable = prismaOnPostgres("postgresql://postgres@127.0.0.1:1/prongsai_unreachable");
// A database without its tables: every query fails in a way nobody expected.
const unmigratedPGlite = new PGlite();
const unmigrated = prismaOnPGlite(unmigratedPGlite);
afterAll(async () => {
  await unreachable.$disconnect();
  await unmigrated.$disconnect();
  await unmigratedPGlite.close();
});

const meGet = (db: Db, requestId: string) => callOverHttp({ db, userId: context.world.users.editorA1.id, path: "me.get", input: undefined, requestId });

it("an unexpected error reaches the client as a Thai message with the request id, and is logged once with its stack", async () => {
  const answer = await meGet(unmigrated, "test-request-0002");
  expect(answer.status).toBe(500);
  expect(answer.message).toBe("เกิดข้อผิดพลาดในระบบ กรุณาลองใหม่อีกครั้ง (รหัสอ้างอิง test-request-0002)");
  expect(answer.body).not.toMatch(LEAKS);
  const errors = answer.lines.filter((line) => line.level === 50);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatchObject({ msg: "unexpected error", path: "me.get" });
  expect((errors[0]!.err as { stack: string }).stack).toMatch(/\n\s+at /);
});

it("a database that cannot be reached is a 503 saying to try again shortly, logged once as a warning", async () => {
  const answer = await meGet(unreachable, "test-request-0003");
  expect(answer.status).toBe(503);
  expect(answer.message).toBe(DATABASE_UNAVAILABLE);
  expect(answer.body).not.toMatch(LEAKS);
  expect(answer.lines.filter((line) => line.level === 50)).toEqual([]);
  const warnings = answer.lines.filter((line) => line.level === 40);
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toMatchObject({ msg: "database unavailable", path: "me.get" });
});

it("with the database unreachable before any procedure runs (the session's lookup), the answer is the same 503, with Retry-After", async () => {
  const cookie = await cookieFor({ userId: context.world.users.editorA1.id, sessionId: "a-session-the-database-would-hold" });
  const response = await handleTrpcRequest(new Request("http://localhost/api/trpc/me.get", { headers: { cookie } }), {
    db: unreachable,
    session: TEST_SESSION_CONFIG,
  });
  const body = await response.text();
  expect(response.status).toBe(503);
  expect(response.headers.get("retry-after")).toBe("5");
  expect(messageOf(body)).toBe(DATABASE_UNAVAILABLE);
  expect(body).not.toMatch(LEAKS);
});
