// Provinces, districts and organisations: the tree every scope hangs on.
import type { DbClient } from "@/server/db/client";

/** Provinces with their districts and organisation counts, for the admin's overview. */
export async function listProvinces(db: DbClient) {
  return db.province.findMany({
    orderBy: { code: "asc" },
    include: {
      districts: {
        orderBy: { code: "asc" },
        include: { _count: { select: { organizations: true } } },
      },
    },
  });
}

export async function listOrganizationsForPicker(db: DbClient) {
  return db.localOrganization.findMany({
    where: { active: true },
    orderBy: [{ district: { code: "asc" } }, { nameTh: "asc" }],
    select: { id: true, nameTh: true, district: { select: { nameTh: true, province: { select: { nameTh: true } } } } },
  });
}

export async function listDistrictsForPicker(db: DbClient) {
  return db.district.findMany({
    orderBy: { code: "asc" },
    select: { id: true, nameTh: true, province: { select: { nameTh: true } } },
  });
}
