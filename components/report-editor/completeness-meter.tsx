"use client";

import { completenessPercent, findGaps, type ReportContent } from "@/server/domain/report-content";

/** How complete the report is, and what is missing where: a click takes the preparer there. */
export function CompletenessMeter({ content }: { content: ReportContent }) {
  const gaps = findGaps(content);
  const percent = completenessPercent(content, gaps);
  const issueNumber = new Map(content.issues.map((issue, index) => [issue.id, index + 1]));
  const measureNumber = new Map(
    content.issues.flatMap((issue, i) => issue.measures.map((measure, j) => [measure.id, `${i + 1}.${j + 1}`] as const)),
  );
  const where = (gap: (typeof gaps)[number]) =>
    gap.measureId ? `มาตรการที่ ${measureNumber.get(gap.measureId)}` : gap.issueId ? `ประเด็นที่ ${issueNumber.get(gap.issueId)}` : "รายงาน";
  const goTo = (gap: (typeof gaps)[number]) => {
    const target = gap.measureId ? `measure-${gap.measureId}` : gap.issueId ? `issue-${gap.issueId}` : "issues";
    document.getElementById(target)?.scrollIntoView({ behavior: "smooth", block: "start" });
  };

  return (
    <section data-testid="completeness" className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex items-baseline justify-between">
        <h2 className="font-semibold">ความครบถ้วนของรายงาน</h2>
        <span className="text-lg font-bold tabular-nums text-teal-800">{percent}%</span>
      </div>
      <div
        role="progressbar"
        aria-label="ความครบถ้วนของรายงาน"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="mt-2 h-2.5 overflow-hidden rounded-full bg-slate-200"
      >
        <div className={`h-full rounded-full ${percent === 100 ? "bg-emerald-600" : "bg-teal-600"}`} style={{ width: `${percent}%` }} />
      </div>
      {gaps.length === 0 ? (
        <p className="mt-2 text-sm text-emerald-700">ครบถ้วนแล้ว</p>
      ) : (
        <ul className="mt-3 max-h-72 space-y-1 overflow-y-auto text-sm">
          {gaps.map((gap, index) => (
            <li key={index}>
              <button type="button" onClick={() => goTo(gap)} className="w-full rounded px-1 py-0.5 text-left hover:bg-amber-50">
                <span className="font-medium text-slate-700">{where(gap)}:</span> <span className="text-amber-800">{gap.message}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
