// Abuse limits on rate-limiter-flexible's RateLimiterPrisma: its counters live in the
// RateLimiterFlexible table of our database (PostgreSQL or the embedded PGlite), shared by every
// instance. A consume is one atomic upsert (INSERT … ON CONFLICT DO UPDATE points = points + n),
// so concurrent requests are all counted: take before doing the work, never check-then-record.
import { createHash } from "node:crypto";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@/server/db/client";

/** Prisma's property for the RateLimiterFlexible model (the library indexes the client with it). */
const MODEL = "rateLimiterFlexible";

export function prismaLimiter(db: Db, options: { keyPrefix: string; points: number; duration: number }) {
  return new RateLimiterPrisma({ storeClient: db, tableName: MODEL, ...options });
}

/** Keys hold user input (usernames): hash them so a key has a bounded length. */
export const keyOf = (...parts: string[]) => createHash("sha256").update(parts.join("\u0000")).digest("base64url");

const isLimiterAnswer = (value: unknown): value is RateLimiterRes => value instanceof RateLimiterRes;

export type Take = { ok: true; cost: number } | { ok: false; retryAfterMs: number };

export type ProgressiveOptions = {
  /** Attempts allowed in a window before the first block. */
  free: number;
  windowSeconds: number;
  /** The first block; each further block doubles it, up to maxBlockSeconds. */
  baseBlockSeconds: number;
  maxBlockSeconds: number;
  /** How long blocks are remembered: until then each new window allows one attempt only. */
  memorySeconds: number;
};

/**
 * Growing delays rather than a fixed lock: `free` attempts per window; the attempt after them
 * blocks the key for baseBlockSeconds, and every later block (after a single attempt) doubles,
 * up to maxBlockSeconds. A success resets the key (reset) or gives its attempt back (refund).
 */
export class ProgressiveLimiter {
  private readonly attempts: RateLimiterPrisma;
  private readonly strikes: RateLimiterPrisma;

  constructor(
    db: Db,
    prefix: string,
    private readonly options: ProgressiveOptions,
  ) {
    this.attempts = prismaLimiter(db, { keyPrefix: `${prefix}:a`, points: options.free, duration: options.windowSeconds });
    this.strikes = prismaLimiter(db, { keyPrefix: `${prefix}:s`, points: 1_000_000, duration: options.memorySeconds });
  }

  /** Counts one attempt, atomically; refuses it while the key is blocked or over its allowance. */
  async take(key: string): Promise<Take> {
    const struck = await this.strikes.get(key);
    // After a block, a new window holds one attempt: it costs the whole allowance.
    const cost = struck && struck.consumedPoints > 0 ? this.options.free : 1;
    try {
      await this.attempts.consume(key, cost);
      return { ok: true, cost };
    } catch (answer) {
      if (!isLimiterAnswer(answer)) throw answer;
      // Only the attempt that crossed the allowance blocks; the others read the block's end.
      if (answer.consumedPoints - cost > this.options.free) return { ok: false, retryAfterMs: answer.msBeforeNext };
      const strike = await this.strikes.penalty(key, 1);
      const seconds = Math.min(this.options.baseBlockSeconds * 2 ** (strike.consumedPoints - 1), this.options.maxBlockSeconds);
      await this.attempts.block(key, seconds);
      return { ok: false, retryAfterMs: seconds * 1000 };
    }
  }

  /** Forgets the key's attempts and blocks (a success proves the owner is here). */
  async reset(key: string): Promise<void> {
    await Promise.all([this.attempts.delete(key), this.strikes.delete(key)]);
  }

  /** Gives back what a successful attempt cost, so that only failures count. */
  async refund(key: string, cost: number): Promise<void> {
    await this.attempts.reward(key, cost);
  }
}

/** A fixed number of actions per window (exports, imports); refuses beyond it. */
export class WindowLimiter {
  private readonly limiter: RateLimiterPrisma;

  constructor(db: Db, prefix: string, options: { points: number; windowSeconds: number }) {
    this.limiter = prismaLimiter(db, { keyPrefix: prefix, points: options.points, duration: options.windowSeconds });
  }

  async take(key: string): Promise<Take> {
    try {
      await this.limiter.consume(key, 1);
      return { ok: true, cost: 1 };
    } catch (answer) {
      if (!isLimiterAnswer(answer)) throw answer;
      return { ok: false, retryAfterMs: answer.msBeforeNext };
    }
  }

  /** Counts one more and tells how many this window holds so far (for slowing down). */
  async count(key: string): Promise<number> {
    try {
      return (await this.limiter.consume(key, 1)).consumedPoints;
    } catch (answer) {
      if (!isLimiterAnswer(answer)) throw answer;
      return answer.consumedPoints;
    }
  }

  async refund(key: string): Promise<void> {
    await this.limiter.reward(key, 1);
  }
}

/** One set of limiters per database and settings (tests open many databases). */
export function perDatabase<T>(build: (db: Db) => T): (db: Db) => T {
  const built = new WeakMap<Db, T>();
  return (db) => {
    let value = built.get(db);
    if (!value) built.set(db, (value = build(db)));
    return value;
  };
}

/** "30 วินาที", "2 นาที": how long to wait, rounded up. */
export function thaiWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return seconds < 60 ? `${seconds} วินาที` : `${Math.ceil(seconds / 60)} นาที`;
}
