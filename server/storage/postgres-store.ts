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
      await this.db.storedFileChunk.create({ data: { fileId, index: index++, data: new Uint8Array(piece) } });
      bytes += piece.length;
    }
    return bytes;
  }

  protected async readBytes(fileId: string, bytes: number): Promise<Readable> {
    const db = this.db;
    const chunkCount = Math.ceil(bytes / CHUNK_BYTES);
    async function* chunks() {
      for (let first = 0; first < chunkCount; first += CHUNKS_PER_READ) {
        const rows = await db.storedFileChunk.findMany({
          where: { fileId, index: { gte: first, lt: first + CHUNKS_PER_READ } },
          orderBy: { index: "asc" },
          select: { data: true },
        });
        // The file was replaced or removed while being read.
        if (rows.length !== Math.min(CHUNKS_PER_READ, chunkCount - first)) throw new Error(`stored file ${fileId} changed while being read`);
        for (const row of rows) yield Buffer.from(row.data);
      }
    }
    return Readable.from(chunks(), { objectMode: false });
  }

  // Chunks go with their row (ON DELETE CASCADE).
  protected async removeBytes(): Promise<void> {}
}
