"use client";

import type { YearStats } from "@/server/services/dashboard/trend";
import { ScoreLinesChart } from "./charts";

const SERIES = [
  { key: "max", name: "สูงสุด", color: "#0369a1", dash: "4 3" },
  { key: "mean", name: "ค่าเฉลี่ย", color: "#0f766e" },
  { key: "median", name: "มัธยฐาน", color: "#a16207" },
  { key: "min", name: "ต่ำสุด", color: "#b91c1c", dash: "4 3" },
] as const;

/** Mean, median, lowest and highest score of each fiscal year (Buddhist Era on the axis). */
export function TrendChart({ years }: { years: YearStats[] }) {
  return <ScoreLinesChart data={years} series={SERIES} />;
}
