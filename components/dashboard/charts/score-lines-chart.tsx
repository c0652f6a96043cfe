"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatScore } from "@/server/domain/thai-format";

/** A line; without a colour it takes the next of the palette (the second five dashed). */
export type ScoreSeries = { key: string; name: string; color?: string; dash?: string };

const PALETTE = ["#0f766e", "#b91c1c", "#1d4ed8", "#a16207", "#7e22ce"];

/**
 * Scores of fiscal years (Buddhist Era on the axis), one line per series. A row holds yearBe and
 * each series' score under its key (null: none that year). connectNulls bridges a missing year;
 * without it the line breaks there.
 */
export function ScoreLinesChart({
  data,
  series,
  connectNulls = true,
  height = 260,
}: {
  data: ({ yearBe: number } & Record<string, number | null>)[];
  series: readonly ScoreSeries[];
  connectNulls?: boolean;
  height?: number;
}) {
  // The axis starts at the ten below the lowest score, with a tick every 10 up to 100.
  const scores = data.flatMap((row) => series.map((s) => row[s.key])).filter((value): value is number => typeof value === "number");
  const lowest = Math.min(100, ...scores);
  const floor = Math.max(0, Math.floor((lowest - 1) / 10) * 10);
  const ticks = Array.from({ length: (100 - floor) / 10 + 1 }, (_, index) => floor + index * 10);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: -16 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="yearBe" tick={{ fontSize: 12 }} />
        <YAxis domain={[floor, 100]} ticks={ticks} tick={{ fontSize: 12 }} />
        <Tooltip
          labelFormatter={(label) => `ปีงบประมาณ ${label}`}
          formatter={(value) => (typeof value === "number" ? formatScore(value) : "—")}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
        {series.map((s, index) => (
          <Line
            key={s.key}
            type="monotone"
            dataKey={s.key}
            name={s.name}
            stroke={s.color ?? PALETTE[index % PALETTE.length]}
            strokeDasharray={s.dash ?? (!s.color && index >= PALETTE.length ? "6 3" : undefined)}
            dot={{ r: 3 }}
            connectNulls={connectNulls}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
