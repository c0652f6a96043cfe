// Who may do what to a yearly report in each state. The sign-off chain is the seed memo's:
// the preparer sends the report up to the head of office, the ปลัด and the นายก; after the last
// endorsement it goes to the province, which returns it for correction or accepts it.
import type { ReportStatus, SignOffStep } from "@/server/db/generated/enums";

export const SIGN_OFF_CHAIN: SignOffStep[] = ["HEAD_OF_OFFICE", "CHIEF_ADMINISTRATOR", "EXECUTIVE"];

export type ReportAction =
  | "edit" // change the content (autosave)
  | "submit" // send up the sign-off chain
  | "endorse"
  | "sendBack" // a signer sends it back to the preparer
  | "withdraw" // the preparer takes it back from the chain before the step awaited signs (ถอนเรื่อง)
  | "reroute" // an administrator moves it from the step awaited to a later one, or back to the preparer
  | "comment" // a reviewer remarks on the report, an issue or a measure
  | "return" // a reviewer returns it for correction
  | "endorseForDistrict" // the district reviewer endorses it for the province (where the province requires it)
  | "accept"
  | "reopen"; // an administrator reopens an accepted report

export type ReportActor = {
  isEditor: boolean; // ORG_EDITOR of the report's organisation
  signerSteps: SignOffStep[]; // ORG_SIGNER steps held at the report's organisation
  isReviewer: boolean; // a reviewer whose area covers the organisation
  mayEndorseForDistrict: boolean; // the organisation's district reviewer
  mayAcceptAfterDistrict: boolean; // a reviewer above the district (province, country)
  mayReopen: boolean; // an administrator who may reopen an accepted report
  mayReroute: boolean; // an administrator who may move a report waiting in the chain
};

/**
 * The district's step of a report sent to the province (DHIS2's multi-level approval): "off" where
 * the province does not require it (any reviewer of the area accepts), "awaiting" until the
 * district reviewer endorses, "endorsed" after (the province accepts).
 */
export type DistrictStep = "off" | "awaiting" | "endorsed";

export const districtStepOf = (required: boolean, endorsedAt: Date | null): DistrictStep =>
  !required ? "off" : endorsedAt ? "endorsed" : "awaiting";

/**
 * What the actor may do to the report now. In a closed fiscal year nothing is edited or sent up
 * (nor created: createReport); what is already on its way is endorsed and reviewed as usual.
 */
export function allowedActions(
  report: { status: ReportStatus; currentStep: SignOffStep | null; districtStep?: DistrictStep },
  actor: ReportActor,
  year: { isOpen: boolean },
): ReportAction[] {
  const actions: ReportAction[] = [];
  const editable = year.isOpen && (report.status === "DRAFT" || report.status === "RETURNED");
  if (editable && actor.isEditor) actions.push("edit", "submit");
  if (report.status === "IN_SIGN_OFF" && report.currentStep && actor.signerSteps.includes(report.currentStep)) {
    actions.push("endorse", "sendBack");
  }
  if (report.status === "IN_SIGN_OFF" && year.isOpen && actor.isEditor) actions.push("withdraw");
  if (report.status === "IN_SIGN_OFF" && actor.mayReroute) actions.push("reroute");
  if (report.status === "SUBMITTED") {
    const step = report.districtStep ?? "off";
    if (actor.isReviewer) actions.push("comment", "return");
    if (step === "awaiting" && actor.mayEndorseForDistrict) actions.push("endorseForDistrict");
    if ((step === "off" && actor.isReviewer) || (step === "endorsed" && actor.mayAcceptAfterDistrict)) actions.push("accept");
  }
  if (report.status === "ACCEPTED" && actor.mayReopen) actions.push("reopen");
  return actions;
}

/** The step after this one, or null when the นายก has endorsed and the report goes up. */
export function nextSignOffStep(step: SignOffStep): SignOffStep | null {
  return SIGN_OFF_CHAIN[SIGN_OFF_CHAIN.indexOf(step) + 1] ?? null;
}

/** Where an administrator may move a report waiting at `step`: back to the preparer. */
export const TO_PREPARER = "PREPARER";
export type RerouteTarget = SignOffStep | typeof TO_PREPARER;

/** The later steps of the chain (to skip the one nobody can sign), or back to the preparer. */
export function rerouteTargets(step: SignOffStep): RerouteTarget[] {
  return [...SIGN_OFF_CHAIN.slice(SIGN_OFF_CHAIN.indexOf(step) + 1), TO_PREPARER];
}

/** A step of an organisation's chain with the accounts that can sign it now. */
export type ChainStep = { step: SignOffStep; signers: { userId: string; name: string; position: string | null; acting?: boolean }[] };

/** The steps of the chain from `from` on (the whole chain by default) that nobody can sign: a report sent there stays. */
export function unsignableSteps(chain: ChainStep[], from?: SignOffStep | null): SignOffStep[] {
  const start = from ? SIGN_OFF_CHAIN.indexOf(from) : 0;
  return chain.filter((entry) => SIGN_OFF_CHAIN.indexOf(entry.step) >= start && entry.signers.length === 0).map((entry) => entry.step);
}

/** Why a reviewer of the province cannot accept yet. */
export const AWAITING_DISTRICT = "รายงานนี้ยังรอความเห็นชอบของอำเภอ จังหวัดกำหนดให้ผู้ตรวจระดับอำเภอเห็นชอบก่อนจังหวัดรับรายงาน";

export const YEAR_CLOSED = (yearBe: number) => `ปีงบประมาณ ${yearBe} ปิดรับรายงานแล้ว สร้าง แก้ไข หรือเสนอรายงานของปีนี้ไม่ได้`;

export const ACTION_REFUSED: Record<ReportAction, string> = {
  edit: "แก้ไขรายงานไม่ได้ในสถานะนี้ หรือคุณไม่ใช่ผู้จัดทำรายงานขององค์กรนี้",
  submit: "เสนอรายงานไม่ได้ในสถานะนี้ หรือคุณไม่ใช่ผู้จัดทำรายงานขององค์กรนี้",
  endorse: "ยังไม่ถึงขั้นที่คุณต้องให้ความเห็น หรือคุณไม่ใช่ผู้ลงนามในขั้นนี้",
  sendBack: "ยังไม่ถึงขั้นที่คุณต้องให้ความเห็น หรือคุณไม่ใช่ผู้ลงนามในขั้นนี้",
  withdraw: "ถอนเรื่องได้เฉพาะผู้จัดทำรายงาน ขณะรายงานรอความเห็นตามลำดับชั้น",
  reroute: "เปลี่ยนเส้นทางได้เฉพาะผู้ดูแลระบบ ขณะรายงานรอความเห็นตามลำดับชั้น",
  comment: "แสดงความเห็นได้เฉพาะผู้ตรวจ เมื่อรายงานส่งจังหวัดแล้ว",
  return: "ส่งกลับได้เฉพาะผู้ตรวจ เมื่อรายงานส่งจังหวัดแล้ว",
  accept: "รับรายงานได้เฉพาะผู้ตรวจ เมื่อรายงานส่งจังหวัดแล้ว",
  endorseForDistrict: "ให้ความเห็นชอบได้เฉพาะผู้ตรวจระดับอำเภอ ขณะรายงานรอความเห็นชอบของอำเภอ",
  reopen: "เปิดรายงานที่รับแล้วได้เฉพาะผู้ดูแลระบบ",
};
