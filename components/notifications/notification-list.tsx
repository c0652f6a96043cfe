"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/trpc-provider";
import type { NotificationKind } from "@/server/db/generated/enums";
import { formatThaiDateTime } from "@/server/domain/thai-format";

type Item = { id: string; kind: NotificationKind; title: string; body: string | null; link: string; readAt: Date | null; createdAt: Date };

/** One's notifications: unread ones marked; opening one marks it read and follows its link. */
export function NotificationList({ items, unread }: { items: Item[]; unread: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const markRead = useMutation(trpc.notification.markRead.mutationOptions());
  const open = async (item: Item) => {
    if (!item.readAt) await markRead.mutateAsync({ ids: [item.id] }).catch(() => undefined);
    // A whole navigation: the page opens at the comment its link names (#comment-…, :target).
    window.location.assign(item.link);
  };
  return (
    <>
      {unread > 0 && (
        <button
          type="button"
          className="mb-3 rounded-md border border-teal-700 px-3 py-1 text-sm font-semibold text-teal-800 hover:bg-teal-50 disabled:opacity-50"
          disabled={markRead.isPending}
          data-testid="mark-all-read"
          onClick={() => markRead.mutate({ all: true }, { onSuccess: () => router.refresh() })}
        >
          ทำเครื่องหมายว่าอ่านแล้วทั้งหมด
        </button>
      )}
      {markRead.error && <p className="mb-2 text-sm text-red-700">{markRead.error.message}</p>}
      <ul className="space-y-2" data-testid="notifications">
        {items.map((item) => (
          <li
            key={item.id}
            data-testid="notification"
            data-unread={item.readAt ? undefined : "true"}
            className={`rounded-lg border p-3 text-sm ${item.readAt ? "border-slate-200 bg-white" : "border-teal-300 bg-teal-50"}`}
          >
            <div className="flex items-start justify-between gap-3">
              <a
                href={item.link}
                onClick={(event) => {
                  event.preventDefault();
                  void open(item);
                }}
                className={`text-teal-900 hover:underline ${item.readAt ? "" : "font-semibold"}`}
              >
                {!item.readAt && <span className="mr-2 inline-block h-2 w-2 rounded-full bg-amber-500" aria-label="ยังไม่ได้อ่าน" />}
                {item.title}
              </a>
              <span className="shrink-0 text-xs text-slate-500">{formatThaiDateTime(item.createdAt)}</span>
            </div>
            {item.body && <p className="mt-1 whitespace-pre-line text-slate-700">{item.body}</p>}
            {!item.readAt && (
              <button
                type="button"
                className="mt-1 text-xs text-teal-800 hover:underline"
                onClick={() => markRead.mutate({ ids: [item.id] }, { onSuccess: () => router.refresh() })}
              >
                อ่านแล้ว
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
