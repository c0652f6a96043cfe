// Peer insight in Chromium at phone width, on the demo data as the earlier specs leave it (they
// only read): the preparer of ท้ายหาด reads on its organisation's page what the province's top
// quartile of อบต. did in their accepted FY2568 reports and ท้ายหาด did not, then the whole
// country and another year; the province reviewer opens "ประเด็นกับคะแนนที่เปลี่ยนไป" from the
// province page, reads the caution, the chart and its table (means over fewer than 5
// organisations withheld), and narrows it to อบต. The editor's hint beside an issue is driven
// in report-flow.spec.ts, where the preparer writes FY2569. Nothing here writes.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

test.use({ viewport: { width: 390, height: 844 } });

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test("the preparer reads what the province's top quartile did that ท้ายหาด did not, then the country and another year", async ({ page }) => {
  await signIn(page, "thaihad.editor");
  await expect(page.getByRole("heading", { name: "องค์การบริหารส่วนตำบลท้ายหาด" })).toBeVisible();
  const section = page.getByTestId("peer-insight");
  await section.scrollIntoViewIfNeeded();
  await expect(section.getByRole("heading", { name: "อปท. ที่คะแนนสูงสุด 25% ทำสิ่งนี้" })).toBeVisible();
  // FY2568 (the newest year whose next year exists), อบต. of the province: ท้ายหาด's own FY2568
  // report is with the province, not accepted, so everything the top quartile did is listed.
  await expect(section).toContainText("เทียบกับอบต.ในจังหวัดเดียวกัน ปีงบประมาณ 2568");
  await expect(section).toContainText(/กลุ่มเปรียบเทียบ \d+ แห่ง · กลุ่มคะแนนสูงสุด 25% \d+ แห่ง \(คะแนนตั้งแต่ \d+\.\d\d\)/);
  await expect(section).toContainText("หน่วยงานนี้ยังไม่มีรายงานที่รับรองแล้วในปีนี้");
  const items = section.getByRole("listitem");
  await expect(items.first()).toBeVisible();
  // Aggregates only: a share, a count of the top quartile, and a next-year move withheld over fewer than 5.
  await expect(items.first()).toContainText(/^\d+(\.\d+)?%/);
  await expect(items.first()).toContainText(/\d+ จาก \d+ แห่ง · คะแนนปีถัดไป/);
  await expect(section.getByText(/น้อยเกินกว่าจะแสดง \(n = [1-4]\)/).first()).toBeVisible();
  await noSidewaysScroll(page);
  await section.screenshot({ path: "test-results/insight-profile-phone.png" });

  await section.getByRole("link", { name: "ทั้งประเทศ" }).click();
  await expect(page).toHaveURL(/[?&]peers=national/);
  await expect(section).toContainText("เทียบกับอบต.ทั้งประเทศ ปีงบประมาณ 2568");
  await expect(section.getByRole("link", { name: "ทั้งประเทศ" })).toHaveAttribute("aria-current", "true");

  // FY2567: no demo organisation has an accepted report of that year, so the top quartile adopted nothing.
  await section.getByRole("link", { name: "2567", exact: true }).click();
  await expect(page).toHaveURL(/[?&]insightYear=2567/);
  await expect(section).toContainText("ปีงบประมาณ 2567");
  await expect(section.getByRole("listitem")).toHaveCount(0);
  await expect(section.getByText("ไม่มีผลการดำเนินการที่กลุ่มคะแนนสูงสุดทำแต่หน่วยงานนี้ยังไม่ได้ทำ").first()).toBeVisible();
});

test("the province reviewer reads which issues go with score gains, with the caution and the table, and narrows it to อบต.", async ({ page }) => {
  await signIn(page, "province.skm");
  await page.getByRole("link", { name: "ประเด็นกับคะแนนที่เปลี่ยนไป" }).click();
  await expect(page).toHaveURL(/\/areas\/province\/[^/]+\/insight$/);
  await expect(page.getByRole("heading", { name: /ประเด็นและผลการดำเนินการที่ไปด้วยกันกับคะแนนที่เพิ่มขึ้น/ })).toBeVisible();
  await expect(page.getByTestId("association-caution")).toContainText("ความสัมพันธ์ ไม่ใช่เหตุและผล");
  // Reports of FY2568 against the scores of 2568 → 2569.
  await expect(page.getByText("รายงานปีงบประมาณ 2568 · คะแนน ITA ปี 2568 → 2569")).toBeVisible();
  const counted = page.getByTestId("insight-counted");
  await expect(counted).toContainText(/นับ \d+ จาก \d+ แห่ง: องค์กรที่มีรายงานปี 2568 ที่รับรองแล้ว/);
  const all = Number(/นับ (\d+) จาก/.exec((await counted.textContent())!)![1]);
  expect(all).toBeGreaterThan(0);

  const chart = page.getByTestId("insight-area");
  await expect(chart.locator(".recharts-surface").first()).toBeVisible();
  await chart.getByText("ตารางข้อมูล").click();
  const table = chart.getByRole("table");
  await expect(table).toBeVisible();
  const rows = table.locator("tbody tr");
  // Issue 1 first, then its items 1.1 …
  await expect(rows.first().locator("td").first()).toHaveText("1");
  await expect(rows.nth(1).locator("td").first()).toHaveText("1.1");
  // Few organisations behind each side: the means are withheld, the counts told.
  await expect(rows.first()).toContainText(/น้อยเกินกว่าจะแสดง \(\d+\)/);
  await noSidewaysScroll(page);
  await page.screenshot({ path: "test-results/insight-area-phone.png", fullPage: true });

  await page.getByRole("navigation", { name: "เลือกปีและประเภทองค์กร" }).getByRole("link", { name: "อบต.", exact: true }).click();
  await expect(page).toHaveURL(/[?&]type=SAO/);
  await expect(page.getByRole("link", { name: "อบต.", exact: true })).toHaveAttribute("aria-current", "true");
  await expect(counted).toContainText(/นับ \d+ จาก \d+ แห่ง/);
  const sao = Number(/นับ (\d+) จาก/.exec((await counted.textContent())!)![1]);
  expect(sao).toBeLessThanOrEqual(all);
});
