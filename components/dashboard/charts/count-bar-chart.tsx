"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** Bars of how many organisations fall in each category (levels, score bins). */
export function CountBarChart({
  data,
  color = "#0f766e",
  slantedLabels = false,
  horizontal = false,
}: {
  data: { label: string; count: number }[];
  color?: string;
  /** Many or long category names: slant them so they do not overlap. */
  slantedLabels?: boolean;
  /** Bars across, one row per category with its name beside it: names never overlap, at any width. */
  horizontal?: boolean;
}) {
  if (horizontal) {
    return (
      <ResponsiveContainer width="100%" height={Math.max(120, data.length * 40 + 40)}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="label" width={132} tick={{ fontSize: 12 }} interval={0} />
          <Tooltip formatter={(value) => [`${value} แห่ง`, "จำนวน"]} />
          <Bar dataKey="count" name="จำนวน" fill={color} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    );
  }
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
