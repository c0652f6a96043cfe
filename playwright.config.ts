import { execFileSync } from "node:child_process";
import { defineConfig } from "@playwright/test";

// End-to-end tests drive Debian's Chromium (never a downloaded browser) against the app as
// `npm start` serves it: a fresh embedded database in .data/e2e, loaded with the demo data.
// A port the system reports free, chosen once by the runner and inherited by its workers through
// the environment (the config is evaluated in each of them).
process.env.E2E_PORT ||= execFileSync(
  process.execPath,
  ["-e", "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })"],
  { encoding: "utf8" },
).trim();
const PORT = Number(process.env.E2E_PORT);
export const DEMO_PASSWORD = "e2e-demo-password";
export const PUBLIC_ADDRESS = "https://prongsai.example.go.th";

export default defineConfig({
  testDir: "tests/e2e",
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? "line" : "list",
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: "th-TH",
    timezoneId: "Asia/Bangkok",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: "rm -rf .data/e2e && npm start",
    url: `http://localhost:${PORT}/api/health`,
    timeout: 600_000, // the first run builds the app: minutes on a busy 2-core machine
    reuseExistingServer: false,
    stdout: "pipe",
    // The tests play a proxy in front (one hop): each sign-in comes from its own X-Forwarded-For
    // address (helpers.ts), so one test's failures never throttle another's.
    // APP_URL: the public address the public pages' snippet names (not the one the browser uses).
    env: { PORT: String(PORT), PRONGSAI_DATA_DIR: ".data/e2e", DEMO_PASSWORD, DATABASE_URL: "", TRUSTED_PROXY_HOPS: "1", APP_URL: PUBLIC_ADDRESS },
  },
});
