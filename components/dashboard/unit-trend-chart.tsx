"use client";

import type { AreaTrend } from "@/server/services/dashboard/trend";
import { SERIES_COLORS } from "./palette";
import { ScoreLinesChart } from "./charts";

/** The mean score of each district (or province) per fiscal year, one line per unit. */
export function UnitTrendChart({ trend }: { trend: AreaTrend }) {
  const data = trend.overall.map((year, index) => ({
    yearBe: year.yearBe,
    ...Object.fromEntries(trend.byUnit.map((unit) => [unit.unit.id, unit.years[index]?.mean ?? null])),
  }));
  const series = trend.byUnit.map((unit, index) => ({ key: unit.unit.id, name: unit.unit.nameTh, color: SERIES_COLORS[index % SERIES_COLORS.length] }));
  return <ScoreLinesChart data={data} series={series} height={280} />;
}
