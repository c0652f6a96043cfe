import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { loadDashboardContext, single, type DashboardContext, type PageParams, type PageSearchParams } from "@/components/dashboard/dashboard-context";
import { SortHeader } from "@/components/dashboard/sort-header";
import { StatusCsvButton } from "@/components/status/status-csv-button";
import { PageTitle } from "@/components/ui/page-title";
import { SectionLoading } from "@/components/ui/section-loading";
import { callOrRedirect, getServerCaller } from "@/server/api/server-caller";
import { ORGANIZATION_TYPE_LABEL, SIGN_OFF_STEP_LABEL } from "@/server/domain/labels";
import {
  REPORTING_STATE_LABEL,
  REPORTING_STATES,
  MAX_STUCK_DAYS,
  STATUS_FLAGS,
  STATUS_SORTS,
  STUCK_IN_SIGN_OFF_DAYS,
  STUCK_WITH_PROVINCE_DAYS,
  type ReportingState,
  type ReportingStatusRow,
  type StatusSort,
} from "@/server/domain/reporting-status";
import { formatInteger, formatThaiDate, formatThaiShortDate } from "@/server/domain/thai-format";

export const metadata: Metadata = { title: "สถานะการส่งรายงาน" };

const PAGE_SIZE = 100;

const FLAG_LABEL: Record<(typeof STATUS_FLAGS)[number], string> = { overdue: "เลยกำหนดส่ง", stuck: "ค้างนาน", unsignable: "ไม่มีผู้ลงนาม" };

const STATE_STYLE: Record<ReportingState, string> = {
  NOT_STARTED: "bg-red-50 text-red-700",
  DRAFT: "bg-slate-100 text-slate-700",
  IN_SIGN_OFF: "bg-sky-100 text-sky-800",
  SUBMITTED: "bg-indigo-100 text-indigo-800",
  RETURNED: "bg-orange-100 text-orange-800",
  ACCEPTED: "bg-emerald-100 text-emerald-800",
};

const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | undefined =>
  value !== undefined && (values as readonly string[]).includes(value) ? (value as T) : undefined;

type StatusView = { state?: ReportingState; flag?: (typeof STATUS_FLAGS)[number]; search: string; sort: StatusSort; descending: boolean; page: number; stuckDays: number };
type StatusInput = Parameters<DashboardContext["caller"]["area"]["status"]>[0];

function deadlineText(row: ReportingStatusRow): string {
  if (row.state === "SUBMITTED" || row.state === "ACCEPTED") return "ส่งแล้ว";
  if (row.daysToDeadline > 0) return `อีก ${formatInteger(row.daysToDeadline)} วัน`;
  if (row.daysToDeadline === 0) return "ครบกำหนดวันนี้";
  return `เลยกำหนด ${formatInteger(-row.daysToDeadline)} วัน`;
}

function stateText(row: ReportingStatusRow): string {
  if (row.state === "IN_SIGN_OFF" && row.step) return `รอความเห็น${SIGN_OFF_STEP_LABEL[row.step]}`;
  return REPORTING_STATE_LABEL[row.state];
}

/**
 * Who has reported in an area and fiscal year: every organisation with its report's state and
 * its deadline. The filters, the sort and the page live in the URL.
 */
export default async function ReportingStatusPage({ params, searchParams }: { params: PageParams; searchParams: PageSearchParams }) {
  const context = await loadDashboardContext(params, searchParams);
  const { query, filters } = context;
  const requestedPage = Number(single(query.page));
  const requestedDays = Number(single(query.days));
  const view: StatusView = {
    state: oneOf(REPORTING_STATES, single(query.state)),
    flag: oneOf(STATUS_FLAGS, single(query.flag)),
    search: (single(query.q) ?? "").trim().slice(0, 100),
    sort: oneOf(STATUS_SORTS, single(query.sort)) ?? "days",
    descending: single(query.dir) === "desc",
    page: Number.isInteger(requestedPage) && requestedPage >= 1 && requestedPage <= 10_000 ? requestedPage : 1,
    stuckDays: Number.isInteger(requestedDays) && requestedDays >= 1 && requestedDays <= MAX_STUCK_DAYS ? requestedDays : STUCK_IN_SIGN_OFF_DAYS,
  };
  const input = {
    yearBe: filters.yearBe,
    districtId: filters.districtId,
    organizationType: filters.organizationType,
    state: view.state ?? null,
    flag: view.flag ?? null,
    search: view.search || null,
    sort: view.sort,
    descending: view.descending,
    stuckDays: view.stuckDays,
  };
  const pathname = `${context.areaPath}/status`;
  const linkTo = (change: Partial<StatusView>) => {
    const next = { ...view, ...change };
    const params = new URLSearchParams({ year: String(filters.yearBe) });
    if (filters.districtId) params.set("district", filters.districtId);
    if (filters.organizationType) params.set("type", filters.organizationType);
    if (next.state) params.set("state", next.state);
    if (next.flag) params.set("flag", next.flag);
    if (next.search) params.set("q", next.search);
    if (next.sort !== "days") params.set("sort", next.sort);
    if (next.descending) params.set("dir", "desc");
    if (next.page > 1) params.set("page", String(next.page));
    if (next.stuckDays !== STUCK_IN_SIGN_OFF_DAYS) params.set("days", String(next.stuckDays));
    return `${pathname}?${params}`;
  };
  const selectClass = "mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1";

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={context.links.overview} className="text-teal-800 hover:underline">
          ← ภาพรวมคะแนน{context.description.nameTh}
        </Link>
      </p>
      <PageTitle title={`สถานะการส่งรายงาน ${context.description.nameTh}`} subtitle={`ปีงบประมาณ ${filters.yearBe}`} />

      {/* Keyed by the view: a count's link changes the filters, and the form shows them afresh. */}
      <form key={linkTo({})} method="get" action={pathname} className="mb-4 grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-3 lg:grid-cols-7" aria-label="ตัวกรอง">
        <label>
          ปีงบประมาณ
          <select name="year" defaultValue={filters.yearBe} className={selectClass}>
            {context.years.map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
        </label>
        {context.districts.length > 1 && (
          <label>
            อำเภอ
            <select name="district" defaultValue={filters.districtId ?? ""} className={selectClass}>
              <option value="">ทุกอำเภอ</option>
              {context.districts.map((district) => (
                <option key={district.id} value={district.id}>
                  {district.nameTh}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          ประเภท อปท.
          <select name="type" defaultValue={filters.organizationType ?? ""} className={selectClass}>
            <option value="">ทุกประเภท</option>
            {Object.entries(ORGANIZATION_TYPE_LABEL).map(([type, label]) => (
              <option key={type} value={type}>
                {label.full}
              </option>
            ))}
          </select>
        </label>
        <label>
          สถานะรายงาน
          <select name="state" defaultValue={view.state ?? ""} className={selectClass}>
            <option value="">ทุกสถานะ</option>
            {REPORTING_STATES.map((state) => (
              <option key={state} value={state}>
                {REPORTING_STATE_LABEL[state]}
              </option>
            ))}
          </select>
        </label>
        <label>
          เฉพาะ
          <select name="flag" defaultValue={view.flag ?? ""} className={selectClass}>
            <option value="">ทั้งหมด</option>
            {STATUS_FLAGS.map((flag) => (
              <option key={flag} value={flag}>
                {FLAG_LABEL[flag]}
              </option>
            ))}
          </select>
        </label>
        <label>
          ค้างนานตั้งแต่ (วัน)
          <input type="number" name="days" min={1} max={MAX_STUCK_DAYS} defaultValue={view.stuckDays} className={selectClass} data-testid="stuck-days" />
        </label>
        <label>
          ค้นหาชื่อ
          <input type="search" name="q" defaultValue={view.search} maxLength={100} className={selectClass} />
        </label>
        {view.sort !== "days" && <input type="hidden" name="sort" value={view.sort} />}
        {view.descending && <input type="hidden" name="dir" value="desc" />}
        <div className="flex items-end gap-2">
          <button type="submit" className="rounded-md bg-teal-700 px-3 py-1 font-semibold text-white hover:bg-teal-800">
            กรอง
          </button>
          <StatusCsvButton area={context.area} input={input} fileName={`สถานะการส่งรายงาน-${filters.yearBe}.csv`} />
        </div>
      </form>

      <Suspense fallback={<SectionLoading title="สถานะรายงานรายองค์กร" />}>
        <StatusBoard input={{ area: context.area, ...input, page: view.page, pageSize: PAGE_SIZE }} view={view} linkTo={linkTo} />
      </Suspense>
    </>
  );
}

/** The counts and the organisations' rows, streamed in once the board is read. */
async function StatusBoard({ input, view, linkTo }: { input: StatusInput; view: StatusView; linkTo: (change: Partial<StatusView>) => string }) {
  const caller = await getServerCaller();
  const board = await callOrRedirect(() => caller.area.status(input));
  const sortHref = (column: StatusSort) => linkTo({ sort: column, descending: view.sort === column ? !view.descending : false, page: 1 });
  const sort = { key: view.sort, descending: view.descending };
  const pages = Math.max(1, Math.ceil(board.matching / PAGE_SIZE));
  return (
    <>
      <ul className="mb-4 flex flex-wrap gap-2 text-sm" aria-label="สรุปสถานะ" data-testid="status-counts">
        <li>
          <Link href={linkTo({ state: undefined, flag: undefined, page: 1 })} className="rounded border border-slate-300 bg-white px-2 py-1 hover:bg-slate-50">
            ทั้งหมด {formatInteger(board.counts.total)}
          </Link>
        </li>
        {REPORTING_STATES.map((state) => (
          <li key={state}>
            <Link
              href={linkTo({ state, flag: undefined, page: 1 })}
              className={`rounded px-2 py-1 ${STATE_STYLE[state]} ${view.state === state ? "ring-2 ring-teal-700" : ""}`}
              data-testid={`count-${state}`}
            >
              {REPORTING_STATE_LABEL[state]} {formatInteger(board.counts[state])}
            </Link>
          </li>
        ))}
        {STATUS_FLAGS.map((flag) => (
          <li key={flag}>
            <Link
              href={linkTo({ flag, state: undefined, page: 1 })}
              className={`rounded bg-red-600 px-2 py-1 font-semibold text-white ${view.flag === flag ? "ring-2 ring-teal-700" : ""}`}
              data-testid={`count-${flag}`}
            >
              {FLAG_LABEL[flag]} {formatInteger(board.counts[flag])}
            </Link>
          </li>
        ))}
      </ul>


      <p className="mb-2 text-sm text-slate-600">
        พบ {formatInteger(board.matching)} แห่ง · ค้างนาน = รอความเห็นในขั้นเดียวกันตั้งแต่ {formatInteger(board.stuckDays)} วัน หรือรอจังหวัดตรวจตั้งแต่ {STUCK_WITH_PROVINCE_DAYS} วัน ·
        ไม่มีผู้ลงนาม = รอขั้นที่ยังไม่มีบัญชีผู้ลงนาม (ผู้ดูแลระบบเพิ่มผู้ลงนาม หรือเปิดรายงานเพื่อเปลี่ยนเส้นทาง)
      </p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full min-w-[40rem] text-sm" data-testid="status-table">
          <thead className="bg-slate-100 text-left">
            <tr>
              <SortHeader label="องค์กร" column="name" sort={sort} href={sortHref("name")} />
              <SortHeader label="อำเภอ" column="district" sort={sort} href={sortHref("district")} />
              <SortHeader label="สถานะรายงาน" column="state" sort={sort} href={sortHref("state")} />
              <SortHeader label="ตั้งแต่" column="since" sort={sort} href={sortHref("since")} />
              <SortHeader label="กำหนดส่ง" column="days" sort={sort} href={sortHref("days")} />
            </tr>
          </thead>
          <tbody>
            {board.rows.map((row) => (
              <tr
                key={row.organizationId}
                className={`border-t border-slate-100 ${row.overdue || row.unsignable ? "bg-red-50" : row.stuck ? "bg-amber-50" : ""}`}
                data-testid="status-row"
                data-state={row.state}
                data-overdue={row.overdue || undefined}
                data-stuck={row.stuck || undefined}
                data-unsignable={row.unsignable || undefined}
              >
                <td className="px-3 py-2 whitespace-nowrap">
                  <Link href={row.reportId ? `/reports/${row.reportId}` : `/organizations/${row.organizationId}`} className="text-teal-800 hover:underline">
                    {row.nameTh}
                  </Link>
                </td>
                <td className="px-3 py-2">{row.districtNameTh}</td>
                <td className="px-3 py-2">
                  <span className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${STATE_STYLE[row.state]}`}>{stateText(row)}</span>
                  {row.stuck && <span className="ml-1 rounded bg-amber-200 px-1.5 py-0.5 text-xs font-semibold text-amber-900">ค้างนาน</span>}
                  {row.unsignable && (
                    <span className="ml-1 rounded bg-red-600 px-1.5 py-0.5 text-xs font-semibold text-white" data-testid="unsignable">
                      ไม่มีผู้ลงนาม
                    </span>
                  )}
                </td>
                <td className="px-3 py-2">
                  {row.since ? (
                    <>
                      {formatThaiShortDate(row.since)}
                      <span className="ml-1 text-xs text-slate-500">({formatInteger(row.daysInState ?? 0)} วัน)</span>
                    </>
                  ) : (
                    "—"
                  )}
                </td>
                <td className="px-3 py-2">
                  {formatThaiDate(row.deadline)}
                  {row.extended && <span className="ml-1 text-xs text-slate-500">(ขยายโดยจังหวัด)</span>}
                  <div className={row.overdue ? "font-semibold text-red-700" : "text-slate-600"}>{deadlineText(row)}</div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav className="mt-3 flex items-center gap-4 text-sm" aria-label="หน้า">
          {view.page > 1 && (
            <Link href={linkTo({ page: view.page - 1 })} className="text-teal-800 hover:underline" rel="prev">
              ← ก่อนหน้า
            </Link>
          )}
          <span>
            หน้า {formatInteger(view.page)} จาก {formatInteger(pages)}
          </span>
          {view.page < pages && (
            <Link href={linkTo({ page: view.page + 1 })} className="text-teal-800 hover:underline" rel="next">
              ถัดไป →
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
