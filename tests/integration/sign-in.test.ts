import { beforeEach, describe, expect, it } from "vitest";
import { SIGN_IN_MESSAGES, signIn } from "@/server/auth/sign-in";
import {TEST_PASSWORD, worldForThisFile } from "./helpers/fixtures";

const context = worldForThisFile();
beforeEach(() => context.database.db.loginAttempt.deleteMany());

const attempt = (username: string, password: string, ipAddress = "198.51.100.1", now?: Date) =>
  signIn(context.database.db, { username, password, ipAddress, now });

describe("sign-in", () => {
  it("accepts the right password, whatever the username's case and spaces", async () => {
    await expect(attempt(" Editor.A1 ", TEST_PASSWORD)).resolves.toEqual({ userId: context.world.users.editorA1.id });
  });

  it("refuses a wrong password and an unknown user with the same Thai message", async () => {
    await expect(attempt("editor.a1", "wrong password")).rejects.toThrow(SIGN_IN_MESSAGES.invalid);
    await expect(attempt("no.such.user", TEST_PASSWORD)).rejects.toThrow(SIGN_IN_MESSAGES.invalid);
    expect(await context.database.db.loginAttempt.count({ where: { succeeded: false } })).toBe(2);
  });

  it("after 5 failures for one account refuses even the right password, then lets it in after 15 minutes", async () => {
    const start = new Date("2026-11-24T08:00:00Z");
    for (let i = 0; i < 5; i++) {
      // Different addresses: the account limit, not the address limit, is what engages.
      await expect(attempt("editor.a1", "wrong", `198.51.100.${10 + i}`, start)).rejects.toThrow(SIGN_IN_MESSAGES.invalid);
    }
    await expect(attempt("editor.a1", TEST_PASSWORD, "198.51.100.99", start)).rejects.toThrow(SIGN_IN_MESSAGES.throttled);
    // Another account is not affected.
    await expect(attempt("editor.b", TEST_PASSWORD, "198.51.100.99", start)).resolves.toEqual({ userId: context.world.users.editorB.id });
    const later = new Date(start.getTime() + 15 * 60_000 + 1000);
    await expect(attempt("editor.a1", TEST_PASSWORD, "198.51.100.99", later)).resolves.toEqual({ userId: context.world.users.editorA1.id });
  });

  it("after 5 failures from one address refuses that address for every account", async () => {
    const now = new Date("2026-11-24T09:00:00Z");
    const usernames = ["a", "b", "c", "d", "e"].map((letter) => `guess.${letter}`);
    for (const username of usernames) {
      await expect(attempt(username, "wrong", "192.0.2.50", now)).rejects.toThrow(SIGN_IN_MESSAGES.invalid);
    }
    await expect(attempt("editor.b", TEST_PASSWORD, "192.0.2.50", now)).rejects.toThrow(SIGN_IN_MESSAGES.throttled);
    await expect(attempt("editor.b", TEST_PASSWORD, "192.0.2.51", now)).resolves.toEqual({ userId: context.world.users.editorB.id });
  });

  it("four failures do not throttle", async () => {
    for (let i = 0; i < 4; i++) await expect(attempt("editor.a1", "wrong")).rejects.toThrow(SIGN_IN_MESSAGES.invalid);
    await expect(attempt("editor.a1", TEST_PASSWORD)).resolves.toEqual({ userId: context.world.users.editorA1.id });
  });

  it("refuses a disabled account after checking its password", async () => {
    await context.database.db.user.update({ where: { id: context.world.users.noRole.id }, data: { disabled: true } });
    await expect(attempt("nobody", TEST_PASSWORD)).rejects.toThrow(SIGN_IN_MESSAGES.disabled);
    await expect(attempt("nobody", "wrong")).rejects.toThrow(SIGN_IN_MESSAGES.invalid);
  });
});
