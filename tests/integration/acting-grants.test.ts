// Acting authority (ปฏิบัติหน้าที่), as the seed memo's ปลัด signs the นายก's step: the
// organisation's head or its province's administrators grant it for a period; in force, it
// counts as a signer of its step and its holder picks it when signing; the sign-off and the memo
// PDF say "ปฏิบัติหน้าที่นายก…" under the signer's own position. Outside its period or revoked it
// does nothing. Every grant and revocation is audited.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { thaiToday } from "@/server/domain/report-rules";
import { renderReportPdf } from "@/server/services/exports/report-pdf";
import { callerFor, refusal, worldForThisFile } from "./helpers/fixtures";
import { prepareJourney } from "./helpers/report-journey";

const context = worldForThisFile();
let journey: Awaited<ReturnType<typeof prepareJourney>>;

/** A Thai calendar day `days` from today, "YYYY-MM-DD". */
const dayFromToday = (days: number) => {
  const today = new Date(`${thaiToday()}T00:00:00Z`);
  return new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);
};

beforeAll(async () => {
  journey = await prepareJourney(context.database.db, context.world);
  // A1's นายก has left: nobody signs its step until the ปลัด is granted it.
  await context.database.db.user.update({ where: { id: journey.people.executive }, data: { disabled: true } });
});

const signersOfExecutive = async (userId: string) =>
  (await callerFor(context.database.db, userId).report.signers({ reportId: journey.reportId })).chain.find((entry) => entry.step === "EXECUTIVE")!.signers.map((signer) => signer.userId);

describe("granting", () => {
  it("only the organisation's ปลัด or นายก and the province's administrators grant; a head of office, a preparer or a reviewer is refused in Thai", async () => {
    const input = { organizationId: context.world.organizations.A1.id, userId: journey.people.chief, step: "EXECUTIVE" as const, validFrom: dayFromToday(-30), validTo: dayFromToday(-1) };
    for (const userId of [context.world.users.signerA1.id, context.world.users.editorA1.id, context.world.users.provinceA.id]) {
      const error = await refusal(callerFor(context.database.db, userId).organization.grantActing(input));
      expect(error.code).toBe("FORBIDDEN");
      expect(error.message).toContain("มอบหรือยกเลิกการปฏิบัติหน้าที่ได้เฉพาะนายก ปลัด");
    }
    expect((await context.database.db.actingGrant.count())).toBe(0);
    // The province's administrator grants one that has already ended (yesterday).
    await callerFor(context.database.db, context.world.users.provinceAdminA.id).organization.grantActing(input);
  });

  it("refuses a period that runs backwards, a step the person already signs and someone from elsewhere", async () => {
    const chief = callerFor(context.database.db, journey.people.chief);
    const organizationId = context.world.organizations.A1.id;
    const base = { organizationId, userId: journey.people.chief, step: "EXECUTIVE" as const, validFrom: dayFromToday(0), validTo: dayFromToday(30) };
    expect((await refusal(chief.organization.grantActing({ ...base, validFrom: dayFromToday(5), validTo: dayFromToday(1) }))).message).toBe("วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่ม");
    expect((await refusal(chief.organization.grantActing({ ...base, step: "CHIEF_ADMINISTRATOR" }))).message).toBe("ผู้นี้ลงนามในขั้นปลัดได้อยู่แล้ว ไม่ต้องมอบให้ปฏิบัติหน้าที่");
    expect((await refusal(chief.organization.grantActing({ ...base, userId: journey.people.headOfA1b }))).message).toBe("ผู้นี้ต้องเป็นบุคลากรขององค์กรนี้ที่ยังใช้งานอยู่".replace("ผู้นี้", "ผู้รับมอบ"));
  });

  it("a grant outside its period is not a signer and is not offered; in force it is, and the ปลัด signs the นายก's step choosing it", async () => {
    const db = context.database.db;
    const editor = callerFor(db, context.world.users.editorA1.id);
    // A caller is one request: its access is read once, so each step below is a new one.
    const chief = () => callerFor(db, journey.people.chief);
    const { version } = await editor.report.get({ reportId: journey.reportId });
    await editor.report.submit({ reportId: journey.reportId, baseVersion: version });
    await callerFor(db, context.world.users.signerA1.id).report.endorse({ reportId: journey.reportId });
    // The ended grant (yesterday) and one starting tomorrow count for nothing.
    await chief().organization.grantActing({ organizationId: context.world.organizations.A1.id, userId: journey.people.chief, step: "EXECUTIVE", validFrom: dayFromToday(1), validTo: dayFromToday(10) });
    expect(await signersOfExecutive(journey.people.chief)).toEqual([]);
    expect((await chief().report.signers({ reportId: journey.reportId })).mine).toEqual([{ step: "CHIEF_ADMINISTRATOR", actingGrantId: null, actingPosition: null }]);
    const report = await chief().report.get({ reportId: journey.reportId });
    expect(report.status).toBe("IN_SIGN_OFF");
    await chief().report.endorse({ reportId: journey.reportId, step: "CHIEF_ADMINISTRATOR", actingGrantId: null });
    const refused = await refusal(chief().report.endorse({ reportId: journey.reportId, step: "EXECUTIVE" }));
    expect(refused.code).toBe("FORBIDDEN");

    // In force from today: the chain counts the ปลัด at the นายก's step, and the ปลัด is offered it.
    const granted = await chief().organization.grantActing({
      organizationId: context.world.organizations.A1.id,
      userId: journey.people.chief,
      step: "EXECUTIVE",
      validFrom: dayFromToday(0),
      validTo: dayFromToday(0),
    });
    expect(await signersOfExecutive(context.world.users.editorA1.id)).toEqual([journey.people.chief]);
    const mine = (await chief().report.signers({ reportId: journey.reportId })).mine;
    expect(mine).toEqual([
      { step: "CHIEF_ADMINISTRATOR", actingGrantId: null, actingPosition: null },
      { step: "EXECUTIVE", actingGrantId: granted.id, actingPosition: `ปฏิบัติหน้าที่นายก${context.world.organizations.A1.nameTh}` },
    ]);
    // Signing a step that is not the one awaited, or as oneself where one only acts, is refused.
    expect((await refusal(chief().report.endorse({ reportId: journey.reportId, step: "CHIEF_ADMINISTRATOR" }))).code).toBe("CONFLICT");
    expect((await refusal(chief().report.endorse({ reportId: journey.reportId, step: "EXECUTIVE", actingGrantId: null }))).code).toBe("FORBIDDEN");
    await chief().report.endorse({ reportId: journey.reportId, step: "EXECUTIVE", actingGrantId: granted.id, comment: "รับทราบ เห็นควรเผยแพร่" });

    const signed = await chief().report.get({ reportId: journey.reportId });
    expect(signed.status).toBe("SUBMITTED");
    const chiefRow = await db.user.findUniqueOrThrow({ where: { id: journey.people.chief } });
    expect(signed.signOffs.filter((signOff) => signOff.decision === "ENDORSED").map((signOff) => [signOff.step, signOff.signerId, signOff.actingPosition])).toEqual([
      ["HEAD_OF_OFFICE", context.world.users.signerA1.id, null],
      ["CHIEF_ADMINISTRATOR", chiefRow.id, null],
      ["EXECUTIVE", chiefRow.id, `ปฏิบัติหน้าที่นายก${context.world.organizations.A1.nameTh}`],
    ]);

    // The memo prints the acting line under the signer's own position, as the seed memo does.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "acting-")), "memo.pdf");
    fs.writeFileSync(file, await renderReportPdf(signed, { digits: "arabic" }));
    const lines = execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", file, "-"], { encoding: "utf8" }).split("\n").map((line) => line.trim());
    const acting = lines.indexOf(`ปฏิบัติหน้าที่นายก${context.world.organizations.A1.nameTh}`);
    expect(acting).toBeGreaterThan(0);
    expect(lines.slice(acting - 2, acting + 1)).toEqual([`(${signed.signOffs.at(-1)!.signerName})`, signed.signOffs.at(-1)!.signerPosition, `ปฏิบัติหน้าที่นายก${context.world.organizations.A1.nameTh}`]);
  });

  it("the people page lists every grant with its state; a revocation is kept, audited, and ends the grant's effect", async () => {
    const db = context.database.db;
    const admin = callerFor(db, context.world.users.provinceAdminA.id);
    const people = await callerFor(db, context.world.users.districtA1.id).organization.people({ organizationId: context.world.organizations.A1.id });
    expect(people.mayManage).toBe(false);
    expect(people.actingGrants.map((grant) => grant.state).sort()).toEqual(["ENDED", "IN_FORCE", "NOT_YET"]);
    const inForce = people.actingGrants.find((grant) => grant.state === "IN_FORCE")!;
    expect((await admin.organization.people({ organizationId: context.world.organizations.A1.id })).mayManage).toBe(true);
    await admin.organization.revokeActing({ organizationId: context.world.organizations.A1.id, grantId: inForce.id });
    expect((await refusal(admin.organization.revokeActing({ organizationId: context.world.organizations.A1.id, grantId: inForce.id }))).message).toBe("การมอบหมายนี้ถูกยกเลิกไปแล้ว");
    // Another organisation's id names nothing here.
    expect((await refusal(admin.organization.revokeActing({ organizationId: context.world.organizations.A2.id, grantId: inForce.id }))).code).toBe("NOT_FOUND");
    const after = await admin.organization.people({ organizationId: context.world.organizations.A1.id });
    expect(after.actingGrants.find((grant) => grant.id === inForce.id)).toMatchObject({ state: "REVOKED", revokedBy: expect.any(String) });
    expect(await signersOfExecutive(context.world.users.editorA1.id)).toEqual([]);
    const audit = await db.auditEvent.findMany({ where: { entityType: "ActingGrant" }, orderBy: { createdAt: "asc" } });
    expect(audit.map((event) => event.action)).toEqual(["actingGrant.create", "actingGrant.create", "actingGrant.create", "actingGrant.revoke"]);
    expect(audit.every((event) => event.organizationId === context.world.organizations.A1.id)).toBe(true);
  });
});
