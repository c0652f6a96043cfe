// The organisations of an area as an SQL condition, for the dashboards' raw queries: the SQL
// twin of organizationsInArea (server/services/areas.ts). Expects "LocalOrganization" o JOIN
// "District" d in the query.
import { Prisma } from "@/server/db/client";
import type { AreaNode } from "@/server/access/access";

export function organizationsInAreaSql(area: AreaNode): Prisma.Sql {
  if (area.kind === "district") return Prisma.sql`o."districtId" = ${area.id}`;
  if (area.kind === "province") return Prisma.sql`d."provinceId" = ${area.id}`;
  return Prisma.sql`TRUE`;
}
