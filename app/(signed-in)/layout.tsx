import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { callOrRedirect, getServerCaller } from "@/server/api/server-caller";
import { ROLE_LABEL } from "@/server/domain/labels";
import { personName } from "@/server/domain/thai-format";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const caller = await getServerCaller();
  const [me, { unread }] = await callOrRedirect(() => Promise.all([caller.me.get(), caller.notification.unreadCount()]));
  const roles = [...new Set(me.grants.map((grant) => ROLE_LABEL[grant.role]))].join(", ");
  return (
    <div className="min-h-screen">
      <header className="bg-teal-800 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-3">
          <Link href={me.homePath} className="text-xl font-bold">
            โปร่งใส
          </Link>
          <div className="flex items-center gap-3 text-sm">
            <Link href="/inbox" className="rounded-md px-2 py-1 hover:bg-white/10" data-testid="inbox-link">
              งานที่รอ
            </Link>
            <Link href="/notifications" className="rounded-md px-2 py-1 hover:bg-white/10" data-testid="notifications-link" title="การแจ้งเตือน">
              การแจ้งเตือน
              {unread > 0 && (
                <span data-testid="notification-badge" className="ml-1 rounded-full bg-amber-400 px-2 text-xs font-bold text-slate-900" aria-label={`ยังไม่ได้อ่าน ${unread} รายการ`}>
                  {unread > 99 ? "99+" : unread}
                </span>
              )}
            </Link>
            <Link href="/account/password" className="rounded-md px-2 py-1 hover:bg-white/10" title="เปลี่ยนรหัสผ่าน" data-testid="current-user">
              {personName(me.titlePrefix, me.displayName)}
              {roles && <span className="ml-1 text-teal-100">({roles})</span>}
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </div>
  );
}
