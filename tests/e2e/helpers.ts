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

export type NewAccount = { username: string; title?: string; name: string; position: string; role: string; step?: string };

/**
 * An administrator (signed in) creates an account of `organization` (its full name; `search`
 * finds it in the picker) on the accounts page; returns its set-password link.
 */
export async function createAccount(page: Page, organization: { name: string; search: string }, account: NewAccount) {
  await page.goto("/admin/accounts");
  const createUser = page.getByTestId("create-user");
  await createUser.getByLabel("ชื่อผู้ใช้").fill(account.username);
  if (account.title) await createUser.getByLabel("คำนำหน้า/ยศ").fill(account.title);
  await createUser.getByLabel("ชื่อ-นามสกุล").fill(account.name);
  await createUser.getByLabel("ตำแหน่ง").fill(account.position);
  await createUser.getByLabel("บทบาท").selectOption({ label: account.role });
  await createUser.getByTestId("organization-picker").fill(organization.search);
  await createUser.getByRole("button", { name: new RegExp(`^${organization.name}`) }).click();
  if (account.step) await createUser.getByLabel("ขั้นการลงนาม").selectOption({ label: account.step });
  await createUser.getByRole("button", { name: "สร้างบัญชีและออกลิงก์ตั้งรหัสผ่าน" }).click();
  return createUser.getByTestId("password-link-url").inputValue();
}

/** The account's owner follows the set-password link, signed out. */
export async function setPassword(page: Page, link: string, password: string) {
  await page.context().clearCookies();
  // Links differ only after "#": a second one opened in the same tab is that link's page afresh.
  await page.goto(link);
  await page.getByRole("textbox", { name: /^รหัสผ่านใหม่/ }).fill(password);
  await page.getByLabel("ยืนยันรหัสผ่านใหม่").fill(password);
  await page.getByRole("button", { name: "ตั้งรหัสผ่าน" }).click();
  await expect(page.getByTestId("password-set")).toBeVisible();
}

/** A province's administrator (signed in) moves a report waiting in the chain to another step, with a reason. */
export async function rerouteReport(page: Page, reportUrl: string, target: string, reason: string) {
  await page.goto(reportUrl);
  await page.getByTestId("report-actions").getByRole("button", { name: "เปลี่ยนเส้นทางรายงาน" }).click();
  await page.getByTestId("reroute-target").selectOption({ label: target });
  await page.getByTestId("report-actions").getByRole("textbox").fill(reason);
  await page.getByRole("button", { name: "ยืนยัน: เปลี่ยนเส้นทางรายงาน" }).click();
}

/**
 * The raw document of `url` as it streams: 200, the page's title first, then a section's loading
 * note, and the section (`testId`) only after it.
 */
export async function expectStreamed(page: Page, url: string, testId: string) {
  const response = await page.request.get(url);
  expect(response.status(), url).toBe(200);
  const html = await response.text();
  const loading = html.indexOf('data-testid="section-loading"');
  expect(loading, url).toBeGreaterThan(html.indexOf("<h1"));
  expect(html.slice(loading, loading + 400), url).toContain("กำลังโหลด…");
  expect(html.indexOf(`data-testid="${testId}"`), url).toBeGreaterThan(loading);
}
