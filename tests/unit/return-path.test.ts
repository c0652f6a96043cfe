import { describe, expect, it } from "vitest";
import { safeReturnPath, signInPathFor } from "@/server/domain/return-path";

describe("the page sign-in returns to", () => {
  it("is the asked-for path of this site, with its query", () => {
    expect(safeReturnPath("/areas/province/p1/overview?yearBe=2568&includeUnaccepted=1")).toBe("/areas/province/p1/overview?yearBe=2568&includeUnaccepted=1");
  });

  it("is the home page for anything that could lead off the site or loop", () => {
    for (const candidate of [null, undefined, "", "https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "/\tevil", "/login", "/login?next=/x", "/api/exports/1"]) {
      expect(safeReturnPath(candidate), String(candidate)).toBe("/");
    }
  });

  it("is carried to the sign-in page encoded, and left out when it is the home page", () => {
    expect(signInPathFor("/reports/r1/edit?tab=2")).toBe("/login?next=%2Freports%2Fr1%2Fedit%3Ftab%3D2");
    expect(signInPathFor("/")).toBe("/login");
    expect(signInPathFor("//evil.example")).toBe("/login");
  });
});
