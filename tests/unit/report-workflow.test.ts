import { describe, expect, it } from "vitest";
import { allowedActions, nextSignOffStep, rerouteTargets, SIGN_OFF_CHAIN, type ReportActor } from "@/server/domain/report-workflow";

const nobody: ReportActor = {
  isEditor: false,
  signerSteps: [],
  isReviewer: false,
  mayEndorseForDistrict: false,
  mayAcceptAfterDistrict: false,
  mayReopen: false,
  mayReroute: false,
};
const editor = { ...nobody, isEditor: true };
const head = { ...nobody, signerSteps: ["HEAD_OF_OFFICE" as const] };
const reviewer = { ...nobody, isReviewer: true };
const districtReviewer = { ...reviewer, mayEndorseForDistrict: true };
const provinceReviewer = { ...reviewer, mayAcceptAfterDistrict: true };
const admin = { ...nobody, mayReopen: true, isReviewer: true, mayReroute: true };
const provinceAdmin = { ...nobody, mayReroute: true };
const open = { isOpen: true };
const closed = { isOpen: false };

describe("allowedActions", () => {
  it("lets only the preparer edit and submit, and only while the report is a draft or returned", () => {
    expect(allowedActions({ status: "DRAFT", currentStep: null }, editor, open)).toEqual(["edit", "submit"]);
    expect(allowedActions({ status: "RETURNED", currentStep: null }, editor, open)).toEqual(["edit", "submit"]);
    for (const status of ["SUBMITTED", "ACCEPTED"] as const) {
      expect(allowedActions({ status, currentStep: null }, editor, open)).toEqual([]);
    }
    expect(allowedActions({ status: "DRAFT", currentStep: null }, reviewer, open)).toEqual([]);
  });

  it("lets a signer act only at their own step", () => {
    expect(allowedActions({ status: "IN_SIGN_OFF", currentStep: "HEAD_OF_OFFICE" }, head, open)).toEqual(["endorse", "sendBack"]);
    expect(allowedActions({ status: "IN_SIGN_OFF", currentStep: "CHIEF_ADMINISTRATOR" }, head, open)).toEqual([]);
    expect(allowedActions({ status: "SUBMITTED", currentStep: null }, head, open)).toEqual([]);
  });

  it("lets the preparer withdraw a report waiting at any step of the chain, in an open year only", () => {
    for (const step of SIGN_OFF_CHAIN) {
      expect(allowedActions({ status: "IN_SIGN_OFF", currentStep: step }, editor, open)).toEqual(["withdraw"]);
      expect(allowedActions({ status: "IN_SIGN_OFF", currentStep: step }, editor, closed)).toEqual([]);
    }
    expect(allowedActions({ status: "IN_SIGN_OFF", currentStep: "HEAD_OF_OFFICE" }, { ...head, isEditor: true }, open)).toEqual(["endorse", "sendBack", "withdraw"]);
  });

  it("lets an administrator re-route a report waiting in the chain, in any year, and nothing else", () => {
    for (const year of [open, closed]) {
      expect(allowedActions({ status: "IN_SIGN_OFF", currentStep: "CHIEF_ADMINISTRATOR" }, provinceAdmin, year)).toEqual(["reroute"]);
    }
    for (const status of ["DRAFT", "SUBMITTED", "RETURNED", "ACCEPTED"] as const) {
      expect(allowedActions({ status, currentStep: null }, provinceAdmin, open)).toEqual([]);
    }
    expect(allowedActions({ status: "IN_SIGN_OFF", currentStep: "EXECUTIVE" }, head, open)).toEqual([]);
  });

  it("lets reviewers comment, return and accept a submitted report only", () => {
    expect(allowedActions({ status: "SUBMITTED", currentStep: null }, reviewer, open)).toEqual(["comment", "return", "accept"]);
    expect(allowedActions({ status: "ACCEPTED", currentStep: null }, reviewer, open)).toEqual([]);
    expect(allowedActions({ status: "IN_SIGN_OFF", currentStep: "EXECUTIVE" }, reviewer, open)).toEqual([]);
  });

  it("where the province requires the district's step: the district endorses first, then only the province accepts", () => {
    const submitted = (districtStep: "off" | "awaiting" | "endorsed") => ({ status: "SUBMITTED" as const, currentStep: null, districtStep });
    expect(allowedActions(submitted("awaiting"), districtReviewer, open)).toEqual(["comment", "return", "endorseForDistrict"]);
    expect(allowedActions(submitted("awaiting"), provinceReviewer, open)).toEqual(["comment", "return"]);
    expect(allowedActions(submitted("endorsed"), districtReviewer, open)).toEqual(["comment", "return"]);
    expect(allowedActions(submitted("endorsed"), provinceReviewer, open)).toEqual(["comment", "return", "accept"]);
    // Not required: any reviewer of the area accepts, as before.
    expect(allowedActions(submitted("off"), districtReviewer, open)).toEqual(["comment", "return", "accept"]);
    expect(allowedActions(submitted("off"), provinceReviewer, open)).toEqual(["comment", "return", "accept"]);
    expect(allowedActions(submitted("awaiting"), editor, open)).toEqual([]);
  });

  it("lets only an admin reopen an accepted report", () => {
    expect(allowedActions({ status: "ACCEPTED", currentStep: null }, admin, open)).toEqual(["reopen"]);
    expect(allowedActions({ status: "ACCEPTED", currentStep: null }, { ...reviewer, isEditor: true }, open)).toEqual([]);
  });

  it("in a closed year, edits and sending up stop; what is on its way is still endorsed and reviewed", () => {
    expect(allowedActions({ status: "DRAFT", currentStep: null }, editor, closed)).toEqual([]);
    expect(allowedActions({ status: "RETURNED", currentStep: null }, editor, closed)).toEqual([]);
    expect(allowedActions({ status: "IN_SIGN_OFF", currentStep: "HEAD_OF_OFFICE" }, head, closed)).toEqual(["endorse", "sendBack"]);
    expect(allowedActions({ status: "SUBMITTED", currentStep: null }, reviewer, closed)).toEqual(["comment", "return", "accept"]);
    expect(allowedActions({ status: "ACCEPTED", currentStep: null }, admin, closed)).toEqual(["reopen"]);
  });
});

describe("the sign-off chain", () => {
  it("runs head of office → ปลัด → นายก, then ends", () => {
    expect(SIGN_OFF_CHAIN).toEqual(["HEAD_OF_OFFICE", "CHIEF_ADMINISTRATOR", "EXECUTIVE"]);
    expect(nextSignOffStep("HEAD_OF_OFFICE")).toBe("CHIEF_ADMINISTRATOR");
    expect(nextSignOffStep("CHIEF_ADMINISTRATOR")).toBe("EXECUTIVE");
    expect(nextSignOffStep("EXECUTIVE")).toBeNull();
  });

  it("re-routes a waiting report only forwards along the chain, or back to the preparer", () => {
    expect(rerouteTargets("HEAD_OF_OFFICE")).toEqual(["CHIEF_ADMINISTRATOR", "EXECUTIVE", "PREPARER"]);
    expect(rerouteTargets("CHIEF_ADMINISTRATOR")).toEqual(["EXECUTIVE", "PREPARER"]);
    expect(rerouteTargets("EXECUTIVE")).toEqual(["PREPARER"]);
  });
});
