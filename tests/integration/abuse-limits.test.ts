// Abuse limits through the real tRPC HTTP handler: request bodies bounded while they stream,
// the client's address decided by the trusted proxy hops (through a real HTTP server doing what
// `npm start`'s server does), per-user allowances for exports and imports.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import superjson from "superjson";
import { afterAll, describe, expect, it } from "vitest";
import { handleTrpcRequest, TRPC_BODY_LIMIT } from "@/server/api/http";
import { resolveClientAddress, stampClientAddress } from "@/server/http/client-address";
import { PER_USER_LIMITS } from "@/server/limits/per-user";
import { callerFor, refusal, TEST_PASSWORD, worldForThisFile } from "./helpers/fixtures";
import { BASE_URL, sessionCookie, TEST_SESSION_CONFIG, trpcPost } from "./helpers/http";

const context = worldForThisFile();
const db = () => context.database.db;

describe("request bodies", () => {
  /** An endless body in 64 KiB chunks, counting how many were pulled. */
  function endlessBody() {
    const pulled = { chunks: 0 };
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled.chunks += 1;
        controller.enqueue(chunk);
      },
    });
    return { body, pulled };
  }

  it("a 2 MB tRPC body is refused with 413 and a Thai message, read no further than the limit", async () => {
    const { cookie } = await sessionCookie(db(), context.world.users.editorA1.id);
    const { body, pulled } = endlessBody();
    const answer = await trpcPost(db(), { path: "account.changePassword", cookie, body });
    expect(answer.status).toBe(413);
    expect(answer.message).toBe("ข้อมูลที่ส่งมีขนาดใหญ่เกินกำหนด (ไม่เกิน 1 MB) กรุณาลดขนาดแล้วลองใหม่");
    // Streamed: counted as it arrived, dropped just past 1 MB (16 chunks), never 2 MB.
    expect(pulled.chunks * 64 * 1024).toBeLessThanOrEqual(TRPC_BODY_LIMIT + 3 * 64 * 1024);

    const declared = await trpcPost(db(), { path: "account.changePassword", cookie, body: "x".repeat(2 * 1024 * 1024) });
    expect(declared.status).toBe(413);
    // A batch gets one answer per call, each with the message.
    const batch = await handleTrpcRequest(
      new Request(`${BASE_URL}/api/trpc/report.saveDraft,report.submit?batch=1`, { method: "POST", headers: { cookie, origin: BASE_URL }, body: "x".repeat(TRPC_BODY_LIMIT + 1) }),
      { db: db(), session: TEST_SESSION_CONFIG },
    );
    expect(batch.status).toBe(413);
    const answers = (await batch.json()) as { error: { json: { message: string } } }[];
    expect(answers.map((entry) => entry.error.json.message)).toEqual([expect.stringMatching(/ใหญ่เกินกำหนด/), expect.stringMatching(/ใหญ่เกินกำหนด/)]);
  });

  it("an upload procedure takes a file's worth (more than 1 MB); the same size elsewhere is refused", async () => {
    const { cookie } = await sessionCookie(db(), context.world.users.admin.id);
    const contentBase64 = Buffer.alloc(2 * 1024 * 1024, "a,b\n").toString("base64");
    const upload = await trpcPost(db(), { path: "registry.import", cookie, input: { fileName: "big.csv", contentBase64, apply: false } });
    expect(upload.status).not.toBe(413);
    const elsewhere = await trpcPost(db(), { path: "admin.createUser", cookie, input: { fileName: "big.csv", contentBase64 } });
    expect(elsewhere.status).toBe(413);
  });
});

describe("the client's address", () => {
  it("X-Forwarded-For is ignored with 0 trusted hops and read that many entries from the right otherwise", () => {
    expect(resolveClientAddress("10.0.0.2", "203.0.113.9", 0)).toBe("10.0.0.2");
    expect(resolveClientAddress("::ffff:10.0.0.2", undefined, 0)).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.2", "203.0.113.9", 1)).toBe("203.0.113.9");
    // A client writing its own entry first cannot choose: the proxy's entry is the last one.
    expect(resolveClientAddress("10.0.0.2", "1.1.1.1, 203.0.113.9", 1)).toBe("203.0.113.9");
    expect(resolveClientAddress("10.0.0.3", "1.1.1.1, 203.0.113.9, 10.0.0.2", 2)).toBe("203.0.113.9");
    // A proxy missing: the leftmost entry we have.
    expect(resolveClientAddress("10.0.0.2", undefined, 1)).toBe("10.0.0.2");
  });

  /** A real HTTP server on a free port: the address step of server/cli/serve.ts, then the tRPC handler. */
  async function serverWithHops(hops: number) {
    const server = http.createServer((request, response) => {
      stampClientAddress(request, hops);
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) if (typeof value === "string") headers.set(name, value);
      const body = request.method === "GET" ? null : (Readable.toWeb(request) as ReadableStream<Uint8Array>);
      void handleTrpcRequest(new Request(`${BASE_URL}${request.url}`, { method: request.method, headers, body, duplex: "half" } as RequestInit), {
        db: db(),
        session: TEST_SESSION_CONFIG,
      }).then(async (answer) => {
        response.writeHead(answer.status, Object.fromEntries(answer.headers));
        response.end(Buffer.from(await answer.arrayBuffer()));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    servers.push(server);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  const servers: http.Server[] = [];
  afterAll(() => Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))));

  /** Changes the signer's password (an audited change) claiming an address; returns the audit row's. */
  async function auditedAddress(origin: string, claimed: string) {
    const { cookie } = await sessionCookie(db(), context.world.users.signerA1.id);
    const user = await db().user.findUniqueOrThrow({ where: { id: context.world.users.signerA1.id } });
    const next = `passphrase number ${Date.now()}`;
    const current = user.updatedAt.getTime() === user.createdAt.getTime() ? TEST_PASSWORD : lastPassword;
    const answer = await fetch(`${origin}/api/trpc/account.changePassword`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json", origin: BASE_URL, "x-forwarded-for": claimed },
      body: JSON.stringify(superjson.serialize({ currentPassword: current, newPassword: next })),
    });
    expect(answer.status).toBe(200);
    lastPassword = next;
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "user.changePassword" }, orderBy: { createdAt: "desc" } });
    return event.ipAddress;
  }
  let lastPassword = TEST_PASSWORD;

  it("audit rows carry the TCP peer with 0 hops, whatever the client claims, and the proxy's entry with 1", async () => {
    expect(await auditedAddress(await serverWithHops(0), "203.0.113.99")).toBe("127.0.0.1");
    expect(await auditedAddress(await serverWithHops(1), "198.51.100.1, 203.0.113.99")).toBe("203.0.113.99");
  });
});

describe("per-user allowances", () => {
  it(`imports: ${PER_USER_LIMITS.import.points} a minute per user, then a Thai refusal; other users unaffected`, async () => {
    const importer = await db().user.create({ data: { username: "admin.importer", displayName: "admin.importer", roles: { create: { role: "ADMIN" } } } });
    const admin = callerFor(db(), importer.id);
    const file = { fileName: "x.csv", contentBase64: Buffer.from("not a registry file").toString("base64"), apply: false };
    for (let i = 0; i < PER_USER_LIMITS.import.points; i++) {
      await admin.registry.import(file).catch((error: { code?: string }) => expect(error.code).not.toBe("TOO_MANY_REQUESTS"));
    }
    const refused = await refusal(admin.admin.importAccounts(file));
    expect(refused.code).toBe("TOO_MANY_REQUESTS");
    expect(refused.message).toMatch(/^นำเข้าข้อมูลบ่อยเกินไป \(ไม่เกิน 10 ครั้งต่อนาที\) กรุณารอ \d+ (วินาที|นาที) แล้วลองใหม่$/);
    const other = await db().user.create({ data: { username: "admin.two", displayName: "admin.two", roles: { create: { role: "ADMIN" } } } });
    await callerFor(db(), other.id).registry.import(file).catch((error: { code?: string }) => expect(error.code).not.toBe("TOO_MANY_REQUESTS"));
  });

  it(`exports: ${PER_USER_LIMITS.export.points} a minute per user, answered 429 over HTTP`, async () => {
    const { cookie } = await sessionCookie(db(), context.world.users.provinceB.id);
    const input = { area: { kind: "province", id: context.world.provinces.B.id }, yearBe: 2570, includeUnaccepted: false, format: "CSV" };
    const statuses: number[] = [];
    // A year not in the system: each call is refused by the service, after it has counted.
    for (let i = 0; i < PER_USER_LIMITS.export.points; i++) statuses.push((await trpcPost(db(), { path: "export.start", cookie, input })).status);
    expect(statuses).not.toContain(429);
    expect(statuses).not.toContain(500);
    const last = await trpcPost(db(), { path: "export.start", cookie, input });
    expect(last.status).toBe(429);
    expect(last.message).toMatch(/^ส่งออกข้อมูลบ่อยเกินไป/);
  });
});
