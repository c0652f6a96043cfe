// The website badge draws its Thai text as Sarabun outlines: no <text> that a viewer without a
// Thai font would show as boxes, nothing that runs; the words stay in its title and label.
import { describe, expect, it } from "vitest";
import { badgeSvg } from "@/server/services/public/badge";

const widthOf = (svg: string) => Number(/<svg[^>]* width="(\d+)"/.exec(svg)![1]);

describe("badgeSvg", () => {
  it("is outlines only, named in its title and label", () => {
    const svg = badgeSvg({ yearBe: 2568, total: 99.66, level: "ผ่านดีเยี่ยม" });
    expect(svg).not.toMatch(/<text|<script|<style|<foreignObject|font-family|\bon[a-z]+=/i);
    expect(svg).toContain("<title>ITA โปร่งใส: ปี 2568 · 99.66 · ผ่านดีเยี่ยม</title>");
    expect(svg).toContain('aria-label="ITA โปร่งใส: ปี 2568 · 99.66 · ผ่านดีเยี่ยม"');
    const outlines = [...svg.matchAll(/<path fill="#fff" d="([^"]+)"\/>/g)].map((match) => match[1]!);
    expect(outlines).toHaveLength(2);
    // Every glyph drawn: one closed outline or more per letter.
    for (const d of outlines) expect(d).toMatch(/^M[-\d.]+ [-\d.]+/);
    expect(outlines[1]!.split("Z").length).toBeGreaterThan("ปี2568·99.66·ผ่านดีเยี่ยม".length);
  });

  it("is as wide as its text, and escapes what it names", () => {
    const short = badgeSvg({ yearBe: 2568, total: 50, level: null });
    const long = badgeSvg({ yearBe: 2568, total: 50, level: "ผ่านดีเยี่ยม" });
    expect(widthOf(long) - widthOf(short)).toBeGreaterThan(60);
    expect(badgeSvg(null)).toContain("<title>ITA โปร่งใส: รายงานมาตรการ</title>");
    expect(badgeSvg({ yearBe: 2568, total: null, level: `<a href="x">` })).toContain("&#60;a href=&#34;x&#34;&#62;");
  });
});
