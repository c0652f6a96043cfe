"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatScore } from "@/server/domain/thai-format";
import type { AreaTrend } from "@/server/services/dashboard/trend";
import { SERIES_COLORS } from "./palette";


/** The mean score of each district (or province) per fiscal year, one line per unit. */
export function UnitTrendChart({ trend }: { trend: AreaTrend }) {
  const data = trend.overall.map((year, index) => ({
    yearBe: year.yearBe,
    ...Object.fromEntries(trend.byUnit.map((unit) => [unit.unit.id, unit.years[index]?.mean ?? null])),
  }));
  const means = trend.byUnit.flatMap((unit) => unit.years.map((year) => year.mean)).filter((mean): mean is number => mean !== null);
  const floor = Math.max(0, Math.floor((Math.min(100, ...means) - 1) / 10) * 10);
  return (
    <ResponsiveContainer width="100%" height={280}>
      <LineChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: -16 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="yearBe" tick={{ fontSize: 12 }} />
        <YAxis domain={[floor, 100]} tick={{ fontSize: 12 }} />
        <Tooltip labelFormatter={(label) => `ปีงบประมาณ ${label}`} formatter={(value) => (typeof value === "number" ? formatScore(value) : "—")} />
        <Legend />
        {trend.byUnit.map((unit, index) => (
          <Line
            key={unit.unit.id}
            type="monotone"
            dataKey={unit.unit.id}
            name={unit.unit.nameTh}
            stroke={SERIES_COLORS[index % SERIES_COLORS.length]}
            dot={{ r: 2 }}
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
