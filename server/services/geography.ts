// Provinces, districts and organisations: the tree every scope hangs on.
import type { Access } from "@/server/access/access";
import type { DbClient } from "@/server/db/client";
import { adminScopeOf } from "@/server/services/admin-scope";

/** The provinces the caller administers (every one for the country's administrator), with their districts. */
export async function listProvinces({ db, actor }: { db: DbClient; actor: Access }) {
  const scope = adminScopeOf(actor, "node.administer");
  return db.province.findMany({
    where: scope.kind === "national" ? {} : { id: { in: scope.provinceIds } },
    orderBy: { code: "asc" },
    include: {
      districts: {
        orderBy: { code: "asc" },
        include: { _count: { select: { organizations: true } } },
      },
    },
  });
}
