import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { ChartWithTable, DataTable } from "@/components/dashboard/chart-with-table";
import { ScoreMoveChart } from "@/components/dashboard/charts";
import { loadDashboardContext, single, type DashboardContext, type PageParams, type PageSearchParams } from "@/components/dashboard/dashboard-context";
import { Breadcrumbs } from "@/components/dashboard/drilldown/breadcrumbs";
import { PageTitle } from "@/components/ui/page-title";
import { SectionLoading } from "@/components/ui/section-loading";
import { callOrRedirect } from "@/server/api/server-caller";
import { ORGANIZATION_TYPE_LABEL } from "@/server/domain/labels";
import { formatInteger, formatScore } from "@/server/domain/thai-format";
import type { ScoreMove } from "@/server/services/dashboard/insight";

export const metadata: Metadata = { title: "ประเด็นที่ไปด้วยกันกับคะแนนที่เพิ่มขึ้น" };

const signed = (value: number | null) => (value === null ? "—" : `${value > 0 ? "+" : value < 0 ? "−" : ""}${formatScore(Math.abs(value))}`);
const moveText = (move: ScoreMove) => `${move.tooFew ? "น้อยเกินกว่าจะแสดง" : signed(move.mean)} (${formatInteger(move.n)})`;

/** Per suggested issue and standard result item of year N: the score change N→N+1 of the organisations that adopted it and of the others. */
export default async function InsightPage({ params, searchParams }: { params: PageParams; searchParams: PageSearchParams }) {
  const context = await loadDashboardContext(params, searchParams);
  // Without a year asked for: the year before the newest in use, whose next year has scores.
  const asked = single(context.query.year);
  const yearBe = asked ? context.filters.yearBe : context.years.includes(context.filters.yearBe - 1) ? context.filters.yearBe - 1 : context.filters.yearBe;
  const organizationType = context.filters.organizationType;
  const href = (year: number, type: string | null) => `${context.areaPath}/insight?year=${year}${type ? `&type=${type}` : ""}`;
  return (
    <>
      <Breadcrumbs items={[{ label: "ภาพรวม", href: context.links.overview }, { label: "ประเด็นกับคะแนนที่เปลี่ยนไป" }]} />
      <PageTitle
        title={`ประเด็นและผลการดำเนินการที่ไปด้วยกันกับคะแนนที่เพิ่มขึ้น ${context.description.nameTh}`}
        subtitle={`รายงานปีงบประมาณ ${yearBe} · คะแนน ITA ปี ${yearBe} → ${yearBe + 1}`}
      />
      <p className="mb-4 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="association-caution">
        ความสัมพันธ์ ไม่ใช่เหตุและผล: ตัวเลขนี้บอกเพียงว่าองค์กรที่ทำสิ่งใดมีคะแนนเปลี่ยนไปเท่าใดโดยเฉลี่ย เทียบกับองค์กรที่ไม่ได้ทำ
        ไม่ได้บอกว่าการทำสิ่งนั้นทำให้คะแนนเพิ่มขึ้น ความต่างอาจมาจากปัจจัยอื่น และกลุ่มที่มีจำนวนน้อยแกว่งได้มาก
      </p>
      <nav className="mb-4 flex flex-wrap gap-2 text-sm" aria-label="เลือกปีและประเภทองค์กร">
        {context.years.map((year) => (
          <Link key={year} href={href(year, organizationType)} aria-current={year === yearBe ? "true" : undefined}
            className={`rounded border px-2 py-0.5 ${year === yearBe ? "border-teal-700 bg-teal-50 font-semibold text-teal-900" : "border-slate-300"}`}>
            {year}
          </Link>
        ))}
        <span className="text-slate-400">|</span>
        {[null, ...Object.keys(ORGANIZATION_TYPE_LABEL)].map((type) => (
          <Link key={type ?? "all"} href={href(yearBe, type)} aria-current={type === organizationType ? "true" : undefined}
            className={`rounded border px-2 py-0.5 ${type === organizationType ? "border-teal-700 bg-teal-50 font-semibold text-teal-900" : "border-slate-300"}`}>
            {type ? ORGANIZATION_TYPE_LABEL[type as keyof typeof ORGANIZATION_TYPE_LABEL].short : "ทุกประเภท"}
          </Link>
        ))}
      </nav>
      <Suspense fallback={<SectionLoading title={MOVE_TITLE} />}>
        <InsightSection context={context} yearBe={yearBe} />
      </Suspense>
    </>
  );
}

const MOVE_TITLE = "คะแนนที่เปลี่ยนไปในปีถัดไป: องค์กรที่ทำ เทียบกับที่ไม่ได้ทำ";

/** The counted organisations and the chart, streamed in once the score changes are averaged. */
async function InsightSection({ context, yearBe }: { context: DashboardContext; yearBe: number }) {
  const insight = await callOrRedirect(() =>
    context.caller.insight.area({ area: context.area, yearBe, organizationType: context.filters.organizationType }),
  );
  const rows = insight.rows;
  return (
    <>
      <p className="mb-4 text-sm text-slate-600" data-testid="insight-counted">
        นับ {formatInteger(insight.counted)} จาก {formatInteger(insight.organizations)} แห่ง: องค์กรที่มีรายงานปี {yearBe} ที่รับรองแล้ว และมีคะแนน ITA
        ที่ประกาศหรือยืนยันแล้วทั้งปี {yearBe} และ {yearBe + 1} · คะแนนเปลี่ยนไปเฉลี่ยทั้งหมด {moveText(insight.overall)}
      </p>
      <ChartWithTable
        testId="insight-area"
        title={MOVE_TITLE}
        description="ค่าเฉลี่ยของคะแนนปีถัดไปลบคะแนนปีนี้ ต่อประเด็นแนะนำ (เลขเดียว) และผลการดำเนินการมาตรฐาน (เลขประเด็น.ข้อ) ในวงเล็บคือจำนวนองค์กร ค่าเฉลี่ยของกลุ่มที่มีน้อยกว่า 5 แห่งไม่แสดง (และไม่แสดงทั้งสองฝั่งเมื่อฝั่งหนึ่งมีน้อยกว่า 5 แห่ง)"
        chart={<ScoreMoveChart rows={rows.map((row) => ({ name: row.label, adopters: row.adopters.mean, others: row.others.mean }))} />}
        table={
          <DataTable
            caption="คะแนนที่เปลี่ยนไปขององค์กรที่ทำและที่ไม่ได้ทำ"
            headers={["ข้อ", "ประเด็น / ผลการดำเนินการ", "ทำ: เฉลี่ย (แห่ง)", "ไม่ได้ทำ: เฉลี่ย (แห่ง)", "ต่างกัน"]}
            numericFrom={2}
            rows={rows.map((row) => [
              row.label,
              row.kind === "issue" ? <strong key="t">{row.text}</strong> : row.text,
              moveText(row.adopters),
              moveText(row.others),
              signed(row.difference),
            ])}
          />
        }
      />
    </>
  );
}
