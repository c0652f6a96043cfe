// The tree every scope hangs on: national → province → district → organisation. "A node lies
// within a scope" is written here once for each form a caller needs: in memory (contains), as a
// Prisma filter (organizationsUnder) and as SQL (organizationsUnderSql); a unit test holds the
// three to the same answers.
import { Prisma } from "@/server/db/client";

export type NodeKind = "national" | "province" | "district" | "organization";

/** A node named by its id alone: a grant's scope, or an area a caller asks about. */
export type ScopeNode = { kind: "national" } | { kind: "province" | "district" | "organization"; id: string };

/** A district, a province or the country, as callers name them. */
export type AreaNode = { kind: "district" | "province"; id: string } | { kind: "national" };

/** An organisation's place in the tree. */
export type OrganizationNode = { kind: "organization"; id: string; districtId: string; provinceId: string };

/** A node with the ids of the nodes above it: what an access decision is made on. */
export type AccessNode =
  | { kind: "national" }
  | { kind: "province"; id: string }
  | { kind: "district"; id: string; provinceId: string }
  | OrganizationNode;

/** Is the node the scope itself or below it? */
export function contains(scope: ScopeNode, node: AccessNode): boolean {
  switch (scope.kind) {
    case "national":
      return true;
    case "province":
      return node.kind === "province" ? node.id === scope.id : node.kind !== "national" && node.provinceId === scope.id;
    case "district":
      return (node.kind === "district" && node.id === scope.id) || (node.kind === "organization" && node.districtId === scope.id);
    case "organization":
      return node.kind === "organization" && node.id === scope.id;
  }
}

/** The node a role grant is scoped to (none of its columns set: the country). */
export function grantNode(grant: { organizationId: string | null; districtId: string | null; provinceId: string | null }): ScopeNode {
  if (grant.organizationId) return { kind: "organization", id: grant.organizationId };
  if (grant.districtId) return { kind: "district", id: grant.districtId };
  if (grant.provinceId) return { kind: "province", id: grant.provinceId };
  return { kind: "national" };
}

export const sameNode = (a: ScopeNode, b: ScopeNode) => a.kind === b.kind && (a.kind === "national" || a.id === (b as { id: string }).id);

/** The organisations within the scope, as a Prisma filter. */
export function organizationsUnder(scope: ScopeNode): Prisma.LocalOrganizationWhereInput {
  switch (scope.kind) {
    case "national":
      return {};
    case "province":
      return { district: { provinceId: scope.id } };
    case "district":
      return { districtId: scope.id };
    case "organization":
      return { id: scope.id };
  }
}

const NOTHING = { id: { in: [] as string[] } };

/** The provinces within the scope (a province lies within itself and the country only). */
export function provincesUnder(scope: ScopeNode): Prisma.ProvinceWhereInput {
  if (scope.kind === "national") return {};
  return scope.kind === "province" ? { id: scope.id } : NOTHING;
}

/** The districts within the scope. */
export function districtsUnder(scope: ScopeNode): Prisma.DistrictWhereInput {
  if (scope.kind === "national") return {};
  if (scope.kind === "province") return { provinceId: scope.id };
  return scope.kind === "district" ? { id: scope.id } : NOTHING;
}

/**
 * The role grants whose node lies within the scope (a national grant only within the country).
 * Each branch first says its column is set: under `every`, PostgreSQL would otherwise read a
 * comparison with NULL as "not outside", and a grant elsewhere would count as within.
 */
export function grantsUnder(scope: ScopeNode): Prisma.RoleAssignmentWhereInput {
  if (scope.kind === "national") return {};
  return {
    OR: [
      { organizationId: { not: null }, organization: organizationsUnder(scope) },
      { districtId: { not: null }, district: districtsUnder(scope) },
      { provinceId: { not: null }, province: provincesUnder(scope) },
    ],
  };
}

/** The organisations within the scope as an SQL condition, for raw queries joining "LocalOrganization" o and "District" d. */
export function organizationsUnderSql(scope: ScopeNode): Prisma.Sql {
  switch (scope.kind) {
    case "national":
      return Prisma.sql`TRUE`;
    case "province":
      return Prisma.sql`d."provinceId" = ${scope.id}`;
    case "district":
      return Prisma.sql`o."districtId" = ${scope.id}`;
    case "organization":
      return Prisma.sql`o.id = ${scope.id}`;
  }
}
