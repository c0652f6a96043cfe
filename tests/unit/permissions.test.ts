// The permission table and `can`. Access objects are built by hand; grants follow the database's
// scope check (org roles → organizationId only, DISTRICT_REVIEWER → districtId only, province
// roles → provinceId only, ADMIN → no scope).
import { describe, expect, it } from "vitest";
import type { Access, RoleGrant } from "@/server/access/access";
import { contains, organizationsUnder, type AccessNode, type OrganizationNode, type ScopeNode } from "@/server/access/nodes";
import { can, grantsFor, holderRole, homePathFor, NATIONAL, nodesFor, organizationsWhere, PERMISSIONS, ROLES, type Action } from "@/server/access/permissions";
import type { Prisma } from "@/server/db/client";

type Role = RoleGrant["role"];

// Province P1 has districts D1 and D2; province P2 has district D3.
const provinceOf: Record<string, string> = { D1: "P1", D2: "P1", D3: "P2" };
const org = (id: string, districtId: string): OrganizationNode => ({ kind: "organization", id, districtId, provinceId: provinceOf[districtId]! });
const O1 = org("O1", "D1");
const O2 = org("O2", "D1");
const O3 = org("O3", "D2");
const O4 = org("O4", "D3");
const ALL_ORGS = [O1, O2, O3, O4];
const district = (id: string): AccessNode => ({ kind: "district", id, provinceId: provinceOf[id]! });
const province = (id: string): AccessNode => ({ kind: "province", id });
const ALL_NODES: AccessNode[] = [NATIONAL, province("P1"), province("P2"), district("D1"), district("D2"), district("D3"), ...ALL_ORGS];

let grantCounter = 0;
function grant(role: Role, scope: { organizationId?: string; districtId?: string; provinceId?: string } = {}): RoleGrant {
  return {
    id: `g${++grantCounter}`,
    role,
    organizationId: scope.organizationId ?? null,
    districtId: scope.districtId ?? null,
    provinceId: scope.provinceId ?? null,
    signOffStep: role === "ORG_SIGNER" ? "EXECUTIVE" : null,
  };
}
const accessWith = (...grants: RoleGrant[]): Access => ({ userId: "u1", username: "user1", displayName: "ผู้ใช้ ทดสอบ", titlePrefix: null, position: null, grants });

const orgEditor = (organizationId: string) => grant("ORG_EDITOR", { organizationId });
const orgSigner = (organizationId: string) => grant("ORG_SIGNER", { organizationId });
const districtReviewer = (districtId: string) => grant("DISTRICT_REVIEWER", { districtId });
const provinceReviewer = (provinceId: string) => grant("PROVINCE_REVIEWER", { provinceId });
const provinceAdmin = (provinceId: string) => grant("PROVINCE_ADMIN", { provinceId });
const admin = () => grant("ADMIN");

const allowed = (access: Access, action: Action) =>
  ALL_NODES.filter((node) => can(access, action, node)).map((node) => (node.kind === "national" ? "N" : node.id));

describe("can: reading organisations", () => {
  const readable = (access: Access) => ALL_ORGS.filter((node) => can(access, "organization.read", node)).map((n) => n.id);

  it("follows each grant downwards, and grants add up", () => {
    expect(readable(accessWith(orgEditor("O1")))).toEqual(["O1"]);
    expect(readable(accessWith(orgSigner("O3")))).toEqual(["O3"]);
    expect(readable(accessWith(districtReviewer("D1")))).toEqual(["O1", "O2"]);
    expect(readable(accessWith(provinceReviewer("P1")))).toEqual(["O1", "O2", "O3"]);
    expect(readable(accessWith(provinceAdmin("P2")))).toEqual(["O4"]);
    expect(readable(accessWith(admin()))).toEqual(["O1", "O2", "O3", "O4"]);
    expect(readable(accessWith(orgEditor("O4"), districtReviewer("D2")))).toEqual(["O3", "O4"]);
    expect(readable(accessWith())).toEqual([]);
  });
});

describe("can: report actions stay with the roles the table names", () => {
  it("only the organisation's own preparer prepares, only its signer endorses", () => {
    expect(allowed(accessWith(orgEditor("O1")), "report.prepare")).toEqual(["O1"]);
    expect(allowed(accessWith(orgSigner("O1")), "report.prepare")).toEqual([]);
    expect(allowed(accessWith(orgSigner("O1")), "report.endorse")).toEqual(["O1"]);
    for (const access of [accessWith(provinceReviewer("P1")), accessWith(provinceAdmin("P1")), accessWith(admin())]) {
      expect(allowed(access, "report.prepare")).toEqual([]);
      expect(allowed(access, "report.endorse")).toEqual([]);
    }
  });

  it("the signer's grants carry the steps they may sign, at that organisation only", () => {
    const access = accessWith(orgSigner("O1"), orgSigner("O2"), orgEditor("O1"));
    expect(grantsFor(access, "report.endorse", O1).map((g) => g.organizationId)).toEqual(["O1"]);
  });

  it("reviewers review reports below their area; a province administrator does not", () => {
    expect(allowed(accessWith(districtReviewer("D1")), "report.review")).toEqual(["D1", "O1", "O2"]);
    expect(allowed(accessWith(provinceAdmin("P1")), "report.review")).toEqual([]);
    expect(allowed(accessWith(admin()), "report.reopen")).toHaveLength(ALL_NODES.length);
    expect(allowed(accessWith(provinceReviewer("P1")), "report.reopen")).toEqual([]);
  });
});

describe("can: areas", () => {
  it("a reviewer or province administrator reviews its area and below, never above or beside", () => {
    expect(allowed(accessWith(districtReviewer("D1")), "area.review")).toEqual(["D1", "O1", "O2"]);
    expect(allowed(accessWith(provinceReviewer("P1")), "area.review")).toEqual(["P1", "D1", "D2", "O1", "O2", "O3"]);
    expect(allowed(accessWith(provinceAdmin("P2")), "area.review")).toEqual(["P2", "D3", "O4"]);
    expect(allowed(accessWith(admin()), "area.review")).toHaveLength(ALL_NODES.length);
  });

  it("organisation roles review nothing, not even their own district", () => {
    expect(allowed(accessWith(orgEditor("O1"), orgSigner("O1")), "area.review")).toEqual([]);
  });
});

describe("can: administration", () => {
  it("a province administrator administers its own province only; the national administrator everything", () => {
    for (const action of ["node.administer", "account.manage", "deadline.extend"] as const) {
      expect(allowed(accessWith(provinceAdmin("P1")), action)).toEqual(["P1", "D1", "D2", "O1", "O2", "O3"]);
      expect(allowed(accessWith(admin()), action)).toHaveLength(ALL_NODES.length);
      expect(allowed(accessWith(provinceReviewer("P1"), districtReviewer("D3"), orgEditor("O4")), action)).toEqual([]);
    }
    expect(allowed(accessWith(provinceAdmin("P1")), "framework.manage")).toEqual([]);
  });
});

describe("can: acting grants", () => {
  const signerAt = (organizationId: string, step: "HEAD_OF_OFFICE" | "CHIEF_ADMINISTRATOR" | "EXECUTIVE", actingGrantId: string | null = null): RoleGrant => ({
    ...grant("ORG_SIGNER", { organizationId }),
    signOffStep: step,
    actingGrantId,
  });

  it("the organisation's own head (its ปลัด or นายก) and its province's administrators manage them; nobody else, and acting for a head does not make one", () => {
    expect(allowed(accessWith(signerAt("O1", "EXECUTIVE")), "actingGrant.manage")).toEqual(["O1"]);
    expect(allowed(accessWith(signerAt("O1", "CHIEF_ADMINISTRATOR")), "actingGrant.manage")).toEqual(["O1"]);
    expect(allowed(accessWith(signerAt("O1", "HEAD_OF_OFFICE")), "actingGrant.manage")).toEqual([]);
    expect(allowed(accessWith(signerAt("O1", "HEAD_OF_OFFICE"), signerAt("O1", "EXECUTIVE", "acting-1")), "actingGrant.manage")).toEqual([]);
    expect(allowed(accessWith(orgEditor("O1"), provinceReviewer("P1"), districtReviewer("D1")), "actingGrant.manage")).toEqual([]);
    expect(allowed(accessWith(provinceAdmin("P1")), "actingGrant.manage")).toEqual(["P1", "D1", "D2", "O1", "O2", "O3"]);
    // An acting grant in force signs its step like a role would.
    expect(grantsFor(accessWith(signerAt("O1", "EXECUTIVE", "acting-1")), "report.endorse", O1).map((held) => held.actingGrantId)).toEqual(["acting-1"]);
  });
});

describe("the table", () => {
  it("names every role in at least one action, and grants each role at the node kind the database allows", () => {
    const roles = Object.keys(ROLES) as Role[];
    for (const role of roles) expect(Object.values(PERMISSIONS).some((list) => list.some((holder) => holderRole(holder) === role)), role).toBe(true);
    expect(Object.fromEntries(roles.map((role) => [role, ROLES[role].scope]))).toEqual({
      ORG_EDITOR: "organization",
      ORG_SIGNER: "organization",
      DISTRICT_REVIEWER: "district",
      PROVINCE_REVIEWER: "province",
      PROVINCE_ADMIN: "province",
      ADMIN: "national",
    });
  });
});

describe("nodesFor", () => {
  it("lists each node once, in the grants' order", () => {
    const access = accessWith(provinceReviewer("P1"), provinceAdmin("P1"), districtReviewer("D3"), orgEditor("O1"));
    expect(nodesFor(access, "area.review")).toEqual([{ kind: "province", id: "P1" }, { kind: "district", id: "D3" }]);
  });
});

// A small evaluator for the filter shapes organizationsUnder builds, to hold the Prisma form of
// "lies within" to `contains` on the same organisations.
function matches(where: Prisma.LocalOrganizationWhereInput, node: OrganizationNode): boolean {
  if (where.OR) return (where.OR as Prisma.LocalOrganizationWhereInput[]).some((branch) => matches(branch, node));
  if (where.id !== undefined) return where.id === node.id;
  if (where.districtId !== undefined) return where.districtId === node.districtId;
  if (where.district !== undefined) return (where.district as { provinceId: string }).provinceId === node.provinceId;
  expect(where).toEqual({});
  return true;
}

describe("organizationsUnder and organizationsWhere", () => {
  const scopes: ScopeNode[] = [NATIONAL, { kind: "province", id: "P1" }, { kind: "district", id: "D3" }, { kind: "organization", id: "O2" }];

  it("select the organisations `contains` says lie within", () => {
    for (const scope of scopes) {
      expect(ALL_ORGS.filter((node) => matches(organizationsUnder(scope), node))).toEqual(ALL_ORGS.filter((node) => contains(scope, node)));
    }
  });

  it("select the organisations `can` allows, and nothing without a grant", () => {
    const accesses = [
      accessWith(),
      accessWith(admin()),
      accessWith(orgEditor("O2")),
      accessWith(districtReviewer("D1")),
      accessWith(provinceAdmin("P2")),
      accessWith(orgSigner("O4"), districtReviewer("D2")),
      accessWith(provinceReviewer("P1"), provinceReviewer("P2")),
    ];
    for (const access of accesses) {
      for (const action of ["organization.read", "report.review", "report.prepare"] as const) {
        const where = organizationsWhere(access, action);
        expect(ALL_ORGS.filter((node) => matches(where, node))).toEqual(ALL_ORGS.filter((node) => can(access, action, node)));
      }
    }
    expect(organizationsWhere(accessWith(), "organization.read")).toEqual({ OR: [] });
  });
});

describe("homePathFor", () => {
  const editor = orgEditor("O1");
  const signer = orgSigner("O2");
  it("sends each single role to its home, and a user without grants to /no-access", () => {
    expect(homePathFor(accessWith(admin()))).toBe("/admin");
    expect(homePathFor(accessWith(provinceAdmin("P1")))).toBe("/admin");
    expect(homePathFor(accessWith(provinceReviewer("P1")))).toBe("/areas/province/P1");
    expect(homePathFor(accessWith(districtReviewer("D1")))).toBe("/areas/district/D1");
    expect(homePathFor(accessWith(editor))).toBe("/organizations/O1");
    expect(homePathFor(accessWith(signer))).toBe("/organizations/O2");
    expect(homePathFor(accessWith())).toBe("/no-access");
  });

  it("prefers admin > province administrator > province reviewer > district reviewer > organisation, whatever the grant order", () => {
    expect(homePathFor(accessWith(editor, districtReviewer("D1"), provinceReviewer("P1"), admin()))).toBe("/admin");
    expect(homePathFor(accessWith(provinceReviewer("P1"), provinceAdmin("P1")))).toBe("/admin");
    expect(homePathFor(accessWith(editor, districtReviewer("D1"), provinceReviewer("P1")))).toBe("/areas/province/P1");
    expect(homePathFor(accessWith(signer, editor, districtReviewer("D1")))).toBe("/areas/district/D1");
  });

  it("with several organisations, goes to the first one granted", () => {
    expect(homePathFor(accessWith(signer, editor))).toBe("/organizations/O2");
    expect(homePathFor(accessWith(editor, signer))).toBe("/organizations/O1");
  });
});
