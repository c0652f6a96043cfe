import Link from "next/link";
import { OriginBadge, ReportStatusBadge, ResultLevel, UnconfirmedScoreMark } from "@/components/ui/badges";
import { ORGANIZATION_TYPE_LABEL } from "@/server/domain/labels";
import { formatInteger, formatScore } from "@/server/domain/thai-format";
import type { AreaRanking, RankingSort } from "@/server/services/dashboard/ranking";
import { SortHeader } from "./sort-header";
import { Sparkline } from "./sparkline";

export type RankingView = { sort: RankingSort; descending: boolean; search: string; page: number };

/** The URL form of the ranking's view: sort=name&dir=asc&q=…&page=2 (omitted = default). */
export function rankingViewToParams(view: RankingView): Record<string, string> {
  const params: Record<string, string> = {};
  if (view.sort !== "score") params.sort = view.sort;
  if (view.descending !== (view.sort === "score")) params.dir = view.descending ? "desc" : "asc";
  if (view.search) params.q = view.search;
  if (view.page > 1) params.page = String(view.page);
  return params;
}

type LinkTo = (view: RankingView) => string;

/** A header that sorts the ranking by its column: the active one turns, another starts in its natural direction. */
function RankingSortHeader({ label, column, view, linkTo, className }: { label: string; column: RankingSort; view: RankingView; linkTo: LinkTo; className?: string }) {
  const next = view.sort === column ? !view.descending : column === "score";
  return (
    <SortHeader
      label={label}
      column={column}
      sort={{ key: view.sort, descending: view.descending }}
      href={linkTo({ ...view, sort: column, descending: next, page: 1 })}
      className={className}
    />
  );
}

/**
 * The organisations of the view with their scores, one page at a time: sorting, searching and
 * paging are links and a plain form, so they work without JavaScript and can be shared.
 */
export function RankingTable({
  ranking,
  view,
  pathname,
  filterParams,
}: {
  ranking: AreaRanking;
  view: RankingView;
  pathname: string;
  /** The overview's filters, kept on every ranking link. */
  filterParams: Record<string, string>;
}) {
  const linkTo: LinkTo = (next) => `${pathname}?${new URLSearchParams({ ...filterParams, ...rankingViewToParams(next) })}#ranking`;
  const pages = Math.max(1, Math.ceil(ranking.matched / ranking.pageSize));
  const first = ranking.matched === 0 ? 0 : (ranking.page - 1) * ranking.pageSize + 1;
  const last = Math.min(ranking.matched, ranking.page * ranking.pageSize);
  const hidden = { ...filterParams, ...rankingViewToParams({ ...view, search: "", page: 1 }) };

  return (
    <section id="ranking" className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
      <div className="mb-2 flex flex-wrap items-end justify-between gap-2">
        <h2 className="text-lg font-semibold text-slate-900">อันดับคะแนน ปีงบประมาณ {ranking.yearBe}</h2>
        <form method="get" action={`${pathname}#ranking`} role="search" className="flex items-center gap-2 text-sm">
          {Object.entries(hidden).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <label htmlFor="ranking-search">ค้นหาชื่อองค์กร</label>
          <input
            id="ranking-search"
            type="search"
            name="q"
            defaultValue={view.search}
            maxLength={100}
            className="w-40 rounded border border-slate-300 px-2 py-1"
            data-testid="ranking-search"
          />
          <button type="submit" className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-50">
            ค้นหา
          </button>
        </form>
      </div>
      <p className="mb-2 text-sm text-slate-600" aria-live="polite" data-testid="ranking-count">
        {ranking.matched === 0
          ? `ไม่พบองค์กร${view.search ? `ที่ชื่อมีคำว่า “${view.search}”` : ""} (ทั้งหมด ${formatInteger(ranking.organizations)} แห่ง)`
          : `แสดงลำดับที่ ${formatInteger(first)}–${formatInteger(last)} จาก ${formatInteger(ranking.matched)} แห่ง${
              ranking.matched < ranking.organizations ? ` (ทั้งหมด ${formatInteger(ranking.organizations)} แห่ง)` : ""
            }`}
      </p>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[40rem] text-sm" data-testid="ranking">
          <thead className="bg-slate-100 text-left">
            <tr>
              <th scope="col" className="px-3 py-2 text-right">อันดับ</th>
              <RankingSortHeader label="องค์กร" column="name" view={view} linkTo={linkTo} />
              <RankingSortHeader label="อำเภอ" column="district" view={view} linkTo={linkTo} />
              <RankingSortHeader label="คะแนน" column="score" view={view} linkTo={linkTo} className="text-right" />
              <th scope="col" className="px-3 py-2">ระดับ</th>
              <th scope="col" className="px-3 py-2">รายงาน</th>
              <th scope="col" className="px-3 py-2">แนวโน้ม</th>
            </tr>
          </thead>
          <tbody>
            {ranking.rows.map((row) => (
              <tr key={row.organizationId} className="border-t border-slate-100" data-testid="ranking-row">
                <td className="px-3 py-2 text-right tabular-nums">{row.rank === null ? "—" : formatInteger(row.rank)}</td>
                <td className="px-3 py-2 whitespace-nowrap">
                  <Link href={`/organizations/${row.organizationId}`} className="text-teal-800 hover:underline">
                    {row.nameTh}
                  </Link>
                  <span className="ml-1 text-xs text-slate-500">{ORGANIZATION_TYPE_LABEL[row.type].short}</span>
                </td>
                <td className="px-3 py-2" data-testid="ranking-district">{row.district.nameTh}</td>
                <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">
                  {row.total === null ? "—" : formatScore(row.total)}
                  {row.resultOrigin && <OriginBadge origin={row.resultOrigin} />}
                  <UnconfirmedScoreMark unconfirmed={row.unconfirmed} />
                </td>
                <td className="px-3 py-2">
                  <ResultLevel level={row.level} basis={row.levelBasis} derived={row.derivedLevel} mismatch={row.levelMismatch} />
                </td>
                <td className="px-3 py-2">
                  <ReportStatusBadge status={row.reportStatus} />
                </td>
                <td className="px-3 py-2">
                  <Sparkline history={row.history} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav aria-label="หน้าของตารางอันดับ" className="mt-3 flex flex-wrap items-center gap-3 text-sm">
          {ranking.page > 1 && (
            <Link href={linkTo({ ...view, page: ranking.page - 1 })} scroll={false} className="text-teal-800 hover:underline" rel="prev">
              ← ก่อนหน้า
            </Link>
          )}
          <span>
            หน้า {formatInteger(ranking.page)} จาก {formatInteger(pages)}
          </span>
          {ranking.page < pages && (
            <Link href={linkTo({ ...view, page: ranking.page + 1 })} scroll={false} className="text-teal-800 hover:underline" rel="next">
              ถัดไป →
            </Link>
          )}
        </nav>
      )}
    </section>
  );
}
