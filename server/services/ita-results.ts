// ITA results: the announced level is kept as given; the level the year's rules derive is
// stored beside it and a disagreement is flagged, never overwritten.
import { markDashboardDataChanged } from "@/server/services/dashboard/cache";
import type { Db, DbClient, Prisma } from "@/server/db/client";
import { canWriteOrganization, isAdmin, requireReadableOrganization, type Access } from "@/server/access/access";
import { scoreSchema, yearBeSchema, z } from "@/server/validation";
import { recordAudit, type RequestMetadata } from "./audit";
import type { DataOrigin, ScoreSource } from "@/server/db/generated/enums";
import { deriveLevel, levelsDiffer, type ScoresInput } from "@/server/domain/ita-level";
import { AppError } from "@/server/errors";

type DecimalLike = { toNumber(): number };
type Scores<T> = { total: T; iit: T | null; eit: T | null; oit: T | null };

/** Prisma Decimals to plain numbers for the wire. */
export function scoresToNumbers<T extends Partial<Scores<DecimalLike>>>(
  row: T,
): Omit<T, keyof Scores<DecimalLike>> & Scores<number> {
  const { total, iit, eit, oit, ...rest } = row;
  return {
    ...rest,
    total: total!.toNumber(),
    iit: iit?.toNumber() ?? null,
    eit: eit?.toNumber() ?? null,
    oit: oit?.toNumber() ?? null,
  };
}

export type ItaResultInput = {
  organizationId: string;
  yearBe: number;
  total: number;
  iit?: number | null;
  eit?: number | null;
  oit?: number | null;
  indicatorScores?: { indicatorNumber: number; score: number }[];
  announcedLevel?: string | null;
  source: ScoreSource;
  sourceFileName?: string | null;
  origin?: DataOrigin;
};

type StoredLevelRule = { rank: number; label: string; minTotal: DecimalLike; minEachTool: DecimalLike | null };

/** The level the year's rules give a result, and whether it disagrees with the announced one. */
export function resultLevel(rules: StoredLevelRule[], result: ScoresInput & { announcedLevel?: string | null }) {
  const derivedLevel = deriveLevel(
    rules.map((rule) => ({ rank: rule.rank, label: rule.label, minTotal: rule.minTotal.toNumber(), minEachTool: rule.minEachTool?.toNumber() ?? null })),
    result,
  );
  return { derivedLevel, levelMismatch: levelsDiffer(result.announcedLevel, derivedLevel) };
}

/** Creates or replaces an organisation's result for a fiscal year, deriving its level. */
export async function upsertItaResult(tx: Prisma.TransactionClient | DbClient, input: ItaResultInput) {
  const fiscalYear = await tx.fiscalYear.findUnique({
    where: { yearBe: input.yearBe },
    include: { levelRules: true },
  });
  if (!fiscalYear) throw new AppError("BAD_REQUEST", `ไม่มีปีงบประมาณ ${input.yearBe} ในระบบ`);
  const data = {
    total: input.total,
    iit: input.iit ?? null,
    eit: input.eit ?? null,
    oit: input.oit ?? null,
    announcedLevel: input.announcedLevel?.trim() || null,
    ...resultLevel(fiscalYear.levelRules, input),
    source: input.source,
    sourceFileName: input.sourceFileName ?? null,
    origin: input.origin ?? "REAL",
  };
  const key = { organizationId: input.organizationId, fiscalYearId: fiscalYear.id };
  const result = await tx.itaResult.upsert({
    where: { organizationId_fiscalYearId: key },
    create: { ...key, ...data },
    update: { ...data, indicatorScores: { deleteMany: {} } },
  });
  await markDashboardDataChanged(tx);
  if (input.indicatorScores?.length) {
    await tx.itaIndicatorScore.createMany({
      data: input.indicatorScores.map((score) => ({ itaResultId: result.id, ...score })),
    });
  }
  return result;
}

export const ZItaResultEntry = z.object({
  yearBe: yearBeSchema,
  total: scoreSchema("คะแนนรวม"),
  iit: scoreSchema("คะแนน IIT").nullish(),
  eit: scoreSchema("คะแนน EIT").nullish(),
  oit: scoreSchema("คะแนน OIT").nullish(),
  announcedLevel: z.string().trim().max(50, "ระดับยาวเกินไป").nullish(),
});

/** The organisation's own preparer (or an admin) types in a result as announced. */
export async function saveOrganizationItaResult(
  db: Db,
  access: Access,
  input: z.infer<typeof ZItaResultEntry> & { organizationId: string },
  request?: RequestMetadata,
) {
  const node = await requireReadableOrganization(db, access, input.organizationId);
  if (!canWriteOrganization(access, node.id, ["ORG_EDITOR"]) && !isAdmin(access)) {
    throw new AppError("FORBIDDEN", "เฉพาะผู้จัดทำรายงานขององค์กรนี้หรือผู้ดูแลระบบที่บันทึกคะแนนได้");
  }
  return db.$transaction(async (tx) => {
    const before = await tx.itaResult.findFirst({ where: { organizationId: node.id, fiscalYear: { yearBe: input.yearBe } } });
    const result = await upsertItaResult(tx, { ...input, organizationId: node.id, source: "TYPED_IN" });
    await recordAudit(tx, {
      actor: access,
      request,
      action: "ita_result.save",
      entityType: "ItaResult",
      entityId: result.id,
      scope: { organizationId: node.id, districtId: node.districtId, provinceId: node.provinceId },
      before: before && scoresToNumbers(before),
      after: scoresToNumbers(result),
    });
    return scoresToNumbers(result);
  });
}
