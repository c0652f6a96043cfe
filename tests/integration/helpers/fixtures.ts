// A small world for tenant tests: two provinces; province A has two districts with two
// organisations in the first and one in the second; province B has one district and one
// organisation. Every role has an account.
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, expect } from "vitest";
import type { Db } from "@/server/db/client";
import type { DataOrigin } from "@/server/db/generated/enums";
import { upsertItaResult } from "@/server/services/ita-results";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { hashPassword } from "@/server/auth/password";
import { createSeedFiscalYear } from "@/prisma/seed/fiscal-years";
import { openTestDatabase, type TestDatabase } from "./db";

export const TEST_PASSWORD = "correct horse battery";

export async function createFiscalYears(db: Db, years: number[]) {
  for (const yearBe of years) await createSeedFiscalYear(db, yearBe, { isOpen: true });
}

export type TestDistrictKey = "A1" | "A2" | "B1";

/**
 * The two test provinces of the dashboard and export datasets: ทดสอบก (91) with districts
 * ก-หนึ่ง (9101) and ก-สอง (9102), ทดสอบข (92) with ข-หนึ่ง (9201).
 */
export async function createTestAreas(db: Db) {
  const provinces = {
    A: (await db.province.create({ data: { code: "91", abbreviation: "กก", nameTh: "ทดสอบก" } })).id,
    B: (await db.province.create({ data: { code: "92", abbreviation: "ขข", nameTh: "ทดสอบข" } })).id,
  };
  const districts = {} as Record<TestDistrictKey, { id: string; code: string; nameTh: string }>;
  for (const [key, code, nameTh, province] of [
    ["A1", "9101", "ก-หนึ่ง", provinces.A],
    ["A2", "9102", "ก-สอง", provinces.A],
    ["B1", "9201", "ข-หนึ่ง", provinces.B],
  ] as const) {
    districts[key] = { id: (await db.district.create({ data: { code, nameTh, provinceId: province } })).id, code, nameTh };
  }
  return { provinces, districts };
}

export async function createWorld(db: Db) {
  await createFiscalYears(db, [2567, 2568]);
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const provinceA = await db.province.create({ data: { code: "91", abbreviation: "กก", nameTh: "จังหวัดทดสอบก" } });
  const provinceB = await db.province.create({ data: { code: "92", abbreviation: "ขข", nameTh: "จังหวัดทดสอบข" } });
  const districtA1 = await db.district.create({ data: { code: "9101", nameTh: "ก-หนึ่ง", provinceId: provinceA.id } });
  const districtA2 = await db.district.create({ data: { code: "9102", nameTh: "ก-สอง", provinceId: provinceA.id } });
  const districtB1 = await db.district.create({ data: { code: "9201", nameTh: "ข-หนึ่ง", provinceId: provinceB.id } });
  const organization = (dlaCode: string, nameTh: string, districtId: string) =>
    db.localOrganization.create({ data: { dlaCode, nameTh, type: "SAO", districtId } });
  const orgA1 = await organization("T0001", "อบต.ทดสอบเอหนึ่ง", districtA1.id);
  const orgA1b = await organization("T0002", "อบต.ทดสอบเอหนึ่งบี", districtA1.id);
  const orgA2 = await organization("T0003", "อบต.ทดสอบเอสอง", districtA2.id);
  const orgB = await organization("T0004", "อบต.ทดสอบบี", districtB1.id);

  const user = async (username: string, grant: Record<string, unknown> | null) =>
    db.user.create({
      data: {
        username,
        displayName: username,
        passwordHash,
        ...(grant ? { roles: { create: grant as never } } : {}),
      },
    });
  const users = {
    editorA1: await user("editor.a1", { role: "ORG_EDITOR", organizationId: orgA1.id }),
    signerA1: await user("signer.a1", { role: "ORG_SIGNER", organizationId: orgA1.id, signOffStep: "HEAD_OF_OFFICE" }),
    editorB: await user("editor.b", { role: "ORG_EDITOR", organizationId: orgB.id }),
    districtA1: await user("district.a1", { role: "DISTRICT_REVIEWER", districtId: districtA1.id }),
    provinceA: await user("province.a", { role: "PROVINCE_REVIEWER", provinceId: provinceA.id }),
    provinceB: await user("province.b", { role: "PROVINCE_REVIEWER", provinceId: provinceB.id }),
    provinceAdminA: await user("province-admin.a", { role: "PROVINCE_ADMIN", provinceId: provinceA.id }),
    admin: await user("admin.test", { role: "ADMIN" }),
    noRole: await user("nobody", null),
  };
  return {
    provinces: { A: provinceA, B: provinceB },
    districts: { A1: districtA1, A2: districtA2, B1: districtB1 },
    organizations: { A1: orgA1, A1b: orgA1b, A2: orgA2, B: orgB },
    users,
  };
}

export type World = Awaited<ReturnType<typeof createWorld>>;

/** The tRPC caller a signed-in user (or nobody) gets, on the test database. */
export function callerFor(db: Db, userId: string | null) {
  return createCaller(createContext({ db, userId, request: { ipAddress: "203.0.113.9", userAgent: "vitest" } }));
}

/**
 * Opens a fresh database with the small world for the test file, and closes it afterwards.
 * Read `context.database` and `context.world` inside tests (they are set by beforeAll).
 */
export function worldForThisFile() {
  const context = {} as { database: TestDatabase; world: World };
  beforeAll(async () => {
    context.database = await openTestDatabase();
    context.world = await createWorld(context.database.db);
  });
  afterAll(() => context.database.close());
  return context;
}

/** The refusal a call ends in (a TRPCError); fails the test when the call succeeds instead. */
export async function refusal(call: Promise<unknown>): Promise<TRPCError> {
  const error = await call.then(
    (data) => {
      throw new Error(`expected a refusal, got data: ${JSON.stringify(data).slice(0, 200)}`);
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

/** [organisation key, year, total, [IIT, EIT, OIT] or null, announced level, origin (REAL)] */
export type ResultFixture<K extends string> = readonly [K, number, number, readonly [number | null, number | null, number | null] | null, string | null, DataOrigin?];

/** Saves fixture ITA results through the service, as typed in. */
export async function saveResults<K extends string>(db: Db, ids: Record<K, string>, results: readonly ResultFixture<K>[]) {
  for (const [org, yearBe, total, tools, announcedLevel, origin] of results) {
    await upsertItaResult(db, {
      organizationId: ids[org],
      yearBe,
      total,
      iit: tools?.[0] ?? null,
      eit: tools?.[1] ?? null,
      oit: tools?.[2] ?? null,
      announcedLevel,
      source: "PROVINCE_ENTERED",
      origin: origin ?? "REAL",
    });
  }
}
