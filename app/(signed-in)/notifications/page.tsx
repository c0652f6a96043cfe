import type { Metadata } from "next";
import Link from "next/link";
import { EmailForm } from "@/components/notifications/email-form";
import { NotificationList } from "@/components/notifications/notification-list";
import { NotificationPreferences } from "@/components/notifications/notification-preferences";
import { PageTitle } from "@/components/ui/page-title";
import { callOrRedirect, getServerCaller } from "@/server/api/server-caller";
import { formatInteger } from "@/server/domain/thai-format";
import { DELIVERY_LABEL, NOTIFICATION_KIND_LABEL } from "@/server/services/notifications/notifications";

export const metadata: Metadata = { title: "การแจ้งเตือน" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NotificationsPage({ searchParams }: Props) {
  const query = await searchParams;
  const requested = Number(Array.isArray(query.page) ? query.page[0] : query.page);
  const page = Number.isInteger(requested) && requested >= 1 && requested <= 10_000 ? requested : 1;
  const unreadOnly = query.unread === "1";
  const caller = await getServerCaller();
  const [list, preferences, { email }, me] = await callOrRedirect(() =>
    Promise.all([caller.notification.list({ page, unreadOnly }), caller.notification.preferences(), caller.account.email(), caller.me.get()]),
  );
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const href = (next: { page?: number; unreadOnly?: boolean }) => {
    const params = new URLSearchParams();
    if (next.unreadOnly ?? unreadOnly) params.set("unread", "1");
    if ((next.page ?? 1) > 1) params.set("page", String(next.page));
    const search = params.toString();
    return search ? `/notifications?${search}` : "/notifications";
  };
  return (
    <>
      <PageTitle title="การแจ้งเตือน" subtitle={list.unread ? `ยังไม่ได้อ่าน ${formatInteger(list.unread)} รายการ` : "อ่านครบทุกรายการแล้ว"} />
      <p className="mb-3 flex gap-4 text-sm">
        <Link href={href({ unreadOnly: false })} className={unreadOnly ? "text-teal-800 hover:underline" : "font-semibold"}>
          ทั้งหมด
        </Link>
        <Link href={href({ unreadOnly: true })} className={unreadOnly ? "font-semibold" : "text-teal-800 hover:underline"}>
          เฉพาะที่ยังไม่ได้อ่าน
        </Link>
        <Link href="/inbox" className="text-teal-800 hover:underline">
          งานที่รอดำเนินการ →
        </Link>
      </p>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          {list.items.length === 0 ? <p className="text-sm text-slate-600">ไม่มีการแจ้งเตือน</p> : <NotificationList items={list.items} unread={list.unread} />}
          {pages > 1 && (
            <nav className="mt-3 flex gap-4 text-sm" aria-label="หน้า">
              {page > 1 && (
                <Link href={href({ page: page - 1 })} className="text-teal-800 hover:underline" rel="prev">
                  ← ก่อนหน้า
                </Link>
              )}
              <span>
                หน้า {formatInteger(page)} จาก {formatInteger(pages)}
              </span>
              {page < pages && (
                <Link href={href({ page: page + 1 })} className="text-teal-800 hover:underline" rel="next">
                  ถัดไป →
                </Link>
              )}
            </nav>
          )}
        </div>
        <div>
          <EmailForm email={email} mailOn={me.mailOn} />
          <NotificationPreferences initial={preferences} kindLabels={NOTIFICATION_KIND_LABEL} deliveryLabels={DELIVERY_LABEL} />
        </div>
      </div>
    </>
  );
}
