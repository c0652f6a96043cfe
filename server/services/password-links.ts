// One-time set-password links. The token (32 random bytes) is shown once to the administrator,
// who hands it over; only its SHA-256 is stored. A link lasts 72 hours, is spent by its first
// use, and a newer link for the same account replaces older ones.
import { createHash, randomBytes } from "node:crypto";
import type { Access } from "@/server/access/access";
import type { Db, Prisma } from "@/server/db/client";
import { hashPassword } from "@/server/auth/password";
import { endUserSessions } from "@/server/auth/sessions";
import { passwordProblem } from "@/server/auth/password-rules";
import { AppError } from "@/server/errors";
import { z } from "@/server/validation";
import { recordAudit, type RequestMetadata } from "./audit";

export const PASSWORD_LINK_HOURS = 72;
const LINK_INVALID = "ลิงก์ตั้งรหัสผ่านนี้ใช้ไม่ได้ (หมดอายุ ถูกใช้ไปแล้ว หรือมีลิงก์ใหม่แทน) กรุณาขอลิงก์ใหม่จากผู้ดูแลระบบ";

const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

export const ZPasswordLinkToken = z.string({ error: LINK_INVALID }).trim().min(20, LINK_INVALID).max(100, LINK_INVALID);

/** Replaces the account's unused links with a new one; returns its token (never stored) and expiry. */
export async function issuePasswordLink(
  tx: Prisma.TransactionClient,
  userId: string,
  actor: Pick<Access, "userId"> | null,
  now = new Date(),
) {
  await tx.passwordSetupLink.deleteMany({ where: { userId, usedAt: null } });
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + PASSWORD_LINK_HOURS * 3_600_000);
  await tx.passwordSetupLink.create({ data: { userId, tokenHash: tokenHash(token), createdById: actor?.userId ?? null, expiresAt } });
  return { token, expiresAt };
}

async function usableLink(db: Prisma.TransactionClient | Db, token: string, now: Date) {
  const link = await db.passwordSetupLink.findUnique({
    where: { tokenHash: tokenHash(ZPasswordLinkToken.parse(token)) },
    include: { user: { select: { id: true, username: true, displayName: true, titlePrefix: true, disabled: true } } },
  });
  if (!link || link.usedAt || link.expiresAt <= now || link.user.disabled) throw new AppError("NOT_FOUND", LINK_INVALID);
  return link;
}

/** Who a link is for, so its page can greet them; refused like a missing link once unusable. */
export async function describePasswordLink({ db, token, now = new Date() }: { db: Db; token: string; now?: Date }) {
  const link = await usableLink(db, token, now);
  return { username: link.user.username, displayName: link.user.displayName, titlePrefix: link.user.titlePrefix, expiresAt: link.expiresAt };
}

/** Sets the account's password through a link and spends the link, in one transaction. */
export async function setPasswordWithLink({ db, input, request, now = new Date() }: { db: Db; input: { token: string; password: string }; request?: RequestMetadata; now?: Date }) {
  const link = await usableLink(db, input.token, now);
  const problem = passwordProblem(input.password, link.user.username);
  if (problem) throw new AppError("BAD_REQUEST", problem);
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    // Spent only if still unspent: two uses at once cannot both succeed.
    const spent = await tx.passwordSetupLink.updateMany({ where: { id: link.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (spent.count !== 1) throw new AppError("NOT_FOUND", LINK_INVALID);
    await tx.user.update({ where: { id: link.userId }, data: { passwordHash } });
    // A new password ends every session the old one opened.
    await endUserSessions(tx, link.userId);
    await recordAudit(tx, {
      actor: { userId: link.user.id, username: link.user.username },
      request,
      action: "user.setPassword",
      entityType: "User",
      entityId: link.userId,
    });
  });
  return { username: link.user.username };
}
