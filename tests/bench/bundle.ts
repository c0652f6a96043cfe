// First-load JavaScript of the dashboard routes, from the output of `next build` (built first
// when missing or stale): the framework's root chunks plus every chunk the route's entries
// list in its client reference manifest — what a browser downloads to show the page, gzipped
// as served (Next 16 no longer prints the figure itself).
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { buildIfNeeded } from "@/server/cli/build";
import { recordBench } from "./results";

const TARGET_KB = 200;
const ROUTES = ["/(signed-in)/areas/[kind]/[areaId]/overview/page"];

function routeChunks(route: string): string[] {
  const manifestFile = path.join(".next", "server", "app", `${route}_client-reference-manifest.js`);
  const scope = { __RSC_MANIFEST: {} as Record<string, { entryJSFiles: Record<string, string[]> }> };
  new Function("globalThis", fs.readFileSync(manifestFile, "utf8"))(scope);
  const manifest = Object.values(scope.__RSC_MANIFEST)[0]!;
  return Object.values(manifest.entryJSFiles).flat();
}

export async function firstLoadJavaScript() {
  buildIfNeeded();
  const buildManifest = JSON.parse(fs.readFileSync(path.join(".next", "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  console.log(`\nFirst-load JavaScript (gzip), target ≤ ${TARGET_KB} KB`);
  for (const route of ROUTES) {
    const chunks = [...new Set([...buildManifest.rootMainFiles, ...routeChunks(route)])];
    let raw = 0;
    let gzip = 0;
    for (const chunk of chunks) {
      const bytes = fs.readFileSync(path.join(".next", chunk));
      raw += bytes.length;
      gzip += gzipSync(bytes).length;
    }
    const kb = gzip / 1024;
    recordBench({ suite: "bundle", case: `first-load JavaScript of ${route}`, unit: "KB", median: kb, targets: { median: TARGET_KB } });
    console.log(`  ${route.padEnd(56)} ${kb.toFixed(1)} KB gzip (${(raw / 1024).toFixed(0)} KB raw, ${chunks.length} chunks) ratio ${(kb / TARGET_KB).toFixed(2)} ${kb <= TARGET_KB ? "✓" : "✗"}`);
  }
}
