// Malformed input to any procedure that takes input gets a validation error and writes nothing.
import { expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { callerFor, worldForThisFile } from "./helpers/fixtures";

const context = worldForThisFile();

const MALFORMED = [
  undefined,
  null,
  "x",
  42,
  [],
  { organizationId: 12 },
  { area: { kind: "planet", id: "x" } },
  { userId: "" },
  { jobId: "" },
];

// Input that is bad only for one procedure: valid in every other part.
const MALFORMED_FOR: Record<string, unknown[]> = {
  "export.start": [
    { area: { kind: "national" }, yearBe: 2568, includeUnaccepted: true, format: "DOCX" },
    { area: { kind: "national" }, includeUnaccepted: true, format: "PDF" },
    { area: { kind: "national" }, yearBe: 2568, includeUnaccepted: "yes", format: "CSV" },
  ],
};

type Procedure = { _def: { inputs: unknown[] } };

it("every procedure with input refuses malformed input with BAD_REQUEST and writes nothing", async () => {
  const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, Procedure>).filter(
    ([, procedure]) => procedure._def.inputs.length > 0,
  );
  expect(procedures.length).toBeGreaterThan(5);
  const tables = async () =>
    Promise.all([
      context.database.db.user.count(),
      context.database.db.roleAssignment.count(),
      context.database.db.auditEvent.count(),
      context.database.db.localOrganization.count(),
      context.database.db.exportJob.count(),
    ]);
  const before = await tables();
  // An admin reaches every procedure's validation, so the refusal is about the input.
  const caller = callerFor(context.database.db, context.world.users.admin.id) as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
  for (const [path] of procedures) {
    const [router, name] = path.split(".") as [string, string];
    for (const input of [...MALFORMED, ...(MALFORMED_FOR[path] ?? [])]) {
      const error = await caller[router]![name]!(input).then(
        () => null,
        (caught: { code?: string; message?: string }) => caught,
      );
      expect(error, `${path} accepted ${JSON.stringify(input)}`).not.toBeNull();
      expect(error!.code, `${path} with ${JSON.stringify(input)}`).toBe("BAD_REQUEST");
      expect(error!.message).toMatch(/[\u0E00-\u0E7F]/); // a Thai message
    }
  }
  expect(await tables()).toEqual(before);
});

// Inputs well-formed on the surface but wrong in a field each procedure checks.
it("dashboard.compare, dashboard.compareOptions and organization.profile refuse wrong fields with BAD_REQUEST in Thai", async () => {
  const caller = callerFor(context.database.db, context.world.users.admin.id);
  const area = { kind: "province" as const, id: context.world.provinces.A.id };
  const orgId = context.world.organizations.A1.id;
  const calls: [string, () => Promise<unknown>][] = [
    ["compare: 11 ids", () => caller.dashboard.compare({ area, unit: "organization", ids: Array.from({ length: 11 }, () => orgId) })],
    ["compare: from after to", () => caller.dashboard.compare({ area, unit: "organization", ids: [orgId], fromYearBe: 2568, toYearBe: 2567 })],
    ["compare: year not whole", () => caller.dashboard.compare({ area, unit: "organization", ids: [orgId], fromYearBe: 2567.5 })],
    ["compare: year far off", () => caller.dashboard.compare({ area, unit: "organization", ids: [orgId], toYearBe: 1999 })],
    ["compare: unknown unit", () => caller.dashboard.compare({ area, unit: "village" as never, ids: [orgId] })],
    ["compare: ids not a list", () => caller.dashboard.compare({ area, unit: "organization", ids: orgId as never })],
    ["compare: empty id", () => caller.dashboard.compare({ area, unit: "organization", ids: [" "] })],
    ["compareOptions: long search", () => caller.dashboard.compareOptions({ area, unit: "organization", search: "ก".repeat(101) })],
    ["compareOptions: search not text", () => caller.dashboard.compareOptions({ area, unit: "organization", search: 5 as never })],
    ["profile: empty id", () => caller.organization.profile({ organizationId: "" })],
    ["profile: overlong id", () => caller.organization.profile({ organizationId: "x".repeat(65) })],
  ];
  for (const [name, call] of calls) {
    const error = await call().then(
      () => null,
      (caught: { code?: string; message?: string }) => caught,
    );
    expect(error, name).not.toBeNull();
    expect(error!.code, name).toBe("BAD_REQUEST");
    expect(error!.message, name).toMatch(/[\u0E00-\u0E7F]/);
  }
});
