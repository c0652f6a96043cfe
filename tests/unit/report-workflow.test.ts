import { describe, expect, it } from "vitest";
import { allowedActions, nextSignOffStep, SIGN_OFF_CHAIN, type ReportActor } from "@/server/domain/report-workflow";

const nobody: ReportActor = { isEditor: false, signerSteps: [], isReviewer: false, isAdmin: false };
const editor = { ...nobody, isEditor: true };
const head = { ...nobody, signerSteps: ["HEAD_OF_OFFICE" as const] };
const reviewer = { ...nobody, isReviewer: true };
const admin = { ...nobody, isAdmin: true, isReviewer: true };

describe("allowedActions", () => {
  it("lets only the preparer edit and submit, and only while the report is a draft or returned", () => {
    expect(allowedActions({ status: "DRAFT", currentStep: null }, editor)).toEqual(["edit", "submit"]);
    expect(allowedActions({ status: "RETURNED", currentStep: null }, editor)).toEqual(["edit", "submit"]);
    for (const status of ["IN_SIGN_OFF", "SUBMITTED", "ACCEPTED"] as const) {
      expect(allowedActions({ status, currentStep: status === "IN_SIGN_OFF" ? "HEAD_OF_OFFICE" : null }, editor)).toEqual([]);
    }
    expect(allowedActions({ status: "DRAFT", currentStep: null }, reviewer)).toEqual([]);
  });

  it("lets a signer act only at their own step", () => {
    expect(allowedActions({ status: "IN_SIGN_OFF", currentStep: "HEAD_OF_OFFICE" }, head)).toEqual(["endorse", "sendBack"]);
    expect(allowedActions({ status: "IN_SIGN_OFF", currentStep: "CHIEF_ADMINISTRATOR" }, head)).toEqual([]);
    expect(allowedActions({ status: "SUBMITTED", currentStep: null }, head)).toEqual([]);
  });

  it("lets reviewers comment, return and accept a submitted report only", () => {
    expect(allowedActions({ status: "SUBMITTED", currentStep: null }, reviewer)).toEqual(["comment", "return", "accept"]);
    expect(allowedActions({ status: "ACCEPTED", currentStep: null }, reviewer)).toEqual([]);
    expect(allowedActions({ status: "IN_SIGN_OFF", currentStep: "EXECUTIVE" }, reviewer)).toEqual([]);
  });

  it("lets only an admin reopen an accepted report", () => {
    expect(allowedActions({ status: "ACCEPTED", currentStep: null }, admin)).toEqual(["reopen"]);
    expect(allowedActions({ status: "ACCEPTED", currentStep: null }, { ...reviewer, isEditor: true })).toEqual([]);
  });
});

describe("the sign-off chain", () => {
  it("runs head of office → ปลัด → นายก, then ends", () => {
    expect(SIGN_OFF_CHAIN).toEqual(["HEAD_OF_OFFICE", "CHIEF_ADMINISTRATOR", "EXECUTIVE"]);
    expect(nextSignOffStep("HEAD_OF_OFFICE")).toBe("CHIEF_ADMINISTRATOR");
    expect(nextSignOffStep("CHIEF_ADMINISTRATOR")).toBe("EXECUTIVE");
    expect(nextSignOffStep("EXECUTIVE")).toBeNull();
  });
});
