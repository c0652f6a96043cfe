// Editing one fiscal year's framework, a section at a time: its level rules, its indicators and
// its suggested issues with their standard result items. Each save is checked as a whole, written
// in one transaction with its audit event, and refuses to remove anything reports already point
// to, naming what it would affect.
import type { DbClient, Prisma } from "@/server/db/client";
import { checkLevelRules, MAX_LEVEL_RULES } from "@/server/domain/level-rules";
import { AppError, fieldError } from "@/server/errors";
import { idSchema, requiredText, scoreSchema, yearBeSchema, z } from "@/server/validation";
import { recordAudit } from "./audit";
import { indicatorUsage, requireFiscalYear, type AdminContext } from "./fiscal-years";
import { resultLevel } from "./ita-results";
import type { LevelBasis } from "@/server/db/generated/enums";

// ── Level rules ─────────────────────────────────────────────────────────────────────────

export const ZLevelRules = z.object({
  yearBe: yearBeSchema,
  rules: z
    .array(
      z.object({
        label: requiredText("ชื่อระดับ", 50),
        minTotal: scoreSchema("คะแนนรวมขั้นต่ำ"),
        minEachTool: scoreSchema("ขั้นต่ำรายเครื่องมือ").nullable(),
        passing: z.boolean(),
      }),
    )
    .max(MAX_LEVEL_RULES, `มีระดับได้ไม่เกิน ${MAX_LEVEL_RULES} ระดับ`)
    .superRefine((rules, check) => {
      for (const problem of checkLevelRules(rules)) check.addIssue({ code: "custom", path: problem.path, message: problem.message });
    }),
});

/**
 * Replaces the year's level table (rank = position) and derives again the level of every ITA
 * result of the year, which the dashboards count.
 */
export async function saveLevelRules({ db, access, request }: AdminContext, input: z.output<typeof ZLevelRules>) {
  return db.$transaction(async (tx) => {
    const year = await requireFiscalYear(tx, input.yearBe);
    const before = await tx.levelRule.findMany({ where: { fiscalYearId: year.id }, orderBy: { rank: "asc" } });
    await tx.levelRule.deleteMany({ where: { fiscalYearId: year.id } });
    await tx.levelRule.createMany({ data: input.rules.map((rule, index) => ({ ...rule, fiscalYearId: year.id, rank: index + 1 })) });
    const rederived = await deriveLevelsAgain(tx, year.id);
    await recordAudit(tx, {
      actor: access,
      request,
      action: "fiscal_year.level_rules",
      entityType: "FiscalYear",
      entityId: year.id,
      before: { yearBe: year.yearBe, rules: before.map(({ label, minTotal, minEachTool, passing }) => ({ label, minTotal, minEachTool, passing })) },
      after: { yearBe: year.yearBe, rules: input.rules, resultsWithNewLevel: rederived },
    });
    return { rules: input.rules.length, resultsWithNewLevel: rederived };
  }, { timeout: 60_000 });
}

/** Stores each result's level under the year's current rules; answers how many changed. */
async function deriveLevelsAgain(tx: Prisma.TransactionClient, fiscalYearId: string): Promise<number> {
  const [rules, results] = await Promise.all([
    tx.levelRule.findMany({ where: { fiscalYearId } }),
    tx.itaResult.findMany({
      where: { fiscalYearId },
      select: { id: true, total: true, iit: true, eit: true, oit: true, announcedLevel: true, derivedLevel: true, levelMismatch: true, level: true, levelBasis: true },
    }),
  ]);
  // One UPDATE per distinct set of level columns rather than one per result: a national year has ~7,850.
  // resultLevel is what every write stores too (resolveLevel for the level shown).
  const changed = new Map<string, string[]>();
  for (const result of results) {
    const level = resultLevel(rules, {
      total: result.total.toNumber(),
      iit: result.iit?.toNumber() ?? null,
      eit: result.eit?.toNumber() ?? null,
      oit: result.oit?.toNumber() ?? null,
      announcedLevel: result.announcedLevel,
    });
    if (
      level.derivedLevel === result.derivedLevel &&
      level.levelMismatch === result.levelMismatch &&
      level.level === result.level &&
      level.levelBasis === result.levelBasis
    ) {
      continue;
    }
    const key = JSON.stringify([level.derivedLevel, level.levelMismatch, level.level, level.levelBasis]);
    changed.set(key, [...(changed.get(key) ?? []), result.id]);
  }
  let count = 0;
  for (const [key, ids] of changed) {
    const [derivedLevel, levelMismatch, level, levelBasis] = JSON.parse(key) as [string | null, boolean, string | null, LevelBasis | null];
    count += (await tx.itaResult.updateMany({ where: { id: { in: ids } }, data: { derivedLevel, levelMismatch, level, levelBasis } })).count;
  }
  return count;
}

// ── Indicators ──────────────────────────────────────────────────────────────────────────

export const ZIndicators = z.object({
  yearBe: yearBeSchema,
  indicators: z
    .array(
      z.object({
        number: z.number({ error: "กรุณาระบุเลขตัวชี้วัด" }).int("เลขตัวชี้วัดต้องเป็นจำนวนเต็ม").min(1, "เลขตัวชี้วัดต้องอยู่ระหว่าง 1–99").max(99, "เลขตัวชี้วัดต้องอยู่ระหว่าง 1–99"),
        nameTh: requiredText("ชื่อตัวชี้วัด"),
        tool: z.enum(["IIT", "EIT", "OIT"], { error: "กรุณาเลือกเครื่องมือ" }),
      }),
    )
    .min(1, "ต้องมีตัวชี้วัดอย่างน้อยหนึ่งตัว")
    .max(50, "มีตัวชี้วัดได้ไม่เกิน 50 ตัว")
    .superRefine((indicators, check) => {
      indicators.forEach((indicator, index) => {
        const first = indicators.findIndex((other) => other.number === indicator.number);
        if (first < index) check.addIssue({ code: "custom", path: [index, "number"], message: `เลขตัวชี้วัดซ้ำกับแถวที่ ${first + 1}` });
      });
    }),
});

/** Replaces the year's indicators; an indicator number that reports, scores or suggested issues name stays. */
export async function saveIndicators({ db, access, request }: AdminContext, input: z.output<typeof ZIndicators>) {
  return db.$transaction(async (tx) => {
    const year = await requireFiscalYear(tx, input.yearBe);
    const before = await tx.itaIndicator.findMany({ where: { fiscalYearId: year.id }, orderBy: { number: "asc" } });
    const kept = new Set(input.indicators.map((indicator) => indicator.number));
    const removed = before.filter((indicator) => !kept.has(indicator.number));
    if (removed.length) {
      const [usage, taggingIssues] = await Promise.all([
        indicatorUsage(tx, year.id, removed.map((indicator) => indicator.number)),
        tx.suggestedIssue.findMany({
          where: { fiscalYearId: year.id, indicatorNumbers: { hasSome: removed.map((indicator) => indicator.number) } },
          orderBy: { ordinal: "asc" },
          select: { title: true, indicatorNumbers: true },
        }),
      ]);
      const refusals = removed.flatMap((indicator) => {
        const tagging = taggingIssues.filter((issue) => issue.indicatorNumbers.includes(indicator.number));
        const uses = usage.get(indicator.number) ?? 0;
        if (!uses && !tagging.length) return [];
        const parts = [
          uses ? `รายงานและคะแนนตัวชี้วัดอ้างถึง ${uses} รายการ` : null,
          tagging.length ? `ประเด็นแนะนำ ${namesWithRest(tagging.map((issue) => issue.title), tagging.length)} ใช้ตัวชี้วัดนี้` : null,
        ];
        return [`ตัวชี้วัดที่ ${indicator.number} "${indicator.nameTh}": ${parts.filter(Boolean).join(" และ")}`];
      });
      if (refusals.length) throw new AppError("CONFLICT", `ลบไม่ได้ เพราะมีข้อมูลอ้างถึง — ${refusals.join("; ")}`);
    }
    await tx.itaIndicator.deleteMany({ where: { fiscalYearId: year.id } });
    await tx.itaIndicator.createMany({ data: input.indicators.map((indicator) => ({ ...indicator, fiscalYearId: year.id })) });
    await recordAudit(tx, {
      actor: access,
      request,
      action: "fiscal_year.indicators",
      entityType: "FiscalYear",
      entityId: year.id,
      before: { yearBe: year.yearBe, indicators: before.map(({ number, nameTh, tool }) => ({ number, nameTh, tool })) },
      after: { yearBe: year.yearBe, indicators: input.indicators },
    });
    return { indicators: input.indicators.length };
  });
}

// ── Suggested issues and their standard result items ────────────────────────────────────

export const ZSuggestedIssues = z.object({
  yearBe: yearBeSchema,
  issues: z
    .array(
      z.object({
        id: idSchema.nullable(), // null: a new issue
        title: requiredText("ชื่อประเด็น", 500),
        indicatorNumbers: z.array(z.number().int()).max(50),
        resultItems: z
          .array(z.object({ id: idSchema.nullable(), text: requiredText("ผลการดำเนินการ", 1000) }))
          .max(100, "มีผลการดำเนินการได้ไม่เกิน 100 รายการต่อประเด็น"),
      }),
    )
    .max(50, "มีประเด็นแนะนำได้ไม่เกิน 50 ประเด็น"),
});

const FEW_NAMES = 3;

/** "ก, ข, ค และอีก 4 แห่ง" */
function namesWithRest(names: string[], total: number, unit = "รายการ"): string {
  const shown = names.slice(0, FEW_NAMES).map((name) => `"${name}"`).join(", ");
  return total > FEW_NAMES ? `${shown} และอีก ${total - FEW_NAMES} ${unit}` : shown;
}

/** The organisations whose reports point to these rows, a few by name. */
async function affectedOrganizations(tx: DbClient, where: Prisma.YearlyReportWhereInput) {
  const [count, few] = await Promise.all([
    tx.localOrganization.count({ where: { reports: { some: where } } }),
    tx.localOrganization.findMany({ where: { reports: { some: where } }, orderBy: { nameTh: "asc" }, take: FEW_NAMES, select: { nameTh: true } }),
  ]);
  return namesWithRest(few.map((organization) => organization.nameTh), count, "องค์กร");
}

/**
 * Saves the year's suggested issues as listed (order = position): rows with an id are updated,
 * rows without are created, rows left out are removed — unless a report's issue or a measure's
 * result item points to them, then nothing is saved and the message says what would be affected.
 */
export async function saveSuggestedIssues({ db, access, request }: AdminContext, input: z.output<typeof ZSuggestedIssues>) {
  return db.$transaction(async (tx) => {
    const year = await requireFiscalYear(tx, input.yearBe);
    const [current, indicators] = await Promise.all([
      tx.suggestedIssue.findMany({ where: { fiscalYearId: year.id }, orderBy: { ordinal: "asc" }, include: { resultItems: { orderBy: { ordinal: "asc" } } } }),
      tx.itaIndicator.findMany({ where: { fiscalYearId: year.id }, select: { number: true } }),
    ]);
    const indicatorNumbers = new Set(indicators.map((indicator) => indicator.number));
    input.issues.forEach((issue, index) => {
      const unknown = issue.indicatorNumbers.find((number) => !indicatorNumbers.has(number));
      if (unknown !== undefined) throw fieldError(["issues", index, "indicatorNumbers"], `ปีนี้ไม่มีตัวชี้วัดที่ ${unknown}`);
      const existing = issue.id && current.find((candidate) => candidate.id === issue.id);
      if (issue.id && !existing) throw fieldError(["issues", index], "ไม่พบประเด็นนี้ในปีงบประมาณนี้ กรุณาโหลดหน้าใหม่");
      issue.resultItems.forEach((item, itemIndex) => {
        if (item.id && !(existing && existing.resultItems.some((candidate) => candidate.id === item.id))) {
          throw fieldError(["issues", index, "resultItems", itemIndex], "ไม่พบผลการดำเนินการนี้ในประเด็นนี้ กรุณาโหลดหน้าใหม่");
        }
      });
    });

    const keptIssueIds = new Set(input.issues.map((issue) => issue.id).filter(Boolean));
    const keptItemIds = new Set(input.issues.flatMap((issue) => issue.resultItems.map((item) => item.id)).filter(Boolean));
    const removedIssues = current.filter((issue) => !keptIssueIds.has(issue.id));
    const removedItems = current.flatMap((issue) => issue.resultItems).filter((item) => !keptItemIds.has(item.id));
    await refuseRemovingUsed(tx, removedIssues, removedItems);

    // Ordinals are unique per year (and per issue): kept rows move to negative ones first.
    await tx.standardResultItem.deleteMany({ where: { id: { in: removedItems.map((item) => item.id) } } });
    await tx.suggestedIssue.deleteMany({ where: { id: { in: removedIssues.map((issue) => issue.id) } } });
    for (const [index, issue] of input.issues.entries()) {
      if (issue.id) await tx.suggestedIssue.update({ where: { id: issue.id }, data: { ordinal: -(index + 1) } });
      for (const [itemIndex, item] of issue.resultItems.entries()) {
        if (item.id) await tx.standardResultItem.update({ where: { id: item.id }, data: { ordinal: -(itemIndex + 1) } });
      }
    }
    for (const [index, issue] of input.issues.entries()) {
      const data = { ordinal: index + 1, title: issue.title, indicatorNumbers: issue.indicatorNumbers };
      const saved = issue.id
        ? await tx.suggestedIssue.update({ where: { id: issue.id }, data })
        : await tx.suggestedIssue.create({ data: { ...data, fiscalYearId: year.id } });
      for (const [itemIndex, item] of issue.resultItems.entries()) {
        const itemData = { ordinal: itemIndex + 1, text: item.text };
        if (item.id) await tx.standardResultItem.update({ where: { id: item.id }, data: itemData });
        else await tx.standardResultItem.create({ data: { ...itemData, suggestedIssueId: saved.id } });
      }
    }
    await recordAudit(tx, {
      actor: access,
      request,
      action: "fiscal_year.suggested_issues",
      entityType: "FiscalYear",
      entityId: year.id,
      before: { yearBe: year.yearBe, issues: current.map((issue) => ({ title: issue.title, indicatorNumbers: issue.indicatorNumbers, resultItems: issue.resultItems.map((item) => item.text) })) },
      after: { yearBe: year.yearBe, issues: input.issues.map((issue) => ({ title: issue.title, indicatorNumbers: issue.indicatorNumbers, resultItems: issue.resultItems.map((item) => item.text) })) },
    });
    return { issues: input.issues.length, removedIssues: removedIssues.length, removedItems: removedItems.length };
  }, { timeout: 60_000 });
}

async function refuseRemovingUsed(
  tx: Prisma.TransactionClient,
  issues: { id: string; title: string }[],
  items: { id: string; text: string }[],
) {
  const refusals: string[] = [];
  for (const issue of issues) {
    const where = { issues: { some: { suggestedIssueId: issue.id } } };
    const reports = await tx.yearlyReport.count({ where });
    if (reports) refusals.push(`ประเด็น "${issue.title}" มีรายงาน ${reports} ฉบับอ้างถึง (${await affectedOrganizations(tx, where)})`);
  }
  for (const item of items) {
    const measures = await tx.measureResultItem.count({ where: { standardItemId: item.id } });
    if (!measures) continue;
    const where = { issues: { some: { measures: { some: { resultItems: { some: { standardItemId: item.id } } } } } } };
    refusals.push(`ผลการดำเนินการ "${item.text}" ถูกเลือกใน ${measures} มาตรการ (${await affectedOrganizations(tx, where)})`);
  }
  if (refusals.length) throw new AppError("CONFLICT", `ลบไม่ได้ เพราะรายงานอ้างถึงอยู่ — ${refusals.join("; ")}`);
}
