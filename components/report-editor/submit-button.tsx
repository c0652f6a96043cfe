"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/trpc-provider";
import type { ReportCheck, ReportProblem } from "@/server/domain/report-rules";
import { errorMessage, primaryButton, serverFieldErrors } from "./fields";
import { problemsOfRefusal } from "./problem-list";

/**
 * Sends the report to the head of office, after making sure the server holds what is on screen
 * and that it meets the rules the server checks (report-rules.ts). A report that does not is not
 * sent: `onRefusal` shows what is missing (the editor's own live list, or the server's).
 */
export type Refusal = { server: ReportProblem[] | null }; // null: the live list of the editor's check

export function SubmitButton({
  reportId,
  flush,
  currentVersion,
  check,
  onRefusal,
  disabled,
}: {
  reportId: string;
  flush: () => Promise<boolean>;
  currentVersion: () => number;
  check: ReportCheck;
  onRefusal: (refusal: Refusal | null) => void;
  disabled: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const submit = useMutation(trpc.report.submit.mutationOptions());
  const [flushing, setFlushing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const onClick = async () => {
    setProblem(null);
    submit.reset();
    if (check.problems.length) {
      onRefusal({ server: null });
      return;
    }
    setFlushing(true);
    const saved = await flush();
    setFlushing(false);
    if (!saved) {
      setProblem("ยังบันทึกรายงานไม่สำเร็จ กรุณาแก้ไขตามข้อความด้านบนก่อนเสนอ");
      return;
    }
    if (!window.confirm("เสนอรายงานให้หัวหน้าสำนักปลัดพิจารณา? เมื่อเสนอแล้วจะแก้ไขไม่ได้จนกว่าจะถูกส่งกลับ")) return;
    onRefusal(null);
    submit.mutate(
      { reportId, baseVersion: currentVersion() },
      {
        onSuccess: () => router.push(`/reports/${reportId}`),
        onError: (error) => {
          const problems = problemsOfRefusal(serverFieldErrors(error));
          if (problems.length) onRefusal({ server: problems });
        },
      },
    );
  };

  const busy = flushing || submit.isPending || submit.isSuccess;
  const refusedWithList = submit.error && Object.keys(serverFieldErrors(submit.error)).length > 0;
  const message = problem ?? (submit.error && !refusedWithList ? errorMessage(submit.error) : null);
  return (
    <div className="flex flex-col items-end gap-1">
      <button type="button" data-testid="submit-for-sign-off" className={primaryButton} disabled={disabled || busy} onClick={onClick}>
        {busy ? "กำลังเสนอ…" : "เสนอความเห็นตามลำดับชั้น"}
      </button>
      {message && (
        <p role="alert" className="max-w-md text-right text-sm text-red-700">
          {message}
        </p>
      )}
    </div>
  );
}
