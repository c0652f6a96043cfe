// An import file as the browser sends it through tRPC: its name and its bytes in base64.
import { z } from "@/server/validation";
import { MAX_IMPORT_FILE_BYTES } from "./table-file";

const megabytes = (bytes: number) => `${bytes / 1024 / 1024} MB`;

/** The fields of an uploaded file of at most `maxBytes` (base64 takes a third more). */
export const importFileFields = (maxBytes: number, tooLarge = `ไฟล์ใหญ่เกิน ${megabytes(maxBytes)}`) => ({
  fileName: z.string().trim().min(1, "กรุณาเลือกไฟล์").max(255, "ชื่อไฟล์ยาวเกินไป"),
  contentBase64: z
    .string({ error: "กรุณาเลือกไฟล์" })
    .min(1, "ไฟล์ว่างเปล่า")
    .max(Math.ceil((maxBytes * 4) / 3) + 4, tooLarge)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, "อ่านไฟล์ไม่ได้"),
});

export const ZImportFile = z.object({
  ...importFileFields(MAX_IMPORT_FILE_BYTES),
  /** false: a dry run that writes nothing. */
  apply: z.boolean().default(false),
});

export const importFileBytes = (input: { contentBase64: string }) => new Uint8Array(Buffer.from(input.contentBase64, "base64"));
