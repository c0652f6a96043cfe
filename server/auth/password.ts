import { hash, verify } from "@node-rs/argon2";

// @node-rs/argon2 defaults to argon2id with OWASP-recommended memory and time costs.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash never signs anyone in
  }
}

// Verified against when the username is unknown, so both cases take the same time.
export const UNKNOWN_USER_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$tp52F/q1vSbebgCzcYHQaQ$mxxp82ZCD0p1SbdTn0p+/npQsF6IF52JoEyxt2GQl48";
