// Username + password sign-in with a throttle: after 5 failed attempts for one account, or from
// one IP address, within 15 minutes, further attempts are refused until the failures age out.
import type { DbClient } from "@/server/db/client";
import { UNKNOWN_USER_HASH, verifyPassword } from "./password";

export const SIGN_IN_FAILURE_LIMIT = 5;
export const SIGN_IN_WINDOW_MINUTES = 15;

export const SIGN_IN_MESSAGES = {
  invalid: "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง",
  throttled: `เข้าสู่ระบบไม่สำเร็จเกิน ${SIGN_IN_FAILURE_LIMIT} ครั้ง กรุณารอ ${SIGN_IN_WINDOW_MINUTES} นาทีแล้วลองใหม่`,
  disabled: "บัญชีนี้ถูกระงับการใช้งาน กรุณาติดต่อผู้ดูแลระบบ",
} as const;

export class SignInError extends Error {
  constructor(readonly reason: keyof typeof SIGN_IN_MESSAGES) {
    super(SIGN_IN_MESSAGES[reason]);
  }
}

export type SignInAttempt = { username: string; password: string; ipAddress: string; now?: Date };

export async function isSignInThrottled(
  db: DbClient,
  username: string,
  ipAddress: string,
  now: Date = new Date(),
): Promise<boolean> {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MINUTES * 60_000);
  const failures = (where: { username: string } | { ipAddress: string }) =>
    db.loginAttempt.count({ where: { ...where, succeeded: false, createdAt: { gt: since } } });
  const [byAccount, byAddress] = await Promise.all([failures({ username }), failures({ ipAddress })]);
  return byAccount >= SIGN_IN_FAILURE_LIMIT || byAddress >= SIGN_IN_FAILURE_LIMIT;
}

/** Returns the signed-in user's id, or throws a SignInError carrying the Thai message. */
export async function signIn(db: DbClient, attempt: SignInAttempt): Promise<{ userId: string }> {
  const username = attempt.username.trim().toLowerCase();
  const now = attempt.now ?? new Date();
  if (await isSignInThrottled(db, username, attempt.ipAddress, now)) {
    throw new SignInError("throttled");
  }
  const user = await db.user.findUnique({ where: { username } });
  const passwordMatches = await verifyPassword(user?.passwordHash ?? UNKNOWN_USER_HASH, attempt.password);
  const succeeded = Boolean(user && passwordMatches);
  await db.loginAttempt.create({
    data: { username, ipAddress: attempt.ipAddress, succeeded, createdAt: now },
  });
  if (!user || !succeeded) throw new SignInError("invalid");
  if (user.disabled) throw new SignInError("disabled");
  return { userId: user.id };
}
