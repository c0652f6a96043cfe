"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/trpc-provider";

/** A reviewer's remark on the report, one issue or one measure. */
export function CommentBox({ reportId, issueId, measureId }: { reportId: string; issueId?: string; measureId?: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState("");
  const comment = useMutation(
    trpc.report.comment.mutationOptions({
      onSuccess: () => {
        setBody("");
        setOpen(false);
        router.refresh();
      },
    }),
  );
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className="text-sm text-teal-800 hover:underline">
        + แสดงความเห็น
      </button>
    );
  }
  return (
    <div className="mt-2 space-y-1">
      <label className="block text-sm">
        ความเห็นของผู้ตรวจ
        <textarea
          value={body}
          onChange={(event) => setBody(event.target.value)}
          rows={2}
          maxLength={2000}
          className="mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1"
        />
      </label>
      {comment.error && <p className="text-sm text-red-700">{comment.error.message}</p>}
      <button
        type="button"
        disabled={!body.trim() || comment.isPending}
        onClick={() => comment.mutate({ reportId, issueId, measureId, body })}
        className="rounded-md bg-teal-700 px-3 py-1 text-sm font-semibold text-white disabled:opacity-50"
      >
        บันทึกความเห็น
      </button>
    </div>
  );
}
