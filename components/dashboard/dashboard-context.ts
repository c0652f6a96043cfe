// What every area dashboard page (overview, issue drill-down) reads first: the area (its name,
// the years and districts its filters offer) and the filters from the URL. A hand-edited
// district of another area is a missing page; an unknown year falls back to the newest in use.
import "server-only";
import { notFound } from "next/navigation";
import { callOrRedirect, getServerCaller } from "@/server/api/server-caller";
import { OrganizationType } from "@/server/db/generated/enums";
import { filtersQuery, type OverviewFilters } from "./overview-filters";

export type PageParams = Promise<{ kind: string; areaId: string }>;
export type PageSearchParams = Promise<Record<string, string | string[] | undefined>>;

export function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function isOrganizationType(value: string | undefined): value is OrganizationType {
  return value !== undefined && (Object.values(OrganizationType) as string[]).includes(value);
}

/** The country's pages live under /areas/national/all/…: the id part means nothing there. */
export async function loadDashboardContext(params: PageParams, searchParams: PageSearchParams) {
  const { kind, areaId } = await params;
  if (kind !== "district" && kind !== "province" && kind !== "national") notFound();
  const area = kind === "national" ? ({ kind } as const) : ({ kind, id: areaId } as const);
  const query = await searchParams;
  const caller = await getServerCaller();
  const [description, options] = await callOrRedirect(() => Promise.all([caller.area.describe({ area }), caller.dashboard.options({ area })]));
  const defaultYear = options.defaultYearBe;
  if (defaultYear === null) notFound();
  const requestedYear = Number(single(query.year));
  const requestedType = single(query.type);
  const filters: OverviewFilters = {
    yearBe: options.years.includes(requestedYear) ? requestedYear : defaultYear,
    districtId: single(query.district) || null,
    organizationType: isOrganizationType(requestedType) ? requestedType : null,
    includeUnaccepted: single(query.unaccepted) !== "0",
    includeUnconfirmed: single(query.unconfirmed) !== "0",
  };
  if (filters.districtId && !options.districts.some((district) => district.id === filters.districtId)) notFound();
  const areaPath = kind === "national" ? "/areas/national/all" : `/areas/${kind}/${areaId}`;
  const search = filtersQuery(filters);
  return {
    caller,
    kind,
    area,
    areaPath,
    description,
    years: options.years,
    districts: options.districts,
    filters,
    /** The URL's query, for what a page reads beyond the filters. */
    query,
    /** The procedures' input: the area and the filters. */
    input: { area, ...filters },
    search,
    links: {
      overview: `${areaPath}/overview${search}`,
      issues: `${areaPath}/issues${search}`,
      issue: (issueKey: string) => `${areaPath}/issues/${encodeURIComponent(issueKey)}${search}`,
      organization: (issueKey: string, organizationId: string) =>
        `${areaPath}/issues/${encodeURIComponent(issueKey)}/organizations/${encodeURIComponent(organizationId)}${search}`,
      measure: (issueKey: string, organizationId: string, measureId: string) =>
        `${areaPath}/issues/${encodeURIComponent(issueKey)}/organizations/${encodeURIComponent(organizationId)}/measures/${encodeURIComponent(measureId)}${search}`,
    },
  };
}

/** What loadDashboardContext answers: handed to a page's streamed sections. */
export type DashboardContext = Awaited<ReturnType<typeof loadDashboardContext>>;
