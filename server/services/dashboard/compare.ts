// Comparison of chosen units of an area over a range of fiscal years (issue 4, item 2): up to 10
// organisations, districts or provinces, each unit with its ITA total of every year and, where
// known, its IIT, EIT and OIT scores. The caller has checked the area (areaProcedure); every
// unit id is checked here against the area: one outside it (or missing, or an inactive
// organisation) is NOT_FOUND, never silently left out.
//
// Definitions (as in overview.ts: the active organisations of the area, each in the district
// its office sits in today, also for past years):
//  - organisation: its ItaResult of the year; count is 1, or 0 with nulls in a year without one.
//  - district / province: over its active organisations' results of the year, count = how
//    many have one, mean = the arithmetic mean of their totals rounded half up to 2 decimals
//    (PostgreSQL's round of the exact numeric average), null when count is 0.
//  - tools: over the results of the year that have all three of IIT, EIT and OIT,
//    toolsCount = how many, and the mean of each tool, rounded the same way; null when none.
//    A unit's three bars thus always describe the same organisations.
//  - years: every fiscal year in the range that exists, oldest first, with every unit listed
//    in each (count 0 and nulls where it has no result).
//  - containsInventedData: some result counted is DEMO or SYNTHETIC.
//  - includeUnconfirmed (as on the other dashboards): false leaves out the organisations' own
//    results no province reviewer has confirmed yet (countedResultSql); not given: counted.
//
// Queries: the fiscal years, the units (the area check), and one aggregate over ItaResult
// grouped by unit and year for the numbers.
import { Prisma, type DbClient } from "@/server/db/client";
import type { AreaNode } from "@/server/access/access";
import { AppError, NOT_FOUND_OR_FORBIDDEN } from "@/server/errors";
import { idSchema, yearBeSchema, z } from "@/server/validation";
import { COMPARE_UNIT_KINDS, MAX_COMPARED_UNITS, type CompareUnitKind } from "@/server/domain/compare-units";
import { organizationsUnder, organizationsUnderSql } from "@/server/access/nodes";
import { countedResultSql, ZDashboardFilters } from "./scope";

/** The default range: the newest fiscal years, this many. */
const DEFAULT_YEAR_SPAN = 10;

const ZUnitKind = z.enum(COMPARE_UNIT_KINDS, { error: "ชนิดของหน่วยที่เปรียบเทียบไม่ถูกต้อง" });

export const ZCompareInput = z
  .object({
    unit: ZUnitKind,
    ids: z
      .array(idSchema, { error: "กรุณาระบุรายการที่จะเปรียบเทียบ" })
      .max(MAX_COMPARED_UNITS, `เปรียบเทียบได้ไม่เกิน ${MAX_COMPARED_UNITS} รายการ`),
    fromYearBe: yearBeSchema.optional(),
    toYearBe: yearBeSchema.optional(),
    includeUnconfirmed: ZDashboardFilters.shape.includeUnconfirmed,
  })
  .refine((input) => input.fromYearBe === undefined || input.toYearBe === undefined || input.fromYearBe <= input.toYearBe, {
    message: "ปีเริ่มต้นต้องไม่อยู่หลังปีสุดท้าย",
    path: ["toYearBe"],
  });

export type CompareInput = z.infer<typeof ZCompareInput>;

export type CompareCell = {
  yearBe: number;
  count: number;
  mean: number | null;
  toolsCount: number;
  iit: number | null;
  eit: number | null;
  oit: number | null;
};

export type CompareUnit = {
  id: string;
  /** As shown: "อำเภอ…", "จังหวัด…" or the organisation's name. */
  nameTh: string;
  /** Where it is: the district of an organisation, the province of a district. */
  parentNameTh: string | null;
  years: CompareCell[];
};

export type Comparison = {
  unit: CompareUnitKind;
  fromYearBe: number;
  toYearBe: number;
  /** Every fiscal year in the system, oldest first (for the range pickers). */
  fiscalYears: number[];
  /** The fiscal years of the range, oldest first. */
  years: number[];
  units: CompareUnit[];
  containsInventedData: boolean;
};

type UnitRef = Omit<CompareUnit, "years">;
type AggregateRow = Omit<CompareCell, "count" | "toolsCount"> & { unitId: string; count: number; toolsCount: number; invented: boolean };

/** The SQL expression naming a result's unit, over "LocalOrganization" o JOIN "District" d. */
const UNIT_KEY: Record<CompareUnitKind, Prisma.Sql> = {
  organization: Prisma.sql`o.id`,
  district: Prisma.sql`o."districtId"`,
  province: Prisma.sql`d."provinceId"`,
};

type UnitFilter = { ids?: string[]; search?: string; take?: number };

/**
 * The units of one kind in the area, narrowed to ids or to a search (part of the name, or the
 * start of an organisation's DLA code), in code order. Organisations: active ones only.
 */
async function findUnits(db: DbClient, area: AreaNode, unit: CompareUnitKind, filter: UnitFilter): Promise<UnitRef[]> {
  const ids = filter.ids ? { id: { in: filter.ids } } : {};
  const name = filter.search ? { nameTh: { contains: filter.search } } : {};
  if (unit === "organization") {
    const organizations = await db.localOrganization.findMany({
      where: {
        AND: [
          ids,
          { active: true },
          organizationsUnder(area),
          filter.search ? { OR: [name, { dlaCode: { startsWith: filter.search } }] } : {},
        ],
      },
      select: { id: true, nameTh: true, district: { select: { nameTh: true } } },
      orderBy: [{ district: { code: "asc" } }, { dlaCode: "asc" }],
      take: filter.take,
    });
    return organizations.map((o) => ({ id: o.id, nameTh: o.nameTh, parentNameTh: `อำเภอ${o.district.nameTh}` }));
  }
  if (unit === "district") {
    const inArea = area.kind === "district" ? { id: area.id } : area.kind === "province" ? { provinceId: area.id } : {};
    const districts = await db.district.findMany({
      where: { AND: [ids, inArea, name] },
      select: { id: true, nameTh: true, province: { select: { nameTh: true } } },
      orderBy: { code: "asc" },
      take: filter.take,
    });
    return districts.map((d) => ({ id: d.id, nameTh: `อำเภอ${d.nameTh}`, parentNameTh: `จังหวัด${d.province.nameTh}` }));
  }
  // A district area contains no province; a province area contains itself.
  if (area.kind === "district") return [];
  const provinces = await db.province.findMany({
    where: { AND: [ids, area.kind === "province" ? { id: area.id } : {}, name] },
    select: { id: true, nameTh: true },
    orderBy: { code: "asc" },
    take: filter.take,
  });
  return provinces.map((p) => ({ id: p.id, nameTh: `จังหวัด${p.nameTh}`, parentNameTh: null }));
}

/** The units named by ids, in that order, if each is in the area; otherwise NOT_FOUND, as for a missing id. */
async function loadUnits(db: DbClient, area: AreaNode, unit: CompareUnitKind, ids: string[]): Promise<UnitRef[]> {
  if (ids.length === 0) return [];
  const found = await findUnits(db, area, unit, { ids });
  if (found.length !== ids.length) throw new AppError("NOT_FOUND", NOT_FOUND_OR_FORBIDDEN);
  const byId = new Map(found.map((ref) => [ref.id, ref]));
  return ids.map((id) => byId.get(id)!);
}

const TOOLS_KNOWN = Prisma.sql`r.iit IS NOT NULL AND r.eit IS NOT NULL AND r.oit IS NOT NULL`;

/** A comparison without its scores: the units (their names) and the years. */
export type CompareFrame = Omit<Comparison, "units" | "containsInventedData"> & { units: UnitRef[] };

/**
 * The units compared (each in the area, or NOT_FOUND as for a missing id) and the range of
 * years: what the compare page shows before the scores, which compareUnits adds.
 */
export async function compareFrame(db: DbClient, area: AreaNode, input: CompareInput): Promise<CompareFrame> {
  const [fiscalYearRows, units] = await Promise.all([
    db.fiscalYear.findMany({ select: { yearBe: true }, orderBy: { yearBe: "asc" } }),
    loadUnits(db, area, input.unit, [...new Set(input.ids)]),
  ]);
  const fiscalYears = fiscalYearRows.map((year) => year.yearBe);
  const newest = fiscalYears.at(-1) ?? input.toYearBe ?? input.fromYearBe ?? 0;
  const toYearBe = input.toYearBe ?? Math.max(newest, input.fromYearBe ?? newest);
  const fromYearBe = input.fromYearBe ?? Math.max(fiscalYears[0] ?? toYearBe, toYearBe - DEFAULT_YEAR_SPAN + 1);
  const years = fiscalYears.filter((yearBe) => yearBe >= fromYearBe && yearBe <= toYearBe);
  return { unit: input.unit, fromYearBe, toYearBe, fiscalYears, years, units };
}

export async function compareUnits(db: DbClient, area: AreaNode, input: CompareInput): Promise<Comparison> {
  const frame = await compareFrame(db, area, input);
  const { units, fromYearBe, toYearBe, years } = frame;
  const ids = units.map((unit) => unit.id);

  // total::numeric avg is exact, round() on numeric rounds half away from zero (= half up for
  // scores), and ::float8 is then the nearest double to the 2-decimal value.
  const key = UNIT_KEY[input.unit];
  const rows =
    ids.length === 0 || years.length === 0
      ? []
      : await db.$queryRaw<AggregateRow[]>`
          SELECT ${key} AS "unitId", f."yearBe",
                 count(*)::int AS count,
                 round(avg(r.total), 2)::float8 AS mean,
                 count(*) FILTER (WHERE ${TOOLS_KNOWN})::int AS "toolsCount",
                 round(avg(r.iit) FILTER (WHERE ${TOOLS_KNOWN}), 2)::float8 AS iit,
                 round(avg(r.eit) FILTER (WHERE ${TOOLS_KNOWN}), 2)::float8 AS eit,
                 round(avg(r.oit) FILTER (WHERE ${TOOLS_KNOWN}), 2)::float8 AS oit,
                 bool_or(r.origin <> 'REAL') AS invented
            FROM "ItaResult" r
            JOIN "FiscalYear" f ON f.id = r."fiscalYearId"
            JOIN "LocalOrganization" o ON o.id = r."organizationId"
            JOIN "District" d ON d.id = o."districtId"
           WHERE o.active
             AND ${organizationsUnderSql(area)}
             AND ${key} IN (${Prisma.join(ids)})
             AND f."yearBe" BETWEEN ${fromYearBe} AND ${toYearBe}
             AND ${countedResultSql("r", input.includeUnconfirmed)}
           GROUP BY 1, 2`;

  const cells = new Map(rows.map((row) => [`${row.unitId} ${row.yearBe}`, row]));
  const empty = (yearBe: number): CompareCell => ({ yearBe, count: 0, mean: null, toolsCount: 0, iit: null, eit: null, oit: null });
  return {
    ...frame,
    units: units.map((unit) => ({
      ...unit,
      years: years.map((yearBe) => {
        const row = cells.get(`${unit.id} ${yearBe}`);
        if (!row) return empty(yearBe);
        return { yearBe, count: row.count, mean: row.mean, toolsCount: row.toolsCount, iit: row.iit, eit: row.eit, oit: row.oit };
      }),
    })),
    containsInventedData: rows.some((row) => row.invented),
  };
}

// ── The picker ──────────────────────────────────────────────────────────────────────────

export const OPTIONS_LIMIT = 50;

export const ZCompareOptionsInput = z.object({
  unit: ZUnitKind,
  search: z.string({ error: "คำค้นต้องเป็นข้อความ" }).trim().max(100, "คำค้นยาวเกิน 100 ตัวอักษร").optional(),
});

export type CompareOption = UnitRef;

/** The units of the area the picker offers for a search, at most OPTIONS_LIMIT; `more`: some were left out. */
export async function listCompareOptions(
  db: DbClient,
  area: AreaNode,
  input: z.infer<typeof ZCompareOptionsInput>,
): Promise<{ options: CompareOption[]; more: boolean }> {
  const options = await findUnits(db, area, input.unit, { search: input.search || undefined, take: OPTIONS_LIMIT + 1 });
  return { options: options.slice(0, OPTIONS_LIMIT), more: options.length > OPTIONS_LIMIT };
}
