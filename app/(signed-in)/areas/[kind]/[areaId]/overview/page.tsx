import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FigureCards } from "@/components/dashboard/figure-cards";
import { FilterBar, type OverviewFilters } from "@/components/dashboard/filter-bar";
import { MoversTables } from "@/components/dashboard/movers-tables";
import { HistogramSection, LevelSection, TrendSection } from "@/components/dashboard/overview-sections";
import { RankingTable } from "@/components/dashboard/ranking-table";
import { PageTitle } from "@/components/ui/page-title";
import { callOrRedirect, getServerCaller } from "@/server/api/server-caller";
import { OrganizationType } from "@/server/db/generated/enums";

export const metadata: Metadata = { title: "ภาพรวมคะแนน" };

type Props = {
  params: Promise<{ kind: string; areaId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function isOrganizationType(value: string | undefined): value is OrganizationType {
  return value !== undefined && (Object.values(OrganizationType) as string[]).includes(value);
}

/** The area overview: filters live in the URL (year, district, type, unaccepted=0) so a view can be shared. */
export default async function AreaOverviewPage({ params, searchParams }: Props) {
  const { kind, areaId } = await params;
  if (kind !== "district" && kind !== "province") notFound();
  const area = { kind, id: areaId } as const;
  const query = await searchParams;
  const caller = await getServerCaller();
  const [description, { fiscalYear, organizations }] = await callOrRedirect(() =>
    Promise.all([caller.area.describe({ area }), caller.area.organizations({ area })]),
  );
  if (!fiscalYear) notFound();

  const requestedYear = Number(single(query.year));
  const requestedType = single(query.type);
  const filters: OverviewFilters = {
    yearBe: Number.isInteger(requestedYear) && requestedYear > 0 ? requestedYear : fiscalYear.yearBe,
    districtId: single(query.district) || null,
    organizationType: isOrganizationType(requestedType) ? requestedType : null,
    includeUnaccepted: single(query.unaccepted) !== "0",
  };
  // A hand-edited district of another area, or a year the service would refuse, is a missing page.
  const districts = [...new Map(organizations.map((organization) => [organization.district.id, organization.district])).values()];
  if (filters.districtId && !districts.some((district) => district.id === filters.districtId)) notFound();
  if (filters.yearBe < 2500 || filters.yearBe > 2700) notFound();
  const overview = await callOrRedirect(() =>
    caller.dashboard.overview({
      area,
      yearBe: filters.yearBe,
      districtId: filters.districtId,
      organizationType: filters.organizationType,
      includeUnaccepted: filters.includeUnaccepted,
    }),
  );

  const years = [...new Set([fiscalYear.yearBe, filters.yearBe, ...overview.trend.overall.map((year) => year.yearBe)])].sort((a, b) => b - a);

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/areas/${kind}/${areaId}`} className="text-teal-800 hover:underline">
          ← รายชื่อองค์กรใน{description.nameTh}
        </Link>
      </p>
      <PageTitle title={`ภาพรวมคะแนน ITA ${description.nameTh}`} subtitle={`ปีงบประมาณ ${overview.yearBe}`} />
      <Link href={`/areas/${kind}/${areaId}/compare`} className="mb-4 inline-block rounded-md bg-teal-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-teal-800">เปรียบเทียบ</Link>
      <FilterBar filters={filters} years={years} districts={districts} />
      {overview.containsInventedData && (
        <p className="mb-4 rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="invented-data-note">
          ภาพรวมนี้มีข้อมูลสาธิตหรือข้อมูลสังเคราะห์ปนอยู่ ไม่ใช่ข้อมูลจริงทั้งหมด
        </p>
      )}
      <div className="grid grid-cols-1 gap-6">
        <FigureCards overview={overview} />
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <LevelSection overview={overview} />
          <HistogramSection overview={overview} />
        </div>
        <TrendSection overview={overview} />
        <MoversTables movers={overview.movers} yearBe={overview.yearBe} previousYearBe={overview.previousYearBe} />
        <RankingTable rows={overview.ranking} yearBe={overview.yearBe} />
      </div>
    </>
  );
}
