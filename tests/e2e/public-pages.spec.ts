// The public pages as a citizen sees them on a phone, signed out: a province's organisations, an
// organisation's accepted report (measures readable at phone width, the memo PDF) and its
// announced scores; what is not accepted or announced never shows; the badge and open data.
import { expect, test } from "@playwright/test";
import { PUBLIC_ADDRESS } from "../../playwright.config";

test.use({ viewport: { width: 390, height: 844 } });

test("a province's list leads to an organisation's accepted report and its memo PDF", async ({ page }) => {
  await page.goto("/public/province/75");
  await expect(page.getByRole("heading", { name: /จังหวัดสมุทรสงคราม/ })).toBeVisible();
  const list = page.getByTestId("public-province-organizations");
  const withReport = list.getByRole("listitem").filter({ hasText: /รายงาน [1-9] ปี/ }).first();
  await withReport.getByRole("link").click();
  await expect(page).toHaveURL(/\/public\/[0-9A-Za-z-]+$/);
  const report = page.getByTestId("public-report");
  await expect(report.getByTestId("public-measure").first()).toBeVisible();
  await expect(report).toContainText("ข้อมูลสาธิต");
  // Nothing on the page is wider than the phone.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/public-organization-phone.png", fullPage: true });

  const pdf = await page.request.get((await report.getByTestId("public-report-pdf").getAttribute("href"))!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
});

test("ท้ายหาด: its announced FY2568 score shows, its report sent to the province does not", async ({ page }) => {
  await page.goto("/public/province/75");
  await page.getByRole("link", { name: "องค์การบริหารส่วนตำบลท้ายหาด" }).click();
  await expect(page.getByTestId("public-organization-name")).toHaveText("องค์การบริหารส่วนตำบลท้ายหาด");
  await expect(page.getByTestId("public-score-2568")).toContainText("99.66");
  await expect(page.getByTestId("public-score-2568")).toContainText("ผ่านดีเยี่ยม");
  await expect(page.getByTestId("public-report")).toContainText("ยังไม่มีรายงานที่จังหวัดรับรองแล้ว");
  await expect(page.getByTestId("public-report")).not.toContainText("ประเด็นที่");

  const code = page.url().split("/").at(-1)!;
  const badge = await page.request.get(`/api/public/${code}/badge.svg`);
  expect(badge.headers()["content-type"]).toContain("image/svg+xml");
  expect(await badge.text()).toContain("99.66");
  await expect(page.getByTestId("public-snippet").getByRole("textbox")).toHaveValue(new RegExp(`/public/${code}".*badge\\.svg`));
});

test("a kept public page: each answer its own nonce, its scripts run under it; the snippet names the app's public address", async ({ page, baseURL }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) violations.push(message.text());
  });
  await page.goto("/public/province/75");
  await page.getByRole("link", { name: "องค์การบริหารส่วนตำบลท้ายหาด" }).click();
  await expect(page.getByTestId("public-organization-name")).toHaveText("องค์การบริหารส่วนตำบลท้ายหาด");
  const path = new URL(page.url()).pathname;
  // The browser may keep the page a minute (public, max-age=60): ask the server itself.
  const nonces: string[] = [];
  for (let round = 0; round < 3; round += 1) {
    const response = round === 0 ? (await page.reload())! : await page.request.get(path);
    const scripts = response.headers()["content-security-policy"]!.split(";").find((directive) => directive.trim().startsWith("script-src"))!;
    expect(scripts).not.toContain("unsafe-inline");
    nonces.push(/'nonce-([^']+)'/.exec(scripts)![1]!);
    expect(response.headers()["cache-control"]).toBe("public, max-age=60");
  }
  expect(new Set(nonces).size).toBe(3);
  // Next's scripts ran under the policy: the page is hydrated, nothing refused.
  await expect.poll(() => page.evaluate(() => typeof (window as unknown as { next?: { version?: string } }).next?.version)).toBe("string");
  expect(violations).toEqual([]);
  // The snippet names the configured public address (APP_URL), not the one this request came by.
  await expect(page.getByTestId("public-snippet").getByRole("textbox")).toHaveValue(
    `<a href="${PUBLIC_ADDRESS}${path}"><img src="${PUBLIC_ADDRESS}/api/public${path.slice("/public".length)}/badge.svg" alt="รายงานมาตรการ ITA องค์การบริหารส่วนตำบลท้ายหาด" height="24"></a>`,
  );
  expect(PUBLIC_ADDRESS).not.toBe(baseURL);
});

test("open data: the province's measures and scores as CSV and JSON", async ({ page }) => {
  const csv = await page.request.get("/api/public/open-data/scores.csv?province=75");
  expect(csv.status()).toBe(200);
  const lines = (await csv.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
  expect(lines[0]).toBe("province_code,province,district,dla_code,organization,fiscal_year,total,iit,eit,oit,level,level_basis,source");
  expect(lines.some((line) => line.includes("องค์การบริหารส่วนตำบลท้ายหาด,2568,99.66"))).toBe(true);
  const json = await (await page.request.get("/api/public/open-data/measures.json?province=75")).json();
  expect(Array.isArray(json)).toBe(true);
  expect(json.length).toBeGreaterThan(0);
  expect(json.every((row: { organization: string }) => row.organization !== "องค์การบริหารส่วนตำบลท้ายหาด")).toBe(true);
  expect((await page.request.get("/api/public/open-data/other.csv")).status()).toBe(404);
});
