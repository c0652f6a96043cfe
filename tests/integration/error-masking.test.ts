// What a client reads of a failure, through tRPC's real HTTP handler: input the database cannot
// store is refused in Thai, and an unexpected error reaches the client as a Thai message with
// the request's id, never Prisma's or the driver's text; the server logs it once with its stack.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import pino from "pino";
import superjson from "superjson";
import { afterAll, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { createContext, logUnexpectedError } from "@/server/api/trpc";
import { prismaOnPostgres, type Db } from "@/server/db/client";
import { worldForThisFile } from "./helpers/fixtures";

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
  return { status: response.status, body, message: (JSON.parse(body) as { error: { json: { message: string } } }).error.json.message, lines };
}

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
afterAll(() => unreachable.$disconnect());

it("an unexpected error reaches the client as a Thai message with the request id, and is logged once with its stack", async () => {
  const answer = await callOverHttp({
    db: unreachable,
    userId: context.world.users.editorA1.id,
    path: "me.get",
    input: undefined,
    requestId: "test-request-0002",
  });
  expect(answer.status).toBe(500);
  expect(answer.message).toBe("เกิดข้อผิดพลาดในระบบ กรุณาลองใหม่อีกครั้ง (รหัสอ้างอิง test-request-0002)");
  expect(answer.body).not.toMatch(LEAKS);
  const errors = answer.lines.filter((line) => line.level === 50);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatchObject({ msg: "unexpected error", path: "me.get" });
  expect((errors[0]!.err as { stack: string }).stack).toMatch(/\n\s+at /);
});
