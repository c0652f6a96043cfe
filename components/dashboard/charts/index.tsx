"use client";

// The dashboards' charts, loaded after the page: Recharts is most of the pages' JavaScript, and
// every chart has its numbers in a table that the server renders at once. Pages import charts
// from here, never from the files beside this one.
import dynamic from "next/dynamic";

function ChartPlaceholder() {
  return <div className="h-64 animate-pulse rounded bg-slate-50" aria-hidden="true" />;
}

export const CountBarChart = dynamic(() => import("./count-bar-chart").then((module) => module.CountBarChart), { ssr: false, loading: ChartPlaceholder });
export const ScoreLinesChart = dynamic(() => import("./score-lines-chart").then((module) => module.ScoreLinesChart), { ssr: false, loading: ChartPlaceholder });
export const ScoreBarsChart = dynamic(() => import("./score-bars-chart").then((module) => module.ScoreBarsChart), { ssr: false, loading: ChartPlaceholder });
export const AdoptionChart = dynamic(() => import("./adoption-chart").then((module) => module.AdoptionChart), { ssr: false, loading: ChartPlaceholder });
export const ScoreMoveChart = dynamic(() => import("./score-move-chart").then((module) => module.ScoreMoveChart), { ssr: false, loading: ChartPlaceholder });
