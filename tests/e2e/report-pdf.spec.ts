// The preparer downloads the official memo PDF from the report page; its first page, rendered
// by pdftoppm, carries the "บันทึกข้อความ" heading at the top centre, and its text reads back.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

/** Reads a binary PGM (P5) image as rows of grey levels. */
function readPgm(file: string) {
  const data = fs.readFileSync(file);
  const header = data.subarray(0, 64).toString("latin1").split(/\s+/);
  const [magic, width, height, max] = [header[0], Number(header[1]), Number(header[2]), Number(header[3])];
  expect(magic).toBe("P5");
  const offset = data.length - width * height;
  return { width, height, max, at: (x: number, y: number) => data[offset + y * width + x]! };
}

test("the memo PDF downloads, reads back in Thai and shows its heading at the top", async ({ page }) => {
  await signIn(page, "thaihad.editor");
  await page.getByTestId("year-2568").getByRole("link").click();
  await expect(page.getByTestId("report-status")).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-pdf").click()]);
  expect(download.suggestedFilename()).toMatch(/^รายงานมาตรการ-ITA-2568-.*\.pdf$/);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prongsai-e2e-pdf-"));
  const pdf = path.join(dir, "report.pdf");
  await download.saveAs(pdf);

  const text = execFileSync("pdftotext", ["-f", "1", "-l", "1", "-raw", pdf, "-"], { encoding: "utf8" }).replace(/[\s\u200b]/g, "");
  expect(text).toContain("บันทึกข้อความ");
  expect(text).toContain("๗มกราคม๒๕๖๙");

  execFileSync("pdftoppm", ["-f", "1", "-l", "1", "-r", "50", "-gray", pdf, path.join(dir, "page")]);
  const image = readPgm(fs.readdirSync(dir).filter((name) => name.endsWith(".pgm")).map((name) => path.join(dir, name))[0]!);
  const darkShare = (x0: number, x1: number, y0: number, y1: number) => {
    let dark = 0;
    for (let y = Math.floor(y0 * image.height); y < y1 * image.height; y++) {
      for (let x = Math.floor(x0 * image.width); x < x1 * image.width; x++) if (image.at(x, y) < image.max / 2) dark++;
    }
    return dark / ((x1 - x0) * image.width * (y1 - y0) * image.height);
  };
  // The heading: ink in the top band's centre, none in the 3 cm left margin (about 14% of A4).
  expect(darkShare(0.3, 0.7, 0.05, 0.11)).toBeGreaterThan(0.02);
  expect(darkShare(0, 0.12, 0, 1)).toBe(0);
});

test("the national administrator uploads the Garuda once and every memo prints it at its top left", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin");
  const panel = page.getByTestId("emblem-panel");
  await expect(panel.getByTestId("emblem-missing")).toBeVisible();
  // Not an image: refused in Thai, nothing stored.
  await panel.getByTestId("emblem-file").setInputFiles({ name: "garuda.png", mimeType: "image/png", buffer: Buffer.from("not an image") });
  await expect(panel.getByTestId("emblem-error")).toHaveText("ไฟล์นี้ไม่ใช่ภาพ PNG หรือ JPEG ที่ใช้พิมพ์ได้ กรุณาเลือกไฟล์ภาพตราครุฑอีกครั้ง");
  await expect(panel.getByTestId("emblem-missing")).toBeVisible();
  // The project ships no Garuda: a stand-in drawn for the tests.
  await panel.getByTestId("emblem-file").setInputFiles(path.join(__dirname, "../fixtures/emblem-stand-in.png"));
  await expect(panel.getByTestId("emblem-preview")).toBeVisible();
  await panel.screenshot({ path: "test-results/emblem-panel.png" });

  await signIn(page, "thaihad.editor");
  await page.getByTestId("year-2568").getByRole("link").click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-pdf").click()]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prongsai-e2e-emblem-"));
  const pdf = path.join(dir, "report.pdf");
  await download.saveAs(pdf);
  execFileSync("pdftoppm", ["-f", "1", "-l", "1", "-r", "50", "-gray", pdf, path.join(dir, "page")]);
  const image = readPgm(fs.readdirSync(dir).filter((name) => name.endsWith(".pgm")).map((name) => path.join(dir, name))[0]!);
  let dark = 0;
  // The emblem's place: from the 3 cm margin, 1.5 cm high below the 2 cm top margin (A4: 21 × 29.7 cm).
  for (let y = Math.floor((2 / 29.7) * image.height); y < (3.5 / 29.7) * image.height; y++) {
    for (let x = Math.floor((3 / 21) * image.width); x < (4.3 / 21) * image.width; x++) if (image.at(x, y) < image.max / 2) dark++;
  }
  expect(dark).toBeGreaterThan(20);

  // Removed again, so that the memos of the specs after this one print as before.
  await signIn(page, "admin");
  await page.goto("/admin");
  await page.getByTestId("emblem-panel").getByRole("button", { name: "นำตราครุฑออก" }).click();
  await expect(page.getByTestId("emblem-panel").getByTestId("emblem-missing")).toBeVisible();
});
