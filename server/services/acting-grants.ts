// Acting authority (ปฏิบัติหน้าที่): the organisation's head (its ปลัด or นายก) or its province's
// administrators let a person of the organisation sign another step of its chain for a period,
// as the seed memo's ปลัด signs the นายก's step "ปฏิบัติหน้าที่นายก…". A grant in force today
// signs its step like an ORG_SIGNER role (loadAccess adds it to the caller's grants, and
// activeSignersSql counts it); the signer picks it when signing (workflow.ts). Grants are
// revoked, never deleted, and every change is audited.
import type { Db, DbClient } from "@/server/db/client";
import type { SignOffStep } from "@/server/db/generated/enums";
import { ACTING_PREFIX, type Access, type OrganizationNode } from "@/server/access/access";
import { can } from "@/server/access/permissions";
import { SIGN_OFF_CHAIN } from "@/server/domain/report-workflow";
import { SIGN_OFF_STEP_LABEL } from "@/server/domain/labels";
import { personName } from "@/server/domain/thai-format";
import { thaiToday } from "@/server/domain/report-rules";
import { AppError, NOT_FOUND_OR_FORBIDDEN } from "@/server/errors";
import { calendarDaySchema, idSchema, optionalText, z } from "@/server/validation";
import { recordAudit, type RequestMetadata } from "./audit";

type Context = { db: Db; access: Access; request?: RequestMetadata };

export const ZActingGrantInput = z.object({
  userId: idSchema,
  step: z.enum(SIGN_OFF_CHAIN as [SignOffStep, ...SignOffStep[]], { error: "กรุณาเลือกขั้นที่ให้ปฏิบัติหน้าที่" }),
  validFrom: calendarDaySchema("วันที่เริ่ม"),
  validTo: calendarDaySchema("วันที่สิ้นสุด"),
  position: optionalText("ตำแหน่งที่ปฏิบัติหน้าที่", 200),
});
export type ActingGrantInput = z.infer<typeof ZActingGrantInput>;

/** The position of a step at an organisation, as the seed memo writes it: "นายกองค์การบริหารส่วนตำบลท้ายหาด", "นายกเทศมนตรีตำบลอัมพวา". */
export function stepPosition(step: SignOffStep, organizationName: string): string {
  if (step === "EXECUTIVE" && organizationName.startsWith("เทศบาล")) return `นายกเทศมนตรี${organizationName.slice("เทศบาล".length)}`;
  return `${SIGN_OFF_STEP_LABEL[step]}${organizationName}`;
}

export type ActingGrantState = "IN_FORCE" | "NOT_YET" | "ENDED" | "REVOKED";

const isoOf = (date: Date) => date.toISOString().slice(0, 10);

/** A grant's state today (a Thai calendar day). */
export function actingGrantState(grant: { validFrom: Date; validTo: Date; revokedAt: Date | null }, today = thaiToday()): ActingGrantState {
  if (grant.revokedAt) return "REVOKED";
  if (today < isoOf(grant.validFrom)) return "NOT_YET";
  if (today > isoOf(grant.validTo)) return "ENDED";
  return "IN_FORCE";
}

const forbidden = () => new AppError("FORBIDDEN", "มอบหรือยกเลิกการปฏิบัติหน้าที่ได้เฉพาะนายก ปลัด ขององค์กร หรือผู้ดูแลระบบจังหวัด");

/**
 * The organisation's people (the accounts with a role there), its acting grants (every one, newest
 * first, with its state) and whether the caller may grant and revoke.
 */
export async function organizationPeople(db: DbClient, access: Access, node: OrganizationNode) {
  const [organization, people, grants] = await Promise.all([
    db.localOrganization.findUniqueOrThrow({ where: { id: node.id }, select: { nameTh: true } }),
    db.user.findMany({
      where: { roles: { some: { organizationId: node.id } } },
      select: {
        id: true,
        titlePrefix: true,
        displayName: true,
        position: true,
        disabled: true,
        roles: { where: { organizationId: node.id }, select: { role: true, signOffStep: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      },
      orderBy: [{ displayName: "asc" }, { id: "asc" }],
    }),
    db.actingGrant.findMany({
      where: { organizationId: node.id },
      include: {
        user: { select: { titlePrefix: true, displayName: true } },
        grantedBy: { select: { titlePrefix: true, displayName: true } },
        revokedBy: { select: { titlePrefix: true, displayName: true } },
      },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    }),
  ]);
  const today = thaiToday();
  const nameOf = (person: { titlePrefix: string | null; displayName: string } | null) => (person ? personName(person.titlePrefix, person.displayName) : null);
  return {
    organizationName: organization.nameTh,
    mayManage: can(access, "actingGrant.manage", node),
    people: people.map((person) => ({
      id: person.id,
      name: personName(person.titlePrefix, person.displayName),
      position: person.position,
      disabled: person.disabled,
      roles: person.roles,
    })),
    stepPositions: Object.fromEntries(SIGN_OFF_CHAIN.map((step) => [step, stepPosition(step, organization.nameTh)])) as Record<SignOffStep, string>,
    actingGrants: grants.map((grant) => ({
      id: grant.id,
      userId: grant.userId,
      userName: nameOf(grant.user)!,
      step: grant.step,
      actingPosition: `${ACTING_PREFIX}${grant.position}`,
      validFrom: isoOf(grant.validFrom),
      validTo: isoOf(grant.validTo),
      state: actingGrantState(grant, today),
      grantedBy: nameOf(grant.grantedBy),
      createdAt: grant.createdAt,
      revokedAt: grant.revokedAt,
      revokedBy: nameOf(grant.revokedBy),
    })),
  };
}

/** Grants a person of the organisation acting authority for a step over a period. */
export async function createActingGrant({ db, access, request }: Context, node: OrganizationNode, input: ActingGrantInput) {
  if (!can(access, "actingGrant.manage", node)) throw forbidden();
  if (input.validTo < input.validFrom) {
    throw new AppError("BAD_REQUEST", "วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่ม", { validTo: ["วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่ม"] });
  }
  return db.$transaction(async (tx) => {
    const [organization, grantee] = await Promise.all([
      tx.localOrganization.findUniqueOrThrow({ where: { id: node.id }, select: { nameTh: true } }),
      tx.user.findFirst({
        where: { id: input.userId, disabled: false, roles: { some: { organizationId: node.id } } },
        select: { id: true, roles: { where: { organizationId: node.id, role: "ORG_SIGNER" }, select: { signOffStep: true } } },
      }),
    ]);
    if (!grantee) throw new AppError("BAD_REQUEST", "ผู้รับมอบต้องเป็นบุคลากรขององค์กรนี้ที่ยังใช้งานอยู่", { userId: ["ผู้รับมอบต้องเป็นบุคลากรขององค์กรนี้ที่ยังใช้งานอยู่"] });
    if (grantee.roles.some((role) => role.signOffStep === input.step)) {
      const message = `ผู้นี้ลงนามในขั้น${SIGN_OFF_STEP_LABEL[input.step]}ได้อยู่แล้ว ไม่ต้องมอบให้ปฏิบัติหน้าที่`;
      throw new AppError("BAD_REQUEST", message, { step: [message] });
    }
    const created = await tx.actingGrant.create({
      data: {
        organizationId: node.id,
        userId: grantee.id,
        step: input.step,
        position: input.position ?? stepPosition(input.step, organization.nameTh),
        validFrom: input.validFrom,
        validTo: input.validTo,
        grantedById: access.userId,
      },
    });
    await recordAudit(tx, {
      actor: access,
      request,
      action: "actingGrant.create",
      entityType: "ActingGrant",
      entityId: created.id,
      scope: { organizationId: node.id, districtId: node.districtId, provinceId: node.provinceId },
      after: { userId: created.userId, step: created.step, position: created.position, validFrom: isoOf(created.validFrom), validTo: isoOf(created.validTo) },
    });
    return { id: created.id };
  });
}

/** Revokes a grant of the organisation (it stays in the list, marked revoked). */
export async function revokeActingGrant({ db, access, request }: Context, node: OrganizationNode, input: { grantId: string }) {
  if (!can(access, "actingGrant.manage", node)) throw forbidden();
  return db.$transaction(async (tx) => {
    const grant = await tx.actingGrant.findFirst({ where: { id: input.grantId, organizationId: node.id } });
    if (!grant) throw new AppError("NOT_FOUND", NOT_FOUND_OR_FORBIDDEN);
    const revoked = await tx.actingGrant.updateMany({ where: { id: grant.id, revokedAt: null }, data: { revokedAt: new Date(), revokedById: access.userId } });
    if (revoked.count === 0) throw new AppError("CONFLICT", "การมอบหมายนี้ถูกยกเลิกไปแล้ว");
    await recordAudit(tx, {
      actor: access,
      request,
      action: "actingGrant.revoke",
      entityType: "ActingGrant",
      entityId: grant.id,
      scope: { organizationId: node.id, districtId: node.districtId, provinceId: node.provinceId },
      before: { userId: grant.userId, step: grant.step, validFrom: isoOf(grant.validFrom), validTo: isoOf(grant.validTo) },
      after: { revoked: true },
    });
    return { id: grant.id };
  });
}
