// Bulk import of the accounts of organisations' staff from a CSV or XLSX file, one row per account
// and role: username, title, name, position, DLA code, role (ผู้จัดทำ, หัวหน้าสำนักปลัด, ปลัด,
// นายก) and an optional acting position. As with the registry: a dry run first (new, changed,
// unchanged, invalid rows with line, column and reason), then one transaction, one audit event;
// the same file twice changes nothing. New accounts get set-password links, shown once.
import { randomUUID } from "node:crypto";
import type { Access } from "@/server/access/access";
import type { DbClient, Prisma } from "@/server/db/client";
import type { SignOffStep } from "@/server/db/generated/enums";
import { ROLE_LABEL, SIGN_OFF_STEP_LABEL } from "@/server/domain/labels";
import { parseDlaCode } from "@/server/domain/registry-values";
import { adminScopeOf, coversProvince, type AdminScope, type Call } from "@/server/services/admin-scope";
import { recordAudit } from "@/server/services/audit";
import { findColumns, headerKey, readTableFile, type ColumnSpec, type Table } from "@/server/services/imports/table-file";
import { issuePasswordLink } from "@/server/services/password-links";
import type { InvalidRow } from "@/server/services/registry/registry-import";
import { ZUsername } from "@/server/services/users";

export const ACCOUNT_COLUMNS = {
  username: { label: "ชื่อผู้ใช้", aliases: ["ชื่อผู้ใช้", "username", "user"], required: true },
  titlePrefix: { label: "คำนำหน้า", aliases: ["คำนำหน้า", "คำนำหน้า/ยศ", "ยศ", "title"], required: false },
  displayName: { label: "ชื่อ-นามสกุล", aliases: ["ชื่อ-นามสกุล", "ชื่อ นามสกุล", "ชื่อ", "name", "full name"], required: true },
  position: { label: "ตำแหน่ง", aliases: ["ตำแหน่ง", "position"], required: false },
  dlaCode: { label: "รหัส อปท.", aliases: ["รหัส อปท.", "รหัส", "DLA code", "code"], required: true },
  role: { label: "บทบาท", aliases: ["บทบาท", "role"], required: true },
  // Read only to refuse: acting authority is a grant for a period, given on the organisation's people page.
  acting: { label: "ปฏิบัติหน้าที่", aliases: ["ปฏิบัติหน้าที่", "ปฏิบัติหน้าที่แทน", "acting position"], required: false },
} satisfies ColumnSpec<string>;

type ImportedRole = { role: "ORG_EDITOR"; signOffStep: null } | { role: "ORG_SIGNER"; signOffStep: SignOffStep };

const ROLE_BY_KEY = new Map<string, ImportedRole>([
  ...["ผู้จัดทำ", "ผู้จัดทำรายงาน", "editor", "ORG_EDITOR"].map((name) => [headerKey(name), { role: "ORG_EDITOR", signOffStep: null }] as const),
  ...(Object.entries(SIGN_OFF_STEP_LABEL) as [SignOffStep, string][]).flatMap(([step, label]) =>
    [label, step, `ผู้ลงนาม ${label}`].map((name) => [headerKey(name), { role: "ORG_SIGNER", signOffStep: step }] as const),
  ),
]);

export const ACTING_NOT_IMPORTED = "การปฏิบัติหน้าที่แทนไม่นำเข้าจากไฟล์ กรุณานำเข้าบทบาทของตำแหน่งจริง แล้วมอบให้ปฏิบัติหน้าที่ (ระบุช่วงวันที่) ที่หน้าบุคลากรขององค์กร";

const roleLabel = (role: ImportedRole) => (role.signOffStep ? `${ROLE_LABEL.ORG_SIGNER} (${SIGN_OFF_STEP_LABEL[role.signOffStep]})` : ROLE_LABEL.ORG_EDITOR);

type AccountRow = {
  line: number;
  username: string;
  titlePrefix: string | null;
  displayName: string;
  position: string | null;
  dlaCode: string;
  role: ImportedRole;
};

type PlannedAccount = {
  username: string;
  details: { displayName: string; titlePrefix: string | null; position: string | null };
  existingId: string | null;
  detailChanges: string[];
  lines: number[];
  newGrants: { line: number; organizationId: string; organizationName: string; role: ImportedRole }[];
};

async function planAccounts(db: DbClient, scope: AdminScope, table: Table) {
  const columns = findColumns(table.header, ACCOUNT_COLUMNS);
  const invalid: InvalidRow[] = [];
  const rows: AccountRow[] = [];
  for (const row of table.rows) {
    const value = (field: keyof typeof ACCOUNT_COLUMNS) => columns.value(row, field);
    const refuse = (field: keyof typeof ACCOUNT_COLUMNS, reason: string) => invalid.push({ line: row.line, column: columns.label(field), reason });
    const username = ZUsername.safeParse(value("username"));
    const dlaCode = parseDlaCode(value("dlaCode"));
    const role = ROLE_BY_KEY.get(headerKey(value("role")));
    if (!username.success) refuse("username", username.error.issues[0]!.message);
    else if (!value("displayName")) refuse("displayName", "ไม่ได้กรอกชื่อ-นามสกุล");
    else if (value("displayName").length > 200) refuse("displayName", "ชื่อ-นามสกุลยาวเกิน 200 ตัวอักษร");
    else if (value("position").length > 200) refuse("position", "ตำแหน่งยาวเกิน 200 ตัวอักษร");
    else if (value("titlePrefix").length > 50) refuse("titlePrefix", "คำนำหน้ายาวเกิน 50 ตัวอักษร");
    else if (!dlaCode) refuse("dlaCode", `รหัส อปท. "${value("dlaCode")}" ต้องเป็นตัวเลข 8 หลัก`);
    else if (!role) refuse("role", `ไม่รู้จักบทบาท "${value("role")}" (ใช้ ผู้จัดทำ หัวหน้าสำนักปลัด ปลัด หรือ นายก)`);
    else if (value("acting")) refuse("acting", ACTING_NOT_IMPORTED);
    else {
      rows.push({
        line: row.line,
        username: username.data,
        titlePrefix: value("titlePrefix") || null,
        displayName: value("displayName"),
        position: value("position") || null,
        dlaCode,
        role,
      });
    }
  }

  const [organizations, users] = await Promise.all([
    db.localOrganization.findMany({
      where: { dlaCode: { in: rows.map((row) => row.dlaCode) } },
      select: { id: true, dlaCode: true, nameTh: true, active: true, district: { select: { provinceId: true } } },
    }),
    db.user.findMany({
      where: { username: { in: rows.map((row) => row.username) } },
      select: {
        id: true,
        username: true,
        displayName: true,
        titlePrefix: true,
        position: true,
        roles: { select: { role: true, organizationId: true, districtId: true, provinceId: true, signOffStep: true, organization: { select: { district: { select: { provinceId: true } } } }, district: { select: { provinceId: true } } } },
      },
    }),
  ]);
  const organizationByCode = new Map(organizations.map((organization) => [organization.dlaCode, organization]));
  const userByName = new Map(users.map((user) => [user.username, user]));
  const accounts = new Map<string, PlannedAccount>();

  for (const row of rows) {
    const refuse = (field: keyof typeof ACCOUNT_COLUMNS, reason: string) => invalid.push({ line: row.line, column: columns.label(field), reason });
    const organization = organizationByCode.get(row.dlaCode);
    if (!organization || !coversProvince(scope, organization.district.provinceId)) {
      refuse("dlaCode", `ไม่พบ อปท. รหัส ${row.dlaCode} ในเขตที่ท่านดูแล`);
      continue;
    }
    if (!organization.active) {
      refuse("dlaCode", `${organization.nameTh} เลิกใช้งานแล้ว`);
      continue;
    }
    const existing = userByName.get(row.username) ?? null;
    const outside =
      existing &&
      scope.kind !== "national" &&
      existing.roles.some((grant) => {
        const province = grant.organization?.district.provinceId ?? grant.district?.provinceId ?? grant.provinceId;
        return !province || !coversProvince(scope, province);
      });
    if (outside) {
      refuse("username", `ชื่อผู้ใช้ ${row.username} เป็นของบัญชีนอกเขตที่ท่านดูแล`);
      continue;
    }
    const details = { displayName: row.displayName, titlePrefix: row.titlePrefix, position: row.position };
    let account = accounts.get(row.username);
    if (!account) {
      const detailChanges = existing
        ? (["displayName", "titlePrefix", "position"] as const).filter((field) => (existing[field] ?? null) !== details[field]).map((field) => ACCOUNT_COLUMNS[field].label)
        : [];
      account = { username: row.username, details, existingId: existing?.id ?? null, detailChanges, lines: [], newGrants: [] };
      accounts.set(row.username, account);
    } else if (JSON.stringify(account.details) !== JSON.stringify(details)) {
      refuse("displayName", `ชื่อ คำนำหน้า หรือตำแหน่งของ ${row.username} ไม่ตรงกับแถวที่ ${account.lines[0]}`);
      continue;
    }
    account.lines.push(row.line);
    const sameGrant = (grant: { role: string; organizationId: string | null; signOffStep: string | null }) =>
      grant.role === row.role.role && grant.organizationId === organization.id && grant.signOffStep === row.role.signOffStep;
    if (!existing?.roles.some(sameGrant) && !account.newGrants.some((grant) => sameGrant({ ...grant, ...grant.role }))) {
      account.newGrants.push({ line: row.line, organizationId: organization.id, organizationName: organization.nameTh, role: row.role });
    }
  }
  invalid.sort((a, b) => a.line - b.line);
  return { accounts: [...accounts.values()], invalid };
}

function summary(plan: Awaited<ReturnType<typeof planAccounts>>) {
  const describe = (account: PlannedAccount) => ({
    lines: account.lines,
    username: account.username,
    displayName: account.details.displayName,
    newRoles: account.newGrants.map((grant) => `${roleLabel(grant.role)} · ${grant.organizationName}`),
    changedFields: account.detailChanges,
  });
  const fresh = plan.accounts.filter((account) => !account.existingId);
  const changed = plan.accounts.filter((account) => account.existingId && (account.newGrants.length || account.detailChanges.length));
  const unchanged = plan.accounts.filter((account) => account.existingId && !account.newGrants.length && !account.detailChanges.length);
  return {
    counts: { new: fresh.length, changed: changed.length, unchanged: unchanged.length, invalid: plan.invalid.length },
    newRows: fresh.map(describe),
    changedRows: changed.map(describe),
    unchangedRows: unchanged.map(describe),
    invalidRows: plan.invalid,
  };
}

export type AccountImportResult = ReturnType<typeof summary> & {
  applied: boolean;
  /** Set-password links of the new accounts, shown once. */
  passwordLinks: { username: string; displayName: string; token: string; expiresAt: Date }[];
};

export async function importAccounts({ db, actor, input, request }: Call<{ fileName: string; bytes: Uint8Array; apply: boolean }>): Promise<AccountImportResult> {
  const scope = adminScopeOf(actor, "account.manage");
  const table = await readTableFile(input.fileName, input.bytes);
  if (!input.apply) return { ...summary(await planAccounts(db, scope, table)), applied: false, passwordLinks: [] };
  return db.$transaction(
    async (tx) => {
      const plan = await planAccounts(tx, scope, table);
      const passwordLinks = await writeAccounts(tx, actor, plan.accounts);
      const result = summary(plan);
      await recordAudit(tx, {
        actor,
        request,
        action: "account.import",
        entityType: "AccountImport",
        entityId: randomUUID(),
        scope: { provinceId: scope.kind === "province" && scope.provinceIds.length === 1 ? scope.provinceIds[0] : null },
        after: { fileName: input.fileName, counts: result.counts, usernames: plan.accounts.map((account) => account.username) },
      });
      return { ...result, applied: true, passwordLinks };
    },
    { timeout: 5 * 60_000, maxWait: 30_000 },
  );
}

async function writeAccounts(tx: Prisma.TransactionClient, actor: Pick<Access, "userId"> | null, accounts: PlannedAccount[]) {
  const links: AccountImportResult["passwordLinks"] = [];
  for (const account of accounts) {
    let userId = account.existingId;
    if (!userId) {
      userId = (await tx.user.create({ data: { username: account.username, ...account.details, passwordHash: null } })).id;
      links.push({ username: account.username, displayName: account.details.displayName, ...(await issuePasswordLink(tx, userId, actor)) });
    } else if (account.detailChanges.length) {
      await tx.user.update({ where: { id: userId }, data: account.details });
    }
    if (account.newGrants.length) {
      await tx.roleAssignment.createMany({
        data: account.newGrants.map((grant) => ({
          userId: userId!,
          role: grant.role.role,
          organizationId: grant.organizationId,
          signOffStep: grant.role.signOffStep,
        })),
      });
    }
  }
  return links;
}
