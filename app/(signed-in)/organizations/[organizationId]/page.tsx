import type { Metadata } from "next";
import Link from "next/link";
import { ScoreHistorySection } from "@/components/dashboard/score-history-section";
import { CreateReportButtons } from "@/components/report/create-report-buttons";
import { OriginBadge, ReportStatusBadge, ResultLevel, UnconfirmedScoreMark } from "@/components/ui/badges";
import { ScoreProvenance } from "@/components/organization/score-provenance";
import { PeerInsightSection } from "@/components/insight/peer-insight-section";
import type { PeerGroup } from "@/server/services/dashboard/insight";
import { PageTitle } from "@/components/ui/page-title";
import { callOrRedirect, getServerCaller } from "@/server/api/server-caller";
import { formatScore, formatThaiDate } from "@/server/domain/thai-format";
import { ORGANIZATION_TYPE_LABEL } from "@/server/domain/labels";

export const metadata: Metadata = { title: "รายงานขององค์กร" };

type Props = { params: Promise<{ organizationId: string }>; searchParams: Promise<{ insightYear?: string; peers?: string }> };

export default async function OrganizationPage({ params, searchParams }: Props) {
  const { organizationId } = await params;
  const query = await searchParams;
  const caller = await getServerCaller();
  const profile = await callOrRedirect(() => caller.organization.profile({ organizationId }));
  const { years } = profile;
  // Peer insight: the asked year, else the newest year with the organisation's score whose next year exists (scores can move).
  const yearList = years.map((year) => year.yearBe);
  const insightYear =
    yearList.find((yearBe) => String(yearBe) === query.insightYear) ??
    years.find((year) => year.itaResult && yearList.includes(year.yearBe + 1))?.yearBe ??
    yearList[0];
  const peers: PeerGroup = query.peers === "national" ? "national" : "province";
  const insight = insightYear === undefined ? null : await caller.insight.organization({ organizationId, yearBe: insightYear, peers });
  const history = years
    .flatMap((year) => (year.itaResult ? [{ yearBe: year.yearBe, ...year.itaResult }] : []))
    .sort((a, b) => a.yearBe - b.yearBe);
  return (
    <>
      {!profile.nameConfirmed && (
        <p className="mb-2 text-sm text-amber-700">ชื่อองค์กรนี้ยังไม่ได้ยืนยันจากแหล่งข้อมูลทางราชการ</p>
      )}
      <PageTitle
        title={profile.nameTh}
        subtitle={`${ORGANIZATION_TYPE_LABEL[profile.type].full} · อำเภอ${profile.district.nameTh} จังหวัด${profile.district.province.nameTh} · รหัส อปท. ${profile.dlaCode}`}
      />
      {profile.typeHistory.length > 1 && (
        <p className="mb-4 text-sm text-slate-600">
          ประวัติรูปแบบ:{" "}
          {profile.typeHistory
            .map((period) => `${period.nameTh} (ตั้งแต่ ${formatThaiDate(period.validFrom)})`)
            .join(" → ")}
        </p>
      )}
      {profile.containsInventedData && (
        <p className="mb-4 rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="invented-data-note">
          ข้อมูลขององค์กรนี้บางส่วนเป็นข้อมูลสาธิตหรือข้อมูลสังเคราะห์ (มีป้ายกำกับ) ไม่ใช่ข้อมูลจริง
        </p>
      )}
      <p className="mb-4 text-sm">
        <Link href={`/organizations/${organizationId}/people`} className="text-teal-800 underline" data-testid="people-link">
          บุคลากรและการปฏิบัติหน้าที่แทน
        </Link>
      </p>
      <div className="mb-6">
        <ScoreHistorySection years={history} />
      </div>
      <ScoreProvenance
        organizationId={organizationId}
        years={years.map((year) => ({ yearBe: year.yearBe, isOpen: year.isOpen, result: year.itaResult, actions: year.scoreActions }))}
      />
      {insight && (
        <PeerInsightSection
          insight={insight}
          years={yearList}
          href={(yearBe, group) => `/organizations/${organizationId}?insightYear=${yearBe}&peers=${group}#peer-insight`}
        />
      )}
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold">รายงานผลการดำเนินการตามมาตรการ รายปีงบประมาณ</h2>
        {profile.mayPrepareReport && (
          <Link
            href={`/organizations/${organizationId}/import`}
            className="rounded-md border border-teal-700 px-3 py-1 text-sm font-semibold text-teal-800 hover:bg-teal-50"
            data-testid="import-report-link"
          >
            นำเข้ารายงานฉบับเดิม (Word, PDF, ข้อความ)
          </Link>
        )}
      </div>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full min-w-[36rem] text-sm" data-testid="organization-years">
          <thead className="bg-slate-100 text-left">
            <tr>
              <th className="px-3 py-2">ปีงบประมาณ</th>
              <th className="px-3 py-2">สถานะรายงาน</th>
              <th className="px-3 py-2">กำหนดส่ง</th>
              <th className="px-3 py-2 text-right">คะแนน ITA</th>
              <th className="px-3 py-2">ระดับ</th>
            </tr>
          </thead>
          <tbody>
            {years.map((year) => (
              <tr key={year.fiscalYearId} data-testid={`year-${year.yearBe}`} className="border-t border-slate-100">
                <td className="px-3 py-2 font-semibold">{year.yearBe}</td>
                <td className="px-3 py-2">
                  {year.report ? (
                    <Link href={`/reports/${year.report.id}`} className="hover:underline">
                      <ReportStatusBadge status={year.report.status} />
                      <OriginBadge origin={year.report.origin} />
                      <span className="ml-1 text-xs text-teal-800">เปิดรายงาน</span>
                    </Link>
                  ) : (
                    <>
                      <ReportStatusBadge status={null} />
                      {year.mayCreateReport && (
                        <div className="mt-1">
                          <CreateReportButtons
                            organizationId={organizationId}
                            yearBe={year.yearBe}
                            hasPreviousReport={year.previousYearHasReport}
                          />
                        </div>
                      )}
                    </>
                  )}
                </td>
                <td className="px-3 py-2">{formatThaiDate(year.submissionDeadline)}</td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {year.itaResult ? formatScore(year.itaResult.total) : "—"}
                  {year.itaResult && <OriginBadge origin={year.itaResult.origin} />}
                  {year.itaResult && <UnconfirmedScoreMark unconfirmed={year.itaResult.unconfirmed} />}
                </td>
                <td className="px-3 py-2">
                  {year.itaResult ? (
                    <ResultLevel
                      level={year.itaResult.level}
                      basis={year.itaResult.levelBasis}
                      derived={year.itaResult.derivedLevel}
                      mismatch={year.itaResult.levelMismatch}
                    />
                  ) : (
                    "—"
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
