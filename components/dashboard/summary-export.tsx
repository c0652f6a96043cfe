"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc-provider";
import type { OverviewFilters } from "./overview-filters";
import { formatInteger } from "@/server/domain/thai-format";

type Format = "PDF" | "XLSX" | "CSV";

const FORMATS: { format: Format; label: string }[] = [
  { format: "PDF", label: "PDF" },
  { format: "XLSX", label: "Excel" },
  { format: "CSV", label: "CSV" },
];

/**
 * "ส่งออกรายงานสรุป": starts a summary export with the filters in force, shows its progress
 * while the server writes the file, then a download link (or the reason it failed).
 */
export function SummaryExport({ area, filters }: { area: { kind: "district" | "province"; id: string } | { kind: "national" }; filters: OverviewFilters }) {
  const trpc = useTRPC();
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useMutation(trpc.export.start.mutationOptions({ onSuccess: ({ jobId }) => setJobId(jobId) }));
  const status = useQuery({
    ...trpc.export.status.queryOptions({ jobId: jobId ?? "" }),
    enabled: jobId !== null,
    staleTime: 0,
    // Polls until the job ends, or until asking fails (the error is shown; the buttons come back).
    refetchInterval: (query) =>
      query.state.error || query.state.data?.status === "DONE" || query.state.data?.status === "FAILED" ? false : 700,
  });
  const job = jobId ? status.data : undefined;
  const running = start.isPending || (jobId !== null && !status.error && (!job || job.status === "QUEUED" || job.status === "RUNNING"));
  const percent = Math.round((job?.progress ?? 0) * 100);

  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="summary-export-title" data-testid="summary-export" data-print="hide">
      <h2 id="summary-export-title" className="mb-1 font-semibold">
        ส่งออกรายงานสรุป
      </h2>
      <p className="mb-3 text-sm text-slate-600">ไฟล์ใช้ตัวกรองเดียวกับหน้านี้ (ปีงบประมาณ อำเภอ ประเภท อปท. และการนับรายงาน) และระบุไว้ในหน้าแรกของไฟล์</p>
      <div className="flex flex-wrap items-center gap-2">
        {FORMATS.map(({ format, label }) => (
          <button
            key={format}
            type="button"
            className="rounded-md border border-teal-700 px-3 py-1 text-sm font-semibold text-teal-800 hover:bg-teal-50 disabled:opacity-50"
            disabled={running}
            data-testid={`export-${format.toLowerCase()}`}
            onClick={() => {
              setJobId(null);
              start.mutate({ area, format, ...filters });
            }}
          >
            {label}
          </button>
        ))}
      </div>
      {running && (
        <div className="mt-3 text-sm" data-testid="export-progress">
          <div className="mb-1 text-slate-700">
            {job?.status === "RUNNING" ? "กำลังสร้างไฟล์" : "รอคิวสร้างไฟล์"} {percent}%
            {job?.rowsTotal ? ` (${formatInteger(job.rowsWritten)} จาก ${formatInteger(job.rowsTotal)} แถว)` : ""}
          </div>
          <div className="h-2 w-full max-w-md overflow-hidden rounded bg-slate-200" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
            <div className="h-full bg-teal-700 transition-[width]" style={{ width: `${percent}%` }} />
          </div>
        </div>
      )}
      {job?.status === "DONE" && job.downloadUrl && (
        <p className="mt-3 text-sm" data-testid="export-ready">
          ไฟล์พร้อมแล้ว:{" "}
          <a href={job.downloadUrl} className="font-semibold text-teal-800 underline" data-testid="export-download">
            ดาวน์โหลด {job.fileName}
          </a>
          <span className="text-slate-500"> (เก็บไว้ 1 วัน)</span>
        </p>
      )}
      {(job?.status === "FAILED" || start.error || status.error) && (
        <p className="mt-3 text-sm text-red-700" role="alert" data-testid="export-error">
          ส่งออกไม่สำเร็จ: {job?.error ?? start.error?.message ?? status.error?.message}
        </p>
      )}
    </section>
  );
}
