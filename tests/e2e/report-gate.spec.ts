// Before sending (issue 14): a report that breaks the rules for sending is not sent; the editor
// lists what is missing, each item a link that takes the preparer to the field. Uses ทต.อัมพวา's
// FY2569 demo draft and leaves it as it found it (stuck-reports.spec.ts sends it later).
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test.beforeEach(({ page }) => {
  page.on("dialog", (dialog) => void dialog.accept());
});

test("an incomplete report is not sent: the list of what is missing links to each field", async ({ page }) => {
  await signIn(page, "amphawa.editor");
  await page.getByTestId("year-2569").getByRole("link").click();
  await page.waitForURL(/\/reports\/[^/]+$/);
  await page.getByRole("link", { name: "แก้ไขรายงาน" }).click();
  await page.waitForURL(/\/edit$/);
  const memoDate = page.getByLabel("วันที่", { exact: true });
  const pending = page.getByLabel("ยังไม่ได้ออกเลขที่หนังสือ");
  const firstTitle = page.getByTestId("measure-card").first().getByLabel("ชื่อมาตรการ");
  const title = await firstTitle.inputValue();
  await expect(page.getByTestId("completeness")).toContainText("ครบถ้วนแล้ว");

  await memoDate.fill("");
  await pending.uncheck();
  await firstTitle.fill("");
  await expect(page.getByTestId("save-status")).toHaveText("บันทึกแล้ว", { timeout: 15_000 });
  const meter = page.getByTestId("completeness");
  await expect(meter).toContainText("ต้องแก้ไขอีก 3 รายการก่อนเสนอ");

  await page.getByTestId("submit-for-sign-off").click();
  const refusal = page.getByTestId("submit-refusal");
  await expect(refusal.getByRole("heading")).toHaveText("ยังเสนอรายงานไม่ได้ ต้องแก้ไขอีก 3 รายการ");
  const links = refusal.getByRole("link");
  await expect(links).toHaveText([
    "บันทึกข้อความ: ยังไม่ได้ระบุวันที่ของบันทึกข้อความ",
    'บันทึกข้อความ: ยังไม่ได้ระบุเลขทะเบียนหนังสือ หากยังไม่ได้ออกเลข ให้เลือก "ยังไม่ได้ออกเลขที่หนังสือ"',
    "มาตรการที่ 1.1: ยังไม่ได้ตั้งชื่อมาตรการ",
  ]);
  await page.screenshot({ path: "test-results/report-gate-refusal.png" });
  await expect(page.getByTestId("report-status")).toHaveCount(0); // still in the editor: nothing was sent

  // Each link puts the cursor in its field.
  await links.nth(2).click();
  await expect(firstTitle).toBeFocused();
  await page.screenshot({ path: "test-results/report-gate-followed.png" });
  await firstTitle.fill(title);
  await links.first().click();
  await expect(memoDate).toBeFocused();
  await memoDate.fill("2026-09-30");
  // The list follows the fixes: one left, the number.
  await expect(links).toHaveCount(1);
  await links.first().click();
  await expect(page.getByLabel("เลขทะเบียนหนังสือ")).toBeFocused();
  await pending.check();
  await expect(refusal.getByRole("heading")).toHaveText("แก้ไขครบแล้ว เสนอรายงานได้");
  await expect(meter).toContainText("ครบถ้วนแล้ว");
  await expect(page.getByTestId("save-status")).toHaveText("บันทึกแล้ว", { timeout: 15_000 });
});
