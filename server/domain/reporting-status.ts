// The reporting-status board's vocabulary (states, sorts, flags, labels) and its CSV form:
// shared by the service (server/services/reporting-status.ts), the page and the browser's download.
import type { OrganizationType, SignOffStep } from "@/server/db/generated/enums";

export const REPORTING_STATES = ["NOT_STARTED", "DRAFT", "IN_SIGN_OFF", "SUBMITTED", "RETURNED", "ACCEPTED"] as const;
export type ReportingState = (typeof REPORTING_STATES)[number];

export const REPORTING_STATE_LABEL: Record<ReportingState, string> = {
  NOT_STARTED: "ยังไม่เริ่ม",
  DRAFT: "ฉบับร่าง",
  IN_SIGN_OFF: "อยู่ระหว่างเสนอความเห็น",
  SUBMITTED: "ส่งจังหวัดแล้ว รอตรวจ",
  RETURNED: "ส่งกลับให้แก้ไข",
  ACCEPTED: "รับรายงานแล้ว",
};

export const STATUS_SORTS = ["name", "district", "state", "days", "since"] as const;
export type StatusSort = (typeof STATUS_SORTS)[number];

export const STATUS_FLAGS = ["overdue", "stuck", "unsignable"] as const;

/** A report waiting this many days at one step of the sign-off chain is stuck (the board may ask for another number, up to MAX_STUCK_DAYS). */
export const STUCK_IN_SIGN_OFF_DAYS = 7;
export const MAX_STUCK_DAYS = 365;
/** A report waiting this many days for the province's review is stuck. */
export const STUCK_WITH_PROVINCE_DAYS = 14;

export type ReportingStatusRow = {
  organizationId: string;
  nameTh: string;
  type: OrganizationType;
  districtNameTh: string;
  reportId: string | null;
  state: ReportingState;
  step: SignOffStep | null;
  /** When the report entered its state (or step); null when not started. */
  since: Date | null;
  /** Whole days the report has been in that state. */
  daysInState: number | null;
  deadline: Date;
  extended: boolean;
  /** Days from today (Thailand) to the deadline: 0 on the day, negative once past. */
  daysToDeadline: number;
  overdue: boolean;
  stuck: boolean;
  /** Waiting at a step of the sign-off chain that nobody can sign. */
  unsignable: boolean;
};

/** The board's rows as CSV (UTF-8 with a byte-order mark so that Excel reads the Thai). */
export function reportingStatusCsv(rows: ReportingStatusRow[], format: { date: (date: Date) => string; step: (step: SignOffStep) => string }): string {
  const header = ["องค์กร", "อำเภอ", "สถานะรายงาน", "ขั้นที่รอ", "ตั้งแต่", "กำหนดส่ง", "จำนวนวันถึงกำหนดส่ง", "เลยกำหนด", "ค้างนาน", "ไม่มีผู้ลงนาม"];
  const cell = (value: string | number) => {
    const text = String(value);
    return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = rows.map((row) =>
    [
      row.nameTh,
      row.districtNameTh,
      REPORTING_STATE_LABEL[row.state],
      row.step ? format.step(row.step) : "",
      row.since ? format.date(row.since) : "",
      format.date(row.deadline),
      row.daysToDeadline,
      row.overdue ? "ใช่" : "",
      row.stuck ? "ใช่" : "",
      row.unsignable ? "ใช่" : "",
    ]
      .map(cell)
      .join(","),
  );
  return `\uFEFF${[header.join(","), ...lines].join("\r\n")}\r\n`;
}
