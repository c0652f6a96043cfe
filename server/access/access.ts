// Who may see and change what, asked of the permission table (permissions.ts) on the nodes of the
// tree (nodes.ts). This module loads what a decision is made on (the caller's grants, an
// organisation's or an area's place in the tree) and answers a foreign node exactly as a
// missing one: NOT_FOUND, so that nobody learns what exists outside their scope.
import { Prisma, type DbClient, type DbScope } from "@/server/db/client";
import type { Role, SignOffStep } from "@/server/db/generated/enums";
import { AppError, NOT_FOUND_OR_FORBIDDEN } from "@/server/errors";
import type { AccessNode, AreaNode, OrganizationNode } from "./nodes";
import { can, type Action } from "./permissions";

export type { AreaNode, OrganizationNode } from "./nodes";

/** What an acting signature adds before the position acted for (the seed memo's "ปฏิบัติหน้าที่นายก…"). */
export const ACTING_PREFIX = "ปฏิบัติหน้าที่";

/**
 * An acting grant (the alias of an "ActingGrant" row) in force now: not revoked, and today, as a
 * Thai calendar day, within its period (both days included).
 */
export function actingGrantInForceSql(alias: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${alias}."revokedAt" IS NULL
    AND (now() AT TIME ZONE 'Asia/Bangkok')::date BETWEEN ${alias}."validFrom" AND ${alias}."validTo"`;
}

export type RoleGrant = {
  id: string;
  role: Role;
  organizationId: string | null;
  districtId: string | null;
  provinceId: string | null;
  signOffStep: SignOffStep | null;
  /** An acting authority in force today (ActingGrant) rather than a role of the account: its id, and the line it signs with ("ปฏิบัติหน้าที่…"). */
  actingGrantId?: string | null;
  actingPosition?: string;
};

export type Access = {
  userId: string;
  username: string;
  displayName: string;
  titlePrefix: string | null;
  position: string | null;
  grants: RoleGrant[];
  /**
   * The districts and provinces above the caller's organisation and district grants (loadAccess
   * reads them with the grants): whose own rows the caller's narrowed client sees (dbScopeOf).
   */
  above?: { districtIds: string[]; provinceIds: string[] };
};

/** Selects what an organisation's node is made of (see organizationNode). */
export const ORGANIZATION_NODE_SELECT = { id: true, districtId: true, district: { select: { provinceId: true } } } satisfies Prisma.LocalOrganizationSelect;

export const organizationNode = (organization: { id: string; districtId: string; district: { provinceId: string } }): OrganizationNode => ({
  kind: "organization",
  id: organization.id,
  districtId: organization.districtId,
  provinceId: organization.district.provinceId,
});

/** The caller's access, read fresh from the database; null for a missing or disabled account. */
export async function loadAccess(db: DbClient, userId: string): Promise<Access | null> {
  // Every call of every procedure starts here: one query for the account and its roles.
  // The acting grants in force today (Thai calendar day) sign their step as an ORG_SIGNER grant
  // would, after the account's own roles.
  const [user] = await db.$queryRaw<(Access & { disabled: boolean; acting: RoleGrant[] })[]>`
    SELECT u.id AS "userId", u.username, u."displayName", u."titlePrefix", u.position, u.disabled,
           coalesce(json_agg(json_build_object(
             'id', r.id, 'role', r.role, 'organizationId', r."organizationId", 'districtId', r."districtId",
             'provinceId', r."provinceId", 'signOffStep', r."signOffStep"
           ) ORDER BY r."createdAt", r.id) FILTER (WHERE r.id IS NOT NULL), '[]'::json) AS grants,
           (SELECT coalesce(json_agg(json_build_object(
                     'id', g.id, 'role', 'ORG_SIGNER', 'organizationId', g."organizationId", 'districtId', NULL,
                     'provinceId', NULL, 'signOffStep', g.step, 'actingPosition', ${ACTING_PREFIX}::text || g.position, 'actingGrantId', g.id
                   ) ORDER BY g."createdAt", g.id), '[]'::json)
              FROM "ActingGrant" g
             WHERE g."userId" = u.id AND ${actingGrantInForceSql(Prisma.sql`g`)}) AS acting,
           (SELECT json_build_object(
                     'districtIds', coalesce(array_agg(DISTINCT o."districtId") FILTER (WHERE o.id IS NOT NULL), '{}'),
                     'provinceIds', coalesce(array_agg(DISTINCT coalesce(od."provinceId", d."provinceId")) FILTER (WHERE od.id IS NOT NULL OR d.id IS NOT NULL), '{}'))
              FROM (SELECT n."organizationId", n."districtId" FROM "RoleAssignment" n WHERE n."userId" = u.id
                    UNION ALL
                    SELECT g."organizationId", NULL FROM "ActingGrant" g WHERE g."userId" = u.id AND ${actingGrantInForceSql(Prisma.sql`g`)}) n
              LEFT JOIN "LocalOrganization" o ON o.id = n."organizationId"
              LEFT JOIN "District" od ON od.id = o."districtId"
              LEFT JOIN "District" d ON d.id = n."districtId" AND n."organizationId" IS NULL) AS above
      FROM "User" u LEFT JOIN "RoleAssignment" r ON r."userId" = u.id
     WHERE u.id = ${userId}
     GROUP BY u.id`;
  if (!user || user.disabled) return null;
  const { disabled: _disabled, acting, ...access } = user;
  return { ...access, grants: [...access.grants, ...acting] };
}

/**
 * The rows the caller's narrowed client sees (row-level security, README Security model), made
 * here and nowhere else: a national administrator sees the country; anyone else the nodes of
 * their grants with everything below them, and the own rows of the districts and provinces above.
 */
export function dbScopeOf(access: Access): DbScope {
  if (access.grants.some((grant) => !grant.organizationId && !grant.districtId && !grant.provinceId)) return { kind: "national", userId: access.userId };
  const ids = (column: "organizationId" | "districtId" | "provinceId") => [
    ...new Set(access.grants.flatMap((grant) => (grantLevel(grant) === column ? [grant[column] as string] : []))),
  ];
  return {
    kind: "nodes",
    userId: access.userId,
    organizationIds: ids("organizationId"),
    districtIds: ids("districtId"),
    provinceIds: ids("provinceId"),
    aboveDistrictIds: access.above?.districtIds ?? [],
    aboveProvinceIds: access.above?.provinceIds ?? [],
  };
}

/** The column that names a grant's node (the most precise one set). */
const grantLevel = (grant: RoleGrant) => (grant.organizationId ? "organizationId" : grant.districtId ? "districtId" : "provinceId");

const notFound = () => new AppError("NOT_FOUND", NOT_FOUND_OR_FORBIDDEN);

/**
 * Loads an organisation's place in the tree and checks that the caller may take the action on
 * it (by default, read it). A missing and a foreign organisation look the same to the caller.
 */
export async function requireReadableOrganization(
  db: DbClient,
  access: Access,
  organizationId: string,
  action: Action = "organization.read",
): Promise<OrganizationNode> {
  const organization = await db.localOrganization.findUnique({ where: { id: organizationId }, select: ORGANIZATION_NODE_SELECT });
  const node = organization && organizationNode(organization);
  if (!node || !can(access, action, node)) throw notFound();
  return node;
}

/** An area's place in the tree (a district with its province); null when it does not exist. */
export async function areaNode(db: DbClient, area: AreaNode): Promise<AccessNode | null> {
  if (area.kind === "national") return area;
  if (area.kind === "province") {
    const province = await db.province.findUnique({ where: { id: area.id }, select: { id: true } });
    return province && { kind: "province", id: province.id };
  }
  const district = await db.district.findUnique({ where: { id: area.id }, select: { id: true, provinceId: true } });
  return district && { kind: "district", id: district.id, provinceId: district.provinceId };
}

/** Checks that the caller may take the action (by default, review) on the area; foreign and missing look the same. */
export async function requireReviewableArea(db: DbClient, access: Access, area: AreaNode, action: Action = "area.review"): Promise<AccessNode> {
  const node = await areaNode(db, area);
  if (!node || !can(access, action, node)) throw notFound();
  return node;
}

/** Loads a report's organisation and checks that the caller may read it. */
export async function requireReadableReport(db: DbClient, access: Access, reportId: string): Promise<OrganizationNode> {
  const report = await db.yearlyReport.findUnique({
    where: { id: reportId },
    select: { organization: { select: ORGANIZATION_NODE_SELECT } },
  });
  const node = report && organizationNode(report.organization);
  if (!node || !can(access, "organization.read", node)) throw notFound();
  return node;
}
