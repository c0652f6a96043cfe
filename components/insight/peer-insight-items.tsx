// What the top quartile of comparable organisations did and this organisation did not, for one
// suggested issue (insight.organization). Shared by the profile's section and the editor's hint.
import type { InsightItem } from "@/server/services/dashboard/insight";
import { formatInteger, formatPercent, formatScore } from "@/server/domain/thai-format";

export function formatMove(move: InsightItem["move"]): string {
  if (move.tooFew) return `คะแนนปีถัดไป: น้อยเกินกว่าจะแสดง (n = ${formatInteger(move.n)})`;
  if (move.mean === null) return "ยังไม่มีคะแนนปีถัดไป";
  const sign = move.mean > 0 ? "+" : move.mean < 0 ? "−" : "";
  return `คะแนนปีถัดไป ${sign}${formatScore(Math.abs(move.mean))} โดยเฉลี่ย (n = ${formatInteger(move.n)})`;
}

export function PeerInsightItems({ items, topQuartileSize }: { items: InsightItem[]; topQuartileSize: number }) {
  if (items.length === 0) return <p className="text-sm text-slate-500">ไม่มีผลการดำเนินการที่กลุ่มคะแนนสูงสุดทำแต่หน่วยงานนี้ยังไม่ได้ทำ</p>;
  return (
    <ul className="space-y-1 text-sm">
      {items.map((item) => (
        <li key={item.id} data-testid={`insight-item-${item.id}`} className="flex flex-wrap items-baseline gap-x-2">
          <span className="font-semibold tabular-nums text-teal-800">{formatPercent(item.share)}</span>
          <span className="flex-1">{item.text}</span>
          <span className="text-xs text-slate-500">
            ({formatInteger(item.adopters)} จาก {formatInteger(topQuartileSize)} แห่ง · {formatMove(item.move)})
          </span>
        </li>
      ))}
    </ul>
  );
}
