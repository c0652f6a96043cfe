import { getDatabase } from "@/server/db/client";
import { logger } from "@/server/logger";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const { db, kind } = await getDatabase();
    await db.$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", database: kind });
  } catch (error) {
    logger.error({ err: error }, "health check failed");
    return Response.json({ status: "error", message: "database unavailable" }, { status: 503 });
  }
}
