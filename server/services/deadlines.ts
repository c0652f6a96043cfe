// Submission deadlines: each fiscal year has one; a province's administrator may set a later one
// for its province (DeadlineExtension). Everything that says when an organisation must report —
// the inbox, the report page, the status board — asks deadlineFor or provinceDeadlines here.
import type { Access } from "@/server/access/access";
import { administeredScope, coversProvince } from "@/server/services/admin-scope";
import { Prisma, type Db, type DbClient } from "@/server/db/client";
import { effectiveDeadline } from "@/server/domain/deadline";
import { isoDay } from "@/server/domain/fiscal-year";
import { formatThaiDate } from "@/server/domain/thai-format";
import { AppError, fieldError, NOT_FOUND_OR_FORBIDDEN } from "@/server/errors";
import { calendarDaySchema, idSchema, optionalText, yearBeSchema, z } from "@/server/validation";
import { recordAudit, type RequestMetadata } from "./audit";
import { requireFiscalYear } from "./fiscal-years";

export type DeadlineInForce = {
  deadline: Date; // the one that counts
  yearDeadline: Date;
  extension: { deadline: Date; reason: string | null } | null; // the province's, when it has one
};

function inForce(yearDeadline: Date, extension: { deadline: Date; reason: string | null } | null | undefined): DeadlineInForce {
  return {
    deadline: effectiveDeadline(yearDeadline, extension?.deadline),
    yearDeadline,
    extension: extension ? { deadline: extension.deadline, reason: extension.reason } : null,
  };
}

/** The deadline an organisation (or every organisation of a province) reports by in a fiscal year. */
export async function deadlineFor(
  db: DbClient,
  input: { yearBe: number } & ({ organizationId: string } | { provinceId: string }),
): Promise<DeadlineInForce> {
  const year = await requireFiscalYear(db, input.yearBe);
  const provinceId =
    "provinceId" in input
      ? input.provinceId
      : (await db.localOrganization.findUnique({ where: { id: input.organizationId }, select: { district: { select: { provinceId: true } } } }))
          ?.district.provinceId;
  if (!provinceId) throw new AppError("NOT_FOUND", NOT_FOUND_OR_FORBIDDEN);
  const extension = await db.deadlineExtension.findUnique({
    where: { fiscalYearId_provinceId: { fiscalYearId: year.id, provinceId } },
    select: { deadline: true, reason: true },
  });
  return inForce(year.submissionDeadline, extension);
}

/** A fiscal year's deadline and each province's in force, for pages that list many organisations. */
export async function provinceDeadlines(db: DbClient, fiscalYear: { id: string; submissionDeadline: Date }) {
  const extensions = await db.deadlineExtension.findMany({ where: { fiscalYearId: fiscalYear.id } });
  const byProvince = new Map(extensions.map((extension) => [extension.provinceId, inForce(fiscalYear.submissionDeadline, extension)]));
  return (provinceId: string): DeadlineInForce => byProvince.get(provinceId) ?? inForce(fiscalYear.submissionDeadline, null);
}

type DeadlineContext = { db: Db; access: Access; request?: RequestMetadata };

/** The province exists and the caller administers it; a foreign and a missing one look the same. */
async function requireAdministeredProvince(db: DbClient, access: Access, provinceId: string) {
  const scope = administeredScope(access, "deadline.extend");
  const province = await db.province.findUnique({ where: { id: provinceId }, select: { id: true, nameTh: true } });
  if (!province || !scope || !coversProvince(scope, province.id)) throw new AppError("NOT_FOUND", NOT_FOUND_OR_FORBIDDEN);
  return province;
}

/** The year's deadline and the provinces the caller administers, each with its extension. */
export async function listDeadlines({ db, access }: DeadlineContext, input: { yearBe: number }) {
  const scope = administeredScope(access, "deadline.extend");
  if (!scope) throw new AppError("FORBIDDEN", "เฉพาะผู้ดูแลระบบและผู้ดูแลจังหวัด");
  const year = await requireFiscalYear(db, input.yearBe);
  const [provinces, deadlineOf] = await Promise.all([
    db.province.findMany({
      where: scope.kind === "national" ? {} : { id: { in: scope.provinceIds } },
      orderBy: { nameTh: "asc" },
      select: { id: true, nameTh: true },
    }),
    provinceDeadlines(db, year),
  ]);
  return {
    yearBe: year.yearBe,
    isOpen: year.isOpen,
    yearDeadline: year.submissionDeadline,
    provinces: provinces.map((province) => ({ ...province, ...deadlineOf(province.id) })),
  };
}

export const ZDeadlineExtension = z.object({
  yearBe: yearBeSchema,
  provinceId: idSchema,
  deadline: calendarDaySchema("กำหนดส่งของจังหวัด"),
  reason: optionalText("เหตุผล", 500),
});

/** Sets (or moves) the province's later deadline: never on or before the year's own. */
export async function extendDeadline({ db, access, request }: DeadlineContext, input: z.output<typeof ZDeadlineExtension>) {
  const province = await requireAdministeredProvince(db, access, input.provinceId);
  return db.$transaction(async (tx) => {
    const year = await requireFiscalYear(tx, input.yearBe);
    if (input.deadline.getTime() <= year.submissionDeadline.getTime()) {
      throw fieldError(["deadline"], `กำหนดส่งของจังหวัดต้องหลังกำหนดส่งของปีงบประมาณ (${formatThaiDate(year.submissionDeadline)})`);
    }
    const key = { fiscalYearId_provinceId: { fiscalYearId: year.id, provinceId: province.id } };
    const before = await tx.deadlineExtension.findUnique({ where: key });
    const data = { deadline: input.deadline, reason: input.reason ?? null };
    const saved = await tx.deadlineExtension.upsert({ where: key, create: { ...data, fiscalYearId: year.id, provinceId: province.id }, update: data });
    await recordAudit(tx, {
      actor: access,
      request,
      action: "deadline.extend",
      entityType: "DeadlineExtension",
      entityId: saved.id,
      scope: { provinceId: province.id },
      before: before && { yearBe: year.yearBe, deadline: isoDay(before.deadline), reason: before.reason },
      after: { yearBe: year.yearBe, deadline: isoDay(saved.deadline), reason: saved.reason },
    });
    return inForce(year.submissionDeadline, saved);
  });
}

/** The province reports by the year's deadline again. */
export async function removeDeadlineExtension({ db, access, request }: DeadlineContext, input: { yearBe: number; provinceId: string }) {
  const province = await requireAdministeredProvince(db, access, input.provinceId);
  return db.$transaction(async (tx) => {
    const year = await requireFiscalYear(tx, input.yearBe);
    const before = await tx.deadlineExtension.findUnique({ where: { fiscalYearId_provinceId: { fiscalYearId: year.id, provinceId: province.id } } });
    if (!before) return inForce(year.submissionDeadline, null);
    await tx.deadlineExtension.delete({ where: { id: before.id } });
    await recordAudit(tx, {
      actor: access,
      request,
      action: "deadline.remove_extension",
      entityType: "DeadlineExtension",
      entityId: before.id,
      scope: { provinceId: province.id },
      before: { yearBe: year.yearBe, deadline: isoDay(before.deadline), reason: before.reason },
    });
    return inForce(year.submissionDeadline, null);
  });
}

/**
 * The same deadline in force as SQL, for queries over many organisations (the status board):
 * the later of the year's (`fiscalYear`.submissionDeadline) and the province's extension, read
 * from "DeadlineExtension" by the fiscal year and province expressions given.
 */
export function deadlineInForceSql(fiscalYear: { alias: string }, provinceIdSql: Prisma.Sql): Prisma.Sql {
  const year = Prisma.raw(`"${fiscalYear.alias}"`);
  return Prisma.sql`GREATEST(${year}."submissionDeadline", (
    SELECT x.deadline FROM "DeadlineExtension" x WHERE x."fiscalYearId" = ${year}.id AND x."provinceId" = ${provinceIdSql}))`;
}
