// GET /api/public/{DLA code}/badge.svg: a small image for the organisation's own website (an
// <img>, so it works under any site's CSP that allows images from here): its newest announced
// ITA score and level, linking (in the snippet) to its public page.
import { getDb } from "@/server/db/client";
import { plainText as text } from "@/server/api/download";
import { secureApiRoute } from "@/server/http/api-route";
import { AppError } from "@/server/errors";
import { badgeSvg } from "@/server/services/public/badge";
import { NOT_PUBLISHED, publishedOrganization } from "@/server/services/public/published";

export const runtime = "nodejs";

async function badge(_request: Request, { params }: { params: Promise<{ dlaCode: string }> }): Promise<Response> {
  const { dlaCode } = await params;
  if (!/^[0-9A-Za-z-]{1,20}$/.test(dlaCode)) return text(404, NOT_PUBLISHED);
  try {
    const organization = await publishedOrganization({ db: await getDb(), input: { dlaCode } });
    return new Response(badgeSvg(organization.scores[0] ?? null), {
      headers: {
        "Content-Type": "image/svg+xml; charset=utf-8",
        "Cache-Control": "public, max-age=3600",
        "Cross-Origin-Resource-Policy": "cross-origin",
      },
    });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return text(404, NOT_PUBLISHED);
    throw error;
  }
}

export const GET = secureApiRoute(badge, { keepCacheControl: true });
