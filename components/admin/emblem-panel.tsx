"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { readFile } from "@/components/admin/import-panel";
import { useTRPC } from "@/components/trpc-provider";

// The Garuda printed at the head of every memo: uploaded once for the whole deployment.
export function EmblemPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery(trpc.emblem.status.queryOptions());
  const [error, setError] = useState<string | null>(null);
  const done = {
    onSuccess: (data: Awaited<ReturnType<typeof status.refetch>>["data"]) => {
      setError(null);
      queryClient.setQueryData(trpc.emblem.status.queryKey(), data);
    },
    onError: (caught: { message: string }) => setError(caught.message),
  };
  const upload = useMutation(trpc.emblem.upload.mutationOptions(done));
  const remove = useMutation(trpc.emblem.remove.mutationOptions(done));

  async function choose(event: React.ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    event.target.value = "";
    if (chosen) upload.mutate(await readFile(chosen));
  }

  return (
    <section className="mb-8 rounded-lg border border-slate-200 bg-white p-4" data-testid="emblem-panel">
      <h2 className="mb-1 text-lg font-semibold">ตราครุฑบนบันทึกข้อความ</h2>
      <p className="mb-3 text-sm text-slate-600">
        ภาพตราครุฑ (PNG หรือ JPEG ไม่เกิน 2 MB) พิมพ์สูง 1.5 เซนติเมตรที่มุมซ้ายบนของบันทึกข้อความทุกฉบับ ระบบไม่มีภาพตราครุฑมาให้ กรุณาใช้ภาพของหน่วยงาน
      </p>
      {status.data?.present ? (
        <div className="mb-3 flex items-center gap-4">
          {/* eslint-disable-next-line @next/next/no-img-element -- a data URL preview, nothing for next/image to optimise */}
          <img src={status.data.previewDataUrl} alt="ตราครุฑที่ใช้อยู่" className="h-[1.5cm] w-auto" data-testid="emblem-preview" />
          <button
            type="button"
            onClick={() => remove.mutate()}
            disabled={remove.isPending}
            className="rounded-md border border-red-300 px-3 py-1 text-sm text-red-700 hover:bg-red-50 disabled:opacity-60"
          >
            นำตราครุฑออก
          </button>
        </div>
      ) : (
        status.data && <p className="mb-3 text-sm text-amber-800" data-testid="emblem-missing">ยังไม่มีตราครุฑ: บันทึกข้อความพิมพ์เฉพาะหัวเรื่อง</p>
      )}
      <label className="inline-block cursor-pointer rounded-md bg-teal-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-teal-800">
        {upload.isPending ? "กำลังอัปโหลด…" : status.data?.present ? "เปลี่ยนภาพตราครุฑ" : "อัปโหลดภาพตราครุฑ"}
        <input type="file" accept="image/png,image/jpeg" className="sr-only" onChange={choose} disabled={upload.isPending} data-testid="emblem-file" />
      </label>
      {error && (
        <p role="alert" className="mt-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="emblem-error">
          {error}
        </p>
      )}
    </section>
  );
}
