// The registry on a real database: a file's dry run writes nothing, applying writes the valid rows
// in one transaction with one audit event, the same file again changes nothing, and changes keep
// one series per organisation (a new type opens a new period). Hand edits are audited and scoped.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importRegistry } from "@/server/services/registry/registry-import";
import { callerFor, refusal, worldForThisFile } from "./helpers/fixtures";

const context = worldForThisFile();
const fixture = new Uint8Array(fs.readFileSync(path.join(__dirname, "../fixtures/registry-nakhon-thodlong.csv")));
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");
const utf8 = (text: string) => new TextEncoder().encode(text);

const snapshot = async () => {
  const db = context.database.db;
  return {
    provinces: await db.province.count(),
    districts: await db.district.count(),
    organizations: await db.localOrganization.count(),
    periods: await db.organizationTypePeriod.count(),
    audit: await db.auditEvent.count(),
  };
};

describe("registry import", () => {
  it("a dry run lists 98 new rows, the province and six districts it would create, and two invalid rows, and writes nothing", async () => {
    const before = await snapshot();
    const admin = callerFor(context.database.db, context.world.users.admin.id);
    const result = await admin.registry.import({ fileName: "registry.csv", contentBase64: base64(fixture) });
    expect(result.applied).toBe(false);
    expect(result.counts).toEqual({ new: 98, changed: 0, unchanged: 0, invalid: 2, newDistricts: 6, newProvinces: 1 });
    expect(result.newProvinces).toEqual([expect.objectContaining({ nameTh: "นครทดลอง" })]);
    expect(result.newDistricts.map((district) => district.nameTh)).toContain("เมืองนครทดลอง");
    expect(result.invalidRows).toEqual([
      { line: 42, column: "รหัส อปท.", reason: 'รหัส อปท. "06997" ต้องเป็นตัวเลข 8 หลัก' },
      { line: 72, column: "ประเภท", reason: expect.stringContaining('ไม่รู้จักประเภท "อบล."') },
    ]);
    expect(result.newRows[0]).toMatchObject({ line: 2, dlaCode: "02990101", nameTh: "องค์การบริหารส่วนจังหวัดนครทดลอง", type: "PAO" });
    expect(await snapshot()).toEqual(before);
  });

  it("applying writes the valid rows with a type period each and one audit event with the counts; the same file again changes nothing", async () => {
    const db = context.database.db;
    const admin = callerFor(db, context.world.users.admin.id);
    const before = await snapshot();
    const applied = await admin.registry.import({ fileName: "registry.csv", contentBase64: base64(fixture), apply: true });
    expect(applied.counts).toMatchObject({ new: 98, invalid: 2 });
    expect(await snapshot()).toEqual({
      provinces: before.provinces + 1,
      districts: before.districts + 6,
      organizations: before.organizations + 98,
      periods: before.periods + 98,
      audit: before.audit + 1,
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "registry.import" } });
    expect(audit).toMatchObject({ actorId: context.world.users.admin.id, ipAddress: "203.0.113.9" });
    expect(audit.after).toMatchObject({ fileName: "registry.csv", counts: { new: 98, invalid: 2, newProvinces: 1, newDistricts: 6 } });
    // Normalised on the way in: composed sara am, trimmed, Thai digits.
    const tungthong = await db.localOrganization.findUniqueOrThrow({ where: { dlaCode: "05990103" }, include: { district: true } });
    expect(tungthong).toMatchObject({ nameTh: "เทศบาลตำบลทุ่งทอง", type: "SUBDISTRICT_MUNICIPALITY" });
    expect(tungthong.district.nameTh).toBe("เมืองนครทดลอง");

    const afterFirst = await snapshot();
    const again = await admin.registry.import({ fileName: "registry.csv", contentBase64: base64(fixture), apply: true });
    expect(again.counts).toEqual({ new: 0, changed: 0, unchanged: 98, invalid: 2, newDistricts: 0, newProvinces: 0 });
    // Only the second import's audit event.
    expect(await snapshot()).toEqual({ ...afterFirst, audit: afterFirst.audit + 1 });
  });

  it("a changed file renames, moves and upgrades an organisation in one series, and reactivates a deactivated one", async () => {
    const db = context.database.db;
    const admin = callerFor(db, context.world.users.admin.id);
    const header = "รหัส อปท.,ชื่อ อปท.,ประเภท,อำเภอ,จังหวัด\n";
    const upgraded = await db.localOrganization.findUniqueOrThrow({ where: { dlaCode: "06990104" } });
    await admin.registry.deactivateOrganization({ organizationId: upgraded.id, reason: "DISSOLVED", endedAt: "2026-01-31" });
    const file = utf8(`${header}06990104,เทศบาลตำบลบ้านใหม่,ทต.,บางทดสอบ,นครทดลอง\n`);
    const dryRun = await admin.registry.import({ fileName: "upgrade.csv", contentBase64: base64(file) });
    expect(dryRun.changedRows).toEqual([
      expect.objectContaining({
        dlaCode: "06990104",
        changes: [
          { field: "ชื่อ", from: "องค์การบริหารส่วนตำบลบ้านใหม่", to: "เทศบาลตำบลบ้านใหม่" },
          { field: "ประเภท", from: "อบต.", to: "ทต." },
          { field: "อำเภอ", from: "เมืองนครทดลอง", to: "บางทดสอบ" },
          { field: "สถานะ", from: "เลิกใช้งาน", to: "ใช้งาน" },
        ],
      }),
    ]);
    await admin.registry.import({ fileName: "upgrade.csv", contentBase64: base64(file), apply: true });
    const after = await db.localOrganization.findUniqueOrThrow({
      where: { id: upgraded.id },
      include: { typeHistory: { orderBy: { validFrom: "asc" } }, district: true },
    });
    expect(after).toMatchObject({ nameTh: "เทศบาลตำบลบ้านใหม่", type: "SUBDISTRICT_MUNICIPALITY", active: true, endReason: null });
    expect(after.district.nameTh).toBe("บางทดสอบ");
    expect(after.typeHistory.map((period) => [period.type, period.nameTh, period.validTo === null])).toEqual([
      ["SAO", "องค์การบริหารส่วนตำบลบ้านใหม่", false],
      ["SUBDISTRICT_MUNICIPALITY", "เทศบาลตำบลบ้านใหม่", true],
    ]);
  });

  it("refuses a file it cannot read in Thai, writing nothing", async () => {
    const before = await snapshot();
    const admin = callerFor(context.database.db, context.world.users.admin.id);
    const error = await refusal(admin.registry.import({ fileName: "x.csv", contentBase64: base64(utf8("ชื่อ,อำเภอ\nก,ข\n")), apply: true }));
    expect(error).toMatchObject({ code: "BAD_REQUEST", message: "ไม่พบคอลัมน์ รหัส อปท., ประเภท, จังหวัด ในแถวหัวตาราง (แถวแรกของไฟล์)" });
    expect(await snapshot()).toEqual(before);
  });

  it("the command line's service call imports as the country's administrator", async () => {
    const result = await importRegistry({
      db: context.database.db,
      actor: null,
      input: { fileName: "cli.csv", bytes: utf8("code,name,type,district,province\n06920199,อบต.บีสอง,อบต.,ข-หนึ่ง,จังหวัดทดสอบข\n"), apply: false },
    });
    // An existing district matched by name within its province; the province by name without "จังหวัด".
    expect(result.counts).toMatchObject({ new: 1, newDistricts: 0, newProvinces: 0 });
  });
});

describe("registry edits", () => {
  it("creates, renames and moves provinces, districts and organisations with audit events, refusing duplicates in Thai", async () => {
    const db = context.database.db;
    const admin = callerFor(db, context.world.users.admin.id);
    const province = await admin.registry.createProvince({ code: "๙๓", nameTh: "จังหวัดทดสอบค", abbreviation: "คค" });
    expect(province).toMatchObject({ code: "93", nameTh: "ทดสอบค" });
    expect(await refusal(admin.registry.createProvince({ code: "93", nameTh: "ซ้ำ" }))).toMatchObject({ code: "CONFLICT", message: "รหัสจังหวัด 93 มีอยู่แล้ว" });
    const district = await admin.registry.createDistrict({ provinceId: province.id, code: "9301", nameTh: "อำเภอค-หนึ่ง" });
    expect(district.nameTh).toBe("ค-หนึ่ง");
    const organization = await admin.registry.createOrganization({ dlaCode: "06930101", nameTh: "องค์การบริหารส่วนตำบลคหนึ่ง", type: "SAO", districtId: district.id });
    expect(await refusal(admin.registry.createOrganization({ dlaCode: "06930101", nameTh: "ซ้ำ", type: "SAO", districtId: district.id }))).toMatchObject({
      code: "CONFLICT",
      message: "รหัส อปท. 06930101 มีอยู่แล้ว",
    });
    await admin.registry.updateDistrict({ districtId: context.world.districts.B1.id, provinceId: province.id, code: "9201", nameTh: "ข-หนึ่ง" });
    expect((await db.district.findUniqueOrThrow({ where: { id: context.world.districts.B1.id } })).provinceId).toBe(province.id);
    await admin.registry.updateDistrict({ districtId: context.world.districts.B1.id, provinceId: context.world.provinces.B.id, code: "9201", nameTh: "ข-หนึ่ง" });
    await admin.registry.updateOrganization({ organizationId: organization.id, nameTh: "เทศบาลตำบลคหนึ่ง", type: "SUBDISTRICT_MUNICIPALITY", districtId: district.id, effectiveFrom: "2025-10-01" });
    const periods = await db.organizationTypePeriod.findMany({ where: { organizationId: organization.id }, orderBy: { validFrom: "asc" } });
    // Created today and upgraded from an earlier day: the one period is corrected, not split.
    expect(periods.map((period) => period.type)).toEqual(["SUBDISTRICT_MUNICIPALITY"]);
    const actions = (await db.auditEvent.findMany({ where: { entityId: { in: [province.id, district.id, organization.id] } }, orderBy: { createdAt: "asc" } })).map((event) => event.action);
    expect(actions).toEqual(["province.create", "district.create", "organization.create", "organization.update"]);
  });

  it("merges an organisation into another, keeping it and its history; bad input answers in Thai and writes nothing", async () => {
    const db = context.database.db;
    const admin = callerFor(db, context.world.users.admin.id);
    const before = await snapshot();
    expect(await refusal(admin.registry.deactivateOrganization({ organizationId: context.world.organizations.A1b.id, reason: "MERGED", endedAt: "2026-03-01", mergedIntoDlaCode: "99999999" }))).toMatchObject({
      code: "BAD_REQUEST",
      message: "ไม่พบ อปท. รหัส 99999999 ที่ยังใช้งานอยู่ในเขตที่ท่านดูแล",
    });
    expect(await refusal(admin.registry.deactivateOrganization({ organizationId: context.world.organizations.A1b.id, reason: "DISSOLVED", endedAt: "31/02/2569" }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await refusal(admin.registry.deactivateOrganization({ organizationId: context.world.organizations.A1b.id, reason: "DISSOLVED", endedAt: "2026-02-30" }))).toMatchObject({
      code: "BAD_REQUEST",
      message: "วันที่เลิกใช้งานไม่ใช่วันที่ที่มีอยู่จริง (ไม่มีวันที่ 30 กุมภาพันธ์ 2569)",
    });
    expect(await snapshot()).toEqual(before);
    await db.localOrganization.update({ where: { id: context.world.organizations.A1.id }, data: { dlaCode: "06910101" } });
    await admin.registry.deactivateOrganization({ organizationId: context.world.organizations.A1b.id, reason: "MERGED", endedAt: "2026-03-01", mergedIntoDlaCode: "06910101" });
    const merged = await db.localOrganization.findUniqueOrThrow({ where: { id: context.world.organizations.A1b.id } });
    expect(merged).toMatchObject({ active: false, endReason: "MERGED", mergedIntoId: context.world.organizations.A1.id });
    const listed = await admin.registry.organizations({ search: "เอหนึ่ง" });
    expect(listed.rows.map((row) => row.id)).toEqual([context.world.organizations.A1.id]);
    const withInactive = await admin.registry.organizations({ search: "เอหนึ่ง", includeInactive: true });
    expect(withInactive.total).toBe(2);
  });

  it("lists organisations a page at a time, searched by name or code", async () => {
    const admin = callerFor(context.database.db, context.world.users.admin.id);
    const page1 = await admin.registry.organizations({ search: "นครทดลอง", pageSize: 1 });
    expect(page1.total).toBe(2); // อบจ. and ทม. of นครทดลอง
    const page2 = await admin.registry.organizations({ search: "นครทดลอง", pageSize: 1, page: 2 });
    expect(page2.rows[0]!.id).not.toBe(page1.rows[0]!.id);
    expect((await admin.registry.organizations({ search: "๐๕๙๙๐๑๐๓" })).rows.map((row) => row.dlaCode)).toEqual(["05990103"]);
  });
});
