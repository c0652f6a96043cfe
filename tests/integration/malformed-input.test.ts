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
