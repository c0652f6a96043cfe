"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** Horizontal bars: the share (%) of the organisations counted that ticked each standard result item. */
export function AdoptionChart({ data }: { data: { label: string; text: string; percent: number }[] }) {
  return (
    <ResponsiveContainer width="100%" height={Math.max(120, data.length * 36 + 40)}>
      <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" domain={[0, 100]} unit="%" tick={{ fontSize: 12 }} />
        <YAxis type="category" dataKey="label" width={48} tick={{ fontSize: 12 }} />
        <Tooltip
          formatter={(value) => [`${Number(value).toFixed(1)}%`, "ร้อยละขององค์กร"]}
          labelFormatter={(label, payload) => payload?.[0]?.payload?.text ?? label}
        />
        <Bar dataKey="percent" name="ร้อยละขององค์กร" fill="#0f766e" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
