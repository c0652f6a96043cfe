// The isolation matrix: every procedure of the router, called as every role, with the ids of
// province A (where every test identity works), of province B (foreign to all but the national
// administrator) and with missing ids. It holds that
//   - a foreign id is answered exactly as a missing one (the same refusal, or the same answer);
//   - whoever the permission table does not let through is refused on province A too;
//   - no answer given to someone of province A holds anything of province B;
//   - no refused call changes anything.
// A procedure added to the router without its case here fails the first test. So do the routes
// under app/api: each is called as every role with foreign and missing ids, or is listed as
// holding no tenant's data (and checked to tell nothing private); a route added without its
// case fails the first test of "the routes under app/api".
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as exportDownload } from "@/app/api/exports/[jobId]/route";
import { GET as health } from "@/app/api/health/route";
import { GET as publicReportPdf } from "@/app/api/public/[dlaCode]/[yearBe]/pdf/route";
import { GET as badge } from "@/app/api/public/[dlaCode]/badge.svg/route";
import { GET as openData } from "@/app/api/public/open-data/[file]/route";
import { GET as ready } from "@/app/api/ready/route";
import { GET as reportPdf } from "@/app/api/reports/[reportId]/pdf/route";
import { dbScopeOf, loadAccess, type Access } from "@/server/access/access";
import { appRouter } from "@/server/api/root";
import { authOptions } from "@/server/auth/options";
import { prismaOnPostgres, scopedDb, type Db, type OpenDatabase } from "@/server/db/client";
import { NOT_FOUND_OR_FORBIDDEN } from "@/server/errors";
import { exportFileKey } from "@/server/services/exports/export-jobs";
import { getOrganizationProfile } from "@/server/services/organizations";
import { NOT_PUBLISHED } from "@/server/services/public/published";
import { getReport } from "@/server/services/reports/reports";
import { createFileStore } from "@/server/storage/file-store";
import { callerFor, refusal, worldForThisFile } from "./helpers/fixtures";
import { trpcGet } from "./helpers/http";
import { startTestWorker } from "./helpers/jobs";

// The download routes read the session from Next's request scope; here the test says who is
// signed in (as report-pdf.test.ts and summary-export.test.ts do), and the routes that read the
// process's database read this file's. next-auth's options need a secret when imported.
const session = vi.hoisted(() => {
  process.env.AUTH_SECRET ??= "integration-test-secret-0123456789abcdef";
  return { database: null as OpenDatabase | null, userId: null as string | null };
});
vi.mock("@/server/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/server/db/client")>()),
  getDatabase: async () => session.database!,
  getDb: async () => session.database!.db,
}));
vi.mock("@/server/api/request", () => ({
  createRequestContext: async () => {
    const { createContext } = await import("@/server/api/trpc");
    return createContext({ db: session.database!.db, userId: session.userId, request: { ipAddress: "203.0.113.10", userAgent: "vitest" } });
  },
}));

const context = worldForThisFile();
const seedReportText = fs.readFileSync("tests/fixtures/seed-report-thaihad-2568.txt", "utf8");

type Caller = ReturnType<typeof callerFor>;

const IDENTITIES = ["admin", "provinceAdminA", "provinceA", "districtA1", "signerA1", "editorA1", "signedOut"] as const;
type Identity = (typeof IDENTITIES)[number];

const SIGNED_IN: Identity[] = ["admin", "provinceAdminA", "provinceA", "districtA1", "signerA1", "editorA1"];
const REVIEWERS_OF_A1: Identity[] = ["admin", "provinceAdminA", "provinceA", "districtA1"];
const ADMINISTRATORS_OF_A: Identity[] = ["admin", "provinceAdminA"];
const NATIONAL_ADMIN: Identity[] = ["admin"];

/** The ids a call names: province A's (district A1, organisation A1), province B's, or missing ones. */
type Target = {
  provinceId: string;
  districtId: string;
  organizationId: string;
  reportId: string;
  measureId: string;
  userId: string;
  grantId: string;
  jobId: string;
};

type Case = {
  kind: "query" | "mutation";
  /** Who the permission table lets through on province A's ids. */
  reaches: Identity[];
  /** Procedures that name no id of a province (lists of one's own, a year's framework). */
  targetless?: true;
  /** Open to the signed-out (a set-password link is its own key). */
  public?: true;
  call: (caller: Caller, target: Target) => Promise<unknown>;
};

const year = 2568;
const filters = { yearBe: year, includeUnaccepted: true };
const district = (target: Target) => ({ kind: "district" as const, id: target.districtId });
const csv = (text: string) => Buffer.from(text).toString("base64");
const ONE_PIXEL_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
let issueKey = "";
let counter = 0;
const unique = () => `${++counter}`;

const CASES: Record<string, Case> = {
  // ── Oneself ──
  "me.get": { kind: "query", reaches: SIGNED_IN, targetless: true, call: (c) => c.me.get() },
  "inbox.list": { kind: "query", reaches: SIGNED_IN, targetless: true, call: (c) => c.inbox.list() },
  "area.mine": { kind: "query", reaches: SIGNED_IN, targetless: true, call: (c) => c.area.mine() },
  // One's own notifications: another's ids are not one's own (notifications.test.ts).
  "account.email": { kind: "query", reaches: SIGNED_IN, targetless: true, call: (c) => c.account.email() },
  "account.setEmail": { kind: "mutation", reaches: SIGNED_IN, targetless: true, call: (c) => c.account.setEmail({ email: "" }) },
  "notification.unreadCount": { kind: "query", reaches: SIGNED_IN, targetless: true, call: (c) => c.notification.unreadCount() },
  "notification.list": { kind: "query", reaches: SIGNED_IN, targetless: true, call: (c) => c.notification.list({}) },
  "notification.markRead": { kind: "mutation", reaches: SIGNED_IN, targetless: true, call: (c) => c.notification.markRead({ all: true }) },
  "notification.preferences": { kind: "query", reaches: SIGNED_IN, targetless: true, call: (c) => c.notification.preferences() },
  "notification.savePreferences": {
    kind: "mutation",
    reaches: SIGNED_IN,
    targetless: true,
    call: (c) => c.notification.savePreferences({ choices: [{ kind: "COMMENTED", delivery: "IN_APP" }] }),
  },
  "account.changePassword": {
    kind: "mutation",
    reaches: SIGNED_IN,
    targetless: true,
    call: (c) => c.account.changePassword({ currentPassword: "wrong", newPassword: "a long enough password" }),
  },
  // A set-password link is its own key: a made-up one reaches nobody.
  "account.passwordLink": { kind: "query", reaches: [], targetless: true, public: true, call: (c) => c.account.passwordLink({ token: "x".repeat(43) }) },
  "account.setPassword": {
    kind: "mutation",
    reaches: [],
    targetless: true,
    public: true,
    call: (c) => c.account.setPassword({ token: "x".repeat(43), password: "a long enough password" }),
  },

  // ── What anybody may see: accepted reports and announced scores (checked in published.test.ts) ──
  "published.organization": {
    kind: "query",
    reaches: [...IDENTITIES],
    targetless: true,
    public: true,
    call: (c) => c.published.organization({ dlaCode: "T0001" }),
  },
  "published.province": { kind: "query", reaches: [...IDENTITIES], targetless: true, public: true, call: (c) => c.published.province({ code: "91" }) },

  // ── One organisation ──
  "organization.profile": { kind: "query", reaches: SIGNED_IN, call: (c, t) => c.organization.profile({ organizationId: t.organizationId }) },
  // Peer insight: aggregates over the organisation's type in its province or the country, never another's name.
  "insight.organization": {
    kind: "query",
    reaches: SIGNED_IN,
    call: (c, t) => c.insight.organization({ organizationId: t.organizationId, yearBe: year, peers: "national" }),
  },
  // An organisation's people and acting grants: read by anyone who reads it; granted by its head (ปลัด, นายก: not signerA1, a head of office) or its province's administrators.
  "organization.people": { kind: "query", reaches: SIGNED_IN, call: (c, t) => c.organization.people({ organizationId: t.organizationId }) },
  "organization.grantActing": {
    kind: "mutation",
    reaches: ADMINISTRATORS_OF_A,
    call: (c, t) => c.organization.grantActing({ organizationId: t.organizationId, userId: t.userId, step: "EXECUTIVE", validFrom: "2026-01-01", validTo: "2026-12-31" }),
  },
  "organization.revokeActing": { kind: "mutation", reaches: ADMINISTRATORS_OF_A, call: (c, t) => c.organization.revokeActing({ organizationId: t.organizationId, grantId: t.grantId }) },
  "organization.createReport": {
    kind: "mutation",
    reaches: ["editorA1"],
    call: (c, t) => c.organization.createReport({ organizationId: t.organizationId, yearBe: 2567, copyFromPrevious: false }),
  },
  "organization.saveItaResult": {
    kind: "mutation",
    reaches: ["admin", "provinceAdminA", "provinceA", "editorA1"],
    call: (c, t) => c.organization.saveItaResult({ organizationId: t.organizationId, yearBe: 2567, total: 90.5 }),
  },
  "organization.confirmItaResult": {
    kind: "mutation",
    reaches: ["admin", "provinceAdminA", "provinceA"],
    call: (c, t) => c.organization.confirmItaResult({ organizationId: t.organizationId, yearBe: 2567 }),
  },
  // Importing a past report into the organisation: its preparer's alone, like createReport.
  "reportImport.preview": {
    kind: "mutation",
    reaches: ["editorA1"],
    call: (c, t) => c.reportImport.preview({ organizationId: t.organizationId, source: { kind: "text", text: seedReportText } }),
  },
  "reportImport.createDraft": {
    kind: "mutation",
    reaches: ["editorA1"],
    call: (c, t) => c.reportImport.createDraft({ organizationId: t.organizationId, source: { kind: "text", text: seedReportText }, yearBe: 2567, replaceDraft: true }),
  },

  // ── One report ──
  "report.get": { kind: "query", reaches: SIGNED_IN, call: (c, t) => c.report.get({ reportId: t.reportId }) },
  "report.history": { kind: "query", reaches: SIGNED_IN, call: (c, t) => c.report.history({ reportId: t.reportId }) },
  // Who signs each step of the report's organisation, and whom to ask (the province's administrators).
  "report.signers": { kind: "query", reaches: SIGNED_IN, call: (c, t) => c.report.signers({ reportId: t.reportId }) },
  "report.saveDraft": {
    kind: "mutation",
    reaches: ["editorA1"],
    call: (c, t) =>
      c.report.saveDraft({
        reportId: t.reportId,
        baseVersion: 1,
        content: {
          header: { issuingSection: "ส", issuingPhone: "", documentCode: "", documentNumber: "", memoDate: null, subject: "ร", addressee: "น", body: "" },
          issues: [],
        },
      }),
  },
  "report.submit": { kind: "mutation", reaches: ["editorA1"], call: (c, t) => c.report.submit({ reportId: t.reportId, baseVersion: 1 }) },
  "report.endorse": { kind: "mutation", reaches: ["signerA1"], call: (c, t) => c.report.endorse({ reportId: t.reportId }) },
  "report.sendBack": { kind: "mutation", reaches: ["signerA1"], call: (c, t) => c.report.sendBack({ reportId: t.reportId, comment: "x" }) },
  "report.withdraw": { kind: "mutation", reaches: ["editorA1"], call: (c, t) => c.report.withdraw({ reportId: t.reportId }) },
  "report.reroute": { kind: "mutation", reaches: ADMINISTRATORS_OF_A, call: (c, t) => c.report.reroute({ reportId: t.reportId, to: "PREPARER", reason: "x" }) },
  // The preparer's own mark on a remark, while the report is theirs to edit (A's is with the province: refused).
  "report.markAddressed": { kind: "mutation", reaches: ["editorA1"], call: (c, t) => c.report.markAddressed({ reportId: t.reportId, commentId: t.measureId, addressed: true }) },
  "report.comment": { kind: "mutation", reaches: ["admin", "provinceA", "districtA1"], call: (c, t) => c.report.comment({ reportId: t.reportId, body: "x" }) },
  "report.return": { kind: "mutation", reaches: ["admin", "provinceA", "districtA1"], call: (c, t) => c.report.return({ reportId: t.reportId, comment: "x" }) },
  "report.accept": { kind: "mutation", reaches: ["admin", "provinceA", "districtA1"], call: (c, t) => c.report.accept({ reportId: t.reportId }) },
  // Province A does not require the district's step: nobody may endorse for the district.
  "report.endorseForDistrict": { kind: "mutation", reaches: [], call: (c, t) => c.report.endorseForDistrict({ reportId: t.reportId }) },
  "report.reopen": { kind: "mutation", reaches: NATIONAL_ADMIN, call: (c, t) => c.report.reopen({ reportId: t.reportId, reason: "x" }) },

  // ── An area's dashboards, drill-down and exports (district A1) ──
  "area.describe": { kind: "query", reaches: REVIEWERS_OF_A1, call: (c, t) => c.area.describe({ area: district(t) }) },
  "area.organizations": { kind: "query", reaches: REVIEWERS_OF_A1, call: (c, t) => c.area.organizations({ area: district(t), yearBe: year }) },
  "area.status": { kind: "query", reaches: REVIEWERS_OF_A1, call: (c, t) => c.area.status({ area: district(t), yearBe: year, pageSize: 10_000 }) },
  "dashboard.options": { kind: "query", reaches: REVIEWERS_OF_A1, call: (c, t) => c.dashboard.options({ area: district(t) }) },
  "dashboard.overview": { kind: "query", reaches: REVIEWERS_OF_A1, call: (c, t) => c.dashboard.overview({ area: district(t), ...filters }) },
  "dashboard.trend": { kind: "query", reaches: REVIEWERS_OF_A1, call: (c, t) => c.dashboard.trend({ area: district(t), ...filters }) },
  "dashboard.ranking": { kind: "query", reaches: REVIEWERS_OF_A1, call: (c, t) => c.dashboard.ranking({ area: district(t), ...filters }) },
  "dashboard.compare": {
    kind: "query",
    reaches: REVIEWERS_OF_A1,
    call: (c, t) => c.dashboard.compare({ area: district(t), unit: "organization", ids: [t.organizationId] }),
  },
  "dashboard.compareFrame": {
    kind: "query",
    reaches: REVIEWERS_OF_A1,
    call: (c, t) => c.dashboard.compareFrame({ area: district(t), unit: "organization", ids: [t.organizationId] }),
  },
  "dashboard.compareOptions": { kind: "query", reaches: REVIEWERS_OF_A1, call: (c, t) => c.dashboard.compareOptions({ area: district(t), unit: "organization" }) },
  "drilldown.issues": { kind: "query", reaches: REVIEWERS_OF_A1, call: (c, t) => c.drilldown.issues({ area: district(t), ...filters }) },
  "drilldown.issue": { kind: "query", reaches: REVIEWERS_OF_A1, call: (c, t) => c.drilldown.issue({ area: district(t), ...filters, issueKey }) },
  "drilldown.titles": {
    kind: "query",
    reaches: REVIEWERS_OF_A1,
    call: (c, t) => c.drilldown.titles({ area: district(t), ...filters, issueKey, organizationId: t.organizationId, measureId: t.measureId }),
  },
  "drilldown.organizationMeasures": {
    kind: "query",
    reaches: REVIEWERS_OF_A1,
    call: (c, t) => c.drilldown.organizationMeasures({ area: district(t), ...filters, issueKey, organizationId: t.organizationId }),
  },
  "drilldown.measure": {
    kind: "query",
    reaches: REVIEWERS_OF_A1,
    call: (c, t) => c.drilldown.measure({ area: district(t), ...filters, issueKey, organizationId: t.organizationId, measureId: t.measureId }),
  },
  "insight.area": { kind: "query", reaches: REVIEWERS_OF_A1, call: (c, t) => c.insight.area({ area: district(t), yearBe: year }) },
  "export.start": { kind: "mutation", reaches: REVIEWERS_OF_A1, call: (c, t) => c.export.start({ area: district(t), ...filters, format: "CSV" }) },
  // An export job is its requester's alone (province A's reviewer asked for A's).
  "export.status": { kind: "query", reaches: ["provinceA"], call: (c, t) => c.export.status({ jobId: t.jobId }) },

  // ── Accounts (an administrator's, within their provinces) ──
  "admin.provinces": { kind: "query", reaches: ADMINISTRATORS_OF_A, targetless: true, call: (c) => c.admin.provinces() },
  "admin.setDistrictStep": {
    kind: "mutation",
    reaches: ADMINISTRATORS_OF_A,
    call: (c, t) => c.admin.setDistrictStep({ provinceId: t.provinceId, required: false }),
  },
  "admin.users": { kind: "query", reaches: ADMINISTRATORS_OF_A, targetless: true, call: (c) => c.admin.users({ pageSize: 100 }) },
  "admin.createUser": {
    kind: "mutation",
    reaches: ADMINISTRATORS_OF_A,
    call: (c, t) =>
      c.admin.createUser({ username: `intruder.${unique()}`, displayName: "ผู้บุกรุก", roles: [{ role: "ORG_EDITOR", organizationId: t.organizationId }] }),
  },
  "admin.updateUser": { kind: "mutation", reaches: ADMINISTRATORS_OF_A, call: (c, t) => c.admin.updateUser({ userId: t.userId, displayName: "เปลี่ยนชื่อ" }) },
  "admin.setUserDisabled": { kind: "mutation", reaches: ADMINISTRATORS_OF_A, call: (c, t) => c.admin.setUserDisabled({ userId: t.userId, disabled: true }) },
  "admin.resetPassword": { kind: "mutation", reaches: ADMINISTRATORS_OF_A, call: (c, t) => c.admin.resetPassword({ userId: t.userId }) },
  "admin.grantRole": {
    kind: "mutation",
    reaches: ADMINISTRATORS_OF_A,
    call: (c, t) => c.admin.grantRole({ userId: t.userId, grant: { role: "ORG_SIGNER", organizationId: t.organizationId, signOffStep: "EXECUTIVE" } }),
  },
  "admin.revokeRole": { kind: "mutation", reaches: ADMINISTRATORS_OF_A, call: (c, t) => c.admin.revokeRole({ roleAssignmentId: t.grantId }) },
  "admin.importAccounts": {
    kind: "mutation",
    reaches: ADMINISTRATORS_OF_A,
    targetless: true,
    call: (c) => c.admin.importAccounts({ fileName: "a.csv", contentBase64: csv("ชื่อผู้ใช้,ชื่อ-นามสกุล,รหัส อปท.,บทบาท\nintruder,ก,T0004,ผู้จัดทำ\n"), apply: true }),
  },

  // Announced scores: province staff import them for the organisations they manage.
  "scores.import": {
    kind: "mutation",
    reaches: ["admin", "provinceAdminA", "provinceA"],
    targetless: true,
    call: (c) =>
      c.scores.import({ fileName: "ita.csv", contentBase64: csv("รหัส อปท.,ชื่อหน่วยงาน,ปีงบประมาณ,คะแนน ITA\nT0004,อบต.ทดสอบบี,2568,92\n"), apply: true }),
  },

  // ── The registry (an administrator's, within their provinces) ──
  "registry.areas": { kind: "query", reaches: ADMINISTRATORS_OF_A, targetless: true, call: (c) => c.registry.areas() },
  "registry.organizations": {
    kind: "query",
    reaches: ADMINISTRATORS_OF_A,
    call: (c, t) => c.registry.organizations({ provinceId: t.provinceId, includeInactive: true, pageSize: 100 }),
  },
  "registry.createProvince": { kind: "mutation", reaches: NATIONAL_ADMIN, targetless: true, call: (c) => c.registry.createProvince({ code: "98", nameTh: "บุกรุก" }) },
  "registry.updateProvince": {
    kind: "mutation",
    reaches: ADMINISTRATORS_OF_A,
    call: (c, t) => c.registry.updateProvince({ provinceId: t.provinceId, code: "97", nameTh: "บุกรุก" }),
  },
  "registry.createDistrict": {
    kind: "mutation",
    reaches: ADMINISTRATORS_OF_A,
    call: (c, t) => c.registry.createDistrict({ provinceId: t.provinceId, code: "9799", nameTh: "บุกรุก" }),
  },
  "registry.updateDistrict": {
    kind: "mutation",
    reaches: ADMINISTRATORS_OF_A,
    call: (c, t) => c.registry.updateDistrict({ districtId: t.districtId, provinceId: t.provinceId, code: "9798", nameTh: "บุกรุก" }),
  },
  "registry.createOrganization": {
    kind: "mutation",
    reaches: ADMINISTRATORS_OF_A,
    call: (c, t) => c.registry.createOrganization({ dlaCode: "06979999", nameTh: "บุกรุก", type: "SAO", districtId: t.districtId }),
  },
  "registry.updateOrganization": {
    kind: "mutation",
    reaches: ADMINISTRATORS_OF_A,
    call: (c, t) => c.registry.updateOrganization({ organizationId: t.organizationId, nameTh: "บุกรุก", type: "SAO", districtId: t.districtId }),
  },
  "registry.deactivateOrganization": {
    kind: "mutation",
    reaches: ADMINISTRATORS_OF_A,
    call: (c, t) => c.registry.deactivateOrganization({ organizationId: t.organizationId, reason: "DISSOLVED", endedAt: "2026-01-01" }),
  },
  "registry.import": {
    kind: "mutation",
    reaches: ADMINISTRATORS_OF_A,
    targetless: true,
    call: (c) => c.registry.import({ fileName: "r.csv", contentBase64: csv("code,name,type,district,province\n06990101,อบต.ก,อบต.,ก,ข\n"), apply: true }),
  },

  // ── The Garuda printed on every memo (the deployment's, set by the national administrator) ──
  "emblem.status": { kind: "query", reaches: NATIONAL_ADMIN, targetless: true, call: (c) => c.emblem.status() },
  "emblem.upload": { kind: "mutation", reaches: NATIONAL_ADMIN, targetless: true, call: (c) => c.emblem.upload({ fileName: "garuda.png", contentBase64: ONE_PIXEL_PNG }) },
  "emblem.remove": { kind: "mutation", reaches: NATIONAL_ADMIN, targetless: true, call: (c) => c.emblem.remove() },

  // ── Each year's framework (the country's), and a province's later deadline ──
  "framework.years": { kind: "query", reaches: ADMINISTRATORS_OF_A, targetless: true, call: (c) => c.framework.years() },
  "framework.get": { kind: "query", reaches: ADMINISTRATORS_OF_A, targetless: true, call: (c) => c.framework.get({ yearBe: year }) },
  "framework.deadlines": { kind: "query", reaches: ADMINISTRATORS_OF_A, targetless: true, call: (c) => c.framework.deadlines({ yearBe: year }) },
  "framework.copyYear": { kind: "mutation", reaches: NATIONAL_ADMIN, targetless: true, call: (c) => c.framework.copyYear({ fromYearBe: year }) },
  "framework.setOpen": { kind: "mutation", reaches: NATIONAL_ADMIN, targetless: true, call: (c) => c.framework.setOpen({ yearBe: year, isOpen: false }) },
  "framework.saveDeadline": {
    kind: "mutation",
    reaches: NATIONAL_ADMIN,
    targetless: true,
    call: (c) => c.framework.saveDeadline({ yearBe: year, submissionDeadline: "2026-03-01" }),
  },
  "framework.saveLevelRules": {
    kind: "mutation",
    reaches: NATIONAL_ADMIN,
    targetless: true,
    call: (c) => c.framework.saveLevelRules({ yearBe: year, rules: [{ label: "ทุกคน", minTotal: 0, minEachTool: null, passing: true }] }),
  },
  "framework.saveIndicators": {
    kind: "mutation",
    reaches: NATIONAL_ADMIN,
    targetless: true,
    call: (c) => c.framework.saveIndicators({ yearBe: year, indicators: [{ number: 1, nameTh: "ก", tool: "IIT" }] }),
  },
  "framework.saveSuggestedIssues": {
    kind: "mutation",
    reaches: NATIONAL_ADMIN,
    targetless: true,
    call: (c) => c.framework.saveSuggestedIssues({ yearBe: year, issues: [] }),
  },
  "framework.extendDeadline": {
    kind: "mutation",
    reaches: ADMINISTRATORS_OF_A,
    call: (c, t) => c.framework.extendDeadline({ yearBe: year, provinceId: t.provinceId, deadline: "2026-06-30" }),
  },
  "framework.removeDeadlineExtension": {
    kind: "mutation",
    reaches: ADMINISTRATORS_OF_A,
    call: (c, t) => c.framework.removeDeadlineExtension({ yearBe: year, provinceId: t.provinceId }),
  },
};

/** The title of the not yet accepted reports' measures: never public. */
const UNPUBLISHED_MEASURE = "มาตรการที่ยังไม่ผ่านการตรวจรับของ ";

// ── The world's extra rows: a report sent to the province with a measure, in A1 and in B; an export job of each province's reviewer ──
const targets = {} as { A: Target; B: Target; missing: Target };
/** What would betray province B in an answer: its ids and names. */
let foreignMarkers: string[] = [];

async function reportWithMeasure(organizationId: string) {
  const db = context.database.db;
  const fiscalYear = await db.fiscalYear.findUniqueOrThrow({ where: { yearBe: year } });
  const report = await db.yearlyReport.create({
    data: {
      organizationId,
      fiscalYearId: fiscalYear.id,
      status: "SUBMITTED",
      issuingSection: "ส",
      subject: "ร",
      addressee: "น",
      issues: { create: [{ ordinal: 1, title: "ป", indicatorNumbers: [1], suggestedIssueId: issueKey }] },
    },
    include: { issues: true },
  });
  const measure = await db.measure.create({
    data: { issueId: report.issues[0]!.id, ordinal: 1, title: `${UNPUBLISHED_MEASURE}${organizationId}`, steps: [], periodStart: new Date(), periodEnd: new Date(), responsibleUnits: [], outcomes: [] },
  });
  return { reportId: report.id, measureId: measure.id };
}

async function exportJobOf(requesterId: string, districtId: string) {
  const job = await context.database.db.exportJob.create({
    data: { requesterId, areaKind: "district", areaId: districtId, filters: { yearBe: year, includeUnaccepted: true }, format: "CSV" },
  });
  return job.id;
}

const grantOf = async (userId: string) => (await context.database.db.roleAssignment.findFirstOrThrow({ where: { userId } })).id;

beforeAll(async () => {
  const { world, database } = context;
  const fiscalYear = await database.db.fiscalYear.findUniqueOrThrow({ where: { yearBe: year }, include: { suggestedIssues: { where: { ordinal: 1 } } } });
  issueKey = fiscalYear.suggestedIssues[0]!.id;
  targets.A = {
    provinceId: world.provinces.A.id,
    districtId: world.districts.A1.id,
    organizationId: world.organizations.A1.id,
    ...(await reportWithMeasure(world.organizations.A1.id)),
    userId: world.users.editorA1.id,
    grantId: await grantOf(world.users.editorA1.id),
    jobId: await exportJobOf(world.users.provinceA.id, world.districts.A1.id),
  };
  targets.B = {
    provinceId: world.provinces.B.id,
    districtId: world.districts.B1.id,
    organizationId: world.organizations.B.id,
    ...(await reportWithMeasure(world.organizations.B.id)),
    userId: world.users.editorB.id,
    grantId: await grantOf(world.users.editorB.id),
    jobId: await exportJobOf(world.users.provinceB.id, world.districts.B1.id),
  };
  targets.missing = Object.fromEntries(Object.keys(targets.A).map((key) => [key, `missing-${key}`])) as Target;
  foreignMarkers = [
    ...Object.values(targets.B),
    world.users.provinceB.id,
    world.users.editorB.username,
    world.users.provinceB.username,
    world.organizations.B.nameTh,
    world.organizations.B.dlaCode,
    world.districts.B1.nameTh,
    world.provinces.B.nameTh,
  ];
});

const callerOf = (identity: Identity) =>
  callerFor(context.database.db, identity === "signedOut" ? null : context.world.users[identity].id);

/** A call's outcome: the refusal's code, or the answer. */
async function outcome(call: Promise<unknown>): Promise<{ refused: TRPCError["code"] } | { answer: unknown }> {
  try {
    return { answer: await call };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return { refused: error.code };
  }
}

function expectNoForeignData(identity: Identity, name: string, answer: unknown) {
  const text = JSON.stringify(answer) ?? "";
  for (const marker of foreignMarkers) {
    if (text.includes(marker)) throw new Error(`${name} as ${identity} answered with province B's "${marker}"`);
  }
}

/** Every row a refused call could have touched. */
async function databaseState() {
  const db = context.database.db;
  return Promise.all([
    db.province.findMany({ orderBy: { id: "asc" } }),
    db.district.findMany({ orderBy: { id: "asc" } }),
    db.localOrganization.findMany({ orderBy: { id: "asc" } }),
    db.user.findMany({ orderBy: { id: "asc" } }),
    db.roleAssignment.findMany({ orderBy: { id: "asc" } }),
    db.actingGrant.findMany({ orderBy: { id: "asc" } }),
    db.passwordSetupLink.count(),
    db.fiscalYear.findMany({ orderBy: { id: "asc" } }),
    db.levelRule.findMany({ orderBy: { id: "asc" } }),
    db.itaIndicator.count(),
    db.suggestedIssue.count(),
    db.deadlineExtension.findMany(),
    db.yearlyReport.findMany({ orderBy: { id: "asc" } }),
    db.reviewComment.count(),
    db.signOff.count(),
    db.itaResult.findMany({ orderBy: { id: "asc" } }),
    db.exportJob.findMany({ orderBy: { id: "asc" } }),
    db.auditEvent.count(),
  ]);
}

describe("the isolation matrix", () => {
  it("has a case for every procedure of the router", () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(appRouter._def.procedures).sort());
  });

  for (const [name, testCase] of Object.entries(CASES)) {
    it(`${name}: foreign ids answer as missing ones, only the permitted get through, nothing of B leaks, a refusal changes nothing`, async () => {
      const before = testCase.kind === "mutation" ? await databaseState() : null;
      for (const identity of IDENTITIES) {
        const caller = callerOf(identity);
        const reaches = testCase.reaches.includes(identity);
        if (!testCase.targetless && identity !== "admin") {
          const foreign = await outcome(testCase.call(caller, targets.B));
          const missing = await outcome(testCase.call(caller, targets.missing));
          expect({ identity, foreign }).toEqual({ identity, foreign: missing });
          if (testCase.kind === "mutation") expect({ identity, foreign }).toMatchObject({ foreign: { refused: expect.any(String) } });
          if (reaches && identity !== "signedOut") expect({ identity, foreign }).toEqual({ identity, foreign: { refused: "NOT_FOUND" } });
        }
        if (!testCase.targetless && identity === "admin" && testCase.kind === "mutation") {
          expect({ identity, missing: await outcome(testCase.call(caller, targets.missing)) }).toMatchObject({ missing: { refused: expect.any(String) } });
        }
        if (!reaches) {
          const own = await outcome(testCase.call(caller, targets.A));
          expect({ identity, own }).toMatchObject({ own: { refused: expect.any(String) } });
          if (identity === "signedOut" && !testCase.public) expect(own).toEqual({ refused: "UNAUTHORIZED" });
        } else if (testCase.kind === "query") {
          const answer = await testCase.call(caller, targets.A);
          expect(answer).toBeTruthy();
          if (identity !== "admin") expectNoForeignData(identity, name, answer);
        }
      }
      if (before) expect(await databaseState()).toEqual(before);
    });
  }
});

// ── The routes under app/api ──

/** Every route under app/api, by its folder ("api/reports/[reportId]/pdf"), from the file system. */
function apiRoutes(directory = path.join(process.cwd(), "app/api")): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return apiRoutes(full);
    return entry.name === "route.ts" ? [path.relative(path.join(process.cwd(), "app"), directory)] : [];
  });
}

/** An answer as a comparison sees it: status, type and text. */
async function answerOf(response: Response) {
  return { status: response.status, contentType: response.headers.get("content-type"), body: await response.text() };
}

const request = (url: string) => new Request(`http://prongsai.test${url}`);
const params = <P,>(value: P) => ({ params: Promise.resolve(value) });

type RouteCase =
  | {
      /** Who may have province A's resource; the rest are answered as for a missing one. */
      reaches: Identity[];
      call: (target: Target) => Promise<Response>;
      /** What a permitted caller gets of province A's resource. */
      own: (answer: Awaited<ReturnType<typeof answerOf>>) => void;
    }
  | {
      /** Why the route holds no tenant's data. */
      exempt: string;
      /** It tells nothing private all the same. */
      check: () => Promise<void>;
    };

/** What no public or unauthenticated answer may hold: accounts, unaccepted reports, export jobs, an unannounced score. */
let privateMarkers: string[] = [];
const UNANNOUNCED_TOTAL = 77.77;

function expectNothingPrivate(route: string, text: string) {
  for (const marker of privateMarkers) {
    if (text.includes(marker)) throw new Error(`${route} answered with "${marker}"`);
  }
}

const ROUTES: Record<string, RouteCase> = {
  // The report page's rules (through report.get): anyone signed in who reads A1.
  "api/reports/[reportId]/pdf": {
    reaches: SIGNED_IN,
    call: (t) => reportPdf(request(`/api/reports/${t.reportId}/pdf`), params({ reportId: t.reportId })),
    own: (answer) => expect({ status: answer.status, contentType: answer.contentType }).toEqual({ status: 200, contentType: "application/pdf" }),
  },
  // An export job is its requester's alone (province A's reviewer asked for A's).
  "api/exports/[jobId]": {
    reaches: ["provinceA"],
    call: (t) => exportDownload(request(`/api/exports/${t.jobId}`), params({ jobId: t.jobId })),
    own: (answer) => expect(answer).toEqual({ status: 200, contentType: "text/csv; charset=utf-8", body: `file of ${targets.A.jobId}` }),
  },
  "api/trpc/[trpc]": {
    exempt: "its procedures are each a case of the matrix above",
    // Through the handler the route wraps: a foreign report reads as a missing one.
    check: async () => {
      session.userId = context.world.users.editorA1.id;
      const get = async (reportId: string) => {
        const { status, text } = await trpcGet(context.database.db, { path: "report.get", input: { reportId } });
        return { status, text };
      };
      const foreign = await get(targets.B.reportId);
      expect(foreign.status).toBe(404);
      expect(foreign).toEqual(await get(targets.missing.reportId));
    },
  },
  "api/auth/[...nextauth]": {
    exempt: "sign-in and sign-out: next-auth reads the request from Next's own request scope, so it runs only under Next (tests/e2e/api-isolation.spec.ts asks it for a signed-out session)",
    // The session it answers carries the caller's own id, nothing else of the token (no session id, no roles).
    check: async () => {
      const userId = context.world.users.editorA1.id;
      const answer = await authOptions.callbacks!.session!({ session: { expires: "2569-01-01" }, token: { userId, sessionId: "session-of-a1" } } as never);
      expect(answer).toEqual({ expires: "2569-01-01", userId });
    },
  },
  "api/health": {
    exempt: "whether the process and its database answer",
    check: async () => {
      expect(await answerOf(await health(request("/api/health")))).toEqual({
        status: 200,
        contentType: "application/json",
        body: JSON.stringify({ status: "ok", database: context.database.kind }),
      });
    },
  },
  "api/ready": {
    exempt: "whether the database and the job queue answer",
    check: async () => {
      expect(await answerOf(await ready(request("/api/ready")))).toEqual({
        status: 200,
        contentType: "application/json",
        body: JSON.stringify({ status: "ready", checks: { database: "ok", queue: "ok" } }),
      });
    },
  },
  "api/public/[dlaCode]/[yearBe]/pdf": {
    exempt: "public by design: an accepted report's memo (published.test.ts)",
    // A1's and B's reports are not accepted: answered as an unknown organisation's.
    check: async () => {
      const pdf = (dlaCode: string) => publicReportPdf(request(`/api/public/${dlaCode}/${year}/pdf`), params({ dlaCode, yearBe: String(year) })).then(answerOf);
      const missing = await pdf("T9999");
      expect(missing).toEqual({ status: 404, contentType: "text/plain; charset=utf-8", body: NOT_PUBLISHED });
      for (const organization of [context.world.organizations.A1, context.world.organizations.B]) expect(await pdf(organization.dlaCode)).toEqual(missing);
    },
  },
  "api/public/[dlaCode]/badge.svg": {
    exempt: "public by design: the newest announced score (published.test.ts)",
    check: async () => {
      for (const { dlaCode } of [context.world.organizations.A1, context.world.organizations.B]) {
        const answer = await answerOf(await badge(request(`/api/public/${dlaCode}/badge.svg`), params({ dlaCode })));
        expect(answer.contentType).toBe("image/svg+xml; charset=utf-8");
        expectNothingPrivate(`badge of ${dlaCode}`, answer.body);
      }
    },
  },
  "api/public/open-data/[file]": {
    exempt: "public by design: accepted measures and announced scores (README, Open data)",
    check: async () => {
      for (const file of ["measures.csv", "measures.json", "scores.csv", "scores.json"]) {
        for (const query of ["", `?province=${context.world.provinces.A.code}`, `?province=${context.world.provinces.B.code}`]) {
          const answer = await answerOf(await openData(request(`/api/public/open-data/${file}${query}`), params({ file })));
          expect(answer.status).toBe(200);
          expectNothingPrivate(`${file}${query}`, answer.body);
        }
      }
    },
  },
};

describe("the routes under app/api", () => {
  let worker: Awaited<ReturnType<typeof startTestWorker>>;

  beforeAll(async () => {
    const { database, world } = context;
    session.database = { db: database.db, kind: database.kind, queueConnection: database.queueConnection, close: async () => {} };
    // A worker draws the report PDF that province A's people may download; the readiness probe asks its queue.
    worker = await startTestWorker(database);
    // Both export jobs are done, their files stored.
    for (const jobId of [targets.A.jobId, targets.B.jobId]) {
      await createFileStore(database.db).put(exportFileKey(jobId), Readable.from([`file of ${jobId}`]), { contentType: "text/csv; charset=utf-8", lifetimeMs: 3_600_000 });
      await database.db.exportJob.update({ where: { id: jobId }, data: { status: "DONE", fileName: "summary.csv" } });
    }
    // B's own figure for FY2567, neither announced nor confirmed.
    const fiscalYear = await database.db.fiscalYear.findUniqueOrThrow({ where: { yearBe: 2567 } });
    await database.db.itaResult.deleteMany({ where: { organizationId: world.organizations.B.id, fiscalYearId: fiscalYear.id } });
    await database.db.itaResult.create({
      data: { organizationId: world.organizations.B.id, fiscalYearId: fiscalYear.id, total: UNANNOUNCED_TOTAL, source: "ORGANIZATION_REPORTED" },
    });
    const users = await database.db.user.findMany({ select: { id: true, username: true } });
    privateMarkers = [
      ...users.flatMap((user) => [user.id, user.username]),
      ...[targets.A, targets.B].flatMap((target) => [target.reportId, target.measureId, target.jobId, target.grantId]),
      UNPUBLISHED_MEASURE,
      String(UNANNOUNCED_TOTAL),
      "๗๗.๗๗",
    ];
  });
  afterAll(() => worker.stop());

  it("has a case for every route under app/api", () => {
    expect(apiRoutes().sort()).toEqual(Object.keys(ROUTES).sort());
  });

  for (const [route, routeCase] of Object.entries(ROUTES)) {
    if ("exempt" in routeCase) {
      it(`${route}: holds no tenant's data (${routeCase.exempt}) and tells nothing private`, routeCase.check);
      continue;
    }
    it(`${route}: foreign ids answer as missing ones, only the permitted get province A's, nothing of B leaks`, async () => {
      const answer = async (identity: Identity, target: Target) => {
        session.userId = identity === "signedOut" ? null : context.world.users[identity].id;
        return answerOf(await routeCase.call(target));
      };
      for (const identity of IDENTITIES) {
        const missing = await answer(identity, targets.missing);
        expect({ identity, missing }).toEqual({
          identity,
          missing: identity === "signedOut"
            ? { status: 401, contentType: "text/plain; charset=utf-8", body: "กรุณาเข้าสู่ระบบ" }
            : { status: 404, contentType: "text/plain; charset=utf-8", body: NOT_FOUND_OR_FORBIDDEN },
        });
        // The national administrator's reach is the country: B's is not foreign to them.
        if (identity !== "admin") expect({ identity, foreign: await answer(identity, targets.B) }).toEqual({ identity, foreign: missing });
        const own = await answer(identity, targets.A);
        if (routeCase.reaches.includes(identity)) {
          routeCase.own(own);
          if (identity !== "admin") expectNoForeignData(identity, route, own.body);
        } else {
          expect({ identity, own }).toEqual({ identity, own: missing });
        }
      }
    }, 120_000);
  }
});

describe("two tenants at once", () => {
  it("interleaved calls of organisations A1 and B through one pool each get their own", async () => {
    const { world } = context;
    const rounds = Array.from({ length: 20 }, (_, index) => index);
    const answers = await Promise.all(
      rounds.flatMap(() => [
        callerOf("editorA1").organization.profile({ organizationId: targets.A.organizationId }).then((profile) => ["A", profile.id] as const),
        callerFor(context.database.db, world.users.editorB.id).organization.profile({ organizationId: targets.B.organizationId }).then((profile) => ["B", profile.id] as const),
        callerOf("editorA1").report.get({ reportId: targets.A.reportId }).then((report) => ["A", report.organization.id] as const),
        callerFor(context.database.db, world.users.editorB.id).report.get({ reportId: targets.B.reportId }).then((report) => ["B", report.organization.id] as const),
        callerOf("provinceA").dashboard.ranking({ area: { kind: "province", id: targets.A.provinceId }, ...filters }).then((ranking) => ["A", JSON.stringify(ranking)] as const),
        callerFor(context.database.db, world.users.provinceB.id)
          .dashboard.ranking({ area: { kind: "province", id: targets.B.provinceId }, ...filters })
          .then((ranking) => ["B", JSON.stringify(ranking)] as const),
      ]),
    );
    for (const [tenant, value] of answers) {
      if (tenant === "A") expect(value.includes(world.organizations.B.id)).toBe(false);
      else expect(value.includes(world.organizations.A1.id) || value.includes(world.organizations.A2.id)).toBe(false);
    }
    expect(answers.filter(([tenant, value]) => tenant === "A" && value === targets.A.organizationId)).toHaveLength(40);
    expect(answers.filter(([tenant, value]) => tenant === "B" && value === targets.B.organizationId)).toHaveLength(40);
    // 160 calls on the embedded database's one connection: up to a minute on a busy machine.
  }, 180_000);
});

describe("row-level security under the app's own calls", () => {
  it("50 interleaved rounds of two organisations' preparers and two provinces' reviewers through one client of two connections each get only their own", async () => {
    const { database, world } = context;
    // On PostgreSQL a client of its own with a pool of two connections, so that the tenants' transactions take turns on the same ones (PGlite has one).
    const db: Db = database.url ? prismaOnPostgres(`${database.url}${database.url.includes("?") ? "&" : "?"}connection_limit=2`) : database.db;
    const markersOfA = [
      ...Object.values(targets.A),
      world.organizations.A1.nameTh,
      world.organizations.A2.nameTh,
      world.organizations.A1.dlaCode,
      world.districts.A1.nameTh,
      world.provinces.A.nameTh,
      world.users.editorA1.username,
    ];
    const as = (tenant: "A" | "B", userId: string, call: (caller: Caller) => Promise<unknown>) =>
      call(callerFor(db, userId)).then((answer) => ({ tenant, text: JSON.stringify(answer) }));
    try {
      const answers = await Promise.all(
        Array.from({ length: 50 }, () => [
          as("A", world.users.editorA1.id, (c) => c.report.get({ reportId: targets.A.reportId })),
          as("B", world.users.editorB.id, (c) => c.report.get({ reportId: targets.B.reportId })),
          as("A", world.users.provinceA.id, (c) => c.area.organizations({ area: { kind: "province", id: targets.A.provinceId } })),
          as("B", world.users.provinceB.id, (c) => c.area.organizations({ area: { kind: "province", id: targets.B.provinceId } })),
        ]).flat(),
      );
      expect(answers).toHaveLength(200);
      for (const { tenant, text } of answers) {
        const own = tenant === "A" ? targets.A.organizationId : targets.B.organizationId;
        expect(text).toContain(own);
        for (const marker of tenant === "A" ? foreignMarkers : markersOfA) {
          if (text.includes(marker)) throw new Error(`an answer to province ${tenant} holds "${marker}"`);
        }
      }
    } finally {
      if (db !== database.db) await db.$disconnect();
    }
  }, 180_000);

  it("a foreign row is invisible to a narrowed client even when the app's own check is bypassed", async () => {
    const { database, world } = context;
    const access = (await loadAccess(database.db, world.users.editorA1.id))!;
    const narrowed = scopedDb(database.db, dbScopeOf(access));
    // An access that claims a grant at B's organisation as well: the services' checks let B through.
    const forged: Access = { ...access, grants: [...access.grants, { ...access.grants[0]!, id: "forged", organizationId: targets.B.organizationId }] };
    expect((await getReport(database.db, forged, targets.B.reportId)).id).toBe(targets.B.reportId);
    // Under the caller's row-level security B's rows do not exist: the same refusal as a missing id.
    await expect(getReport(narrowed, forged, targets.B.reportId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getOrganizationProfile(narrowed, forged, targets.B.organizationId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await narrowed.yearlyReport.findUnique({ where: { id: targets.B.reportId } })).toBeNull();
    expect(await narrowed.measure.findUnique({ where: { id: targets.B.measureId } })).toBeNull();
    expect((await narrowed.localOrganization.findMany({ select: { id: true } })).map((o) => o.id)).toEqual([targets.A.organizationId]);
    const raw = await narrowed.$queryRaw<{ id: string }[]>`SELECT id FROM "YearlyReport" WHERE "organizationId" = ${targets.B.organizationId}`;
    expect(raw).toEqual([]);
    await narrowed.$transaction(async (tx) => {
      expect(await tx.yearlyReport.count({ where: { organizationId: targets.B.organizationId } })).toBe(0);
      // Nor may it write one of B's rows: the update matches nothing.
      expect((await tx.yearlyReport.updateMany({ where: { id: targets.B.reportId }, data: { version: { increment: 1 } } })).count).toBe(0);
    });
    // Its own rows it still sees.
    expect((await getReport(narrowed, access, targets.A.reportId)).id).toBe(targets.A.reportId);
  });
});

describe("what each role sees of an area", () => {
  it("a province reviewer lists every organisation of the province and of its districts", async () => {
    const caller = callerOf("provinceA");
    const province = await caller.area.organizations({ area: { kind: "province", id: context.world.provinces.A.id } });
    expect(province.organizations.map((o) => o.id).sort()).toEqual(
      [context.world.organizations.A1.id, context.world.organizations.A1b.id, context.world.organizations.A2.id].sort(),
    );
    const district = await caller.area.organizations({ area: { kind: "district", id: context.world.districts.A2.id } });
    expect(district.organizations.map((o) => o.id)).toEqual([context.world.organizations.A2.id]);
    expect((await refusal(caller.area.organizations({ area: { kind: "national" } }))).code).toBe("NOT_FOUND");
  });

  it("a district reviewer sees only their district, never the province above it", async () => {
    const caller = callerOf("districtA1");
    const own = await caller.area.organizations({ area: { kind: "district", id: context.world.districts.A1.id } });
    expect(own.organizations.map((o) => o.id).sort()).toEqual([context.world.organizations.A1.id, context.world.organizations.A1b.id].sort());
    expect((await refusal(caller.area.organizations({ area: { kind: "district", id: context.world.districts.A2.id } }))).code).toBe("NOT_FOUND");
    expect((await refusal(caller.area.organizations({ area: { kind: "province", id: context.world.provinces.A.id } }))).code).toBe("NOT_FOUND");
  });

  it("organisation staff review no area; a province administrator reviews its province; the admin the country", async () => {
    expect(await callerOf("editorA1").area.mine()).toEqual([]);
    expect((await callerOf("provinceAdminA").area.mine()).map((area) => area.kind === "national" ? "national" : area.id)).toEqual([context.world.provinces.A.id]);
    const national = await callerOf("admin").area.organizations({ area: { kind: "national" } });
    expect(national.organizations).toHaveLength(4);
  });

  it("a signer of A1 gets nothing of its neighbour in the same district", async () => {
    expect((await refusal(callerOf("signerA1").organization.profile({ organizationId: context.world.organizations.A1b.id }))).code).toBe("NOT_FOUND");
  });
});

describe("what the score import matches", () => {
  it("scores.import: province B's reviewer writes nothing of province A; preparers and district reviewers are refused", async () => {
    const db = context.database.db;
    const file = (apply: boolean) => ({
      fileName: "ita.csv",
      // A1 and B by DLA code, FY2568.
      contentBase64: Buffer.from("รหัส อปท.,ชื่อหน่วยงาน,ปีงบประมาณ,คะแนน ITA\nT0001,อบต.ทดสอบเอหนึ่ง,2568,91\nT0004,อบต.ทดสอบบี,2568,92\n").toString("base64"),
      apply,
    });
    const before = await db.itaResult.findMany({ orderBy: { id: "asc" } });
    for (const user of [context.world.users.editorA1, context.world.users.districtA1, context.world.users.signerA1, context.world.users.editorB]) {
      expect((await refusal(callerFor(db, user.id).scores.import(file(true)))).code).toBe("FORBIDDEN");
    }
    expect((await refusal(callerFor(db, null).scores.import(file(true)))).code).toBe("UNAUTHORIZED");
    expect(await db.itaResult.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    // DLA codes here are not 8 digits: matched by name instead; province B's reviewer sees only B.
    const dry = await callerFor(db, context.world.users.provinceB.id).scores.import({
      ...file(false),
      contentBase64: Buffer.from("ชื่อหน่วยงาน,ปีงบประมาณ,คะแนน ITA\nอบต.ทดสอบเอหนึ่ง,2568,91\nอบต.ทดสอบบี,2568,92\n").toString("base64"),
    });
    expect(dry.newRows.map((row) => row.organizationId)).toEqual([context.world.organizations.B.id]);
    // A's organisation is unmatched, and the closest names offered are B's own only.
    expect(dry.unmatchedRows.map((row) => [row.line, row.suggestions.map((suggestion) => suggestion.dlaCode)])).toEqual([[2, ["T0004"]]]);
  });
});

describe("home", () => {
  it("sends each user to their place", async () => {
    const home = async (identity: Identity) => (await callerOf(identity).me.get()).homePath;
    expect(await home("editorA1")).toBe(`/organizations/${context.world.organizations.A1.id}`);
    expect(await home("provinceA")).toBe(`/areas/province/${context.world.provinces.A.id}`);
    expect(await home("districtA1")).toBe(`/areas/district/${context.world.districts.A1.id}`);
    expect(await home("admin")).toBe("/admin");
    expect(await home("provinceAdminA")).toBe("/admin");
    expect((await callerFor(context.database.db, context.world.users.noRole.id).me.get()).homePath).toBe("/no-access");
  });

  it("reads the caller's access once per request: a change shows from the next request on", async () => {
    const db = context.database.db;
    const request = callerFor(db, context.world.users.noRole.id);
    await request.me.get();
    await db.user.update({ where: { id: context.world.users.noRole.id }, data: { disabled: true } });
    try {
      // The same request (one page's calls) goes on with what it read; a new one is refused.
      expect((await request.me.get()).username).toBe("nobody");
      expect((await refusal(callerFor(db, context.world.users.noRole.id).me.get())).code).toBe("UNAUTHORIZED");
    } finally {
      await db.user.update({ where: { id: context.world.users.noRole.id }, data: { disabled: false } });
    }
  });

  it("a disabled account is signed out on its next call", async () => {
    await context.database.db.user.update({ where: { id: context.world.users.noRole.id }, data: { disabled: true } });
    expect((await refusal(callerFor(context.database.db, context.world.users.noRole.id).me.get())).code).toBe("UNAUTHORIZED");
  });
});
