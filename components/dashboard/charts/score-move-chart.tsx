"use client";

import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatScore } from "@/server/domain/thai-format";

export type ScoreMoveRow = { name: string; adopters: number | null; others: number | null };

/**
 * Mean score change to the next year per issue or result item: of the organisations that
 * adopted it and of those that did not, as horizontal bars around zero.
 */
export function ScoreMoveChart({ rows }: { rows: ScoreMoveRow[] }) {
  return (
    <ResponsiveContainer width="100%" height={40 + rows.length * 36}>
      <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" tick={{ fontSize: 12 }} />
        <YAxis type="category" dataKey="name" width={60} tick={{ fontSize: 11 }} interval={0} />
        <ReferenceLine x={0} stroke="#475569" />
        <Tooltip formatter={(value) => (typeof value === "number" ? formatScore(value) : "—")} />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
        <Bar dataKey="adopters" name="ทำ" fill="#0f766e" isAnimationActive={false} />
        <Bar dataKey="others" name="ไม่ได้ทำ" fill="#94a3b8" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
