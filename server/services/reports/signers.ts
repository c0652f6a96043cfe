// Who can sign each step of an organisation's sign-off chain: the enabled accounts holding that
// step there. Written once, as SQL (activeSignersSql): the status board flags a report waiting at
// a step nobody can sign with it, and the report page's warning, the re-route's targets and the
// "awaiting your signature" notifications read it through signOffChain and signersAt.
import { Prisma, type DbClient } from "@/server/db/client";
import { can, grantsFor } from "@/server/access/permissions";
import { actingGrantInForceSql, type Access } from "@/server/access/access";
import type { SignOffStep } from "@/server/db/generated/enums";
import type { OrganizationNode } from "@/server/access/nodes";
import { SIGN_OFF_CHAIN, unsignableSteps, type ChainStep } from "@/server/domain/report-workflow";
import { personName } from "@/server/domain/thai-format";
import { recipientsFor } from "../notifications/notifications";

/**
 * The signers of an organisation (an SQL expression: a parameter, or a column of the outer
 * query), one row per account and step (or more: UNION ALL): its ORG_SIGNER roles, and the acting
 * grants in force today (actingGrantInForceSql).
 */
export function activeSignersSql(organizationId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT ra."userId", ra."signOffStep" AS step, false AS acting
      FROM "RoleAssignment" ra
      JOIN "User" u ON u.id = ra."userId"
     WHERE ra.role = 'ORG_SIGNER' AND ra."organizationId" = ${organizationId} AND ra."signOffStep" IS NOT NULL AND NOT u.disabled
    UNION ALL
    SELECT ag."userId", ag.step, true AS acting
      FROM "ActingGrant" ag
      JOIN "User" u ON u.id = ag."userId"
     WHERE ag."organizationId" = ${organizationId} AND NOT u.disabled AND ${actingGrantInForceSql(Prisma.sql`ag`)}`;
}

/** Each step of the organisation's chain, in order, with who can sign it now. */
export async function signOffChain(db: DbClient, organizationId: string): Promise<ChainStep[]> {
  const rows = await db.$queryRaw<{ userId: string; step: SignOffStep; acting: boolean; titlePrefix: string | null; displayName: string; position: string | null }[]>`
    SELECT a."userId", a.step::text AS step, bool_and(a.acting) AS acting, u."titlePrefix", u."displayName", u.position
      FROM (${activeSignersSql(Prisma.sql`${organizationId}`)}) a
      JOIN "User" u ON u.id = a."userId"
     GROUP BY a."userId", a.step, u."titlePrefix", u."displayName", u.position
     ORDER BY u."displayName", a."userId"`;
  return SIGN_OFF_CHAIN.map((step) => ({
    step,
    signers: rows
      .filter((row) => row.step === step)
      // acting: signs this step only by an acting grant in force (ปฏิบัติหน้าที่).
      .map((row) => ({ userId: row.userId, name: personName(row.titlePrefix, row.displayName), position: row.position, acting: row.acting })),
  }));
}

/** The ids of the accounts that can sign the step at the organisation now. */
export async function signersAt(db: DbClient, organizationId: string, step: SignOffStep): Promise<string[]> {
  return (await signOffChain(db, organizationId)).find((entry) => entry.step === step)!.signers.map((signer) => signer.userId);
}

/**
 * Whom to ask for a missing signer: the administrators of the organisation's province (those who
 * manage its accounts by the permission table, not the country's), with how to reach them.
 */
export async function accountContacts(db: DbClient, node: OrganizationNode) {
  const ids = await recipientsFor(db, { action: "account.manage", node, localOnly: true });
  const people = await db.user.findMany({
    where: { id: { in: ids } },
    select: { titlePrefix: true, displayName: true, position: true, email: true },
    orderBy: [{ displayName: "asc" }, { id: "asc" }],
  });
  return people.map((person) => ({ name: personName(person.titlePrefix, person.displayName), position: person.position, email: person.email }));
}

/**
 * The report's organisation's chain as its page shows it (the caller may read the organisation):
 * who signs each step, whom to ask when a step has nobody, and whether the caller manages the
 * accounts themselves.
 */
export async function reportSigners(db: DbClient, access: Access, node: OrganizationNode) {
  const chain = await signOffChain(db, node.id);
  return {
    chain,
    contacts: unsignableSteps(chain).length > 0 ? await accountContacts(db, node) : [],
    mayManageAccounts: can(access, "account.manage", node),
    // The caller's ways of signing here: each step it holds, in its own right or acting (in force today).
    mine: grantsFor(access, "report.endorse", node).flatMap((grant) =>
      grant.signOffStep ? [{ step: grant.signOffStep, actingGrantId: grant.actingGrantId ?? null, actingPosition: grant.actingPosition ?? null }] : [],
    ),
  };
}
