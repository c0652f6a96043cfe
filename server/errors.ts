// Errors the domain raises, with the Thai message the user sees. The tRPC layer maps the code
// to its own; scripts print the message.
export type AppErrorCode = "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "BAD_REQUEST";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** Messages for form fields, keyed by their path ("rules.2.minTotal"), shown beside them. */
    readonly fieldErrors: Record<string, string[]> | null = null,
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** A rule that needs the database failed for one field: reported like the input checks, at the field. */
export function fieldError(path: (string | number)[], message: string): AppError {
  return new AppError("BAD_REQUEST", message, { [path.join(".")]: [message] });
}

export const NOT_FOUND_OR_FORBIDDEN = "ไม่พบข้อมูลที่ขอ หรือคุณไม่มีสิทธิ์เข้าถึง";

/** What the client reads of an error nobody expected; the id finds its stack in the logs. */
export const UNEXPECTED_ERROR = (requestId?: string) =>
  `เกิดข้อผิดพลาดในระบบ กรุณาลองใหม่อีกครั้ง${requestId ? ` (รหัสอ้างอิง ${requestId})` : ""}`;

/** What the client reads while the database cannot be reached (restarting, failing over): try again shortly. */
export const DATABASE_UNAVAILABLE = "ฐานข้อมูลไม่พร้อมใช้งานชั่วคราว กรุณาลองใหม่อีกครั้งในอีกสักครู่";
