import { formatInteger, formatScore } from "@/server/domain/thai-format";
import type { AreaOverview } from "@/server/services/dashboard/overview";
import type { AreaTrend } from "@/server/services/dashboard/trend";
import { ChartWithTable, DataTable } from "./chart-with-table";
import { CountBarChart } from "./charts";
import { TrendChart } from "./trend-chart";
import { SERIES_COLORS } from "./palette";
import { UnitTrendChart } from "./unit-trend-chart";

const score = (value: number | null) => (value === null ? "—" : formatScore(value));

/** How many results reached each level of the year's rules (and how many could not be decided). */
export function LevelSection({ overview }: { overview: AreaOverview }) {
  const { levels, levelUnknown, levelMismatches } = overview.figures;
  const data = [
    ...levels.map((level) => ({ label: level.label, count: level.count })),
    ...(levelUnknown > 0 ? [{ label: "ไม่ทราบระดับ", count: levelUnknown }] : []),
  ];
  return (
    <ChartWithTable
      testId="chart-levels"
      title="จำนวนองค์กรตามระดับผลการประเมิน"
      description={`ระดับตามเกณฑ์ของปีงบประมาณ ${overview.yearBe}${levelMismatches > 0 ? ` · ระดับที่ประกาศไม่ตรงกับเกณฑ์ ${formatInteger(levelMismatches)} แห่ง` : ""}`}
      chart={<CountBarChart data={data} horizontal />}
      table={
        <DataTable
          caption="จำนวนองค์กรตามระดับ"
          headers={["ระดับ", "คะแนนขั้นต่ำ", "จำนวน (แห่ง)"]}
          rows={[
            ...levels.map((level) => [level.label, formatScore(level.minTotal), formatInteger(level.count)]),
            ...(levelUnknown > 0 ? [["ไม่ทราบระดับ", "—", formatInteger(levelUnknown)]] : []),
          ]}
        />
      }
    />
  );
}

/** How the year's totals spread over 5-point bins. */
export function HistogramSection({ overview }: { overview: AreaOverview }) {
  return (
    <ChartWithTable
      testId="chart-histogram"
      title="การกระจายของคะแนน"
      description="จำนวนองค์กรในแต่ละช่วงคะแนน (ช่วงละ 5 คะแนน)"
      chart={<CountBarChart data={overview.histogram} color="#0369a1" slantedLabels />}
      table={
        <DataTable
          caption="จำนวนองค์กรตามช่วงคะแนน"
          headers={["ช่วงคะแนน", "จำนวน (แห่ง)"]}
          rows={overview.histogram.map((bin) => [bin.label, formatInteger(bin.count)])}
        />
      }
    />
  );
}

/** Mean, median, lowest and highest total of every fiscal year with results. */
export function TrendSection({ trend }: { trend: AreaTrend }) {
  const years = trend.overall;
  return (
    <ChartWithTable
      testId="chart-trend"
      title="แนวโน้มคะแนนรายปีงบประมาณ"
      description="ค่าเฉลี่ย มัธยฐาน คะแนนต่ำสุดและสูงสุดของแต่ละปี"
      chart={years.length > 0 ? <TrendChart years={years} /> : <p className="text-sm text-slate-500">ยังไม่มีผลการประเมิน</p>}
      table={
        <DataTable
          caption="สถิติคะแนนรายปีงบประมาณ"
          headers={["ปีงบประมาณ", "จำนวน (แห่ง)", "ค่าเฉลี่ย", "มัธยฐาน", "ต่ำสุด", "สูงสุด"]}
          rows={years.map((year) => [
            String(year.yearBe),
            formatInteger(year.count),
            score(year.mean),
            score(year.median),
            score(year.min),
            score(year.max),
          ])}
        />
      }
    />
  );
}

const UNIT_NAME = { district: "อำเภอ", province: "จังหวัด" } as const;

/** Each district's (the country: each province's) mean and count per fiscal year. */
export function UnitTrendSection({ trend }: { trend: AreaTrend }) {
  const unitName = UNIT_NAME[trend.unitKind];
  if (trend.byUnit.length < 2 || trend.overall.length === 0) return null;
  return (
    <ChartWithTable
      testId="chart-unit-trend"
      title={`แนวโน้มคะแนนเฉลี่ยราย${unitName}`}
      description={`ค่าเฉลี่ยคะแนนของ อปท. ในแต่ละ${unitName} (ในวงเล็บ: จำนวนที่มีผลการประเมิน)`}
      chart={
        trend.byUnit.length <= SERIES_COLORS.length ? (
          <UnitTrendChart trend={trend} />
        ) : (
          <p className="text-sm text-slate-500">มี {formatInteger(trend.byUnit.length)} {unitName} มากเกินกว่าจะแสดงเป็นเส้นได้ชัดเจน ดูตารางข้อมูลด้านล่าง</p>
        )
      }
      table={
        <DataTable
          caption={`คะแนนเฉลี่ยราย${unitName}และปีงบประมาณ`}
          headers={[unitName, ...trend.overall.map((year) => String(year.yearBe))]}
          rows={trend.byUnit.map((unit) => [
            unit.unit.nameTh,
            ...unit.years.map((year) => (year.mean === null ? "—" : `${formatScore(year.mean)} (${formatInteger(year.count)})`)),
          ])}
        />
      }
    />
  );
}
