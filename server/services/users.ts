// Accounts and their roles, managed by administrators (no self sign-up).
import type { Db, DbClient } from "@/server/db/client";
import { Prisma } from "@/server/db/client";
import type { Access } from "@/server/access/access";
import { hashPassword } from "@/server/auth/password";
import { AppError, NOT_FOUND_OR_FORBIDDEN } from "@/server/errors";
import { idSchema, optionalText, requiredText, z } from "@/server/validation";
import { recordAudit, type RequestMetadata } from "./audit";

export const ZUsername = z
  .string({ error: "กรุณากรอกชื่อผู้ใช้" })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, "ชื่อผู้ใช้ต้องเป็นอักษรอังกฤษ ตัวเลข หรือ . _ - ยาว 3–40 ตัว");

export const ZPassword = z
  .string({ error: "กรุณากรอกรหัสผ่าน" })
  .min(10, "รหัสผ่านต้องยาวอย่างน้อย 10 ตัวอักษร")
  .max(200, "รหัสผ่านยาวเกินไป");

export const ZRoleGrantInput = z.discriminatedUnion("role", [
  z.object({ role: z.literal("ORG_EDITOR"), organizationId: idSchema }),
  z.object({
    role: z.literal("ORG_SIGNER"),
    organizationId: idSchema,
    signOffStep: z.enum(["HEAD_OF_OFFICE", "CHIEF_ADMINISTRATOR", "EXECUTIVE"], { error: "กรุณาเลือกขั้นการลงนาม" }),
    actingPosition: optionalText("ตำแหน่งที่ปฏิบัติหน้าที่แทน"),
  }),
  z.object({ role: z.literal("DISTRICT_REVIEWER"), districtId: idSchema }),
  z.object({ role: z.literal("PROVINCE_REVIEWER"), provinceId: idSchema }),
  z.object({ role: z.literal("ADMIN") }),
], { error: "กรุณาเลือกบทบาท" });
export type TRoleGrantInput = z.infer<typeof ZRoleGrantInput>;

export const ZCreateUserInput = z.object({
  username: ZUsername,
  password: ZPassword,
  displayName: requiredText("ชื่อ-นามสกุล"),
  titlePrefix: optionalText("คำนำหน้า/ยศ", 50),
  position: optionalText("ตำแหน่ง"),
  roles: z.array(ZRoleGrantInput).max(20, "บทบาทมากเกินไป").default([]),
});
export type TCreateUserInput = z.input<typeof ZCreateUserInput>;

type Actor = Pick<Access, "userId" | "username"> | null;

function grantData(grant: TRoleGrantInput) {
  return {
    role: grant.role,
    organizationId: "organizationId" in grant ? grant.organizationId : null,
    districtId: "districtId" in grant ? grant.districtId : null,
    provinceId: "provinceId" in grant ? grant.provinceId : null,
    signOffStep: grant.role === "ORG_SIGNER" ? grant.signOffStep : null,
    actingPosition: grant.role === "ORG_SIGNER" ? (grant.actingPosition ?? null) : null,
  };
}

/** Scope nodes named by the client must exist: a wrong id is an input error, not a crash. */
async function assertGrantTargetsExist(db: DbClient, grants: TRoleGrantInput[]) {
  for (const grant of grants) {
    const found =
      "organizationId" in grant
        ? await db.localOrganization.count({ where: { id: grant.organizationId } })
        : "districtId" in grant
          ? await db.district.count({ where: { id: grant.districtId } })
          : "provinceId" in grant
            ? await db.province.count({ where: { id: grant.provinceId } })
            : 1;
    if (!found) throw new AppError("BAD_REQUEST", "ไม่พบหน่วยงานหรือพื้นที่ที่เลือกสำหรับบทบาทนี้");
  }
}

export async function createUser(db: Db, actor: Actor, rawInput: TCreateUserInput, request?: RequestMetadata) {
  const input = ZCreateUserInput.parse(rawInput);
  await assertGrantTargetsExist(db, input.roles);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          username: input.username,
          displayName: input.displayName,
          titlePrefix: input.titlePrefix ?? null,
          position: input.position ?? null,
          passwordHash,
          roles: { create: input.roles.map(grantData) },
        },
        include: { roles: true },
      });
      await recordAudit(tx, {
        actor,
        request,
        action: "user.create",
        entityType: "User",
        entityId: user.id,
        after: { username: user.username, displayName: user.displayName, roles: input.roles.map(grantData) },
      });
      return { id: user.id, username: user.username };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", `ชื่อผู้ใช้ "${input.username}" มีอยู่แล้ว`);
    }
    throw error;
  }
}

export async function listUsers(db: DbClient) {
  const users = await db.user.findMany({
    orderBy: { username: "asc" },
    include: {
      roles: {
        include: {
          organization: { select: { nameTh: true } },
          district: { select: { nameTh: true } },
          province: { select: { nameTh: true } },
        },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  return users.map(({ passwordHash: _passwordHash, ...user }) => user);
}

export async function setUserDisabled(
  db: Db,
  actor: Actor,
  input: { userId: string; disabled: boolean },
  request?: RequestMetadata,
) {
  if (actor?.userId === input.userId && input.disabled) {
    throw new AppError("BAD_REQUEST", "ไม่สามารถระงับบัญชีของตนเองได้");
  }
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.userId }, select: { disabled: true } });
    if (!before) throw new AppError("NOT_FOUND", NOT_FOUND_OR_FORBIDDEN);
    await tx.user.update({ where: { id: input.userId }, data: { disabled: input.disabled } });
    await recordAudit(tx, {
      actor,
      request,
      action: input.disabled ? "user.disable" : "user.enable",
      entityType: "User",
      entityId: input.userId,
      before,
      after: { disabled: input.disabled },
    });
  });
}

export async function addRoleGrant(
  db: Db,
  actor: Actor,
  input: { userId: string; grant: TRoleGrantInput },
  request?: RequestMetadata,
) {
  await assertGrantTargetsExist(db, [input.grant]);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true } });
    if (!user) throw new AppError("NOT_FOUND", NOT_FOUND_OR_FORBIDDEN);
    const grant = await tx.roleAssignment.create({ data: { userId: user.id, ...grantData(input.grant) } });
    await recordAudit(tx, {
      actor,
      request,
      action: "role.grant",
      entityType: "RoleAssignment",
      entityId: grant.id,
      scope: grant,
      after: grant,
    });
    return grant;
  });
}

export async function revokeRoleGrant(
  db: Db,
  actor: Actor,
  input: { roleAssignmentId: string },
  request?: RequestMetadata,
) {
  return db.$transaction(async (tx) => {
    const grant = await tx.roleAssignment.findUnique({ where: { id: input.roleAssignmentId } });
    if (!grant) throw new AppError("NOT_FOUND", NOT_FOUND_OR_FORBIDDEN);
    if (grant.role === "ADMIN" && grant.userId === actor?.userId) {
      throw new AppError("BAD_REQUEST", "ไม่สามารถถอนสิทธิ์ผู้ดูแลระบบของตนเองได้");
    }
    await tx.roleAssignment.delete({ where: { id: grant.id } });
    await recordAudit(tx, {
      actor,
      request,
      action: "role.revoke",
      entityType: "RoleAssignment",
      entityId: grant.id,
      scope: grant,
      before: grant,
    });
  });
}
