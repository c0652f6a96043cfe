"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatScore } from "@/server/domain/thai-format";
import type { YearStats } from "@/server/services/dashboard/trend";

const SERIES = [
  { key: "max", name: "สูงสุด", color: "#0369a1", dash: "4 3" },
  { key: "mean", name: "ค่าเฉลี่ย", color: "#0f766e", dash: undefined },
  { key: "median", name: "มัธยฐาน", color: "#a16207", dash: undefined },
  { key: "min", name: "ต่ำสุด", color: "#b91c1c", dash: "4 3" },
] as const;

/** Mean, median, lowest and highest score of each fiscal year (Buddhist Era on the axis). */
export function TrendChart({ years }: { years: YearStats[] }) {
  // The axis starts at the ten below the lowest score, with a tick every 10 up to 100.
  const lowest = Math.min(...years.map((year) => year.min ?? 100));
  const floor = Math.max(0, Math.floor((lowest - 1) / 10) * 10);
  const ticks = Array.from({ length: (100 - floor) / 10 + 1 }, (_, index) => floor + index * 10);
  return (
    <ResponsiveContainer width="100%" height={260}>
      <LineChart data={years} margin={{ top: 8, right: 8, bottom: 8, left: -16 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="yearBe" tick={{ fontSize: 12 }} />
        <YAxis domain={[floor, 100]} ticks={ticks} tick={{ fontSize: 12 }} />
        <Tooltip
          labelFormatter={(label) => `ปีงบประมาณ ${label}`}
          formatter={(value) => (typeof value === "number" ? formatScore(value) : "—")}
        />
        <Legend />
        {SERIES.map((series) => (
          <Line
            key={series.key}
            type="monotone"
            dataKey={series.key}
            name={series.name}
            stroke={series.color}
            strokeDasharray={series.dash}
            dot={{ r: 3 }}
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
