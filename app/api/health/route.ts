import { getDatabase } from "@/server/db/client";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const { db, kind } = await getDatabase();
    await db.$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", database: kind });
  } catch (error) {
    console.error("health check failed", error);
    return Response.json({ status: "error", message: "database unavailable" }, { status: 503 });
  }
}
