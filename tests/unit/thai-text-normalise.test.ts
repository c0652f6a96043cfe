import { describe, expect, it } from "vitest";
import { normaliseThaiText, thaiDigitsToArabic } from "@/server/domain/thai-text-normalise";

describe("normaliseThaiText", () => {
  it("composes a decomposed sara am, with or without a tone mark around the nikhahit", () => {
    expect(normaliseThaiText("องค์การบริหารส่วนต\u0e4d\u0e32บลท้ายหาด")).toBe("องค์การบริหารส่วนตำบลท้ายหาด");
    expect(normaliseThaiText("\u0e19\u0e49\u0e4d\u0e32")).toBe("น้ำ");
    expect(normaliseThaiText("\u0e19\u0e4d\u0e49\u0e32")).toBe("น้ำ");
  });

  it("collapses spaces, no-break spaces and zero-width characters, and trims", () => {
    expect(normaliseThaiText("\ufeff  เทศบาลตำบล\u00a0\u00a0บางจะเกร็ง \u200b ")).toBe("เทศบาลตำบล บางจะเกร็ง");
  });

  it("leaves already normal text as it is", () => {
    expect(normaliseThaiText("อัมพวา")).toBe("อัมพวา");
  });
});

describe("thaiDigitsToArabic", () => {
  it("turns Thai digits into Arabic ones and keeps the rest", () => {
    expect(thaiDigitsToArabic("๐๔๗๕๐๑๐๒")).toBe("04750102");
    expect(thaiDigitsToArabic("ปี ๒๕๖๘ / 12")).toBe("ปี 2568 / 12");
  });
});
