import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { loadDashboardContext, single, type PageParams, type PageSearchParams } from "@/components/dashboard/dashboard-context";
import { FigureCards } from "@/components/dashboard/figure-cards";
import { FilterBar } from "@/components/dashboard/filter-bar";
import { MoversTables } from "@/components/dashboard/movers-tables";
import { filtersToParams } from "@/components/dashboard/overview-filters";
import { HistogramSection, LevelSection, TrendSection, UnitTrendSection } from "@/components/dashboard/overview-sections";
import { RankingTable, type RankingView } from "@/components/dashboard/ranking-table";
import { SummaryExport } from "@/components/dashboard/summary-export";
import { PageTitle } from "@/components/ui/page-title";
import { SectionLoading } from "@/components/ui/section-loading";
import { callOrRedirect, getServerCaller } from "@/server/api/server-caller";
import { RANKING_SORTS, type RankingSort } from "@/server/services/dashboard/ranking";

export const metadata: Metadata = { title: "ภาพรวมคะแนน" };

function isRankingSort(value: string | undefined): value is RankingSort {
  return value !== undefined && (RANKING_SORTS as readonly string[]).includes(value);
}

/**
 * The area overview of a district, a province or the country (/areas/national/all/overview):
 * filters and the ranking's sort, search and page live in the URL, so a view can be shared.
 */
export default async function AreaOverviewPage({ params, searchParams }: { params: PageParams; searchParams: PageSearchParams }) {
  const context = await loadDashboardContext(params, searchParams);
  const { caller, query, filters, input } = context;
  const requestedSort = single(query.sort);
  const sort = isRankingSort(requestedSort) ? requestedSort : "score";
  const requestedPage = Number(single(query.page));
  const view: RankingView = {
    sort,
    descending: single(query.dir) === undefined ? sort === "score" : single(query.dir) === "desc",
    search: (single(query.q) ?? "").trim().slice(0, 100),
    page: Number.isInteger(requestedPage) && requestedPage >= 1 && requestedPage <= 10_000 ? requestedPage : 1,
  };

  // The figures come first; the trend (every year) and the ranking stream in as they are ready.
  const overview = await callOrRedirect(() => caller.dashboard.overview(input));

  return (
    <>
      {context.kind !== "national" && (
        <p className="mb-2 text-sm">
          <Link href={context.areaPath} className="text-teal-800 hover:underline">
            ← รายชื่อองค์กรใน{context.description.nameTh}
          </Link>
        </p>
      )}
      <PageTitle title={`ภาพรวมคะแนน ITA ${context.description.nameTh}`} subtitle={`ปีงบประมาณ ${overview.yearBe}`} />
      <FilterBar filters={filters} years={context.years} districts={context.districts} />
      <p className="-mt-3 mb-6 flex flex-wrap gap-x-6 gap-y-1 text-sm">
        <Link href={context.links.issues} className="text-teal-800 hover:underline" data-testid="drilldown-link">
          เจาะลึกรายประเด็น →
        </Link>
        <Link href={`${context.areaPath}/compare${context.filters.includeUnconfirmed ? "" : "?unconfirmed=0"}`} className="text-teal-800 hover:underline">
          เปรียบเทียบ →
        </Link>
        <Link href={`${context.areaPath}/status${context.search}`} className="text-teal-800 hover:underline">
          สถานะการส่งรายงาน →
        </Link>
      </p>
      {overview.containsInventedData && (
        <p className="mb-4 rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="invented-data-note">
          ภาพรวมนี้มีข้อมูลสาธิตหรือข้อมูลสังเคราะห์ปนอยู่ ไม่ใช่ข้อมูลจริงทั้งหมด
        </p>
      )}
      <div className="grid grid-cols-1 gap-6">
        <FigureCards overview={overview} statusHref={`${context.areaPath}/status${context.search}`} />
        <SummaryExport area={context.area} filters={filters} />
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <LevelSection overview={overview} />
          <HistogramSection overview={overview} />
        </div>
        <Suspense fallback={<SectionLoading title="แนวโน้มคะแนนรายปี" />}>
          <TrendSections input={input} />
        </Suspense>
        <MoversTables movers={overview.movers} yearBe={overview.yearBe} previousYearBe={overview.previousYearBe} />
        <Suspense fallback={<SectionLoading title="อันดับคะแนน" />}>
          <RankingSection
            input={{ ...input, sort: view.sort, descending: view.descending, search: view.search || undefined, page: view.page }}
            view={view}
            pathname={`${context.areaPath}/overview`}
            filterParams={filtersToParams(filters)}
          />
        </Suspense>
      </div>
    </>
  );
}

type OverviewInput = Awaited<ReturnType<typeof loadDashboardContext>>["input"];

async function TrendSections({ input }: { input: OverviewInput }) {
  const caller = await getServerCaller();
  const trend = await callOrRedirect(() => caller.dashboard.trend(input));
  return (
    <>
      <TrendSection trend={trend} />
      <UnitTrendSection trend={trend} />
    </>
  );
}

async function RankingSection({
  input,
  view,
  pathname,
  filterParams,
}: {
  input: OverviewInput & { sort: RankingSort; descending: boolean; search?: string; page: number };
  view: RankingView;
  pathname: string;
  filterParams: Record<string, string>;
}) {
  const caller = await getServerCaller();
  const ranking = await callOrRedirect(() => caller.dashboard.ranking(input));
  return <RankingTable ranking={ranking} view={view} pathname={pathname} filterParams={filterParams} />;
}
