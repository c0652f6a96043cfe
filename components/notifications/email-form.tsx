"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc-provider";

/** One's own e-mail address, where notifications are mailed. */
export function EmailForm({ email, mailOn }: { email: string | null; mailOn: boolean }) {
  const trpc = useTRPC();
  const save = useMutation(trpc.account.setEmail.mutationOptions());
  return (
    <form
      className="mb-4 rounded-lg border border-slate-200 bg-white p-4 text-sm"
      data-testid="email-form"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ email: String(new FormData(event.currentTarget).get("email") ?? "") });
      }}
    >
      <label className="block font-semibold">
        อีเมลสำหรับรับการแจ้งเตือน
        <input name="email" type="email" defaultValue={email ?? ""} className="mt-1 block w-full rounded border border-slate-300 px-2 py-1 font-normal" />
      </label>
      {!mailOn && <p className="mt-1 text-amber-800">ขณะนี้ระบบยังไม่ได้เปิดการส่งอีเมล การแจ้งเตือนแสดงในระบบเท่านั้น</p>}
      <button type="submit" disabled={save.isPending} className="mt-2 rounded-md bg-teal-700 px-3 py-1 font-semibold text-white hover:bg-teal-800 disabled:opacity-50">
        บันทึกอีเมล
      </button>
      {save.isSuccess && <span className="ml-2 text-emerald-700">บันทึกแล้ว</span>}
      {save.error && <span className="ml-2 text-red-700">{save.error.message}</span>}
    </form>
  );
}
