// Acting signers as in the seed memo, in Chromium: อบต.บางขันแตก (its FY2569 demo draft) has a
// preparer and a ปลัด but no นายก. The province's administrator gives the ปลัด acting authority
// for the นายก's step; one that has already ended is not offered, one in force is: the ปลัด signs
// its own step, then the นายก's step choosing it, and the memo PDF signs "ปฏิบัติหน้าที่นายก…"
// under the ปลัด's own position, as the seed memo does. Self-sufficient: it makes its own accounts.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { createAccount, rerouteReport, setPassword, signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

const ORGANIZATION = "องค์การบริหารส่วนตำบลบางขันแตก";
const EDITOR_PASSWORD = "บางขันแตกจัดทำรายงานทันเวลา";
const PALAD_PASSWORD = "ปลัดบางขันแตกลงนามแทนนายก";
const ACTING_LINE = `ปฏิบัติหน้าที่นายก${ORGANIZATION}`;
let reportUrl = "";

test.beforeEach(({ page }) => {
  page.on("dialog", (dialog) => void dialog.accept());
});

/** A day `days` from today in Bangkok, typed the Thai way (d/m/yyyy in Buddhist Era). */
function thaiDay(days: number) {
  const [year, month, day] = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Bangkok" }).format(new Date()).split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day + days));
  return `${date.getUTCDate()}/${date.getUTCMonth() + 1}/${date.getUTCFullYear() + 543}`;
}

async function grantActing(page: Page, from: string, to: string) {
  // From the report to its organisation's people page, by the links.
  await page.goto(reportUrl);
  await page.getByRole("link", { name: `← ${ORGANIZATION}` }).click();
  await page.getByTestId("people-link").click();
  await page.waitForURL(/\/people$/);
  const form = page.getByTestId("grant-acting");
  await form.getByLabel("ผู้ได้รับมอบ").selectOption({ label: "พ.จ.อ. สมชาย ใจมั่น (ปลัดองค์การบริหารส่วนตำบลบางขันแตก)" });
  await form.getByLabel("ลงนามแทนในขั้น").selectOption({ label: "ความเห็นนายก" });
  await expect(form).toContainText(`ลายมือชื่อจะมีบรรทัด “${ACTING_LINE}”`);
  await form.getByLabel("ตั้งแต่วันที่").fill(from);
  await form.getByLabel("ถึงวันที่").fill(to);
  await form.getByRole("button", { name: "บันทึกการมอบ" }).click();
  await expect(form.getByText("บันทึกการมอบแล้ว")).toBeVisible();
}

test("the province makes the preparer's and the ปลัด's accounts, and the draft goes up to the ปลัด", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "admin.skm");
  const editorLink = await createAccount(page, { name: ORGANIZATION, search: "บางขันแตก" }, { username: "bangkhantaek.editor", title: "นางสาว", name: "มาลี ตั้งใจ", position: "นักวิเคราะห์นโยบายและแผน", role: "ผู้จัดทำรายงาน" });
  const paladLink = await createAccount(page, { name: ORGANIZATION, search: "บางขันแตก" }, {
    username: "bangkhantaek.palad",
    title: "พ.จ.อ.",
    name: "สมชาย ใจมั่น",
    position: `ปลัด${ORGANIZATION}`,
    role: "ผู้ลงนามให้ความเห็น",
    step: "ปลัด",
  });
  await setPassword(page, editorLink, EDITOR_PASSWORD);
  await setPassword(page, paladLink, PALAD_PASSWORD);

  await signIn(page, "bangkhantaek.editor", EDITOR_PASSWORD);
  await page.getByTestId("year-2569").getByRole("link").click();
  await page.waitForURL(/\/reports\/[^/]+$/);
  reportUrl = page.url();
  await page.getByRole("link", { name: "แก้ไขรายงาน" }).click();
  await page.waitForURL(/\/edit$/);
  await expect(page.getByTestId("save-status")).toBeVisible();
  await expect(page.getByTestId("completeness")).toContainText("ครบถ้วนแล้ว");
  await page.getByTestId("submit-for-sign-off").click();
  await page.waitForURL(reportUrl);
  await expect(page.getByTestId("report-status")).toContainText("รอความเห็นของหัวหน้าสำนักปลัด");

  // No head of office: the province moves it on to the ปลัด.
  await signIn(page, "admin.skm");
  await rerouteReport(page, reportUrl, "ไปรอความเห็นของปลัด (พ.จ.อ. สมชาย ใจมั่น)", "ยังไม่มีหัวหน้าสำนักปลัด ให้ปลัดพิจารณา");
  await expect(page.getByTestId("report-status")).toContainText("รอความเห็นของปลัด");
});

test("a grant that has already ended is not offered; the chain still has nobody at the นายก's step", async ({ page }) => {
  await signIn(page, "admin.skm");
  await grantActing(page, thaiDay(-60), thaiDay(-1));
  const ended = page.getByTestId("acting-grant").filter({ hasText: "สิ้นสุดแล้ว" });
  await expect(ended).toContainText(ACTING_LINE);

  await signIn(page, "bangkhantaek.palad", PALAD_PASSWORD);
  await page.goto(reportUrl);
  await expect(page.getByTestId("chain-warning")).toContainText("ขั้นนายกที่จะถึงยังไม่มีผู้ลงนาม");
  await page.getByTestId("report-actions").getByRole("button", { name: "เห็นชอบ / ลงนาม" }).click();
  const capacity = page.getByTestId("signing-capacity");
  await expect(capacity.getByRole("radio")).toHaveCount(1);
  await expect(capacity).not.toContainText("ปฏิบัติหน้าที่");
  await page.getByRole("button", { name: "ยืนยัน: เห็นชอบ / ลงนาม" }).click();
  await expect(page.getByTestId("report-status")).toContainText("รอความเห็นของนายก");
  await expect(page.getByTestId("chain-warning")).toContainText("ขั้นนี้ยังไม่มีผู้ลงนาม");
  await expect(page.getByRole("button", { name: "เห็นชอบ / ลงนาม" })).toHaveCount(0);
});

test("in force, the ปลัด signs the นายก's step choosing it, and the memo PDF signs as the seed memo does", async ({ page }) => {
  await signIn(page, "admin.skm");
  await grantActing(page, thaiDay(0), thaiDay(30));
  await expect(page.getByTestId("acting-grant").filter({ hasText: "มีผลวันนี้" })).toContainText("พ.จ.อ. สมชาย ใจมั่น");
  await page.screenshot({ path: "test-results/acting-people.png", fullPage: true });

  await signIn(page, "bangkhantaek.palad", PALAD_PASSWORD);
  await page.goto(reportUrl);
  await expect(page.getByTestId("chain-warning")).toHaveCount(0);
  await page.getByTestId("report-actions").getByRole("button", { name: "เห็นชอบ / ลงนาม" }).click();
  const capacity = page.getByTestId("signing-capacity");
  await expect(capacity.getByRole("radio", { name: "ความเห็นปลัด (ตำแหน่งของท่านเอง) · ยังไม่ใช่ขั้นที่รอความเห็นอยู่" })).toBeDisabled();
  await capacity.getByRole("radio", { name: `ความเห็นนายก (${ACTING_LINE})` }).check();
  await page.getByTestId("report-actions").getByRole("textbox").fill("รับทราบ เห็นควรเผยแพร่ลงเว็บไซต์หลัก อบต.บางขันแตก ต่อไป");
  await page.getByTestId("report-actions").screenshot({ path: "test-results/acting-signing.png" });
  await page.getByRole("button", { name: "ยืนยัน: เห็นชอบ / ลงนาม" }).click();
  await expect(page.getByTestId("report-status")).toContainText("ส่งจังหวัดแล้ว");
  await expect(page.getByTestId("sign-offs")).toContainText(ACTING_LINE);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-pdf").click()]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prongsai-e2e-acting-"));
  const pdf = path.join(dir, "memo.pdf");
  await download.saveAs(pdf);
  const lines = execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", pdf, "-"], { encoding: "utf8" })
    .split("\n")
    .map((line) => line.replace(/\u200b/g, "").trim());
  // As the seed memo: the นายก's heading, the comment, the ปลัด's name and own position, then the acting line.
  const acting = lines.indexOf(ACTING_LINE);
  expect(acting).toBeGreaterThan(0);
  // The rank is typed before the signature line, out of the parentheses (as the seed's "พ.จ.อ." / "(อรุณ ภมร)").
  expect(lines[acting - 3]).toContain("พ.จ.อ.");
  expect(lines.slice(acting - 2, acting + 1)).toEqual(["(สมชาย ใจมั่น)", `ปลัด${ORGANIZATION}`, ACTING_LINE]);
  expect(lines.slice(0, acting).lastIndexOf("ความเห็นนายกองค์การบริหารส่วนตำบล")).toBeGreaterThan(0);
  const signaturePage = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f").findIndex((text) => text.includes(ACTING_LINE)) + 1;
  expect(signaturePage).toBeGreaterThanOrEqual(1);
  execFileSync("pdftoppm", ["-f", String(signaturePage), "-l", String(signaturePage), "-r", "60", "-png", pdf, path.join("test-results", "acting-memo-page")]);
});
