import { expect, test, type Page } from "@playwright/test";
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

/** The province reviewer's overview, on a phone's screen. */
async function provinceOverviewOnPhone(page: Page) {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "province.skm");
  await expect(page).toHaveURL(/\/areas\/province\/[^/]+$/);
  await page.goto(`${new URL(page.url()).pathname}/overview`);
}

test("the level chart's labels never overlap, even on a phone", async ({ page }) => {
  await provinceOverviewOnPhone(page);
  const chart = page.getByTestId("chart-levels");
  // The level names (the other axis counts in digits).
  const labels = chart.locator(".recharts-cartesian-axis-tick-value").filter({ hasText: /[ก-๛]/ });
  await expect(labels.first()).toBeVisible();
  const chartBox = (await chart.boundingBox())!;
  const boxes = await labels.evaluateAll((nodes) => nodes.map((node) => ({ text: node.textContent, ...node.getBoundingClientRect().toJSON() })));
  expect(boxes.map((box) => box.text)).toEqual(expect.arrayContaining(["ผ่านดีเยี่ยม", "ต้องปรับปรุงโดยด่วน"]));
  for (const [index, box] of boxes.entries()) {
    // Whole, inside the chart's box…
    expect(box.left, box.text!).toBeGreaterThanOrEqual(chartBox.x);
    // …and clear of the next label.
    const next = boxes[index + 1];
    if (next) expect(box.bottom, `${box.text} / ${next.text}`).toBeLessThanOrEqual(next.top);
  }
  await chart.screenshot({ path: "test-results/level-chart-phone.png" });
});

test("on a phone the ranking scrolls sideways rather than breaking organisation names inside a word", async ({ page }) => {
  await provinceOverviewOnPhone(page);
  const ranking = page.getByTestId("ranking");
  await expect(ranking.getByTestId("ranking-row").first()).toBeVisible();
  const scroller = ranking.locator("xpath=..");
  await scroller.screenshot({ path: "test-results/ranking-phone.png" });
  expect(await scroller.evaluate((node) => node.scrollWidth > node.clientWidth)).toBe(true);
  // Each name on one line: a narrow column broke names such as "บางพรม" into "บางพร|ม".
  const lineHeights = await ranking.getByTestId("ranking-row").locator("td:nth-child(2) a").evaluateAll((links) =>
    links.map((link) => link.getClientRects().length),
  );
  expect(lineHeights.length).toBeGreaterThan(30);
  expect(lineHeights.filter((lines) => lines > 1)).toEqual([]);
});

test("printing a dashboard or a report leaves out the navigation and keeps each chart on one sheet", async ({ page }) => {
  await signIn(page, "province.skm");
  await expect(page).toHaveURL(/\/areas\/province\/[^/]+$/);
  await page.goto(`${new URL(page.url()).pathname}/overview`);
  await expect(page.getByTestId("chart-levels")).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByTestId("current-user")).toBeHidden();
  await expect(page.getByRole("form", { name: "ตัวกรอง" })).toBeHidden();
  await expect(page.getByTestId("summary-export")).toBeHidden();
  await expect(page.getByRole("heading", { name: /ภาพรวมคะแนน ITA/ })).toBeVisible();
  expect(await page.getByTestId("chart-levels").evaluate((node) => getComputedStyle(node).breakInside)).toBe("avoid");
  await page.pdf({ path: "test-results/overview-print.pdf", format: "A4" });

  await page.emulateMedia({ media: "screen" });
  await signIn(page, "thaihad.editor");
  await page.getByTestId("year-2568").getByRole("link").click();
  await expect(page.getByTestId("download-pdf")).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByTestId("download-pdf")).toBeHidden();
  await expect(page.getByTestId("report-status")).toBeVisible();
  await expect(page.getByRole("heading", { name: /รายงานผลการดำเนินการตามมาตรการ/ })).toBeVisible();
});

test("the drill-down, insight and status pages show their title at once and each slow section behind its loading note", async ({ page }) => {
  await signIn(page, "province.skm");
  await expect(page).toHaveURL(/\/areas\/province\/[^/]+$/);
  const provincePath = new URL(page.url()).pathname;
  const sections = { issues: "issues-table", insight: "insight-area", status: "status-table" };
  for (const [path, content] of Object.entries(sections)) {
    // The raw document as it streams: the shell (title, loading note) comes first, the section after it.
    const response = await page.request.get(`${provincePath}/${path}`);
    expect(response.status()).toBe(200);
    const html = await response.text();
    const loading = html.indexOf('data-testid="section-loading"');
    expect(loading, path).toBeGreaterThan(html.indexOf("<h1"));
    expect(html.slice(loading, loading + 400), path).toContain("กำลังโหลด…");
    expect(html.indexOf(`data-testid="${content}"`), path).toBeGreaterThan(loading);
    // A missing area is still a missing page, answered before anything streams.
    expect((await page.request.get(`/areas/province/no-such-province/${path}`)).status(), path).toBe(404);
  }
  await page.goto(`${provincePath}/issues`);
  await expect(page.getByTestId("issues-table")).toBeVisible();
  await expect(page.getByTestId("section-loading")).toHaveCount(0);
});
