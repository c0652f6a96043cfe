// The area dashboards' filters in the URL (year=2568&district=…&type=…&unaccepted=0&unconfirmed=0), shared by
// the overview's filter bar and the drill-down pages (server and client alike).
import type { OrganizationType } from "@/server/db/generated/enums";

export type OverviewFilters = {
  yearBe: number;
  districtId: string | null;
  organizationType: OrganizationType | null;
  includeUnaccepted: boolean;
  /** Count the organisations' own ITA results not yet confirmed by the province (unconfirmed=0: leave them out). */
  includeUnconfirmed: boolean;
};

/** The URL form of the filters (omitted = default). */
export function filtersToParams(filters: OverviewFilters): Record<string, string> {
  const params: Record<string, string> = { year: String(filters.yearBe) };
  if (filters.districtId) params.district = filters.districtId;
  if (filters.organizationType) params.type = filters.organizationType;
  if (!filters.includeUnaccepted) params.unaccepted = "0";
  if (!filters.includeUnconfirmed) params.unconfirmed = "0";
  return params;
}

/** "?year=2568&…", to keep the filters on every link between the dashboard pages. */
export function filtersQuery(filters: OverviewFilters): string {
  return `?${new URLSearchParams(filtersToParams(filters)).toString()}`;
}
