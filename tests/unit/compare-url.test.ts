import { describe, expect, it } from "vitest";
import { compareQuery, parseCompareQuery } from "@/components/dashboard/compare-url";
import { shortUnitName, unitKindsOf } from "@/server/domain/compare-units";

describe("the compare page's URL", () => {
  it("writes the selection with readable commas and reads it back", () => {
    const selection = { unit: "organization" as const, ids: ["a1", "b2"], fromYearBe: 2563, toYearBe: 2569, yearBe: 2569 };
    const query = compareQuery(selection);
    expect(query).toBe("orgs=a1,b2&from=2563&to=2569&year=2569");
    expect(parseCompareQuery(Object.fromEntries(new URLSearchParams(query)))).toEqual(selection);
  });

  it("keeps the unconfirmed-score filter as the other dashboards do (unconfirmed=0)", () => {
    const selection = { unit: "district" as const, ids: ["d1"], includeUnconfirmed: false };
    expect(compareQuery(selection)).toBe("districts=d1&unconfirmed=0");
    expect(parseCompareQuery({ districts: "d1", unconfirmed: "0" })).toMatchObject(selection);
    expect(parseCompareQuery({ districts: "d1", unconfirmed: "1" })!.includeUnconfirmed).toBeUndefined();
    expect(compareQuery({ unit: "district", ids: ["d1"], includeUnconfirmed: true })).toBe("districts=d1");
  });

  it("districts and provinces have their own parameter, kept even when none is chosen yet", () => {
    expect(compareQuery({ unit: "district", ids: ["d1"] })).toBe("districts=d1");
    expect(compareQuery({ unit: "province", ids: [] })).toBe("provinces=");
    expect(parseCompareQuery({ provinces: "" })).toEqual({ unit: "province", ids: [], fromYearBe: undefined, toYearBe: undefined, yearBe: undefined });
  });

  it("defaults to organisations, drops empty and repeated ids and non-numeric years", () => {
    expect(parseCompareQuery({})).toEqual({ unit: "organization", ids: [], fromYearBe: undefined, toYearBe: undefined, yearBe: undefined });
    expect(parseCompareQuery({ orgs: "a,,b,a", from: "abc", to: ["2569", "2570"] })).toEqual({
      unit: "organization",
      ids: ["a", "b"],
      fromYearBe: undefined,
      toYearBe: 2569,
      yearBe: undefined,
    });
  });

  it("two kinds of unit at once is no selection", () => {
    expect(parseCompareQuery({ orgs: "a", districts: "b" })).toBeNull();
  });
});

describe("unitKindsOf", () => {
  it("a district holds organisations; a province also districts; the country also provinces", () => {
    expect(unitKindsOf({ kind: "district" })).toEqual(["organization"]);
    expect(unitKindsOf({ kind: "province" })).toEqual(["organization", "district"]);
    expect(unitKindsOf({ kind: "national" })).toEqual(["organization", "district", "province"]);
  });
});

describe("shortUnitName", () => {
  it("abbreviates the type or the area word at the start only", () => {
    expect(shortUnitName("องค์การบริหารส่วนตำบลท้ายหาด")).toBe("อบต.ท้ายหาด");
    expect(shortUnitName("เทศบาลเมืองสมุทรสงคราม")).toBe("ทม.สมุทรสงคราม");
    expect(shortUnitName("องค์การบริหารส่วนจังหวัดสมุทรสงคราม")).toBe("อบจ.สมุทรสงคราม");
    expect(shortUnitName("อำเภออัมพวา")).toBe("อ.อัมพวา");
    expect(shortUnitName("จังหวัดสมุทรสงคราม")).toBe("จ.สมุทรสงคราม");
    expect(shortUnitName("บ้านอำเภอ")).toBe("บ้านอำเภอ");
  });
});
