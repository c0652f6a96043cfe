"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc-provider";
import type { NotificationDelivery, NotificationKind } from "@/server/db/generated/enums";

type Choice = { kind: NotificationKind; delivery: NotificationDelivery };

/** Per kind of notification: in the app only, e-mail at once, or the daily e-mail digest. */
export function NotificationPreferences({
  initial,
  kindLabels,
  deliveryLabels,
}: {
  initial: Choice[];
  kindLabels: Record<NotificationKind, string>;
  deliveryLabels: Record<NotificationDelivery, string>;
}) {
  const trpc = useTRPC();
  const [choices, setChoices] = useState(initial);
  const save = useMutation(trpc.notification.savePreferences.mutationOptions({ onSuccess: (saved) => setChoices(saved) }));
  return (
    <form
      className="rounded-lg border border-slate-200 bg-white p-4 text-sm"
      data-testid="notification-preferences"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ choices });
      }}
    >
      <h2 className="mb-2 font-semibold">วิธีรับการแจ้งเตือน</h2>
      <p className="mb-3 text-slate-600">ทุกการแจ้งเตือนแสดงในระบบเสมอ เลือกได้ว่าจะรับทางอีเมลทันที หรือรวมในอีเมลสรุปรายวัน</p>
      <table className="mb-3 w-full">
        <tbody>
          {choices.map((choice) => (
            <tr key={choice.kind} className="border-t border-slate-100">
              <td className="py-1 pr-3">{kindLabels[choice.kind]}</td>
              <td className="py-1">
                <select
                  aria-label={kindLabels[choice.kind]}
                  value={choice.delivery}
                  className="rounded border border-slate-300 bg-white px-2 py-1"
                  onChange={(event) =>
                    setChoices((all) => all.map((one) => (one.kind === choice.kind ? { ...one, delivery: event.target.value as NotificationDelivery } : one)))
                  }
                >
                  {(Object.keys(deliveryLabels) as NotificationDelivery[]).map((delivery) => (
                    <option key={delivery} value={delivery}>
                      {deliveryLabels[delivery]}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="submit" disabled={save.isPending} className="rounded-md bg-teal-700 px-3 py-1 font-semibold text-white hover:bg-teal-800 disabled:opacity-50">
        บันทึก
      </button>
      {save.isSuccess && <span className="ml-2 text-emerald-700">บันทึกแล้ว</span>}
      {save.error && <span className="ml-2 text-red-700">{save.error.message}</span>}
    </form>
  );
}
