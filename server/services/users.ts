// Accounts and their roles, managed by administrators within their scope (no self sign-up). No
// password travels in a file or an e-mail: a new or reset account gets a one-time set-password
// link (password-links.ts) that the administrator hands over.
import type { Db, DbClient } from "@/server/db/client";
import { Prisma } from "@/server/db/client";
import type { Access } from "@/server/access/access";
import { grantsUnder } from "@/server/access/nodes";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { passwordProblem } from "@/server/auth/password-rules";
import { endUserSessions } from "@/server/auth/sessions";
import { normaliseThaiText } from "@/server/domain/thai-text-normalise";
import { AppError, NOT_FOUND_OR_FORBIDDEN } from "@/server/errors";
import { adminScopeOf, coversProvince, type AdminScope, type Call } from "@/server/services/admin-scope";
import { idSchema, optionalText, requiredText, z } from "@/server/validation";
import { recordAudit, type RequestMetadata } from "./audit";
import { issuePasswordLink } from "./password-links";

export const ZUsername = z
  .string({ error: "กรุณากรอกชื่อผู้ใช้" })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, "ชื่อผู้ใช้ต้องเป็นอักษรอังกฤษ ตัวเลข หรือ . _ - ยาว 3–40 ตัว");

export const ZRoleGrantInput = z.discriminatedUnion("role", [
  z.object({ role: z.literal("ORG_EDITOR"), organizationId: idSchema }),
  z.object({
    role: z.literal("ORG_SIGNER"),
    organizationId: idSchema,
    signOffStep: z.enum(["HEAD_OF_OFFICE", "CHIEF_ADMINISTRATOR", "EXECUTIVE"], { error: "กรุณาเลือกขั้นการลงนาม" }),
  }),
  z.object({ role: z.literal("DISTRICT_REVIEWER"), districtId: idSchema }),
  z.object({ role: z.literal("PROVINCE_REVIEWER"), provinceId: idSchema }),
  z.object({ role: z.literal("PROVINCE_ADMIN"), provinceId: idSchema }),
  z.object({ role: z.literal("ADMIN") }),
], { error: "กรุณาเลือกบทบาท" });
export type TRoleGrantInput = z.infer<typeof ZRoleGrantInput>;

const personName = (label: string) => requiredText(label).transform(normaliseThaiText);

/** An e-mail address; blank clears it (null), absent leaves it as it is (undefined). */
export const ZEmail = z
  .union([
    z.null(),
    z
      .string()
      .trim()
      .max(254, { error: "อีเมลยาวเกินไป" })
      .transform((value) => value.toLowerCase())
      .pipe(z.union([z.literal(""), z.email({ error: "รูปแบบอีเมลไม่ถูกต้อง" })]))
      .transform((value) => value || null),
  ], { error: "รูปแบบอีเมลไม่ถูกต้อง" })
  .optional();

export const ZUserDetails = z.object({
  displayName: personName("ชื่อ-นามสกุล"),
  titlePrefix: optionalText("คำนำหน้า/ยศ", 50),
  position: optionalText("ตำแหน่ง"),
  email: ZEmail,
});

export const ZCreateUserInput = ZUserDetails.extend({
  username: ZUsername,
  /** Only the command line sets a first password; the UI hands over a set-password link. */
  password: z.string().optional(),
  roles: z.array(ZRoleGrantInput).max(20, "บทบาทมากเกินไป").default([]),
});
export type TCreateUserInput = z.input<typeof ZCreateUserInput>;

export const ZUserSearch = z.strictObject({
  search: z.string().trim().max(100).default(""),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});

export function grantData(grant: TRoleGrantInput) {
  return {
    role: grant.role,
    organizationId: "organizationId" in grant ? grant.organizationId : null,
    districtId: "districtId" in grant ? grant.districtId : null,
    provinceId: "provinceId" in grant ? grant.provinceId : null,
    signOffStep: grant.role === "ORG_SIGNER" ? grant.signOffStep : null,
  };
}

/** The province a grant's node lies in; null for a national grant or a missing node. */
async function provinceOfGrant(db: DbClient, grant: { organizationId: string | null; districtId: string | null; provinceId: string | null }) {
  if (grant.organizationId) {
    const organization = await db.localOrganization.findUnique({ where: { id: grant.organizationId }, select: { district: { select: { provinceId: true } } } });
    return organization?.district.provinceId ?? null;
  }
  if (grant.districtId) return (await db.district.findUnique({ where: { id: grant.districtId }, select: { provinceId: true } }))?.provinceId ?? null;
  if (grant.provinceId) return (await db.province.findUnique({ where: { id: grant.provinceId }, select: { id: true } }))?.id ?? null;
  return null;
}

/** Scope nodes named by the client exist and lie within the caller's scope; only the country's administrators make administrators. */
async function assertGrantsInScope(db: DbClient, scope: AdminScope, grants: TRoleGrantInput[]) {
  for (const grant of grants) {
    if ((grant.role === "ADMIN" || grant.role === "PROVINCE_ADMIN") && scope.kind !== "national") {
      throw new AppError("FORBIDDEN", "เฉพาะผู้ดูแลระบบระดับประเทศให้สิทธิ์ผู้ดูแลระบบได้");
    }
    if (grant.role === "ADMIN") continue;
    const provinceId = await provinceOfGrant(db, grantData(grant));
    if (!provinceId || !coversProvince(scope, provinceId)) {
      throw new AppError("NOT_FOUND", "ไม่พบหน่วยงานหรือพื้นที่ที่เลือกสำหรับบทบาทนี้ หรืออยู่นอกเขตที่ท่านดูแล");
    }
  }
}

/**
 * The accounts an administrator manages: all for the country's; for a province's, those with a
 * role and every role inside its provinces (someone who also works elsewhere is the country's).
 */
function usersInScope(scope: AdminScope): Prisma.UserWhereInput {
  if (scope.kind === "national") return {};
  return { roles: { some: {}, every: { OR: scope.provinceIds.map((id) => grantsUnder({ kind: "province", id })) } } };
}

/** Loads an account the caller manages; another looks missing. */
export async function requireManagedUser(db: DbClient, scope: AdminScope, userId: string) {
  const user = await db.user.findFirst({
    where: { AND: [{ id: userId }, usersInScope(scope)] },
    select: { id: true, username: true, displayName: true, titlePrefix: true, position: true, email: true, disabled: true },
  });
  if (!user) throw new AppError("NOT_FOUND", NOT_FOUND_OR_FORBIDDEN);
  return user;
}

export function uniqueUsername<T>(username: string, write: () => Promise<T>): Promise<T> {
  return write().catch((error: unknown) => {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", `ชื่อผู้ใช้ "${username}" มีอยู่แล้ว`);
    }
    throw error;
  });
}

/**
 * Creates an account with its roles. Without a password (always, from the UI) it gets a
 * set-password link, returned once as its token.
 */
export async function createUser({ db, actor, input: rawInput, request }: Call<TCreateUserInput>) {
  const scope = adminScopeOf(actor, "account.manage");
  const input = ZCreateUserInput.parse(rawInput);
  if (scope.kind !== "national" && input.roles.length === 0) {
    throw new AppError("BAD_REQUEST", "กรุณาเลือกบทบาทอย่างน้อยหนึ่งบทบาท");
  }
  await assertGrantsInScope(db, scope, input.roles);
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password, input.username);
    if (problem) throw new AppError("BAD_REQUEST", problem);
  }
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  return uniqueUsername(input.username, () =>
    db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          username: input.username,
          displayName: input.displayName,
          titlePrefix: input.titlePrefix ?? null,
          position: input.position ?? null,
          email: input.email ?? null,
          passwordHash,
          roles: { create: input.roles.map(grantData) },
        },
      });
      await recordAudit(tx, {
        actor,
        request,
        action: "user.create",
        entityType: "User",
        entityId: user.id,
        after: { username: user.username, displayName: user.displayName, roles: input.roles.map(grantData) },
      });
      const link = passwordHash ? null : await issuePasswordLink(tx, user.id, actor);
      return { id: user.id, username: user.username, passwordLink: link };
    }),
  );
}

/** One page of the accounts the caller manages, searched by username, name or position. */
export async function listUsers({ db, actor, input: rawInput }: Omit<Call<z.input<typeof ZUserSearch>>, "db" | "request"> & { db: DbClient }) {
  const scope = adminScopeOf(actor, "account.manage");
  const input = ZUserSearch.parse(rawInput);
  const search = normaliseThaiText(input.search);
  const where: Prisma.UserWhereInput = {
    AND: [
      usersInScope(scope),
      search
        ? {
            OR: [
              { username: { contains: search, mode: "insensitive" } },
              { displayName: { contains: search, mode: "insensitive" } },
              { position: { contains: search, mode: "insensitive" } },
            ],
          }
        : {},
    ],
  };
  const [total, users] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: { username: "asc" },
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: {
        id: true,
        username: true,
        displayName: true,
        titlePrefix: true,
        position: true,
        email: true,
        disabled: true,
        passwordHash: true,
        roles: {
          include: {
            organization: { select: { nameTh: true } },
            district: { select: { nameTh: true } },
            province: { select: { nameTh: true } },
          },
          orderBy: { createdAt: "asc" },
        },
      },
    }),
  ]);
  const rows = users.map(({ passwordHash, ...user }) => ({ ...user, awaitingPassword: passwordHash === null }));
  return { rows, total, page: input.page, pageSize: input.pageSize };
}

export async function updateUser({ db, actor, input: rawInput, request }: Call<z.input<typeof ZUserDetails> & { userId: string }>) {
  const scope = adminScopeOf(actor, "account.manage");
  const input = ZUserDetails.parse(rawInput);
  return db.$transaction(async (tx) => {
    const before = await requireManagedUser(tx, scope, rawInput.userId);
    const after = await tx.user.update({
      where: { id: before.id },
      data: {
        displayName: input.displayName,
        titlePrefix: input.titlePrefix ?? null,
        position: input.position ?? null,
        ...(input.email !== undefined ? { email: input.email } : {}),
      },
      select: { displayName: true, titlePrefix: true, position: true, email: true },
    });
    await recordAudit(tx, { actor, request, action: "user.update", entityType: "User", entityId: before.id, before, after });
    return after;
  });
}

export async function setUserDisabled({ db, actor, input, request }: Call<{ userId: string; disabled: boolean }>) {
  const scope = adminScopeOf(actor, "account.manage");
  if (actor?.userId === input.userId && input.disabled) {
    throw new AppError("BAD_REQUEST", "ไม่สามารถระงับบัญชีของตนเองได้");
  }
  return db.$transaction(async (tx) => {
    const before = await requireManagedUser(tx, scope, input.userId);
    await tx.user.update({ where: { id: before.id }, data: { disabled: input.disabled } });
    // A disabled account's links die with it.
    if (input.disabled) await tx.passwordSetupLink.deleteMany({ where: { userId: before.id, usedAt: null } });
    // … and so do its sessions, at once.
    if (input.disabled) await endUserSessions(tx, before.id);
    await recordAudit(tx, {
      actor,
      request,
      action: input.disabled ? "user.disable" : "user.enable",
      entityType: "User",
      entityId: input.userId,
      before: { disabled: before.disabled },
      after: { disabled: input.disabled },
    });
  });
}

/** Resets an account: its password stops working and a new set-password link is returned once. */
export async function resetPassword({ db, actor, input, request }: Call<{ userId: string }>) {
  const scope = adminScopeOf(actor, "account.manage");
  return db.$transaction(async (tx) => {
    const user = await requireManagedUser(tx, scope, input.userId);
    if (user.disabled) throw new AppError("BAD_REQUEST", "บัญชีนี้ถูกระงับอยู่ กรุณาเปิดใช้ก่อน");
    await tx.user.update({ where: { id: user.id }, data: { passwordHash: null } });
    await endUserSessions(tx, user.id);
    const link = await issuePasswordLink(tx, user.id, actor);
    await recordAudit(tx, { actor, request, action: "user.resetPassword", entityType: "User", entityId: user.id });
    return { username: user.username, passwordLink: link };
  });
}

export async function addRoleGrant({ db, actor, input, request }: Call<{ userId: string; grant: TRoleGrantInput }>) {
  const scope = adminScopeOf(actor, "account.manage");
  await assertGrantsInScope(db, scope, [input.grant]);
  return db.$transaction(async (tx) => {
    const user = await requireManagedUser(tx, scope, input.userId);
    const grant = await tx.roleAssignment.create({ data: { userId: user.id, ...grantData(input.grant) } });
    await recordAudit(tx, { actor, request, action: "role.grant", entityType: "RoleAssignment", entityId: grant.id, scope: grant, after: grant });
    return grant;
  });
}

export async function revokeRoleGrant({ db, actor, input, request }: Call<{ roleAssignmentId: string }>) {
  const scope = adminScopeOf(actor, "account.manage");
  return db.$transaction(async (tx) => {
    const grant = await tx.roleAssignment.findUnique({ where: { id: input.roleAssignmentId } });
    if (!grant) throw new AppError("NOT_FOUND", NOT_FOUND_OR_FORBIDDEN);
    await requireManagedUser(tx, scope, grant.userId);
    const administers = grant.role === "ADMIN" || grant.role === "PROVINCE_ADMIN";
    if (administers && grant.userId === actor?.userId) {
      throw new AppError("BAD_REQUEST", "ไม่สามารถถอนสิทธิ์ผู้ดูแลระบบของตนเองได้");
    }
    if (administers && scope.kind !== "national") throw new AppError("FORBIDDEN", "เฉพาะผู้ดูแลระบบระดับประเทศถอนสิทธิ์ผู้ดูแลระบบได้");
    await tx.roleAssignment.delete({ where: { id: grant.id } });
    // Without any role the account can do nothing: its sessions end with the last one.
    if ((await tx.roleAssignment.count({ where: { userId: grant.userId } })) === 0) await endUserSessions(tx, grant.userId);
    await recordAudit(tx, { actor, request, action: "role.revoke", entityType: "RoleAssignment", entityId: grant.id, scope: grant, before: grant });
  });
}

export const ZChangePassword = z.object({
  currentPassword: z.string({ error: "กรุณากรอกรหัสผ่านปัจจุบัน" }).min(1, "กรุณากรอกรหัสผ่านปัจจุบัน").max(200),
  newPassword: z.string({ error: "กรุณากรอกรหัสผ่านใหม่" }).max(200, "รหัสผ่านยาวเกินไป"),
});

/**
 * A signed-in user changes their own password, knowing the current one. Every other session of
 * theirs ends; the one that made the change (keepSession) stays open.
 */
export async function changeOwnPassword({
  db,
  actor: access,
  input: rawInput,
  request,
  keepSession = null,
}: Call<z.input<typeof ZChangePassword>> & { actor: Access; keepSession?: string | null }) {
  const input = ZChangePassword.parse(rawInput);
  const user = await db.user.findUniqueOrThrow({ where: { id: access.userId }, select: { passwordHash: true } });
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("BAD_REQUEST", "รหัสผ่านปัจจุบันไม่ถูกต้อง");
  }
  const problem = passwordProblem(input.newPassword, access.username);
  if (problem) throw new AppError("BAD_REQUEST", problem);
  if (input.newPassword === input.currentPassword) throw new AppError("BAD_REQUEST", "รหัสผ่านใหม่ต้องไม่ซ้ำกับรหัสผ่านเดิม");
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: access.userId }, data: { passwordHash } });
    await endUserSessions(tx, access.userId, { except: keepSession });
    await recordAudit(tx, { actor: access, request, action: "user.changePassword", entityType: "User", entityId: access.userId });
  });
}

/** One's own e-mail address (blank: none). */
export async function setOwnEmail({ db, actor, input, request }: { db: Db; actor: Access; input: { email?: string | null }; request?: RequestMetadata }) {
  const email = ZEmail.parse(input.email) ?? null;
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true } });
    const after = await tx.user.update({ where: { id: actor.userId }, data: { email }, select: { email: true } });
    await recordAudit(tx, { actor, request, action: "user.set_email", entityType: "User", entityId: actor.userId, before, after });
    return after;
  });
}
