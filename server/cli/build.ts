import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "server", "proxy.ts", "instrumentation.ts", "next.config.mjs"];

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Runs `next build` when no build is present or the sources are newer than the build. */
export function buildIfNeeded() {
  const buildId = path.join(".next", "BUILD_ID");
  const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  const newest = (source: string) => (fs.statSync(source).isDirectory() ? newestSourceTime(source) : fs.statSync(source).mtimeMs);
  if (built && SOURCES.every((source) => !fs.existsSync(source) || newest(source) < built)) return;
  console.log("กำลังสร้างแอป (next build)…");
  const result = spawnSync("npx", ["next", "build"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
