// GET /api/ready: whether this instance can serve (a load balancer's readiness probe). Unlike
// /api/health (the process answers), it checks what a request needs: the database and the
// job queue (exports and report PDFs go through it).
import { getDatabase } from "@/server/db/client";
import { getQueue } from "@/server/jobs/queue";
import { secureApiRoute } from "@/server/http/api-route";
import { logger } from "@/server/logger";

export const dynamic = "force-dynamic";

async function answer(): Promise<Response> {
  const checks: Record<string, "ok" | "unavailable"> = {};
  try {
    const { db } = await getDatabase();
    await db.$queryRaw`SELECT 1`;
    checks.database = "ok";
  } catch (error) {
    logger.error({ err: error }, "readiness: database unavailable");
    checks.database = "unavailable";
  }
  try {
    await (await getQueue()).getQueues();
    checks.queue = "ok";
  } catch (error) {
    logger.error({ err: error }, "readiness: job queue unavailable");
    checks.queue = "unavailable";
  }
  const ready = Object.values(checks).every((check) => check === "ok");
  return Response.json({ status: ready ? "ready" : "unavailable", checks }, { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}

export const GET = secureApiRoute(answer);
