import type { Metadata } from "next";
import Link from "next/link";
import { callOrRedirect, getPublicCaller } from "@/server/api/server-caller";
import { ORGANIZATION_TYPE_LABEL } from "@/server/domain/labels";
import { formatScore } from "@/server/domain/thai-format";

type Props = { params: Promise<{ code: string }> };

export const metadata: Metadata = { title: "ข้อมูลเผยแพร่รายจังหวัด" };

export default async function PublishedProvincePage({ params }: Props) {
  const { code } = await params;
  const caller = await getPublicCaller();
  const province = await callOrRedirect(() => caller.published.province({ code }));
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">องค์กรปกครองส่วนท้องถิ่น จังหวัด{province.nameTh}</h1>
      <p className="mb-4 text-sm text-slate-600">
        รายงานมาตรการที่จังหวัดรับรองแล้ว และผลการประเมิน ITA ที่ประกาศ ·{" "}
        <a href={`/api/public/open-data/measures.csv?province=${province.code}`} className="text-teal-800 underline">
          ข้อมูลเปิด (CSV)
        </a>{" "}
        <a href={`/api/public/open-data/measures.json?province=${province.code}`} className="text-teal-800 underline">
          (JSON)
        </a>
      </p>
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="public-province-organizations">
        {province.organizations.map((organization) => (
          <li key={organization.dlaCode} className="flex flex-wrap items-baseline justify-between gap-2 px-3 py-2">
            <Link href={`/public/${organization.dlaCode}`} className="font-medium text-teal-800 hover:underline">
              {organization.nameTh}
            </Link>
            <span className="text-sm text-slate-600">
              {ORGANIZATION_TYPE_LABEL[organization.type].short} อ.{organization.districtNameTh}
              {organization.latestScore?.total != null && ` · ITA ${organization.latestScore.yearBe}: ${formatScore(organization.latestScore.total)}`}
              {organization.latestScore?.level && ` ${organization.latestScore.level}`}
              {` · รายงาน ${organization.acceptedReports} ปี`}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
