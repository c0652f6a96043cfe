import { formatScore } from "@/server/domain/thai-format";

/** A tiny line of an organisation's totals over the years; the years and scores go in its title. */
export function Sparkline({ history, width = 80, height = 20 }: { history: { yearBe: number; total: number }[]; width?: number; height?: number }) {
  if (history.length === 0) return <span className="text-xs text-slate-400">—</span>;
  const label = history.map((point) => `${point.yearBe}: ${formatScore(point.total)}`).join(", ");
  const totals = history.map((point) => point.total);
  const low = Math.min(...totals);
  const high = Math.max(...totals);
  const span = high - low || 1;
  const pad = 2;
  const x = (index: number) => (history.length === 1 ? width / 2 : pad + (index * (width - 2 * pad)) / (history.length - 1));
  const y = (total: number) => (high === low ? height / 2 : pad + ((high - total) * (height - 2 * pad)) / span);
  const points = history.map((point, index) => `${x(index).toFixed(1)},${y(point.total).toFixed(1)}`).join(" ");
  const lastTotal = totals[totals.length - 1] ?? low;
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`คะแนนรายปี ${label}`} className="inline-block align-middle" data-testid="sparkline">
      <title>{label}</title>
      <polyline points={points} fill="none" stroke="#0f766e" strokeWidth={1.5} />
      <circle cx={x(history.length - 1)} cy={y(lastTotal)} r={2} fill="#0f766e" />
    </svg>
  );
}
