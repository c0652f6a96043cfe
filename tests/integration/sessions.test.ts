// Sessions are revocable: a session cookie counts only while its UserSession row is open, so
// sign-out, a password change, disabling the account or revoking its last role refuse the old
// cookie at once; idle and absolute limits end it too. Every call goes through the real tRPC
// HTTP handler with a real next-auth cookie.
import { describe, expect, it } from "vitest";
import { endSession, resolveSession } from "@/server/auth/sessions";
import { issuePasswordLink, setPasswordWithLink } from "@/server/services/password-links";
import { callerFor, TEST_PASSWORD, worldForThisFile } from "./helpers/fixtures";
import { cookieFor, sessionCookie, TEST_SESSION_CONFIG, trpcGet, trpcPost } from "./helpers/http";

const context = worldForThisFile();
const db = () => context.database.db;
const me = (cookie: string, now?: Date) => trpcGet(db(), { path: "me.get", cookie, now });

describe("revocation", () => {
  it("a session cookie opens calls; a cookie without an open session is signed out", async () => {
    const { cookie } = await sessionCookie(db(), context.world.users.districtA1.id);
    expect((await me(cookie)).status).toBe(200);
    // A token of the old kind (no session id), a made-up session id, a tampered cookie.
    expect((await me(await cookieFor({ userId: context.world.users.districtA1.id }))).status).toBe(401);
    expect((await me(await cookieFor({ userId: context.world.users.districtA1.id, sessionId: "made-up" }))).status).toBe(401);
    expect((await me(`${cookie.slice(0, -4)}AAAA`)).status).toBe(401);
    // Another user's session id under this user's id.
    const other = await sessionCookie(db(), context.world.users.provinceA.id);
    expect((await me(await cookieFor({ userId: context.world.users.districtA1.id, sessionId: other.sessionId }))).status).toBe(401);
  });

  it("sign-out refuses that session's cookie; the user's other sessions stay open", async () => {
    const first = await sessionCookie(db(), context.world.users.districtA1.id);
    const second = await sessionCookie(db(), context.world.users.districtA1.id);
    await endSession(db(), first.sessionId); // what next-auth's signOut event does
    const refused = await me(first.cookie);
    expect(refused.status).toBe(401);
    expect(refused.message).toBe("กรุณาเข้าสู่ระบบ");
    expect((await me(second.cookie)).status).toBe(200);
  });

  it("changing one's own password ends every other session and keeps the one that changed it", async () => {
    const user = context.world.users.signerA1;
    const here = await sessionCookie(db(), user.id);
    const elsewhere = await sessionCookie(db(), user.id);
    const changed = await trpcPost(db(), {
      path: "account.changePassword",
      cookie: here.cookie,
      input: { currentPassword: TEST_PASSWORD, newPassword: "a brand new passphrase 42" },
    });
    expect(changed.status).toBe(200);
    expect((await me(elsewhere.cookie)).status).toBe(401);
    expect((await me(here.cookie)).status).toBe(200);
  });

  it("a password set through a set-password link ends every session", async () => {
    const user = context.world.users.provinceB;
    const sessions = [await sessionCookie(db(), user.id), await sessionCookie(db(), user.id)];
    const { token } = await db().$transaction((tx) => issuePasswordLink(tx, user.id, null));
    await setPasswordWithLink({ db: db(), input: { token, password: "another long passphrase 7" } });
    for (const session of sessions) expect((await me(session.cookie)).status).toBe(401);
  });

  it("an administrator's password reset ends every session", async () => {
    const user = context.world.users.editorB;
    const session = await sessionCookie(db(), user.id);
    await callerFor(db(), context.world.users.admin.id).admin.resetPassword({ userId: user.id });
    expect((await me(session.cookie)).status).toBe(401);
  });

  it("disabling an account ends its sessions, and enabling it again does not bring them back", async () => {
    const user = context.world.users.provinceA;
    const session = await sessionCookie(db(), user.id);
    const admin = callerFor(db(), context.world.users.admin.id);
    await admin.admin.setUserDisabled({ userId: user.id, disabled: true });
    expect((await me(session.cookie)).status).toBe(401);
    await admin.admin.setUserDisabled({ userId: user.id, disabled: false });
    expect((await me(session.cookie)).status).toBe(401);
    expect((await me((await sessionCookie(db(), user.id)).cookie)).status).toBe(200);
  });

  it("revoking a role leaves the sessions open while another remains; revoking the last ends them", async () => {
    const user = context.world.users.editorA1;
    const extra = await db().roleAssignment.create({ data: { userId: user.id, role: "ORG_EDITOR", organizationId: context.world.organizations.A1b.id } });
    const session = await sessionCookie(db(), user.id);
    const admin = callerFor(db(), context.world.users.admin.id);
    await admin.admin.revokeRole({ roleAssignmentId: extra.id });
    expect((await me(session.cookie)).status).toBe(200);
    const last = await db().roleAssignment.findFirstOrThrow({ where: { userId: user.id } });
    await admin.admin.revokeRole({ roleAssignmentId: last.id });
    expect((await me(session.cookie)).status).toBe(401);
  });
});

describe("limits", () => {
  const minutes = (start: Date, count: number) => new Date(start.getTime() + count * 60_000);

  it("a session idle for SESSION_IDLE_MINUTES ends; activity keeps it open until then", async () => {
    const start = new Date(Date.now() + 24 * 3_600_000); // the clock of this test only
    const { cookie, sessionId } = await sessionCookie(db(), context.world.users.districtA1.id, { now: start });
    expect((await me(cookie, minutes(start, 59))).status).toBe(200);
    expect((await me(cookie, minutes(start, 118))).status).toBe(200);
    expect((await me(cookie, minutes(start, 178))).status).toBe(401);
    // The row is gone: going back in time does not reopen it.
    expect(await resolveSession(db(), { userId: context.world.users.districtA1.id, sessionId }, TEST_SESSION_CONFIG, minutes(start, 120))).toBeNull();
  });

  it("a session ends SESSION_MAX_HOURS after sign-in however active it is", async () => {
    const start = new Date(Date.now() + 48 * 3_600_000);
    const { cookie } = await sessionCookie(db(), context.world.users.districtA1.id, { now: start });
    for (let minute = 30; minute < 12 * 60; minute += 30) {
      expect((await me(cookie, minutes(start, minute))).status).toBe(200);
    }
    expect((await me(cookie, minutes(start, 12 * 60))).status).toBe(401);
  });

  it("the limits come from the environment, validated", async () => {
    const { parseEnv } = await import("@/server/env");
    expect(parseEnv({}).SESSION_IDLE_MINUTES).toBe(60);
    expect(parseEnv({}).SESSION_MAX_HOURS).toBe(12);
    expect(parseEnv({ SESSION_IDLE_MINUTES: "15", SESSION_MAX_HOURS: "8" })).toMatchObject({ SESSION_IDLE_MINUTES: 15, SESSION_MAX_HOURS: 8 });
    expect(() => parseEnv({ SESSION_IDLE_MINUTES: "1" })).toThrow(/SESSION_IDLE_MINUTES/);
  });
});
