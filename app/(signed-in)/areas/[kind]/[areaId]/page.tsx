import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OriginBadge, ReportStatusBadge, ResultLevel, UnconfirmedNameMark, UnconfirmedScoreMark } from "@/components/ui/badges";
import { PageTitle } from "@/components/ui/page-title";
import { callOrRedirect, getServerCaller } from "@/server/api/server-caller";
import { ORGANIZATION_TYPE_LABEL } from "@/server/domain/labels";
import { formatScore, formatThaiDate } from "@/server/domain/thai-format";

export const metadata: Metadata = { title: "องค์กรในพื้นที่" };

type Props = { params: Promise<{ kind: string; areaId: string }> };

export default async function AreaPage({ params }: Props) {
  const { kind, areaId } = await params;
  if (kind !== "district" && kind !== "province") notFound();
  const area = { kind, id: areaId } as const;
  const caller = await getServerCaller();
  const [description, { fiscalYear, organizations }] = await callOrRedirect(() =>
    Promise.all([caller.area.describe({ area }), caller.area.organizations({ area })]),
  );
  const reported = organizations.filter((organization) => organization.report).length;
  return (
    <>
      <PageTitle
        title={`องค์กรปกครองส่วนท้องถิ่นใน${description.nameTh}`}
        subtitle={
          fiscalYear
            ? `รายงานปีงบประมาณ ${fiscalYear.yearBe} · กำหนดส่ง ${formatThaiDate(fiscalYear.submissionDeadline)} · มีรายงานแล้ว ${reported} จาก ${organizations.length} แห่ง`
            : undefined
        }
      />
      <Link href={`/areas/${kind}/${areaId}/overview`} className="mb-4 inline-block rounded-md bg-teal-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-teal-800">ภาพรวมคะแนน</Link>
      <Link href={`/areas/${kind}/${areaId}/status`} className="mb-4 ml-2 inline-block rounded-md border border-teal-700 px-3 py-1.5 text-sm font-semibold text-teal-800 hover:bg-teal-50">
        สถานะการส่งรายงาน
      </Link>
      <Link href={`/areas/${kind}/${areaId}/insight`} className="mb-4 ml-2 inline-block rounded-md border border-teal-700 px-3 py-1.5 text-sm font-semibold text-teal-800 hover:bg-teal-50">
        ประเด็นกับคะแนนที่เปลี่ยนไป
      </Link>
      {kind === "province" && (
        <Link href="/scores/import" className="mb-4 ml-2 inline-block rounded-md border border-teal-700 px-3 py-1.5 text-sm font-semibold text-teal-800 hover:bg-teal-50">
          นำเข้าคะแนน ITA
        </Link>
      )}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full min-w-[36rem] text-sm" data-testid="area-organizations">
          <thead className="bg-slate-100 text-left">
            <tr>
              <th className="px-3 py-2">องค์กร</th>
              <th className="px-3 py-2">อำเภอ</th>
              <th className="px-3 py-2 text-right">คะแนน ITA ล่าสุด</th>
              <th className="px-3 py-2">ระดับ</th>
              <th className="px-3 py-2">รายงานปี {fiscalYear?.yearBe}</th>
            </tr>
          </thead>
          <tbody>
            {organizations.map((organization) => (
              <tr key={organization.id} className="border-t border-slate-100">
                <td className="px-3 py-2 whitespace-nowrap">
                  <Link href={`/organizations/${organization.id}`} className="text-teal-800 hover:underline">
                    {organization.nameTh}
                  </Link>
                  <span className="ml-1 text-xs text-slate-500">{ORGANIZATION_TYPE_LABEL[organization.type].short}</span>
                  <UnconfirmedNameMark confirmed={organization.nameConfirmed} />
                </td>
                <td className="px-3 py-2">{organization.district.nameTh}</td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {organization.latestResult ? (
                    <>
                      {formatScore(organization.latestResult.total)}
                      <span className="ml-1 text-xs text-slate-500">({organization.latestResult.yearBe})</span>
                      <OriginBadge origin={organization.latestResult.origin} />
                      <UnconfirmedScoreMark unconfirmed={organization.latestResult.unconfirmed} />
                    </>
                  ) : (
                    "—"
                  )}
                </td>
                <td className="px-3 py-2">
                  {organization.latestResult ? (
                    <ResultLevel
                      level={organization.latestResult.level}
                      basis={organization.latestResult.levelBasis}
                      derived={organization.latestResult.derivedLevel}
                      mismatch={organization.latestResult.levelMismatch}
                    />
                  ) : (
                    "—"
                  )}
                </td>
                <td className="px-3 py-2">
                  {organization.report ? (
                    <Link href={`/reports/${organization.report.id}`} className="hover:underline">
                      <ReportStatusBadge status={organization.report.status} />
                      <OriginBadge origin={organization.report.origin} />
                    </Link>
                  ) : (
                    <ReportStatusBadge status={null} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
