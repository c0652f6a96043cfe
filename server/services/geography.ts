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
