// Files in PostgreSQL itself (the default): bytea chunks of 256 KiB, written as the stream
// arrives and read back a few chunks at a time.
import { Readable } from "node:stream";
import { StoredFiles } from "./stored-files";

const CHUNK_BYTES = 256 * 1024;
const CHUNKS_PER_READ = 4;

/** Regroups a stream's buffers into pieces of `size` bytes (the last may be shorter). */
async function* pieces(body: Readable, size: number): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const data of body) {
    const buffer = typeof data === "string" ? Buffer.from(data) : (data as Buffer);
    pending.push(buffer);
    pendingBytes += buffer.length;
    while (pendingBytes >= size) {
      const joined = Buffer.concat(pending);
      yield joined.subarray(0, size);
      pending = [joined.subarray(size)];
      pendingBytes = joined.length - size;
    }
  }
  if (pendingBytes > 0) yield Buffer.concat(pending);
}

export class PostgresFileStore extends StoredFiles {
  protected readonly backend = "postgresql";

  protected async writeBytes(fileId: string, body: Readable): Promise<number> {
    let index = 0;
    let bytes = 0;
    for await (const piece of pieces(body, CHUNK_BYTES)) {
      // As base64 text: the embedded database's driver adapter converts a bytea parameter byte
      // by byte (about 10 s a megabyte); text goes through at once on both databases.
      await this.db.$executeRaw`INSERT INTO "StoredFileChunk" ("fileId", "index", "data") VALUES (${fileId}, ${index++}, decode(${piece.toString("base64")}, 'base64'))`;
      bytes += piece.length;
    }
    return bytes;
  }

  protected async readBytes(fileId: string, bytes: number): Promise<Readable> {
    const db = this.db;
    const chunkCount = Math.ceil(bytes / CHUNK_BYTES);
    async function* chunks() {
      for (let first = 0; first < chunkCount; first += CHUNKS_PER_READ) {
        const rows = await db.$queryRaw<{ data: string }[]>`
          SELECT encode("data", 'base64') AS "data" FROM "StoredFileChunk"
           WHERE "fileId" = ${fileId} AND "index" >= ${first} AND "index" < ${first + CHUNKS_PER_READ}
           ORDER BY "index"`;
        // The file was replaced or removed while being read.
        if (rows.length !== Math.min(CHUNKS_PER_READ, chunkCount - first)) throw new Error(`stored file ${fileId} changed while being read`);
        for (const row of rows) yield Buffer.from(row.data, "base64");
      }
    }
    return Readable.from(chunks(), { objectMode: false });
  }

  // Chunks go with their row (ON DELETE CASCADE).
  protected async removeBytes(): Promise<void> {}
}
