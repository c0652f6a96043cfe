// Builds a call's context from an incoming request (route handler or server component).
import { clientAddress } from "@/server/auth/options";
import { getSessionUserId } from "@/server/auth/session";
import { getDb } from "@/server/db/client";
import { requestIdFrom } from "@/server/logger";
import { createContext } from "./trpc";

export async function createRequestContext(headers: Headers) {
  return createContext({
    db: await getDb(),
    userId: await getSessionUserId(),
    request: { ipAddress: clientAddress(headers), userAgent: headers.get("user-agent") },
    requestId: requestIdFrom(headers),
  });
}
