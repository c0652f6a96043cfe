"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc-provider";
import { SIGN_OFF_STEP_LABEL } from "@/server/domain/labels";
import { reportingStatusCsv } from "@/server/domain/reporting-status";
import { formatThaiShortDate } from "@/server/domain/thai-format";
import type { ReportingStatusInput } from "@/server/services/reporting-status";

type Area = { kind: "district" | "province"; id: string } | { kind: "national" };

/** Downloads every row the board's filters match (not only the page shown) as a CSV file. */
export function StatusCsvButton({ area, input, fileName }: { area: Area; input: ReportingStatusInput; fileName: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const download = async () => {
    setState({ busy: true, error: null });
    try {
      const board = await queryClient.fetchQuery(trpc.area.status.queryOptions({ area, ...input, page: 1, pageSize: 10_000 }));
      const csv = reportingStatusCsv(board.rows, { date: (date) => formatThaiShortDate(date), step: (step) => SIGN_OFF_STEP_LABEL[step] });
      const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = fileName;
      link.click();
      URL.revokeObjectURL(url);
      setState({ busy: false, error: null });
    } catch (error) {
      setState({ busy: false, error: error instanceof Error ? error.message : "ดาวน์โหลดไม่สำเร็จ" });
    }
  };
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={download}
        disabled={state.busy}
        data-testid="status-csv"
        className="rounded-md border border-teal-700 px-3 py-1 text-sm font-semibold text-teal-800 hover:bg-teal-50 disabled:opacity-50"
      >
        {state.busy ? "กำลังเตรียมไฟล์…" : "ดาวน์โหลด CSV"}
      </button>
      {state.error && <span className="text-sm text-red-700">{state.error}</span>}
    </span>
  );
}
