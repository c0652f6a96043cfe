// Every route under app/api, called through the running server by someone the resource is not
// theirs: a foreign id is answered exactly as a missing one. (The tRPC procedures behind
// /api/trpc are each in the isolation matrix, tests/integration/tenancy.test.ts.) A route added
// without its case here fails the first test.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

function apiRoutes(directory = path.join(__dirname, "../../app/api")): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return apiRoutes(full);
    return entry.name === "route.ts" ? [path.relative(path.join(__dirname, "../../app"), path.dirname(full))] : [];
  });
}

const CASES = [
  "api/auth/[...nextauth]",
  "api/exports/[jobId]",
  "api/health",
  "api/ready",
  "api/reports/[reportId]/pdf",
  "api/trpc/[trpc]",
  // Public by design: accepted reports, announced scores (tests/e2e/public-pages.spec.ts).
  "api/public/[dlaCode]/[yearBe]/pdf",
  "api/public/[dlaCode]/badge.svg",
  "api/public/open-data/[file]",
];

test("every route under app/api has its case here", () => {
  expect(apiRoutes().sort()).toEqual([...CASES].sort());
});

async function answer(page: Page, url: string) {
  const response = await page.request.get(url);
  return { status: response.status(), body: await response.text() };
}

test("health and readiness say nothing about anybody's data; the session of a signed-out visitor is empty", async ({ page }) => {
  for (const url of ["/api/health", "/api/ready"]) {
    const { status, body } = await answer(page, url);
    expect(status).toBe(200);
    expect(body).not.toMatch(/ท้ายหาด|thaihad/);
  }
  expect(JSON.parse((await answer(page, "/api/auth/session")).body)).toEqual({});
});

test("a report's PDF: another organisation's preparer gets what a missing report gets", async ({ page }) => {
  await signIn(page, "thaihad.editor");
  const href = await page.getByTestId("year-2568").getByRole("link", { name: /เปิดรายงาน/ }).getAttribute("href");
  const reportId = /\/reports\/([^/?#]+)/.exec(href ?? "")?.[1];
  expect(reportId).toBeTruthy();
  expect((await answer(page, `/api/reports/${reportId}/pdf`)).status).not.toBe(404);

  await signIn(page, "amphawa.editor");
  const foreign = await answer(page, `/api/reports/${reportId}/pdf`);
  const missing = await answer(page, "/api/reports/no-such-report/pdf");
  expect(foreign.status).toBe(404);
  expect(foreign).toEqual(missing);
});

test("a summary export: another reviewer gets what a missing job gets; through tRPC a foreign id reads as a missing one", async ({ page }) => {
  await signIn(page, "province.skm");
  await page.getByRole("link", { name: "ภาพรวมคะแนน" }).click();
  await page.getByTestId("export-xlsx").click();
  const download = page.getByTestId("export-download");
  await expect(download).toBeVisible({ timeout: 30_000 });
  const href = await download.getAttribute("href");
  expect(href).toMatch(/^\/api\/exports\//);
  expect((await answer(page, href!)).status).toBe(200);

  await signIn(page, "district.mueang");
  const foreign = await answer(page, href!);
  const missing = await answer(page, "/api/exports/no-such-job");
  expect(foreign.status).toBe(404);
  expect(foreign).toEqual(missing);

  const jobId = href!.split("/").at(-1)!;
  const status = (id: string) => answer(page, `/api/trpc/export.status?input=${encodeURIComponent(JSON.stringify({ json: { jobId: id } }))}`);
  const [foreignStatus, missingStatus] = await Promise.all([status(jobId), status("no-such-job")]);
  expect(foreignStatus.status).toBe(404);
  expect(JSON.parse(foreignStatus.body).error.json.message).toBe(JSON.parse(missingStatus.body).error.json.message);
});
