// The overview's filters in the URL; shared by the server page and the client filter bar.
import type { OrganizationType } from "@/server/db/generated/enums";

export type OverviewFilters = {
  yearBe: number;
  districtId: string | null;
  organizationType: OrganizationType | null;
  includeUnaccepted: boolean;
};

/** The URL form of the filters: year=2568&district=…&type=…&unaccepted=0 (omitted = default). */
export function filtersToParams(filters: OverviewFilters): Record<string, string> {
  const params: Record<string, string> = { year: String(filters.yearBe) };
  if (filters.districtId) params.district = filters.districtId;
  if (filters.organizationType) params.type = filters.organizationType;
  if (!filters.includeUnaccepted) params.unaccepted = "0";
  return params;
}
