// A deploy stops the app with SIGTERM: the saves it is answering at that moment must be answered
// (not cut off or failed by a database closed under them), and the process must exit by itself.
import path from "node:path";
import { expect, it } from "vitest";
import { embeddedGracefulStop } from "./checks";
import { expectSound, logFolder } from "./expect-sound";

const logDir = logFolder();

it("the app stopped (SIGTERM) with saves in flight answers every one of them, then exits by itself", async () => {
  const check = await embeddedGracefulStop({ preparers: 10, logFile: path.join(logDir, "app-graceful.log") });
  expectSound(check, "graceful stop", logDir);
  expect(check.requests).toBe(10);
  expect(check.exitedByItself).toBe(true);
});
