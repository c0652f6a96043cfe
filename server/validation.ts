// Shared input rules. Zod reports in Thai (its own Thai locale) unless a field says more.
import { z, type ZodError } from "zod";

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

/** A score or threshold 0–100 with at most two decimals (the database keeps Decimal(5, 2)). */
export const scoreSchema = (label: string) =>
  z.number({ error: `${label}ต้องเป็นตัวเลข` }).min(0, `${label}ต้องอยู่ระหว่าง 0–100`).max(100, `${label}ต้องอยู่ระหว่าง 0–100`)
    .refine((value) => Math.round(value * 100) === value * 100 || Math.abs(Math.round(value * 100) - value * 100) < 1e-6, `${label}มีทศนิยมได้ไม่เกิน 2 ตำแหน่ง`);

/** A calendar day typed as "YYYY-MM-DD" (a date input), as a Date at UTC midnight. */
export const calendarDaySchema = (label: string) =>
  z
    .string({ error: `กรุณาระบุ${label}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `กรุณาระบุ${label}`)
    .refine((value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value); // 2026-02-30 is not a day
    }, `${label}ไม่ใช่วันที่ที่มีอยู่จริง`)
    .transform((value) => new Date(`${value}T00:00:00Z`));

/** Form messages keyed by the whole path of their field: { "rules.2.minTotal": ["..."] }. */
export function fieldErrorsOf(error: ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) (fields[issue.path.join(".")] ??= []).push(issue.message);
  return fields;
}

