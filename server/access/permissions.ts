// Who may do what, written once as data. A role is granted at one node of the tree
// national → province → district → organisation (ROLES says which kind of node); it allows the
// actions PERMISSIONS lists for it, on that node and everything below it. Every procedure, page
// and service asks `can(access, action, node)` (or one of the helpers built on it below) and
// nothing else: a new rule is a new row here, not a new `if` somewhere.
import type { Prisma } from "@/server/db/client";
import type { Role, SignOffStep } from "@/server/db/generated/enums";
import { contains, grantNode, organizationsUnder, sameNode, type AccessNode, type NodeKind, type ScopeNode } from "./nodes";

/** What a caller wants to do. Report actions are judged on the report's organisation. */
export type Action =
  | "organization.read" // an organisation's page, its reports and ITA results
  | "report.prepare" // create, edit and send up the organisation's report
  | "report.endorse" // sign at the step of one's grant in the sign-off chain
  | "report.review" // comment on or return a report sent to the province; accept it where no district step is required
  | "report.endorseForDistrict" // endorse a report for the province, where the province requires the district's step
  | "report.acceptAfterDistrict" // accept a report the district endorsed, where the province requires that step
  | "report.reopen" // reopen an accepted report
  | "report.reroute" // move a report waiting in the sign-off chain to a later step or back to its preparer
  | "itaResult.report" // report the organisation's own ITA result where none is announced (unconfirmed)
  | "itaResult.manage" // enter, import, confirm and change announced ITA results (with a reason)
  | "area.review" // an area's organisations, dashboards and summary exports
  | "node.administer" // the registry below the node: provinces, districts, organisations
  | "account.manage" // accounts and their role grants within the node
  | "deadline.extend" // a later submission deadline for the node
  | "review.configure" // whether the province's reports need the district's endorsement
  | "framework.manage" // each fiscal year's framework (level rules, indicators, issues)
  | "emblem.manage" // the Garuda image printed on every memo
  | "actingGrant.manage"; // give a person of the organisation acting authority (ปฏิบัติหน้าที่) for a step of its chain, or revoke it

const ALL_ROLES: Role[] = ["ORG_EDITOR", "ORG_SIGNER", "DISTRICT_REVIEWER", "PROVINCE_REVIEWER", "PROVINCE_ADMIN", "ADMIN"];

/**
 * Who holds an action: a role, or a signer of certain steps of its organisation's chain (held in
 * its own right: an acting grant signs a step, it does not make its holder the organisation's head).
 */
export type Holder = Role | { role: "ORG_SIGNER"; steps: readonly SignOffStep[] };

/** The organisation's head: its นายก or its ปลัด. */
const ORGANIZATION_HEAD: Holder = { role: "ORG_SIGNER", steps: ["CHIEF_ADMINISTRATOR", "EXECUTIVE"] };

/** The table: each action and who may take it within their node. */
export const PERMISSIONS: Record<Action, readonly Holder[]> = {
  "organization.read": ALL_ROLES,
  "report.prepare": ["ORG_EDITOR"],
  "report.endorse": ["ORG_SIGNER"],
  "report.review": ["DISTRICT_REVIEWER", "PROVINCE_REVIEWER", "ADMIN"],
  "report.endorseForDistrict": ["DISTRICT_REVIEWER"],
  "report.acceptAfterDistrict": ["PROVINCE_REVIEWER", "ADMIN"],
  "report.reopen": ["ADMIN"],
  "report.reroute": ["PROVINCE_ADMIN", "ADMIN"],
  "itaResult.report": ["ORG_EDITOR"],
  "itaResult.manage": ["PROVINCE_REVIEWER", "PROVINCE_ADMIN", "ADMIN"],
  "area.review": ["DISTRICT_REVIEWER", "PROVINCE_REVIEWER", "PROVINCE_ADMIN", "ADMIN"],
  "node.administer": ["PROVINCE_ADMIN", "ADMIN"],
  "account.manage": ["PROVINCE_ADMIN", "ADMIN"],
  "deadline.extend": ["PROVINCE_ADMIN", "ADMIN"],
  "review.configure": ["PROVINCE_ADMIN", "ADMIN"],
  "framework.manage": ["ADMIN"],
  "emblem.manage": ["ADMIN"],
  "actingGrant.manage": [ORGANIZATION_HEAD, "PROVINCE_ADMIN", "ADMIN"],
};

/** The role a holder names. */
export const holderRole = (holder: Holder): Role => (typeof holder === "string" ? holder : holder.role);

/** Does the grant make its holder one the table names? */
export function holds(holder: Holder, grant: Grant): boolean {
  if (typeof holder === "string") return grant.role === holder;
  return grant.role === holder.role && !grant.actingGrantId && !!grant.signOffStep && holder.steps.includes(grant.signOffStep);
}

/**
 * Each role: the kind of node it is granted at, and where its holder starts (the first of the
 * caller's grants in `homeRank` order decides; equal ranks keep the grants' order).
 */
export const ROLES: Record<Role, { scope: NodeKind; homeRank: number; home: (grant: Grant) => string }> = {
  ORG_EDITOR: { scope: "organization", homeRank: 4, home: (grant) => `/organizations/${grant.organizationId}` },
  ORG_SIGNER: { scope: "organization", homeRank: 4, home: (grant) => `/organizations/${grant.organizationId}` },
  DISTRICT_REVIEWER: { scope: "district", homeRank: 3, home: (grant) => `/areas/district/${grant.districtId}` },
  PROVINCE_REVIEWER: { scope: "province", homeRank: 2, home: (grant) => `/areas/province/${grant.provinceId}` },
  PROVINCE_ADMIN: { scope: "province", homeRank: 1, home: () => "/admin" },
  ADMIN: { scope: "national", homeRank: 0, home: () => "/admin" },
};

/** The part of an account that decides what it may do. */
export type Grant = {
  role: Role;
  organizationId: string | null;
  districtId: string | null;
  provinceId: string | null;
  /** ORG_SIGNER: the step it signs. */
  signOffStep?: SignOffStep | null;
  /** Set when the grant is an acting authority in force (ActingGrant), not a role of the account. */
  actingGrantId?: string | null;
};

type Grants<G extends Grant> = { grants: G[] };

/** The caller's grants that allow the action on the node (a signer's carry their steps). */
export function grantsFor<G extends Grant>(access: Grants<G>, action: Action, node: AccessNode): G[] {
  return grantsWith(access, action).filter((grant) => contains(grantNode(grant), node));
}

/** May the caller take the action on the node (an organisation, a district, a province, the country)? */
export function can(access: Grants<Grant>, action: Action, node: AccessNode): boolean {
  return grantsFor(access, action, node).length > 0;
}

/** The caller's grants that hold the action somewhere. */
export function grantsWith<G extends Grant>(access: Grants<G>, action: Action): G[] {
  return access.grants.filter((grant) => PERMISSIONS[action].some((holder) => holds(holder, grant)));
}

/** The nodes at which the caller holds the action (each once, in the grants' order). */
export function nodesFor(access: Grants<Grant>, action: Action): ScopeNode[] {
  const nodes: ScopeNode[] = [];
  for (const grant of grantsWith(access, action)) {
    const node = grantNode(grant);
    if (!nodes.some((known) => sameNode(known, node))) nodes.push(node);
  }
  return nodes;
}

/** Does the caller hold the action anywhere (to offer a menu, or to refuse a whole kind of call)? */
export const mayAnywhere = (access: Grants<Grant>, action: Action) => grantsWith(access, action).length > 0;

/**
 * What lies within the caller's nodes for the action, as a Prisma filter built by `under`
 * (organizationsUnder, districtsUnder, …): no such node matches nothing.
 */
export function scopeWhere<Where>(access: Grants<Grant>, action: Action, under: (scope: ScopeNode) => Where): { OR: Where[] } {
  return { OR: nodesFor(access, action).map(under) };
}

export const NATIONAL: AccessNode = { kind: "national" };

/** The organisations on which the caller may take the action, as a Prisma filter. */
export function organizationsWhere(access: Grants<Grant>, action: Action): Prisma.LocalOrganizationWhereInput {
  return can(access, action, NATIONAL) ? {} : scopeWhere(access, action, organizationsUnder);
}

/** Which administration pages the caller's menu offers (each page's procedures check again). */
export function administrationMenu(access: Grants<Grant>) {
  return {
    registry: mayAnywhere(access, "node.administer"),
    accounts: mayAnywhere(access, "account.manage"),
    framework: can(access, "framework.manage", NATIONAL),
    deadlines: mayAnywhere(access, "deadline.extend"),
    emblem: can(access, "emblem.manage", NATIONAL),
  };
}

/** Where the caller starts after signing in. */
export function homePathFor(access: Grants<Grant>): string {
  const first = access.grants.reduce<Grant | null>(
    (best, grant) => (best && ROLES[best.role].homeRank <= ROLES[grant.role].homeRank ? best : grant),
    null,
  );
  return first ? ROLES[first.role].home(first) : "/no-access";
}
