"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/trpc-provider";
import { errorMessage, primaryButton } from "./fields";

/** Sends the report to the head of office, after making sure the server holds what is on screen. */
export function SubmitButton({
  reportId,
  flush,
  currentVersion,
  disabled,
}: {
  reportId: string;
  flush: () => Promise<boolean>;
  currentVersion: () => number;
  disabled: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const submit = useMutation(trpc.report.submit.mutationOptions());
  const [flushing, setFlushing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const onClick = async () => {
    setProblem(null);
    setFlushing(true);
    const saved = await flush();
    setFlushing(false);
    if (!saved) {
      setProblem("ยังบันทึกรายงานไม่สำเร็จ กรุณาแก้ไขตามข้อความด้านบนก่อนเสนอ");
      return;
    }
    if (!window.confirm("เสนอรายงานให้หัวหน้าสำนักปลัดพิจารณา? เมื่อเสนอแล้วจะแก้ไขไม่ได้จนกว่าจะถูกส่งกลับ")) return;
    submit.mutate({ reportId, baseVersion: currentVersion() }, { onSuccess: () => router.push(`/reports/${reportId}`) });
  };

  const busy = flushing || submit.isPending || submit.isSuccess;
  const message = problem ?? (submit.error ? errorMessage(submit.error) : null);
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
