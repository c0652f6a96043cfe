import type { Metadata } from "next";
import Link from "next/link";
import { PageTitle } from "@/components/ui/page-title";
import { callOrRedirect, getServerCaller } from "@/server/api/server-caller";
import { formatThaiDate } from "@/server/domain/thai-format";

export const metadata: Metadata = { title: "งานที่รอดำเนินการ" };

const KIND_STYLE = {
  endorse: "bg-sky-100 text-sky-800",
  review: "bg-indigo-100 text-indigo-800",
  returned: "bg-orange-100 text-orange-800",
  sentBack: "bg-orange-100 text-orange-800",
  unsignable: "bg-red-100 text-red-800",
  deadline: "bg-red-100 text-red-800",
} as const;

export default async function InboxPage() {
  const caller = await getServerCaller();
  const items = await callOrRedirect(() => caller.inbox.list());
  return (
    <>
      <PageTitle title="งานที่รอดำเนินการ" subtitle={items.length ? `${items.length} รายการ` : "ไม่มีงานที่รอ"} />
      <ul className="space-y-2" data-testid="inbox">
        {items.map((item, index) => (
          <li key={`${item.kind}-${item.reportId ?? item.organizationId}-${index}`} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
            <span className={`mr-2 rounded px-2 py-0.5 text-xs font-semibold ${KIND_STYLE[item.kind]}`}>{item.message}</span>
            {item.reportId ? (
              <Link href={`/reports/${item.reportId}`} className="font-semibold text-teal-800 hover:underline">
                {item.organizationName} ปีงบประมาณ {item.yearBe}
              </Link>
            ) : (
              <Link href={`/organizations/${item.organizationId}`} className="font-semibold text-teal-800 hover:underline">
                {item.organizationName} ปีงบประมาณ {item.yearBe}
              </Link>
            )}
            <span className="ml-2 text-slate-500">กำหนดส่ง {formatThaiDate(item.deadline)}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
