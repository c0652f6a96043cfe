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
import { stopGracefullyOnSignals } from "@/server/lifecycle";
import { publishedPageVersion } from "@/server/services/public/published";

/** How long a stopping server still reads requests already sent to it. */
const READ_SENT_REQUESTS_MS = 1_000;

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
  // On a signal: stop taking connections, answer the open requests, then close the queue and the
  // database. Closing also drops every connection with no request read yet, so first keep reading
  // for a moment: a request already sent may wait unread while the embedded database holds the
  // event loop (and a load balancer needs that moment to stop sending here).
  stopGracefullyOnSignals({
    drain: async () => {
      await new Promise((resolve) => setTimeout(resolve, READ_SENT_REQUESTS_MS));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
  server.listen(port, () => console.log(`โปร่งใสพร้อมให้บริการที่ http://localhost:${port}`));
}

void main();
