// The web server `npm start` runs: Next.js behind a plain Node HTTP server that first decides
// the client's address (server/http/client-address.ts). Next route handlers never see the TCP
// peer, and Next keeps a client's own X-Forwarded-For when it sends one, so this is the one
// place that can tell them apart. It also answers the public pages from whole kept answers
// (server/http/public-page-cache.ts) when the data has not changed since they were rendered.
import http from "node:http";
import next from "next";
import { getDb } from "@/server/db/client";
import { env } from "@/server/env";
import { stampClientAddress } from "@/server/http/client-address";
import { createPublicPageCache, isPublicPageRequest } from "@/server/http/public-page-cache";
import { publishedPageVersion } from "@/server/services/public/published";

async function main() {
  const { PORT: port, TRUSTED_PROXY_HOPS: hops } = env();
  const app = next({ dev: false, hostname: "localhost", port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const publicPages = createPublicPageCache({ dataVersion: async (path) => publishedPageVersion(await getDb(), path) });
  const server = http.createServer((request, response) => {
    stampClientAddress(request, hops);
    if (isPublicPageRequest(request)) void publicPages.serve(request, response, () => handle(request, response));
    else void handle(request, response);
  });
  // A port already taken ends the process (a supervisor sees it), rather than leaving it alive serving nothing.
  server.once("error", (error: NodeJS.ErrnoException) => {
    console.error(error.code === "EADDRINUSE" ? `เริ่มระบบไม่ได้: พอร์ต ${port} ถูกใช้อยู่แล้ว` : `เริ่มระบบไม่ได้: ${error.message}`);
    process.exit(1);
  });
  server.listen(port, () => console.log(`โปร่งใสพร้อมให้บริการที่ http://localhost:${port}`));
  // Stop taking connections; the database closes itself on the same signal and exits
  // (server/db/client.ts); if it was never opened, give open requests a few seconds.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      server.close();
      setTimeout(() => process.exit(0), 5000).unref();
    });
  }
}

void main();
