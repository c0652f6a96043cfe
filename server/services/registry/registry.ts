// The registry of provinces, districts and local organisations (อปท.), kept by administrators
// within their scope: created, renamed, moved, and organisations deactivated (merged into
// another or dissolved) without losing their reports, results or type history. Every change is
// audited with what it was before.
import { Prisma, type DbClient } from "@/server/db/client";
import { parseDlaCode } from "@/server/domain/registry-values";
import { normaliseThaiText, thaiDigitsToArabic } from "@/server/domain/thai-text-normalise";
import { AppError, NOT_FOUND_OR_FORBIDDEN } from "@/server/errors";
import { adminScopeOf, coversProvince, requireProvinceInScope, type AdminScope, type Call } from "@/server/services/admin-scope";
import { recordAudit } from "@/server/services/audit";
import { idSchema, isoDaySchema, z } from "@/server/validation";
import { recordTypeAndName } from "./registry-import";


const thaiName = (label: string) =>
  z
    .string({ error: `กรุณากรอก${label}` })
    .transform(normaliseThaiText)
    .pipe(z.string().min(1, `กรุณากรอก${label}`).max(200, `${label}ยาวเกิน 200 ตัวอักษร`));

const areaCode = (label: string) =>
  z
    .string({ error: `กรุณากรอก${label}` })
    .transform((text) => thaiDigitsToArabic(text).trim())
    .pipe(z.string().regex(/^[0-9A-Z]{2,8}$/, `${label}ต้องเป็นตัวเลข 2–8 หลัก`));

const ZOrganizationType = z.enum(["PAO", "CITY_MUNICIPALITY", "TOWN_MUNICIPALITY", "SUBDISTRICT_MUNICIPALITY", "SAO"], {
  error: "กรุณาเลือกประเภท อปท.",
});

const ZDlaCode = z
  .string({ error: "กรุณากรอกรหัส อปท." })
  .transform((text, context) => {
    const code = parseDlaCode(text);
    if (!code) context.addIssue({ code: "custom", message: "รหัส อปท. ต้องเป็นตัวเลข 8 หลัก" });
    return code ?? "";
  });


export const ZProvinceInput = z.object({
  code: areaCode("รหัสจังหวัด"),
  nameTh: thaiName("ชื่อจังหวัด").transform((name) => name.replace(/^จังหวัด\s*/, "")),
  abbreviation: z.string().trim().max(10, "อักษรย่อยาวเกิน 10 ตัวอักษร").default(""),
});
export const ZDistrictInput = z.object({
  provinceId: idSchema,
  code: areaCode("รหัสอำเภอ"),
  nameTh: thaiName("ชื่ออำเภอ").transform((name) => name.replace(/^อำเภอ\s*/, "")),
});
export const ZOrganizationInput = z.object({
  dlaCode: ZDlaCode,
  nameTh: thaiName("ชื่อ อปท."),
  type: ZOrganizationType,
  districtId: idSchema,
});
export const ZOrganizationUpdate = ZOrganizationInput.omit({ dlaCode: true }).extend({
  organizationId: idSchema,
  /** From when a new type applies (an upgrade's effective date); default today. */
  effectiveFrom: isoDaySchema("วันที่ประเภทใหม่มีผล").optional(),
});
export const ZDeactivation = z.discriminatedUnion("reason", [
  z.object({ organizationId: idSchema, reason: z.literal("DISSOLVED"), endedAt: isoDaySchema("วันที่เลิกใช้งาน") }),
  z.object({ organizationId: idSchema, reason: z.literal("MERGED"), endedAt: isoDaySchema("วันที่เลิกใช้งาน"), mergedIntoDlaCode: ZDlaCode }),
], { error: "กรุณาเลือกเหตุที่เลิกใช้งาน" });

export const ZOrganizationSearch = z.strictObject({
  search: z.string().trim().max(100).default(""),
  provinceId: idSchema.optional(),
  districtId: idSchema.optional(),
  includeInactive: z.boolean().default(false),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});

/** The code is already used: a clear message instead of Prisma's. */
async function uniqueOr<T>(write: () => Promise<T>, message: string): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("CONFLICT", message);
    throw error;
  }
}

const today = () => new Date(new Date().toISOString().slice(0, 10));

// ── Lists ──────────────────────────────────────────────────────────────────────────────

function organizationsInScope(scope: AdminScope): Prisma.LocalOrganizationWhereInput {
  return scope.kind === "national" ? {} : { district: { provinceId: { in: scope.provinceIds } } };
}

/** One page of the organisations in scope, searched by name or DLA code. */
export async function listOrganizations({ db, actor, input: rawInput }: Omit<Call<z.input<typeof ZOrganizationSearch>>, "db"> & { db: DbClient }) {
  const scope = adminScopeOf(actor, "node.administer");
  const input = ZOrganizationSearch.parse(rawInput);
  // A province or district filter outside the caller's scope is answered as a missing one.
  if (input.provinceId && scope.kind !== "national") requireProvinceInScope(scope, input.provinceId);
  if (input.districtId && scope.kind !== "national") await districtInScope(db, scope, input.districtId);
  const search = normaliseThaiText(thaiDigitsToArabic(input.search));
  const where: Prisma.LocalOrganizationWhereInput = {
    AND: [
      organizationsInScope(scope),
      input.includeInactive ? {} : { active: true },
      input.provinceId ? { district: { provinceId: input.provinceId } } : {},
      input.districtId ? { districtId: input.districtId } : {},
      search ? { OR: [{ nameTh: { contains: search, mode: "insensitive" } }, { dlaCode: { startsWith: search } }] } : {},
    ],
  };
  const [total, rows] = await Promise.all([
    db.localOrganization.count({ where }),
    db.localOrganization.findMany({
      where,
      orderBy: [{ district: { province: { code: "asc" } } }, { district: { code: "asc" } }, { nameTh: "asc" }, { id: "asc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: {
        id: true,
        dlaCode: true,
        nameTh: true,
        type: true,
        active: true,
        endedAt: true,
        endReason: true,
        mergedInto: { select: { nameTh: true, dlaCode: true } },
        district: { select: { id: true, nameTh: true, province: { select: { id: true, nameTh: true } } } },
      },
    }),
  ]);
  return { rows, total, page: input.page, pageSize: input.pageSize };
}

/** Provinces in scope with their districts (a province has at most about 50). */
export async function listAreas({ db, actor }: { db: DbClient; actor: Call<unknown>["actor"] }) {
  const scope = adminScopeOf(actor, "node.administer");
  return db.province.findMany({
    where: scope.kind === "national" ? {} : { id: { in: scope.provinceIds } },
    orderBy: { code: "asc" },
    select: {
      id: true,
      code: true,
      nameTh: true,
      abbreviation: true,
      districts: { orderBy: { code: "asc" }, select: { id: true, code: true, nameTh: true, _count: { select: { organizations: true } } } },
    },
  });
}

// ── Provinces and districts ───────────────────────────────────────────────────────────

export async function createProvince({ db, actor, input: rawInput, request }: Call<z.input<typeof ZProvinceInput>>) {
  const scope = adminScopeOf(actor, "node.administer");
  if (scope.kind !== "national") throw new AppError("FORBIDDEN", "เฉพาะผู้ดูแลระบบระดับประเทศเพิ่มจังหวัดได้");
  const input = ZProvinceInput.parse(rawInput);
  return uniqueOr(
    () =>
      db.$transaction(async (tx) => {
        const province = await tx.province.create({ data: input });
        await recordAudit(tx, { actor, request, action: "province.create", entityType: "Province", entityId: province.id, scope: { provinceId: province.id }, after: province });
        return province;
      }),
    `รหัสจังหวัด ${input.code} มีอยู่แล้ว`,
  );
}

export async function updateProvince({ db, actor, input: rawInput, request }: Call<z.input<typeof ZProvinceInput> & { provinceId: string }>) {
  const scope = adminScopeOf(actor, "node.administer");
  requireProvinceInScope(scope, rawInput.provinceId);
  const input = ZProvinceInput.parse(rawInput);
  return uniqueOr(
    () =>
      db.$transaction(async (tx) => {
        const before = await tx.province.findUnique({ where: { id: rawInput.provinceId } });
        if (!before) throw new AppError("NOT_FOUND", NOT_FOUND_OR_FORBIDDEN);
        const after = await tx.province.update({ where: { id: before.id }, data: input });
        await recordAudit(tx, { actor, request, action: "province.update", entityType: "Province", entityId: before.id, scope: { provinceId: before.id }, before, after });
        return after;
      }),
    `รหัสจังหวัด ${input.code} เป็นของจังหวัดอื่นแล้ว`,
  );
}

export async function createDistrict({ db, actor, input: rawInput, request }: Call<z.input<typeof ZDistrictInput>>) {
  const scope = adminScopeOf(actor, "node.administer");
  const input = ZDistrictInput.parse(rawInput);
  requireProvinceInScope(scope, input.provinceId);
  return uniqueOr(
    () =>
      db.$transaction(async (tx) => {
        if (!(await tx.province.count({ where: { id: input.provinceId } }))) throw new AppError("NOT_FOUND", NOT_FOUND_OR_FORBIDDEN);
        const district = await tx.district.create({ data: input });
        await recordAudit(tx, { actor, request, action: "district.create", entityType: "District", entityId: district.id, scope: { districtId: district.id, provinceId: district.provinceId }, after: district });
        return district;
      }),
    `รหัสอำเภอ ${input.code} มีอยู่แล้ว`,
  );
}

/** Renames a district, changes its code, or moves it to another province (both administered). */
export async function updateDistrict({ db, actor, input: rawInput, request }: Call<z.input<typeof ZDistrictInput> & { districtId: string }>) {
  const scope = adminScopeOf(actor, "node.administer");
  const input = ZDistrictInput.parse(rawInput);
  requireProvinceInScope(scope, input.provinceId);
  return uniqueOr(
    () =>
      db.$transaction(async (tx) => {
        const before = await tx.district.findUnique({ where: { id: rawInput.districtId } });
        if (!before || !coversProvince(scope, before.provinceId)) throw new AppError("NOT_FOUND", NOT_FOUND_OR_FORBIDDEN);
        if (!(await tx.province.count({ where: { id: input.provinceId } }))) throw new AppError("NOT_FOUND", NOT_FOUND_OR_FORBIDDEN);
        const after = await tx.district.update({ where: { id: before.id }, data: input });
        await recordAudit(tx, { actor, request, action: "district.update", entityType: "District", entityId: before.id, scope: { districtId: before.id, provinceId: after.provinceId }, before, after });
        return after;
      }),
    `รหัสอำเภอ ${input.code} เป็นของอำเภออื่นแล้ว`,
  );
}

// ── Organisations ─────────────────────────────────────────────────────────────────────

async function districtInScope(tx: DbClient, scope: AdminScope, districtId: string) {
  const district = await tx.district.findUnique({ where: { id: districtId }, select: { id: true, provinceId: true } });
  if (!district || !coversProvince(scope, district.provinceId)) throw new AppError("NOT_FOUND", "ไม่พบอำเภอที่เลือก หรืออยู่นอกเขตที่ท่านดูแล");
  return district;
}

async function organizationInScope(tx: DbClient, scope: AdminScope, organizationId: string) {
  const organization = await tx.localOrganization.findUnique({ where: { id: organizationId }, include: { district: { select: { provinceId: true } } } });
  if (!organization || !coversProvince(scope, organization.district.provinceId)) throw new AppError("NOT_FOUND", NOT_FOUND_OR_FORBIDDEN);
  return organization;
}

export async function createOrganization({ db, actor, input: rawInput, request }: Call<z.input<typeof ZOrganizationInput>>) {
  const scope = adminScopeOf(actor, "node.administer");
  const input = ZOrganizationInput.parse(rawInput);
  return uniqueOr(
    () =>
      db.$transaction(async (tx) => {
        const district = await districtInScope(tx, scope, input.districtId);
        const organization = await tx.localOrganization.create({
          data: { ...input, typeHistory: { create: { type: input.type, nameTh: input.nameTh, validFrom: today() } } },
        });
        await recordAudit(tx, { actor, request, action: "organization.create", entityType: "LocalOrganization", entityId: organization.id, scope: { organizationId: organization.id, districtId: district.id, provinceId: district.provinceId }, after: organization });
        return organization;
      }),
    `รหัส อปท. ${input.dlaCode} มีอยู่แล้ว`,
  );
}

/** Renames, retypes (a new type period from effectiveFrom, one series) or moves an organisation. */
export async function updateOrganization({ db, actor, input: rawInput, request }: Call<z.input<typeof ZOrganizationUpdate>>) {
  const scope = adminScopeOf(actor, "node.administer");
  const input = ZOrganizationUpdate.parse(rawInput);
  return db.$transaction(async (tx) => {
    const before = await organizationInScope(tx, scope, input.organizationId);
    const district = await districtInScope(tx, scope, input.districtId);
    const after = await tx.localOrganization.update({
      where: { id: before.id },
      data: { nameTh: input.nameTh, type: input.type, districtId: district.id },
    });
    await recordTypeAndName(tx, before.id, {
      type: input.type,
      nameTh: input.nameTh,
      typeChanged: before.type !== input.type,
      effectiveFrom: input.effectiveFrom ? new Date(input.effectiveFrom) : today(),
    });
    const { district: _district, ...beforeRow } = before;
    await recordAudit(tx, { actor, request, action: "organization.update", entityType: "LocalOrganization", entityId: before.id, scope: { organizationId: before.id, districtId: district.id, provinceId: district.provinceId }, before: beforeRow, after });
    return after;
  });
}

/** Merged into another organisation or dissolved: kept, with its reports and results, but inactive. */
export async function deactivateOrganization({ db, actor, input: rawInput, request }: Call<z.input<typeof ZDeactivation>>) {
  const scope = adminScopeOf(actor, "node.administer");
  const input = ZDeactivation.parse(rawInput);
  return db.$transaction(async (tx) => {
    const before = await organizationInScope(tx, scope, input.organizationId);
    if (!before.active) throw new AppError("BAD_REQUEST", "อปท. นี้เลิกใช้งานอยู่แล้ว");
    let mergedIntoId: string | null = null;
    if (input.reason === "MERGED") {
      const target = await tx.localOrganization.findUnique({ where: { dlaCode: input.mergedIntoDlaCode }, include: { district: { select: { provinceId: true } } } });
      if (!target || !target.active || !coversProvince(scope, target.district.provinceId)) {
        throw new AppError("BAD_REQUEST", `ไม่พบ อปท. รหัส ${input.mergedIntoDlaCode} ที่ยังใช้งานอยู่ในเขตที่ท่านดูแล`);
      }
      if (target.id === before.id) throw new AppError("BAD_REQUEST", "อปท. ควบรวมกับตนเองไม่ได้");
      mergedIntoId = target.id;
    }
    const after = await tx.localOrganization.update({
      where: { id: before.id },
      data: { active: false, endedAt: new Date(input.endedAt), endReason: input.reason, mergedIntoId },
    });
    await tx.organizationTypePeriod.updateMany({ where: { organizationId: before.id, validTo: null }, data: { validTo: new Date(input.endedAt) } });
    const { district: _district, ...beforeRow } = before;
    await recordAudit(tx, { actor, request, action: "organization.deactivate", entityType: "LocalOrganization", entityId: before.id, scope: { organizationId: before.id, districtId: before.districtId, provinceId: before.district.provinceId }, before: beforeRow, after });
    return after;
  });
}
