import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { getSessionUserId } from "@/server/auth/session";
import { RETURN_PATH_PARAM, safeReturnPath } from "@/server/domain/return-path";

export const metadata: Metadata = { title: "เข้าสู่ระบบ" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const requested = (await searchParams)[RETURN_PATH_PARAM];
  const returnPath = safeReturnPath(typeof requested === "string" ? requested : null);
  if (await getSessionUserId()) redirect(returnPath);
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-2xl font-bold text-teal-800">โปร่งใส</h1>
        <p className="mb-6 text-sm text-slate-600">
          ระบบติดตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสขององค์กรปกครองส่วนท้องถิ่น
        </p>
        <LoginForm returnPath={returnPath} />
      </div>
    </main>
  );
}
