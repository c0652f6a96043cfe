// dbScopeOf: the one place a caller's row-level security scope is made from their access.
import { describe, expect, it } from "vitest";
import { dbScopeOf, type Access, type RoleGrant } from "@/server/access/access";

const grant = (role: RoleGrant["role"], node: Partial<Pick<RoleGrant, "organizationId" | "districtId" | "provinceId">>): RoleGrant => ({
  id: `${role}-${Object.values(node).join()}`,
  role,
  organizationId: node.organizationId ?? null,
  districtId: node.districtId ?? null,
  provinceId: node.provinceId ?? null,
  signOffStep: null,
});
const access = (grants: RoleGrant[], above = { districtIds: [] as string[], provinceIds: [] as string[] }): Access => ({
  userId: "U",
  username: "u",
  displayName: "u",
  titlePrefix: null,
  position: null,
  grants,
  above,
});

describe("dbScopeOf", () => {
  it("a national grant sees the country, whatever else the account holds", () => {
    expect(dbScopeOf(access([grant("ORG_EDITOR", { organizationId: "O1" }), grant("ADMIN", {})]))).toEqual({ kind: "national", userId: "U" });
  });

  it("anyone else: the nodes of their grants, each once, and the districts and provinces above them", () => {
    const scope = dbScopeOf(
      access(
        [
          grant("ORG_EDITOR", { organizationId: "O1" }),
          grant("ORG_SIGNER", { organizationId: "O1" }),
          grant("DISTRICT_REVIEWER", { districtId: "D2" }),
          grant("PROVINCE_ADMIN", { provinceId: "P2" }),
        ],
        { districtIds: ["D1"], provinceIds: ["P1"] },
      ),
    );
    expect(scope).toEqual({
      kind: "nodes",
      userId: "U",
      organizationIds: ["O1"],
      districtIds: ["D2"],
      provinceIds: ["P2"],
      aboveDistrictIds: ["D1"],
      aboveProvinceIds: ["P1"],
    });
  });

  it("no grant: no node at all", () => {
    expect(dbScopeOf(access([]))).toMatchObject({ kind: "nodes", organizationIds: [], districtIds: [], provinceIds: [] });
  });
});
