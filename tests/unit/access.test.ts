// The pure access rules. Access objects are built by hand; grants follow the database's scope
// check (org roles → organizationId only, DISTRICT_REVIEWER → districtId only,
// PROVINCE_REVIEWER → provinceId only, ADMIN → no scope).
import { describe, expect, it } from "vitest";
import {
  canReadOrganization,
  canReviewArea,
  canWriteOrganization,
  isAdmin,
  readableOrganizationsWhere,
  type Access,
  type OrganizationNode,
  type RoleGrant,
} from "@/server/access/access";

type Role = RoleGrant["role"];

// Province P1 has districts D1 and D2; province P2 has district D3.
const provinceOf: Record<string, string> = { D1: "P1", D2: "P1", D3: "P2" };
const org = (id: string, districtId: string): OrganizationNode => ({
  id,
  districtId,
  provinceId: provinceOf[districtId] as string,
});
const O1 = org("O1", "D1");
const O2 = org("O2", "D1");
const O3 = org("O3", "D2");
const O4 = org("O4", "D3");
const ALL_ORGS = [O1, O2, O3, O4];

let grantCounter = 0;
function grant(role: Role, scope: { organizationId?: string; districtId?: string; provinceId?: string } = {}): RoleGrant {
  return {
    id: `g${++grantCounter}`,
    role,
    organizationId: scope.organizationId ?? null,
    districtId: scope.districtId ?? null,
    provinceId: scope.provinceId ?? null,
    signOffStep: role === "ORG_SIGNER" ? "EXECUTIVE" : null,
    actingPosition: null,
  };
}
function accessWith(...grants: RoleGrant[]): Access {
  return { userId: "u1", username: "user1", displayName: "ผู้ใช้ ทดสอบ", titlePrefix: null, position: null, grants };
}

const orgEditor = (organizationId: string) => grant("ORG_EDITOR", { organizationId });
const orgSigner = (organizationId: string) => grant("ORG_SIGNER", { organizationId });
const districtReviewer = (districtId: string) => grant("DISTRICT_REVIEWER", { districtId });
const provinceReviewer = (provinceId: string) => grant("PROVINCE_REVIEWER", { provinceId });
const admin = () => grant("ADMIN");

const readable = (access: Access) => ALL_ORGS.filter((node) => canReadOrganization(access, node)).map((n) => n.id);

describe("canReadOrganization", () => {
  it("an organisation grant reads only its organisation", () => {
    expect(readable(accessWith(orgEditor("O1")))).toEqual(["O1"]);
    expect(readable(accessWith(orgSigner("O3")))).toEqual(["O3"]);
  });

  it("a district grant reads the organisations of that district only", () => {
    expect(readable(accessWith(districtReviewer("D1")))).toEqual(["O1", "O2"]);
    expect(readable(accessWith(districtReviewer("D3")))).toEqual(["O4"]);
  });

  it("a province grant reads the organisations of its province", () => {
    expect(readable(accessWith(provinceReviewer("P1")))).toEqual(["O1", "O2", "O3"]);
    expect(readable(accessWith(provinceReviewer("P2")))).toEqual(["O4"]);
  });

  it("an admin (national grant) reads everything", () => {
    expect(readable(accessWith(admin()))).toEqual(["O1", "O2", "O3", "O4"]);
  });

  it("grants add up", () => {
    expect(readable(accessWith(orgEditor("O4"), districtReviewer("D2")))).toEqual(["O3", "O4"]);
  });

  it("no grants reads nothing", () => {
    expect(readable(accessWith())).toEqual([]);
  });

  it("an organisation grant does not extend to a sibling in the same district", () => {
    expect(canReadOrganization(accessWith(orgEditor("O1")), O2)).toBe(false);
  });
});

describe("canWriteOrganization", () => {
  it("is true for ORG_EDITOR and ORG_SIGNER at that exact organisation", () => {
    expect(canWriteOrganization(accessWith(orgEditor("O1")), "O1")).toBe(true);
    expect(canWriteOrganization(accessWith(orgSigner("O1")), "O1")).toBe(true);
  });

  it("is false at any other organisation", () => {
    expect(canWriteOrganization(accessWith(orgEditor("O1")), "O2")).toBe(false);
    expect(canWriteOrganization(accessWith(orgSigner("O1")), "O4")).toBe(false);
  });

  it("is false for reviewers and admins, even over organisations they can read", () => {
    const province = accessWith(provinceReviewer("P1"));
    expect(canReadOrganization(province, O1)).toBe(true);
    expect(canWriteOrganization(province, "O1")).toBe(false);
    expect(canWriteOrganization(accessWith(districtReviewer("D1")), "O1")).toBe(false);
    expect(canWriteOrganization(accessWith(admin()), "O1")).toBe(false);
    expect(canWriteOrganization(accessWith(), "O1")).toBe(false);
  });

  it("honours a narrower role list", () => {
    expect(canWriteOrganization(accessWith(orgEditor("O1")), "O1", ["ORG_SIGNER"])).toBe(false);
    expect(canWriteOrganization(accessWith(orgSigner("O1")), "O1", ["ORG_SIGNER"])).toBe(true);
    expect(canWriteOrganization(accessWith(orgEditor("O2"), orgSigner("O1")), "O2", ["ORG_SIGNER"])).toBe(false);
  });
});

describe("canReviewArea", () => {
  const district = (id: string) => ({ kind: "district" as const, id });
  const province = (id: string) => ({ kind: "province" as const, id });
  const national = { kind: "national" as const };

  it("a district reviewer reviews its own district only", () => {
    const access = accessWith(districtReviewer("D1"));
    expect(canReviewArea(access, district("D1"), "P1")).toBe(true);
    expect(canReviewArea(access, district("D2"), "P1")).toBe(false);
    expect(canReviewArea(access, district("D3"), "P2")).toBe(false);
    expect(canReviewArea(access, province("P1"))).toBe(false);
    expect(canReviewArea(access, national)).toBe(false);
  });

  it("a province reviewer reviews its province and its districts, nothing else", () => {
    const access = accessWith(provinceReviewer("P1"));
    expect(canReviewArea(access, province("P1"))).toBe(true);
    expect(canReviewArea(access, district("D1"), provinceOf.D1)).toBe(true);
    expect(canReviewArea(access, district("D2"), provinceOf.D2)).toBe(true);
    expect(canReviewArea(access, province("P2"))).toBe(false);
    expect(canReviewArea(access, district("D3"), provinceOf.D3)).toBe(false);
    expect(canReviewArea(access, national)).toBe(false);
  });

  it("a province reviewer cannot review a district whose province is not given", () => {
    expect(canReviewArea(accessWith(provinceReviewer("P1")), district("D1"))).toBe(false);
  });

  it("an admin reviews every area, national included", () => {
    const access = accessWith(admin());
    expect(canReviewArea(access, national)).toBe(true);
    expect(canReviewArea(access, province("P2"))).toBe(true);
    expect(canReviewArea(access, district("D3"), "P2")).toBe(true);
  });

  it("organisation roles review nothing, not even their own district", () => {
    for (const access of [accessWith(orgEditor("O1")), accessWith(orgSigner("O1")), accessWith()]) {
      expect(canReviewArea(access, district("D1"), "P1")).toBe(false);
      expect(canReviewArea(access, province("P1"))).toBe(false);
      expect(canReviewArea(access, national)).toBe(false);
    }
  });

  it("a reviewer with several grants reviews the union", () => {
    const access = accessWith(orgEditor("O4"), districtReviewer("D3"), provinceReviewer("P1"));
    expect(canReviewArea(access, district("D3"), "P2")).toBe(true);
    expect(canReviewArea(access, district("D2"), "P1")).toBe(true);
    expect(canReviewArea(access, province("P2"))).toBe(false);
  });
});

describe("isAdmin", () => {
  it("is true only with an ADMIN grant", () => {
    expect(isAdmin(accessWith(admin()))).toBe(true);
    expect(isAdmin(accessWith(orgEditor("O1"), admin()))).toBe(true);
    expect(isAdmin(accessWith(provinceReviewer("P1"), districtReviewer("D1"), orgSigner("O1")))).toBe(false);
    expect(isAdmin(accessWith())).toBe(false);
  });
});

describe("readableOrganizationsWhere", () => {
  it("is {} (everything) with a national grant", () => {
    expect(readableOrganizationsWhere(accessWith(admin()))).toEqual({});
    expect(readableOrganizationsWhere(accessWith(orgEditor("O1"), admin()))).toEqual({});
  });

  it("lists the grant ids under OR", () => {
    expect(readableOrganizationsWhere(accessWith(orgEditor("O1"), districtReviewer("D3"), provinceReviewer("P1")))).toEqual({
      OR: [
        { id: { in: ["O1"] } },
        { districtId: { in: ["D3"] } },
        { district: { provinceId: { in: ["P1"] } } },
      ],
    });
    expect(readableOrganizationsWhere(accessWith(orgEditor("O1"), orgSigner("O2")))).toEqual({
      OR: [{ id: { in: ["O1", "O2"] } }, { districtId: { in: [] } }, { district: { provinceId: { in: [] } } }],
    });
  });

  it("matches nothing for a user without grants (all lists empty, not an empty filter)", () => {
    const where = readableOrganizationsWhere(accessWith());
    expect(where).toEqual({
      OR: [{ id: { in: [] } }, { districtId: { in: [] } }, { district: { provinceId: { in: [] } } }],
    });
    expect(where).not.toEqual({});
  });

  // A small evaluator for exactly the filter shape above, to check the filter against
  // canReadOrganization on the same organisations.
  type Where = ReturnType<typeof readableOrganizationsWhere>;
  function matches(where: Where, node: OrganizationNode): boolean {
    if (Object.keys(where).length === 0) return true;
    const branches = where.OR as Record<string, unknown>[];
    return branches.some((branch) => {
      if ("id" in branch) return (branch.id as { in: string[] }).in.includes(node.id);
      if ("districtId" in branch) return (branch.districtId as { in: string[] }).in.includes(node.districtId);
      if ("district" in branch)
        return (branch.district as { provinceId: { in: string[] } }).provinceId.in.includes(node.provinceId);
      throw new Error(`unexpected branch ${JSON.stringify(branch)}`);
    });
  }

  it("selects the same organisations as canReadOrganization", () => {
    const accesses = [
      accessWith(),
      accessWith(admin()),
      accessWith(orgEditor("O2")),
      accessWith(districtReviewer("D1")),
      accessWith(provinceReviewer("P2")),
      accessWith(orgSigner("O4"), districtReviewer("D2")),
      accessWith(provinceReviewer("P1"), provinceReviewer("P2")),
    ];
    for (const access of accesses) {
      const where = readableOrganizationsWhere(access);
      expect(ALL_ORGS.filter((node) => matches(where, node)).map((n) => n.id)).toEqual(readable(access));
    }
  });
});
