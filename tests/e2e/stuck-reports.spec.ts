// No stuck reports, in Chromium, as the people of a province would meet it. ทต.อัมพวา has a
// preparer and no signer at all (its FY2569 draft was made by report-import.spec.ts): the preparer
// is warned before sending and told whom to ask, sends it anyway and withdraws it (ถอนเรื่อง); the
// province reviewer finds it on the status board; the province's administrator, told of it, adds a
// ปลัด and moves the report past the empty step; the ปลัด is warned that the นายก's step is empty
// too; the administrator sends it back to the preparer, who reads why. It ends a draft again, as
// it began, for the specs after this one.
import { expect, test, type Page } from "@playwright/test";
import { decide, signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

const PALAD_PASSWORD = "ปลัดอัมพวาลงนามทันเวลา";
let reportUrl = "";

test.beforeEach(({ page }) => {
  page.on("dialog", (dialog) => void dialog.accept());
});

async function submitFromEditor(page: Page) {
  await page.goto(`${reportUrl}/edit`);
  await expect(page.getByTestId("save-status")).toBeVisible();
  // The draft report-import.spec.ts made keeps FY2568's periods: a reason lets them stand.
  for (const reason of await page.getByLabel("เหตุผลที่ระยะเวลาอยู่นอกปีงบประมาณ").all()) {
    if (!(await reason.inputValue())) await reason.fill("ดำเนินการตามแผนปีงบประมาณ 2568 ต่อเนื่อง");
  }
  await expect(page.getByTestId("completeness")).toContainText("ครบถ้วนแล้ว");
  await page.getByTestId("submit-for-sign-off").click();
  await page.waitForURL(reportUrl);
  await expect(page.getByTestId("report-status")).toContainText("รอความเห็นของหัวหน้าสำนักปลัด");
}

test("the preparer is warned before sending that nobody signs, told whom to ask, and withdraws the stuck report", async ({ page }) => {
  await signIn(page, "amphawa.editor");
  await page.getByTestId("year-2569").getByRole("link").click();
  await page.waitForURL(/\/reports\/[^/]+$/);
  reportUrl = page.url();
  await page.getByRole("link", { name: "แก้ไขรายงาน" }).click();
  await page.waitForURL(/\/edit$/);
  const warning = page.getByTestId("chain-warning");
  await expect(warning).toContainText("ยังไม่มีผู้ลงนามในขั้นหัวหน้าสำนักปลัด, ปลัด, นายก: ถ้าเสนอตอนนี้ รายงานจะค้างอยู่ที่ขั้นหัวหน้าสำนักปลัด");
  await expect(warning.getByTestId("whom-to-ask")).toContainText("ผู้ดูแลระบบจังหวัด (สาธิต)");
  await expect(warning.getByRole("link", { name: "admin.skm@example.org" })).toHaveAttribute("href", "mailto:admin.skm@example.org");
  await page.screenshot({ path: "test-results/stuck-before-sending.png" });

  await submitFromEditor(page);
  await expect(page.getByTestId("chain-warning")).toContainText("รายงานค้างอยู่ที่ขั้นหัวหน้าสำนักปลัด: ขั้นนี้ยังไม่มีผู้ลงนาม");
  await page.screenshot({ path: "test-results/stuck-waiting.png" });

  await page.getByTestId("report-actions").getByRole("button", { name: "ถอนเรื่อง" }).click();
  await expect(page.getByTestId("report-actions")).toContainText("รายงานจะกลับเป็นฉบับร่าง");
  await decide(page, "ถอนเรื่อง", "ยังไม่มีผู้ลงนาม รอจังหวัดเพิ่มบัญชี");
  await expect(page.getByTestId("report-status")).toContainText("ฉบับร่าง");
  await expect(page.getByTestId("sign-offs").getByTestId("sign-off-WITHDRAWN")).toContainText("ผู้จัดทำถอนเรื่อง — ยังไม่มีผู้ลงนาม รอจังหวัดเพิ่มบัญชี");
  await expect(page.getByRole("link", { name: "แก้ไขรายงาน" })).toBeVisible();

  // Sent again: it waits where nobody signs.
  await submitFromEditor(page);
});

test("the province reviewer finds it on the status board: waiting at a step nobody can sign", async ({ page }) => {
  await signIn(page, "province.skm");
  await page.getByRole("link", { name: "สถานะการส่งรายงาน" }).click();
  await page.waitForURL(/\/status/);
  await page.getByTestId("count-unsignable").click();
  await page.waitForURL(/flag=unsignable/);
  const row = page.getByTestId("status-row").filter({ hasText: "เทศบาลตำบลอัมพวา" });
  await expect(row).toHaveAttribute("data-unsignable", "true");
  await expect(row).toContainText("รอความเห็นหัวหน้าสำนักปลัด");
  await expect(row.getByTestId("unsignable")).toHaveText("ไม่มีผู้ลงนาม");
  // The days that make a report stuck are the reviewer's to choose.
  await page.getByTestId("stuck-days").fill("3");
  await page.getByRole("button", { name: "กรอง" }).click();
  await page.waitForURL(/days=3/);
  await expect(page.getByText("รอความเห็นในขั้นเดียวกันตั้งแต่ 3 วัน")).toBeVisible();
  // The filter chosen by the count's link stays with the form.
  await expect(page.getByLabel("เฉพาะ")).toHaveValue("unsignable");
  await expect(page.getByTestId("status-row")).toHaveCount(1);
  await page.screenshot({ path: "test-results/stuck-status-board.png", fullPage: true });
});

test("the province's administrator adds a ปลัด and moves the report past the empty step, with a reason", async ({ page }) => {
  await signIn(page, "admin.skm");
  await page.getByTestId("inbox-link").click();
  const item = page.getByTestId("inbox").getByRole("listitem").filter({ hasText: "เทศบาลตำบลอัมพวา" });
  await expect(item).toContainText("รอความเห็นของหัวหน้าสำนักปลัด แต่ขั้นนี้ยังไม่มีผู้ลงนาม");
  await item.getByRole("link").click();
  await page.waitForURL(reportUrl);
  await expect(page.getByTestId("chain-warning").getByRole("link", { name: "หน้าบัญชีผู้ใช้" })).toBeVisible();

  // Nowhere to move it yet: the later steps have nobody either.
  await page.getByTestId("report-actions").getByRole("button", { name: "เปลี่ยนเส้นทางรายงาน" }).click();
  await expect(page.getByTestId("reroute-target").locator("option", { hasText: "ไปรอความเห็นของปลัด (ยังไม่มีผู้ลงนาม)" })).toBeDisabled();

  await page.goto("/admin/accounts");
  const createUser = page.getByTestId("create-user");
  await createUser.getByLabel("ชื่อผู้ใช้").fill("amphawa.palad");
  await createUser.getByLabel("คำนำหน้า/ยศ").fill("นาย");
  await createUser.getByLabel("ชื่อ-นามสกุล").fill("วิชัย รักษ์ถิ่น");
  await createUser.getByLabel("ตำแหน่ง").fill("ปลัดเทศบาลตำบลอัมพวา");
  await createUser.getByLabel("บทบาท").selectOption({ label: "ผู้ลงนามให้ความเห็น" });
  await createUser.getByTestId("organization-picker").fill("อัมพวา");
  await createUser.getByRole("button", { name: /^เทศบาลตำบลอัมพวา/ }).click();
  await createUser.getByLabel("ขั้นการลงนาม").selectOption({ label: "ปลัด" });
  await createUser.getByRole("button", { name: "สร้างบัญชีและออกลิงก์ตั้งรหัสผ่าน" }).click();
  const link = await createUser.getByTestId("password-link-url").inputValue();

  await page.goto(reportUrl);
  await expect(page.getByTestId("chain-warning")).toContainText("ปลัด: นายวิชัย รักษ์ถิ่น");
  await page.getByTestId("report-actions").getByRole("button", { name: "เปลี่ยนเส้นทางรายงาน" }).click();
  await page.getByTestId("reroute-target").selectOption({ label: "ไปรอความเห็นของปลัด (นายวิชัย รักษ์ถิ่น)" });
  await page.getByTestId("report-actions").getByRole("textbox").fill("อัมพวายังไม่มีหัวหน้าสำนักปลัด ให้ปลัดพิจารณาก่อน");
  await page.screenshot({ path: "test-results/stuck-reroute.png" });
  await page.getByRole("button", { name: "ยืนยัน: เปลี่ยนเส้นทางรายงาน" }).click();
  await expect(page.getByTestId("report-status")).toContainText("รอความเห็นของปลัด");
  await expect(page.getByTestId("sign-offs").getByTestId("sign-off-REROUTED")).toContainText(
    "ผู้ดูแลระบบย้ายไปรอความเห็นของปลัด — อัมพวายังไม่มีหัวหน้าสำนักปลัด ให้ปลัดพิจารณาก่อน",
  );
  await expect(page.getByTestId("chain-warning")).toContainText("ขั้นนายกที่จะถึงยังไม่มีผู้ลงนาม");

  // The new ปลัด sets a password, finds the report awaiting them and is warned before endorsing.
  await page.context().clearCookies();
  await page.goto(link);
  await page.getByRole("textbox", { name: /^รหัสผ่านใหม่/ }).fill(PALAD_PASSWORD);
  await page.getByLabel("ยืนยันรหัสผ่านใหม่").fill(PALAD_PASSWORD);
  await page.getByRole("button", { name: "ตั้งรหัสผ่าน" }).click();
  await expect(page.getByTestId("password-set")).toBeVisible();
  await signIn(page, "amphawa.palad", PALAD_PASSWORD);
  await page.getByTestId("inbox-link").click();
  await page.getByTestId("inbox").getByRole("link", { name: /เทศบาลตำบลอัมพวา ปีงบประมาณ 2569/ }).click();
  await page.waitForURL(reportUrl);
  await page.getByTestId("report-actions").getByRole("button", { name: "เห็นชอบ / ลงนาม" }).click();
  await expect(page.getByTestId("next-step-warning")).toContainText("ขั้นถัดไป (นายก) ยังไม่มีผู้ลงนาม: เมื่อเห็นชอบแล้ว รายงานจะค้างอยู่ที่ขั้นนั้น");
  await expect(page.getByTestId("next-step-warning").getByTestId("whom-to-ask")).toContainText("ผู้ดูแลระบบจังหวัด (สาธิต)");
  await page.screenshot({ path: "test-results/stuck-endorse-warning.png" });
  await page.getByRole("button", { name: "ยืนยัน: เห็นชอบ / ลงนาม" }).click();
  await expect(page.getByTestId("report-status")).toContainText("รอความเห็นของนายก");
});

test("the administrator sends it back to the preparer, who reads why", async ({ page }) => {
  await signIn(page, "admin.skm");
  await page.goto(reportUrl);
  await page.getByTestId("report-actions").getByRole("button", { name: "เปลี่ยนเส้นทางรายงาน" }).click();
  await page.getByTestId("reroute-target").selectOption({ label: "ส่งกลับผู้จัดทำ (เป็นฉบับร่าง)" });
  await page.getByTestId("report-actions").getByRole("textbox").fill("นายกยังไม่มีบัญชีในระบบ เสนอใหม่เมื่อจังหวัดเพิ่มบัญชีแล้ว");
  await page.getByRole("button", { name: "ยืนยัน: เปลี่ยนเส้นทางรายงาน" }).click();
  await expect(page.getByTestId("report-status")).toContainText("ฉบับร่าง");

  await signIn(page, "amphawa.editor");
  await page.getByTestId("inbox-link").click();
  await expect(page.getByTestId("inbox").getByRole("listitem").filter({ hasText: "เทศบาลตำบลอัมพวา" }).first()).toContainText("ผู้ดูแลระบบส่งกลับให้แก้ไข");
  await page.goto("/notifications");
  await expect(page.getByTestId("notification").filter({ hasText: "ผู้ดูแลระบบส่งรายงาน ITA ปี 2569 ของเทศบาลตำบลอัมพวากลับให้ผู้จัดทำ" }).first()).toContainText(
    "เหตุผล: นายกยังไม่มีบัญชีในระบบ เสนอใหม่เมื่อจังหวัดเพิ่มบัญชีแล้ว",
  );
});
