// Structured logs (pino, one JSON object a line). Each request logs through its own child
// logger carrying the request's id, so every line of one request can be found together and a
// user quoting the id of an error message leads to its stack.
import { randomUUID } from "node:crypto";
import pino, { type Logger } from "pino";
import { env } from "./env";

export type { Logger };

export const logger: Logger = pino({ level: env().LOG_LEVEL, base: { service: "prongsai" } });

// A proxy's id is kept when it looks like one (no log injection through the header).
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** The id of an incoming request: the proxy's X-Request-Id when well-formed, else a new one. */
export function requestIdFrom(headers: Headers): string {
  const given = headers.get("x-request-id");
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

export const requestLogger = (requestId: string): Logger => logger.child({ requestId });
