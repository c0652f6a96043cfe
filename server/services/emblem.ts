// The Garuda (ตราครุฑ) at the head of every memo. The emblem is the deployment's own image,
// uploaded once by the national administrator (the project ships no copy); it lives in shared
// storage like every other file, so every instance and worker prints the same one. Without it
// the memo prints its heading alone, as before.
import { Readable } from "node:stream";
import PDFDocument from "pdfkit";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/services/audit";
import type { AdminContext } from "@/server/services/fiscal-years";
import { importFileBytes, importFileFields } from "@/server/services/imports/upload";
import type { FileStore } from "@/server/storage/file-store";
import { z } from "@/server/validation";

export const EMBLEM_KEY = "settings/garuda-emblem";
const MAX_EMBLEM_BYTES = 2 * 1024 * 1024;
// Kept until replaced or removed (StoredFile rows always carry an expiry).
const KEPT_FOR_MS = 100 * 365 * 24 * 60 * 60 * 1000;

export const ZEmblemUpload = z.object(importFileFields(MAX_EMBLEM_BYTES, "ไฟล์ภาพตราครุฑใหญ่เกิน 2 MB"));

/** PNG or JPEG by its first bytes (the only images a PDF embeds as they are). */
function imageType(bytes: Uint8Array): "image/png" | "image/jpeg" | null {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return "image/png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  return null;
}

/** Can pdfkit place it? A file that only looks like an image is refused now, not at the first memo. */
function printable(bytes: Uint8Array): boolean {
  try {
    const doc = new PDFDocument({ size: [100, 100] });
    doc.image(Buffer.from(bytes), 0, 0, { height: 10 });
    doc.end();
    return true;
  } catch {
    return false;
  }
}

const NOT_AN_IMAGE = "ไฟล์นี้ไม่ใช่ภาพ PNG หรือ JPEG ที่ใช้พิมพ์ได้ กรุณาเลือกไฟล์ภาพตราครุฑอีกครั้ง";

export async function saveEmblem(context: AdminContext & { store: FileStore }, input: z.infer<typeof ZEmblemUpload>) {
  const bytes = importFileBytes(input);
  const contentType = imageType(bytes);
  if (!contentType || !printable(bytes)) throw new AppError("BAD_REQUEST", NOT_AN_IMAGE);
  await context.store.put(EMBLEM_KEY, Readable.from([Buffer.from(bytes)]), { contentType, lifetimeMs: KEPT_FOR_MS });
  await context.db.$transaction((tx) =>
    recordAudit(tx, {
      actor: context.access,
      request: context.request,
      action: "emblem.upload",
      entityType: "Emblem",
      entityId: EMBLEM_KEY,
      after: { fileName: input.fileName, contentType, bytes: bytes.byteLength },
    }),
  );
  return emblemStatus(context);
}

export async function removeEmblem(context: AdminContext & { store: FileStore }) {
  await context.store.delete(EMBLEM_KEY);
  await context.db.$transaction((tx) =>
    recordAudit(tx, { actor: context.access, request: context.request, action: "emblem.remove", entityType: "Emblem", entityId: EMBLEM_KEY }),
  );
  return emblemStatus(context);
}

async function readEmblem(store: FileStore): Promise<{ data: Buffer; contentType: string } | null> {
  const file = await store.get(EMBLEM_KEY);
  if (!file) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of file.stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return { data: Buffer.concat(chunks), contentType: file.contentType };
}

/** The emblem's bytes (a small image), or null when none was uploaded. */
export async function loadEmblem(store: FileStore): Promise<Buffer | null> {
  return (await readEmblem(store))?.data ?? null;
}

/** For the administration page: whether an emblem is set, and a preview of it. */
export async function emblemStatus({ store }: { store: FileStore }) {
  const emblem = await readEmblem(store);
  if (!emblem) return { present: false as const };
  return { present: true as const, bytes: emblem.data.byteLength, previewDataUrl: `data:${emblem.contentType};base64,${emblem.data.toString("base64")}` };
}
