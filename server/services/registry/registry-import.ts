// Bulk import of the official อปท. registry (DLA code, name, type, district, province) from a CSV
// or XLSX file. A dry run lists what the file would add, change and leave as it is, and each
// invalid row with its line, column and reason; applying writes the valid rows in one
// transaction with one audit event. Organisations are matched by DLA code, districts and
// provinces by name; those the registry lacks are created with the file. Importing the same
// file again changes nothing.
import { createHash, randomUUID } from "node:crypto";
import type { DbClient, Prisma } from "@/server/db/client";
import type { OrganizationType } from "@/server/db/generated/enums";
import { ORGANIZATION_TYPE_LABEL } from "@/server/domain/labels";
import { districtName, parseDlaCode, parseOrganizationType, provinceName } from "@/server/domain/registry-values";
import { thaiDigitsToArabic } from "@/server/domain/thai-text-normalise";
import { adminScopeOf, coversProvince, type AdminScope, type Call } from "@/server/services/admin-scope";
import { recordAudit } from "@/server/services/audit";
import { findColumns, readTableFile, type ColumnSpec, type Table } from "@/server/services/imports/table-file";

export const REGISTRY_COLUMNS = {
  dlaCode: { label: "รหัส อปท.", aliases: ["รหัส อปท.", "รหัส", "รหัสองค์กรปกครองส่วนท้องถิ่น", "DLA code", "code"], required: true },
  nameTh: { label: "ชื่อ อปท.", aliases: ["ชื่อ อปท.", "ชื่อ", "ชื่อองค์กรปกครองส่วนท้องถิ่น", "name"], required: true },
  type: { label: "ประเภท", aliases: ["ประเภท", "ประเภท อปท.", "รูปแบบ", "type"], required: true },
  district: { label: "อำเภอ", aliases: ["อำเภอ", "district"], required: true },
  province: { label: "จังหวัด", aliases: ["จังหวัด", "province"], required: true },
  districtCode: { label: "รหัสอำเภอ", aliases: ["รหัสอำเภอ", "district code"], required: false },
  provinceCode: { label: "รหัสจังหวัด", aliases: ["รหัสจังหวัด", "province code"], required: false },
} satisfies ColumnSpec<string>;

export type InvalidRow = { line: number; column: string; reason: string };
type FieldChange = { field: string; from: string; to: string };

type ParsedRow = {
  line: number;
  dlaCode: string;
  nameTh: string;
  type: OrganizationType;
  districtName: string;
  provinceName: string;
  districtCode: string | null;
  provinceCode: string | null;
};

/** The file's rows checked on their own (no database): valid rows and invalid ones. */
export function parseRegistryTable(table: Table): { rows: ParsedRow[]; invalid: InvalidRow[] } {
  const columns = findColumns(table.header, REGISTRY_COLUMNS);
  const rows: ParsedRow[] = [];
  const invalid: InvalidRow[] = [];
  const lineOfCode = new Map<string, number>();
  for (const row of table.rows) {
    const value = (field: keyof typeof REGISTRY_COLUMNS) => columns.value(row, field);
    const refuse = (field: keyof typeof REGISTRY_COLUMNS, reason: string) =>
      invalid.push({ line: row.line, column: columns.label(field), reason });
    const dlaCode = parseDlaCode(value("dlaCode"));
    const type = parseOrganizationType(value("type"));
    const optionalCode = (field: "districtCode" | "provinceCode") => thaiDigitsToArabic(value(field)) || null;
    if (!value("dlaCode")) refuse("dlaCode", "ไม่ได้กรอกรหัส อปท.");
    else if (!dlaCode) refuse("dlaCode", `รหัส อปท. "${value("dlaCode")}" ต้องเป็นตัวเลข 8 หลัก`);
    else if (lineOfCode.has(dlaCode)) refuse("dlaCode", `รหัส อปท. ${dlaCode} ซ้ำกับแถวที่ ${lineOfCode.get(dlaCode)}`);
    else if (!value("nameTh")) refuse("nameTh", "ไม่ได้กรอกชื่อ อปท.");
    else if (value("nameTh").length > 200) refuse("nameTh", "ชื่อ อปท. ยาวเกิน 200 ตัวอักษร");
    else if (!type) {
      refuse("type", `ไม่รู้จักประเภท "${value("type")}" (ใช้ อบจ. ทน. ทม. ทต. อบต. หรือชื่อเต็ม เช่น องค์การบริหารส่วนตำบล)`);
    } else if (!districtName(value("district"))) refuse("district", "ไม่ได้กรอกอำเภอ");
    else if (!provinceName(value("province"))) refuse("province", "ไม่ได้กรอกจังหวัด");
    else {
      lineOfCode.set(dlaCode, row.line);
      rows.push({
        line: row.line,
        dlaCode,
        nameTh: value("nameTh"),
        type,
        districtName: districtName(value("district")),
        provinceName: provinceName(value("province")),
        districtCode: optionalCode("districtCode"),
        provinceCode: optionalCode("provinceCode"),
      });
    }
  }
  return { rows, invalid };
}

/** A code for a province or district the file creates without giving its DOPA code; editable later. */
const provisionalCode = (path: string) => `X${createHash("sha256").update(path).digest("hex").slice(0, 7).toUpperCase()}`;

type NewProvince = { id: string; code: string; nameTh: string };
type NewDistrict = { id: string; code: string; nameTh: string; provinceId: string; provinceNameTh: string };

type Plan = {
  newProvinces: NewProvince[];
  newDistricts: NewDistrict[];
  newOrganizations: (ParsedRow & { id: string; districtId: string })[];
  changedOrganizations: (ParsedRow & { id: string; districtId: string; before: { nameTh: string; type: OrganizationType; districtId: string; active: boolean }; changes: FieldChange[] })[];
  unchanged: ParsedRow[];
  invalid: InvalidRow[];
};

async function planImport(db: DbClient, scope: AdminScope, table: Table): Promise<Plan> {
  const parsed = parseRegistryTable(table);
  const invalid = [...parsed.invalid];
  const refuse = (row: ParsedRow, field: keyof typeof REGISTRY_COLUMNS, reason: string) =>
    invalid.push({ line: row.line, column: REGISTRY_COLUMNS[field].label, reason });

  const [provinces, existingOrganizations] = await Promise.all([
    db.province.findMany({ select: { id: true, code: true, nameTh: true } }),
    db.localOrganization.findMany({
      where: { dlaCode: { in: parsed.rows.map((row) => row.dlaCode) } },
      select: { id: true, dlaCode: true, nameTh: true, type: true, active: true, districtId: true, district: { select: { nameTh: true, provinceId: true } } },
    }),
  ]);
  const provinceByName = new Map(provinces.map((province) => [provinceName(province.nameTh), province]));
  const provinceCodes = new Set(provinces.map((province) => province.code));
  const districts = await db.district.findMany({ select: { id: true, code: true, nameTh: true, provinceId: true } });
  const districtByKey = new Map(districts.map((district) => [`${district.provinceId}|${districtName(district.nameTh)}`, district]));
  const districtCodes = new Set(districts.map((district) => district.code));
  const organizationByCode = new Map(existingOrganizations.map((organization) => [organization.dlaCode, organization]));
  const districtNameById = new Map(districts.map((district) => [district.id, district.nameTh]));

  const plan: Plan = { newProvinces: [], newDistricts: [], newOrganizations: [], changedOrganizations: [], unchanged: [], invalid };
  for (const row of parsed.rows) {
    // The province: known and administered, or new (only a national administrator adds provinces).
    let province = provinceByName.get(row.provinceName);
    if (province && !coversProvince(scope, province.id)) {
      refuse(row, "province", `จังหวัด${row.provinceName} อยู่นอกเขตที่ท่านดูแล`);
      continue;
    }
    if (!province) {
      if (scope.kind !== "national") {
        refuse(row, "province", `จังหวัด${row.provinceName} อยู่นอกเขตที่ท่านดูแล`);
        continue;
      }
      const code = row.provinceCode ?? provisionalCode(row.provinceName);
      if (provinceCodes.has(code)) {
        refuse(row, "provinceCode", `รหัสจังหวัด ${code} เป็นของจังหวัดอื่นแล้ว`);
        continue;
      }
      province = { id: randomUUID(), code, nameTh: row.provinceName };
      provinceByName.set(row.provinceName, province);
      provinceCodes.add(code);
      plan.newProvinces.push(province);
    }
    // The district, by name within its province.
    const districtKey = `${province.id}|${row.districtName}`;
    let district = districtByKey.get(districtKey);
    if (!district) {
      const code = row.districtCode ?? provisionalCode(`${row.provinceName}|${row.districtName}`);
      if (districtCodes.has(code)) {
        refuse(row, "districtCode", `รหัสอำเภอ ${code} เป็นของอำเภออื่นแล้ว`);
        continue;
      }
      district = { id: randomUUID(), code, nameTh: row.districtName, provinceId: province.id };
      districtByKey.set(districtKey, district);
      districtCodes.add(code);
      districtNameById.set(district.id, district.nameTh);
      plan.newDistricts.push({ ...district, provinceNameTh: province.nameTh });
    }
    // The organisation, by DLA code.
    const existing = organizationByCode.get(row.dlaCode);
    if (!existing) {
      plan.newOrganizations.push({ ...row, id: randomUUID(), districtId: district.id });
      continue;
    }
    if (!coversProvince(scope, existing.district.provinceId)) {
      refuse(row, "dlaCode", `รหัส อปท. ${row.dlaCode} เป็นของ อปท. ในจังหวัดที่อยู่นอกเขตที่ท่านดูแล`);
      continue;
    }
    const changes: FieldChange[] = [];
    if (existing.nameTh !== row.nameTh) changes.push({ field: "ชื่อ", from: existing.nameTh, to: row.nameTh });
    if (existing.type !== row.type) {
      changes.push({ field: "ประเภท", from: ORGANIZATION_TYPE_LABEL[existing.type].short, to: ORGANIZATION_TYPE_LABEL[row.type].short });
    }
    if (existing.districtId !== district.id) {
      changes.push({ field: "อำเภอ", from: existing.district.nameTh, to: districtNameById.get(district.id)! });
    }
    if (!existing.active) changes.push({ field: "สถานะ", from: "เลิกใช้งาน", to: "ใช้งาน" });
    if (changes.length) {
      plan.changedOrganizations.push({ ...row, id: existing.id, districtId: district.id, before: existing, changes });
    } else {
      plan.unchanged.push(row);
    }
  }
  invalid.sort((a, b) => a.line - b.line);
  return plan;
}

/** What the administrator reads before confirming (and after applying). */
function summary(plan: Plan) {
  const row = (entry: ParsedRow) => ({
    line: entry.line,
    dlaCode: entry.dlaCode,
    nameTh: entry.nameTh,
    type: entry.type,
    district: entry.districtName,
    province: entry.provinceName,
  });
  return {
    counts: {
      new: plan.newOrganizations.length,
      changed: plan.changedOrganizations.length,
      unchanged: plan.unchanged.length,
      invalid: plan.invalid.length,
      newDistricts: plan.newDistricts.length,
      newProvinces: plan.newProvinces.length,
    },
    newRows: plan.newOrganizations.map(row),
    changedRows: plan.changedOrganizations.map((entry) => ({ ...row(entry), changes: entry.changes })),
    unchangedRows: plan.unchanged.map(row),
    invalidRows: plan.invalid,
    newProvinces: plan.newProvinces.map((province) => ({ code: province.code, nameTh: province.nameTh })),
    newDistricts: plan.newDistricts.map((district) => ({ code: district.code, nameTh: district.nameTh, province: district.provinceNameTh })),
  };
}

export type RegistryImportResult = ReturnType<typeof summary> & { applied: boolean };

export type RegistryImportInput = { fileName: string; bytes: Uint8Array; apply: boolean };

export async function importRegistry({ db, actor, input, request }: Call<RegistryImportInput>): Promise<RegistryImportResult> {
  const scope = adminScopeOf(actor, "node.administer");
  const table = await readTableFile(input.fileName, input.bytes);
  if (!input.apply) return { ...summary(await planImport(db, scope, table)), applied: false };
  return db.$transaction(
    async (tx) => {
      // Planned again inside the transaction: what is written is what the registry holds now.
      const plan = await planImport(tx, scope, table);
      await writePlan(tx, plan);
      const result = summary(plan);
      await recordAudit(tx, {
        actor,
        request,
        action: "registry.import",
        entityType: "RegistryImport",
        entityId: randomUUID(),
        scope: { provinceId: scope.kind === "province" && scope.provinceIds.length === 1 ? scope.provinceIds[0] : null },
        after: { fileName: input.fileName, counts: result.counts, newProvinces: result.newProvinces, newDistricts: result.newDistricts },
      });
      return { ...result, applied: true };
    },
    { timeout: 5 * 60_000, maxWait: 30_000 },
  );
}

async function writePlan(tx: Prisma.TransactionClient, plan: Plan) {
  const today = new Date(new Date().toISOString().slice(0, 10));
  if (plan.newProvinces.length) {
    // The letter code (abbreviation) of a new province is filled in later on the registry page.
    await tx.province.createMany({ data: plan.newProvinces.map((province) => ({ ...province, abbreviation: "" })) });
  }
  if (plan.newDistricts.length) {
    await tx.district.createMany({
      data: plan.newDistricts.map(({ provinceNameTh: _province, ...district }) => district),
    });
  }
  if (plan.newOrganizations.length) {
    await tx.localOrganization.createMany({
      data: plan.newOrganizations.map((row) => ({ id: row.id, dlaCode: row.dlaCode, nameTh: row.nameTh, type: row.type, districtId: row.districtId })),
    });
    await tx.organizationTypePeriod.createMany({
      data: plan.newOrganizations.map((row) => ({ organizationId: row.id, type: row.type, nameTh: row.nameTh, validFrom: today })),
    });
  }
  for (const row of plan.changedOrganizations) {
    await tx.localOrganization.update({
      where: { id: row.id },
      data: { nameTh: row.nameTh, type: row.type, districtId: row.districtId, active: true, endedAt: null, endReason: null, mergedIntoId: null },
    });
    await recordTypeAndName(tx, row.id, { type: row.type, nameTh: row.nameTh, typeChanged: row.before.type !== row.type, effectiveFrom: today });
  }
}

/**
 * Keeps an organisation's series whole: a new type (an อบต. become a เทศบาล) closes the current
 * period the day before effectiveFrom and opens one from it; a new name under the same type renames
 * the current period.
 */
export async function recordTypeAndName(
  tx: Prisma.TransactionClient,
  organizationId: string,
  change: { type: OrganizationType; nameTh: string; typeChanged: boolean; effectiveFrom: Date },
) {
  const current = await tx.organizationTypePeriod.findFirst({
    where: { organizationId, validTo: null },
    orderBy: { validFrom: "desc" },
  });
  if (current && !change.typeChanged) {
    await tx.organizationTypePeriod.update({ where: { id: current.id }, data: { nameTh: change.nameTh } });
    return;
  }
  if (current && current.validFrom.getTime() >= change.effectiveFrom.getTime()) {
    // Changed again from the day it began (or earlier): the same period, corrected.
    await tx.organizationTypePeriod.update({ where: { id: current.id }, data: { type: change.type, nameTh: change.nameTh } });
    return;
  }
  if (current) {
    const dayBefore = new Date(change.effectiveFrom.getTime() - 86_400_000);
    await tx.organizationTypePeriod.update({ where: { id: current.id }, data: { validTo: dayBefore } });
  }
  await tx.organizationTypePeriod.create({
    data: { organizationId, type: change.type, nameTh: change.nameTh, validFrom: change.effectiveFrom },
  });
}
