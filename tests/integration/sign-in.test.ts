// Sign-in and its abuse limits (rate-limiter-flexible on the database): counted atomically
// before the password is checked, growing blocks per account and address, a larger allowance
// per address, and per account only a slow-down, so nobody can lock another user out.
import { beforeEach, describe, expect, it } from "vitest";
import { SIGN_IN_LIMITS, SIGN_IN_MESSAGES, signIn, SignInError, type SignInLimits } from "@/server/auth/sign-in";
import { TEST_PASSWORD, worldForThisFile } from "./helpers/fixtures";

const context = worldForThisFile();
beforeEach(async () => {
  await context.database.db.loginAttempt.deleteMany();
  await context.database.db.rateLimiterFlexible.deleteMany();
});

// The production rules with short blocks and waits, so that a test can see them end.
const LIMITS: SignInLimits = {
  pair: { ...SIGN_IN_LIMITS.pair, baseBlockSeconds: 1 },
  address: { ...SIGN_IN_LIMITS.address, baseBlockSeconds: 1 },
  account: { slowAfter: 10, windowSeconds: 900, stepMs: 5, maxDelayMs: 20 },
};

const attempt = (username: string, password: string, ipAddress = "198.51.100.1", limits = LIMITS) =>
  signIn(context.database.db, { username, password, ipAddress }, limits);

async function refusal(call: Promise<unknown>): Promise<SignInError> {
  const error = await call.then(
    () => new Error("signed in"),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SignInError);
  return error as SignInError;
}

const verified = () => context.database.db.loginAttempt.count();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("sign-in", () => {
  it("accepts the right password, whatever the username's case and spaces", async () => {
    await expect(attempt(" Editor.A1 ", TEST_PASSWORD)).resolves.toEqual({ userId: context.world.users.editorA1.id });
  });

  it("refuses a wrong password and an unknown user with the same Thai message", async () => {
    await expect(attempt("editor.a1", "wrong password")).rejects.toThrow(SIGN_IN_MESSAGES.invalid);
    await expect(attempt("no.such.user", TEST_PASSWORD)).rejects.toThrow(SIGN_IN_MESSAGES.invalid);
    expect(await context.database.db.loginAttempt.count({ where: { succeeded: false } })).toBe(2);
  });

  it("refuses a disabled account after checking its password", async () => {
    await context.database.db.user.update({ where: { id: context.world.users.noRole.id }, data: { disabled: true } });
    await expect(attempt("nobody", TEST_PASSWORD)).rejects.toThrow(SIGN_IN_MESSAGES.disabled);
    await expect(attempt("nobody", "wrong")).rejects.toThrow(SIGN_IN_MESSAGES.invalid);
  });
});

describe("limits", () => {
  it("30 concurrent wrong guesses from one address: only the allowed 5 have their password checked", async () => {
    const outcomes = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => attempt("editor.a1", `guess ${i}`, "203.0.113.30", SIGN_IN_LIMITS)));
    const reasons = outcomes.map((outcome) => (outcome.status === "rejected" ? (outcome.reason as SignInError).reason : "signed in"));
    expect(reasons.filter((reason) => reason === "invalid")).toHaveLength(5);
    expect(reasons.filter((reason) => reason === "throttled")).toHaveLength(25);
    expect(await verified()).toBe(5);
    const refused = await refusal(attempt("editor.a1", TEST_PASSWORD, "203.0.113.30", SIGN_IN_LIMITS));
    expect(refused.reason).toBe("throttled");
    expect(refused.message).toBe("เข้าสู่ระบบไม่สำเร็จหลายครั้งติดกัน กรุณารอ 30 วินาที แล้วลองใหม่");
    expect(await verified()).toBe(5);
  });

  it("failures from other addresses never lock the rightful user out of theirs", async () => {
    // 10 addresses, 5 failures each: each attacking address ends up blocked …
    for (let host = 1; host <= 10; host++) {
      for (let i = 0; i < 5; i++) await refusal(attempt("editor.b", `guess ${i}`, `192.0.2.${host}`));
      expect((await refusal(attempt("editor.b", "one more", `192.0.2.${host}`))).reason).toBe("throttled");
    }
    // … while the owner, from their own address, signs in (only slowed down).
    await expect(attempt("editor.b", TEST_PASSWORD, "198.51.100.77")).resolves.toEqual({ userId: context.world.users.editorB.id });
  });

  it("many failures on one account slow every attempt on it down, from any address", async () => {
    const limits: SignInLimits = { ...LIMITS, account: { slowAfter: 3, windowSeconds: 900, stepMs: 400, maxDelayMs: 2000 } };
    for (let i = 0; i < 3; i++) await refusal(attempt("district.a1", "wrong", `198.18.0.${i}`, limits));
    const started = performance.now();
    await expect(attempt("district.a1", TEST_PASSWORD, "198.18.1.1", limits)).resolves.toEqual({ userId: context.world.users.districtA1.id });
    expect(performance.now() - started).toBeGreaterThanOrEqual(390);
  });

  it("blocks grow: after the free attempts 1 s, then a single attempt and 2 s; a success clears them", async () => {
    for (let i = 0; i < 5; i++) expect((await refusal(attempt("province.a", "wrong", "198.51.100.5"))).reason).toBe("invalid");
    const first = await refusal(attempt("province.a", TEST_PASSWORD, "198.51.100.5"));
    expect(first.reason).toBe("throttled");
    expect(first.retryAfterMs).toBe(1000);
    await sleep(1100);
    expect((await refusal(attempt("province.a", "wrong", "198.51.100.5"))).reason).toBe("invalid");
    const second = await refusal(attempt("province.a", TEST_PASSWORD, "198.51.100.5"));
    expect(second.retryAfterMs).toBe(2000);
    expect(second.message).toMatch(/กรุณารอ 2 วินาที/);
    await sleep(2100);
    await expect(attempt("province.a", TEST_PASSWORD, "198.51.100.5")).resolves.toEqual({ userId: context.world.users.provinceA.id });
    // Cleared: five free attempts again.
    for (let i = 0; i < 5; i++) expect((await refusal(attempt("province.a", "wrong", "198.51.100.5"))).reason).toBe("invalid");
  });

  it("one address guessing many accounts is blocked for every account; other addresses are not", async () => {
    const limits: SignInLimits = { ...LIMITS, address: { ...LIMITS.address, free: 8 } };
    for (const letter of "abcdefgh") expect((await refusal(attempt(`guess.${letter}`, "wrong", "192.0.2.50", limits))).reason).toBe("invalid");
    expect((await refusal(attempt("editor.b", TEST_PASSWORD, "192.0.2.50", limits))).reason).toBe("throttled");
    await expect(attempt("editor.b", TEST_PASSWORD, "192.0.2.51", limits)).resolves.toEqual({ userId: context.world.users.editorB.id });
  });

  it("successes do not count: an office signing many people in stays open", async () => {
    for (let i = 0; i < 12; i++) await expect(attempt("signer.a1", TEST_PASSWORD, "192.0.2.60")).resolves.toBeTruthy();
    for (let i = 0; i < 4; i++) await refusal(attempt("editor.a1", "wrong", "192.0.2.60"));
    await expect(attempt("editor.a1", TEST_PASSWORD, "192.0.2.60")).resolves.toBeTruthy();
  });
});
