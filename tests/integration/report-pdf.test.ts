// The memo PDF of อบต.ท้ายหาด's FY2568 report (the seed memo, typed in by the demo seed):
// rendered from what report.get returns, read back with poppler's pdftotext, and exported
// through the service the download route uses (access rules, audit).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/reports/[reportId]/pdf/route";
import { thaihad2568 } from "@/prisma/seed/data/thaihad-2568";
import { seedDemoData } from "@/prisma/seed/demo";
import type { Db } from "@/server/db/client";
import { NOT_FOUND_OR_FORBIDDEN } from "@/server/errors";
import { exportReportPdf, type ExportContext } from "@/server/services/exports/report-export";
import { renderReportPdf } from "@/server/services/exports/report-pdf";
import { createFileStore } from "@/server/storage/file-store";
import { openTestDatabase, type TestDatabase } from "./helpers/db";
import { startTestWorker } from "./helpers/jobs";
import { callerFor } from "./helpers/fixtures";

// The route reads the session from Next's request scope; here the test says who is signed in.
const session = vi.hoisted(() => ({ db: null as Db | null, userId: null as string | null }));
vi.mock("@/server/api/request", () => ({
  // The session is the test's; the context is built as every request's is.
  createRequestContext: async () => {
    const { createContext } = await import("@/server/api/trpc");
    return createContext({ db: session.db!, userId: session.userId, request: { ipAddress: "203.0.113.10", userAgent: "vitest" } });
  },
}));

let database: TestDatabase;
let users: Record<"editor" | "foreignEditor" | "province", string>;
let reportId: string;
let thaihadId: string;
// Files stay after the run for a look (pdftoppm's PNG of the first page especially).
const outputDir = path.join(os.tmpdir(), "prongsai-report-pdf", process.env.TEST_DB_KIND ?? "pglite");

let worker: Awaited<ReturnType<typeof startTestWorker>>;

beforeAll(async () => {
  database = await openTestDatabase();
  worker = await startTestWorker(database);
  await seedDemoData(database.db, { password: "demo password for tests" });
  const id = async (username: string) => (await database.db.user.findUniqueOrThrow({ where: { username } })).id;
  users = { editor: await id("thaihad.editor"), foreignEditor: await id("amphawa.editor"), province: await id("province.skm") };
  const report = await database.db.yearlyReport.findFirstOrThrow({
    where: { organization: { nameTh: thaihad2568.organizationNameTh }, fiscalYear: { yearBe: 2568 } },
  });
  reportId = report.id;
  thaihadId = report.organizationId;
  session.db = database.db;
  fs.rmSync(outputDir, { recursive: true, force: true });
  fs.mkdirSync(outputDir, { recursive: true });
});
afterAll(async () => {
  await worker.stop();
  await database.close();
});

function writePdf(pdf: Buffer, name: string): string {
  const file = path.join(outputDir, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  return file;
}

/**
 * The text poppler reads back. -raw keeps the content stream's order, which is the order the
 * PDF is written in: a table cell's lines stay together (-layout interleaves the columns of
 * a row line by line, so a wrapped cell could not be found in one piece).
 */
function pdfText(file: string): string {
  return execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
}

/** Compares text without layout: no spaces or line breaks. */
const normalise = (text: string) => text.normalize("NFC").replace(/[\s\u200B]/gu, "");
const thaiDigits = (text: string) => text.replace(/[0-9]/g, (digit) => String.fromCharCode(0x0e50 + Number(digit)));

function expectInOrder(text: string, expected: string[]) {
  const haystack = normalise(text);
  let from = 0;
  for (const item of expected) {
    const needle = normalise(item);
    const at = haystack.indexOf(needle, from);
    expect(at, `"${item}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + needle.length;
  }
}

const memo = thaihad2568.memo;
const issueSequence = (digits: (text: string) => string) =>
  thaihad2568.issues.flatMap((issue, index) => [
    `ประเด็นที่ ${digits(String(index + 1))} ${issue.title}`,
    ...issue.measures.flatMap((measure) => measure.resultItems.map((item) => digits(item.text))),
  ]);

describe("report memo PDF", () => {
  it("prints the seed memo, its endorsements and the annex in order, in Thai digits", async () => {
    const report = await callerFor(database.db, users.editor).report.get({ reportId });
    const file = writePdf(await renderReportPdf(report, { digits: "thai" }), "thaihad-2568");
    const text = pdfText(file);
    expectInOrder(text, [
      "บันทึกข้อความ",
      "ส่วนราชการ",
      "สำนักปลัด องค์การบริหารส่วนตำบลท้ายหาด โทร ๐ ๓๔๗๖ ๗๒๒๕",
      "ที่",
      "สส ๗๑๕๐๑",
      "วันที่",
      "๗ มกราคม ๒๕๖๙",
      "เรื่อง",
      thaiDigits(memo.subject),
      "เรียน",
      memo.addressee,
      "ร้อยละ ๙๖.๔๔ คะแนน",
      "ร้อยละ ๙๙.๖๖ คะแนน",
      "จึงเรียนมาเพื่อโปรดทราบ",
      "(นางสาวอาจารย์ เอราวัล)",
      memo.preparerPosition,
      "ความเห็นหัวหน้าสำนักปลัดองค์การบริหารส่วนตำบล",
      "(นางรุ่งฤดี ลิ้มสกุล)",
      "ความเห็นปลัดองค์การบริหารส่วนตำบล",
      "พ.จ.อ.",
      "(อรุณ ภมร)",
      "ความเห็นนายกองค์การบริหารส่วนตำบล",
      "รับทราบ เห็นควรเผยแพร่ลงเว็บไซต์หลัก อบต.ท้ายหาด ต่อไป",
      "ปฏิบัติหน้าที่นายกองค์การบริหารส่วนตำบลท้ายหาด",
      "รายงานผลการดำเนินการตามมาตรการขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๘",
      "องค์การบริหารส่วนตำบลท้ายหาด อำเภอเมืองสมุทรสงคราม จังหวัดสมุทรสงคราม",
      ...issueSequence(thaiDigits),
    ]);
    // The memo's "จึงเรียนมาเพื่อโปรดทราบ" is the body's own, not printed twice.
    expect(normalise(text).split("จึงเรียนมาเพื่อโปรดทราบ")).toHaveLength(2);
    expect(text).not.toContain("\u200B");
    // The text layer gives every ำ back as itself (it used to read "ำา"), the ones under a tone mark too.
    expect(text).not.toContain("ำา");
    expect(text).toContain("สม่ำเสมอ");
    expect(text.split("ำ").length - 1).toBeGreaterThan(100);
    expect(text).not.toContain("ข้อมูลสาธิต");

    // A picture of the first page, for a look at the heading.
    execFileSync("pdftoppm", ["-r", "80", "-f", "1", "-l", "1", "-singlefile", "-png", file, path.join(outputDir, "thaihad-2568-page-1")]);
    const png = fs.readFileSync(path.join(outputDir, "thaihad-2568-page-1.png"));
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.length).toBeGreaterThan(10_000);

    // One numbering for the whole document: the memo's page is unnumbered (page 1), the annex
    // goes on from it ("- ๒ -" on its first page) to the last page.
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))![1]);
    expect(pages).toBeGreaterThan(2);
    const topLine = (page: number) =>
      execFileSync("pdftotext", ["-f", String(page), "-l", String(page), "-layout", file, "-"], { encoding: "utf8" }).trimStart().split("\n")[0]!.replace(/\s/g, "");
    expect(topLine(1)).toBe("บันทึกข้อความ");
    for (let page = 2; page <= pages; page++) expect(topLine(page), `page ${page}`).toBe(`-${thaiDigits(String(page))}-`);
  });

  it("prints Arabic digits throughout when asked", async () => {
    const report = await callerFor(database.db, users.editor).report.get({ reportId });
    const text = pdfText(writePdf(await renderReportPdf(report, { digits: "arabic" }), "thaihad-2568-arabic"));
    expectInOrder(text, ["สส 71501", "7 มกราคม 2569", "ร้อยละ 96.44 คะแนน", "ประเด็นที่ 1", "1 ตุลาคม 2567", "30 กันยายน 2568", "ประเด็นที่ 7"]);
    expect(text).not.toMatch(/[\u0E50-\u0E59]/u);
  });

  it("marks a demo report and writes the standard body from its ITA results", async () => {
    const demo = await database.db.yearlyReport.findFirstOrThrow({
      where: { origin: "DEMO", body: null, fiscalYear: { yearBe: 2568 }, organization: { itaResults: { some: { fiscalYear: { yearBe: 2567 } } } } },
      include: { organization: true },
    });
    const report = await callerFor(database.db, users.province).report.get({ reportId: demo.id });
    const text = pdfText(writePdf(await renderReportPdf(report, { digits: "thai" }), "demo"));
    const previous = report.itaResults.find((result) => result.yearBe === 2567)!;
    expectInOrder(text, [
      "ข้อมูลสาธิต",
      "บันทึกข้อความ",
      `ประจำปีงบประมาณ ๒๕๖๗ ${demo.organization.nameTh}`,
      `ร้อยละ ${thaiDigits(previous.total.toFixed(2))} คะแนน`,
      "บัดนี้",
      "จึงเรียนมาเพื่อโปรดทราบ",
    ]);
  });
});

describe("report PDF export", () => {
  const context = (userId: string | null): ExportContext => ({
    db: database.db,
    userId,
    request: { ipAddress: "203.0.113.9", userAgent: "vitest" },
  });
  const exports = () => database.db.auditEvent.count({ where: { action: "report.export_pdf" } });

  const exportPdf = (userId: string | null, id = reportId) =>
    exportReportPdf(callerFor(database.db, userId), context(userId), createFileStore(database.db), { reportId: id, digits: "thai" });

  it("answers the PDF with its Thai file name and records who exported it", async () => {
    const before = await exports();
    const { stream, fileName } = (await exportPdf(users.editor))!;
    const pdf = Buffer.concat(await stream.toArray());
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(fileName).toBe("รายงานมาตรการ-ITA-2568-องค์การบริหารส่วนตำบลท้ายหาด.pdf");
    expect(await exports()).toBe(before + 1);
    const event = await database.db.auditEvent.findFirstOrThrow({ where: { action: "report.export_pdf" }, orderBy: { createdAt: "desc" } });
    const thaihad = await database.db.localOrganization.findUniqueOrThrow({ where: { id: thaihadId }, include: { district: true } });
    expect(event).toMatchObject({
      entityType: "YearlyReport",
      entityId: reportId,
      actorId: users.editor,
      actorUsername: "thaihad.editor",
      organizationId: thaihadId,
      ipAddress: "203.0.113.9",
    });
    expect(event).toMatchObject({ districtId: thaihad.districtId, provinceId: thaihad.district.provinceId });
    expect(event.after).toMatchObject({ digits: "thai", bytes: pdf.length, yearBe: 2568 });
  });

  it("gives another organisation's user, an unknown id and a signed-out caller nothing, and records nothing", async () => {
    const before = await exports();
    const refusal = (userId: string | null, id = reportId) =>
      exportPdf(userId, id).then(
        () => null,
        (error: { code?: string }) => error.code,
      );
    expect(await refusal(users.foreignEditor)).toBe("NOT_FOUND");
    expect(await refusal(users.foreignEditor, "clxxxxxxxxxxxxxxxxxxxxxxx")).toBe("NOT_FOUND");
    expect(await refusal(null)).toBe("UNAUTHORIZED");
    expect(await exports()).toBe(before);
  });

  it("is drawn once per content of the report: the same revision is streamed from storage, a change is drawn anew", async () => {
    const stored = () =>
      database.db.storedFile.findMany({ where: { key: { startsWith: `report-pdfs/${reportId}/thai-` } }, select: { id: true, key: true } });
    const bytesOf = async (userId: string) => Buffer.concat(await (await exportPdf(userId))!.stream.toArray());
    const first = await bytesOf(users.editor);
    const once = await stored();
    expect(once).toHaveLength(1);
    // Another reader of the same revision: the very same stored file, byte for byte.
    expect((await bytesOf(users.province)).equals(first)).toBe(true);
    expect(await stored()).toEqual(once);
    const report = await database.db.yearlyReport.findUniqueOrThrow({ where: { id: reportId }, select: { subject: true } });
    await database.db.yearlyReport.update({ where: { id: reportId }, data: { subject: `${report.subject} (แก้ไข)` } });
    try {
      const changed = await bytesOf(users.editor);
      expect(changed.equals(first)).toBe(false);
      expect(await stored()).toHaveLength(2);
    } finally {
      await database.db.yearlyReport.update({ where: { id: reportId }, data: { subject: report.subject } });
    }
  });
});

describe("GET /api/reports/{reportId}/pdf", () => {
  const get = (userId: string | null, id: string, query = "") => {
    session.userId = userId;
    return GET(new Request(`http://localhost/api/reports/${id}/pdf${query}`), { params: Promise.resolve({ reportId: id }) });
  };

  it("downloads the PDF under its Thai file name, in Arabic digits when asked", async () => {
    const response = await get(users.editor, reportId, "?digits=arabic");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const disposition = response.headers.get("content-disposition")!;
    expect(disposition).toMatch(/^attachment; filename="report\.pdf"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe("รายงานมาตรการ-ITA-2568-องค์การบริหารส่วนตำบลท้ายหาด.pdf");
    const text = pdfText(writePdf(Buffer.from(await response.arrayBuffer()), "route-arabic"));
    expectInOrder(text, ["บันทึกข้อความ", "7 มกราคม 2569"]);
  });

  it("answers 404 in Thai for another organisation's report and an unknown id, 401 when signed out", async () => {
    const before = await database.db.auditEvent.count({ where: { action: "report.export_pdf" } });
    for (const response of [await get(users.foreignEditor, reportId), await get(users.editor, "no-such-report")]) {
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      expect(await response.text()).toBe(NOT_FOUND_OR_FORBIDDEN);
    }
    const signedOut = await get(null, reportId);
    expect(signedOut.status).toBe(401);
    expect(await signedOut.text()).toBe("กรุณาเข้าสู่ระบบ");
    expect(await database.db.auditEvent.count({ where: { action: "report.export_pdf" } })).toBe(before);
  });
});

describe("the Garuda at the head of the memo", () => {
  const context = (userId: string): ExportContext => ({ db: database.db, userId, request: { ipAddress: "203.0.113.9", userAgent: "vitest" } });
  const downloadedPdf = async (name: string) => {
    const { stream } = (await exportReportPdf(callerFor(database.db, users.editor), context(users.editor), createFileStore(database.db), { reportId, digits: "thai" }))!;
    return writePdf(Buffer.concat(await stream.toArray()), name);
  };
  /** The images a PDF holds, as pdfimages lists them (one row each after two header lines). */
  const images = (file: string) => execFileSync("pdfimages", ["-list", file], { encoding: "utf8" }).trim().split("\n").slice(2);
  const standIn = fs.readFileSync(path.join(__dirname, "../fixtures/emblem-stand-in.png"));
  const admin = async () => callerFor(database.db, (await database.db.user.findUniqueOrThrow({ where: { username: "admin" } })).id);

  it("is the national administrator's upload: a PNG or JPEG that prints, nothing else", async () => {
    const emblem = (await admin()).emblem;
    expect(await emblem.status()).toEqual({ present: false });
    const refused = (contentBase64: string) => emblem.upload({ fileName: "garuda.png", contentBase64 }).then(() => "accepted", (error: Error) => error.message);
    const notAnImage = "ไฟล์นี้ไม่ใช่ภาพ PNG หรือ JPEG ที่ใช้พิมพ์ได้ กรุณาเลือกไฟล์ภาพตราครุฑอีกครั้ง";
    expect(await refused(Buffer.from("GIF89a not a png").toString("base64"))).toBe(notAnImage);
    // The PNG signature and nothing of an image after it.
    expect(await refused(Buffer.concat([standIn.subarray(0, 8), Buffer.from("broken")]).toString("base64"))).toBe(notAnImage);
    expect(await emblem.status()).toEqual({ present: false });
    await expect(callerFor(database.db, users.province).emblem.upload({ fileName: "garuda.png", contentBase64: standIn.toString("base64") })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("prints on the memo once uploaded (the stored PDF of the same content is drawn again), and goes with its removal", async () => {
    const emblem = (await admin()).emblem;
    expect(images(await downloadedPdf("before-emblem"))).toHaveLength(0);

    const status = await emblem.upload({ fileName: "garuda.png", contentBase64: standIn.toString("base64") });
    expect(status).toMatchObject({ present: true, bytes: standIn.byteLength });
    expect(status.present && status.previewDataUrl).toBe(`data:image/png;base64,${standIn.toString("base64")}`);
    expect(await database.db.auditEvent.count({ where: { action: "emblem.upload" } })).toBe(1);

    const withEmblem = await downloadedPdf("with-emblem");
    const listed = images(withEmblem);
    expect(listed).toHaveLength(1);
    // page num type width height color comp bpc enc interp object ID x-ppi y-ppi …
    const [page, , , , height, , , , , , , , , yPpi] = listed[0]!.trim().split(/\s+/);
    expect(page).toBe("1"); // the memo's page
    // Printed 1.5 cm high: its pixels over its height in inches.
    expect(Number(yPpi)).toBeCloseTo(Number(height) / (1.5 / 2.54), -1);
    // A picture of the page, for a look.
    execFileSync("pdftoppm", ["-r", "72", "-f", "1", "-l", "1", "-singlefile", "-png", withEmblem, path.join(outputDir, "with-emblem-page-1")]);

    await emblem.remove();
    expect(await emblem.status()).toEqual({ present: false });
    expect(images(await downloadedPdf("after-emblem"))).toHaveLength(0);
  });
});
