// Import of announced ITA scores (issue 12, item 2) from the NACC's published table as provinces
// receive it, CSV or XLSX, one row per organisation and fiscal year. A dry run lists the rows
// matched (new, conflicting with what is stored, confirming an organisation's own report,
// unchanged), the unmatched ones with the closest names in their province, the duplicates and the
// invalid rows with their line and reason; applying writes the new and conflicting rows in one
// transaction (source IMPORTED_FILE, each change in the result's history; set-based, a fixed
// number of statements) with one audit event.
// Importing the same file again writes nothing.
//
// Matching is set-based: the organisations the caller manages are read once and matched in
// memory (by DLA code, else by name without its type prefix, narrowed by type, province and
// district when the row gives them); a 7,850-row national file costs a handful of queries.
import { randomUUID } from "node:crypto";
import type { Access } from "@/server/access/access";
import { mayAnywhere, organizationsWhere } from "@/server/access/permissions";
import type { Db, DbClient, Prisma } from "@/server/db/client";
import { ORGANIZATION_TYPE_LABEL } from "@/server/domain/labels";
import { districtName, parseDlaCode, provinceName } from "@/server/domain/registry-values";
import { editDistance, matchLevel, parseScore, parseYearBe, splitOrganizationName, toHundredths } from "@/server/domain/score-table";
import { AppError } from "@/server/errors";
import { recordAudit, type RequestMetadata } from "@/server/services/audit";
import { findColumns, headerKey, readTableFile, type ColumnSpec, type Table, type TableRow } from "@/server/services/imports/table-file";
import { upsertItaResults, type IndicatorScore } from "@/server/services/ita-results";

export const SCORE_COLUMNS = {
  dlaCode: { label: "รหัส อปท.", aliases: ["รหัส อปท.", "รหัส", "รหัสองค์กรปกครองส่วนท้องถิ่น", "รหัสหน่วยงาน", "DLA code", "dla", "code"], required: false },
  name: {
    label: "ชื่อหน่วยงาน",
    aliases: ["ชื่อหน่วยงาน", "หน่วยงาน", "ชื่อ อปท.", "ชื่อ", "ชื่อองค์กรปกครองส่วนท้องถิ่น", "องค์กรปกครองส่วนท้องถิ่น", "อปท.", "name", "organization", "organisation", "agency"],
    required: false,
  },
  district: { label: "อำเภอ", aliases: ["อำเภอ", "district"], required: false },
  province: { label: "จังหวัด", aliases: ["จังหวัด", "province"], required: false },
  year: { label: "ปีงบประมาณ", aliases: ["ปีงบประมาณ", "ปีงบ", "ปี", "ปี พ.ศ.", "fiscal year", "year"], required: false },
  total: { label: "คะแนน ITA", aliases: ["คะแนน ITA", "คะแนนรวม", "คะแนน", "ITA", "ITA score", "score", "total"], required: true },
  iit: { label: "IIT", aliases: ["IIT", "คะแนน IIT"], required: false },
  eit: { label: "EIT", aliases: ["EIT", "คะแนน EIT"], required: false },
  oit: { label: "OIT", aliases: ["OIT", "คะแนน OIT"], required: false },
  level: { label: "ระดับ", aliases: ["ระดับ", "ระดับผลการประเมิน", "ผลการประเมิน", "level"], required: false },
} satisfies ColumnSpec<string>;

type Field = keyof typeof SCORE_COLUMNS;

/** "ตัวชี้วัดที่ 1", "ตัวชี้วัด 10", "indicator 3", "i4": an indicator's score column. */
const INDICATOR_HEADER = /^(ตัวชี้วัดที่|ตัวชี้วัด|indicator|i)(\d{1,2})$/;

export type ScoreValues = {
  total: number;
  iit: number | null;
  eit: number | null;
  oit: number | null;
  announcedLevel: string | null;
  indicatorScores: IndicatorScore[];
};

export type InvalidScoreRow = { line: number; column: string; reason: string };

type ParsedRow = {
  line: number;
  dlaCode: string | null;
  name: string;
  bare: string;
  type: keyof typeof ORGANIZATION_TYPE_LABEL | null;
  district: string | null;
  province: string | null;
  yearBe: number;
  total: number;
  /** undefined: not in the file (the stored value stays). */
  iit?: number;
  eit?: number;
  oit?: number;
  level?: string;
  indicatorScores?: IndicatorScore[];
};

/** The file's rows checked on their own (no database). */
export function parseScoreTable(table: Table, options: { yearBe?: number } = {}): { rows: ParsedRow[]; invalid: InvalidScoreRow[] } {
  const columns = findColumns(table.header, SCORE_COLUMNS);
  const keys = table.header.map(headerKey);
  if (!keys.some((key) => SCORE_COLUMNS.dlaCode.aliases.concat(SCORE_COLUMNS.name.aliases).some((alias) => headerKey(alias) === key))) {
    throw new AppError("BAD_REQUEST", "ไม่พบคอลัมน์รหัส อปท. หรือชื่อหน่วยงาน ในแถวหัวตาราง (แถวแรกของไฟล์)");
  }
  const indicatorColumns = keys.flatMap((key, index) => {
    const match = INDICATOR_HEADER.exec(key);
    return match ? [{ index, number: Number(match[2]), label: table.header[index]! }] : [];
  });
  const rows: ParsedRow[] = [];
  const invalid: InvalidScoreRow[] = [];
  for (const row of table.rows) {
    const problem = parseRow(row, columns, indicatorColumns, options);
    if ("reason" in problem) invalid.push(problem);
    else rows.push(problem);
  }
  return { rows, invalid };
}

function parseRow(
  row: TableRow,
  columns: ReturnType<typeof findColumns<Field>>,
  indicatorColumns: { index: number; number: number; label: string }[],
  options: { yearBe?: number },
): ParsedRow | InvalidScoreRow {
  const value = (field: Field) => columns.value(row, field);
  const refuse = (field: Field | string, reason: string): InvalidScoreRow => ({
    line: row.line,
    column: field in SCORE_COLUMNS ? columns.label(field as Field) : field,
    reason,
  });
  const score = (text: string, label: string): number | InvalidScoreRow | undefined => {
    if (!text) return undefined;
    const parsed = parseScore(text);
    if (parsed === null) return refuse(label, `${label} "${text}" ไม่ใช่ตัวเลข`);
    if (parsed > 100) return refuse(label, `${label} ${text} เกิน 100`);
    const rounded = toHundredths(parsed);
    if (rounded === null) return refuse(label, `${label} ${text} มีทศนิยมเกิน 2 ตำแหน่ง`);
    return rounded;
  };

  const rawCode = value("dlaCode");
  const name = value("name");
  const dlaCode = rawCode ? parseDlaCode(rawCode) : null;
  if (rawCode && !dlaCode) return refuse("dlaCode", `รหัส อปท. "${rawCode}" ต้องเป็นตัวเลข 8 หลัก`);
  if (!dlaCode && !name) return refuse("name", "ไม่ได้กรอกรหัส อปท. หรือชื่อหน่วยงาน");

  const rawYear = value("year");
  const fileYear = rawYear ? parseYearBe(rawYear) : null;
  if (rawYear && fileYear === null) return refuse("year", `ปีงบประมาณ "${rawYear}" ต้องเป็นปี พ.ศ. 4 หลัก เช่น 2568`);
  const yearBe = fileYear ?? options.yearBe;
  if (!yearBe) return refuse("year", "ไม่ได้ระบุปีงบประมาณ (กรอกในคอลัมน์ปีงบประมาณ หรือเลือกปีก่อนนำเข้า)");
  if (options.yearBe && yearBe !== options.yearBe) return refuse("year", `เป็นปี ${yearBe} ไม่ใช่ปีงบประมาณ ${options.yearBe} ที่เลือก`);

  const level = value("level");
  const total = score(value("total"), columns.label("total"));
  if (total === undefined) {
    return refuse(
      "total",
      level
        ? `มีระดับ "${level}" แต่ไม่มีคะแนน ITA ระบบเก็บผลการประเมินได้เฉพาะที่มีคะแนนรวม กรุณาเติมคะแนนจากประกาศ`
        : "ไม่ได้กรอกคะแนน ITA",
    );
  }
  if (typeof total !== "number") return total;
  const tools: Partial<Record<"iit" | "eit" | "oit", number>> = {};
  for (const tool of ["iit", "eit", "oit"] as const) {
    const parsed = score(value(tool), columns.label(tool));
    if (typeof parsed === "object") return parsed;
    if (parsed !== undefined) tools[tool] = parsed;
  }
  let indicatorScores: IndicatorScore[] | undefined;
  for (const column of indicatorColumns) {
    const parsed = score((row.cells[column.index] ?? "").trim(), column.label);
    if (typeof parsed === "object") return parsed;
    if (parsed !== undefined) (indicatorScores ??= []).push({ indicatorNumber: column.number, score: parsed });
  }
  const split = splitOrganizationName(name);
  return {
    line: row.line,
    dlaCode,
    name,
    bare: split.bare,
    type: split.type,
    district: value("district") ? districtName(value("district")) : null,
    province: value("province") ? provinceName(value("province")) : null,
    yearBe,
    total,
    ...tools,
    ...(level ? { level } : {}),
    ...(indicatorScores ? { indicatorScores } : {}),
  };
}

// ── Matching and comparing ─────────────────────────────────────────────────────────────

type Candidate = {
  id: string;
  dlaCode: string;
  nameTh: string;
  bare: string;
  type: keyof typeof ORGANIZATION_TYPE_LABEL;
  district: string;
  province: string;
};

type FiscalYearRow = { id: string; yearBe: number; levelRules: { rank: number; label: string; minTotal: Prisma.Decimal; minEachTool: Prisma.Decimal | null }[] };

export type MatchedScoreRow = {
  line: number;
  organizationId: string;
  dlaCode: string;
  nameTh: string;
  district: string;
  yearBe: number;
  file: ScoreValues;
  /** What is stored now (null: nothing). */
  stored: (ScoreValues & { source: string; unconfirmed: boolean }) | null;
};

export type UnmatchedScoreRow = {
  line: number;
  name: string;
  dlaCode: string | null;
  district: string | null;
  province: string | null;
  reason: string;
  /** The closest names in the row's province (or the caller's area). */
  suggestions: { nameTh: string; dlaCode: string; district: string }[];
};

type Plan = {
  fileName: string;
  rows: number;
  newRows: MatchedScoreRow[];
  conflicts: MatchedScoreRow[];
  confirms: MatchedScoreRow[];
  unchanged: MatchedScoreRow[];
  unmatched: UnmatchedScoreRow[];
  duplicates: { line: number; sameAsLine: number }[];
  invalid: InvalidScoreRow[];
  fiscalYears: Map<number, FiscalYearRow>;
};

const sameValues = (a: ScoreValues, b: ScoreValues) =>
  a.total === b.total &&
  a.iit === b.iit &&
  a.eit === b.eit &&
  a.oit === b.oit &&
  a.announcedLevel === b.announcedLevel &&
  JSON.stringify(a.indicatorScores) === JSON.stringify(b.indicatorScores);

const byIndicator = (scores: IndicatorScore[]) => [...scores].sort((a, b) => a.indicatorNumber - b.indicatorNumber);

const MAX_SUGGESTIONS = 3;
/** Beyond this many candidates (no province to narrow by) suggestions are not computed. */
const MAX_SUGGESTION_POOL = 3000;

async function planImport(db: DbClient, access: Access | null, table: Table, options: { fileName: string; yearBe?: number }): Promise<Plan> {
  const parsed = parseScoreTable(table, options);
  const invalid = [...parsed.invalid];
  const [fiscalYearRows, organizations] = await Promise.all([
    db.fiscalYear.findMany({ select: { id: true, yearBe: true, levelRules: { select: { rank: true, label: true, minTotal: true, minEachTool: true } } } }),
    db.localOrganization.findMany({
      where: access ? organizationsWhere(access, "itaResult.manage") : {},
      select: { id: true, dlaCode: true, nameTh: true, type: true, district: { select: { nameTh: true, province: { select: { nameTh: true } } } } },
    }),
  ]);
  const fiscalYears = new Map(fiscalYearRows.map((year) => [year.yearBe, year]));
  const candidates: Candidate[] = organizations.map((organization) => ({
    id: organization.id,
    dlaCode: organization.dlaCode,
    nameTh: organization.nameTh,
    bare: splitOrganizationName(organization.nameTh).bare,
    type: organization.type,
    district: districtName(organization.district.nameTh),
    province: provinceName(organization.district.province.nameTh),
  }));
  const byCode = new Map(candidates.map((candidate) => [candidate.dlaCode, candidate]));
  const byBare = new Map<string, Candidate[]>();
  const byProvince = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    byBare.set(candidate.bare, [...(byBare.get(candidate.bare) ?? []), candidate]);
    byProvince.set(candidate.province, [...(byProvince.get(candidate.province) ?? []), candidate]);
  }

  // Closest first; of equally close names, those of the type the row names.
  const suggestionsFor = (row: ParsedRow, pool: Candidate[]) =>
    pool
      .map((candidate) => ({ candidate, distance: editDistance(row.bare, candidate.bare) + (row.type && candidate.type !== row.type ? 0.5 : 0) }))
      .sort((a, b) => a.distance - b.distance || a.candidate.nameTh.localeCompare(b.candidate.nameTh, "th"))
      .slice(0, MAX_SUGGESTIONS)
      .map(({ candidate }) => ({ nameTh: candidate.nameTh, dlaCode: candidate.dlaCode, district: candidate.district }));
  const unmatched: UnmatchedScoreRow[] = [];
  const refuseMatch = (row: ParsedRow, reason: string, pool: Candidate[]) =>
    unmatched.push({
      line: row.line,
      name: row.name,
      dlaCode: row.dlaCode,
      district: row.district,
      province: row.province,
      reason,
      suggestions: pool.length <= MAX_SUGGESTION_POOL ? suggestionsFor(row, pool) : [],
    });

  // Each valid row: its fiscal year, its level in that year's table, its organisation.
  const matched: { row: ParsedRow; candidate: Candidate; fiscalYear: FiscalYearRow; level: string | null }[] = [];
  for (const row of parsed.rows) {
    const fiscalYear = fiscalYears.get(row.yearBe);
    if (!fiscalYear) {
      invalid.push({ line: row.line, column: SCORE_COLUMNS.year.label, reason: `ไม่มีปีงบประมาณ ${row.yearBe} ในระบบ` });
      continue;
    }
    let level: string | null = null;
    if (row.level) {
      const labels = [...fiscalYear.levelRules].sort((a, b) => a.rank - b.rank).map((rule) => rule.label);
      level = matchLevel(row.level, labels);
      if (!level) {
        invalid.push({ line: row.line, column: SCORE_COLUMNS.level.label, reason: `ระดับ "${row.level}" ไม่มีในเกณฑ์ของปี ${row.yearBe} (${labels.join(", ")})` });
        continue;
      }
    }
    const provincePool = row.province ? (byProvince.get(row.province) ?? []) : candidates;
    if (row.dlaCode) {
      const candidate = byCode.get(row.dlaCode);
      if (candidate) matched.push({ row, candidate, fiscalYear, level });
      else refuseMatch(row, `ไม่พบรหัส อปท. ${row.dlaCode} ในเขตที่ท่านดูแล`, row.name ? provincePool : []);
      continue;
    }
    let found = byBare.get(row.bare) ?? [];
    if (row.type) found = found.filter((candidate) => candidate.type === row.type);
    if (row.province) found = found.filter((candidate) => candidate.province === row.province);
    if (row.district && found.length > 1) found = found.filter((candidate) => candidate.district === row.district);
    if (found.length === 1) matched.push({ row, candidate: found[0]!, fiscalYear, level });
    else if (found.length === 0) refuseMatch(row, `ไม่พบหน่วยงานชื่อ "${row.name}"${row.province ? ` ในจังหวัด${row.province}` : ""} ในเขตที่ท่านดูแล`, provincePool);
    else refuseMatch(row, `พบหน่วยงานชื่อ "${row.name}" หลายแห่ง กรุณาระบุประเภท อำเภอ หรือรหัส อปท.`, found);
  }

  // The same organisation and year twice: the same values count once; different values refuse both.
  const groups = new Map<string, typeof matched>();
  for (const entry of matched) {
    const key = `${entry.candidate.id}|${entry.row.yearBe}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }

  const stored = await db.itaResult.findMany({
    where: {
      fiscalYearId: { in: [...new Set(matched.map((entry) => entry.fiscalYear.id))] },
      organizationId: { in: [...new Set(matched.map((entry) => entry.candidate.id))] },
    },
    select: {
      organizationId: true,
      fiscalYearId: true,
      total: true,
      iit: true,
      eit: true,
      oit: true,
      announcedLevel: true,
      source: true,
      confirmedAt: true,
      indicatorScores: { select: { indicatorNumber: true, score: true } },
    },
  });
  const storedByKey = new Map(stored.map((result) => [`${result.organizationId}|${result.fiscalYearId}`, result]));

  const plan: Plan = { fileName: options.fileName, rows: table.rows.length, newRows: [], conflicts: [], confirms: [], unchanged: [], unmatched, duplicates: [], invalid, fiscalYears };
  for (const group of groups.values()) {
    const [first, ...rest] = group.sort((a, b) => a.row.line - b.row.line) as [(typeof matched)[number], ...typeof matched];
    const { row, candidate, fiscalYear } = first;
    const current = storedByKey.get(`${candidate.id}|${fiscalYear.id}`);
    const storedValues: MatchedScoreRow["stored"] = current
      ? {
          total: current.total.toNumber(),
          iit: current.iit?.toNumber() ?? null,
          eit: current.eit?.toNumber() ?? null,
          oit: current.oit?.toNumber() ?? null,
          announcedLevel: current.announcedLevel,
          indicatorScores: byIndicator(current.indicatorScores.map((score) => ({ indicatorNumber: score.indicatorNumber, score: score.score.toNumber() }))),
          source: current.source,
          unconfirmed: current.source === "ORGANIZATION_REPORTED" && current.confirmedAt === null,
        }
      : null;
    // What the file says; what it leaves out (a missing column or an empty cell) stays as stored.
    const fileValues = (entry: (typeof matched)[number]): ScoreValues => ({
      total: entry.row.total,
      iit: entry.row.iit ?? storedValues?.iit ?? null,
      eit: entry.row.eit ?? storedValues?.eit ?? null,
      oit: entry.row.oit ?? storedValues?.oit ?? null,
      announcedLevel: entry.level ?? storedValues?.announcedLevel ?? null,
      indicatorScores: entry.row.indicatorScores ? byIndicator(entry.row.indicatorScores) : (storedValues?.indicatorScores ?? []),
    });
    const file = fileValues(first);
    const differing = rest.filter((other) => !sameValues(fileValues(other), file));
    if (differing.length) {
      for (const entry of group) {
        invalid.push({
          line: entry.row.line,
          column: SCORE_COLUMNS.name.label,
          reason: `${candidate.nameTh} ปี ${row.yearBe} อยู่ในไฟล์หลายแถว (แถว ${group.map((other) => other.row.line).join(", ")}) และคะแนนไม่ตรงกัน`,
        });
      }
      continue;
    }
    for (const other of rest) plan.duplicates.push({ line: other.row.line, sameAsLine: row.line });
    const entry: MatchedScoreRow = {
      line: row.line,
      organizationId: candidate.id,
      dlaCode: candidate.dlaCode,
      nameTh: candidate.nameTh,
      district: candidate.district,
      yearBe: row.yearBe,
      file,
      stored: storedValues,
    };
    if (!storedValues) plan.newRows.push(entry);
    else if (!sameValues(storedValues, file)) plan.conflicts.push(entry);
    // The announced table says what an organisation reported: its own report becomes announced.
    else if (storedValues.unconfirmed) plan.confirms.push(entry);
    else plan.unchanged.push(entry);
  }
  for (const list of [plan.newRows, plan.conflicts, plan.confirms, plan.unchanged]) list.sort((a, b) => a.line - b.line);
  invalid.sort((a, b) => a.line - b.line);
  unmatched.sort((a, b) => a.line - b.line);
  plan.duplicates.sort((a, b) => a.line - b.line);
  return plan;
}

function summary(plan: Plan) {
  return {
    fileName: plan.fileName,
    counts: {
      rows: plan.rows,
      matched: plan.newRows.length + plan.conflicts.length + plan.confirms.length + plan.unchanged.length,
      new: plan.newRows.length,
      conflicts: plan.conflicts.length,
      confirms: plan.confirms.length,
      unchanged: plan.unchanged.length,
      unmatched: plan.unmatched.length,
      duplicates: plan.duplicates.length,
      invalid: plan.invalid.length,
    },
    newRows: plan.newRows,
    conflictRows: plan.conflicts,
    confirmRows: plan.confirms,
    unchangedRows: plan.unchanged,
    unmatchedRows: plan.unmatched,
    duplicateRows: plan.duplicates,
    invalidRows: plan.invalid,
  };
}

export type ScoreImportResult = ReturnType<typeof summary> & { applied: boolean; written: number };

export type ScoreImportInput = { fileName: string; bytes: Uint8Array; apply: boolean; yearBe?: number | null };

/**
 * A dry run (apply false: nothing written) or the import. `access` null is the command line on
 * the server (the whole country); otherwise province staff match only organisations they manage.
 */
export async function importScores({
  db,
  access,
  input,
  request,
}: {
  db: Db;
  access: Access | null;
  input: ScoreImportInput;
  request?: RequestMetadata;
}): Promise<ScoreImportResult> {
  if (access && !mayAnywhere(access, "itaResult.manage")) {
    throw new AppError("FORBIDDEN", "เฉพาะเจ้าหน้าที่จังหวัดและผู้ดูแลระบบที่นำเข้าคะแนน ITA ได้");
  }
  const table = await readTableFile(input.fileName, input.bytes);
  const options = { fileName: input.fileName, yearBe: input.yearBe ?? undefined };
  if (!input.apply) return { ...summary(await planImport(db, access, table, options)), applied: false, written: 0 };
  return db.$transaction(
    async (tx) => {
      // Planned again inside the transaction: what is written is what is stored now.
      const plan = await planImport(tx, access, table, options);
      // Written set-based: a national file is thousands of rows (one statement each for the
      // results, their history and indicator scores).
      const writes = [...plan.newRows, ...plan.conflicts, ...plan.confirms];
      await upsertItaResults(
        tx,
        writes.map((row) => ({
          organizationId: row.organizationId,
          yearBe: row.yearBe,
          fiscalYear: plan.fiscalYears.get(row.yearBe)!,
          ...row.file,
          source: "IMPORTED_FILE",
          sourceFileName: input.fileName,
          change: { kind: "IMPORTED", actor: access, reason: `นำเข้าจากไฟล์ ${input.fileName}` },
        })),
      );
      const result = summary(plan);
      await recordAudit(tx, {
        actor: access,
        request,
        action: "ita_result.import",
        entityType: "ScoreImport",
        entityId: randomUUID(),
        after: { fileName: input.fileName, yearBe: input.yearBe ?? null, counts: result.counts, written: writes.length },
      });
      return { ...result, applied: true, written: writes.length };
    },
    { timeout: 10 * 60_000, maxWait: 30_000 },
  );
}
