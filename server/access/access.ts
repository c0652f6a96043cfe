// Who may see and change what. A role assignment is scoped to one node of the tree
// national → province → district → organisation: reads follow the scope downwards, writes stay
// within one organisation. Every service checks through here; nothing trusts a client's id.
import type { DbClient, Prisma } from "@/server/db/client";
import type { Role, SignOffStep } from "@/server/db/generated/enums";
import { AppError, NOT_FOUND_OR_FORBIDDEN } from "@/server/errors";

export type RoleGrant = {
  id: string;
  role: Role;
  organizationId: string | null;
  districtId: string | null;
  provinceId: string | null;
  signOffStep: SignOffStep | null;
  actingPosition: string | null;
};

export type Access = {
  userId: string;
  username: string;
  displayName: string;
  titlePrefix: string | null;
  position: string | null;
  grants: RoleGrant[];
};

/** An organisation's place in the tree. */
export type OrganizationNode = { id: string; districtId: string; provinceId: string };

/** Selects what an organisation's node is made of (see organizationNode). */
export const ORGANIZATION_NODE_SELECT = { id: true, districtId: true, district: { select: { provinceId: true } } } satisfies Prisma.LocalOrganizationSelect;

export const organizationNode = (organization: { id: string; districtId: string; district: { provinceId: string } }): OrganizationNode => ({
  id: organization.id,
  districtId: organization.districtId,
  provinceId: organization.district.provinceId,
});

export type AreaNode = { kind: "district" | "province"; id: string } | { kind: "national" };

/** The caller's access, read fresh from the database; null for a missing or disabled account. */
export async function loadAccess(db: DbClient, userId: string): Promise<Access | null> {
  // Every call of every procedure starts here: one query for the account and its roles.
  const [user] = await db.$queryRaw<(Access & { disabled: boolean })[]>`
    SELECT u.id AS "userId", u.username, u."displayName", u."titlePrefix", u.position, u.disabled,
           coalesce(json_agg(json_build_object(
             'id', r.id, 'role', r.role, 'organizationId', r."organizationId", 'districtId', r."districtId",
             'provinceId', r."provinceId", 'signOffStep', r."signOffStep", 'actingPosition', r."actingPosition"
           ) ORDER BY r."createdAt", r.id) FILTER (WHERE r.id IS NOT NULL), '[]'::json) AS grants
      FROM "User" u LEFT JOIN "RoleAssignment" r ON r."userId" = u.id
     WHERE u.id = ${userId}
     GROUP BY u.id`;
  if (!user || user.disabled) return null;
  const { disabled: _disabled, ...access } = user;
  return access;
}

export function isAdmin(access: Access): boolean {
  return access.grants.some((grant) => grant.role === "ADMIN");
}

/**
 * The provinces whose administration (deadline extensions) the caller holds: every one for a
 * national administrator.
 */
export function administeredProvinces(access: Access): "all" | string[] {
  return isAdmin(access) ? "all" : [];
}

function grantCovers(grant: RoleGrant, node: OrganizationNode): boolean {
  if (grant.organizationId) return grant.organizationId === node.id;
  if (grant.districtId) return grant.districtId === node.districtId;
  if (grant.provinceId) return grant.provinceId === node.provinceId;
  return true; // national
}

export function canReadOrganization(access: Access, node: OrganizationNode): boolean {
  return access.grants.some((grant) => grantCovers(grant, node));
}

/** Writes are only for the organisation's own staff, in the given roles. */
export function canWriteOrganization(
  access: Access,
  organizationId: string,
  roles: Role[] = ["ORG_EDITOR", "ORG_SIGNER"],
): boolean {
  return access.grants.some((grant) => grant.organizationId === organizationId && roles.includes(grant.role));
}

const REVIEW_ROLES: Role[] = ["DISTRICT_REVIEWER", "PROVINCE_REVIEWER", "ADMIN"];

/** Reviewers and admins may look at an area when their scope node is that area or above it. */
export function canReviewArea(access: Access, area: AreaNode, provinceOfDistrict?: string): boolean {
  return access.grants.some((grant) => {
    if (!REVIEW_ROLES.includes(grant.role)) return false;
    if (grant.role === "ADMIN") return true;
    if (area.kind === "national") return false;
    if (area.kind === "province") return grant.provinceId === area.id;
    return grant.districtId === area.id || (grant.provinceId !== null && grant.provinceId === provinceOfDistrict);
  });
}

/** The organisations the caller may read, as a Prisma filter (empty scope matches nothing). */
export function readableOrganizationsWhere(access: Access): Prisma.LocalOrganizationWhereInput {
  if (access.grants.some((grant) => !grant.organizationId && !grant.districtId && !grant.provinceId)) return {};
  const ids = (pick: (grant: RoleGrant) => string | null) =>
    access.grants.map(pick).filter((id): id is string => id !== null);
  return {
    OR: [
      { id: { in: ids((grant) => grant.organizationId) } },
      { districtId: { in: ids((grant) => grant.districtId) } },
      { district: { provinceId: { in: ids((grant) => grant.provinceId) } } },
    ],
  };
}

/**
 * Loads an organisation's place in the tree and checks that the caller may read it. A missing
 * and a foreign organisation look the same to the caller.
 */
export async function requireReadableOrganization(
  db: DbClient,
  access: Access,
  organizationId: string,
): Promise<OrganizationNode> {
  const organization = await db.localOrganization.findUnique({ where: { id: organizationId }, select: ORGANIZATION_NODE_SELECT });
  const node = organization && organizationNode(organization);
  if (!node || !canReadOrganization(access, node)) throw new AppError("NOT_FOUND", NOT_FOUND_OR_FORBIDDEN);
  return node;
}

/** Checks that the caller reviews the area (or an area above it). */
export async function requireReviewableArea(db: DbClient, access: Access, area: AreaNode): Promise<void> {
  // A reviewer's own district or province exists (the grant references it): no query needed.
  const ownArea = access.grants.some(
    (grant) =>
      (area.kind === "province" && grant.role === "PROVINCE_REVIEWER" && grant.provinceId === area.id) ||
      (area.kind === "district" && grant.role === "DISTRICT_REVIEWER" && grant.districtId === area.id),
  );
  if (ownArea) return;
  let provinceOfDistrict: string | undefined;
  if (area.kind === "district") {
    const district = await db.district.findUnique({ where: { id: area.id }, select: { provinceId: true } });
    if (!district) throw new AppError("NOT_FOUND", NOT_FOUND_OR_FORBIDDEN);
    provinceOfDistrict = district.provinceId;
  } else if (area.kind === "province") {
    const province = await db.province.findUnique({ where: { id: area.id }, select: { id: true } });
    if (!province) throw new AppError("NOT_FOUND", NOT_FOUND_OR_FORBIDDEN);
  }
  if (!canReviewArea(access, area, provinceOfDistrict)) throw new AppError("FORBIDDEN", NOT_FOUND_OR_FORBIDDEN);
}

/** Reviewers (district, province) and admins whose area covers the organisation. */
export function canReviewOrganization(access: Access, node: OrganizationNode): boolean {
  return canReviewArea(access, { kind: "district", id: node.districtId }, node.provinceId);
}

/** The caller reviews some area (a district, a province or, as an admin, the country). */
export function isReviewer(access: Access): boolean {
  return access.grants.some((grant) => REVIEW_ROLES.includes(grant.role));
}

/** Loads a report's organisation and checks that the caller may read it. */
export async function requireReadableReport(db: DbClient, access: Access, reportId: string): Promise<OrganizationNode> {
  const report = await db.yearlyReport.findUnique({
    where: { id: reportId },
    select: { organization: { select: ORGANIZATION_NODE_SELECT } },
  });
  const node = report && organizationNode(report.organization);
  if (!node || !canReadOrganization(access, node)) throw new AppError("NOT_FOUND", NOT_FOUND_OR_FORBIDDEN);
  return node;
}
