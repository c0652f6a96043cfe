import Link from "next/link";
import { formatInteger, formatPercent, formatScore } from "@/server/domain/thai-format";
import type { AreaOverview } from "@/server/services/dashboard/overview";

function Figure({ label, value, note, testId }: { label: string; value: string; note?: string; testId: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3" data-testid={testId}>
      <div className="text-sm text-slate-600">{label}</div>
      <div className="text-2xl font-bold tabular-nums text-slate-900">{value}</div>
      {note && <div className="text-xs text-slate-500">{note}</div>}
    </div>
  );
}

/** The headline numbers of the overview, and what the report counts include. */
export function FigureCards({ overview, statusHref }: { overview: AreaOverview; statusHref?: string }) {
  const { organizations, reports, scores } = overview.figures;
  const rate = reports.reportingRate === null ? "—" : formatPercent(reports.reportingRate);
  const score = (value: number | null) => (value === null ? "—" : formatScore(value));
  return (
    <section aria-label="ตัวเลขสรุป">
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-7">
        <Figure testId="figure-organizations" label="จำนวน อปท." value={formatInteger(organizations)} note="แห่ง" />
        <Figure testId="figure-submitted" label="รายงานที่ส่งแล้ว" value={formatInteger(reports.submitted)} note="ฉบับ" />
        <Figure testId="figure-accepted" label="รับรายงานแล้ว" value={formatInteger(reports.accepted)} note="ฉบับ" />
        <Figure testId="figure-missing" label="ยังไม่ส่ง" value={formatInteger(reports.missing)} note="แห่ง" />
        {statusHref ? (
          <Link href={statusHref} className="block hover:ring-2 hover:ring-teal-600 rounded-lg" data-testid="status-link" title="ดูสถานะการส่งรายงานรายองค์กร">
            <Figure testId="figure-rate" label="อัตราการส่ง" value={rate} note="ดูสถานะรายองค์กร →" />
          </Link>
        ) : (
          <Figure testId="figure-rate" label="อัตราการส่ง" value={rate} />
        )}
        <Figure testId="figure-mean" label="คะแนนเฉลี่ย" value={score(scores.mean)} note={`จากผลประเมิน ${formatInteger(scores.count)} แห่ง`} />
        <Figure testId="figure-median" label="มัธยฐาน" value={score(scores.median)} />
      </div>
      <p className="mt-2 text-sm text-slate-600" data-testid="inclusion-note">
        {overview.includeUnaccepted
          ? "รายงานที่ส่งแล้ว นับทั้งรายงานที่ส่งจังหวัดแล้วแต่ยังไม่ได้รับรอง และรายงานที่รับรองแล้ว"
          : "รายงานที่ส่งแล้ว นับเฉพาะรายงานที่ได้รับรองแล้ว ไม่นับรายงานที่ยังไม่ได้รับรอง"}{" "}
        คะแนนและระดับมาจากผลการประเมิน ITA ของปีงบประมาณ {overview.yearBe} ไม่ขึ้นกับการรับรองรายงาน
        {overview.unconfirmedScores > 0 && (
          <span data-testid="unconfirmed-note">
            {" "}
            {overview.includeUnconfirmed
              ? `รวมคะแนนที่รายงานโดยหน่วยงาน ยังไม่ยืนยัน ${formatInteger(overview.unconfirmedScores)} แห่ง (มีเครื่องหมายกำกับในตารางอันดับ)`
              : `ไม่นับคะแนนที่รายงานโดยหน่วยงาน ยังไม่ยืนยัน ${formatInteger(overview.unconfirmedScores)} แห่ง`}
          </span>
        )}
      </p>
    </section>
  );
}
