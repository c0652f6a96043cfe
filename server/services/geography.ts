// Provinces, districts and organisations: the tree every scope hangs on.
import type { Access } from "@/server/access/access";
import { can } from "@/server/access/permissions";
import type { Db, DbClient } from "@/server/db/client";
import { AppError, NOT_FOUND_OR_FORBIDDEN } from "@/server/errors";
import { adminScopeOf } from "@/server/services/admin-scope";
import { recordAudit, type RequestMetadata } from "@/server/services/audit";

/** The provinces the caller administers (every one for the country's administrator), with their districts. */
export async function listProvinces({ db, actor }: { db: DbClient; actor: Access }) {
  const scope = adminScopeOf(actor, "node.administer");
  return db.province.findMany({
    where: scope.kind === "national" ? {} : { id: { in: scope.provinceIds } },
    orderBy: { code: "asc" },
    include: {
      districts: {
        orderBy: { code: "asc" },
        include: { _count: { select: { organizations: true } } },
      },
    },
  });
}

/**
 * Whether the province's reports need their district reviewer's endorsement before the province
 * accepts them (report-workflow's district step). Reports already sent wait for it from now on.
 */
export async function setDistrictStep({
  db,
  actor,
  input,
  request,
}: {
  db: Db;
  actor: Access;
  input: { provinceId: string; required: boolean };
  request?: RequestMetadata;
}) {
  const province = await db.province.findUnique({ where: { id: input.provinceId }, select: { id: true, requireDistrictEndorsement: true } });
  if (!province || !can(actor, "review.configure", { kind: "province", id: province.id })) throw new AppError("NOT_FOUND", NOT_FOUND_OR_FORBIDDEN);
  return db.$transaction(async (tx) => {
    const saved = await tx.province.update({ where: { id: province.id }, data: { requireDistrictEndorsement: input.required }, select: { id: true, requireDistrictEndorsement: true } });
    await recordAudit(tx, {
      actor,
      request,
      action: "province.district_step",
      entityType: "Province",
      entityId: province.id,
      scope: { provinceId: province.id },
      before: { requireDistrictEndorsement: province.requireDistrictEndorsement },
      after: { requireDistrictEndorsement: saved.requireDistrictEndorsement },
    });
    return saved;
  });
}
