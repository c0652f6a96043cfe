// Thai names of the model's enumerations, for the UI and documents.
import type { OrganizationType, ReportStatus, Role, SignOffStep } from "@/server/db/generated/enums";

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

export const NO_REPORT_LABEL = "ยังไม่มีรายงาน";
