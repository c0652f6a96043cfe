"use client";

import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { mayLeave } from "@/components/leave-guard";

export function SignOutButton() {
  const router = useRouter();
  // Without next-auth's redirect, the page returns to this very host whatever NEXTAUTH_URL says.
  async function leave() {
    // A page with unsaved work (the report editor) saves it first, or asks.
    if (!(await mayLeave())) return;
    await signOut({ redirect: false });
    router.replace("/login");
    router.refresh();
  }
  return (
    <button
      type="button"
      onClick={leave}
      className="rounded-md border border-white/40 px-3 py-1 text-sm hover:bg-white/10"
    >
      ออกจากระบบ
    </button>
  );
}
