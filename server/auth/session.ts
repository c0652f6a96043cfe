import "server-only";
import { headers } from "next/headers";
import { getDb } from "@/server/db/client";
import { sessionFromHeaders } from "./sessions";

/** The signed-in user's id from the session cookie, or null (signed out, revoked or expired). */
export async function getSessionUserId(): Promise<string | null> {
  const session = await sessionFromHeaders(await getDb(), await headers());
  return session?.userId ?? null;
}
