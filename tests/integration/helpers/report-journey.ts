// A report of organisation A1 (fiscal year 2568) ready to go up the sign-off chain, and the
// people around it: the three signers of A1, a second preparer of A1, and people who must not
// hear of A1's report (a signer of A1b, a disabled preparer of A1).
import { randomUUID } from "node:crypto";
import type { Db } from "@/server/db/client";
import { callerFor, TEST_PASSWORD, type World } from "./fixtures";

export async function prepareJourney(db: Db, world: World) {
  const person = (username: string, grant: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    db.user.create({ data: { username, displayName: username, passwordHash: TEST_PASSWORD, ...extra, roles: { create: grant as never } } });
  const people = {
    chief: (await person("chief.a1", { role: "ORG_SIGNER", organizationId: world.organizations.A1.id, signOffStep: "CHIEF_ADMINISTRATOR" })).id,
    executive: (await person("mayor.a1", { role: "ORG_SIGNER", organizationId: world.organizations.A1.id, signOffStep: "EXECUTIVE" })).id,
    secondEditor: (await person("editor2.a1", { role: "ORG_EDITOR", organizationId: world.organizations.A1.id })).id,
    headOfA1b: (await person("head.a1b", { role: "ORG_SIGNER", organizationId: world.organizations.A1b.id, signOffStep: "HEAD_OF_OFFICE" })).id,
    disabledEditor: (await person("gone.a1", { role: "ORG_EDITOR", organizationId: world.organizations.A1.id }, { disabled: true })).id,
  };
  const editor = callerFor(db, world.users.editorA1.id);
  const created = await editor.organization.createReport({ organizationId: world.organizations.A1.id, yearBe: 2568, copyFromPrevious: false });
  const report = await editor.report.get({ reportId: created.id });
  const measure = {
    id: randomUUID(),
    title: "มาตรการเผยแพร่ข้อมูล",
    steps: ["ขั้นที่หนึ่ง"],
    periodStart: "2024-10-01",
    periodEnd: "2025-09-30",
    responsibleUnits: ["สำนักปลัด"],
    resultItems: [{ text: "จัดทำคู่มือ", checked: true, standardItemId: null }],
    outcomes: ["ประชาชนเข้าถึงข้อมูล"],
    evidenceLinks: [],
  };
  // Meets the rules for sending (server/domain/report-rules.ts): a memo date in the year's window, its number pending on purpose.
  const header = { ...report.content.header, memoDate: "2025-10-15", documentNumberPending: true };
  const content = { header, issues: [{ id: randomUUID(), title: "ประเด็นความโปร่งใส", indicatorNumbers: [1], suggestedIssueId: null, measures: [measure] }] };
  const saved = await editor.report.saveDraft({ reportId: created.id, baseVersion: report.version, content });
  if (!saved.ok) throw new Error("the journey's report did not save");
  return { reportId: created.id, people, measureId: measure.id };
}

/** The preparer sends the report up and the three signers endorse it: it reaches the province. */
export async function sendToProvince(db: Db, world: World, journey: Awaited<ReturnType<typeof prepareJourney>>) {
  const editor = callerFor(db, world.users.editorA1.id);
  const { version } = await editor.report.get({ reportId: journey.reportId });
  await editor.report.submit({ reportId: journey.reportId, baseVersion: version });
  for (const signer of [world.users.signerA1.id, journey.people.chief, journey.people.executive]) {
    await callerFor(db, signer).report.endorse({ reportId: journey.reportId });
  }
}
