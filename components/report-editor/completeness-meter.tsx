"use client";

import type { ReportCheck } from "@/server/domain/report-rules";
import { ProblemList } from "./problem-list";

/**
 * How complete the report is, counted by the rules the server checks before it is sent
 * (report-rules.ts), and what is missing where: a click takes the preparer to the field.
 */
export function CompletenessMeter({ check }: { check: ReportCheck }) {
  const { percent, problems } = check;
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
      {problems.length === 0 ? (
        <p className="mt-2 text-sm text-emerald-700">ครบถ้วนแล้ว เสนอรายงานได้</p>
      ) : (
        <>
          <p className="mt-2 text-sm text-slate-600">ต้องแก้ไขอีก {problems.length} รายการก่อนเสนอ</p>
          <ProblemList problems={problems} className="mt-1 max-h-72 overflow-y-auto" />
        </>
      )}
    </section>
  );
}
