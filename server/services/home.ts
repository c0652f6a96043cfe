// Where each user starts: their organisation, the area they review, or the admin pages.
import type { Access } from "@/server/access/access";

export function homePathFor(access: Access): string {
  const grants = access.grants;
  if (grants.some((g) => g.role === "ADMIN")) return "/admin";
  const province = grants.find((g) => g.role === "PROVINCE_REVIEWER");
  if (province) return `/areas/province/${province.provinceId}`;
  const district = grants.find((g) => g.role === "DISTRICT_REVIEWER");
  if (district) return `/areas/district/${district.districtId}`;
  const organization = grants.find((g) => g.organizationId);
  if (organization) return `/organizations/${organization.organizationId}`;
  return "/no-access";
}
