// Reads an uploaded or pasted report into the importer's structure: checks the file, turns a
// Word file (mammoth) or a PDF's text layer (pdf.js) into the text form the parser reads, and
// parses it. Never throws: a file it cannot read gives a Thai message instead, and no report.
import mammoth from "mammoth";
import { htmlToText } from "@/server/domain/report-import/html-text";
import { parseReportText } from "@/server/domain/report-import/parse";
import type { ParseOptions, ParsedReport } from "@/server/domain/report-import/types";
import { pdfToText } from "./pdf-text";

export const MAX_REPORT_BYTES = 5 * 1024 * 1024;

export type DocumentFormat = "text" | "html" | "docx" | "pdf";

export type ReportImport =
  | { ok: true; format: DocumentFormat; text: string; report: ParsedReport }
  | { ok: false; error: string };

export const IMPORT_ERRORS = {
  empty: "ไฟล์ว่าง: ไม่มีข้อความให้นำเข้า",
  tooLarge: `ไฟล์ใหญ่เกิน ${MAX_REPORT_BYTES / 1024 / 1024} MB: รายงานหนึ่งฉบับไม่ควรใหญ่เท่านี้ ลองบันทึกเฉพาะบันทึกข้อความและตารางรายงานผล`,
  binary: "อ่านไฟล์นี้ไม่ได้: รองรับไฟล์ข้อความ (.txt), หน้าเว็บ (.html), Word (.docx) และ PDF ที่มีชั้นข้อความ",
  legacyWord: "ไฟล์ Word รุ่นเก่า (.doc) ยังอ่านไม่ได้: เปิดใน Word แล้วบันทึกเป็น .docx ก่อน",
  brokenWord: "ไฟล์ Word นี้เสียหายหรือไม่ครบ (อาจดาวน์โหลดไม่สมบูรณ์) จึงอ่านไม่ได้",
  brokenPdf: "ไฟล์ PDF นี้เสียหายหรือไม่ครบ (อาจดาวน์โหลดไม่สมบูรณ์) จึงอ่านไม่ได้",
  scannedPdf: "PDF นี้ไม่มีชั้นข้อความ (น่าจะเป็นภาพสแกน): ต้องทำ OCR ก่อน หรือคัดลอกข้อความมาวางแทน",
  unrelated:
    "ไม่พบรายงานผลการดำเนินงานตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสในไฟล์นี้: ไม่มีบันทึกข้อความเรื่องรายงานผลมาตรการ และไม่มีตารางประเด็น (ประเด็นที่ …) ที่มีมาตรการ",
} as const;

const startsWith = (data: Uint8Array, bytes: number[]) => bytes.every((byte, index) => data[index] === byte);

export async function importReportDocument(data: Uint8Array, options: ParseOptions): Promise<ReportImport> {
  if (data.length > MAX_REPORT_BYTES) return { ok: false, error: IMPORT_ERRORS.tooLarge };
  if (data.length === 0) return { ok: false, error: IMPORT_ERRORS.empty };
  let format: DocumentFormat;
  let text: string;
  let prongsaiLayout = false;
  if (startsWith(data, [0x25, 0x50, 0x44, 0x46])) {
    format = "pdf";
    try {
      const pdf = await pdfToText(data);
      text = pdf.text;
      prongsaiLayout = pdf.producedByProngsai;
    } catch {
      return { ok: false, error: IMPORT_ERRORS.brokenPdf };
    }
    if (!text.trim()) return { ok: false, error: IMPORT_ERRORS.scannedPdf };
  } else if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) {
    format = "docx";
    try {
      const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(data) });
      text = htmlToText(value);
    } catch {
      return { ok: false, error: IMPORT_ERRORS.brokenWord };
    }
  } else if (startsWith(data, [0xd0, 0xcf, 0x11, 0xe0])) {
    return { ok: false, error: IMPORT_ERRORS.legacyWord };
  } else {
    const decoded = decodeText(data);
    if (decoded === null) return { ok: false, error: IMPORT_ERRORS.binary };
    format = /^\s*(?:<!doctype html|<html|<head|<body)/i.test(decoded.slice(0, 2000)) ? "html" : "text";
    text = format === "html" ? htmlToText(decoded) : decoded;
  }
  if (!text.trim()) return { ok: false, error: IMPORT_ERRORS.empty };
  const report = parseReportText(text, { ...options, prongsaiLayout });
  if (!isReport(report)) return { ok: false, error: IMPORT_ERRORS.unrelated };
  return { ok: true, format, text, report };
}

/** Text in UTF-8 (with or without a byte-order mark), UTF-16 with one, or the Thai Windows code page; null for binary data. */
export function decodeText(data: Uint8Array): string | null {
  let text: string;
  if (startsWith(data, [0xff, 0xfe])) text = new TextDecoder("utf-16le").decode(data);
  else if (startsWith(data, [0xfe, 0xff])) text = new TextDecoder("utf-16be").decode(data);
  else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(data);
    } catch {
      text = new TextDecoder("windows-874").decode(data);
    }
  }
  // Control characters other than tab, newline and carriage return do not occur in text.
  let control = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 0xfffd) control += 1;
  }
  return control > Math.max(2, text.length * 0.01) ? null : text.replace(/^\uFEFF/, "");
}

/** A report has a memo about the measures' results or at least one issue with a measure. */
function isReport(report: ParsedReport): boolean {
  const memo = report.header.subject.includes("รายงานผล") && report.header.subject.includes("มาตรการ");
  return memo || report.issues.some((issue) => issue.measures.length > 0);
}
