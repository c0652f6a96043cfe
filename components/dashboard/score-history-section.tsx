import { OriginBadge, ResultLevel, UnconfirmedScoreMark } from "@/components/ui/badges";
import { formatScore } from "@/server/domain/thai-format";
import type { DataOrigin, LevelBasis } from "@/server/db/generated/enums";
import { ChartWithTable, DataTable } from "./chart-with-table";
import { ScoreLinesChart } from "./charts";

export type ScoreHistoryYear = {
  yearBe: number;
  total: number;
  iit: number | null;
  eit: number | null;
  oit: number | null;
  announcedLevel: string | null;
  derivedLevel: string | null;
  levelMismatch: boolean;
  level: string | null;
  levelBasis: LevelBasis | null;
  unconfirmed: boolean;
  origin: DataOrigin;
};

const SERIES = [
  { key: "total", name: "คะแนนรวม", color: "#0f766e" },
  { key: "iit", name: "IIT", color: "#1d4ed8", dash: "4 3" },
  { key: "eit", name: "EIT", color: "#a16207", dash: "4 3" },
  { key: "oit", name: "OIT", color: "#7e22ce", dash: "4 3" },
] as const;

const score = (value: number | null) => (value === null ? "—" : formatScore(value));

/** An organisation's ITA results year by year: the total, IIT/EIT/OIT where known, and the levels. */
export function ScoreHistorySection({ years }: { years: ScoreHistoryYear[] }) {
  const withTools = years.some((year) => year.iit !== null || year.eit !== null || year.oit !== null);
  return (
    <ChartWithTable
      testId="score-history"
      title="คะแนน ITA รายปีงบประมาณ"
      description={withTools ? "คะแนนรวม และคะแนน IIT EIT OIT ในปีที่ทราบ" : "คะแนนรวมของแต่ละปี"}
      chart={
        years.length > 0 ? (
          <ScoreLinesChart
            data={years.map(({ yearBe, total, iit, eit, oit }) => ({ yearBe, total, iit, eit, oit }))}
            series={withTools ? SERIES : SERIES.slice(0, 1)}
            connectNulls={false}
          />
        ) : (
          <p className="text-sm text-slate-500">ยังไม่มีผลการประเมิน</p>
        )
      }
      table={
        <DataTable
          caption="คะแนน ITA รายปีงบประมาณ"
          headers={["ปีงบประมาณ", "ระดับ", "คะแนนรวม", "IIT", "EIT", "OIT"]}
          numericFrom={2}
          rows={years.map((year) => [
            String(year.yearBe),
            <ResultLevel key="level" level={year.level} basis={year.levelBasis} derived={year.derivedLevel} mismatch={year.levelMismatch} />,
            <>
              {formatScore(year.total)}
              <OriginBadge origin={year.origin} />
              <UnconfirmedScoreMark unconfirmed={year.unconfirmed} />
            </>,
            score(year.iit),
            score(year.eit),
            score(year.oit),
          ])}
        />
      }
    />
  );
}
