// Per-user allowances for heavy work that a signed-in user starts: exports (summary files,
// report PDFs) and imports (account and registry files, dry runs included).
import type { Db } from "@/server/db/client";
import { perDatabase, thaiWait, WindowLimiter, type Take } from "./limiters";

export type PerUserKind = "export" | "import";

export const PER_USER_LIMITS: Record<PerUserKind, { points: number; windowSeconds: number }> = {
  export: { points: 5, windowSeconds: 60 },
  import: { points: 10, windowSeconds: 60 },
};

const limiters = perDatabase((db) => ({
  export: new WindowLimiter(db, "user-export", PER_USER_LIMITS.export),
  import: new WindowLimiter(db, "user-import", PER_USER_LIMITS.import),
}));

export function takePerUser(db: Db, kind: PerUserKind, userId: string): Promise<Take> {
  return limiters(db)[kind].take(userId);
}

export function perUserRefusal(kind: PerUserKind, retryAfterMs: number): string {
  const what = kind === "export" ? "ส่งออกข้อมูล" : "นำเข้าข้อมูล";
  return `${what}บ่อยเกินไป (ไม่เกิน ${PER_USER_LIMITS[kind].points} ครั้งต่อนาที) กรุณารอ ${thaiWait(retryAfterMs)} แล้วลองใหม่`;
}
