// The public pages (/public/…) as whole answers, kept in this process: rendering one costs the
// server tens of milliseconds (every page is rendered per request for its CSP nonce), while a kept
// answer costs one tiny query. Used by `npm start`'s own server (server/cli/serve.ts) in front of
// Next.js.
//
// - Fresh: an answer is kept under the data versions of what its page reads (dataVersion: the
//   dashboards' versions of its province, which the database bumps at the commit of every change
//   there) read before it was rendered, and served only while the versions read after the request
//   arrived are the same, so every instance follows a change at once.
// - The same policy as every page: each answer carries a fresh nonce. The kept page's own nonce
//   (random, never sent to anybody once kept) is replaced in the body and the
//   Content-Security-Policy header by a new one per answer, so no script can be planted with a
//   known nonce. Pages without a nonce in their policy are not kept.
// - Kept: GET page requests only (not Next's RSC requests of client navigation), answered 200 as
//   public HTML (the proxy's `Cache-Control: public`) without a cookie; the pages read no session,
//   so the answer is the same for everybody. At most MAX_ENTRIES answers and MAX_BYTES in all,
//   least recently used out first.
// - Rendered once: concurrent requests for a page being rendered wait for it.
// - Compressed for a client that takes gzip without compressing each answer: the page's parts
//   between its nonces are deflated once when kept (gzipAround).
import { randomBytes } from "node:crypto";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import zlib from "node:zlib";

const MAX_ENTRIES = 2000;
const MAX_BYTES = 64 * 1024 * 1024;
const MAX_PAGE_BYTES = 4 * 1024 * 1024;

/** Not repeated from a kept answer: they describe one connection or one body's encoding. */
const OWN_HEADERS = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "date", "etag"]);

/** A part of a kept page: as it is, and deflated up to a byte boundary (a sync flush) so that parts can be joined. */
type Part = { raw: Buffer; deflated: Buffer };

/** A kept answer, its texts cut at the nonce it was rendered with. */
type Entry = { version: string; headers: [string, string[]][]; body: Part[]; bytes: number };

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255]);
/** The last deflate block: final, fixed codes, empty. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

/**
 * The page in gzip (RFC 1952) with the nonce between its parts: each part's deflated bytes end
 * on a byte boundary, so the nonce goes between them as a stored block (RFC 1951), then the final
 * block and the trailer (the CRC-32 of the whole, combined part by part, and the length).
 */
function gzipAround(parts: Part[], nonce: Buffer): Buffer {
  const pieces: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  let size = 0;
  const add = (raw: Buffer) => {
    // crc32 of nothing is 0 whatever it continues (Node's zlib.crc32): skip empty parts.
    if (raw.length > 0) crc = zlib.crc32(raw, crc);
    size += raw.length;
  };
  parts.forEach((part, index) => {
    if (index > 0) {
      const stored = Buffer.alloc(5);
      stored.writeUInt16LE(nonce.length, 1);
      stored.writeUInt16LE(~nonce.length & 0xffff, 3);
      pieces.push(stored, nonce);
      add(nonce);
    }
    pieces.push(part.deflated);
    add(part.raw);
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size % 2 ** 32, 4);
  return Buffer.concat([...pieces, FINAL_BLOCK, trailer]);
}

export type PublicPageCacheOptions = {
  /** The version now of what the page at this path (no query) reads. */
  dataVersion: (path: string) => Promise<string>;
  maxEntries?: number;
  maxBytes?: number;
};

/** A page request of /public/… that a kept answer may serve: a GET of the document, not a request of Next's client router. */
export function isPublicPageRequest(request: IncomingMessage): boolean {
  if (request.method !== "GET" || !request.url?.startsWith("/public/")) return false;
  if (request.headers["rsc"] !== undefined || request.headers["next-router-prefetch"] !== undefined || request.headers["next-action"] !== undefined) return false;
  return !/[?&]_rsc=/.test(request.url);
}

const nonceOf = (policy: unknown) => (typeof policy === "string" ? /'nonce-([^']+)'/.exec(policy)?.[1] : undefined);

export function createPublicPageCache({ dataVersion, maxEntries = MAX_ENTRIES, maxBytes = MAX_BYTES }: PublicPageCacheOptions) {
  // The requests for a page that arrive together share one read of its version, started after the
  // last of them arrived (on the next turn of the event loop): none is answered from a version
  // read before it came, and a burst costs one query instead of one each.
  const nextReads = new Map<string, Promise<string>>();
  const versionNow = (path: string) => {
    let read = nextReads.get(path);
    if (!read) {
      read = new Promise<string>((resolve, reject) =>
        setImmediate(() => {
          nextReads.delete(path);
          dataVersion(path).then(resolve, reject);
        }),
      );
      nextReads.set(path, read);
    }
    return read;
  };
  const entries = new Map<string, Entry>();
  const rendering = new Map<string, Promise<Entry | null>>();
  let bytes = 0;

  const forget = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.bytes;
  };

  const keep = (key: string, entry: Entry) => {
    forget(key);
    entries.set(key, entry);
    bytes += entry.bytes;
    for (const oldest of entries.keys()) {
      if (entries.size <= maxEntries && bytes <= maxBytes) break;
      forget(oldest);
    }
  };

  function send(request: IncomingMessage, response: ServerResponse, entry: Entry) {
    const nonce = randomBytes(16).toString("base64");
    const nonceBytes = Buffer.from(nonce);
    const headers: OutgoingHttpHeaders = {};
    for (const [name, parts] of entry.headers) headers[name] = parts.join(nonce);
    const vary = String(headers["vary"] ?? "");
    if (!/accept-encoding/i.test(vary)) headers["vary"] = vary ? `${vary}, Accept-Encoding` : "Accept-Encoding";
    let body: Buffer;
    if (/\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""))) {
      body = gzipAround(entry.body, nonceBytes);
      headers["content-encoding"] = "gzip";
    } else {
      body = Buffer.concat(entry.body.flatMap((part, index) => (index > 0 ? [nonceBytes, part.raw] : [part.raw])));
    }
    headers["content-length"] = body.length;
    response.writeHead(200, headers);
    response.end(body);
  }

  /** Renders the page through Next (uncompressed, to be kept) and keeps the answer when it may be. */
  function renderAndKeep(key: string, version: string, request: IncomingMessage, response: ServerResponse, render: () => unknown): Promise<Entry | null> {
    delete request.headers["accept-encoding"];
    const chunks: Buffer[] = [];
    let size = 0;
    const collect = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === "function" || size > MAX_PAGE_BYTES) return;
      const buffer = Buffer.isBuffer(chunk) ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk) : Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
      size += buffer.length;
      chunks.push(buffer);
    };
    const write = response.write.bind(response) as (...args: unknown[]) => boolean;
    const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
    response.write = ((chunk: unknown, ...rest: unknown[]) => {
      collect(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as ServerResponse["write"];
    response.end = ((chunk?: unknown, ...rest: unknown[]) => {
      collect(chunk, rest[0]);
      return end(chunk, ...rest);
    }) as ServerResponse["end"];
    return new Promise<Entry | null>((resolve) => {
      response.once("close", () => resolve(null));
      response.once("finish", () => {
        const headers = response.getHeaders();
        const nonce = nonceOf(headers["content-security-policy"]);
        const keepable =
          response.statusCode === 200 &&
          nonce !== undefined &&
          size <= MAX_PAGE_BYTES &&
          String(headers["content-type"] ?? "").startsWith("text/html") &&
          /\bpublic\b/.test(String(headers["cache-control"] ?? "")) &&
          headers["set-cookie"] === undefined;
        if (!keepable) return resolve(null);
        const body = Buffer.concat(chunks).toString("utf8").split(nonce).map((text): Part => {
          const raw = Buffer.from(text);
          return { raw, deflated: zlib.deflateRawSync(raw, { finishFlush: zlib.constants.Z_SYNC_FLUSH }) };
        });
        const entry: Entry = {
          version,
          headers: Object.entries(headers)
            .filter(([name, value]) => !OWN_HEADERS.has(name) && value !== undefined)
            .map(([name, value]) => [name, (Array.isArray(value) ? value.join(", ") : String(value)).split(nonce)]),
          body,
          bytes: body.reduce((sum, part) => sum + part.raw.length + part.deflated.length, 0),
        };
        keep(key, entry);
        resolve(entry);
      });
      render();
    });
  }

  return {
    /** Answers a public page request (isPublicPageRequest) from a kept answer, or through render (Next's handler) keeping what it answers. */
    async serve(request: IncomingMessage, response: ServerResponse, render: () => unknown): Promise<void> {
      const key = request.url!;
      let version: string;
      try {
        version = await versionNow(key.split("?")[0]!);
      } catch {
        render(); // the page itself will say what is wrong
        return;
      }
      const kept = entries.get(key);
      if (kept && kept.version === version) {
        entries.delete(key);
        entries.set(key, kept); // most recently used last
        return send(request, response, kept);
      }
      const pending = rendering.get(key);
      if (pending) {
        const entry = await pending;
        if (entry && entry.version === version) return send(request, response, entry);
      }
      const rendered = renderAndKeep(key, version, request, response, render);
      rendering.set(key, rendered);
      await rendered;
      if (rendering.get(key) === rendered) rendering.delete(key);
    },
  };
}
