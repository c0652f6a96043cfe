// What every drill-down page reads first: the area (its name, its districts for the filter),
// and the filters from the URL, checked the way the overview checks them.
import "server-only";
import { notFound } from "next/navigation";
import { callOrRedirect, getServerCaller } from "@/server/api/server-caller";
import { OrganizationType } from "@/server/db/generated/enums";
import { filtersQuery, type OverviewFilters } from "../overview-filters";

export type PageParams = Promise<{ kind: string; areaId: string }>;
export type PageSearchParams = Promise<Record<string, string | string[] | undefined>>;

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function isOrganizationType(value: string | undefined): value is OrganizationType {
  return value !== undefined && (Object.values(OrganizationType) as string[]).includes(value);
}

export async function loadDrilldownContext(params: PageParams, searchParams: PageSearchParams) {
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
  const districts = [...new Map(organizations.map((organization) => [organization.district.id, organization.district])).values()];
  if (filters.districtId && !districts.some((district) => district.id === filters.districtId)) notFound();
  if (filters.yearBe < 2500 || filters.yearBe > 2700) notFound();
  const areaPath = `/areas/${kind}/${areaId}`;
  const search = filtersQuery(filters);
  return {
    caller,
    area,
    description,
    districts,
    filters,
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

export type DrilldownContext = Awaited<ReturnType<typeof loadDrilldownContext>>;
