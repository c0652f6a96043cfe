import Link from "next/link";
import { formatScore } from "@/server/domain/thai-format";
import type { MoverRow } from "@/server/services/dashboard/overview";

function signed(change: number): string {
  return `${change > 0 ? "+" : change < 0 ? "−" : ""}${formatScore(Math.abs(change))}`;
}

function MoverTable({ title, rows, previousYearBe, yearBe, testId }: { title: string; rows: MoverRow[]; previousYearBe: number; yearBe: number; testId: string }) {
  return (
    <div className="min-w-0" data-testid={testId}>
      <h3 className="mb-1 font-semibold text-slate-800">{title}</h3>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">ไม่มีข้อมูล</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[28rem] text-sm">
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-2 py-1 text-left">องค์กร</th>
                <th scope="col" className="px-2 py-1 text-right">{previousYearBe}</th>
                <th scope="col" className="px-2 py-1 text-right">{yearBe}</th>
                <th scope="col" className="px-2 py-1 text-right">เปลี่ยนแปลง</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.organizationId} className="border-t border-slate-100">
                  <td className="px-2 py-1 whitespace-nowrap">
                    <Link href={`/organizations/${row.organizationId}`} className="text-teal-800 hover:underline">
                      {row.nameTh}
                    </Link>
                  </td>
                  <td className="px-2 py-1 text-right tabular-nums">{formatScore(row.previous)}</td>
                  <td className="px-2 py-1 text-right tabular-nums">{formatScore(row.current)}</td>
                  <td className={`px-2 py-1 text-right font-semibold tabular-nums ${row.change >= 0 ? "text-emerald-700" : "text-red-700"}`}>
                    {signed(row.change)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** The biggest rises and falls of the total against the year before. */
export function MoversTables({ movers, yearBe, previousYearBe }: { movers: { improvements: MoverRow[]; declines: MoverRow[] }; yearBe: number; previousYearBe: number }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-lg font-semibold text-slate-900">คะแนนที่เปลี่ยนแปลงมากที่สุด</h2>
      <p className="mb-2 text-sm text-slate-600">เทียบปีงบประมาณ {yearBe} กับ {previousYearBe} เฉพาะองค์กรที่มีผลประเมินทั้งสองปี</p>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <MoverTable testId="movers-up" title="เพิ่มขึ้นมากที่สุด" rows={movers.improvements} yearBe={yearBe} previousYearBe={previousYearBe} />
        <MoverTable testId="movers-down" title="ลดลงมากที่สุด" rows={movers.declines} yearBe={yearBe} previousYearBe={previousYearBe} />
      </div>
    </section>
  );
}
