// Shared input rules. Zod reports in Thai (its own Thai locale) unless a field says more.
import { z } from "zod";

z.config(z.locales.th());

export { z };

export const MAX_TEXT = 2000;

/** Trimmed, non-empty text up to a limit. */
export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `กรุณากรอก${label}` })
    .trim()
    .min(1, `กรุณากรอก${label}`)
    .max(max, `${label}ยาวเกิน ${max} ตัวอักษร`);

export const optionalText = (label: string, max = 200) =>
  z
    .string()
    .trim()
    .max(max, `${label}ยาวเกิน ${max} ตัวอักษร`)
    .transform((value) => value || null)
    .nullish();

export const idSchema = z.string().trim().min(1, "ไม่ได้ระบุรหัส").max(64, "รหัสไม่ถูกต้อง");

/** A fiscal year in Buddhist Era. */
export const yearBeSchema = z
  .number({ error: "กรุณาระบุปีงบประมาณเป็นตัวเลข" })
  .int("ปีงบประมาณต้องเป็นจำนวนเต็ม")
  .min(2500, "ปีงบประมาณไม่ถูกต้อง")
  .max(2700, "ปีงบประมาณไม่ถูกต้อง");
