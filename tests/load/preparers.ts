// Preparers for the load checks: each with an organisation of their own and its draft report of
// FY2569, made with the app's services in the database the app will serve, then signed in over
// HTTP as a browser does (next-auth's credentials form).
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { hashPassword } from "@/server/auth/password";
import type { Db } from "@/server/db/client";
import type { ReportContent } from "@/server/domain/report-content";
import { createSeedFiscalYear } from "@/prisma/seed/fiscal-years";

export const LOAD_PASSWORD = "load-check-password-2569";
const YEAR_BE = 2569;

export type SeededPreparer = { username: string; reportId: string; version: number; content: ReportContent };

/** `count` preparers, each the only editor of a new organisation's blank draft report. */
export async function seedPreparers(db: Db, count: number): Promise<SeededPreparer[]> {
  await createSeedFiscalYear(db, YEAR_BE, { isOpen: true });
  const province = await db.province.create({ data: { code: "98", abbreviation: "ภร", nameTh: "ทดสอบภาระ" } });
  const district = await db.district.create({ data: { code: "9801", nameTh: "ภาระ", provinceId: province.id } });
  const passwordHash = await hashPassword(LOAD_PASSWORD); // one hash for all: hashing is slow on purpose
  const preparers: SeededPreparer[] = [];
  for (let i = 0; i < count; i++) {
    const number = String(i + 1).padStart(4, "0");
    const organization = await db.localOrganization.create({
      data: { dlaCode: `L${number}`, nameTh: `อบต.ทดสอบภาระ ${number}`, type: "SAO", districtId: district.id },
    });
    const editor = await db.user.create({
      data: {
        username: `load.editor.${number}`,
        displayName: `ผู้จัดทำ ${number}`,
        passwordHash,
        roles: { create: { role: "ORG_EDITOR", organizationId: organization.id } },
      },
    });
    const caller = createCaller(createContext({ db, userId: editor.id, request: { ipAddress: "127.0.0.1", userAgent: "load-check" } }));
    const { id: reportId } = await caller.organization.createReport({ organizationId: organization.id, yearBe: YEAR_BE, copyFromPrevious: false });
    const report = await caller.report.get({ reportId });
    preparers.push({ username: editor.username, reportId, version: report.version, content: report.content });
  }
  return preparers;
}

const setCookies = (response: Response) => response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);

/** Signs in through next-auth's credentials form; returns the Cookie header of the session. */
export async function signInOverHttp(base: string, username: string, password = LOAD_PASSWORD): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: base, cookie: setCookies(csrf).join("; ") },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
  });
  await response.arrayBuffer();
  const session = setCookies(response).find((cookie) => cookie.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`sign-in of ${username} failed (HTTP ${response.status})`);
  return session;
}

/** Signs everyone in, a few at a time (each sign-in verifies a password, slow by design). */
export async function signInAll(base: string, usernames: string[], concurrency = 8): Promise<Map<string, string>> {
  const cookies = new Map<string, string>();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < usernames.length) {
        const username = usernames[next++]!;
        cookies.set(username, await signInOverHttp(base, username));
      }
    }),
  );
  return cookies;
}
