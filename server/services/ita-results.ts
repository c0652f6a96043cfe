// ITA results and their provenance (issue 12, item 1). The announced level is kept as given; the
// level the year's rules derive is stored beside it and a disagreement is flagged, never
// overwritten; the one level every surface shows (level, levelBasis) comes from resolveLevel.
//
// Who writes what:
//  - an organisation's preparer reports its own result (ORGANIZATION_REPORTED) only in an open
//    year without an announced or confirmed one; it stays marked unconfirmed everywhere until a
//    province reviewer confirms it;
//  - province staff (province reviewers and administrators, national administrators) enter,
//    confirm and change results; changing an existing result needs a reason;
//  - the score import writes IMPORTED_FILE results (score-import.ts).
// Every write goes through upsertItaResult (upsertItaResults for many at once): it keeps an ItaResultChange (who, when, before,
// after, reason) and marks the dashboards' data changed, in the caller's transaction.
import { randomUUID } from "node:crypto";
import type { Db, DbClient, Prisma } from "@/server/db/client";
import { requireReadableOrganization, type Access, type OrganizationNode } from "@/server/access/access";
import { can, type Action } from "@/server/access/permissions";
import { scoreSchema, yearBeSchema, z } from "@/server/validation";
import { recordAudit, type RequestMetadata } from "./audit";
import type { DataOrigin, ItaResultChangeKind, ScoreSource } from "@/server/db/generated/enums";
import { deriveLevel, levelsDiffer, resolveLevel, type LevelRuleInput, type ScoresInput } from "@/server/domain/ita-level";
import { isUnconfirmedScore } from "@/server/domain/labels";
import { personName } from "@/server/domain/thai-format";
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

type StoredLevelRule = { rank: number; label: string; minTotal: DecimalLike; minEachTool: DecimalLike | null };

const plainRules = (rules: StoredLevelRule[]): LevelRuleInput[] =>
  rules.map((rule) => ({ rank: rule.rank, label: rule.label, minTotal: rule.minTotal.toNumber(), minEachTool: rule.minEachTool?.toNumber() ?? null }));

/**
 * Every level column of a result by the year's rules: the derived level, whether the announced
 * one disagrees, and the one level shown with its basis (resolveLevel). Writes and the framework
 * editor's recompute both store exactly this.
 */
export function resultLevel(rules: StoredLevelRule[], result: ScoresInput & { announcedLevel?: string | null }) {
  const plain = plainRules(rules);
  const derivedLevel = deriveLevel(plain, result);
  const resolved = resolveLevel(plain, result);
  return { derivedLevel, levelMismatch: levelsDiffer(result.announcedLevel, derivedLevel), level: resolved.level, levelBasis: resolved.basis };
}

export type IndicatorScore = { indicatorNumber: number; score: number };

export type ItaResultInput = {
  organizationId: string;
  yearBe: number;
  total: number;
  iit?: number | null;
  eit?: number | null;
  oit?: number | null;
  /** Replaces the stored indicator scores when given (undefined keeps them). */
  indicatorScores?: IndicatorScore[];
  announcedLevel?: string | null;
  source: ScoreSource;
  sourceFileName?: string | null;
  origin?: DataOrigin;
  /** Who writes and why (default: the system, its kind from the source). */
  change?: { kind?: ItaResultChangeKind; actor?: Access | null; reason?: string | null };
  /** The year with its rules, when the caller has it already (imports). */
  fiscalYear?: { id: string; yearBe: number; levelRules: StoredLevelRule[] };
};

const KIND_OF_SOURCE: Record<ScoreSource, ItaResultChangeKind> = {
  ORGANIZATION_REPORTED: "REPORTED",
  PROVINCE_ENTERED: "ENTERED",
  IMPORTED_FILE: "IMPORTED",
};

/** What a history entry and an audit event keep of a result. */
export type ResultSnapshot = {
  total: number;
  iit: number | null;
  eit: number | null;
  oit: number | null;
  announcedLevel: string | null;
  level: string | null;
  levelBasis: string | null;
  source: ScoreSource;
  confirmed: boolean;
};

type StoredResult = Scores<DecimalLike> & {
  announcedLevel: string | null;
  level: string | null;
  levelBasis: string | null;
  source: ScoreSource;
  confirmedAt: Date | null;
};

export function resultSnapshot(result: StoredResult): ResultSnapshot {
  const numbers = scoresToNumbers(result);
  return {
    total: numbers.total,
    iit: numbers.iit,
    eit: numbers.eit,
    oit: numbers.oit,
    announcedLevel: result.announcedLevel,
    level: result.level,
    levelBasis: result.levelBasis,
    source: result.source,
    confirmed: !isUnconfirmedScore(result),
  };
}

const actorName = (actor: Access) => personName(actor.titlePrefix, actor.displayName) || actor.username;

/**
 * Creates or replaces an organisation's result for a fiscal year: levels derived, the change kept
 * in the history, the dashboards told. An organisation's own report is unconfirmed; any other
 * source clears a confirmation it no longer needs.
 */
export async function upsertItaResult(tx: Prisma.TransactionClient | DbClient, input: ItaResultInput) {
  const fiscalYear =
    input.fiscalYear ??
    (await tx.fiscalYear.findUnique({ where: { yearBe: input.yearBe }, select: { id: true, yearBe: true, levelRules: true } }));
  if (!fiscalYear) throw new AppError("BAD_REQUEST", `ไม่มีปีงบประมาณ ${input.yearBe} ในระบบ`);
  const key = { organizationId: input.organizationId, fiscalYearId: fiscalYear.id };
  const before = await tx.itaResult.findUnique({ where: { organizationId_fiscalYearId: key } });
  const announcedLevel = input.announcedLevel?.trim() || null;
  const data = {
    total: input.total,
    iit: input.iit ?? null,
    eit: input.eit ?? null,
    oit: input.oit ?? null,
    announcedLevel,
    ...resultLevel(fiscalYear.levelRules, { ...input, announcedLevel }),
    source: input.source,
    sourceFileName: input.sourceFileName ?? null,
    confirmedAt: null,
    confirmedById: null,
    origin: input.origin ?? "REAL",
  };
  const replaceIndicators = input.indicatorScores !== undefined;
  const result = await tx.itaResult.upsert({
    where: { organizationId_fiscalYearId: key },
    create: { ...key, ...data },
    update: { ...data, ...(replaceIndicators ? { indicatorScores: { deleteMany: {} } } : {}) },
  });
  if (input.indicatorScores?.length) {
    await tx.itaIndicatorScore.createMany({
      data: input.indicatorScores.map((score) => ({ itaResultId: result.id, ...score })),
    });
  }
  const actor = input.change?.actor ?? null;
  await tx.itaResultChange.create({
    data: {
      itaResultId: result.id,
      kind: input.change?.kind ?? KIND_OF_SOURCE[input.source],
      actorId: actor?.userId ?? null,
      actorName: actor ? actorName(actor) : null,
      reason: input.change?.reason?.trim() || null,
      before: before ? resultSnapshot(before) : undefined,
      after: resultSnapshot(result),
    },
  });
  return { result, before };
}

/** A score as numeric(5,2) stores it. */
const hundredths = (score: number | null | undefined) => (score == null ? null : Math.round(score * 100) / 100);

/**
 * upsertItaResult for many results at once (the score import): the same columns, history entry
 * per result and dashboard mark, in a fixed number of statements however many results there are
 * (the results before read once, one INSERT … ON CONFLICT for the results, one for their history,
 * two for indicator scores when some are given). Each input names its fiscal year and a
 * different organisation and year. Returns how many results were written.
 */
export async function upsertItaResults(
  tx: Prisma.TransactionClient | DbClient,
  inputs: (ItaResultInput & { fiscalYear: NonNullable<ItaResultInput["fiscalYear"]> })[],
): Promise<number> {
  if (inputs.length === 0) return 0;
  const keyOf = (organizationId: string, fiscalYearId: string) => `${organizationId}|${fiscalYearId}`;
  const keys = new Set(inputs.map((input) => keyOf(input.organizationId, input.fiscalYear.id)));
  if (keys.size !== inputs.length) throw new Error("upsertItaResults: the same organisation and year twice");
  const stored = await tx.itaResult.findMany({
    where: {
      organizationId: { in: [...new Set(inputs.map((input) => input.organizationId))] },
      fiscalYearId: { in: [...new Set(inputs.map((input) => input.fiscalYear.id))] },
    },
  });
  const before = new Map(stored.filter((result) => keys.has(keyOf(result.organizationId, result.fiscalYearId))).map((result) => [keyOf(result.organizationId, result.fiscalYearId), result]));
  const now = new Date().toISOString();

  const rows = inputs.map((input) => {
    const announcedLevel = input.announcedLevel?.trim() || null;
    const scores = { total: hundredths(input.total)!, iit: hundredths(input.iit), eit: hundredths(input.eit), oit: hundredths(input.oit) };
    return {
      id: randomUUID(),
      organizationId: input.organizationId,
      fiscalYearId: input.fiscalYear.id,
      ...scores,
      announcedLevel,
      ...resultLevel(input.fiscalYear.levelRules, { ...input, announcedLevel }),
      source: input.source,
      sourceFileName: input.sourceFileName ?? null,
      origin: input.origin ?? "REAL",
    };
  });
  const written = await tx.$queryRaw<{ id: string; organizationId: string; fiscalYearId: string }[]>`
    INSERT INTO "ItaResult" (id, "organizationId", "fiscalYearId", total, iit, eit, oit, "announcedLevel", "derivedLevel", "levelMismatch",
                             level, "levelBasis", source, "sourceFileName", "confirmedAt", "confirmedById", origin, "createdAt", "updatedAt")
    SELECT v.id, v."organizationId", v."fiscalYearId", v.total, v.iit, v.eit, v.oit, v."announcedLevel", v."derivedLevel", v."levelMismatch",
           v.level, v."levelBasis"::"LevelBasis", v.source::"ScoreSource", v."sourceFileName", NULL, NULL, v.origin::"DataOrigin",
           ${now}::timestamp(3), ${now}::timestamp(3)
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v(id text, "organizationId" text, "fiscalYearId" text, total numeric, iit numeric,
           eit numeric, oit numeric, "announcedLevel" text, "derivedLevel" text, "levelMismatch" boolean, level text, "levelBasis" text,
           source text, "sourceFileName" text, origin text)
    ON CONFLICT ("organizationId", "fiscalYearId") DO UPDATE SET
      total = EXCLUDED.total, iit = EXCLUDED.iit, eit = EXCLUDED.eit, oit = EXCLUDED.oit, "announcedLevel" = EXCLUDED."announcedLevel",
      "derivedLevel" = EXCLUDED."derivedLevel", "levelMismatch" = EXCLUDED."levelMismatch", level = EXCLUDED.level,
      "levelBasis" = EXCLUDED."levelBasis", source = EXCLUDED.source, "sourceFileName" = EXCLUDED."sourceFileName",
      "confirmedAt" = NULL, "confirmedById" = NULL, origin = EXCLUDED.origin, "updatedAt" = EXCLUDED."updatedAt"
    RETURNING id, "organizationId", "fiscalYearId"`;
  const idOf = new Map(written.map((result) => [keyOf(result.organizationId, result.fiscalYearId), result.id]));

  // Indicator scores: replaced where the input gives them (undefined keeps the stored ones).
  const replacing = inputs.filter((input) => input.indicatorScores !== undefined);
  if (replacing.length > 0) {
    const ids = replacing.map((input) => idOf.get(keyOf(input.organizationId, input.fiscalYear.id))!);
    await tx.$executeRaw`DELETE FROM "ItaIndicatorScore" WHERE "itaResultId" IN (SELECT jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`;
    const scores = replacing.flatMap((input) =>
      input.indicatorScores!.map((score) => ({
        id: randomUUID(),
        itaResultId: idOf.get(keyOf(input.organizationId, input.fiscalYear.id))!,
        indicatorNumber: score.indicatorNumber,
        score: score.score,
      })),
    );
    if (scores.length > 0) {
      await tx.$executeRaw`
        INSERT INTO "ItaIndicatorScore" (id, "itaResultId", "indicatorNumber", score)
        SELECT v.id, v."itaResultId", v."indicatorNumber", v.score
          FROM jsonb_to_recordset(${JSON.stringify(scores)}::jsonb) AS v(id text, "itaResultId" text, "indicatorNumber" int, score numeric)`;
    }
  }

  // One history entry per result, as upsertItaResult keeps it.
  const changes = inputs.map((input, index) => {
    const row = rows[index]!;
    const key = keyOf(input.organizationId, input.fiscalYear.id);
    const previous = before.get(key);
    const actor = input.change?.actor ?? null;
    const after: ResultSnapshot = {
      total: row.total,
      iit: row.iit,
      eit: row.eit,
      oit: row.oit,
      announcedLevel: row.announcedLevel,
      level: row.level,
      levelBasis: row.levelBasis,
      source: row.source,
      confirmed: !isUnconfirmedScore({ source: row.source, confirmedAt: null }),
    };
    return {
      id: randomUUID(),
      itaResultId: idOf.get(key)!,
      kind: input.change?.kind ?? KIND_OF_SOURCE[input.source],
      actorId: actor?.userId ?? null,
      actorName: actor ? actorName(actor) : null,
      reason: input.change?.reason?.trim() || null,
      before: previous ? resultSnapshot(previous) : null,
      after,
    };
  });
  await tx.$executeRaw`
    INSERT INTO "ItaResultChange" (id, "itaResultId", kind, "actorId", "actorName", reason, before, after, "createdAt")
    SELECT v.id, v."itaResultId", v.kind::"ItaResultChangeKind", v."actorId", v."actorName", v.reason, v.before, v.after, ${now}::timestamp(3)
      FROM jsonb_to_recordset(${JSON.stringify(changes)}::jsonb) AS v(id text, "itaResultId" text, kind text, "actorId" text, "actorName" text,
           reason text, before jsonb, after jsonb)`;
  return written.length;
}

// ── Who may do what with an organisation's results ──────────────────────────────────────

const may = (access: Access, action: Action, node: OrganizationNode) => can(access, action, node);

/** Province staff over the organisation: they enter, confirm and change its results. */
export const managesResults = (access: Access, node: OrganizationNode) => may(access, "itaResult.manage", node);
/** The organisation's own preparer: reports its result where none is announced. */
export const reportsResults = (access: Access, node: OrganizationNode) => may(access, "itaResult.report", node);

const announcedOrConfirmed = (result: { source: ScoreSource; confirmedAt: Date | null } | null) =>
  result !== null && !isUnconfirmedScore(result);

export const ZItaResultEntry = z.object({
  yearBe: yearBeSchema,
  total: scoreSchema("คะแนนรวม"),
  iit: scoreSchema("คะแนน IIT").nullish(),
  eit: scoreSchema("คะแนน EIT").nullish(),
  oit: scoreSchema("คะแนน OIT").nullish(),
  announcedLevel: z.string().trim().max(50, "ระดับยาวเกินไป").nullish(),
  /** Required from province staff when they change an existing result. */
  reason: z.string().trim().max(500, "เหตุผลยาวเกิน 500 ตัวอักษร").nullish(),
});

type Call<Input> = { db: Db; access: Access; input: Input; request?: RequestMetadata };

/**
 * Saves a result typed in on the organisation's pages. Province staff enter or change it
 * (PROVINCE_ENTERED; a reason when one exists already); the organisation's preparer reports it
 * (ORGANIZATION_REPORTED, unconfirmed) only in an open year without an announced or confirmed one.
 */
export async function saveOrganizationItaResult({ db, access, input, request }: Call<z.infer<typeof ZItaResultEntry> & { organizationId: string }>) {
  const node = await requireReadableOrganization(db, access, input.organizationId);
  const staff = managesResults(access, node);
  if (!staff && !reportsResults(access, node)) {
    throw new AppError("FORBIDDEN", "เฉพาะผู้จัดทำรายงานขององค์กรนี้หรือเจ้าหน้าที่จังหวัดที่บันทึกคะแนนได้");
  }
  return db.$transaction(async (tx) => {
    const fiscalYear = await tx.fiscalYear.findUnique({ where: { yearBe: input.yearBe }, select: { id: true, yearBe: true, isOpen: true, levelRules: true } });
    if (!fiscalYear) throw new AppError("BAD_REQUEST", `ไม่มีปีงบประมาณ ${input.yearBe} ในระบบ`);
    const existing = await tx.itaResult.findUnique({
      where: { organizationId_fiscalYearId: { organizationId: node.id, fiscalYearId: fiscalYear.id } },
      select: { source: true, confirmedAt: true },
    });
    if (staff) {
      if (existing && !input.reason) {
        throw new AppError("BAD_REQUEST", `กรุณาระบุเหตุผลที่แก้ไขคะแนนปี ${input.yearBe} (ทุกการแก้ไขจะถูกบันทึกในประวัติ)`);
      }
    } else {
      if (announcedOrConfirmed(existing)) {
        throw new AppError(
          "FORBIDDEN",
          `คะแนนปี ${input.yearBe} เป็นคะแนนที่ประกาศหรือจังหวัดยืนยันแล้ว หน่วยงานแก้ไขเองไม่ได้ หากคะแนนไม่ถูกต้อง กรุณาแจ้งจังหวัดเพื่อแก้ไขพร้อมเหตุผล`,
        );
      }
      if (!fiscalYear.isOpen) {
        throw new AppError("FORBIDDEN", `ปีงบประมาณ ${input.yearBe} ปิดแล้ว หน่วยงานรายงานหรือแก้ไขคะแนนของปีนี้ไม่ได้ กรุณาติดต่อจังหวัด`);
      }
    }
    const { result, before } = await upsertItaResult(tx, {
      ...input,
      organizationId: node.id,
      fiscalYear,
      source: staff ? "PROVINCE_ENTERED" : "ORGANIZATION_REPORTED",
      change: { actor: access, reason: input.reason },
    });
    await recordAudit(tx, {
      actor: access,
      request,
      action: "ita_result.save",
      entityType: "ItaResult",
      entityId: result.id,
      scope: { organizationId: node.id, districtId: node.districtId, provinceId: node.provinceId },
      before: before && resultSnapshot(before),
      after: { ...resultSnapshot(result), reason: input.reason ?? null },
    });
    return scoresToNumbers(result);
  });
}

export const ZConfirmItaResult = z.object({ yearBe: yearBeSchema });

/** A province reviewer confirms an organisation's own result: from then on it counts as announced. */
export async function confirmItaResult({ db, access, input, request }: Call<z.infer<typeof ZConfirmItaResult> & { organizationId: string }>) {
  const node = await requireReadableOrganization(db, access, input.organizationId);
  if (!managesResults(access, node)) throw new AppError("FORBIDDEN", "เฉพาะเจ้าหน้าที่จังหวัดที่ยืนยันคะแนนที่หน่วยงานรายงานได้");
  return db.$transaction(async (tx) => {
    const result = await tx.itaResult.findFirst({ where: { organizationId: node.id, fiscalYear: { yearBe: input.yearBe } } });
    if (!result || !isUnconfirmedScore(result)) {
      throw new AppError("BAD_REQUEST", `ไม่มีคะแนนปี ${input.yearBe} ที่หน่วยงานรายงานและรอการยืนยัน`);
    }
    // Guarded by the state it starts from: a second confirmation at the same moment finds nothing.
    const { count } = await tx.itaResult.updateMany({
      where: { id: result.id, confirmedAt: null },
      data: { confirmedAt: new Date(), confirmedById: access.userId },
    });
    if (count === 0) throw new AppError("BAD_REQUEST", `คะแนนปี ${input.yearBe} ได้รับการยืนยันแล้ว`);
    const confirmed = await tx.itaResult.findUniqueOrThrow({ where: { id: result.id } });
    await tx.itaResultChange.create({
      data: {
        itaResultId: result.id,
        kind: "CONFIRMED",
        actorId: access.userId,
        actorName: actorName(access),
        before: resultSnapshot(result),
        after: resultSnapshot(confirmed),
      },
    });
    await recordAudit(tx, {
      actor: access,
      request,
      action: "ita_result.confirm",
      entityType: "ItaResult",
      entityId: result.id,
      scope: { organizationId: node.id, districtId: node.districtId, provinceId: node.provinceId },
      before: resultSnapshot(result),
      after: resultSnapshot(confirmed),
    });
    return scoresToNumbers(confirmed);
  });
}

// ── How pages show a result ─────────────────────────────────────────────────────────────

/** What a page reads of a result: scores, the one level and its basis, provenance. */
export const RESULT_VIEW_SELECT = {
  total: true,
  iit: true,
  eit: true,
  oit: true,
  announcedLevel: true,
  derivedLevel: true,
  levelMismatch: true,
  level: true,
  levelBasis: true,
  source: true,
  confirmedAt: true,
  origin: true,
} satisfies Prisma.ItaResultSelect;

type ResultViewRow = Prisma.ItaResultGetPayload<{ select: typeof RESULT_VIEW_SELECT }>;

/** A stored result as pages show it; `unconfirmed` is the mark every surface carries. */
export function resultView<T extends ResultViewRow>(row: T) {
  return { ...scoresToNumbers(row), unconfirmed: isUnconfirmedScore(row) };
}
