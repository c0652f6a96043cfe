// Importing last year's report in Chromium. The preparer of อบต.ท้ายหาด opens the import page
// from the organisation page, uploads the seed report (OCR text) and checks the source and what
// was read side by side, flags marked in both. FY2569 is the demo's only open year and
// report-flow.spec.ts takes ท้ายหาด's, so the draft is made by the preparer of ทต.อัมพวา, who has
// no report: a new draft first, then the same report pasted over it after a confirmation.
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

const FIXTURE = "tests/fixtures/seed-report-thaihad-2568.txt";
const firstMeasure = "จัดทำคู่มือ/แนวทางการปฏิบัติงานหรือการให้บริการที่กำหนดผู้รับผิดชอบ";

async function uploadSeed(page: Page) {
  await page.getByTestId("import-report-link").click();
  await page.waitForURL(/\/organizations\/[^/]+\/import$/);
  await expect(page.getByRole("heading", { name: "นำเข้ารายงานฉบับเดิม" })).toBeVisible();
  await page.getByTestId("import-file").setInputFiles(FIXTURE);
  await expect(page.getByTestId("import-preview")).toBeVisible({ timeout: 30_000 });
}

test("the preparer sees the seed report read beside its source, flags marked in both", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await signIn(page, "thaihad.editor");
  await uploadSeed(page);
  const summary = page.getByTestId("import-summary");
  await expect(summary).toContainText("องค์การบริหารส่วนตำบลท้ายหาด ปีงบประมาณ 2568");
  await expect(summary).toContainText("7 ประเด็น 9 มาตรการ");
  const structure = page.getByTestId("import-structure");
  await expect(structure.getByTestId("parsed-issue")).toHaveCount(7);
  await expect(structure.getByTestId("parsed-measure")).toHaveCount(9);
  await expect(structure.getByTestId("parsed-scores")).toContainText("ปีงบประมาณ 2568: 99.66 คะแนน ระดับ ผ่านดีเยี่ยม");
  await expect(structure.getByTestId("parsed-signatures")).toContainText("ปฏิบัติหน้าที่นายกองค์การบริหารส่วนตำบลท้ายหาด");
  // The misspelling is marked in the structure and in the source.
  await expect(structure.locator("mark", { hasText: "ข้อเสนอนะ" })).toBeVisible();
  const source = page.getByTestId("import-source");
  await expect(source.locator("mark", { hasText: "ข้อเสนอนะ" })).toHaveCount(1);
  // A click on a flag brings its line of the source into view, outlined.
  const variant = page.getByTestId("import-flag").filter({ hasText: "ชื่อหน่วยงานสะกดต่างกัน" });
  const line = await variant.getAttribute("data-line");
  await variant.click();
  const sourceLine = page.locator(`#source-line-${line}`);
  await expect(sourceLine).toBeInViewport();
  await expect(sourceLine).toHaveClass(/bg-amber-50/);
  await expect(sourceLine.locator("mark")).toHaveText("องค์การบริหารส่วนตำบลท่าหยาด");
  await expect(page.getByTestId("import-unplaced")).toContainText("รายละเอียดขั้นตอนการดำเนินการ");
  // FY2568 already has the submitted report: it cannot be chosen.
  await expect(page.getByTestId("import-year-2568")).toBeDisabled();
  await page.getByTestId("import-summary").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/report-import-preview.png", fullPage: false });
  await structure.getByTestId("parsed-measure").first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/report-import-measure.png", fullPage: false });
  await page.getByTestId("import-create").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/report-import-years.png", fullPage: false });
});

test("a preparer with no FY2569 report makes the draft, then replaces it after confirming", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await signIn(page, "amphawa.editor");
  await uploadSeed(page);
  await expect(page.getByTestId("import-other-organization")).toBeVisible();
  // FY2569 (open, no report) is chosen whatever years other specs add.
  await page.getByTestId("import-year-2569").check();
  await expect(page.getByTestId("import-create-draft")).toHaveText("สร้างฉบับร่างปีงบประมาณ 2569");
  await page.getByTestId("import-create-draft").click();
  await page.waitForURL(/\/reports\/[^/]+\/edit$/);
  const editUrl = page.url();
  await expect(page.getByTestId("issue-card")).toHaveCount(7);
  await expect(page.getByTestId("measure-card")).toHaveCount(9);
  await expect(page.getByTestId("measure-card").first().getByLabel("ชื่อมาตรการ")).toHaveValue(new RegExp(`^${firstMeasure}`));

  // The same report pasted: the year has a draft now, so the page asks first.
  await page.goto(editUrl.replace(/\/reports\/.*$/, "/"));
  await page.getByTestId("import-report-link").click();
  await page.getByLabel("หรือวางข้อความ").fill(fs.readFileSync(FIXTURE, "utf8"));
  await page.getByRole("button", { name: "อ่านข้อความที่วาง" }).click();
  await expect(page.getByTestId("import-preview")).toBeVisible({ timeout: 30_000 });
  await page.getByTestId("import-create-draft").click();
  const dialog = page.getByTestId("import-confirm");
  await expect(dialog).toContainText("มีฉบับร่างรายงานปีงบประมาณ 2569 อยู่แล้ว");
  await dialog.getByRole("button", { name: "แทนที่ฉบับร่างเดิม" }).click();
  await page.waitForURL(editUrl);
  await expect(page.getByTestId("issue-card")).toHaveCount(7);
});
