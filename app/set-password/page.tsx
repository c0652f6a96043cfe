import type { Metadata } from "next";
import { SetPasswordForm } from "@/components/auth/set-password-form";

export const metadata: Metadata = { title: "ตั้งรหัสผ่าน" };

export default function SetPasswordPage() {
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-2xl font-bold text-teal-800">ตั้งรหัสผ่าน</h1>
        <p className="mb-6 text-sm text-slate-600">โปร่งใส · ลิงก์นี้ใช้ได้ครั้งเดียวภายใน 72 ชั่วโมง</p>
        <SetPasswordForm />
      </div>
    </main>
  );
}
