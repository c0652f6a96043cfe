// Each fiscal year's framework in Chromium: the national administrator creates FY2570 from
// FY2569 in one step, is stopped at the field by a threshold out of order, edits a level rule and
// opens the year; FY2569 stays as it was; a province gets a later deadline, never an earlier one.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

test("the national administrator copies FY2569's framework to FY2570 and edits a rule", async ({ page }) => {
  await signIn(page, "admin");
  await page.getByRole("link", { name: "กรอบการประเมินรายปี" }).click();
  await expect(page.getByRole("heading", { name: "กรอบการประเมินรายปี" })).toBeVisible();
  await expect(page.getByTestId("fiscal-year-2569")).toContainText("เปิดรับรายงาน");
  await screenshot(page, "years");

  await page.getByRole("button", { name: "สร้างปีงบประมาณ 2570 จากกรอบของปี 2569" }).click();
  await expect(page).toHaveURL(/\/admin\/frameworks\/2570$/);
  await expect(page.getByRole("heading", { name: "กรอบการประเมิน ปีงบประมาณ 2570" })).toBeVisible();
  await expect(page.getByTestId("year-state")).toContainText("ปิดอยู่");
  await expect(page.getByTestId("year-section")).toContainText("1 ตุลาคม 2569 – 30 กันยายน 2570");
  await expect(page.getByTestId("suggested-issues").locator("[data-testid^=suggested-issue-]")).toHaveCount(7);

  // A threshold above the level before it is refused where it was typed.
  const secondTotal = page.getByLabel("คะแนนรวมขั้นต่ำ ระดับที่ 2");
  await expect(secondTotal).toHaveValue("85");
  await secondTotal.fill("96");
  const rule2 = page.getByTestId("level-rule-2");
  await expect(rule2).toContainText("คะแนนรวมขั้นต่ำต้องไม่สูงกว่าระดับก่อนหน้า (95)");
  await expect(page.getByRole("button", { name: "บันทึกเกณฑ์ระดับ" })).toBeDisabled();
  await screenshot(page, "rule-refused");

  await secondTotal.fill("88");
  await page.getByLabel("ขั้นต่ำรายเครื่องมือ ระดับที่ 2").fill("88");
  await expect(rule2).not.toContainText("ต้องไม่สูงกว่า");
  await page.getByRole("button", { name: "บันทึกเกณฑ์ระดับ" }).click();
  await expect(page.getByTestId("level-rules")).toContainText("บันทึกแล้ว");
  await page.reload();
  await expect(page.getByLabel("คะแนนรวมขั้นต่ำ ระดับที่ 2")).toHaveValue("88");

  await page.getByRole("button", { name: "เปิดรับรายงาน" }).click();
  await expect(page.getByTestId("year-state")).toHaveText("เปิดรับรายงาน");
  await screenshot(page, "fy2570");

  // The copy is independent: FY2569 keeps its rule.
  await page.goto("/admin/frameworks/2569");
  await expect(page.getByLabel("คะแนนรวมขั้นต่ำ ระดับที่ 2")).toHaveValue("85");
  // A suggested issue reports use cannot be removed: its delete button says why.
  await expect(page.getByTestId("suggested-issue-1").getByRole("button", { name: "ลบ" }).first()).toBeDisabled();
});

test("a province's deadline is extended only to a later day", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/frameworks/2570");
  const row = page.getByTestId("province-deadline-สมุทรสงคราม");
  await expect(row.getByTestId("deadline-in-force")).toContainText("31 มกราคม 2571");
  const date = row.getByLabel("กำหนดส่งใหม่ของจังหวัดสมุทรสงคราม");
  await date.fill("2028-01-15");
  await row.getByRole("button", { name: "ขยายกำหนดส่ง" }).click();
  await expect(row).toContainText("กำหนดส่งของจังหวัดต้องหลังกำหนดส่งของปีงบประมาณ (31 มกราคม 2571)");
  await date.fill("2028-02-29");
  await row.getByLabel("เหตุผล (ถ้ามี)").fill("อุทกภัย");
  await row.getByRole("button", { name: "ขยายกำหนดส่ง" }).click();
  await expect(row.getByTestId("deadline-in-force")).toContainText("29 กุมภาพันธ์ 2571");
  await expect(row.getByTestId("deadline-in-force")).toContainText("ขยายจากกำหนดของปี");
  await screenshot(page, "province-deadline");
});
