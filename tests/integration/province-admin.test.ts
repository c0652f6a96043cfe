// A province administrator (สถจ.) runs its own province: the national administrator creates the
// province and its administrator; that administrator imports the registry and the accounts,
// extends the province's deadline, and sees and changes nothing of another province.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, refusal, worldForThisFile } from "./helpers/fixtures";

const context = worldForThisFile();
const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "../fixtures", name)).toString("base64");

let provinceId = "";
let provinceAdminId = "";
const caller = (userId: string) => callerFor(context.database.db, userId);

beforeAll(async () => {
  const admin = caller(context.world.users.admin.id);
  provinceId = (await admin.registry.createProvince({ code: "99", nameTh: "นครทดลอง", abbreviation: "นท" })).id;
  const created = await admin.admin.createUser({
    username: "sthj.nakhon",
    displayName: "สมศักดิ์ ดูแลดี",
    position: "ท้องถิ่นจังหวัดนครทดลอง",
    roles: [{ role: "PROVINCE_ADMIN", provinceId }],
  });
  provinceAdminId = created.id;
});

describe("a province administrator", () => {
  it("imports the province's registry: the dry run writes nothing, applying writes it, the same file again changes nothing", async () => {
    const db = context.database.db;
    const provinceAdmin = caller(provinceAdminId);
    const before = await db.localOrganization.count();
    const dryRun = await provinceAdmin.registry.import({ fileName: "registry.csv", contentBase64: fixture("registry-nakhon-thodlong.csv") });
    expect(dryRun.counts).toEqual({ new: 98, changed: 0, unchanged: 0, invalid: 2, newDistricts: 6, newProvinces: 0 });
    expect(await db.localOrganization.count()).toBe(before);
    await provinceAdmin.registry.import({ fileName: "registry.csv", contentBase64: fixture("registry-nakhon-thodlong.csv"), apply: true });
    expect(await db.localOrganization.count({ where: { district: { provinceId } } })).toBe(98);
    const again = await provinceAdmin.registry.import({ fileName: "registry.csv", contentBase64: fixture("registry-nakhon-thodlong.csv"), apply: true });
    expect(again.counts).toMatchObject({ new: 0, changed: 0, unchanged: 98 });
  });

  it("imports accounts of its organisations and lists only the accounts of its province", async () => {
    const provinceAdmin = caller(provinceAdminId);
    const imported = await provinceAdmin.admin.importAccounts({ fileName: "accounts.csv", contentBase64: fixture("accounts-nakhon-thodlong.csv"), apply: true });
    expect(imported.applied).toBe(true);
    expect(imported.passwordLinks.length).toBeGreaterThan(0);
    const listed = await provinceAdmin.admin.users({ pageSize: 100 });
    const usernames = listed.rows.map((user) => user.username);
    expect(usernames).toContain("banmai.editor");
    expect(usernames).toContain("sthj.nakhon");
    for (const foreign of ["editor.a1", "province.a", "admin.test", "province-admin.a"]) expect(usernames).not.toContain(foreign);
  });

  it("extends its own province's deadline, and cannot reach another province's", async () => {
    const provinceAdmin = caller(provinceAdminId);
    const deadlines = await provinceAdmin.framework.deadlines({ yearBe: 2568 });
    expect(deadlines.provinces.map((province) => province.id)).toEqual([provinceId]);
    await provinceAdmin.framework.extendDeadline({ yearBe: 2568, provinceId, deadline: "2026-03-31", reason: "น้ำท่วม" });
    expect(await context.database.db.deadlineExtension.count({ where: { provinceId } })).toBe(1);
    expect((await refusal(provinceAdmin.framework.extendDeadline({ yearBe: 2568, provinceId: context.world.provinces.A.id, deadline: "2026-03-31" }))).code).toBe("NOT_FOUND");
  });

  it("makes no administrators and changes no year's framework", async () => {
    const provinceAdmin = caller(provinceAdminId);
    const editor = await context.database.db.user.findUniqueOrThrow({ where: { username: "banmai.editor" } });
    for (const grant of [{ role: "ADMIN" as const }, { role: "PROVINCE_ADMIN" as const, provinceId }]) {
      expect((await refusal(provinceAdmin.admin.grantRole({ userId: editor.id, grant }))).code).toBe("FORBIDDEN");
    }
    expect((await refusal(provinceAdmin.framework.copyYear({ fromYearBe: 2568 }))).code).toBe("FORBIDDEN");
    expect((await refusal(provinceAdmin.registry.createProvince({ code: "98", nameTh: "อีกจังหวัด" }))).code).toBe("FORBIDDEN");
  });

  it("is invisible to the administrator of another province, and sees nothing of it", async () => {
    const otherAdmin = caller(context.world.users.provinceAdminA.id);
    const organizations = await otherAdmin.registry.organizations({ search: "นครทดลอง", includeInactive: true, pageSize: 100 });
    expect(organizations.total).toBe(0);
    expect((await otherAdmin.admin.users({ search: "banmai", pageSize: 100 })).total).toBe(0);
    expect((await refusal(otherAdmin.registry.organizations({ provinceId }))).code).toBe("NOT_FOUND");
    expect((await otherAdmin.admin.provinces()).map((province) => province.id)).toEqual([context.world.provinces.A.id]);
    const mine = await caller(provinceAdminId).admin.provinces();
    expect(mine.map((province) => province.id)).toEqual([provinceId]);
  });
});
