// The report editor's safety nets (issue 14), on ทต.อัมพวา's FY2569 draft: the one
// report-import.spec.ts makes from the seed memo (this file runs after it, and makes the same
// draft itself when run alone), which stuck-reports.spec.ts then sends. Each test leaves the
// draft as it found it, or fixed.
// - Before sending: a report that breaks the rules for sending is not sent; the editor lists
//   what is missing, each item a link that takes the preparer to the field.
// - No lost edits: leaving the editor by a link, the browser's back button or signing out saves
//   first, or asks when the save fails; back and forward then show what was saved.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

const FIXTURE = "tests/fixtures/seed-report-thaihad-2568.txt";

test.beforeEach(({ page }) => {
  page.on("dialog", (dialog) => void dialog.accept());
});

/** Signs in as ทต.อัมพวา's preparer and opens its FY2569 draft in the editor; returns the report's address. */
async function openDraft(page: Page) {
  await signIn(page, "amphawa.editor");
  const year = page.getByTestId("year-2569");
  await expect(year).toBeVisible();
  if ((await year.getByText("เปิดรายงาน").count()) === 0) {
    await page.getByTestId("import-report-link").click();
    await page.getByTestId("import-file").setInputFiles(FIXTURE);
    await expect(page.getByTestId("import-preview")).toBeVisible({ timeout: 30_000 });
    await page.getByTestId("import-year-2569").check();
    await page.getByTestId("import-create-draft").click();
  } else {
    await year.getByRole("link").click();
    await page.waitForURL(/\/reports\/[^/]+$/);
    await page.getByRole("link", { name: "แก้ไขรายงาน" }).click();
  }
  await page.waitForURL(/\/reports\/[^/]+\/edit$/);
  await expect(page.getByTestId("save-status")).toHaveText("บันทึกแล้ว");
  return page.url().replace(/\/edit$/, "");
}

test("an incomplete report is not sent: the list of what is missing links to each field", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await openDraft(page);
  const memoDate = page.getByLabel("วันที่", { exact: true });
  const firstMeasure = page.getByTestId("measure-card").first();
  const firstTitle = firstMeasure.getByLabel("ชื่อมาตรการ");
  const title = await firstTitle.inputValue();
  const memoDateValue = await memoDate.inputValue();
  expect(memoDateValue).toBe("7/1/2569"); // read from the imported memo

  await memoDate.fill("");
  await firstTitle.fill("");
  await expect(page.getByTestId("save-status")).toHaveText("บันทึกแล้ว", { timeout: 15_000 });
  await expect(page.getByTestId("completeness")).toContainText(/ต้องแก้ไขอีก \d+ รายการก่อนเสนอ/);

  await page.getByTestId("submit-for-sign-off").click();
  const refusal = page.getByTestId("submit-refusal");
  await expect(refusal.getByRole("heading")).toHaveText(/^ยังเสนอรายงานไม่ได้ ต้องแก้ไขอีก \d+ รายการ$/);
  const links = refusal.getByRole("link");
  await expect(links.first()).toHaveText("บันทึกข้อความ: ยังไม่ได้ระบุวันที่ของบันทึกข้อความ");
  const titleLink = links.filter({ hasText: "มาตรการที่ 1.1: ยังไม่ได้ตั้งชื่อมาตรการ" });
  // The imported measures keep FY2568's period: outside FY2569, they need a reason.
  const periodLink = links.filter({
    hasText: "มาตรการที่ 1.1: ระยะเวลา (1 ตุลาคม 2567 – 30 กันยายน 2568) อยู่นอกปีงบประมาณ 2569 (1 ตุลาคม 2568 – 30 กันยายน 2569) แก้ให้อยู่ในปีงบประมาณ หรือระบุเหตุผล",
  });
  await expect(titleLink).toHaveCount(1);
  await expect(periodLink).toHaveCount(1);
  // The date fields say their problem under themselves too (the period's under the day that leaves the year).
  await expect(memoDate).toHaveAccessibleDescription("ยังไม่ได้ระบุวันที่ของบันทึกข้อความ");
  await expect(memoDate).toHaveAttribute("aria-invalid", "true");
  const periodEnd = firstMeasure.getByLabel("วันสิ้นสุด", { exact: true });
  await expect(periodEnd).toHaveAccessibleDescription(/^ระยะเวลา \(1 ตุลาคม 2567 – 30 กันยายน 2568\) อยู่นอกปีงบประมาณ 2569/);
  await page.screenshot({ path: "test-results/report-gate-refusal.png" });
  await expect(page).toHaveURL(/\/edit$/); // nothing was sent

  // Each link puts the cursor in its field.
  await titleLink.click();
  await expect(firstTitle).toBeFocused();
  await page.screenshot({ path: "test-results/report-gate-followed.png" });
  await firstTitle.fill(title);
  await expect(titleLink).toHaveCount(0); // the list follows the fixes
  await periodLink.click();
  await expect(firstMeasure.locator('[data-field$=".period"] :focus')).toHaveCount(1);
  await links.first().click();
  await expect(memoDate).toBeFocused();
  await memoDate.fill(memoDateValue);
  for (const reason of await page.getByLabel("เหตุผลที่ระยะเวลาอยู่นอกปีงบประมาณ").all()) {
    await reason.fill("ดำเนินการตามแผนปีงบประมาณ 2568 ต่อเนื่อง");
  }
  await expect(refusal.getByRole("heading")).toHaveText("แก้ไขครบแล้ว เสนอรายงานได้");
  await expect(memoDate).toHaveAccessibleDescription("7 มกราคม 2569");
  await expect(periodEnd).toHaveAccessibleDescription("30 กันยายน 2568");
  await expect(page.getByTestId("completeness")).toContainText("ครบถ้วนแล้ว");
  await expect(page.getByTestId("save-status")).toHaveText("บันทึกแล้ว", { timeout: 15_000 });
});

test("text typed in ที่ and left at once by the back link, the browser's back button or signing out is saved first; a failed save asks", async ({ page }) => {
  const reportUrl = await openDraft(page);
  const code = page.getByLabel("ที่", { exact: true });
  const status = page.getByTestId("save-status");
  const original = await code.inputValue();
  const reopen = async () => {
    await page.goto(reportUrl);
    await page.getByRole("link", { name: "แก้ไขรายงาน" }).click();
    await page.waitForURL(/\/edit$/);
    await expect(status).toHaveText("บันทึกแล้ว");
  };

  // The back link, clicked before the autosave's second has passed: the report page it opens
  // already shows the text, and so does a reload.
  await code.fill("สส 70001");
  await expect(status).toHaveText("ยังไม่ได้บันทึก");
  await page.getByRole("link", { name: "← กลับไปหน้ารายงาน" }).click();
  await page.waitForURL(reportUrl);
  await expect(page.locator("main")).toContainText("สส 70001/");
  await page.reload();
  await expect(page.locator("main")).toContainText("สส 70001/");

  // The browser's back button: the editor sends the save as it goes.
  await reopen();
  await code.fill("สส 70002");
  const sent = page.waitForResponse((response) => response.url().includes("report.saveDraft"));
  await page.goBack();
  await page.waitForURL(reportUrl);
  expect((await sent).ok()).toBe(true);
  await reopen();
  await expect(code).toHaveValue("สส 70002");

  // Signing out.
  await code.fill("สส 70003");
  await page.getByRole("button", { name: "ออกจากระบบ" }).click();
  await page.waitForURL(/\/login$/);
  await openDraft(page);
  await expect(code).toHaveValue("สส 70003");

  // A change that cannot be saved (too long for ที่): leaving asks, and staying keeps it on screen.
  const tooLong = "ส".repeat(60);
  await code.fill(tooLong);
  await expect(status).toContainText("เลขที่หนังสือยาวเกิน 50 ตัวอักษร");
  const asked: string[] = [];
  page.removeAllListeners("dialog");
  page.once("dialog", (dialog) => {
    asked.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByRole("link", { name: "← กลับไปหน้ารายงาน" }).click();
  await expect.poll(() => asked.length).toBe(1);
  expect(asked[0]).toContain("ยังบันทึกรายงานไม่สำเร็จ");
  await expect(page).toHaveURL(/\/edit$/);
  await expect(code).toHaveValue(tooLong);
  await page.screenshot({ path: "test-results/report-leave-asks.png" });

  await code.fill(original);
  await expect(status).toHaveText("บันทึกแล้ว", { timeout: 15_000 });
});

test("after saving, the browser's back and forward buttons show what was saved, on the report and in the editor", async ({ page }) => {
  const reportUrl = await openDraft(page);
  const code = page.getByLabel("ที่", { exact: true });
  const status = page.getByTestId("save-status");
  const original = await code.inputValue();
  // The report page is in the browser's history before the editor, with the text of before.
  await page.goto(reportUrl);
  await expect(page.locator("main")).toContainText(`${original}/`);
  await page.getByRole("link", { name: "แก้ไขรายงาน" }).click();
  await page.waitForURL(/\/edit$/);

  await code.fill("สส 70004");
  await expect(status).toHaveText("บันทึกแล้ว", { timeout: 15_000 });
  await page.goBack();
  await page.waitForURL(reportUrl);
  await expect(page.locator("main")).toContainText("สส 70004/");
  await expect(page.locator("main")).not.toContainText(`${original}/`);
  await page.screenshot({ path: "test-results/report-back-after-save.png" });

  await page.goForward();
  await page.waitForURL(/\/edit$/);
  await expect(code).toHaveValue("สส 70004");
  await expect(status).toHaveText("บันทึกแล้ว");

  await code.fill(original);
  await expect(status).toHaveText("บันทึกแล้ว", { timeout: 15_000 });
  await page.goBack();
  await page.waitForURL(reportUrl);
  await expect(page.locator("main")).toContainText(`${original}/`);
  await expect(page.locator("main")).not.toContainText("สส 70004/");
});
