// Buddhist-Era dates in Chromium, in the report editor's memo date (วันที่): ทต.อัมพวา's FY2569
// draft (made by report-import.spec.ts, a draft again after stuck-reports.spec.ts) has the seed
// memo's date, 7 มกราคม 2569. The preparer picks another day from the calendar with the keyboard
// alone, is refused an impossible day in Thai, then types 7/1/2569 (and ๗ ม.ค. ๒๕๖๙) back; each
// is saved and found again after a reload. The draft ends with the date it began with.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

let editUrl = "";

test.beforeEach(({ page }) => {
  page.on("dialog", (dialog) => void dialog.accept());
});

async function openEditor(page: Page) {
  await page.goto(editUrl);
  await expect(page.getByTestId("save-status")).toHaveText("บันทึกแล้ว");
}

const memoDate = (page: Page) => page.getByLabel("วันที่", { exact: true });

async function savedAndReloaded(page: Page) {
  await expect(page.getByTestId("save-status")).toHaveText("บันทึกแล้ว", { timeout: 15_000 });
  await page.reload();
  await expect(page.getByTestId("save-status")).toHaveText("บันทึกแล้ว");
}

test("the preparer opens the calendar with the keyboard and picks a day", async ({ page }) => {
  await signIn(page, "amphawa.editor");
  await page.getByTestId("year-2569").getByRole("link").click();
  await page.waitForURL(/\/reports\/[^/]+$/);
  await page.getByRole("link", { name: "แก้ไขรายงาน" }).click();
  await page.waitForURL(/\/edit$/);
  editUrl = page.url();

  const field = memoDate(page);
  await expect(field).toHaveValue("7/1/2569");
  await expect(field).toHaveAccessibleDescription("7 มกราคม 2569");
  await field.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/thai-date-field.png", clip: (await field.locator("xpath=../..").boundingBox())! });

  // Alt+↓ in the field opens the month of its day; the arrows move, Enter picks.
  await field.focus();
  await page.keyboard.press("Alt+ArrowDown");
  const calendar = page.getByRole("dialog", { name: "ปฏิทินสำหรับวันที่" });
  await expect(calendar).toBeVisible();
  await expect(calendar.getByRole("heading")).toHaveText("มกราคม 2569");
  await expect(calendar.getByRole("gridcell", { selected: true })).toHaveText("7");
  await page.screenshot({ path: "test-results/thai-date-calendar.png" });
  await page.keyboard.press("ArrowDown"); // a week later: 14 January
  await page.keyboard.press("ArrowRight"); // 15 January
  await page.keyboard.press("Enter");
  await expect(calendar).toBeHidden();
  await expect(field).toHaveValue("15/1/2569");
  await expect(field).toHaveAccessibleDescription("15 มกราคม 2569");
  await savedAndReloaded(page);
  await expect(memoDate(page)).toHaveValue("15/1/2569");

  // The calendar button is reached with Tab too; Page Down turns to the next month.
  await memoDate(page).focus();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "ปฏิทิน" }).and(page.locator(":focus"))).toHaveCount(1);
  await page.keyboard.press("Enter");
  await expect(calendar.getByRole("heading")).toHaveText("มกราคม 2569");
  await page.keyboard.press("PageDown");
  await expect(calendar.getByRole("heading")).toHaveText("กุมภาพันธ์ 2569");
  await page.keyboard.press("Escape");
  await expect(calendar).toBeHidden();
  await expect(memoDate(page)).toHaveValue("15/1/2569");
});

test("an impossible day is refused in Thai and the field keeps its day", async ({ page }) => {
  await signIn(page, "amphawa.editor");
  await openEditor(page);
  const field = memoDate(page);
  await field.fill("30/2/2569");
  await field.press("Tab");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription("ไม่มีวันที่ 30 กุมภาพันธ์ 2569 (เดือนนี้มี 28 วัน) — ยังใช้วันที่เดิม 15 มกราคม 2569");
  await page.screenshot({ path: "test-results/thai-date-impossible.png", clip: (await field.locator("xpath=../..").boundingBox())! });
  await field.fill("7/1/2026");
  await field.press("Enter");
  await expect(field).toHaveAccessibleDescription(/^ปี 2026 เป็นปี ค\.ศ\. กรุณาพิมพ์ปี พ\.ศ\. \(ค\.ศ\. 2026 คือ พ\.ศ\. 2569\) เช่น 7\/1\/2569/);
  await page.reload();
  await expect(memoDate(page)).toHaveValue("15/1/2569");
});

test("the preparer types 7/1/2569, sees 7 มกราคม 2569, and finds it after a reload and on the report", async ({ page }) => {
  await signIn(page, "amphawa.editor");
  await openEditor(page);
  const field = memoDate(page);
  await field.fill("๗ ม.ค. ๒๕๖๙");
  await expect(field).toHaveAccessibleDescription("7 มกราคม 2569");
  await field.fill("8/1/2569");
  await expect(field).toHaveAccessibleDescription("8 มกราคม 2569");
  await field.press("Tab");
  await savedAndReloaded(page);
  await expect(memoDate(page)).toHaveValue("8/1/2569");

  await memoDate(page).fill("7/1/2569");
  await expect(memoDate(page)).toHaveAccessibleDescription("7 มกราคม 2569");
  await memoDate(page).press("Tab");
  await savedAndReloaded(page);
  await expect(memoDate(page)).toHaveValue("7/1/2569");
  await expect(memoDate(page)).toHaveAccessibleDescription("7 มกราคม 2569");

  await page.goto(editUrl.replace(/\/edit$/, ""));
  await expect(page.getByTestId("report-status")).toBeVisible();
  await expect(page.getByTestId("memo")).toContainText("7 มกราคม 2569");
});

test("a period that ends before it starts is not saved, and its end date says why", async ({ page }) => {
  await signIn(page, "amphawa.editor");
  await openEditor(page);
  const end = page.getByTestId("measure-card").first().getByLabel("วันสิ้นสุด", { exact: true });
  const original = await end.inputValue();
  await end.fill("1/1/2567");
  await end.press("Tab");
  await expect(page.getByTestId("save-status")).toContainText("วันเริ่มต้องไม่อยู่หลังวันสิ้นสุด");
  await expect(end).toHaveAccessibleDescription("วันเริ่มต้องไม่อยู่หลังวันสิ้นสุด");
  await expect(end).toHaveAttribute("aria-invalid", "true");
  await end.locator("xpath=../../..").screenshot({ path: "test-results/thai-date-period-refused.png" });
  await end.fill(original);
  await end.press("Tab");
  await expect(page.getByTestId("save-status")).toHaveText("บันทึกแล้ว", { timeout: 15_000 });
  await expect(end).not.toHaveAttribute("aria-invalid", "true");
});

test("the server's refusal of the memo's date is said under the date field, until the date is changed", async ({ page }) => {
  // The preparer's computer runs two days ahead: the editor takes tomorrow for a past day, the
  // server (today in Thailand) refuses it when the report is sent. Nothing is sent.
  const day = 86_400_000;
  const bangkok = new Date(Date.now() + day + 7 * 3_600_000); // tomorrow in Thailand
  const tomorrow = `${bangkok.getUTCDate()}/${bangkok.getUTCMonth() + 1}/${bangkok.getUTCFullYear() + 543}`;
  await signIn(page, "amphawa.editor");
  await page.clock.setFixedTime(Date.now() + 2 * day);
  await openEditor(page);
  await expect(page.getByTestId("completeness")).toContainText("ครบถ้วนแล้ว");
  const field = memoDate(page);
  await field.fill(tomorrow);
  await field.press("Tab");
  await expect(page.getByTestId("save-status")).toHaveText("บันทึกแล้ว", { timeout: 15_000 });
  await page.getByTestId("submit-for-sign-off").click();
  const refusal = page.getByTestId("submit-refusal");
  await expect(refusal).toContainText("เป็นวันในอนาคต");
  await expect(field).toHaveAccessibleDescription(/^บันทึกข้อความ: วันที่ของบันทึกข้อความ \(.+\) เป็นวันในอนาคต ลงวันที่ได้ตั้งแต่ 1 ตุลาคม 2568 ถึง /);
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/edit$/);
  await page.screenshot({ path: "test-results/thai-date-server-refusal.png" });

  await field.fill("7/1/2569");
  await field.press("Tab");
  await expect(field).toHaveAccessibleDescription("7 มกราคม 2569");
  await expect(page.getByTestId("save-status")).toHaveText("บันทึกแล้ว", { timeout: 15_000 });
  await refusal.getByRole("button", { name: "ปิด" }).click();
});

test("the registry's end date takes a Thai date too and sends its form the ISO day (nothing is saved)", async ({ page }) => {
  await signIn(page, "admin.skm");
  await page.goto("/admin/organizations");
  await page.getByTestId("organization-search").fill("ท้ายหาด");
  const row = page.getByTestId("organization-list").locator("tr", { hasText: "ท้ายหาด" }).first();
  await row.getByRole("button", { name: "แก้ไข" }).click();
  const endedAt = row.getByLabel("ตั้งแต่วันที่", { exact: true });
  await endedAt.fill("31 เม.ย. 2569");
  await endedAt.press("Tab");
  await expect(endedAt).toHaveAccessibleDescription("ไม่มีวันที่ 31 เมษายน 2569 (เดือนนี้มี 30 วัน)");
  await expect(row.locator('input[name="endedAt"]')).toHaveValue("");
  await endedAt.fill("๑ ต.ค. ๒๕๖๘");
  await expect(endedAt).toHaveAccessibleDescription("1 ตุลาคม 2568");
  await expect(row.locator('input[name="endedAt"]')).toHaveValue("2025-10-01");
  await row.getByLabel("ประเภทใหม่มีผลตั้งแต่ (ถ้าเปลี่ยนประเภท)").fill("1/10/2568");
  await expect(row.locator('input[name="effectiveFrom"]')).toHaveValue("2025-10-01");
  await page.screenshot({ path: "test-results/thai-date-registry.png", clip: (await row.boundingBox())! });
});
