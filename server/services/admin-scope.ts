// What an administrator administers for an action of the permission table: the whole country or
// some provinces. Registry and account services ask here which provinces a caller may change and
// filter lists by it.
import type { Access } from "@/server/access/access";
import { can, nodesFor, NATIONAL, type Action } from "@/server/access/permissions";
import type { Db } from "@/server/db/client";
import type { RequestMetadata } from "@/server/services/audit";
import { AppError, NOT_FOUND_OR_FORBIDDEN } from "@/server/errors";

export type AdminScope = { kind: "national" } | { kind: "province"; provinceIds: string[] };

/** Who asks: an administrator's access, or null for the command line on the server (trusted). */
export type Actor = Access | null;

/** A call of a registry or account service: one options object. */
export type Call<Input> = { db: Db; actor: Actor; input: Input; request?: RequestMetadata };

type AdministrativeAction = Extract<Action, "node.administer" | "account.manage" | "deadline.extend">;

/** Where the caller holds the action: the country, some provinces, or nowhere (null). */
export function administeredScope(actor: Actor, action: AdministrativeAction): AdminScope | null {
  if (!actor || can(actor, action, NATIONAL)) return { kind: "national" };
  const provinceIds = nodesFor(actor, action).flatMap((node) => (node.kind === "province" ? [node.id] : []));
  return provinceIds.length > 0 ? { kind: "province", provinceIds } : null;
}

/** As administeredScope, refusing a caller who holds the action nowhere. */
export function adminScopeOf(actor: Actor, action: AdministrativeAction): AdminScope {
  const scope = administeredScope(actor, action);
  if (!scope) throw new AppError("FORBIDDEN", "เฉพาะผู้ดูแลระบบ");
  return scope;
}

export function coversProvince(scope: AdminScope, provinceId: string): boolean {
  return scope.kind === "national" || scope.provinceIds.includes(provinceId);
}

/** A node outside the scope looks missing. */
export function requireProvinceInScope(scope: AdminScope, provinceId: string | null | undefined): void {
  if (!provinceId || !coversProvince(scope, provinceId)) throw new AppError("NOT_FOUND", NOT_FOUND_OR_FORBIDDEN);
}
