import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../playwright.config";

let address = 10;

/** Each sign-in comes from its own address, so one test's failures never throttle another's. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  address += 1;
  await page.context().setExtraHTTPHeaders({ "x-forwarded-for": `198.51.100.${address % 250}` });
  await page.context().clearCookies();
  await page.goto("/login");
  await page.getByLabel("ชื่อผู้ใช้").fill(username);
  await page.getByLabel("รหัสผ่าน").fill(password);
  await page.getByRole("button", { name: "เข้าสู่ระบบ" }).click();
  await expect(page).not.toHaveURL(/\/login$/);
}

/** Takes a decision of the report page's "สิ่งที่คุณทำได้" (with its comment, if any) and confirms it. */
export async function decide(page: Page, button: string, comment?: string) {
  const actions = page.getByTestId("report-actions");
  await actions.getByRole("button", { name: button, exact: true }).click();
  if (comment) await actions.getByRole("textbox").fill(comment);
  await page.getByRole("button", { name: `ยืนยัน: ${button}` }).click();
  await expect(page.getByRole("button", { name: `ยืนยัน: ${button}` })).toHaveCount(0);
}
