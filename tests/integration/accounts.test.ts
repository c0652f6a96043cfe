// Accounts without passwords in files or e-mails: a new or reset account gets a one-time link
// that expires after 72 hours; its owner sets a password that meets the rules; users change their
// own. Staff accounts come in bulk from a file with the registry's dry-run pattern.
import { describe, expect, it } from "vitest";
import { signIn } from "@/server/auth/sign-in";
import { ACTING_NOT_IMPORTED } from "@/server/services/account-import";
import { describePasswordLink, setPasswordWithLink } from "@/server/services/password-links";
import { callerFor, refusal, TEST_PASSWORD, worldForThisFile } from "./helpers/fixtures";

const context = worldForThisFile();
const base64 = (text: string) => Buffer.from(text, "utf8").toString("base64");
const HOUR = 3_600_000;

const canSignIn = (username: string, password: string) =>
  signIn(context.database.db, { username, password, ipAddress: `198.51.100.${Math.floor(Math.random() * 200)}` }).then(
    () => true,
    () => false,
  );

describe("set-password links", () => {
  it("a new account gets a link shown once; its owner sets a password meeting the rules, once", async () => {
    const db = context.database.db;
    const admin = callerFor(db, context.world.users.admin.id);
    const created = await admin.admin.createUser({
      username: "new.preparer",
      displayName: "สมหญิง ใจดี",
      roles: [{ role: "ORG_EDITOR", organizationId: context.world.organizations.A1.id }],
    });
    const token = created.passwordLink!.token;
    expect(created.passwordLink!.expiresAt.getTime() - Date.now()).toBeGreaterThan(71.9 * HOUR);
    const stored = await db.passwordSetupLink.findFirstOrThrow({ where: { userId: created.id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(JSON.stringify(await db.auditEvent.findMany({ where: { entityId: created.id } }))).not.toContain(token);
    expect(await canSignIn("new.preparer", "")).toBe(false);

    const visitor = callerFor(db, null);
    expect(await visitor.account.passwordLink({ token })).toMatchObject({ username: "new.preparer", displayName: "สมหญิง ใจดี" });
    expect(await refusal(visitor.account.setPassword({ token, password: "short" }))).toMatchObject({ message: "รหัสผ่านต้องยาวอย่างน้อย 10 ตัวอักษร" });
    expect(await refusal(visitor.account.setPassword({ token, password: "new.preparer2569" }))).toMatchObject({ message: "รหัสผ่านต้องไม่มีชื่อผู้ใช้อยู่ในนั้น" });
    expect(await refusal(visitor.account.setPassword({ token, password: "qwertyuiop" }))).toMatchObject({ message: expect.stringContaining("ใช้กันทั่วไป") });
    expect(await db.user.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ passwordHash: null });

    await visitor.account.setPassword({ token, password: "ต้นมะพร้าว ริมทะเล 7" });
    expect(await canSignIn("new.preparer", "ต้นมะพร้าว ริมทะเล 7")).toBe(true);
    expect(await refusal(visitor.account.setPassword({ token, password: "another good passphrase" }))).toMatchObject({
      code: "NOT_FOUND",
      message: expect.stringContaining("ลิงก์ตั้งรหัสผ่านนี้ใช้ไม่ได้"),
    });
    expect(await refusal(visitor.account.passwordLink({ token }))).toMatchObject({ code: "NOT_FOUND" });
    expect((await db.auditEvent.findMany({ where: { entityId: created.id }, orderBy: { createdAt: "asc" } })).map((event) => event.action)).toEqual([
      "user.create",
      "user.setPassword",
    ]);
  });

  it("expires after 72 hours, a newer link replaces the older, and a reset stops the old password", async () => {
    const db = context.database.db;
    const admin = callerFor(db, context.world.users.admin.id);
    expect(await canSignIn("editor.b", TEST_PASSWORD)).toBe(true);
    const first = await admin.admin.resetPassword({ userId: context.world.users.editorB.id });
    expect(await canSignIn("editor.b", TEST_PASSWORD)).toBe(false);
    const second = await admin.admin.resetPassword({ userId: context.world.users.editorB.id });
    await expect(describePasswordLink({ db, token: first.passwordLink.token })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const now = Date.now();
    await expect(describePasswordLink({ db, token: second.passwordLink.token, now: new Date(now + 71 * HOUR) })).resolves.toMatchObject({ username: "editor.b" });
    await expect(
      setPasswordWithLink({ db, input: { token: second.passwordLink.token, password: "ระฆังทองคำ 2569" }, now: new Date(now + 73 * HOUR) }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await setPasswordWithLink({ db, input: { token: second.passwordLink.token, password: "ระฆังทองคำ 2569" } });
    expect(await canSignIn("editor.b", "ระฆังทองคำ 2569")).toBe(true);
  });

  it("a disabled account's links stop working", async () => {
    const db = context.database.db;
    const admin = callerFor(db, context.world.users.admin.id);
    const { passwordLink } = await admin.admin.resetPassword({ userId: context.world.users.signerA1.id });
    await admin.admin.setUserDisabled({ userId: context.world.users.signerA1.id, disabled: true });
    expect(await refusal(callerFor(db, null).account.passwordLink({ token: passwordLink.token }))).toMatchObject({ code: "NOT_FOUND" });
    await admin.admin.setUserDisabled({ userId: context.world.users.signerA1.id, disabled: false });
    expect(await refusal(callerFor(db, null).account.passwordLink({ token: passwordLink.token }))).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("own password", () => {
  it("a user changes their own password knowing the current one, under the same rules", async () => {
    const db = context.database.db;
    const me = callerFor(db, context.world.users.districtA1.id);
    expect(await refusal(me.account.changePassword({ currentPassword: "wrong one", newPassword: "ทุ่งนาเขียวขจี 99" }))).toMatchObject({ message: "รหัสผ่านปัจจุบันไม่ถูกต้อง" });
    expect(await refusal(me.account.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "1q2w3e4r5t" }))).toMatchObject({ message: expect.stringContaining("ใช้กันทั่วไป") });
    expect(await canSignIn("district.a1", TEST_PASSWORD)).toBe(true);
    await me.account.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "ทุ่งนาเขียวขจี 99" });
    expect(await canSignIn("district.a1", "ทุ่งนาเขียวขจี 99")).toBe(true);
    expect(await canSignIn("district.a1", TEST_PASSWORD)).toBe(false);
    expect(await refusal(callerFor(db, null).account.changePassword({ currentPassword: "x", newPassword: "ทุ่งนาเขียวขจี 99" }))).toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("account administration", () => {
  it("edits an account's name, title and position with an audit event; lists accounts a page at a time", async () => {
    const db = context.database.db;
    const admin = callerFor(db, context.world.users.admin.id);
    await admin.admin.updateUser({ userId: context.world.users.provinceA.id, displayName: "  วิไล  รักดี ", titlePrefix: "นาง", position: "ท้องถิ่นจังหวัด" });
    expect(await db.user.findUniqueOrThrow({ where: { id: context.world.users.provinceA.id } })).toMatchObject({ displayName: "วิไล รักดี", titlePrefix: "นาง" });
    expect(await refusal(admin.admin.updateUser({ userId: context.world.users.provinceA.id, displayName: " " }))).toMatchObject({ code: "BAD_REQUEST", message: "กรุณากรอกชื่อ-นามสกุล" });
    const found = await admin.admin.users({ search: "วิไล" });
    expect(found.rows.map((user) => user.username)).toEqual(["province.a"]);
    const page = await admin.admin.users({ pageSize: 2, page: 2 });
    expect(page.rows).toHaveLength(2);
    expect(page.total).toBe(await db.user.count());
  });
});

describe("account import", () => {
  const file = (rows: string[]) => base64(["ชื่อผู้ใช้,คำนำหน้า,ชื่อ-นามสกุล,ตำแหน่ง,รหัส อปท.,บทบาท,ปฏิบัติหน้าที่", ...rows].join("\n"));

  it("dry run, apply with links for the new accounts, and the same file again changes nothing; an acting line is refused (a grant of the people page)", async () => {
    const db = context.database.db;
    await db.localOrganization.update({ where: { id: context.world.organizations.A2.id }, data: { dlaCode: "06910201" } });
    const admin = callerFor(db, context.world.users.admin.id);
    const csv = file([
      "a2.editor,นาย,สมชาย ทดสอบ,นักวิเคราะห์นโยบายและแผน,06910201,ผู้จัดทำ,",
      "a2.palad,นาง,สมศรี ทดสอบ,ปลัด อบต.,06910201,ปลัด,",
      "a2.palad,นาง,สมศรี ทดสอบ,ปลัด อบต.,06910201,นายก,ปฏิบัติหน้าที่นายก อบต.",
      "a2.head,,สมปอง ทดสอบ,,06910201,รองนายก,",
      "editor.a1,,editor.a1,,06910201,ผู้จัดทำ,",
    ]);
    const counts = async () => ({ users: await db.user.count(), roles: await db.roleAssignment.count(), links: await db.passwordSetupLink.count() });
    const before = await counts();
    const dryRun = await admin.admin.importAccounts({ fileName: "accounts.csv", contentBase64: csv });
    expect(dryRun.counts).toEqual({ new: 2, changed: 1, unchanged: 0, invalid: 2 });
    expect(dryRun.invalidRows).toEqual([
      { line: 4, column: "ปฏิบัติหน้าที่", reason: ACTING_NOT_IMPORTED },
      { line: 5, column: "บทบาท", reason: expect.stringContaining('ไม่รู้จักบทบาท "รองนายก"') },
    ]);
    expect(dryRun.newRows.find((row) => row.username === "a2.palad")?.newRoles).toEqual(["ผู้ลงนามให้ความเห็น (ปลัด) · อบต.ทดสอบเอสอง"]);
    expect(dryRun.passwordLinks).toEqual([]);
    expect(await counts()).toEqual(before);

    const applied = await admin.admin.importAccounts({ fileName: "accounts.csv", contentBase64: csv, apply: true });
    expect(applied.passwordLinks.map((link) => link.username).sort()).toEqual(["a2.editor", "a2.palad"]);
    expect(await counts()).toEqual({ users: before.users + 2, roles: before.roles + 3, links: before.links + 2 });
    const palad = await db.user.findUniqueOrThrow({ where: { username: "a2.palad" }, include: { roles: true } });
    expect(palad.roles.map((grant) => grant.signOffStep)).toEqual(["CHIEF_ADMINISTRATOR"]);
    expect(await db.actingGrant.count({ where: { userId: palad.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "account.import" } })).toBe(1);

    const again = await admin.admin.importAccounts({ fileName: "accounts.csv", contentBase64: csv, apply: true });
    expect(again.counts).toEqual({ new: 0, changed: 0, unchanged: 3, invalid: 2 });
    expect(again.passwordLinks).toEqual([]);
    expect(await counts()).toEqual({ users: before.users + 2, roles: before.roles + 3, links: before.links + 2 });
  });

  it("an invalid row names its line and column in Thai; an unreadable file writes nothing", async () => {
    const admin = callerFor(context.database.db, context.world.users.admin.id);
    const result = await admin.admin.importAccounts({
      fileName: "accounts.csv",
      contentBase64: file(["ไม่ใช่ชื่อผู้ใช้,,ก ข,,06910201,ผู้จัดทำ,", "someone.new,,,,06910201,ผู้จัดทำ,", "other.new,,ค ง,,12345678,ผู้จัดทำ,"]),
    });
    expect(result.invalidRows).toEqual([
      { line: 2, column: "ชื่อผู้ใช้", reason: "ชื่อผู้ใช้ต้องเป็นอักษรอังกฤษ ตัวเลข หรือ . _ - ยาว 3–40 ตัว" },
      { line: 3, column: "ชื่อ-นามสกุล", reason: "ไม่ได้กรอกชื่อ-นามสกุล" },
      { line: 4, column: "รหัส อปท.", reason: "ไม่พบ อปท. รหัส 12345678 ในเขตที่ท่านดูแล" },
    ]);
    expect(await refusal(admin.admin.importAccounts({ fileName: "accounts.csv", contentBase64: base64("username\nx\n"), apply: true }))).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("ไม่พบคอลัมน์"),
    });
  });
});
