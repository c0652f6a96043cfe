// Open data (issue 16, item 3): a province's or the country's accepted measures and announced
// ITA scores, as CSV and JSON with a stable schema (README, "Open data"): the same content the
// public pages show. Rows are read in batches of organisations and streamed, so the country's
// file never sits whole in memory.
import { Prisma, type DbClient } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { csvField } from "@/server/services/exports/summary-csv";
import { NOT_PUBLISHED } from "./published";

export const OPEN_DATA_SETS = ["measures", "scores"] as const;
export type OpenDataSet = (typeof OPEN_DATA_SETS)[number];

/** Column names are the schema: add new ones at the end, never rename or reorder. */
export const OPEN_DATA_COLUMNS: Record<OpenDataSet, readonly string[]> = {
  measures: [
    "province_code", "province", "district", "dla_code", "organization", "fiscal_year",
    "issue_no", "issue", "measure_no", "measure", "period_start", "period_end",
    "steps", "responsible_units", "result_items", "outcomes",
  ],
  scores: ["province_code", "province", "district", "dla_code", "organization", "fiscal_year", "total", "iit", "eit", "oit", "level", "level_basis", "source"],
};

type Row = Record<string, string | number | null>;
const BATCH = 200;
/** Lists inside one CSV cell. */
const LIST_SEPARATOR = " | ";

async function provinceIdOf(db: DbClient, code: string | null): Promise<string | null> {
  if (code === null) return null;
  const province = await db.province.findFirst({ where: { code }, select: { id: true } });
  if (!province) throw new AppError("NOT_FOUND", NOT_PUBLISHED);
  return province.id;
}

async function organizationBatches(db: DbClient, provinceId: string | null) {
  const organizations = await db.localOrganization.findMany({
    where: provinceId ? { district: { provinceId } } : {},
    orderBy: { dlaCode: "asc" },
    select: { id: true },
  });
  const ids = organizations.map((organization) => organization.id);
  return Array.from({ length: Math.ceil(ids.length / BATCH) }, (_, index) => ids.slice(index * BATCH, (index + 1) * BATCH));
}

async function measureRows(db: DbClient, organizationIds: string[]): Promise<Row[]> {
  return db.$queryRaw<Row[]>`
    SELECT p.code AS province_code, p."nameTh" AS province, d."nameTh" AS district, o."dlaCode" AS dla_code,
           o."nameTh" AS organization, f."yearBe" AS fiscal_year, i.ordinal AS issue_no, i.title AS issue,
           m.ordinal AS measure_no, m.title AS measure, to_char(m."periodStart", 'YYYY-MM-DD') AS period_start,
           to_char(m."periodEnd", 'YYYY-MM-DD') AS period_end,
           array_to_string(m.steps, ${LIST_SEPARATOR}) AS steps,
           array_to_string(m."responsibleUnits", ${LIST_SEPARATOR}) AS responsible_units,
           (SELECT string_agg(ri.text, ${LIST_SEPARATOR} ORDER BY ri.ordinal) FROM "MeasureResultItem" ri WHERE ri."measureId" = m.id AND ri.checked) AS result_items,
           array_to_string(m.outcomes, ${LIST_SEPARATOR}) AS outcomes
      FROM "YearlyReport" r
      JOIN "LocalOrganization" o ON o.id = r."organizationId"
      JOIN "District" d ON d.id = o."districtId"
      JOIN "Province" p ON p.id = d."provinceId"
      JOIN "FiscalYear" f ON f.id = r."fiscalYearId"
      JOIN "ReportIssue" i ON i."reportId" = r.id
      JOIN "Measure" m ON m."issueId" = i.id
     WHERE r.status = 'ACCEPTED' AND r."organizationId" IN (${Prisma.join(organizationIds)})
     ORDER BY o."dlaCode", f."yearBe", i.ordinal, m.ordinal`;
}

async function scoreRows(db: DbClient, organizationIds: string[]): Promise<Row[]> {
  return db.$queryRaw<Row[]>`
    SELECT p.code AS province_code, p."nameTh" AS province, d."nameTh" AS district, o."dlaCode" AS dla_code,
           o."nameTh" AS organization, f."yearBe" AS fiscal_year, s.total::float8 AS total, s.iit::float8 AS iit,
           s.eit::float8 AS eit, s.oit::float8 AS oit, s.level, s."levelBasis"::text AS level_basis, s.source::text AS source
      FROM "ItaResult" s
      JOIN "LocalOrganization" o ON o.id = s."organizationId"
      JOIN "District" d ON d.id = o."districtId"
      JOIN "Province" p ON p.id = d."provinceId"
      JOIN "FiscalYear" f ON f.id = s."fiscalYearId"
     WHERE (s.source <> 'ORGANIZATION_REPORTED' OR s."confirmedAt" IS NOT NULL)
       AND s."organizationId" IN (${Prisma.join(organizationIds)})
     ORDER BY o."dlaCode", f."yearBe"`;
}

/** The set's rows, a batch of organisations at a time. Throws NOT_FOUND for an unknown province code. */
export async function openDataRows({ db, set, provinceCode }: { db: DbClient; set: OpenDataSet; provinceCode: string | null }) {
  const batches = await organizationBatches(db, await provinceIdOf(db, provinceCode));
  const read = set === "measures" ? measureRows : scoreRows;
  return (async function* rows() {
    for (const batch of batches) yield* await read(db, batch);
  })();
}

const encoder = new TextEncoder();

/** The rows as a streamed file: CSV (UTF-8 with BOM, CRLF) or a JSON array. */
export function openDataStream(set: OpenDataSet, rows: AsyncIterable<Row>, format: "csv" | "json"): ReadableStream<Uint8Array> {
  const columns = OPEN_DATA_COLUMNS[set];
  const iterator = rows[Symbol.asyncIterator]();
  let first = true;
  return new ReadableStream({
    async start(controller) {
      controller.enqueue(encoder.encode(format === "csv" ? `\uFEFF${columns.join(",")}\r\n` : "["));
    },
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) {
        if (format === "json") controller.enqueue(encoder.encode("]\n"));
        controller.close();
        return;
      }
      const row = next.value;
      const line =
        format === "csv"
          ? `${columns.map((column) => csvField(row[column] ?? null)).join(",")}\r\n`
          : `${first ? "" : ","}\n${JSON.stringify(Object.fromEntries(columns.map((column) => [column, row[column] ?? null])))}`;
      first = false;
      controller.enqueue(encoder.encode(line));
    },
  });
}
