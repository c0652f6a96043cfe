// The yearly report's whole journey in Chromium: the preparer starts FY2569 from last year's
// report and submits it, the three signers endorse in turn, the province returns it with a
// comment on one measure, the preparer fixes it and resubmits, the reviewer sees what changed and
// accepts it, and it is then read-only for everyone but an admin. Each step's notification reaches
// the next person: the badge in the header, and the preparer follows the province's to its comment.
// In the editor, the preparer opens the peer-insight hint beside the first suggested issue.
import { expect, test, type Page } from "@playwright/test";
import { decide, signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

let reportUrl = "";

test.beforeEach(({ page }) => {
  page.on("dialog", (dialog) => void dialog.accept());
});

async function openReport(page: Page) {
  await page.goto(reportUrl);
  await expect(page.getByTestId("report-status")).toBeVisible();
}

async function endorseByAllSigners(page: Page) {
  for (const [signer, waitingFor] of [
    ["thaihad.head", "หัวหน้าสำนักปลัด"],
    ["thaihad.palad", "ปลัด"],
    ["thaihad.mayor", "นายก"],
  ] as const) {
    await signIn(page, signer);
    await expect(page.getByTestId("notification-badge")).toBeVisible();
    await openReport(page);
    await expect(page.getByTestId("report-status")).toContainText(`รอความเห็นของ${waitingFor}`);
    await decide(page, "เห็นชอบ / ลงนาม", signer === "thaihad.mayor" ? "รับทราบ เห็นควรเผยแพร่ลงเว็บไซต์หลัก" : undefined);
  }
  await expect(page.getByTestId("report-status")).toContainText("ส่งจังหวัดแล้ว");
}

async function submitFromEditor(page: Page) {
  await expect(page.getByTestId("save-status")).toHaveText("บันทึกแล้ว", { timeout: 15_000 });
  await page.getByTestId("submit-for-sign-off").click();
  await page.waitForURL(/\/reports\/[^/]+$/);
  await expect(page.getByTestId("report-status")).toContainText("อยู่ระหว่างเสนอความเห็น");
}

test("the preparer starts FY2569 from last year's report and sends it for endorsement", async ({ page }) => {
  await signIn(page, "thaihad.editor");
  await page.getByTestId("year-2569").getByRole("button", { name: "เริ่มจากรายงานปี 2568" }).click();
  await page.waitForURL(/\/reports\/[^/]+\/edit$/);
  reportUrl = page.url().replace(/\/edit$/, "");
  await expect(page.getByTestId("issue-card")).toHaveCount(7);
  // Beside a suggested issue, collapsed: what the province's top quartile of อบต. did under the
  // same issue in their accepted FY2568 reports (ท้ายหาด's own FY2568 was never accepted).
  const hint = page.getByTestId("issue-card").first().getByTestId("issue-insight-hint");
  await expect(hint.getByText("อปท. ที่คะแนนสูงสุด 25% ทำสิ่งนี้ (ปีงบประมาณ 2568)")).toBeVisible();
  await expect(hint.getByRole("listitem")).toHaveCount(0);
  await hint.getByText("อปท. ที่คะแนนสูงสุด 25% ทำสิ่งนี้").click();
  await expect(hint).toContainText(/จากรายงานที่รับรองแล้วของกลุ่มคะแนนสูงสุด 25% \(\d+ แห่ง\) ในจังหวัด/);
  await expect(hint.getByRole("listitem").first()).toContainText(/\d+ จาก \d+ แห่ง · คะแนนปีถัดไป/);
  await hint.screenshot({ path: "test-results/insight-editor-hint.png" });
  await hint.getByText("อปท. ที่คะแนนสูงสุด 25% ทำสิ่งนี้").click();
  const firstMeasure = page.getByTestId("measure-card").first();
  const firstResult = firstMeasure.getByRole("checkbox").first();
  await expect(firstResult).not.toBeChecked();
  await firstResult.check();
  // The memo's date and its number (pending, said on purpose): the rules for sending ask for both.
  await page.getByLabel("วันที่", { exact: true }).fill("15/10/2569");
  await page.getByLabel("ยังไม่ได้ออกเลขที่หนังสือ").check();
  await expect(page.getByTestId("completeness")).toContainText("ครบถ้วนแล้ว");
  await submitFromEditor(page);
});

test("the head of office, the ปลัด and the นายก endorse in turn", async ({ page }) => {
  await endorseByAllSigners(page);
  await expect(page.getByTestId("sign-offs")).toContainText("ความเห็นนายก");
});

test("the province reviewer returns it with a comment on one measure", async ({ page }) => {
  await signIn(page, "province.skm");
  await openReport(page);
  const measure = page.getByTestId("measure-view").first();
  await measure.getByRole("button", { name: "+ แสดงความเห็น" }).click();
  await measure.getByLabel("ความเห็นของผู้ตรวจ").fill("กรุณาแนบหลักฐานการเผยแพร่คู่มือ");
  await measure.getByRole("button", { name: "บันทึกความเห็น" }).click();
  await expect(measure.getByTestId("review-comment")).toContainText("กรุณาแนบหลักฐานการเผยแพร่คู่มือ");
  await decide(page, "ส่งกลับให้แก้ไข", "กรุณาแก้ไขตามความเห็นในมาตรการแรก");
  await expect(page.getByTestId("report-status")).toContainText("ส่งกลับให้แก้ไข");
});

test("the preparer is told in the app and follows the notification to the province's comment", async ({ page }) => {
  await signIn(page, "thaihad.editor");
  await expect(page.getByTestId("notification-badge")).toBeVisible();
  await page.getByTestId("notifications-link").click();
  await page.waitForURL(/\/notifications$/);
  const returned = page.getByTestId("notification").filter({ hasText: "จังหวัดส่งรายงาน ITA ปี 2569" }).first();
  await expect(returned).toHaveAttribute("data-unread", "true");
  await expect(returned).toContainText("สิ่งที่ต้องแก้ไข: กรุณาแก้ไขตามความเห็นในมาตรการแรก");
  await returned.getByRole("link").click();
  await page.waitForURL(/\/reports\/[^/#]+#comment-[^/]+$/);
  expect(page.url().split("#")[0]).toBe(reportUrl);
  await expect(page.locator(":target")).toContainText("กรุณาแก้ไขตามความเห็นในมาตรการแรก");
  // Followed, it is read.
  await page.goto("/notifications");
  await expect(page.getByTestId("notification").filter({ hasText: "จังหวัดส่งรายงาน ITA ปี 2569" }).first()).not.toHaveAttribute("data-unread", "true");
});

test("the preparer sees the comment where it was made, fixes the measure and resubmits", async ({ page }) => {
  await signIn(page, "thaihad.editor");
  await expect(page.getByTestId("notification-badge")).toBeVisible();
  await openReport(page);
  await expect(page.getByTestId("measure-view").first().getByTestId("review-comment")).toContainText("กรุณาแนบหลักฐาน");
  await expect(page.getByTestId("review-decisions")).toContainText("กรุณาแก้ไขตามความเห็นในมาตรการแรก");
  await page.getByRole("link", { name: "แก้ไขรายงาน" }).click();
  await page.waitForURL(/\/edit$/);
  const firstMeasure = page.getByTestId("measure-card").first();
  // The second result item (the measure card also holds the province's note and its "แก้ไขแล้ว" box).
  await firstMeasure.getByRole("group", { name: "ผลการดำเนินการ" }).getByRole("checkbox").nth(1).check();
  await submitFromEditor(page);
  await endorseByAllSigners(page);
});

test("the reviewer sees what changed since the first submission and accepts", async ({ page }) => {
  await signIn(page, "province.skm");
  await openReport(page);
  const diff = page.getByTestId("revision-diff");
  await expect(diff).toContainText("สิ่งที่เปลี่ยนจากครั้งที่ 1 เป็นครั้งที่ 2");
  await expect(diff.getByTestId("diff-changed")).toContainText("ผลการดำเนินการ");
  await decide(page, "รับรายงาน");
  await expect(page.getByTestId("report-status")).toContainText("รับรายงานแล้ว");
  await expect(page.getByTestId("report-actions")).toHaveCount(0);
});

test("the accepted report is read-only for everyone but an admin", async ({ page }) => {
  await signIn(page, "thaihad.editor");
  await openReport(page);
  await expect(page.getByRole("link", { name: "แก้ไขรายงาน" })).toHaveCount(0);
  await page.goto(`${reportUrl}/edit`);
  await expect(page).toHaveURL(reportUrl);

  await signIn(page, "admin");
  await openReport(page);
  await expect(page.getByRole("button", { name: "เปิดรายงานให้แก้ไขอีกครั้ง" })).toBeVisible();
});
