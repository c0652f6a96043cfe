// Audit trail. Call inside the transaction that makes the change, so that the change and its
// record commit or roll back together.
import type { Prisma } from "@/server/db/client";
import type { Access } from "@/server/access/access";

export type RequestMetadata = { ipAddress: string | null; userAgent: string | null };

export type AuditInput = {
  actor: Pick<Access, "userId" | "username"> | null;
  request?: RequestMetadata;
  action: string;
  entityType: string;
  entityId: string;
  scope?: { organizationId?: string | null; districtId?: string | null; provinceId?: string | null };
  before?: unknown;
  after?: unknown;
};

const asJson = (value: unknown) =>
  value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);

export async function recordAudit(tx: Prisma.TransactionClient, input: AuditInput): Promise<void> {
  // createMany: an insert without RETURNING, so that a caller may record an action on a row it
  // cannot read back (row-level security, migration 20261130202000_rls_own_audit_rows).
  await tx.auditEvent.createMany({
    data: {
      actorId: input.actor?.userId ?? null,
      actorUsername: input.actor?.username ?? null,
      organizationId: input.scope?.organizationId ?? null,
      districtId: input.scope?.districtId ?? null,
      provinceId: input.scope?.provinceId ?? null,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      before: asJson(input.before),
      after: asJson(input.after),
      ipAddress: input.request?.ipAddress ?? null,
      userAgent: input.request?.userAgent ?? null,
    },
  });
}
