"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/trpc-provider";
import type { ReportAction } from "@/server/domain/report-workflow";

type Decision = { action: ReportAction; label: string; commentLabel: string; commentRequired: boolean; tone: "primary" | "warning" };

const DECISIONS: Decision[] = [
  { action: "endorse", label: "เห็นชอบ / ลงนาม", commentLabel: "ความเห็น (ถ้ามี)", commentRequired: false, tone: "primary" },
  { action: "sendBack", label: "ส่งกลับผู้จัดทำ", commentLabel: "เหตุผลที่ส่งกลับ", commentRequired: true, tone: "warning" },
  { action: "accept", label: "รับรายงาน", commentLabel: "ความเห็น (ถ้ามี)", commentRequired: false, tone: "primary" },
  { action: "return", label: "ส่งกลับให้แก้ไข", commentLabel: "สิ่งที่ต้องแก้ไข", commentRequired: true, tone: "warning" },
  { action: "reopen", label: "เปิดรายงานให้แก้ไขอีกครั้ง", commentLabel: "เหตุผลที่เปิดอีกครั้ง", commentRequired: true, tone: "warning" },
];

/** The decisions the caller may take on the report now; the server checks them again. */
export function ReportActions({ reportId, actions }: { reportId: string; actions: ReportAction[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [chosen, setChosen] = useState<Decision | null>(null);
  const [comment, setComment] = useState("");
  const done = () => {
    setChosen(null);
    setComment("");
    router.refresh();
  };
  const mutations = {
    endorse: useMutation(trpc.report.endorse.mutationOptions({ onSuccess: done })),
    sendBack: useMutation(trpc.report.sendBack.mutationOptions({ onSuccess: done })),
    accept: useMutation(trpc.report.accept.mutationOptions({ onSuccess: done })),
    return: useMutation(trpc.report.return.mutationOptions({ onSuccess: done })),
    reopen: useMutation(trpc.report.reopen.mutationOptions({ onSuccess: done })),
  };
  const available = DECISIONS.filter((decision) => actions.includes(decision.action));
  if (!actions.includes("edit") && available.length === 0) return null;

  function confirm() {
    if (!chosen) return;
    const text = comment.trim();
    if (chosen.action === "endorse") mutations.endorse.mutate({ reportId, comment: text || undefined });
    if (chosen.action === "sendBack") mutations.sendBack.mutate({ reportId, comment: text });
    if (chosen.action === "accept") mutations.accept.mutate({ reportId, comment: text || undefined });
    if (chosen.action === "return") mutations.return.mutate({ reportId, comment: text });
    if (chosen.action === "reopen") mutations.reopen.mutate({ reportId, reason: text });
  }
  const pending = chosen ? mutations[chosen.action as keyof typeof mutations] : null;

  return (
    <section className="mb-6 rounded-lg border border-teal-200 bg-teal-50 p-4" data-testid="report-actions">
      <h2 className="mb-2 font-semibold">สิ่งที่คุณทำได้</h2>
      <div className="flex flex-wrap gap-2">
        {actions.includes("edit") && (
          <Link href={`/reports/${reportId}/edit`} className="rounded-md bg-teal-700 px-4 py-1.5 font-semibold text-white hover:bg-teal-800">
            แก้ไขรายงาน
          </Link>
        )}
        {available.map((decision) => (
          <button
            key={decision.action}
            type="button"
            onClick={() => setChosen(decision)}
            className={
              decision.tone === "primary"
                ? "rounded-md bg-teal-700 px-4 py-1.5 font-semibold text-white hover:bg-teal-800"
                : "rounded-md border border-orange-400 bg-white px-4 py-1.5 font-semibold text-orange-800 hover:bg-orange-50"
            }
          >
            {decision.label}
          </button>
        ))}
      </div>
      {chosen && (
        <div className="mt-3 space-y-2">
          <label className="block text-sm">
            {chosen.commentLabel}
            <textarea
              value={comment}
              onChange={(event) => setComment(event.target.value)}
              rows={3}
              maxLength={2000}
              className="mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5"
            />
          </label>
          {chosen.commentRequired && !comment.trim() && <p className="text-sm text-orange-800">ต้องระบุ{chosen.commentLabel}</p>}
          {pending?.error && <p className="text-sm text-red-700">{pending.error.message}</p>}
          <div className="flex gap-2">
            <button
              type="button"
              onClick={confirm}
              disabled={pending?.isPending || (chosen.commentRequired && !comment.trim())}
              className="rounded-md bg-teal-700 px-4 py-1.5 font-semibold text-white disabled:opacity-50"
            >
              ยืนยัน: {chosen.label}
            </button>
            <button type="button" onClick={() => setChosen(null)} className="rounded-md border border-slate-300 bg-white px-4 py-1.5">
              ยกเลิก
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
