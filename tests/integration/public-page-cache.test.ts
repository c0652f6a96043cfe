// Whole public pages kept under the data versions of what they read (server/http/public-page-cache.ts
// with publishedPageVersion, as npm start's server wires them), on a real HTTP server and the test
// database. In front of a page renderer that answers as Next does for /public/… (a nonce in the
// policy and on its scripts, `Cache-Control: public`); tests/e2e/public-pages.spec.ts checks the
// same against the real app.
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPublicPageCache, isPublicPageRequest } from "@/server/http/public-page-cache";
import { publishedPageVersion } from "@/server/services/public/published";
import { worldForThisFile } from "./helpers/fixtures";

const context = worldForThisFile();
let renders: string[] = [];
const dataVersion = (path: string) => publishedPageVersion(context.database.db, path);

/** What Next answers for a page: a fresh nonce each time, the accept-encoding it was asked with in the body. */
async function renderPage(request: http.IncomingMessage, response: http.ServerResponse) {
  const url = request.url!;
  renders.push(url);
  const nonce = randomBytes(16).toString("base64");
  if (url.includes("slow")) await new Promise((resolve) => setTimeout(resolve, 300));
  response.statusCode = url.includes("missing") ? 404 : 200;
  response.setHeader("Content-Type", "text/html; charset=utf-8");
  response.setHeader("Content-Security-Policy", `default-src 'self'; script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
  response.setHeader("Cache-Control", url.includes("private") ? "private, no-store" : "public, max-age=60");
  response.setHeader("X-Frame-Options", "DENY");
  if (url.includes("cookie")) response.setHeader("Set-Cookie", "seen=1");
  response.write(`<html><head><script nonce="${nonce}" src="/_next/static/a.js"></script></head>`);
  response.end(`<body>หน้า ${url} encoding=${request.headers["accept-encoding"] ?? "none"}<script nonce="${nonce}">self.__next_f.push([1,"${nonce}"])</script></body></html>`);
}

async function serverWith(cache: ReturnType<typeof createPublicPageCache>) {
  const server = http.createServer((request, response) => {
    if (isPublicPageRequest(request)) void cache.serve(request, response, () => renderPage(request, response));
    else void renderPage(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const get = (path: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
      http
        .get({ host: "127.0.0.1", port, path, headers }, (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => {
            const raw = Buffer.concat(chunks);
            const body = response.headers["content-encoding"] === "gzip" ? zlib.gunzipSync(raw) : raw;
            resolve({ status: response.statusCode!, headers: response.headers, body: body.toString("utf8") });
          });
        })
        .on("error", reject);
    });
  return { get, close: () => new Promise((resolve) => server.close(resolve)) };
}

const nonceOf = (answer: { headers: http.IncomingHttpHeaders }) => /'nonce-([^']+)'/.exec(String(answer.headers["content-security-policy"]))![1]!;

let app: Awaited<ReturnType<typeof serverWith>>;

beforeAll(async () => {
  app = await serverWith(createPublicPageCache({ dataVersion }));
});
afterAll(() => app.close());

describe("the public page cache", () => {
  it("answers a kept page again without rendering it, with a new nonce in the policy and everywhere in the body", async () => {
    renders = [];
    const first = await app.get("/public/T0001");
    const second = await app.get("/public/T0001");
    const third = await app.get("/public/T0001");
    expect(renders).toEqual(["/public/T0001"]);
    const nonces = [first, second, third].map(nonceOf);
    expect(new Set(nonces).size).toBe(3);
    for (const [index, answer] of [first, second, third].entries()) {
      expect(answer.status).toBe(200);
      expect(answer.headers["cache-control"]).toBe("public, max-age=60");
      expect(answer.headers["x-frame-options"]).toBe("DENY");
      // The same page but for its nonce, which is on every script and nowhere else.
      expect(answer.body.split(nonces[index]!).join("N")).toBe(first.body.split(nonces[0]!).join("N"));
      expect(answer.body.split(nonces[index]!).length).toBe(4);
    }
    // The page the renderer made is not the page it kept: no answer gives away the kept nonce.
    expect(first.body).toContain("encoding=none");
  });

  it("compresses a kept page for a client that takes gzip: the same page, its own nonce", async () => {
    const plain = await app.get("/public/T0002");
    for (let round = 0; round < 3; round += 1) {
      const zipped = await app.get("/public/T0002", { "accept-encoding": "gzip, deflate, br" });
      expect(zipped.headers["content-encoding"]).toBe("gzip");
      expect(zipped.headers["vary"]).toMatch(/Accept-Encoding/);
      expect(nonceOf(zipped)).not.toBe(nonceOf(plain));
      expect(zipped.body.split(nonceOf(zipped)).join("N")).toBe(plain.body.split(nonceOf(plain)).join("N"));
    }
  });

  it("renders a page again once the data of its province changed, and only then", async () => {
    const { db } = context.database;
    const { organizations } = context.world;
    renders = [];
    const pages = ["/public/T0003", "/public/T0003?year=2568", "/public/province/91", "/public/T0004"];
    for (const path of pages) await app.get(path);
    // Province B's data (T0004's) changes: province A's pages stay kept.
    await db.itaResult.create({ data: { organizationId: organizations.B.id, fiscalYearId: (await db.fiscalYear.findFirstOrThrow()).id, total: 80, source: "PROVINCE_ENTERED" } });
    for (const path of pages) await app.get(path);
    expect(renders).toEqual([...pages, "/public/T0004"]);
    // An organisation of province A is renamed: its province's pages are rendered again, once.
    renders = [];
    await db.localOrganization.update({ where: { id: organizations.A1.id }, data: { nameTh: "อบต.ทดสอบเอหนึ่ง (ใหม่)" } });
    for (const path of [...pages, ...pages]) await app.get(path);
    expect(renders).toEqual(pages.slice(0, 3));
  });

  it("keeps nothing but public pages answered 200 without a cookie, and leaves Next's own requests alone", async () => {
    renders = [];
    const twice = async (path: string, headers: Record<string, string> = {}) => {
      await app.get(path, headers);
      return app.get(path, headers);
    };
    expect((await twice("/public/missing")).status).toBe(404);
    await twice("/public/private");
    await twice("/public/cookie");
    await twice("/public/T0004", { rsc: "1" });
    await twice("/public/T0004?_rsc=abc");
    await twice("/areas/province/x");
    expect(renders).toHaveLength(12);
  });

  it("renders a page once for requests that come while it is being rendered", async () => {
    renders = [];
    const answers = await Promise.all(Array.from({ length: 5 }, () => app.get("/public/slow")));
    expect(renders).toEqual(["/public/slow"]);
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(new Set(answers.map(nonceOf)).size).toBe(5);
  });

  it("keeps the most recently used pages within its bounds", async () => {
    const small = await serverWith(createPublicPageCache({ dataVersion, maxEntries: 2 }));
    try {
      renders = [];
      for (const path of ["/public/a", "/public/b", "/public/a", "/public/c", "/public/a", "/public/b"]) await small.get(path);
      // a and b kept; c pushes out b (a was used since); b is rendered again.
      expect(renders).toEqual(["/public/a", "/public/b", "/public/c", "/public/b"]);
    } finally {
      await small.close();
    }
  });
});
