import { getDatabase } from "@/server/db/client";
import { secureApiRoute } from "@/server/http/api-route";
import { logger } from "@/server/logger";

export const dynamic = "force-dynamic";

async function answer(): Promise<Response> {
  try {
    const { db, kind } = await getDatabase();
    await db.$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", database: kind });
  } catch (error) {
    logger.error({ err: error }, "health check failed");
    return Response.json({ status: "error", message: "database unavailable" }, { status: 503 });
  }
}

export const GET = secureApiRoute(answer);
