// The optional district step (issue 14, item 7): a province that requires it has its district
// reviewer endorse each submission before its own reviewers may accept; a return clears the
// endorsement, so the next submission needs it again. Inboxes follow the step.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "./helpers/db";
import { callerFor, createWorld, type World } from "./helpers/fixtures";
import { prepareJourney, sendToProvince } from "./helpers/report-journey";

let database: TestDatabase;
let world: World;
let journey: Awaited<ReturnType<typeof prepareJourney>>;
const as = (userId: string) => callerFor(database.db, userId);

async function refusal(call: Promise<unknown>) {
  return call.then(
    () => null,
    (caught: { code: string; message: string }) => ({ code: caught.code, message: caught.message }),
  );
}

const reviewItems = async (userId: string) => (await as(userId).inbox.list()).filter((item) => item.kind === "review" && item.reportId === journey.reportId);

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database.db);
  journey = await prepareJourney(database.db, world);
});
afterAll(() => database.close());

describe("the district step", () => {
  it("only the province's administrators (or the country's) turn it on, audited", async () => {
    const denied = await refusal(as(world.users.provinceA.id).admin.setDistrictStep({ provinceId: world.provinces.A.id, required: true }));
    expect(denied?.code).toBe("FORBIDDEN");
    const foreign = await refusal(
      callerFor(database.db, (await database.db.user.create({ data: { username: "padmin.b", displayName: "b", passwordHash: "x", roles: { create: { role: "PROVINCE_ADMIN", provinceId: world.provinces.B.id } } } })).id)
        .admin.setDistrictStep({ provinceId: world.provinces.A.id, required: true }),
    );
    expect(foreign?.code).toBe("NOT_FOUND");
    await expect(as(world.users.provinceAdminA.id).admin.setDistrictStep({ provinceId: world.provinces.A.id, required: true })).resolves.toMatchObject({
      requireDistrictEndorsement: true,
    });
    const audit = await database.db.auditEvent.findFirstOrThrow({ where: { action: "province.district_step", entityId: world.provinces.A.id } });
    expect(audit.after).toEqual({ requireDistrictEndorsement: true });
  });

  it("a submission waits for the district: the province may comment and return but not accept", async () => {
    await sendToProvince(database.db, world, journey);
    const asProvince = await as(world.users.provinceA.id).report.get({ reportId: journey.reportId });
    expect(asProvince.districtStep).toBe("awaiting");
    expect(asProvince.actions).toEqual(["comment", "return"]);
    const refused = await refusal(as(world.users.provinceA.id).report.accept({ reportId: journey.reportId }));
    expect(refused).toEqual({ code: "FORBIDDEN", message: expect.stringMatching(/รอความเห็นชอบของอำเภอ/) });
    expect((await as(world.users.districtA1.id).report.get({ reportId: journey.reportId })).actions).toEqual(["comment", "return", "endorseForDistrict"]);
    expect(await reviewItems(world.users.districtA1.id)).toHaveLength(1);
    expect(await reviewItems(world.users.provinceA.id)).toHaveLength(0);
  });

  it("the district endorses once; then the province accepts, the district no longer can", async () => {
    await as(world.users.districtA1.id).report.endorseForDistrict({ reportId: journey.reportId, comment: "ครบถ้วน เสนอจังหวัด" });
    const again = await refusal(as(world.users.districtA1.id).report.endorseForDistrict({ reportId: journey.reportId }));
    expect(again?.code).toBe("FORBIDDEN");
    const report = await as(world.users.provinceA.id).report.get({ reportId: journey.reportId });
    expect(report.districtStep).toBe("endorsed");
    expect(report.districtEndorsedByName).toBe("district.a1");
    expect(report.comments.map((comment) => [comment.kind, comment.body])).toContainEqual(["DISTRICT_ENDORSE", "ครบถ้วน เสนอจังหวัด"]);
    expect(report.actions).toEqual(["comment", "return", "accept"]);
    expect((await as(world.users.districtA1.id).report.get({ reportId: journey.reportId })).actions).toEqual(["comment", "return"]);
    expect(await reviewItems(world.users.districtA1.id)).toHaveLength(0);
    expect(await reviewItems(world.users.provinceA.id)).toHaveLength(1);
    const told = await database.db.notification.findMany({ where: { reportId: journey.reportId, kind: "AWAITING_REVIEW", recipientId: world.users.provinceA.id } });
    expect(told.map((n) => n.title)).toContainEqual(expect.stringMatching(/อำเภอเห็นชอบ/));
  });

  it("a return clears the endorsement: the next submission waits for the district again", async () => {
    await as(world.users.provinceA.id).report.return({ reportId: journey.reportId, comment: "แก้ไขระยะเวลา" });
    const editor = as(world.users.editorA1.id);
    expect((await editor.report.get({ reportId: journey.reportId })).districtEndorsedAt).toBeNull();
    await sendToProvince(database.db, world, journey);
    expect((await as(world.users.provinceA.id).report.get({ reportId: journey.reportId })).districtStep).toBe("awaiting");
  });

  it("turned off, any reviewer of the area accepts as before", async () => {
    await as(world.users.admin.id).admin.setDistrictStep({ provinceId: world.provinces.A.id, required: false });
    const report = await as(world.users.districtA1.id).report.get({ reportId: journey.reportId });
    expect(report.districtStep).toBe("off");
    expect(report.actions).toEqual(["comment", "return", "accept"]);
    await as(world.users.districtA1.id).report.accept({ reportId: journey.reportId });
    expect((await as(world.users.editorA1.id).report.get({ reportId: journey.reportId })).status).toBe("ACCEPTED");
  });
});
