"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState, useSyncExternalStore } from "react";
import { useTRPC } from "@/components/trpc-provider";
import { personName } from "@/server/domain/thai-format";

const input = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2 focus:border-teal-600 focus:outline-none";
export const PASSWORD_HINT = "อย่างน้อย 10 ตัวอักษร ไม่มีชื่อผู้ใช้อยู่ในนั้น และไม่ใช่รหัสที่ใช้กันทั่วไป (ใช้วลีภาษาไทยยาว ๆ ได้)";

/** Two password fields that must agree; the server judges the rules and answers in Thai. */
function NewPasswordFields({ mismatch }: { mismatch: boolean }) {
  return (
    <>
      <label className="block">
        <span className="text-sm font-semibold">รหัสผ่านใหม่</span>
        <input name="password" type="password" autoComplete="new-password" className={input} />
        <span className="text-xs text-slate-500">{PASSWORD_HINT}</span>
      </label>
      <label className="block">
        <span className="text-sm font-semibold">ยืนยันรหัสผ่านใหม่</span>
        <input name="confirm" type="password" autoComplete="new-password" className={input} />
        {mismatch && <span className="text-xs text-red-700">รหัสผ่านทั้งสองช่องไม่ตรงกัน</span>}
      </label>
    </>
  );
}

function subscribeToHash(onChange: () => void) {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

/**
 * The page a set-password link opens: the token travels in the address's fragment, never to a
 * server log. Links differ only after "#", so a second one opened in the same tab is a new
 * fragment on the same page: the form starts afresh for each token (keyed by it), with nothing
 * of the first link's state (its account, a password set or refused, what was typed).
 */
export function SetPasswordForm() {
  const token = useSyncExternalStore(subscribeToHash, () => window.location.hash.slice(1), () => null);
  if (token === null) return <p className="text-sm text-slate-500">กำลังตรวจลิงก์…</p>;
  return <TokenPasswordForm key={token} token={token} />;
}

function TokenPasswordForm({ token }: { token: string }) {
  const trpc = useTRPC();
  const [mismatch, setMismatch] = useState(false);
  // Asked afresh each time a link is opened (a link used meanwhile, here or elsewhere, says so).
  const link = useQuery(trpc.account.passwordLink.queryOptions({ token }, { retry: false, staleTime: 0, gcTime: 0 }));
  const set = useMutation(trpc.account.setPassword.mutationOptions());

  if (link.isPending) return <p className="text-sm text-slate-500">กำลังตรวจลิงก์…</p>;
  if (link.error) return <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" role="alert">{link.error.message}</p>;
  if (set.isSuccess) {
    return (
      <p className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800" data-testid="password-set">
        ตั้งรหัสผ่านแล้ว <Link href="/login" className="font-semibold underline">เข้าสู่ระบบ</Link> ด้วยชื่อผู้ใช้ {link.data.username}
      </p>
    );
  }
  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const password = String(form.get("password") ?? "");
        setMismatch(password !== form.get("confirm"));
        if (password === form.get("confirm")) set.mutate({ token, password });
      }}
    >
      <p className="text-sm">
        สวัสดี {personName(link.data.titlePrefix, link.data.displayName)} · ชื่อผู้ใช้ <b className="font-mono">{link.data.username}</b>
      </p>
      <NewPasswordFields mismatch={mismatch} />
      {set.error && <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" role="alert">{set.error.message}</p>}
      <button type="submit" disabled={set.isPending} className="w-full rounded-md bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800 disabled:opacity-60">
        ตั้งรหัสผ่าน
      </button>
    </form>
  );
}

export function ChangePasswordForm() {
  const trpc = useTRPC();
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation(trpc.account.changePassword.mutationOptions());
  return (
    <form
      className="max-w-sm space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const formElement = event.currentTarget;
        const form = new FormData(formElement);
        const password = String(form.get("password") ?? "");
        setMismatch(password !== form.get("confirm"));
        if (password !== form.get("confirm")) return;
        change.mutate({ currentPassword: String(form.get("current") ?? ""), newPassword: password }, { onSuccess: () => formElement.reset() });
      }}
    >
      <label className="block">
        <span className="text-sm font-semibold">รหัสผ่านปัจจุบัน</span>
        <input name="current" type="password" autoComplete="current-password" className={input} />
      </label>
      <NewPasswordFields mismatch={mismatch} />
      {change.error && <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" role="alert">{change.error.message}</p>}
      {change.isSuccess && <p className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">เปลี่ยนรหัสผ่านแล้ว</p>}
      <button type="submit" disabled={change.isPending} className="rounded-md bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800 disabled:opacity-60">
        เปลี่ยนรหัสผ่าน
      </button>
    </form>
  );
}
