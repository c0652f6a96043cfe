import type { DataOrigin, LevelBasis, ReportStatus } from "@/server/db/generated/enums";
import { LEVEL_BASIS_LABEL, LEVEL_BASIS_SHORT_LABEL, NO_REPORT_LABEL, REPORT_STATUS_LABEL, UNCONFIRMED_SCORE_LABEL } from "@/server/domain/labels";

/** Every invented or generated figure says so where it is shown. */
export function OriginBadge({ origin }: { origin: DataOrigin }) {
  if (origin === "REAL") return null;
  return (
    <span
      data-testid="demo-badge"
      title={origin === "DEMO" ? "ข้อมูลสมมุติสำหรับสาธิต ไม่ใช่ข้อมูลจริง" : "ข้อมูลสังเคราะห์สำหรับทดสอบ"}
      className="ml-1 inline-block rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-800"
    >
      {origin === "DEMO" ? "ข้อมูลสาธิต" : "ข้อมูลสังเคราะห์"}
    </span>
  );
}

const STATUS_STYLE: Record<ReportStatus, string> = {
  DRAFT: "bg-slate-100 text-slate-700",
  IN_SIGN_OFF: "bg-sky-100 text-sky-800",
  SUBMITTED: "bg-indigo-100 text-indigo-800",
  RETURNED: "bg-orange-100 text-orange-800",
  ACCEPTED: "bg-emerald-100 text-emerald-800",
};

export function ReportStatusBadge({ status }: { status: ReportStatus | null }) {
  return (
    <span
      className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${status ? STATUS_STYLE[status] : "bg-red-50 text-red-700"}`}
    >
      {status ? REPORT_STATUS_LABEL[status] : NO_REPORT_LABEL}
    </span>
  );
}

/** An organisation's own score that no province reviewer has confirmed: marked wherever it is shown. */
export function UnconfirmedScoreMark({ unconfirmed }: { unconfirmed: boolean }) {
  if (!unconfirmed) return null;
  return (
    <span
      data-testid="unconfirmed-score"
      title="คะแนนนี้หน่วยงานรายงานเอง จังหวัดยังไม่ได้ตรวจสอบยืนยัน"
      className="ml-1 inline-block rounded bg-orange-100 px-1.5 py-0.5 text-xs font-semibold text-orange-800"
    >
      {UNCONFIRMED_SCORE_LABEL}
    </span>
  );
}

/**
 * The one level of a result (resolveLevel) with where it comes from, and the level by the rules
 * beside it when the announced one disagrees.
 */
export function ResultLevel({
  level,
  basis,
  derived,
  mismatch,
}: {
  level: string | null;
  basis: LevelBasis | null;
  derived: string | null;
  mismatch: boolean;
}) {
  return (
    <span data-testid="result-level">
      {level ?? "—"}
      {basis && (
        <span className="ml-1 text-xs text-slate-500" title={LEVEL_BASIS_LABEL[basis]} data-testid="level-basis">
          ({LEVEL_BASIS_SHORT_LABEL[basis]})
        </span>
      )}
      {mismatch && (
        <span
          data-testid="level-mismatch"
          title={`ระดับที่ประกาศ (${level}) ไม่ตรงกับระดับที่คำนวณตามเกณฑ์ของปี (${derived})`}
          className="ml-1 rounded bg-red-100 px-1 text-xs text-red-700"
        >
          ⚠ ตามเกณฑ์: {derived}
        </span>
      )}
    </span>
  );
}

/** The announced level, with the derived one beside it when they differ. */
export function LevelText({
  announced,
  derived,
  mismatch,
}: {
  announced: string | null;
  derived: string | null;
  mismatch: boolean;
}) {
  return (
    <span>
      {announced ?? derived ?? "—"}
      {mismatch && (
        <span
          data-testid="level-mismatch"
          title={`ระดับที่ประกาศ (${announced}) ไม่ตรงกับระดับที่คำนวณตามเกณฑ์ของปี (${derived})`}
          className="ml-1 rounded bg-red-100 px-1 text-xs text-red-700"
        >
          ⚠ ตามเกณฑ์: {derived}
        </span>
      )}
    </span>
  );
}

/** A name taken from an unconfirmed source says so until an administrator confirms it. */
export function UnconfirmedNameMark({ confirmed }: { confirmed: boolean }) {
  if (confirmed) return null;
  return (
    <span title="ชื่อนี้ยังไม่ได้ยืนยันจากแหล่งข้อมูลทางราชการ" className="ml-1 text-xs text-amber-700">
      (ชื่อยังไม่ยืนยัน)
    </span>
  );
}
