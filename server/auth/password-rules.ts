// What a password must be: at least 10 characters, not the username (nor contain it), and not one
// of the common passwords people try first (common-passwords.txt beside this file).
import fs from "node:fs";
import path from "node:path";

export const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 200;

let commonPasswords: Set<string> | undefined;

function isCommon(password: string): boolean {
  commonPasswords ??= new Set(
    fs
      .readFileSync(path.join(process.cwd(), "server", "auth", "common-passwords.txt"), "utf8")
      .split("\n")
      .filter((line) => line && !line.startsWith("#")),
  );
  return commonPasswords.has(password.toLowerCase());
}

/** The Thai reason a password is refused, or null when it may be used. */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `รหัสผ่านต้องยาวอย่างน้อย ${MIN_PASSWORD_LENGTH} ตัวอักษร`;
  if (password.length > MAX_PASSWORD_LENGTH) return "รหัสผ่านยาวเกินไป";
  if (username && password.toLowerCase().includes(username.toLowerCase())) return "รหัสผ่านต้องไม่มีชื่อผู้ใช้อยู่ในนั้น";
  if (isCommon(password)) return "รหัสผ่านนี้เป็นรหัสที่ใช้กันทั่วไป เดาได้ง่าย กรุณาตั้งรหัสอื่น";
  return null;
}
