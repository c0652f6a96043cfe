import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FigureCards } from "@/components/dashboard/figure-cards";
import { FilterBar } from "@/components/dashboard/filter-bar";
import { filtersToParams, type OverviewFilters } from "@/components/dashboard/overview-params";
import { MoversTables } from "@/components/dashboard/movers-tables";
import { HistogramSection, LevelSection, TrendSection, UnitTrendSection } from "@/components/dashboard/overview-sections";
import { RankingTable, type RankingView } from "@/components/dashboard/ranking-table";
import { SummaryExport } from "@/components/dashboard/summary-export";
import { PageTitle } from "@/components/ui/page-title";
import { callOrRedirect, getServerCaller } from "@/server/api/server-caller";
import { OrganizationType } from "@/server/db/generated/enums";
import { RANKING_SORTS, type RankingSort } from "@/server/services/dashboard/ranking";

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

function isRankingSort(value: string | undefined): value is RankingSort {
  return value !== undefined && (RANKING_SORTS as readonly string[]).includes(value);
}

/**
 * The area overview of a district, a province or the country (/areas/national/all/overview):
 * filters and the ranking's sort, search and page live in the URL, so a view can be shared.
 */
export default async function AreaOverviewPage({ params, searchParams }: Props) {
  const { kind, areaId } = await params;
  if (kind !== "district" && kind !== "province" && kind !== "national") notFound();
  const area = kind === "national" ? ({ kind } as const) : ({ kind, id: areaId } as const);
  const query = await searchParams;
  const caller = await getServerCaller();
  const [description, options] = await callOrRedirect(() => Promise.all([caller.area.describe({ area }), caller.dashboard.options({ area })]));
  const newestYear = options.years[0];
  if (newestYear === undefined) notFound();

  const requestedYear = Number(single(query.year));
  const requestedType = single(query.type);
  const filters: OverviewFilters = {
    yearBe: options.years.includes(requestedYear) ? requestedYear : newestYear,
    districtId: single(query.district) || null,
    organizationType: isOrganizationType(requestedType) ? requestedType : null,
    includeUnaccepted: single(query.unaccepted) !== "0",
  };
  // A hand-edited district of another area is a missing page.
  if (filters.districtId && !options.districts.some((district) => district.id === filters.districtId)) notFound();
  const requestedSort = single(query.sort);
  const sort = isRankingSort(requestedSort) ? requestedSort : "score";
  const requestedPage = Number(single(query.page));
  const view: RankingView = {
    sort,
    descending: single(query.dir) === undefined ? sort === "score" : single(query.dir) === "desc",
    search: (single(query.q) ?? "").trim().slice(0, 100),
    page: Number.isInteger(requestedPage) && requestedPage >= 1 && requestedPage <= 10_000 ? requestedPage : 1,
  };

  const input = { area, ...filters };
  const [overview, trend, ranking] = await callOrRedirect(() =>
    Promise.all([
      caller.dashboard.overview(input),
      caller.dashboard.trend(input),
      caller.dashboard.ranking({ ...input, sort: view.sort, descending: view.descending, search: view.search || undefined, page: view.page }),
    ]),
  );
  const basePath = kind === "national" ? "/areas/national/all" : `/areas/${kind}/${areaId}`;

  return (
    <>
      {kind !== "national" && (
        <p className="mb-2 text-sm">
          <Link href={basePath} className="text-teal-800 hover:underline">
            ← รายชื่อองค์กรใน{description.nameTh}
          </Link>
        </p>
      )}
      <PageTitle title={`ภาพรวมคะแนน ITA ${description.nameTh}`} subtitle={`ปีงบประมาณ ${overview.yearBe}`} />
      <FilterBar filters={filters} years={options.years} districts={options.districts} />
      {overview.containsInventedData && (
        <p className="mb-4 rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="invented-data-note">
          ภาพรวมนี้มีข้อมูลสาธิตหรือข้อมูลสังเคราะห์ปนอยู่ ไม่ใช่ข้อมูลจริงทั้งหมด
        </p>
      )}
      <div className="grid grid-cols-1 gap-6">
        <FigureCards overview={overview} />
        <SummaryExport area={area} filters={filters} />
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <LevelSection overview={overview} />
          <HistogramSection overview={overview} />
        </div>
        <TrendSection trend={trend} />
        <UnitTrendSection trend={trend} />
        <MoversTables movers={overview.movers} yearBe={overview.yearBe} previousYearBe={overview.previousYearBe} />
        <RankingTable ranking={ranking} view={view} pathname={`${basePath}/overview`} filterParams={filtersToParams(filters)} />
      </div>
    </>
  );
}
