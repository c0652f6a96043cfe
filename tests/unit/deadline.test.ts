import { describe, expect, it } from "vitest";
import { daysToDeadline, effectiveDeadline } from "@/server/domain/deadline";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("effectiveDeadline", () => {
  it("is the province's extension when later, else the year's", () => {
    expect(effectiveDeadline(day("2027-01-31"), day("2027-02-28"))).toEqual(day("2027-02-28"));
    expect(effectiveDeadline(day("2027-01-31"), day("2027-01-15"))).toEqual(day("2027-01-31"));
    expect(effectiveDeadline(day("2027-01-31"), null)).toEqual(day("2027-01-31"));
  });
});

describe("daysToDeadline", () => {
  it("counts whole days of Thailand's calendar: 0 on the day, negative after", () => {
    const deadline = day("2027-01-31");
    expect(daysToDeadline(deadline, new Date("2027-01-24T03:00:00Z"))).toBe(7);
    expect(daysToDeadline(deadline, new Date("2027-01-31T16:59:00Z"))).toBe(0); // 23:59 in Bangkok
    expect(daysToDeadline(deadline, new Date("2027-01-31T17:00:00Z"))).toBe(-1); // midnight in Bangkok
    expect(daysToDeadline(deadline, new Date("2027-01-30T17:30:00Z"))).toBe(0); // 00:30 on the day in Bangkok
  });
});
