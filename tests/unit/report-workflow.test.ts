import { describe, expect, it } from "vitest";
import { allowedActions, nextSignOffStep, SIGN_OFF_CHAIN, type ReportActor } from "@/server/domain/report-workflow";

const nobody: ReportActor = { isEditor: false, signerSteps: [], isReviewer: false, mayReopen: false };
const editor = { ...nobody, isEditor: true };
const head = { ...nobody, signerSteps: ["HEAD_OF_OFFICE" as const] };
const reviewer = { ...nobody, isReviewer: true };
const admin = { ...nobody, mayReopen: true, isReviewer: true };
const open = { isOpen: true };
const closed = { isOpen: false };

describe("allowedActions", () => {
  it("lets only the preparer edit and submit, and only while the report is a draft or returned", () => {
    expect(allowedActions({ status: "DRAFT", currentStep: null }, editor, open)).toEqual(["edit", "submit"]);
    expect(allowedActions({ status: "RETURNED", currentStep: null }, editor, open)).toEqual(["edit", "submit"]);
    for (const status of ["IN_SIGN_OFF", "SUBMITTED", "ACCEPTED"] as const) {
      expect(allowedActions({ status, currentStep: status === "IN_SIGN_OFF" ? "HEAD_OF_OFFICE" : null }, editor, open)).toEqual([]);
    }
    expect(allowedActions({ status: "DRAFT", currentStep: null }, reviewer, open)).toEqual([]);
  });

  it("lets a signer act only at their own step", () => {
    expect(allowedActions({ status: "IN_SIGN_OFF", currentStep: "HEAD_OF_OFFICE" }, head, open)).toEqual(["endorse", "sendBack"]);
    expect(allowedActions({ status: "IN_SIGN_OFF", currentStep: "CHIEF_ADMINISTRATOR" }, head, open)).toEqual([]);
    expect(allowedActions({ status: "SUBMITTED", currentStep: null }, head, open)).toEqual([]);
  });

  it("lets reviewers comment, return and accept a submitted report only", () => {
    expect(allowedActions({ status: "SUBMITTED", currentStep: null }, reviewer, open)).toEqual(["comment", "return", "accept"]);
    expect(allowedActions({ status: "ACCEPTED", currentStep: null }, reviewer, open)).toEqual([]);
    expect(allowedActions({ status: "IN_SIGN_OFF", currentStep: "EXECUTIVE" }, reviewer, open)).toEqual([]);
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
});
