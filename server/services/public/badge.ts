// The badge an organisation puts on its website: plain SVG, nothing that runs. Its text is drawn
// as outlines of the bundled Sarabun font (shaped by fontkit: Thai marks stacked and placed), so
// it looks the same on a viewer without any Thai font; the words stay in its title and label.
import fs from "node:fs";
import path from "node:path";
import * as fontkit from "fontkit";
import { formatScore } from "@/server/domain/thai-format";

const FONT_FILE = path.join("node_modules", "@expo-google-fonts", "sarabun", "600SemiBold", "Sarabun_600SemiBold.ttf");
const FONT_SIZE = 13;
const HEIGHT = 24;
const BASELINE = 16.5;
const PADDING = 9;

let font: fontkit.Font | undefined;

function badgeFont(): fontkit.Font {
  if (!font) {
    const loaded = fontkit.create(fs.readFileSync(path.join(/*turbopackIgnore: true*/ process.cwd(), FONT_FILE)));
    if (!("layout" in loaded)) throw new Error(`${FONT_FILE} is a font collection, not a font`);
    font = loaded;
  }
  return font;
}

/** The text laid out from x on the badge's baseline: one SVG path and its width in pixels. */
function outline(text: string, x: number): { d: string; width: number } {
  const face = badgeFont();
  const scale = FONT_SIZE / face.unitsPerEm;
  const run = face.layout(text);
  let pen = x;
  const parts: string[] = [];
  run.glyphs.forEach((glyph, index) => {
    const position = run.positions[index]!;
    const d = glyph.path
      .scale(scale, -scale)
      .translate(pen + position.xOffset * scale, BASELINE - position.yOffset * scale)
      .toSVG();
    if (d) parts.push(d);
    pen += position.xAdvance * scale;
  });
  return { d: parts.join(""), width: pen - x };
}

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export function badgeSvg(score: { yearBe: number; total: number | null; level: string | null } | null): string {
  const left = "ITA โปร่งใส";
  const right = score
    ? [`ปี ${score.yearBe}`, score.total === null ? null : formatScore(score.total), score.level].filter(Boolean).join(" · ")
    : "รายงานมาตรการ";
  const leftText = outline(left, PADDING);
  const leftWidth = Math.ceil(leftText.width + 2 * PADDING);
  const rightText = outline(right, leftWidth + PADDING);
  const width = Math.ceil(leftWidth + rightText.width + 2 * PADDING);
  const label = escape(`${left}: ${right}`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${HEIGHT}" viewBox="0 0 ${width} ${HEIGHT}" role="img" aria-label="${label}">
<title>${label}</title>
<rect width="${width}" height="${HEIGHT}" rx="4" fill="#0f766e"/>
<path d="M4 0h${leftWidth - 4}v${HEIGHT}h-${leftWidth - 4}a4 4 0 0 1-4-4v-${HEIGHT - 8}a4 4 0 0 1 4-4z" fill="#115e59"/>
<path fill="#fff" d="${leftText.d}"/>
<path fill="#fff" d="${rightText.d}"/>
</svg>`;
}
