// Thai names of the model's enumerations, for the UI and documents.
import type { ItaResultChangeKind, LevelBasis, OrganizationType, ReportStatus, Role, ScoreSource, SignOffStep } from "@/server/db/generated/enums";

export const ORGANIZATION_TYPE_LABEL: Record<OrganizationType, { full: string; short: string }> = {
  PAO: { full: "องค์การบริหารส่วนจังหวัด", short: "อบจ." },
  CITY_MUNICIPALITY: { full: "เทศบาลนคร", short: "ทน." },
  TOWN_MUNICIPALITY: { full: "เทศบาลเมือง", short: "ทม." },
  SUBDISTRICT_MUNICIPALITY: { full: "เทศบาลตำบล", short: "ทต." },
  SAO: { full: "องค์การบริหารส่วนตำบล", short: "อบต." },
};

export const ROLE_LABEL: Record<Role, string> = {
  ORG_EDITOR: "ผู้จัดทำรายงาน",
  ORG_SIGNER: "ผู้ลงนามให้ความเห็น",
  DISTRICT_REVIEWER: "ผู้ตรวจระดับอำเภอ",
  PROVINCE_REVIEWER: "ผู้ตรวจระดับจังหวัด",
  PROVINCE_ADMIN: "ผู้ดูแลระบบระดับจังหวัด",
  ADMIN: "ผู้ดูแลระบบ",
};

export const SIGN_OFF_STEP_LABEL: Record<SignOffStep, string> = {
  HEAD_OF_OFFICE: "หัวหน้าสำนักปลัด",
  CHIEF_ADMINISTRATOR: "ปลัด",
  EXECUTIVE: "นายก",
};

export const REPORT_STATUS_LABEL: Record<ReportStatus, string> = {
  DRAFT: "ฉบับร่าง",
  IN_SIGN_OFF: "อยู่ระหว่างเสนอความเห็น",
  SUBMITTED: "ส่งจังหวัดแล้ว",
  RETURNED: "ส่งกลับให้แก้ไข",
  ACCEPTED: "รับรายงานแล้ว",
};

/** Where a report sent to the province stands, where its province requires the district's endorsement. */
export const DISTRICT_STEP_LABEL = { awaiting: "รอความเห็นชอบของอำเภอ", endorsed: "อำเภอเห็นชอบแล้ว รอจังหวัดตรวจ" } as const;

export const NO_REPORT_LABEL = "ยังไม่มีรายงาน";

/** Where an ITA result comes from. */
export const SCORE_SOURCE_LABEL: Record<ScoreSource, string> = {
  IMPORTED_FILE: "นำเข้าจากตารางประกาศผลของ ป.ป.ช.",
  PROVINCE_ENTERED: "บันทึกโดยจังหวัด",
  ORGANIZATION_REPORTED: "รายงานโดยหน่วยงาน",
};

/** The mark an organisation's own, not yet confirmed, result carries on every surface. */
export const UNCONFIRMED_SCORE_LABEL = "รายงานโดยหน่วยงาน ยังไม่ยืนยัน";

/** An organisation's own result that no province reviewer has confirmed yet. */
export const isUnconfirmedScore = (result: { source: ScoreSource; confirmedAt: Date | string | null }) =>
  result.source === "ORGANIZATION_REPORTED" && result.confirmedAt === null;

/** A result's provenance in a few words: the unconfirmed mark, or where it comes from. */
export function scoreProvenanceLabel(result: { source: ScoreSource; confirmedAt: Date | string | null }): string {
  if (isUnconfirmedScore(result)) return UNCONFIRMED_SCORE_LABEL;
  return result.source === "ORGANIZATION_REPORTED" ? "รายงานโดยหน่วยงาน จังหวัดยืนยันแล้ว" : SCORE_SOURCE_LABEL[result.source];
}

/** Where the level shown comes from (resolveLevel). */
export const LEVEL_BASIS_LABEL: Record<LevelBasis, string> = {
  ANNOUNCED: "ตามที่ประกาศ",
  RULE: "ตามเกณฑ์ของปี",
  TOTAL_ONLY: "ตามคะแนนรวมเท่านั้น (ไม่มีคะแนนรายเครื่องมือ)",
};

/** The basis in a word or two, beside the level in tables. */
export const LEVEL_BASIS_SHORT_LABEL: Record<LevelBasis, string> = {
  ANNOUNCED: "ตามประกาศ",
  RULE: "ตามเกณฑ์",
  TOTAL_ONLY: "ตามคะแนนรวม",
};

export const ITA_RESULT_CHANGE_LABEL: Record<ItaResultChangeKind, string> = {
  REPORTED: "หน่วยงานรายงาน",
  ENTERED: "จังหวัดบันทึก/แก้ไข",
  IMPORTED: "นำเข้าจากตารางประกาศผล",
  CONFIRMED: "จังหวัดยืนยัน",
};
