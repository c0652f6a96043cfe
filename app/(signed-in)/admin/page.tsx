import type { Metadata } from "next";
import Link from "next/link";
import { AdminNav } from "@/components/admin/admin-nav";
import { DistrictStepToggle } from "@/components/admin/district-step-toggle";
import { EmblemPanel } from "@/components/admin/emblem-panel";
import { PageTitle } from "@/components/ui/page-title";
import { callOrRedirect, getServerCaller } from "@/server/api/server-caller";

export const metadata: Metadata = { title: "ผู้ดูแลระบบ" };

export default async function AdminPage() {
  const caller = await getServerCaller();
  const [provinces, me] = await callOrRedirect(() => Promise.all([caller.admin.provinces(), caller.me.get()]));
  const overview = me.administers.framework ? "/areas/national/all/overview" : provinces.length === 1 ? `/areas/province/${provinces[0]!.id}` : null;
  return (
    <>
      <PageTitle title="ผู้ดูแลระบบ" subtitle="จังหวัด อำเภอ องค์กร และบัญชีผู้ใช้" />
      <AdminNav current="home" />
      <p
        className={`mb-4 rounded border px-3 py-2 text-sm ${me.mailOn ? "border-emerald-200 bg-emerald-50 text-emerald-900" : "border-amber-200 bg-amber-50 text-amber-900"}`}
        data-testid="mail-status"
      >
        {me.mailOn
          ? "อีเมลแจ้งเตือนเปิดอยู่: ผู้ใช้ที่มีอีเมลได้รับการแจ้งเตือนทางอีเมลตามที่เลือกไว้"
          : "อีเมลแจ้งเตือนปิดอยู่ (ยังไม่ได้ตั้งค่า SMTP_URL และ MAIL_FROM): การแจ้งเตือนแสดงในระบบเท่านั้น"}
      </p>
      {overview && (
        <Link href={overview} className="mb-6 inline-block rounded-md bg-teal-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-teal-800">
          {me.administers.framework ? "ภาพรวมคะแนนทั้งประเทศ" : `ภาพรวมคะแนนจังหวัด${provinces[0]!.nameTh}`}
        </Link>
      )}
      {me.administers.emblem && <EmblemPanel />}
      <section className="mb-8">
        <h2 className="mb-2 text-lg font-semibold">จังหวัดและอำเภอ</h2>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm" data-testid="admin-provinces">
            <thead className="bg-slate-100 text-left">
              <tr>
                <th className="px-3 py-2">จังหวัด</th>
                <th className="px-3 py-2">อำเภอ (จำนวน อปท.)</th>
                <th className="px-3 py-2">การตรวจรายงาน</th>
              </tr>
            </thead>
            <tbody>
              {provinces.map((province) => (
                <tr key={province.id} className="border-t border-slate-100 align-top">
                  <td className="px-3 py-2">
                    <Link href={`/areas/province/${province.id}`} className="text-teal-800 hover:underline">
                      {province.nameTh}
                    </Link>
                  </td>
                  <td className="px-3 py-2">
                    {province.districts.map((district) => (
                      <Link
                        key={district.id}
                        href={`/areas/district/${district.id}`}
                        className="mr-3 inline-block text-teal-800 hover:underline"
                      >
                        {district.nameTh} ({district._count.organizations})
                      </Link>
                    ))}
                  </td>
                  <td className="px-3 py-2">
                    <DistrictStepToggle province={province} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
