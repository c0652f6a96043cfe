// What the short checks share: a folder for the app's logs, kept only when a test failed, and
// the assertion: a check's figures printed, and none of its problems (checks.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, expect } from "vitest";
import { describeCheck, problemsOf, type CheckReport } from "./checks";

/** A temporary folder for this file's app logs: removed after the file unless a test failed. */
export function logFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prongsai-load-test-"));
  let failed = false;
  afterEach(({ task }) => {
    if (task.result?.state === "fail") failed = true;
  });
  afterAll(() => {
    if (!failed) fs.rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

export function expectSound(check: CheckReport, fault: Parameters<typeof problemsOf>[1], logDir: string) {
  console.log(describeCheck(check));
  expect(problemsOf(check, fault), `app logs in ${logDir}`).toEqual([]);
}
