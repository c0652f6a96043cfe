import { expect, test, type Page } from "@playwright/test";
import { expectStreamed, signIn } from "./helpers";

/** No part of the page sticks out sideways: wide tables scroll inside their own box. */
async function expectNoPageOverflow(page: Page) {
  // Polled: charts re-measure themselves a moment after the viewport changes.
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
}

/** A screenshot at desktop and phone width (390 px), each checked for sideways overflow. */
async function shoot(page: Page, name: string) {
  for (const [label, size] of [
    ["desktop", { width: 1280, height: 900 }],
    ["phone", { width: 390, height: 844 }],
  ] as const) {
    await page.setViewportSize(size);
    await expectNoPageOverflow(page);
    await page.screenshot({ path: test.info().outputPath(`${name}-${label}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

const firstIssueWithMeasures = (page: Page) => page.locator('[data-testid="issue-row"]:not([data-with-measures="0"])').first().getByRole("link");

test("the province reviewer drills from the overview down to one measure and back", async ({ page }) => {
  await signIn(page, "province.skm");
  await expect(page).toHaveURL(/\/areas\/province\/[^/]+$/);
  await page.getByRole("link", { name: "ภาพรวมคะแนน" }).click();
  await page.getByTestId("drilldown-link").click();

  // Level 1: every issue of the year.
  await expect(page).toHaveURL(/\/issues\?year=\d{4}/);
  const issuesUrl = page.url();
  await expect(page.getByRole("heading", { name: /เจาะลึกรายประเด็น จังหวัดสมุทรสงคราม/ })).toBeVisible();
  await expect(page.getByTestId("issue-row")).toHaveCount(8); // 7 suggested issues + "other"
  await expect(page.getByTestId("issue-row").last()).toContainText("ประเด็นอื่น ๆ (ไม่ตรงกับประเด็นแนะนำ)");
  await expect(page.getByTestId("indicators-table").locator("tbody tr")).toHaveCount(10);
  await shoot(page, "level1-issues");

  // Level 2: one issue across the organisations.
  const issueLink = firstIssueWithMeasures(page);
  const issueTitle = (await issueLink.textContent())!.replace(/^\d+\.\s*/, "");
  await issueLink.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(issueTitle);
  const issueUrl = page.url();
  expect(new URL(issueUrl).search).toBe(new URL(issuesUrl).search); // the filters travel along
  await expect(page.getByTestId("chart-adoption").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByTestId("chart-adoption").locator("details table")).toHaveCount(1);
  await shoot(page, "level2-issue");

  // Level 3: one organisation's measures under the issue.
  const organizationLink = page.getByTestId("issue-organization-row").first().getByRole("link");
  const organizationName = (await organizationLink.textContent())!;
  await organizationLink.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(organizationName);
  const organizationUrl = page.url();
  await shoot(page, "level3-organization");

  // Level 4: the measure with its steps.
  await page.getByTestId("measure-row").first().getByRole("link").click();
  await expect(page).toHaveURL(/\/measures\/[^/?]+\?year=/);
  await expect(page.getByTestId("measure-steps")).toContainText("จัดทำแนวทางและมอบหมายผู้รับผิดชอบ");
  await expect(page.getByTestId("measure-results")).toContainText(/[☑☐]/);
  await expect(page.getByTestId("whole-report-link")).toHaveAttribute("href", /^\/reports\/[^/]+$/);
  const breadcrumbs = page.getByRole("navigation", { name: "เส้นทาง" });
  await expect(breadcrumbs).toContainText(`ภาพรวม›ประเด็น›${issueTitle}›${organizationName}›`);
  await shoot(page, "level4-measure");

  const measureUrl = page.url();

  // Each level shows its title at once and streams its data behind a loading note; a missing
  // issue, organisation or measure is still a missing page, answered before anything streams.
  await expectStreamed(page, issueUrl, "issue-summary");
  await expectStreamed(page, organizationUrl, "organization-measures");
  await expectStreamed(page, measureUrl, "measure-detail");
  const missing = (url: string, from: RegExp, to: string) => {
    const edited = new URL(url);
    edited.pathname = edited.pathname.replace(from, to);
    return page.request.get(edited.toString());
  };
  expect((await missing(issueUrl, /\/issues\/[^/]+$/, "/issues/no-such-issue")).status()).toBe(404);
  expect((await missing(organizationUrl, /\/organizations\/[^/]+$/, "/organizations/no-such-organization")).status()).toBe(404);
  expect((await missing(measureUrl, /\/measures\/[^/]+$/, "/measures/no-such-measure")).status()).toBe(404);

  // Back twice: the organisation, then the issue.
  await page.goBack();
  await expect(page).toHaveURL(organizationUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(organizationName);
  await page.goBack();
  await expect(page).toHaveURL(issueUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(issueTitle);
  await page.goForward();
  await expect(page).toHaveURL(organizationUrl);

  // Breadcrumbs are links: to the issue, to the list of issues, to the overview.
  await page.getByRole("navigation", { name: "เส้นทาง" }).getByRole("link", { name: issueTitle }).click();
  await expect(page).toHaveURL(issueUrl);
  await page.getByRole("navigation", { name: "เส้นทาง" }).getByRole("link", { name: "ประเด็น" }).click();
  await expect(page).toHaveURL(issuesUrl);
  await page.getByRole("navigation", { name: "เส้นทาง" }).getByRole("link", { name: "ภาพรวม" }).click();
  await expect(page).toHaveURL(/\/overview\?year=/);
  await expect(page.getByRole("heading", { name: /ภาพรวมคะแนน ITA/ })).toBeVisible();
});

test("a district reviewer who edits the URL to another district's measure gets the 404 page", async ({ page }) => {
  // The province reviewer finds a measure of an organisation in อำเภออัมพวา.
  await signIn(page, "province.skm");
  await expect(page).toHaveURL(/\/areas\/province\/[^/]+$/);
  const provincePath = new URL(page.url()).pathname;
  await page.goto(`${provincePath}/issues`);
  await page.getByLabel("อำเภอ", { exact: true }).selectOption({ label: "อัมพวา" });
  await expect(page).toHaveURL(/[?&]district=/);
  await firstIssueWithMeasures(page).click();
  await page.getByTestId("issue-organization-row").first().getByRole("link").click();
  await page.getByTestId("measure-row").first().getByRole("link").click();
  await expect(page.getByTestId("measure-steps")).toBeVisible();
  const foreign = new URL(page.url());

  await signIn(page, "district.mueang");
  await expect(page).toHaveURL(/\/areas\/district\/[^/]+$/);
  const districtPath = new URL(page.url()).pathname;
  // Same organisation and measure, asked for within the reviewer's own district (no district filter).
  foreign.searchParams.delete("district");
  const edited = `${foreign.pathname.replace(provincePath, districtPath)}?${foreign.searchParams.toString()}`;
  const response = await page.goto(edited);
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId("measure-steps")).toHaveCount(0);
  // Its own district's drill-down works.
  const own = await page.goto(`${districtPath}/issues`);
  expect(own?.status()).toBe(200);
  await expect(page.getByTestId("issue-row")).toHaveCount(8);
});
