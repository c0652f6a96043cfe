// The part of a FileStore that every backend shares: the StoredFile rows (key, type, size,
// expiry) in the database. A backend only moves the bytes of one file id.
import type { Readable } from "node:stream";
import type { Db } from "@/server/db/client";
import { writingKey, type FileStore, type PutOptions, type StoredFileStream } from "./file-store";

export abstract class StoredFiles implements FileStore {
  protected abstract readonly backend: string;

  constructor(protected readonly db: Db) {}

  /** Writes the bytes of a new file; resolves with their count. */
  protected abstract writeBytes(fileId: string, body: Readable): Promise<number>;
  protected abstract readBytes(fileId: string, bytes: number): Promise<Readable>;
  /** Removes the bytes of a file whose row is gone (or going). */
  protected abstract removeBytes(fileId: string): Promise<void>;

  async put(key: string, body: Readable, options: PutOptions): Promise<{ bytes: number }> {
    const expiresAt = () => new Date(Date.now() + options.lifetimeMs);
    const file = await this.db.storedFile.create({
      data: { key: writingKey(crypto.randomUUID()), contentType: options.contentType, backend: this.backend, expiresAt: expiresAt() },
    });
    let bytes: number;
    try {
      bytes = await this.writeBytes(file.id, body);
    } catch (error) {
      body.destroy();
      await this.remove(file.id);
      throw error;
    }
    const replaced = await this.db.$transaction(async (tx) => {
      const older = await tx.storedFile.findUnique({ where: { key }, select: { id: true } });
      if (older) await tx.storedFile.delete({ where: { id: older.id } });
      await tx.storedFile.update({ where: { id: file.id }, data: { key, bytes, expiresAt: expiresAt() } });
      return older;
    });
    if (replaced) await this.removeBytes(replaced.id);
    return { bytes };
  }

  async get(key: string): Promise<StoredFileStream | null> {
    const file = await this.db.storedFile.findUnique({ where: { key } });
    if (!file || file.expiresAt <= new Date()) return null;
    return { stream: await this.readBytes(file.id, file.bytes), bytes: file.bytes, contentType: file.contentType };
  }

  async delete(key: string): Promise<void> {
    const file = await this.db.storedFile.findUnique({ where: { key }, select: { id: true } });
    if (file) await this.remove(file.id);
  }

  async listExpired(now = new Date()): Promise<string[]> {
    const files = await this.db.storedFile.findMany({ where: { expiresAt: { lte: now } }, select: { key: true }, orderBy: { expiresAt: "asc" } });
    return files.map((file) => file.key);
  }

  private async remove(fileId: string) {
    await this.db.storedFile.deleteMany({ where: { id: fileId } });
    await this.removeBytes(fileId);
  }
}
