import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("the province reviewer opens the overview and narrows it to one district", async ({ page }) => {
  await signIn(page, "province.skm");
  await expect(page).toHaveURL(/\/areas\/province\/[^/]+$/);
  const provincePath = new URL(page.url()).pathname;
  await page.getByRole("link", { name: "ภาพรวมคะแนน" }).click();
  await expect(page).toHaveURL(`${provincePath}/overview`);
  await expect(page.getByRole("heading", { name: /ภาพรวมคะแนน ITA จังหวัดสมุทรสงคราม/ })).toBeVisible();

  await expect(page.getByTestId("figure-organizations")).toContainText("36");
  await expect(page.getByTestId("inclusion-note")).toContainText("ยังไม่ได้รับรอง");
  await expect(page.getByTestId("chart-levels").locator(".recharts-bar-rectangle").first()).toBeVisible();
  expect(await page.locator(".recharts-bar-rectangle").count()).toBeGreaterThan(0);
  await expect(page.getByTestId("chart-trend").locator(".recharts-line").first()).toBeVisible();
  await expect(page.getByTestId("ranking-row")).toHaveCount(36);
  await expect(page.getByTestId("ranking-row").getByTestId("demo-badge").first()).toBeVisible();

  // The trend per district: a line per district, and the same numbers as a table.
  const unitTrend = page.getByTestId("chart-unit-trend");
  await expect(unitTrend.locator(".recharts-line")).toHaveCount(3);
  await unitTrend.getByText("ตารางข้อมูล").click();
  await expect(unitTrend.getByRole("table")).toContainText("อัมพวา");

  // The name search narrows the ranking on the server; the search is in the URL.
  await page.getByTestId("ranking-search").fill("ท้ายหาด");
  await page.getByTestId("ranking-search").press("Enter");
  await expect(page).toHaveURL(/[?&]q=/);
  await expect(page.getByTestId("ranking-row")).toHaveCount(1);
  await expect(page.getByTestId("ranking-row")).toContainText("99.66");
  await page.goBack();
  await expect(page.getByTestId("ranking-row")).toHaveCount(36);

  // Sorting by name is a link too.
  await page.getByRole("link", { name: /^องค์กร/ }).click();
  await expect(page).toHaveURL(/[?&]sort=name/);
  const names = await page.getByTestId("ranking-row").locator("td:nth-child(2) a").allTextContents();
  // ICU's root collation, as the database sorts (see ranking.ts).
  expect(names).toEqual([...names].sort(new Intl.Collator("und").compare));

  await page.getByLabel("อำเภอ", { exact: true }).selectOption({ label: "เมืองสมุทรสงคราม" });
  await expect(page).toHaveURL(/[?&]district=/);
  await expect(page.getByLabel("อำเภอ", { exact: true })).toHaveValue(/.+/);
  const districts = page.getByTestId("ranking-district");
  await expect(districts.first()).toBeVisible();
  await expect(async () => {
    const names = await districts.allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(names.length).toBeLessThan(36);
    expect(new Set(names)).toEqual(new Set(["เมืองสมุทรสงคราม"]));
  }).toPass();

  // The filtered view is a link: opened afresh it shows the same district.
  const sharedUrl = page.url();
  await page.goto(sharedUrl);
  expect(new Set(await page.getByTestId("ranking-district").allTextContents())).toEqual(new Set(["เมืองสมุทรสงคราม"]));
});

test("the district reviewer cannot open the province overview by editing the URL", async ({ page }) => {
  await signIn(page, "province.skm");
  await expect(page).toHaveURL(/\/areas\/province\/[^/]+$/);
  const provinceOverview = `${new URL(page.url()).pathname}/overview`;

  await signIn(page, "district.mueang");
  await expect(page).toHaveURL(/\/areas\/district\//);
  const response = await page.goto(provinceOverview);
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId("ranking")).toHaveCount(0);
});

test("the district reviewer's overview shows their district only, and a foreign district filter is a 404", async ({ page }) => {
  await signIn(page, "province.skm");
  await page.getByRole("link", { name: "ภาพรวมคะแนน" }).click();
  const amphawa = await page.getByLabel("อำเภอ", { exact: true }).locator("option", { hasText: "อัมพวา" }).getAttribute("value");

  await signIn(page, "district.mueang");
  await expect(page).toHaveURL(/\/areas\/district\//);
  const districtOverview = `${new URL(page.url()).pathname}/overview`;
  await page.goto(districtOverview);
  await expect(page.getByRole("heading", { name: /ภาพรวมคะแนน ITA อำเภอเมืองสมุทรสงคราม/ })).toBeVisible();
  expect(new Set(await page.getByTestId("ranking-district").allTextContents())).toEqual(new Set(["เมืองสมุทรสงคราม"]));
  // One district: no per-district trend to compare.
  await expect(page.getByTestId("chart-unit-trend")).toHaveCount(0);
  const response = await page.goto(`${districtOverview}?district=${amphawa}`);
  expect(response?.status()).toBe(404);
});

test("the admin opens the country's overview from the admin page", async ({ page }) => {
  await signIn(page, "admin");
  await page.getByRole("link", { name: "ภาพรวมคะแนนทั้งประเทศ" }).click();
  await expect(page).toHaveURL(/\/areas\/national\/all\/overview$/);
  await expect(page.getByRole("heading", { name: /ภาพรวมคะแนน ITA ทั้งประเทศ/ })).toBeVisible();
  // The demo province's 36, and the 98 of นครทดลอง when onboarding.spec.ts has run before.
  await expect(page.getByTestId("figure-organizations")).toContainText(/\b(36|134)\b/);
  // No district filter for the country.
  await expect(page.getByLabel("อำเภอ", { exact: true })).toHaveCount(0);

  // The country's drill-down and compare pages open from there too.
  await page.getByTestId("drilldown-link").click();
  await expect(page).toHaveURL(/\/areas\/national\/all\/issues\?/);
  await expect(page.getByRole("heading", { name: /เจาะลึกรายประเด็น ทั้งประเทศ/ })).toBeVisible();
  await page.goBack();
  await page.getByRole("link", { name: /เปรียบเทียบ/ }).click();
  await expect(page).toHaveURL(/\/areas\/national\/all\/compare/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("ทั้งประเทศ");
});
