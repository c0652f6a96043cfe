// Accounts are created by an admin (UI and CLI share the service); every change is audited in
// the same transaction, and refused input writes nothing.
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { signIn } from "@/server/auth/sign-in";
import { callerFor, worldForThisFile } from "./helpers/fixtures";

const context = worldForThisFile();

const counts = async () => ({
  users: await context.database.db.user.count(),
  roles: await context.database.db.roleAssignment.count(),
  audit: await context.database.db.auditEvent.count(),
});

describe("account administration", () => {
  it("an admin creates a signer who sets a password through the link and signs in; the creation is audited with request metadata", async () => {
    const admin = callerFor(context.database.db, context.world.users.admin.id);
    const created = await admin.admin.createUser({
      username: "New.Signer",
      displayName: "อรุณ ภมร",
      titlePrefix: "พ.จ.อ.",
      position: "ปลัดองค์การบริหารส่วนตำบล",
      roles: [
        {
          role: "ORG_SIGNER",
          organizationId: context.world.organizations.A1.id,
          signOffStep: "EXECUTIVE",
        },
      ],
    });
    expect(created.username).toBe("new.signer");
    const grant = await context.database.db.roleAssignment.findFirstOrThrow({ where: { userId: created.id } });
    expect(grant).toMatchObject({ role: "ORG_SIGNER", signOffStep: "EXECUTIVE", organizationId: context.world.organizations.A1.id });
    await callerFor(context.database.db, null).account.setPassword({ token: created.passwordLink!.token, password: "a long enough password" });
    await expect(
      signIn(context.database.db, { username: "new.signer", password: "a long enough password", ipAddress: "192.0.2.7" }),
    ).resolves.toEqual({ userId: created.id });
    const audit = await context.database.db.auditEvent.findFirstOrThrow({ where: { entityId: created.id } });
    expect(audit).toMatchObject({
      action: "user.create",
      actorId: context.world.users.admin.id,
      actorUsername: "admin.test",
      ipAddress: "203.0.113.9",
      userAgent: "vitest",
    });
    expect(JSON.stringify(audit.after)).not.toContain("password");
  });

  it("refuses a duplicate username in Thai and writes nothing", async () => {
    const before = await counts();
    const error = await callerFor(context.database.db, context.world.users.admin.id)
      .admin.createUser({ username: "editor.a1", displayName: "ซ้ำ", roles: [] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("CONFLICT");
    expect((error as TRPCError).message).toBe('ชื่อผู้ใช้ "editor.a1" มีอยู่แล้ว');
    expect(await counts()).toEqual(before);
  });

  it("refuses a role whose organisation does not exist, and writes nothing", async () => {
    const before = await counts();
    await expect(
      callerFor(context.database.db, context.world.users.admin.id).admin.createUser({
        username: "ghost.editor",
        displayName: "ผี",
        roles: [{ role: "ORG_EDITOR", organizationId: "no-such-organization" }],
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "ไม่พบหน่วยงานหรือพื้นที่ที่เลือกสำหรับบทบาทนี้ หรืออยู่นอกเขตที่ท่านดูแล" });
    expect(await counts()).toEqual(before);
  });

  it("gives field-level Thai messages for malformed input", async () => {
    const error = (await callerFor(context.database.db, context.world.users.admin.id)
      .admin.createUser({ username: "x", displayName: "", roles: [] })
      .catch((caught: unknown) => caught)) as TRPCError;
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/ชื่อผู้ใช้|กรุณากรอก/);
  });

  it("the database itself refuses a role scoped to the wrong kind of node", async () => {
    await expect(
      context.database.db.roleAssignment.create({
        data: { userId: context.world.users.noRole.id, role: "PROVINCE_REVIEWER", districtId: context.world.districts.A1.id },
      }),
    ).rejects.toThrow();
    await expect(
      context.database.db.roleAssignment.create({
        data: { userId: context.world.users.noRole.id, role: "ORG_SIGNER", organizationId: context.world.organizations.A1.id },
      }),
    ).rejects.toThrow();
  });

  it("disabling and re-enabling an account is audited, and an admin cannot disable themself", async () => {
    const admin = callerFor(context.database.db, context.world.users.admin.id);
    await admin.admin.setUserDisabled({ userId: context.world.users.editorB.id, disabled: true });
    await expect(callerFor(context.database.db, context.world.users.editorB.id).me.get()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await admin.admin.setUserDisabled({ userId: context.world.users.editorB.id, disabled: false });
    const actions = await context.database.db.auditEvent.findMany({
      where: { entityId: context.world.users.editorB.id },
      orderBy: { createdAt: "asc" },
    });
    expect(actions.map((event) => event.action)).toEqual(["user.disable", "user.enable"]);
    await expect(admin.admin.setUserDisabled({ userId: context.world.users.admin.id, disabled: true })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("grants and revokes a role with audit events scoped to the organisation", async () => {
    const admin = callerFor(context.database.db, context.world.users.admin.id);
    const grant = await admin.admin.grantRole({
      userId: context.world.users.noRole.id,
      grant: { role: "ORG_EDITOR", organizationId: context.world.organizations.A2.id },
    });
    await admin.admin.revokeRole({ roleAssignmentId: grant.id });
    const events = await context.database.db.auditEvent.findMany({ where: { entityId: grant.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((event) => [event.action, event.organizationId])).toEqual([
      ["role.grant", context.world.organizations.A2.id],
      ["role.revoke", context.world.organizations.A2.id],
    ]);
    expect(await context.database.db.roleAssignment.count({ where: { id: grant.id } })).toBe(0);
  });
});
