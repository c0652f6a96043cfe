import { expect, test } from "@playwright/test";
import { expectStreamed, signIn } from "./helpers";

test("the province reviewer compares two organisations, shares the view, and opens one's profile", async ({ page }) => {
  await signIn(page, "province.skm");
  await expect(page).toHaveURL(/\/areas\/province\/[^/]+$/);
  const provincePath = new URL(page.url()).pathname;
  await page.goto(`${provincePath}/overview`);
  await page.getByRole("link", { name: "เปรียบเทียบ" }).click();
  await expect(page).toHaveURL(`${provincePath}/compare`);
  await expect(page.getByRole("heading", { name: /เปรียบเทียบคะแนน ITA จังหวัดสมุทรสงคราม/ })).toBeVisible();
  await expect(page.getByTestId("compare-empty")).toBeVisible();

  // Pick two organisations through the search.
  await page.getByTestId("compare-search").fill("ท้ายหาด");
  await page.getByRole("checkbox", { name: /องค์การบริหารส่วนตำบลท้ายหาด/ }).check();
  await expect(page).toHaveURL(/[?&]orgs=[^&,]+(&|$)/);
  await page.getByTestId("compare-search").fill("เทศบาลตำบลอัมพวา");
  await page.getByRole("checkbox", { name: /^เทศบาลตำบลอัมพวา/ }).check();
  await expect(page).toHaveURL(/[?&]orgs=[^&,]+,[^&,]+(&|$)/);

  const selected = page.getByTestId("compare-selected");
  const trend = page.getByTestId("chart-compare-trend");
  const expectBoth = async () => {
    await expect(selected.getByRole("listitem")).toHaveCount(2);
    await expect(selected).toContainText("องค์การบริหารส่วนตำบลท้ายหาด");
    await expect(selected).toContainText("เทศบาลตำบลอัมพวา");
    await expect(trend.locator(".recharts-line")).toHaveCount(2);
    await trend.getByText("ตารางข้อมูล").click();
    const table = trend.locator("table");
    await expect(table).toContainText("องค์การบริหารส่วนตำบลท้ายหาด");
    await expect(table).toContainText("เทศบาลตำบลอัมพวา");
    // อบต.ท้ายหาด's real scores: FY2567 96.44, FY2568 99.66.
    await expect(table.getByRole("row", { name: /ท้ายหาด/ })).toContainText("99.66");
    await expect(page.getByTestId("chart-compare-year").locator(".recharts-bar-rectangle").first()).toBeVisible();
  };
  await expectBoth();

  // The view is a link: opened afresh it shows the same two.
  const sharedUrl = page.url();
  await page.goto(sharedUrl);
  await expect(page).toHaveURL(sharedUrl);
  await expectBoth();
  await page.screenshot({ path: "test-results/compare-two.png", fullPage: true });
  // The title and the picker come at once; the scores stream in behind a loading note.
  await expectStreamed(page, sharedUrl, "chart-compare-trend");

  // An organisation's profile shows its score history table.
  await trend.locator("table").getByRole("link", { name: "องค์การบริหารส่วนตำบลท้ายหาด" }).click();
  await expect(page).toHaveURL(/\/organizations\/[^/]+$/);
  const history = page.getByTestId("score-history");
  await expect(history.locator(".recharts-line").first()).toBeVisible();
  await history.getByText("ตารางข้อมูล").click();
  await expect(history.locator("table").getByRole("row", { name: /2568/ })).toContainText("99.66");
  await expect(history.locator("table").getByRole("row", { name: /2567/ })).toContainText("96.44");
});

test("an id outside the area, or an area the caller does not review, is a missing page", async ({ page }) => {
  await signIn(page, "province.skm");
  await expect(page).toHaveURL(/\/areas\/province\/[^/]+$/);
  const comparePath = `${new URL(page.url()).pathname}/compare`;
  expect((await page.goto(`${comparePath}?orgs=no-such-organization`))?.status()).toBe(404);

  await signIn(page, "district.mueang");
  await expect(page).toHaveURL(/\/areas\/district\//);
  expect((await page.goto(comparePath))?.status()).toBe(404);
});
