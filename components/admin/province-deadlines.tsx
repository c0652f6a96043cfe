"use client";

// The provinces the caller administers, each with the deadline in force for the year and a form
// to set a later one (or go back to the year's).
import type { inferRouterOutputs } from "@trpc/server";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/trpc-provider";
import { DateField, errorMessage, FieldError, primaryButton, secondaryButton, serverFieldErrors, TextField } from "@/components/report-editor/fields";
import type { AppRouter } from "@/server/api/root";
import { isoDay } from "@/server/domain/fiscal-year";
import { formatThaiDate } from "@/server/domain/thai-format";

type Deadlines = inferRouterOutputs<AppRouter>["framework"]["deadlines"];

export function ProvinceDeadlines({ deadlines }: { deadlines: Deadlines }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm" data-testid="province-deadlines">
        <thead className="bg-slate-100 text-left">
          <tr>
            <th className="px-3 py-2">จังหวัด</th>
            <th className="px-3 py-2">กำหนดส่งที่ใช้</th>
            <th className="px-3 py-2">ขยายกำหนดส่งของจังหวัด</th>
          </tr>
        </thead>
        <tbody>
          {deadlines.provinces.map((province) => (
            <ProvinceRow key={`${province.id}-${province.deadline.getTime()}`} yearBe={deadlines.yearBe} yearDeadline={deadlines.yearDeadline} province={province} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ProvinceRow({ yearBe, yearDeadline, province }: { yearBe: number; yearDeadline: Date; province: Deadlines["provinces"][number] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [deadline, setDeadline] = useState(isoDay(province.extension?.deadline ?? yearDeadline));
  const [reason, setReason] = useState(province.extension?.reason ?? "");
  const extend = useMutation(trpc.framework.extendDeadline.mutationOptions({ onSuccess: () => router.refresh() }));
  const remove = useMutation(trpc.framework.removeDeadlineExtension.mutationOptions({ onSuccess: () => router.refresh() }));
  const fields = serverFieldErrors(extend.error);
  return (
    <tr className="border-t border-slate-100 align-top" data-testid={`province-deadline-${province.nameTh}`}>
      <td className="px-3 py-2 font-medium">จังหวัด{province.nameTh}</td>
      <td className="px-3 py-2" data-testid="deadline-in-force">
        {formatThaiDate(province.deadline)}
        <div className="text-xs text-slate-500">{province.extension ? `ขยายจากกำหนดของปี (${formatThaiDate(yearDeadline)})` : "ตามกำหนดของปี"}</div>
      </td>
      <td className="px-3 py-2">
        <form
          className="grid gap-2 sm:grid-cols-[12rem_1fr]"
          onSubmit={(event) => {
            event.preventDefault();
            extend.mutate({ yearBe, provinceId: province.id, deadline, reason });
          }}
        >
          <div>
            <DateField label={`กำหนดส่งใหม่ของจังหวัด${province.nameTh}`} value={deadline} onChange={setDeadline} />
            <FieldError message={fields.deadline?.[0]} />
          </div>
          <TextField label="เหตุผล (ถ้ามี)" value={reason} onChange={setReason} error={fields.reason?.[0]} />
          <div className="flex flex-wrap items-center gap-2 sm:col-span-2">
            <button type="submit" className={primaryButton} disabled={extend.isPending}>
              ขยายกำหนดส่ง
            </button>
            {province.extension && (
              <button type="button" className={secondaryButton} disabled={remove.isPending} onClick={() => remove.mutate({ yearBe, provinceId: province.id })}>
                ใช้กำหนดของปี
              </button>
            )}
            {extend.error && !Object.keys(fields).length && <span className="text-sm text-red-700">{errorMessage(extend.error)}</span>}
            {remove.error && <span className="text-sm text-red-700">{errorMessage(remove.error)}</span>}
          </div>
        </form>
      </td>
    </tr>
  );
}
