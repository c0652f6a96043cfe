import Link from "next/link";
import type { ReactNode } from "react";
import { shortUnitName } from "@/server/domain/compare-units";
import { formatInteger, formatScore } from "@/server/domain/thai-format";
import type { CompareUnit, Comparison } from "@/server/services/dashboard/compare";
import { ChartWithTable, DataTable } from "./chart-with-table";
import { ScoreBarsChart } from "./charts";
import { ScoreLinesChart } from "./charts";

const score = (value: number | null) => (value === null ? "—" : formatScore(value));

function unitName(comparison: Comparison, unit: CompareUnit): ReactNode {
  if (comparison.unit !== "organization") return unit.nameTh;
  return (
    <Link href={`/organizations/${unit.id}`} className="text-teal-800 hover:underline">
      {unit.nameTh}
    </Link>
  );
}

/** Each unit's total (a district's or province's mean, with how many results) per fiscal year. */
export function CompareTrendSection({ comparison }: { comparison: Comparison }) {
  const aggregated = comparison.unit !== "organization";
  // Series keys by position: ids are not safe as Recharts data keys.
  const data = comparison.years.map((yearBe, yearIndex) => ({
    yearBe,
    ...Object.fromEntries(comparison.units.map((unit, index) => [`u${index}`, unit.years[yearIndex]!.mean])),
  }));
  const series = comparison.units.map((unit, index) => ({ key: `u${index}`, name: shortUnitName(unit.nameTh) }));
  return (
    <ChartWithTable
      testId="chart-compare-trend"
      title="คะแนนรวมรายปีงบประมาณ"
      description={
        aggregated
          ? "ค่าเฉลี่ยคะแนนรวมขององค์กรในแต่ละพื้นที่ (ในวงเล็บ: จำนวนองค์กรที่มีผลการประเมิน) · ปีที่ไม่มีผลเส้นจะขาด"
          : "คะแนนรวมของแต่ละองค์กร · ปีที่ไม่มีผลเส้นจะขาด"
      }
      chart={<ScoreLinesChart data={data} series={series} connectNulls={false} height={300} />}
      table={
        <DataTable
          caption="คะแนนรวมรายปีงบประมาณ"
          headers={[aggregated ? "พื้นที่" : "องค์กร", ...comparison.years.map(String)]}
          rows={comparison.units.map((unit) => [
            unitName(comparison, unit),
            ...unit.years.map((cell) => (aggregated && cell.count > 0 ? `${score(cell.mean)} (${formatInteger(cell.count)})` : score(cell.mean))),
          ])}
        />
      }
    />
  );
}

/** One fiscal year: each unit's total and, where known, its IIT, EIT and OIT. */
export function CompareYearSection({ comparison, yearBe }: { comparison: Comparison; yearBe: number }) {
  const aggregated = comparison.unit !== "organization";
  const yearIndex = comparison.years.indexOf(yearBe);
  const cells = comparison.units.map((unit) => ({ unit, cell: unit.years[yearIndex]! }));
  return (
    <ChartWithTable
      testId="chart-compare-year"
      title={`คะแนนปีงบประมาณ ${yearBe}`}
      description={
        aggregated
          ? "ค่าเฉลี่ยคะแนนรวม และค่าเฉลี่ย IIT EIT OIT ขององค์กรที่มีคะแนนครบทั้งสามเครื่องมือ"
          : "คะแนนรวม และคะแนน IIT EIT OIT เมื่อทราบ"
      }
      chart={
        <ScoreBarsChart
          rows={cells.map(({ unit, cell }) => ({ name: shortUnitName(unit.nameTh), total: cell.mean, iit: cell.iit, eit: cell.eit, oit: cell.oit }))}
        />
      }
      table={
        <DataTable
          caption={`คะแนนปีงบประมาณ ${yearBe}`}
          headers={
            aggregated
              ? ["พื้นที่", "องค์กรที่มีผล", "คะแนนรวมเฉลี่ย", "มีคะแนนครบ 3 เครื่องมือ", "IIT", "EIT", "OIT"]
              : ["องค์กร", "คะแนนรวม", "IIT", "EIT", "OIT"]
          }
          rows={cells.map(({ unit, cell }) =>
            aggregated
              ? [unitName(comparison, unit), formatInteger(cell.count), score(cell.mean), formatInteger(cell.toolsCount), score(cell.iit), score(cell.eit), score(cell.oit)]
              : [unitName(comparison, unit), score(cell.mean), score(cell.iit), score(cell.eit), score(cell.oit)],
          )}
        />
      }
    />
  );
}
