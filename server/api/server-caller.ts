import "server-only";
import { TRPCError } from "@trpc/server";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { createCaller } from "./root";
import { getDb } from "@/server/db/client";
import { REQUEST_PATH_HEADER, signInPathFor } from "@/server/domain/return-path";
import { requestIdFrom } from "@/server/logger";
import { createRequestContext } from "./request";
import { createContext, logUnexpectedError } from "./trpc";

/** The tRPC caller for Server Components: same procedures, same checks, no HTTP round trip. */
export const getServerCaller = cache(async () =>
  createCaller(await createRequestContext(await headers()), { onError: logUnexpectedError }),
);

/**
 * The caller for the public pages: no session is looked up, so a visitor's page never touches
 * the signed-in paths (only public procedures answer it).
 */
export const getPublicCaller = cache(async () => {
  const requestHeaders = await headers();
  const context = createContext({ db: await getDb(), userId: null, request: { ipAddress: null, userAgent: null }, requestId: requestIdFrom(requestHeaders) });
  return createCaller(context, { onError: logUnexpectedError });
});

/** Runs a server-side call; a missing session goes to sign-in (and back here after it), a foreign or missing id to 404. */
export async function callOrRedirect<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof TRPCError) {
      if (error.code === "UNAUTHORIZED") redirect(signInPathFor((await headers()).get(REQUEST_PATH_HEADER)));
      if (error.code === "NOT_FOUND" || error.code === "FORBIDDEN") notFound();
    }
    throw error;
  }
}
