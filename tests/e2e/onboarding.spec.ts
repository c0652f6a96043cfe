// A real province starts on Prongsai, driven as its people would: the national administrator
// creates the province and its administrator; that administrator imports the registry and the
// accounts and hands over a set-password link; the new preparer signs in to its organisation;
// the national administrator prepares FY2570's framework; the province extends its deadline; the
// administrator of another province sees none of it.
import path from "node:path";
import { expect, test } from "@playwright/test";
import { setPassword, signIn } from "./helpers";

const fixture = (name: string) => path.join(__dirname, "../fixtures", name);
const PROVINCE_ADMIN_PASSWORD = "ท้องถิ่นจังหวัดนครทดลอง 2570";
const PREPARER_PASSWORD = "บ้านใหม่โปร่งใสทุกปี";

test("a new province: registry, accounts, a preparer's first sign-in, next year's framework and the province's deadline", async ({ page }) => {
  test.setTimeout(180_000);

  // The national administrator creates the province and its administrator.
  await signIn(page, "admin");
  await page.goto("/admin/organizations");
  const createProvince = page.getByTestId("create-province");
  await createProvince.getByLabel("รหัสจังหวัด (มหาดไทย)").fill("99");
  await createProvince.getByLabel("ชื่อจังหวัด").fill("นครทดลอง");
  await createProvince.getByLabel("อักษรย่อในเลขที่หนังสือ (เช่น สส)").fill("นท");
  await createProvince.getByRole("button", { name: "เพิ่มจังหวัด" }).click();
  await expect(createProvince.getByText("เพิ่มจังหวัดแล้ว")).toBeVisible();

  await page.goto("/admin/accounts");
  const createUser = page.getByTestId("create-user");
  await createUser.getByLabel("ชื่อผู้ใช้").fill("sthj.nakhon");
  await createUser.getByLabel("ชื่อ-นามสกุล").fill("สมศักดิ์ ดูแลดี");
  await createUser.getByLabel("ตำแหน่ง").fill("ท้องถิ่นจังหวัดนครทดลอง");
  await createUser.getByLabel("บทบาท").selectOption({ label: "ผู้ดูแลระบบระดับจังหวัด" });
  await createUser.getByTestId("province-picker").selectOption({ label: "นครทดลอง" });
  await createUser.getByRole("button", { name: "สร้างบัญชีและออกลิงก์ตั้งรหัสผ่าน" }).click();
  const adminLink = await createUser.getByTestId("password-link-url").inputValue();
  expect(adminLink).toContain("/set-password#");

  // The province's administrator sets a password and imports the registry: a dry run first.
  await setPassword(page, adminLink, PROVINCE_ADMIN_PASSWORD);
  await signIn(page, "sthj.nakhon", PROVINCE_ADMIN_PASSWORD);
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto("/admin/organizations");
  const registryImport = page.getByTestId("registry-import");
  await registryImport.getByTestId("registry-import-file").setInputFiles(fixture("registry-nakhon-thodlong.csv"));
  await expect(registryImport.getByTestId("registry-import-status")).toHaveText("ผลการตรวจ (ยังไม่บันทึก): ใหม่ 98 · เปลี่ยนแปลง 0 · ไม่เปลี่ยน 0 · ไม่ถูกต้อง 2");
  await expect(registryImport.getByTestId("registry-import-invalid").locator("tbody tr")).toHaveCount(2);
  await expect(registryImport.getByTestId("registry-import-invalid")).toContainText("ต้องเป็นตัวเลข 8 หลัก");
  await registryImport.getByRole("button", { name: "ยืนยันนำเข้า 98 รายการ" }).click();
  await expect(registryImport.getByTestId("registry-import-status")).toHaveText("นำเข้าแล้ว: ใหม่ 98 · เปลี่ยนแปลง 0 · ไม่เปลี่ยน 0 · ไม่ถูกต้อง 2");
  // The same file again changes nothing.
  await page.reload();
  await registryImport.getByTestId("registry-import-file").setInputFiles(fixture("registry-nakhon-thodlong.csv"));
  await expect(registryImport.getByTestId("registry-import-status")).toHaveText("ผลการตรวจ (ยังไม่บันทึก): ใหม่ 0 · เปลี่ยนแปลง 0 · ไม่เปลี่ยน 98 · ไม่ถูกต้อง 2");
  await expect(registryImport.getByRole("button", { name: "ยืนยันนำเข้า 0 รายการ" })).toBeDisabled();

  // Then the staff accounts, each new one with its set-password link shown once.
  await page.goto("/admin/accounts");
  const accountImport = page.getByTestId("account-import");
  await accountImport.getByTestId("account-import-file").setInputFiles(fixture("accounts-nakhon-thodlong.csv"));
  await expect(accountImport.getByTestId("account-import-status")).toContainText("ผลการตรวจ (ยังไม่บันทึก)");
  await accountImport.getByRole("button", { name: /ยืนยันนำเข้า/ }).click();
  await expect(accountImport.getByTestId("account-import-status")).toContainText("นำเข้าแล้ว");
  const linkOf = (username: string) =>
    accountImport.getByTestId("password-link").filter({ hasText: username }).getByTestId("password-link-url").inputValue();
  const preparerLink = await linkOf("banmai.editor");
  const headLink = await linkOf("banmai.head");

  // The new preparer sets a password. The head of office's link, opened next in the same tab
  // (it differs only after "#"), is the head's own page: its name, an empty form.
  await setPassword(page, preparerLink, PREPARER_PASSWORD);
  await page.goto(headLink);
  await expect(page.getByText("ชื่อผู้ใช้ banmai.head")).toBeVisible();
  await expect(page.getByTestId("password-set")).toHaveCount(0);
  await expect(page.getByRole("textbox", { name: /^รหัสผ่านใหม่/ })).toHaveValue("");
  await page.screenshot({ path: "test-results/set-password-second-link.png" });
  // Back to the preparer's link: used, it says so.
  await page.goBack();
  await expect(page.getByText(/^ลิงก์ตั้งรหัสผ่านนี้ใช้ไม่ได้/)).toBeVisible();
  await expect(page.getByText("ชื่อผู้ใช้ banmai.head")).toHaveCount(0);

  // The new preparer signs in and lands on its organisation.
  await signIn(page, "banmai.editor", PREPARER_PASSWORD);
  await expect(page).toHaveURL(/\/organizations\//);
  await expect(page.getByRole("heading", { name: /องค์การบริหารส่วนตำบลบ้านใหม่/ })).toBeVisible();

  // The national administrator creates FY2570 from FY2569 and edits a level rule.
  await signIn(page, "admin");
  await page.goto("/admin/frameworks");
  await page.getByRole("button", { name: "สร้างปีงบประมาณ 2570 จากกรอบของปี 2569" }).click();
  await expect(page).toHaveURL(/\/admin\/frameworks\/2570$/);
  const firstRule = page.getByTestId("level-rule-1");
  await firstRule.getByLabel("คะแนนรวมขั้นต่ำ ระดับที่ 1").fill("96");
  await page.getByRole("button", { name: "บันทึกเกณฑ์ระดับ" }).click();
  // Saving recomputes the level of every score of the year: seconds on a busy machine.
  await expect(page.getByText("บันทึกแล้ว")).toBeVisible({ timeout: 20_000 });
  await page.reload();
  await expect(page.getByTestId("level-rule-1").getByLabel("คะแนนรวมขั้นต่ำ ระดับที่ 1")).toHaveValue("96");

  // The province's administrator gives its province a later deadline for FY2570.
  await signIn(page, "sthj.nakhon", PROVINCE_ADMIN_PASSWORD);
  await page.goto("/admin/frameworks/2570");
  await expect(page.getByRole("button", { name: "บันทึกเกณฑ์ระดับ" })).toHaveCount(0);
  const deadlineRow = page.getByTestId("province-deadline-นครทดลอง");
  await deadlineRow.getByLabel("กำหนดส่งใหม่ของจังหวัดนครทดลอง").fill("25/2/2571");
  await deadlineRow.getByLabel("เหตุผล (ถ้ามี)").fill("อปท. เพิ่งเริ่มใช้ระบบ");
  await deadlineRow.getByRole("button", { name: "ขยายกำหนดส่ง" }).click();
  await expect(deadlineRow.getByTestId("deadline-in-force")).toContainText("25 กุมภาพันธ์ 2571");
  await expect(page.getByTestId("province-deadlines").locator("tbody tr")).toHaveCount(1);

  // The administrator of another province sees none of it.
  await signIn(page, "admin.skm");
  await page.goto("/admin/organizations");
  await page.getByTestId("organization-search").fill("ท้ายหาด");
  await expect(page.getByTestId("organization-list")).toContainText("ท้ายหาด");
  await page.getByTestId("organization-search").fill("บ้านใหม่");
  await expect(page.getByTestId("pager-status")).toHaveText(/ทั้งหมด (0|๐) รายการ/);
  await expect(page.getByTestId("organization-list")).not.toContainText("บ้านใหม่");
  await page.goto("/admin/accounts");
  await page.getByTestId("user-search").fill("banmai");
  await expect(page.getByTestId("pager-status")).toHaveText(/ทั้งหมด (0|๐) รายการ/);
  await expect(page.getByTestId("admin-users")).not.toContainText("banmai");
  await page.goto("/admin/frameworks/2570");
  await expect(page.getByTestId("province-deadlines")).not.toContainText("นครทดลอง");
  await expect(page.getByTestId("province-deadlines")).toContainText("สมุทรสงคราม");
  await page.screenshot({ path: "test-results/onboarding-other-province.png", fullPage: true });
});
