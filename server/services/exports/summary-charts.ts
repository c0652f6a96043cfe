// The summary PDF's charts, drawn with pdfkit's vector primitives (no browser, no images): a
// horizontal bar chart (levels), a column chart (score histogram) and a line chart (trend).
// Each draws at the flow's height, moving to a new page when it does not fit, and leaves the
// flow below it. Labels are real text in the document's digits.
import { Flow, lineHeight, textWidth, type TextStyle } from "./pdf-layout";

const TITLE: TextStyle = { font: "bold", size: 11 };
const LABEL: TextStyle = { font: "regular", size: 8.5 };
const AXIS_TITLE: TextStyle = { font: "bold", size: 8.5 };
const GRID = "#d1d5db";
const BAR = "#0f766e";

/** Round tick values from 0 covering `max`: steps of 1, 2 or 5 times a power of ten. */
export function niceTicks(max: number, target = 5): number[] {
  if (max <= 0) return [0, 1];
  const raw = max / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= raw)!;
  const ticks = [];
  for (let value = 0; value < max + step; value += step) ticks.push(Math.round(value * 1e6) / 1e6);
  return ticks;
}

function chartTitle(flow: Flow, title: string) {
  flow.draw({ text: flow.localize(title), style: TITLE, x: flow.left });
  flow.y += lineHeight(TITLE) + 4;
}

/** Horizontal bars with the label on the left and the count at the end of each bar. */
export function drawBarChart(flow: Flow, options: { title: string; axisTitle: string; bars: { label: string; value: number }[] }) {
  const { doc } = flow;
  const barHeight = 14;
  const gap = 6;
  const plotHeight = options.bars.length * (barHeight + gap);
  const height = lineHeight(TITLE) + 4 + plotHeight + 2 * lineHeight(LABEL) + 8;
  flow.ensure(height);
  chartTitle(flow, options.title);
  const labels = options.bars.map((bar) => flow.localize(bar.label));
  const labelWidth = Math.max(...labels.map((label) => textWidth(doc, label, LABEL))) + 8;
  const x0 = flow.left + labelWidth;
  const plotWidth = flow.width - labelWidth - 30;
  const ticks = niceTicks(Math.max(1, ...options.bars.map((bar) => bar.value)));
  const scale = (value: number) => (value / ticks.at(-1)!) * plotWidth;
  const top = flow.y;
  doc.save().lineWidth(0.5).strokeColor(GRID);
  for (const tick of ticks) doc.moveTo(x0 + scale(tick), top).lineTo(x0 + scale(tick), top + plotHeight).stroke();
  doc.restore();
  options.bars.forEach((bar, index) => {
    const y = top + index * (barHeight + gap) + gap / 2;
    const labelTop = y + (barHeight - lineHeight(LABEL)) / 2;
    flow.draw({ text: labels[index]!, style: LABEL, x: x0 - 4 - textWidth(doc, labels[index]!, LABEL) }, labelTop);
    if (bar.value > 0) doc.save().rect(x0, y, scale(bar.value), barHeight).fill(BAR).restore();
    flow.draw({ text: flow.number(bar.value), style: LABEL, x: x0 + scale(bar.value) + 4 }, labelTop);
  });
  doc.save().lineWidth(0.8).moveTo(x0, top).lineTo(x0, top + plotHeight).lineTo(x0 + plotWidth, top + plotHeight).stroke().restore();
  for (const tick of ticks) {
    flow.draw({ text: flow.number(tick), style: LABEL, x: x0 + scale(tick), centered: true }, top + plotHeight + 2);
  }
  flow.draw({ text: options.axisTitle, style: AXIS_TITLE, x: x0 + plotWidth / 2, centered: true }, top + plotHeight + 2 + lineHeight(LABEL));
  flow.y = top + plotHeight + 2 * lineHeight(LABEL) + 8;
}

type Axes = { x0: number; y0: number; width: number; height: number; yMin: number; yMax: number };

/** The y axis with its grid lines and tick labels, and the axis titles. */
function drawAxes(flow: Flow, axes: Axes, ticks: number[], titles: { x: string; y: string }, format: (value: number) => string) {
  const { doc } = flow;
  const y = (value: number) => axes.y0 - ((value - axes.yMin) / (axes.yMax - axes.yMin)) * axes.height;
  doc.save().lineWidth(0.5).strokeColor(GRID);
  for (const tick of ticks) doc.moveTo(axes.x0, y(tick)).lineTo(axes.x0 + axes.width, y(tick)).stroke();
  doc.restore();
  doc.save().lineWidth(0.8).moveTo(axes.x0, axes.y0 - axes.height).lineTo(axes.x0, axes.y0).lineTo(axes.x0 + axes.width, axes.y0).stroke().restore();
  for (const tick of ticks) {
    const label = format(tick);
    flow.draw({ text: label, style: LABEL, x: axes.x0 - 4 - textWidth(doc, label, LABEL) }, y(tick) - lineHeight(LABEL) / 2);
  }
  flow.draw({ text: titles.x, style: AXIS_TITLE, x: axes.x0 + axes.width / 2, centered: true }, axes.y0 + 2 + lineHeight(LABEL));
  // The y title reads upwards along the axis.
  doc.save().rotate(-90, { origin: [flow.left, axes.y0 - axes.height / 2] });
  flow.draw({ text: titles.y, style: AXIS_TITLE, x: flow.left, centered: true }, axes.y0 - axes.height / 2);
  doc.restore();
  return y;
}

const PLOT_HEIGHT = 130;
const Y_AXIS_ROOM = 46;

function plotArea(flow: Flow, title: string): Axes & { top: number } {
  const height = lineHeight(TITLE) + 4 + PLOT_HEIGHT + 2 * lineHeight(LABEL) + 10;
  flow.ensure(height);
  chartTitle(flow, title);
  const top = flow.y + lineHeight(LABEL) / 2;
  return { top, x0: flow.left + Y_AXIS_ROOM, y0: top + PLOT_HEIGHT, width: flow.width - Y_AXIS_ROOM - 10, height: PLOT_HEIGHT, yMin: 0, yMax: 1 };
}

/** Vertical columns, one per bin, with the count above each column. */
export function drawColumnChart(
  flow: Flow,
  options: { title: string; axisTitles: { x: string; y: string }; columns: { label: string; value: number }[] },
) {
  const { doc } = flow;
  const area = plotArea(flow, options.title);
  const ticks = niceTicks(Math.max(1, ...options.columns.map((column) => column.value)), 4);
  const axes = { ...area, yMax: ticks.at(-1)! };
  const y = drawAxes(flow, axes, ticks, options.axisTitles, (value) => flow.number(value));
  const slot = axes.width / options.columns.length;
  options.columns.forEach((column, index) => {
    const x = axes.x0 + index * slot;
    if (column.value > 0) {
      doc.save().rect(x + slot * 0.15, y(column.value), slot * 0.7, axes.y0 - y(column.value)).fill(BAR).restore();
      flow.draw({ text: flow.number(column.value), style: LABEL, x: x + slot / 2, centered: true }, y(column.value) - lineHeight(LABEL));
    }
    flow.draw({ text: flow.localize(column.label), style: { ...LABEL, size: 7 }, x: x + slot / 2, centered: true }, axes.y0 + 2);
  });
  flow.y = axes.y0 + 2 * lineHeight(LABEL) + 10;
}

export type LineSeries = { name: string; color: string; dash?: boolean; points: (number | null)[] };

/** Lines over categories (fiscal years), with a dot at each value and a legend above the plot. */
export function drawLineChart(
  flow: Flow,
  options: { title: string; axisTitles: { x: string; y: string }; categories: string[]; series: LineSeries[]; format: (value: number) => string },
) {
  const { doc } = flow;
  const area = plotArea(flow, options.title);
  const values = options.series.flatMap((series) => series.points.filter((point): point is number => point !== null));
  // Scores: from a round ten below the lowest value up to 100, so differences show.
  const yMin = values.length ? Math.max(0, Math.floor(Math.min(...values) / 10) * 10 - 10) : 0;
  const ticks = niceTicks(100 - yMin, 5).map((tick) => tick + yMin).filter((tick) => tick <= 100);
  const axes = { ...area, yMin, yMax: 100 };
  const y = drawAxes(flow, axes, ticks, options.axisTitles, options.format);
  const slot = axes.width / Math.max(1, options.categories.length);
  const x = (index: number) => axes.x0 + slot * (index + 0.5);
  options.categories.forEach((category, index) =>
    flow.draw({ text: flow.localize(category), style: LABEL, x: x(index), centered: true }, axes.y0 + 2),
  );
  // Legend, right-aligned above the plot.
  let legendX = axes.x0 + axes.width;
  for (const series of [...options.series].reverse()) {
    const name = flow.localize(series.name);
    legendX -= textWidth(doc, name, LABEL) + 24;
    const legendY = area.top - lineHeight(TITLE) - 4 + lineHeight(LABEL) / 2 + 2;
    doc.save().lineWidth(1.5).strokeColor(series.color);
    if (series.dash) doc.dash(3, { space: 2 });
    doc.moveTo(legendX, legendY).lineTo(legendX + 14, legendY).stroke().restore();
    flow.draw({ text: name, style: LABEL, x: legendX + 18 }, legendY - lineHeight(LABEL) / 2);
  }
  for (const series of options.series) {
    doc.save().lineWidth(1.5).strokeColor(series.color).fillColor(series.color);
    if (series.dash) doc.dash(3, { space: 2 });
    let drawing = false;
    series.points.forEach((point, index) => {
      if (point === null) {
        drawing = false;
        return;
      }
      if (drawing) doc.lineTo(x(index), y(point));
      else doc.moveTo(x(index), y(point));
      drawing = true;
    });
    doc.stroke().undash();
    series.points.forEach((point, index) => {
      if (point !== null) doc.circle(x(index), y(point), 2).fill();
    });
    doc.restore();
  }
  flow.y = axes.y0 + 2 * lineHeight(LABEL) + 10;
}
