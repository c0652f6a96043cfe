import type { Metadata } from "next";
import Link from "next/link";
import { PublishedMeasures, PublishedScores, WebsiteSnippet } from "@/components/public/published-organization";
import { OriginBadge } from "@/components/ui/badges";
import { callOrRedirect, getPublicCaller } from "@/server/api/server-caller";
import { ORGANIZATION_TYPE_LABEL } from "@/server/domain/labels";
import { appUrl } from "@/server/env";
import { formatThaiDate } from "@/server/domain/thai-format";

type Props = { params: Promise<{ dlaCode: string }>; searchParams: Promise<{ year?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { dlaCode } = await params;
  return { title: `ข้อมูลเผยแพร่ ${dlaCode}` };
}

export default async function PublishedOrganizationPage({ params, searchParams }: Props) {
  const { dlaCode } = await params;
  const year = Number((await searchParams).year);
  const caller = await getPublicCaller();
  const organization = await callOrRedirect(() => caller.published.organization({ dlaCode, ...(Number.isInteger(year) && year > 0 ? { yearBe: year } : {}) }));
  const report = organization.report;
  return (
    <>
      <nav className="mb-2 text-sm">
        <Link href={`/public/province/${organization.province.code}`} className="text-teal-800 hover:underline">
          ← อปท. ในจังหวัด{organization.province.nameTh}
        </Link>
      </nav>
      <h1 className="text-2xl font-bold" data-testid="public-organization-name">
        {organization.nameTh}
      </h1>
      <p className="mb-6 text-sm text-slate-600">
        {ORGANIZATION_TYPE_LABEL[organization.type].full} · อำเภอ{organization.districtNameTh} จังหวัด{organization.province.nameTh} · รหัส อปท. {organization.dlaCode}
        {!organization.active && " · เลิกใช้งานแล้ว"}
      </p>

      <section className="mb-8">
        <h2 className="mb-2 text-lg font-semibold">ผลการประเมิน ITA ที่ประกาศ</h2>
        <PublishedScores scores={organization.scores} />
      </section>

      <section className="mb-8" data-testid="public-report">
        <h2 className="mb-2 text-lg font-semibold">รายงานมาตรการส่งเสริมคุณธรรมและความโปร่งใส</h2>
        {organization.reportYears.length > 0 && (
          <div className="mb-3 flex flex-wrap gap-2 text-sm">
            {organization.reportYears.map((yearBe) => (
              <Link
                key={yearBe}
                href={`/public/${organization.dlaCode}?year=${yearBe}`}
                aria-current={yearBe === report?.yearBe ? "page" : undefined}
                className={`rounded-md px-3 py-1 ${yearBe === report?.yearBe ? "bg-teal-700 font-semibold text-white" : "border border-slate-300 hover:bg-slate-100"}`}
              >
                ปีงบประมาณ {yearBe}
              </Link>
            ))}
          </div>
        )}
        {report ? (
          <>
            <p className="mb-1 font-medium">
              {report.subject} <OriginBadge origin={report.origin} />
            </p>
            <p className="mb-3 text-sm text-slate-600">
              {report.acceptedAt && `จังหวัดรับรองเมื่อ ${formatThaiDate(report.acceptedAt)} · `}
              <a href={`/api/public/${organization.dlaCode}/${report.yearBe}/pdf`} className="font-semibold text-teal-800 underline" data-testid="public-report-pdf">
                ดาวน์โหลดบันทึกข้อความ (PDF)
              </a>
            </p>
            {report.signatories.length > 0 && (
              <ul className="mb-4 text-sm text-slate-700" data-testid="public-signatories">
                {report.signatories.map((signatory) => (
                  <li key={signatory.step}>
                    {signatory.signerName} · {signatory.actingPosition ?? signatory.signerPosition}
                  </li>
                ))}
              </ul>
            )}
            <PublishedMeasures issues={report.issues} />
          </>
        ) : (
          <p className="text-sm text-slate-600">ยังไม่มีรายงานที่จังหวัดรับรองแล้ว</p>
        )}
      </section>

      <WebsiteSnippet origin={appUrl()} dlaCode={organization.dlaCode} nameTh={organization.nameTh} />
    </>
  );
}
