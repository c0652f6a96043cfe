// Returns the preparer cannot miss, in Chromium, on อบต.บางแก้ว's FY2569 demo report (sent to the
// province): the province comments on a measure and returns it; on the edit page the preparer
// finds the reason and the comment at the top and the comment beside the measure, marks it
// addressed, edits the measure and sends it again; the นายก signing the next round and then the
// reviewer see what changed field by field (old → new) and that the comment was addressed.
// Self-sufficient: it makes its own preparer and นายก.
import { expect, test } from "@playwright/test";
import { createAccount, decide, rerouteReport, setPassword, signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

const ORGANIZATION = "องค์การบริหารส่วนตำบลบางแก้ว";
const EDITOR_PASSWORD = "บางแก้วแก้ไขตามความเห็นจังหวัด";
const MAYOR_PASSWORD = "นายกบางแก้วลงนามรอบสอง";
const COMMENT = "กรุณาระบุชื่อมาตรการให้ตรงกับแผนปฏิบัติการ";
const REASON = "กรุณาแก้ไขตามความเห็นในมาตรการแรก";
const NEW_TITLE = "จัดทำคู่มือการปฏิบัติงานตามแผนปฏิบัติการป้องกันการทุจริต";
let reportUrl = "";
let oldTitle = "";

test.beforeEach(({ page }) => {
  page.on("dialog", (dialog) => void dialog.accept());
});

test("the province comments on a measure and returns the report", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "admin.skm");
  const editorLink = await createAccount(page, { name: ORGANIZATION, search: "บางแก้ว" }, { username: "bangkaeo.editor", name: "สุดา แก้ไขดี", position: "นักวิเคราะห์นโยบายและแผน", role: "ผู้จัดทำรายงาน" });
  const mayorLink = await createAccount(page, { name: ORGANIZATION, search: "บางแก้ว" }, { username: "bangkaeo.mayor", name: "ประเสริฐ บางแก้ว", position: `นายก${ORGANIZATION}`, role: "ผู้ลงนามให้ความเห็น", step: "นายก" });
  await setPassword(page, editorLink, EDITOR_PASSWORD);
  await setPassword(page, mayorLink, MAYOR_PASSWORD);

  await signIn(page, "bangkaeo.editor", EDITOR_PASSWORD);
  await page.getByTestId("year-2569").getByRole("link").click();
  await page.waitForURL(/\/reports\/[^/]+$/);
  reportUrl = page.url();

  await signIn(page, "province.skm");
  await page.goto(reportUrl);
  const measure = page.getByTestId("measure-view").first();
  await measure.getByRole("button", { name: "+ แสดงความเห็น" }).click();
  await measure.getByLabel("ความเห็นของผู้ตรวจ").fill(COMMENT);
  await measure.getByRole("button", { name: "บันทึกความเห็น" }).click();
  await expect(measure.getByTestId("review-comment")).toContainText(COMMENT);
  await decide(page, "ส่งกลับให้แก้ไข", REASON);
  await expect(page.getByTestId("report-status")).toContainText("ส่งกลับให้แก้ไข");
});

test("the preparer sees the reason and the comment at the top and beside the measure, marks it addressed, edits and sends it again", async ({ page }) => {
  await signIn(page, "bangkaeo.editor", EDITOR_PASSWORD);
  await page.goto(reportUrl);
  await page.getByRole("link", { name: "แก้ไขรายงาน" }).click();
  await page.waitForURL(/\/edit$/);
  const summary = page.getByTestId("return-summary");
  await expect(summary.getByTestId("return-reason")).toContainText(REASON);
  await expect(summary.getByTestId("review-note")).toHaveCount(1);
  await expect(summary.getByTestId("review-note")).toContainText(COMMENT);
  await expect(summary.getByTestId("review-note")).toContainText("มาตรการที่ 1.1");
  const firstMeasure = page.getByTestId("measure-card").first();
  const beside = firstMeasure.getByTestId("review-notes-beside");
  await expect(beside).toContainText(COMMENT);
  // บางแก้ว has no head of office nor ปลัด: the chain's warning is there too, below the return's
  // reason and remarks, which the preparer reads first.
  const warning = page.getByTestId("chain-warning");
  await expect(warning).toBeVisible();
  expect((await summary.boundingBox())!.y).toBeLessThan((await warning.boundingBox())!.y);
  await page.screenshot({ path: "test-results/returns-editor-top.png" });

  await beside.getByRole("checkbox", { name: "แก้ไขแล้ว" }).check();
  await expect(beside.getByTestId("review-note")).toHaveAttribute("data-addressed", "true");
  await expect(summary).toContainText("แก้ไขครบทุกความเห็นแล้ว");
  await expect(summary).toContainText(REASON);

  const title = firstMeasure.getByLabel("ชื่อมาตรการ");
  oldTitle = await title.inputValue();
  await title.fill(NEW_TITLE);
  await expect(page.getByTestId("save-status")).toHaveText("บันทึกแล้ว", { timeout: 15_000 });
  await expect(page.getByTestId("completeness")).toContainText("ครบถ้วนแล้ว");
  await firstMeasure.screenshot({ path: "test-results/returns-measure-beside.png" });
  await page.getByTestId("submit-for-sign-off").click();
  await page.waitForURL(reportUrl);
  await expect(page.getByTestId("report-status")).toContainText("รอความเห็นของหัวหน้าสำนักปลัด");

  // บางแก้ว has only a นายก: the province moves it there.
  await signIn(page, "admin.skm");
  await rerouteReport(page, reportUrl, "ไปรอความเห็นของนายก (ประเสริฐ บางแก้ว)", "มีเพียงนายกที่มีบัญชีในระบบ");
  await expect(page.getByTestId("report-status")).toContainText("รอความเห็นของนายก");
});

test("the นายก of the next round and the reviewer see what changed, field by field, and the comment addressed", async ({ page }) => {
  await signIn(page, "bangkaeo.mayor", MAYOR_PASSWORD);
  await page.goto(reportUrl);
  const pending = page.getByTestId("pending-diff");
  await expect(pending).toContainText("สิ่งที่แก้ไขหลังส่งจังหวัดครั้งที่ 1");
  const pendingRow = pending.getByTestId("field-change").filter({ hasText: "ชื่อมาตรการ" });
  await expect(pendingRow).toContainText(oldTitle);
  await expect(pendingRow).toContainText(`→ ${NEW_TITLE}`);
  await decide(page, "เห็นชอบ / ลงนาม");
  await expect(page.getByTestId("report-status")).toContainText("ส่งจังหวัดแล้ว");

  await signIn(page, "province.skm");
  await page.goto(reportUrl);
  const diff = page.getByTestId("revision-diff");
  await expect(diff).toContainText("สิ่งที่เปลี่ยนจากครั้งที่ 1 เป็นครั้งที่ 2");
  const row = diff.getByTestId("diff-changed").getByTestId("field-change").filter({ hasText: "ชื่อมาตรการ" });
  await expect(row).toContainText(oldTitle);
  await expect(row).toContainText(`→ ${NEW_TITLE}`);
  await expect(page.getByTestId("measure-view").first().getByTestId("comment-addressed")).toContainText("ผู้จัดทำแก้ไขแล้ว (สุดา แก้ไขดี");
  await diff.screenshot({ path: "test-results/returns-reviewer-diff.png" });
});
