// Shared file storage: exports and cached report PDFs, later uploads. Every app instance and
// worker sees the same files, so none lives on an instance's disk. Bytes stream in and out and
// are never held whole in memory.
//
// Each file has a row in StoredFile (key, type, size, expiry) on every backend; its bytes are in
// PostgreSQL (StoredFileChunk, the default) or in an S3-compatible bucket (S3_URL). A file being
// written sits under a temporary key and replaces the older file of its key only when complete,
// so a reader never sees half a file and two writers of one key never mix their bytes.
import type { Readable } from "node:stream";
import type { Db } from "@/server/db/client";
import { env } from "@/server/env";
import { PostgresFileStore } from "./postgres-store";
import { S3FileStore, s3ConfigFromUrl } from "./s3-store";

export type PutOptions = { contentType: string; lifetimeMs: number };
export type StoredFileStream = { stream: Readable; bytes: number; contentType: string };

export interface FileStore {
  /** Stores the whole stream under `key` (replacing a file of that key); resolves with its size. */
  put(key: string, body: Readable, options: PutOptions): Promise<{ bytes: number }>;
  /** The file of `key` as a stream, or null when there is none or it has expired. */
  get(key: string): Promise<StoredFileStream | null>;
  delete(key: string): Promise<void>;
  /** Keys whose lifetime is over, including writes abandoned by a process that died. */
  listExpired(now?: Date): Promise<string[]>;
}

/** Where a file being written waits for its key. */
export const writingKey = (fileId: string) => `~writing/${fileId}`;

/** S3_URL, e.g. http://ACCESS_KEY:SECRET@minio:9000/prongsai?region=us-east-1, selects S3. */
export function createFileStore(db: Db, options: { s3Url?: string } = { s3Url: env().S3_URL }): FileStore {
  return options.s3Url ? new S3FileStore(db, s3ConfigFromUrl(options.s3Url)) : new PostgresFileStore(db);
}

/** Removes every expired file; the storage clean-up job. Returns how many were removed. */
export async function removeExpiredFiles(store: FileStore, now = new Date()): Promise<number> {
  const keys = await store.listExpired(now);
  for (const key of keys) await store.delete(key);
  return keys.length;
}
