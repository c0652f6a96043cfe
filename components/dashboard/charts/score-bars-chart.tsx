"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatScore } from "@/server/domain/thai-format";

export type ScoreBarsRow = { name: string; total: number | null; iit: number | null; eit: number | null; oit: number | null };

const BARS = [
  { key: "total", name: "คะแนนรวม", color: "#0f766e" },
  { key: "iit", name: "IIT", color: "#1d4ed8" },
  { key: "eit", name: "EIT", color: "#a16207" },
  { key: "oit", name: "OIT", color: "#7e22ce" },
] as const;

/**
 * One fiscal year's scores of the compared units as horizontal bars (names on the left stay
 * readable on a phone): the total, with IIT, EIT and OIT beside it when some unit has them.
 */
export function ScoreBarsChart({ rows }: { rows: ScoreBarsRow[] }) {
  const withTools = rows.some((row) => row.iit !== null);
  const bars = withTools ? BARS : BARS.slice(0, 1);
  const height = 40 + rows.length * (withTools ? 26 * bars.length : 32);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" domain={[0, 100]} ticks={[0, 20, 40, 60, 80, 100]} tick={{ fontSize: 12 }} />
        <YAxis type="category" dataKey="name" width={130} tick={{ fontSize: 11 }} interval={0} />
        <Tooltip formatter={(value) => (typeof value === "number" ? formatScore(value) : "—")} />
        {withTools && <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />}
        {bars.map((bar) => (
          <Bar key={bar.key} dataKey={bar.key} name={bar.name} fill={bar.color} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
