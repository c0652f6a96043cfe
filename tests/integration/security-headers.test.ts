// Security headers and the cross-site check on the API, through the real tRPC HTTP handler:
// every answer carries them; a state-changing request from another site is refused in Thai
// before anything runs. (Pages get theirs from proxy.ts: tests/e2e/spine.spec.ts.)
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { secureApiRoute } from "@/server/http/api-route";
import { isSameOriginRequest } from "@/server/http/security-headers";
import { TEST_PASSWORD, worldForThisFile } from "./helpers/fixtures";
import { BASE_URL, sessionCookie, trpcGet, trpcPost } from "./helpers/http";

const context = worldForThisFile();
const db = () => context.database.db;

describe("headers", () => {
  it("a signed-in tRPC answer carries the security headers and is never cached", async () => {
    const { cookie } = await sessionCookie(db(), context.world.users.districtA1.id);
    const answer = await trpcGet(db(), { path: "me.get", cookie });
    expect(answer.status).toBe(200);
    expect(Object.fromEntries(answer.headers)).toMatchObject({
      "cache-control": "private, no-store",
      "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
      "x-content-type-options": "nosniff",
      "referrer-policy": "same-origin",
      "x-frame-options": "DENY",
      "permissions-policy": expect.stringContaining("camera=()"),
    });
    // HSTS only in production at an https address.
    expect(answer.headers.get("strict-transport-security")).toBeNull();
    const refused = await trpcGet(db(), { path: "me.get" });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("cache-control")).toBe("private, no-store");
  });
});

describe("cross-site requests", () => {
  const changePassword = async (headers: Record<string, string>) => {
    const { cookie } = await sessionCookie(db(), context.world.users.signerA1.id);
    return trpcPost(db(), {
      path: "account.changePassword",
      cookie,
      headers,
      input: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD },
    });
  };

  it("a mutation from another site's page is refused with 403 in Thai, before it runs", async () => {
    const before = await db().auditEvent.count();
    for (const origin of ["https://evil.example", "null", "http://prongsai.test.evil.example"]) {
      const answer = await changePassword({ origin });
      expect(answer.status).toBe(403);
      expect(answer.message).toBe("ไม่อนุญาตคำขอที่ส่งมาจากเว็บไซต์อื่น กรุณาใช้งานผ่านหน้าเว็บของระบบโดยตรง");
      expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
    }
    expect(await db().auditEvent.count()).toBe(before);
  });

  it("our own origin passes (the check lets the procedure answer)", async () => {
    // The same password again: the procedure itself refuses, in its own words.
    const answer = await changePassword({ origin: BASE_URL });
    expect(answer.status).toBe(400);
    expect(answer.message).toBe("รหัสผ่านใหม่ต้องไม่ซ้ำกับรหัสผ่านเดิม");
  });

  it("the rule: Origin's host is ours, else Sec-Fetch-Site same-origin; neither is refused", () => {
    const request = (headers: Record<string, string>, url = "http://localhost:3000/api/trpc/x") => new Request(url, { method: "POST", headers });
    // Behind a TLS proxy: the browser's https origin, the Host header it addressed.
    expect(isSameOriginRequest(request({ origin: "https://prongsai.example.go.th", host: "prongsai.example.go.th" }))).toBe(true);
    expect(isSameOriginRequest(request({ origin: "https://prongsai.example.go.th" }), "https://prongsai.example.go.th")).toBe(true);
    expect(isSameOriginRequest(request({ origin: "https://other.example", host: "prongsai.example.go.th" }))).toBe(false);
    expect(isSameOriginRequest(request({ "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isSameOriginRequest(request({ "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(isSameOriginRequest(request({ "sec-fetch-site": "same-site" }))).toBe(false);
    expect(isSameOriginRequest(request({}))).toBe(false);
  });

  it("other API routes (next-auth's) are guarded the same way, and their answers get the headers", async () => {
    let ran = 0;
    const route = secureApiRoute(async () => {
      ran += 1;
      return Response.redirect("http://localhost:3000/login", 302);
    });
    const foreign = await route(new Request("http://localhost:3000/api/auth/signout", { method: "POST", headers: { origin: "https://evil.example" } }));
    expect(foreign.status).toBe(403);
    expect(await foreign.text()).toMatch(/เว็บไซต์อื่น/);
    expect(ran).toBe(0);
    const own = await route(new Request("http://localhost:3000/api/auth/signout", { method: "POST", headers: { origin: "http://localhost:3000" } }));
    expect(own.status).toBe(302);
    expect(own.headers.get("cache-control")).toBe("private, no-store");
    expect(own.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(ran).toBe(1);
    // A NextRequest (next-auth reads its nextUrl) reaches the handler as one, body intact.
    let seen: { next: boolean; body: string } | null = null;
    const auth = secureApiRoute(async (request: Request) => {
      seen = { next: request instanceof NextRequest, body: await request.text() };
      return new Response("ok");
    });
    await auth(new NextRequest("http://localhost:3000/api/auth/callback/credentials", { method: "POST", headers: { origin: "http://localhost:3000" }, body: "username=a&password=b" }));
    expect(seen).toEqual({ next: true, body: "username=a&password=b" });
    // Its body is bounded too (64 KiB: a sign-in form is far smaller), refused as it streams.
    const large = await route(
      new Request("http://localhost:3000/api/auth/callback/credentials", { method: "POST", headers: { origin: "http://localhost:3000" }, body: "x".repeat(100 * 1024) }),
    );
    expect(large.status).toBe(413);
    expect(await large.text()).toMatch(/ใหญ่เกินกำหนด/);
    expect(ran).toBe(1);
  });
});
