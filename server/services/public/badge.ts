// The badge an organisation puts on its website: plain SVG text, nothing that runs.
import { formatScore } from "@/server/domain/thai-format";

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export function badgeSvg(score: { yearBe: number; total: number | null; level: string | null } | null): string {
  const left = "ITA โปร่งใส";
  const right = score
    ? [`ปี ${score.yearBe}`, score.total === null ? null : formatScore(score.total), score.level].filter(Boolean).join(" · ")
    : "รายงานมาตรการ";
  const leftWidth = 92;
  const rightWidth = 24 + right.length * 7;
  const width = leftWidth + rightWidth;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="24" role="img" aria-label="${escape(`${left}: ${right}`)}">
<title>${escape(`${left}: ${right}`)}</title>
<rect width="${leftWidth}" height="24" rx="4" fill="#115e59"/>
<rect x="${leftWidth - 4}" width="${rightWidth + 4}" height="24" rx="4" fill="#0f766e"/>
<g fill="#fff" font-family="Sarabun, Tahoma, &apos;Leelawadee UI&apos;, &apos;Noto Sans Thai&apos;, Thonburi, sans-serif" font-size="13">
<text x="10" y="16">${escape(left)}</text>
<text x="${leftWidth + 8}" y="16">${escape(right)}</text>
</g>
</svg>`;
}
