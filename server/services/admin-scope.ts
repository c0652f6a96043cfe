// What an administrator administers: the whole country (ADMIN) or some provinces. Registry and
// account services ask here which provinces a caller may change and filter lists by it.
import type { Access } from "@/server/access/access";
import type { Db } from "@/server/db/client";
import type { RequestMetadata } from "@/server/services/audit";
import { AppError, NOT_FOUND_OR_FORBIDDEN } from "@/server/errors";

export type AdminScope = { kind: "national" } | { kind: "province"; provinceIds: string[] };

/** Who asks: an administrator's access, or null for the command line on the server (trusted). */
export type Actor = Access | null;

/** A call of a registry or account service: one options object. */
export type Call<Input> = { db: Db; actor: Actor; input: Input; request?: RequestMetadata };

export function adminScopeOf(actor: Actor): AdminScope {
  if (!actor || actor.grants.some((grant) => grant.role === "ADMIN")) return { kind: "national" };
  throw new AppError("FORBIDDEN", "เฉพาะผู้ดูแลระบบ");
}

export function coversProvince(scope: AdminScope, provinceId: string): boolean {
  return scope.kind === "national" || scope.provinceIds.includes(provinceId);
}

/** A node outside the scope looks missing. */
export function requireProvinceInScope(scope: AdminScope, provinceId: string | null | undefined): void {
  if (!provinceId || !coversProvince(scope, provinceId)) throw new AppError("NOT_FOUND", NOT_FOUND_OR_FORBIDDEN);
}
