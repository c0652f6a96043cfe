import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../../playwright.config";
import { signIn } from "./helpers";

test("a dashboard link opened while signed out comes back to that page after sign-in", async ({ page }) => {
  await signIn(page, "province.skm");
  await expect(page).toHaveURL(/\/areas\/province\/[^/]+$/);
  const provincePath = new URL(page.url()).pathname;
  const shared = `${provincePath}/overview?year=2568&q=${encodeURIComponent("ท้ายหาด")}`;
  await page.context().clearCookies();

  await page.goto(shared);
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByLabel("ชื่อผู้ใช้").fill("province.skm");
  await page.getByLabel("รหัสผ่าน").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "เข้าสู่ระบบ" }).click();
  await expect(page).toHaveURL(shared);
  await expect(page.getByTestId("ranking-row")).toHaveCount(1);
  await expect(page.getByTestId("ranking-row")).toContainText("ท้ายหาด");

  // Already signed in, the sign-in page sends the link straight on; a link off the site goes home.
  await page.goto(`/login?next=${encodeURIComponent(shared)}`);
  await expect(page).toHaveURL(shared);
  await page.goto(`/login?next=${encodeURIComponent("//evil.example/")}`);
  await expect(page).toHaveURL(new RegExp(`${provincePath}$`));
});

test("a missing page, and one of another organisation, say so in Thai with a way back", async ({ page }) => {
  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { name: "ไม่พบหน้าที่ต้องการ" })).toBeVisible();
  await expect(page.getByText("This page could not be found")).toHaveCount(0);

  await signIn(page, "thaihad.editor");
  await expect(page).toHaveURL(/\/organizations\/[^/]+$/);
  const home = new URL(page.url()).pathname;
  const response = await page.goto("/reports/no-such-report");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "ไม่พบหน้าที่ต้องการ" })).toBeVisible();
  // The signed-in header stays, with the way back.
  await expect(page.getByTestId("current-user")).toBeVisible();
  await page.screenshot({ path: "test-results/not-found.png", fullPage: true });
  await page.getByRole("link", { name: "กลับหน้าหลัก" }).click();
  await expect(page).toHaveURL(new RegExp(`${home}$`));
});
