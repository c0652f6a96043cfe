import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReportImportFlow } from "@/components/report-import/report-import-flow";
import { PageTitle } from "@/components/ui/page-title";
import { callOrRedirect, getServerCaller } from "@/server/api/server-caller";

export const metadata: Metadata = { title: "นำเข้ารายงานฉบับเดิม" };

type Props = { params: Promise<{ organizationId: string }>; searchParams: Promise<{ year?: string }> };

export default async function ImportReportPage({ params, searchParams }: Props) {
  const { organizationId } = await params;
  const { year } = await searchParams;
  const caller = await getServerCaller();
  const profile = await callOrRedirect(() => caller.organization.profile({ organizationId }));
  // Only the organisation's preparer imports (the procedures refuse everyone else too).
  if (!profile.mayPrepareReport) notFound();
  const initialYearBe = year && /^\d{4}$/.test(year) ? Number(year) : null;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/organizations/${organizationId}`} className="text-teal-800 hover:underline">
          ← {profile.nameTh}
        </Link>
      </p>
      <PageTitle title="นำเข้ารายงานฉบับเดิม" subtitle={`${profile.nameTh}: อ่านรายงานจากไฟล์หรือข้อความ ตรวจ แล้วสร้างเป็นฉบับร่าง`} />
      <ReportImportFlow organizationId={organizationId} organizationName={profile.nameTh} initialYearBe={initialYearBe} />
    </>
  );
}
