// Shared file storage (server/storage): the same behaviour from both backends, the default one
// in the database's StoredFileChunk rows and the S3 one against an S3-compatible server (s3rver)
// started here on loopback.
import { createHash, randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFileStore, removeExpiredFiles, type FileStore } from "@/server/storage/file-store";
import { openTestDatabase, type TestDatabase } from "./helpers/db";
import { startS3Server } from "./helpers/s3-server";

let database: TestDatabase;
let s3: Awaited<ReturnType<typeof startS3Server>>;

beforeAll(async () => {
  database = await openTestDatabase();
  s3 = await startS3Server("prongsai-test");
});
afterAll(async () => {
  await s3?.stop();
  await database?.close();
});

const DAY = 24 * 60 * 60 * 1000;
const sha = (data: Buffer) => createHash("sha256").update(data).digest("hex");

/** `bytes` of random data as a stream of uneven pieces, as a file writer produces them. */
function randomStream(bytes: number): { stream: Readable; data: Buffer } {
  const data = randomBytes(bytes);
  const pieces: Buffer[] = [];
  for (let offset = 0, size = 1; offset < bytes; offset += size, size = (size * 7 + 13) % 200_000 || 1) {
    pieces.push(data.subarray(offset, offset + size));
  }
  return { stream: Readable.from(pieces), data };
}

const read = async (store: FileStore, key: string) => {
  const file = await store.get(key);
  return file && { ...file, data: Buffer.concat(await file.stream.toArray()) };
};

describe.each([
  // Several database chunks of 256 KiB.
  { backend: "postgresql", store: () => createFileStore(database.db, {}), extraBytes: async () => database.db.storedFileChunk.count(), bigBytes: 1_300_000 },
  // More than one 5 MiB part of a multipart upload.
  { backend: "s3", store: () => createFileStore(database.db, { s3Url: s3.url }), extraBytes: async () => s3.objectCount(), bigBytes: 11_000_000 },
])("$backend", ({ backend, store: makeStore, extraBytes, bigBytes }) => {
  let store: FileStore;
  beforeAll(() => {
    store = makeStore();
  });
  const key = (name: string) => `test/${backend}/${name}`;

  it("stores a stream of megabytes and gives back the same bytes, streamed in pieces", { timeout: 120_000 }, async () => {
    const { stream, data } = randomStream(bigBytes);
    expect(await store.put(key("big"), stream, { contentType: "application/octet-stream", lifetimeMs: DAY })).toEqual({ bytes: data.length });
    const file = await store.get(key("big"));
    expect(file).toMatchObject({ bytes: data.length, contentType: "application/octet-stream" });
    const pieces = await file!.stream.toArray();
    expect(pieces.length).toBeGreaterThan(1);
    expect(sha(Buffer.concat(pieces))).toBe(sha(data));
    expect(await database.db.storedFile.findUniqueOrThrow({ where: { key: key("big") } })).toMatchObject({ backend, bytes: data.length });
  });

  it("a second put of a key replaces the file and leaves none of the old bytes", async () => {
    await store.put(key("replaced"), Readable.from([Buffer.from("first version")]), { contentType: "text/plain", lifetimeMs: DAY });
    const before = await extraBytes();
    await store.put(key("replaced"), Readable.from([Buffer.from("second")]), { contentType: "text/plain", lifetimeMs: DAY });
    expect((await read(store, key("replaced")))!.data.toString()).toBe("second");
    expect(await extraBytes()).toBe(before);
  });

  it("a write that fails half-way leaves nothing behind, and the file it would have replaced stays", async () => {
    await store.put(key("kept"), Readable.from([Buffer.from("kept")]), { contentType: "text/plain", lifetimeMs: DAY });
    const before = { rows: await database.db.storedFile.count(), bytes: await extraBytes() };
    async function* failing() {
      yield randomBytes(600_000);
      throw new Error("the producer failed");
    }
    await expect(store.put(key("kept"), Readable.from(failing()), { contentType: "text/plain", lifetimeMs: DAY })).rejects.toThrow("the producer failed");
    expect({ rows: await database.db.storedFile.count(), bytes: await extraBytes() }).toEqual(before);
    expect((await read(store, key("kept")))!.data.toString()).toBe("kept");
  });

  it("an empty file is a file", async () => {
    await store.put(key("empty"), Readable.from([]), { contentType: "text/csv", lifetimeMs: DAY });
    expect(await read(store, key("empty"))).toMatchObject({ bytes: 0, data: Buffer.alloc(0) });
  });

  it("delete removes a file; an unknown key is null", async () => {
    await store.put(key("deleted"), Readable.from([Buffer.from("x")]), { contentType: "text/plain", lifetimeMs: DAY });
    await store.delete(key("deleted"));
    expect(await store.get(key("deleted"))).toBeNull();
    expect(await store.get(key("never-stored"))).toBeNull();
    await store.delete(key("never-stored"));
  });

  it("files past their lifetime are no longer served, are listed as expired and are removed by the clean-up", async () => {
    await store.put(key("short"), Readable.from([Buffer.from("short-lived")]), { contentType: "text/plain", lifetimeMs: 1 });
    await store.put(key("long"), Readable.from([Buffer.from("long-lived")]), { contentType: "text/plain", lifetimeMs: DAY });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await store.get(key("short"))).toBeNull();
    const expired = await store.listExpired();
    expect(expired).toContain(key("short"));
    expect(expired).not.toContain(key("long"));
    const bytesBefore = await extraBytes();
    expect(await removeExpiredFiles(store)).toBe(expired.length);
    expect(await store.listExpired()).toEqual([]);
    expect(await database.db.storedFile.count({ where: { key: key("short") } })).toBe(0);
    expect(await extraBytes()).toBe(bytesBefore - 1);
    expect((await read(store, key("long")))!.data.toString()).toBe("long-lived");
  });
});

describe("S3_URL", () => {
  it("refuses an address without a bucket or keys, in words that say what it should be", () => {
    for (const url of ["http://127.0.0.1:9000/bucket", "http://key:secret@127.0.0.1:9000/", "ftp://key:secret@host/bucket"]) {
      expect(() => createFileStore(database.db, { s3Url: url })).toThrow(/S3_URL must look like/);
    }
  });
});
