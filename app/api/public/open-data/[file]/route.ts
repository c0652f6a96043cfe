// GET /api/public/open-data/{measures|scores}.{csv|json}[?province=CODE]: open data, for
// anybody (schema in the README, "Open data").
import { plainText as text } from "@/server/api/download";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { secureApiRoute } from "@/server/http/api-route";
import { OPEN_DATA_SETS, openDataRows, openDataStream, type OpenDataSet } from "@/server/services/public/open-data";
import { NOT_PUBLISHED } from "@/server/services/public/published";

export const runtime = "nodejs";

const CONTENT_TYPE = { csv: "text/csv; charset=utf-8", json: "application/json; charset=utf-8" };

async function openData(request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const match = /^(\w+)\.(csv|json)$/.exec((await params).file);
  const set = match?.[1] as OpenDataSet | undefined;
  const format = match?.[2] as "csv" | "json" | undefined;
  if (!set || !format || !OPEN_DATA_SETS.includes(set)) return text(404, "ไม่พบชุดข้อมูล มีเฉพาะ measures และ scores เป็น .csv หรือ .json");
  const province = new URL(request.url).searchParams.get("province");
  if (province !== null && !/^\d{2}$/.test(province)) return text(404, NOT_PUBLISHED);
  try {
    const rows = await openDataRows({ db: await getDb(), set, provinceCode: province });
    return new Response(openDataStream(set, rows, format), {
      headers: {
        "Content-Type": CONTENT_TYPE[format],
        "Content-Disposition": `inline; filename="prongsai-${set}${province ? `-${province}` : ""}.${format}"`,
        "Cache-Control": "public, max-age=300",
      },
    });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return text(404, NOT_PUBLISHED);
    throw error;
  }
}

export const GET = secureApiRoute(openData, { keepCacheControl: true });
