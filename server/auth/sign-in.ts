// Username + password sign-in behind abuse limits (server/limits/limiters.ts), each counted
// atomically before the password is verified, so concurrent guesses cannot slip past:
// - one account from one address: SIGN_IN_LIMITS.pair.free failures, then blocks that grow
//   (30 s, 1, 2, 4 … up to 15 minutes, one attempt between them); a success clears them. Only
//   that address is refused: nobody elsewhere can lock the rightful user out.
// - one address, whatever the accounts: a larger allowance, then the same growing blocks.
// - one account, whatever the addresses: never refused, only slowed (a growing wait before
//   the password is checked) once many failures arrive within the window.
import type { Db } from "@/server/db/client";
import { keyOf, perDatabase, ProgressiveLimiter, thaiWait, WindowLimiter, type ProgressiveOptions } from "@/server/limits/limiters";
import { UNKNOWN_USER_HASH, verifyPassword } from "./password";

export type SignInLimits = {
  pair: ProgressiveOptions;
  address: ProgressiveOptions;
  account: { slowAfter: number; windowSeconds: number; stepMs: number; maxDelayMs: number };
};

export const SIGN_IN_LIMITS: SignInLimits = {
  pair: { free: 5, windowSeconds: 15 * 60, baseBlockSeconds: 30, maxBlockSeconds: 15 * 60, memorySeconds: 24 * 3600 },
  address: { free: 30, windowSeconds: 15 * 60, baseBlockSeconds: 30, maxBlockSeconds: 15 * 60, memorySeconds: 3600 },
  account: { slowAfter: 10, windowSeconds: 15 * 60, stepMs: 500, maxDelayMs: 5000 },
};

export const SIGN_IN_MESSAGES = {
  invalid: "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง",
  throttled: "เข้าสู่ระบบไม่สำเร็จหลายครั้งติดกัน กรุณารอสักครู่แล้วลองใหม่",
  disabled: "บัญชีนี้ถูกระงับการใช้งาน กรุณาติดต่อผู้ดูแลระบบ",
} as const;

export const throttledMessage = (retryAfterMs: number) =>
  `เข้าสู่ระบบไม่สำเร็จหลายครั้งติดกัน กรุณารอ ${thaiWait(retryAfterMs)} แล้วลองใหม่`;

export class SignInError extends Error {
  constructor(
    readonly reason: keyof typeof SIGN_IN_MESSAGES,
    readonly retryAfterMs?: number,
  ) {
    super(reason === "throttled" && retryAfterMs !== undefined ? throttledMessage(retryAfterMs) : SIGN_IN_MESSAGES[reason]);
  }
}

export type SignInAttempt = { username: string; password: string; ipAddress: string; now?: Date };

const limitersFor = (limits: SignInLimits) =>
  perDatabase((db) => ({
    pair: new ProgressiveLimiter(db, "signin-pair", limits.pair),
    address: new ProgressiveLimiter(db, "signin-address", limits.address),
    account: new WindowLimiter(db, "signin-account", { points: 1_000_000, windowSeconds: limits.account.windowSeconds }),
  }));
const defaultLimiters = limitersFor(SIGN_IN_LIMITS);
const customLimiters = new WeakMap<SignInLimits, ReturnType<typeof limitersFor>>();

function limiters(db: Db, limits: SignInLimits) {
  if (limits === SIGN_IN_LIMITS) return defaultLimiters(db);
  let build = customLimiters.get(limits);
  if (!build) customLimiters.set(limits, (build = limitersFor(limits)));
  return build(db);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Returns the signed-in user's id, or throws a SignInError carrying the Thai message. */
export async function signIn(db: Db, attempt: SignInAttempt, limits: SignInLimits = SIGN_IN_LIMITS): Promise<{ userId: string }> {
  const username = attempt.username.trim().toLowerCase();
  const now = attempt.now ?? new Date();
  const { pair, address, account } = limiters(db, limits);
  const keys = { pair: keyOf(username, attempt.ipAddress), address: keyOf(attempt.ipAddress), account: keyOf(username) };

  const byAddress = await address.take(keys.address);
  if (!byAddress.ok) throw new SignInError("throttled", byAddress.retryAfterMs);
  const byPair = await pair.take(keys.pair);
  if (!byPair.ok) throw new SignInError("throttled", byPair.retryAfterMs);
  const recent = await account.count(keys.account);
  if (recent > limits.account.slowAfter) {
    await sleep(Math.min((recent - limits.account.slowAfter) * limits.account.stepMs, limits.account.maxDelayMs));
  }

  const user = await db.user.findUnique({ where: { username } });
  const passwordMatches = await verifyPassword(user?.passwordHash ?? UNKNOWN_USER_HASH, attempt.password);
  const succeeded = Boolean(user && passwordMatches);
  await db.loginAttempt.create({
    data: { username, ipAddress: attempt.ipAddress, succeeded, createdAt: now },
  });
  if (!user || !succeeded) throw new SignInError("invalid");
  // The owner is here: their address's failures on this account are forgiven, and a success
  // never counts against the address or the account.
  await Promise.all([pair.reset(keys.pair), address.refund(keys.address, byAddress.cost), account.refund(keys.account)]);
  if (user.disabled) throw new SignInError("disabled");
  return { userId: user.id };
}
