import type { Metadata } from "next";
import Link from "next/link";
import { CopyYearButton } from "@/components/admin/copy-year-button";
import { AdminNav } from "@/components/admin/admin-nav";
import { PageTitle } from "@/components/ui/page-title";
import { callOrRedirect, getServerCaller } from "@/server/api/server-caller";
import { formatThaiDate } from "@/server/domain/thai-format";

export const metadata: Metadata = { title: "กรอบการประเมินรายปี" };

export default async function FrameworksPage() {
  const caller = await getServerCaller();
  const [years, me] = await callOrRedirect(() => Promise.all([caller.framework.years(), caller.me.get()]));
  const newest = years[0];
  return (
    <>
      <PageTitle title="กรอบการประเมินรายปี" subtitle="เกณฑ์ระดับ ตัวชี้วัด ประเด็นแนะนำ ผลการดำเนินการมาตรฐาน และกำหนดส่งของแต่ละปีงบประมาณ" />
      <AdminNav current="frameworks" />
      {newest && me.administers.framework && <CopyYearButton fromYearBe={newest.yearBe} />}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm" data-testid="fiscal-years">
          <thead className="bg-slate-100 text-left">
            <tr>
              <th className="px-3 py-2">ปีงบประมาณ</th>
              <th className="px-3 py-2">สถานะ</th>
              <th className="px-3 py-2">กำหนดส่ง</th>
              <th className="px-3 py-2 text-right">ระดับ</th>
              <th className="px-3 py-2 text-right">ตัวชี้วัด</th>
              <th className="px-3 py-2 text-right">ประเด็นแนะนำ</th>
              <th className="px-3 py-2 text-right">รายงาน</th>
              <th className="px-3 py-2 text-right">จังหวัดที่ขยายกำหนด</th>
            </tr>
          </thead>
          <tbody>
            {years.map((year) => (
              <tr key={year.id} className="border-t border-slate-100" data-testid={`fiscal-year-${year.yearBe}`}>
                <td className="px-3 py-2">
                  <Link href={`/admin/frameworks/${year.yearBe}`} className="font-medium text-teal-800 hover:underline">
                    ปีงบประมาณ {year.yearBe}
                  </Link>
                </td>
                <td className="px-3 py-2">{year.isOpen ? "เปิดรับรายงาน" : "ปิด"}</td>
                <td className="px-3 py-2">{formatThaiDate(year.submissionDeadline)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{year.counts.levelRules}</td>
                <td className="px-3 py-2 text-right tabular-nums">{year.counts.indicators}</td>
                <td className="px-3 py-2 text-right tabular-nums">{year.counts.suggestedIssues}</td>
                <td className="px-3 py-2 text-right tabular-nums">{year.counts.reports}</td>
                <td className="px-3 py-2 text-right tabular-nums">{year.counts.deadlineExtensions}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
