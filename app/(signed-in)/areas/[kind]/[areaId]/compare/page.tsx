import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ComparePicker } from "@/components/dashboard/compare-picker";
import { CompareTrendSection, CompareYearSection } from "@/components/dashboard/compare-sections";
import { parseCompareQuery } from "@/components/dashboard/compare-url";
import { PageTitle } from "@/components/ui/page-title";
import type { AreaNode } from "@/server/access/access";
import { callOrRedirect, getServerCaller } from "@/server/api/server-caller";
import { MAX_COMPARED_UNITS, unitKindsOf } from "@/server/domain/compare-units";

export const metadata: Metadata = { title: "เปรียบเทียบคะแนน" };

type Props = {
  params: Promise<{ kind: string; areaId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The area from the path: /areas/district/<id>, /areas/province/<id>, or /areas/national/all. */
function areaOf(kind: string, areaId: string): AreaNode | null {
  if (kind === "district" || kind === "province") return { kind, id: areaId };
  if (kind === "national" && areaId === "all") return { kind };
  return null;
}

/**
 * Organisations, districts or provinces of an area side by side over fiscal years. The
 * selection lives in the URL (orgs= or districts= or provinces=, from, to, year, unconfirmed), so a view can
 * be shared; an id outside the caller's area is a missing page.
 */
export default async function ComparePage({ params, searchParams }: Props) {
  const { kind, areaId } = await params;
  const area = areaOf(kind, areaId);
  const selection = parseCompareQuery(await searchParams);
  // A hand-edited URL the service would refuse is a missing page, as in the overview.
  if (!area || !selection || !unitKindsOf(area).includes(selection.unit) || selection.ids.length > MAX_COMPARED_UNITS) notFound();
  const years = [selection.fromYearBe, selection.toYearBe, selection.yearBe].filter((year) => year !== undefined);
  if (years.some((year) => year < 2500 || year > 2700)) notFound();
  if (selection.fromYearBe !== undefined && selection.toYearBe !== undefined && selection.fromYearBe > selection.toYearBe) notFound();

  const caller = await getServerCaller();
  const [description, comparison] = await callOrRedirect(() =>
    Promise.all([
      caller.area.describe({ area }),
      caller.dashboard.compare({
        area,
        unit: selection.unit,
        ids: selection.ids,
        fromYearBe: selection.fromYearBe,
        toYearBe: selection.toYearBe,
        includeUnconfirmed: selection.includeUnconfirmed,
      }),
    ]),
  );
  const barYear =
    selection.yearBe !== undefined && comparison.years.includes(selection.yearBe) ? selection.yearBe : (comparison.years.at(-1) ?? null);

  return (
    <>
      {area.kind !== "national" && (
        <p className="mb-2 text-sm">
          <Link href={`/areas/${area.kind}/${area.id}/overview`} className="text-teal-800 hover:underline">
            ← ภาพรวมคะแนน{description.nameTh}
          </Link>
        </p>
      )}
      <PageTitle
        title={`เปรียบเทียบคะแนน ITA ${description.nameTh}`}
        subtitle={`ปีงบประมาณ ${comparison.fromYearBe}–${comparison.toYearBe}`}
      />
      <ComparePicker
        area={area}
        selection={selection}
        selected={comparison.units}
        fiscalYears={comparison.fiscalYears}
        fromYearBe={comparison.fromYearBe}
        toYearBe={comparison.toYearBe}
        yearBe={barYear}
      />
      {comparison.units.length === 0 ? (
        <p className="text-slate-600" data-testid="compare-empty">
          เลือกรายการจากช่องค้นหาด้านบน (ได้ถึง {MAX_COMPARED_UNITS} รายการ) เพื่อดูกราฟและตารางเปรียบเทียบ
        </p>
      ) : (
        <div className="grid grid-cols-1 gap-6">
          {comparison.containsInventedData && (
            <p className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="invented-data-note">
              การเปรียบเทียบนี้มีข้อมูลสาธิตหรือข้อมูลสังเคราะห์ปนอยู่ ไม่ใช่ข้อมูลจริงทั้งหมด
            </p>
          )}
          <CompareTrendSection comparison={comparison} />
          {barYear !== null && <CompareYearSection comparison={comparison} yearBe={barYear} />}
        </div>
      )}
    </>
  );
}
