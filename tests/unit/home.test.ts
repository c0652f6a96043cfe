import { describe, expect, it } from "vitest";
import type { Access, RoleGrant } from "@/server/access/access";
import { homePathFor } from "@/server/services/home";

let counter = 0;
function grant(role: RoleGrant["role"], scope: { organizationId?: string; districtId?: string; provinceId?: string } = {}): RoleGrant {
  return {
    id: `g${++counter}`,
    role,
    organizationId: scope.organizationId ?? null,
    districtId: scope.districtId ?? null,
    provinceId: scope.provinceId ?? null,
    signOffStep: role === "ORG_SIGNER" ? "HEAD_OF_OFFICE" : null,
    actingPosition: null,
  };
}
const accessWith = (...grants: RoleGrant[]): Access => ({
  userId: "u",
  username: "u",
  displayName: "ผู้ใช้",
  titlePrefix: null,
  position: null,
  grants,
});

const admin = grant("ADMIN");
const province = grant("PROVINCE_REVIEWER", { provinceId: "prov-75" });
const district = grant("DISTRICT_REVIEWER", { districtId: "dist-7501" });
const editor = grant("ORG_EDITOR", { organizationId: "org-thaihad" });
const signer = grant("ORG_SIGNER", { organizationId: "org-other" });

describe("homePathFor", () => {
  it("sends each single role to its home", () => {
    expect(homePathFor(accessWith(admin))).toBe("/admin");
    expect(homePathFor(accessWith(province))).toBe("/areas/province/prov-75");
    expect(homePathFor(accessWith(district))).toBe("/areas/district/dist-7501");
    expect(homePathFor(accessWith(editor))).toBe("/organizations/org-thaihad");
    expect(homePathFor(accessWith(signer))).toBe("/organizations/org-other");
  });

  it("sends a user without grants to /no-access", () => {
    expect(homePathFor(accessWith())).toBe("/no-access");
  });

  it("prefers admin > province reviewer > district reviewer > organisation, whatever the grant order", () => {
    expect(homePathFor(accessWith(editor, district, province, admin))).toBe("/admin");
    expect(homePathFor(accessWith(editor, district, province))).toBe("/areas/province/prov-75");
    expect(homePathFor(accessWith(signer, editor, district))).toBe("/areas/district/dist-7501");
    expect(homePathFor(accessWith(district, editor))).toBe("/areas/district/dist-7501");
    expect(homePathFor(accessWith(admin, editor))).toBe("/admin");
  });

  it("with several organisations, goes to the first one granted", () => {
    expect(homePathFor(accessWith(signer, editor))).toBe("/organizations/org-other");
    expect(homePathFor(accessWith(editor, signer))).toBe("/organizations/org-thaihad");
  });
});
