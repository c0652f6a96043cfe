// The compare page's selection in its URL, so a view can be shared:
// ?orgs=id1,id2&from=2563&to=2569&year=2569&unconfirmed=0 (or districts=… or provinces=…;
// unconfirmed=0 leaves out unconfirmed scores, as on the other dashboards). Used by the page
// (server) and the picker (browser).
import type { CompareUnitKind } from "@/server/domain/compare-units";

export type CompareSelection = {
  unit: CompareUnitKind;
  ids: string[];
  fromYearBe?: number;
  toYearBe?: number;
  /** The year of the bar chart. */
  yearBe?: number;
  /** false (unconfirmed=0): leave out the organisations' own scores not yet confirmed by the province. */
  includeUnconfirmed?: boolean;
};

const UNIT_PARAM: Record<CompareUnitKind, string> = { organization: "orgs", district: "districts", province: "provinces" };

export function compareQuery(selection: CompareSelection): string {
  const params = new URLSearchParams();
  if (selection.ids.length > 0) params.set(UNIT_PARAM[selection.unit], selection.ids.join(","));
  else if (selection.unit !== "organization") params.set(UNIT_PARAM[selection.unit], "");
  if (selection.fromYearBe !== undefined) params.set("from", String(selection.fromYearBe));
  if (selection.toYearBe !== undefined) params.set("to", String(selection.toYearBe));
  if (selection.yearBe !== undefined) params.set("year", String(selection.yearBe));
  if (selection.includeUnconfirmed === false) params.set("unconfirmed", "0");
  // Ids are cuids: keep the commas readable in a shared link.
  return params.toString().replaceAll("%2C", ",");
}

/** The selection a URL asks for; null when it names two kinds of unit at once. */
export function parseCompareQuery(query: Record<string, string | string[] | undefined>): CompareSelection | null {
  const single = (name: string) => {
    const value = query[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const year = (name: string) => {
    const value = Number(single(name));
    return Number.isInteger(value) && value > 0 ? value : undefined;
  };
  const given = (Object.keys(UNIT_PARAM) as CompareUnitKind[]).filter((unit) => single(UNIT_PARAM[unit]) !== undefined);
  if (given.length > 1) return null;
  const unit = given[0] ?? "organization";
  const ids = (single(UNIT_PARAM[unit]) ?? "").split(",").filter((id) => id !== "");
  return {
    unit,
    ids: [...new Set(ids)],
    fromYearBe: year("from"),
    toYearBe: year("to"),
    yearBe: year("year"),
    ...(single("unconfirmed") === "0" ? { includeUnconfirmed: false } : {}),
  };
}
