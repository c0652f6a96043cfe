// The province reviewer exports the overview's summary: the job shows progress or is ready,
// the file downloads, and it reads back (Excel with exceljs, PDF with pdftotext).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

async function openOverview(page: Page) {
  await signIn(page, "province.skm");
  await expect(page).toHaveURL(/\/areas\/province\/[^/]+$/);
  await page.getByRole("link", { name: "ภาพรวมคะแนน" }).click();
  // FY2568: the year of อบต.ท้ายหาด's real report and score; the export follows the filter.
  await page.getByLabel("ปีงบประมาณ").selectOption("2568");
  await expect(page).toHaveURL(/[?&]year=2568/);
  await expect(page.getByRole("heading", { name: /ภาพรวมคะแนน ITA/ })).toBeVisible();
  await expect(page.getByTestId("summary-export")).toBeVisible();
}

/** Starts an export, waits for the ready link, and saves the download. */
async function exportFile(page: Page, button: "export-xlsx" | "export-pdf", extension: string) {
  await page.getByTestId(button).click();
  // A small province finishes fast: the progress bar may already be gone, the link must come.
  await expect(page.getByTestId("export-progress").or(page.getByTestId("export-ready"))).toBeVisible();
  await expect(page.getByTestId("export-ready")).toBeVisible({ timeout: 30_000 });
  // Kept for a look at the section (as report-pdf keeps its PNG).
  await page.getByTestId("summary-export").screenshot({ path: path.join(os.tmpdir(), `prongsai-summary-export-${extension}.png`) });
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-download").click()]);
  expect(download.suggestedFilename()).toBe(`สรุปผล-ITA-2568-จังหวัดสมุทรสงคราม.${extension}`);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "prongsai-e2e-summary-")), `summary.${extension}`);
  await download.saveAs(file);
  return file;
}

test("the province reviewer exports the summary as Excel and reads it back", async ({ page }) => {
  await openOverview(page);
  const file = await exportFile(page, "export-xlsx", "xlsx");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["สรุป", "องค์กร", "คะแนนรายปี", "ประเด็นและผลลัพธ์", "มาตรการทั้งหมด"]);
  expect(workbook.getWorksheet("สรุป")!.getCell("A1").value).toBe("สรุปผลการประเมิน ITA และรายงานมาตรการ จังหวัดสมุทรสงคราม ปีงบประมาณ พ.ศ. 2568");
  const organizations = workbook.getWorksheet("องค์กร")!;
  expect(organizations.rowCount).toBe(1 + 36); // the demo province's 36 organisations
  const thaihad = organizations.getColumn(2).values.indexOf("องค์การบริหารส่วนตำบลท้ายหาด");
  expect(thaihad).toBeGreaterThan(1);
  expect(organizations.getRow(thaihad).getCell(5).value).toBe(99.66);
  expect(workbook.getWorksheet("มาตรการทั้งหมด")!.getColumn(2).values).toContain("องค์การบริหารส่วนตำบลท้ายหาด");
});

test("the province reviewer exports the summary as PDF; its text carries the title", async ({ page }) => {
  await openOverview(page);
  const file = await exportFile(page, "export-pdf", "pdf");
  const text = execFileSync("pdftotext", ["-f", "1", "-l", "1", "-raw", file, "-"], { encoding: "utf8" })
    .replace(/[\s\u200b]/g, "")
    .replaceAll("ำา", "ำ"); // poppler reads sara am back as "ำา" (see pdf-layout.ts)
  expect(text).toContain("สรุปผลการประเมินITAและรายงานมาตรการจังหวัดสมุทรสงครามปีงบประมาณพ.ศ.๒๕๖๘");
  expect(text).toContain("อำเภอ:ทุกอำเภอ");
});
