"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** Bars of how many organisations fall in each category (levels, score bins). */
export function CountBarChart({
  data,
  color = "#0f766e",
  slantedLabels = false,
}: {
  data: { label: string; count: number }[];
  color?: string;
  /** Many or long category names: slant them so they do not overlap. */
  slantedLabels?: boolean;
}) {
  return (
    <ResponsiveContainer width="100%" height={240}>
      <BarChart data={data} margin={{ top: 8, right: 24, bottom: 8, left: -16 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="label"
          tick={{ fontSize: 11 }}
          interval={0}
          angle={slantedLabels ? -40 : 0}
          textAnchor={slantedLabels ? "end" : "middle"}
          height={slantedLabels ? 56 : 30}
        />
        <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
        <Tooltip formatter={(value) => [`${value} แห่ง`, "จำนวน"]} />
        <Bar dataKey="count" name="จำนวน" fill={color} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
