/**
 * The report's charts as PNG pictures, drawn in pure TypeScript (no canvas, no browser, no font
 * file): a small RGB raster with rectangles, patterns and dashed lines, and text in glyphs bundled
 * with the code (glyphs.ts, rasterised once from WenQuanYi Micro Hei by scripts/make-chart-glyphs.js),
 * encoded as PNG with fflate's zlib. Each picture carries its Chinese title, axis labels and legend,
 * and its series differ by pattern or dash as well as by colour, for black-and-white print.
 */
import { zlibSync } from "fflate";
import type { ChartData } from "../../workbook/charts/data";
import { GLYPHS, GLYPH_HEIGHT, GLYPH_SIZE } from "./glyphs";

export class Raster {
  readonly data: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.data = new Uint8Array(width * height * 3).fill(255);
  }

  fillRect(x: number, y: number, w: number, h: number, color: string): void {
    const [r, g, b] = rgb(color);
    const x0 = Math.max(0, Math.round(x));
    const y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.width, Math.round(x + w));
    const y1 = Math.min(this.height, Math.round(y + h));
    for (let yy = y0; yy < y1; yy++) {
      let i = (yy * this.width + x0) * 3;
      for (let xx = x0; xx < x1; xx++) {
        this.data[i++] = r;
        this.data[i++] = g;
        this.data[i++] = b;
      }
    }
  }

  /** Horizontal line, optionally dashed. */
  hline(x0: number, x1: number, y: number, color: string, thickness = 1, dash = 0): void {
    if (!dash) return this.fillRect(x0, y, x1 - x0, thickness, color);
    for (let x = x0; x < x1; x += dash * 2) this.fillRect(x, y, Math.min(dash, x1 - x), thickness, color);
  }

  vline(x: number, y0: number, y1: number, color: string, thickness = 1): void {
    this.fillRect(x, y0, thickness, y1 - y0, color);
  }

  /** Blend `color` into a pixel with coverage `alpha` (0–1). */
  blend(x: number, y: number, color: [number, number, number], alpha: number): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height || alpha <= 0) return;
    const i = (y * this.width + x) * 3;
    for (let k = 0; k < 3; k++) this.data[i + k] = Math.round(this.data[i + k] * (1 - alpha) + color[k] * alpha);
  }

  /** Text in the bundled glyphs (glyphs.ts); (x, y) is the top-left corner of the line. Returns the width. */
  text(s: string, x: number, y: number, color: string): number {
    const c = rgb(color);
    let cx = Math.round(x);
    const y0 = Math.round(y);
    for (const ch of s) {
      const g = glyph(ch);
      if (!g) {
        cx += Math.round(GLYPH_SIZE / 2);
        continue;
      }
      for (let row = 0; row < GLYPH_HEIGHT; row++) {
        for (let col = 0; col < g.width; col++) {
          const v = g.levels[row * g.width + col];
          if (v) this.blend(cx + col, y0 + row, c, v / 15);
        }
      }
      cx += g.width;
    }
    return cx - Math.round(x);
  }

  static textWidth(s: string): number {
    let w = 0;
    for (const ch of s) w += glyph(ch)?.width ?? Math.round(GLYPH_SIZE / 2);
    return w;
  }

  /** A filled rectangle with a pattern drawn over it in `ink`, so that print in black and white tells series apart. */
  patternRect(x: number, y: number, w: number, h: number, fill: string, pattern: Pattern, ink = "#000000"): void {
    this.fillRect(x, y, w, h, fill);
    const x0 = Math.max(0, Math.round(x));
    const y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.width, Math.round(x + w));
    const y1 = Math.min(this.height, Math.round(y + h));
    if (pattern !== "solid") {
      const [r, g, b] = rgb(ink);
      for (let yy = y0; yy < y1; yy++) {
        let i = (yy * this.width + x0) * 3;
        for (let xx = x0; xx < x1; xx++, i += 3) {
          const on = pattern === "hatch" ? (xx + yy) % 10 < 2 : xx % 10 < 2 || yy % 10 < 2;
          if (!on) continue;
          this.data[i] = r;
          this.data[i + 1] = g;
          this.data[i + 2] = b;
        }
      }
    }
    // A dark outline keeps neighbouring bars apart in any print.
    if (x1 - x0 > 2 && y1 - y0 > 1) {
      this.fillRect(x0, y0, x1 - x0, 1, "#000000");
      this.fillRect(x0, y1 - 1, x1 - x0, 1, "#000000");
      this.fillRect(x0, y0, 1, y1 - y0, "#000000");
      this.fillRect(x1 - 1, y0, 1, y1 - y0, "#000000");
    }
  }

  /** Horizontal line with a dash pattern: [on, off, on, off …] in pixels. */
  dashLine(x0: number, x1: number, y: number, color: string, thickness: number, dashes: number[]): void {
    let x = x0;
    let k = 0;
    while (x < x1) {
      const len = dashes[k % dashes.length];
      if (k % 2 === 0) this.fillRect(x, y, Math.min(len, x1 - x), thickness, color);
      x += len;
      k++;
    }
  }
}

export type Pattern = "solid" | "hatch" | "cross";

const glyphCache = new Map<string, { width: number; levels: Uint8Array } | null>();

/** A bundled glyph, decoded once (4-bit coverage, two pixels a byte). */
function glyph(ch: string): { width: number; levels: Uint8Array } | null {
  let g = glyphCache.get(ch);
  if (g !== undefined) return g;
  const entry = GLYPHS[ch];
  if (!entry) g = null;
  else {
    const [width, b64] = entry;
    const bin = atob(b64);
    const levels = new Uint8Array(width * GLYPH_HEIGHT);
    for (let i = 0; i < levels.length; i++) {
      const byte = bin.charCodeAt(i >> 1);
      levels[i] = i & 1 ? byte & 15 : byte >> 4;
    }
    g = { width, levels };
  }
  glyphCache.set(ch, g);
  return g;
}

/** Whether every character of a text has a bundled glyph (tests; the charts draw only such texts). */
export function hasGlyphs(s: string): boolean {
  return [...s].every((ch) => ch === " " || GLYPHS[ch] !== undefined);
}

function rgb(color: string): [number, number, number] {
  const n = parseInt(color.replace("#", ""), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

// --- PNG encoding -----------------------------------------------------------------------------

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** Encode an RGB raster as PNG (8-bit truecolour, filter 0 on every row). */
export function encodePng(r: Raster): Uint8Array {
  const header = new Uint8Array(13);
  const hv = new DataView(header.buffer);
  hv.setUint32(0, r.width);
  hv.setUint32(4, r.height);
  header.set([8, 2, 0, 0, 0], 8);
  const rowLen = r.width * 3;
  const raw = new Uint8Array((rowLen + 1) * r.height);
  for (let y = 0; y < r.height; y++) raw.set(r.data.subarray(y * rowLen, (y + 1) * rowLen), y * (rowLen + 1) + 1);
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlibSync(raw, { level: 4 })),
    chunk("IEND", new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

// --- Chart drawing ----------------------------------------------------------------------------

/** A "nice" axis maximum and step for values up to `max`. */
export function niceAxis(max: number, ticks = 5): { top: number; step: number } {
  if (!(max > 0)) return { top: 1, step: 0.2 };
  const raw = max / ticks;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  return { top: Math.ceil(max / step - 1e-9) * step, step };
}

function decimalsOf(step: number): number {
  for (let d = 0; d < 6; d++) if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-9) return d;
  return 6;
}

/** Label of a category under the axis: "指标101" / "小学101" → "101"; others as they are (综合). */
function categoryLabel(c: string): string {
  const m = /(\d+)$/.exec(c);
  return m ? m[1] : c;
}

export const CHART_SIZE = { width: 1000, height: 600 } as const;

const INK = "#000000";
const GREY = "#404040";

/** How each series is told apart without colour: bars by pattern, lines by dash, in series order. */
export const BAR_PATTERNS: readonly Pattern[] = ["solid", "hatch", "cross"];
export const LINE_DASHES: readonly number[][] = [
  [18, 8],
  [18, 6, 4, 6],
];
/** Patterned bars are white with the pattern drawn over them in the series colour, darkened for print. */
const LIGHT: Record<string, string> = { hatch: "#FFFFFF", cross: "#FFFFFF" };
function darker(color: string): string {
  const [r, g, b] = rgb(color);
  return "#" + [r, g, b].map((v) => Math.round(v * 0.6).toString(16).padStart(2, "0")).join("");
}

/** Y-axis caption above the axis: the chart's unit. */
export function axisCaption(chart: ChartData): string {
  return chart.id === "cv" ? "差异系数" : "学校数（所）";
}

/** Legend entries: name and how the series is drawn. */
function legendOf(chart: ChartData): { name: string; bar?: { color: string; pattern: Pattern }; line?: { color: string; dashes: number[] } }[] {
  let b = 0;
  let l = 0;
  return chart.series.map((s) =>
    s.kind === "bar"
      ? { name: s.name, bar: { color: s.color, pattern: BAR_PATTERNS[b++ % BAR_PATTERNS.length] } }
      : { name: s.name, line: { color: s.color, dashes: LINE_DASHES[l++ % LINE_DASHES.length] } },
  );
}

/** The plot area of a chart (tests read positions from it). */
export function plotArea(chart: ChartData, width: number = CHART_SIZE.width, height: number = CHART_SIZE.height) {
  const left = 90;
  const right = 30;
  const top = 150;
  const bottom = chart.groups ? 110 : 80;
  const w = width - left - right;
  const h = height - top - bottom;
  return { left, top, width: w, height: h, slot: w / chart.categories.length };
}

/** Every text a chart draws (tests check that each has glyphs). */
export function chartTexts(chart: ChartData): string[] {
  return [chart.title, axisCaption(chart), "指标", ...chart.series.map((s) => s.name), ...chart.categories.map(categoryLabel), ...(chart.groups ?? []).map((g) => g.label)];
}

/** Draw a chart: title, legend, axis caption, bars (clustered or stacked), limit lines, labels. */
export function drawChart(chart: ChartData, width: number = CHART_SIZE.width, height: number = CHART_SIZE.height): Raster {
  const r = new Raster(width, height);
  const p = plotArea(chart, width, height);
  const bars = chart.series.filter((s) => s.kind === "bar");
  const lines = chart.series.filter((s) => s.kind === "line");
  const legend = legendOf(chart);
  const barStyle = new Map(legend.filter((e) => e.bar).map((e, i) => [bars[i], e.bar!]));
  const lineStyle = new Map(legend.filter((e) => e.line).map((e, i) => [lines[i], e.line!]));
  const n = chart.categories.length;
  let max = 0;
  for (let i = 0; i < n; i++) {
    if (chart.stacked) max = Math.max(max, bars.reduce((t, s) => t + (s.values[i] ?? 0), 0));
    else for (const s of bars) max = Math.max(max, s.values[i] ?? 0);
    for (const s of lines) max = Math.max(max, s.values[i] ?? 0);
  }
  const { top: axisTop, step } = niceAxis(max * 1.05);
  const y = (v: number) => p.top + p.height - (v / axisTop) * p.height;
  const decimals = chart.numberFormat === "0" ? 0 : decimalsOf(step);

  // Title, centred; legend row under it.
  r.text(chart.title, (width - Raster.textWidth(chart.title)) / 2, 14, INK);
  const items = legend.map((e) => ({ ...e, w: 44 + Raster.textWidth(e.name) + 28 }));
  let lx = (width - items.reduce((t, e) => t + e.w, 0)) / 2;
  for (const e of items) {
    const ly = 62;
    if (e.bar) r.patternRect(lx, ly + 3, 36, 20, LIGHT[e.bar.pattern] ?? e.bar.color, e.bar.pattern, darker(e.bar.color));
    if (e.line) r.dashLine(lx, lx + 36, ly + 12, e.line.color, 3, e.line.dashes);
    r.text(e.name, lx + 44, ly, GREY);
    lx += e.w;
  }
  // Axis caption above the value axis.
  r.text(axisCaption(chart), p.left - 40, p.top - 42, GREY);

  // Grid and value labels.
  for (let v = 0; v <= axisTop + 1e-9; v += step) {
    const yy = Math.round(y(v));
    r.hline(p.left, p.left + p.width, yy, v === 0 ? GREY : "#D9D9D9", v === 0 ? 2 : 1);
    const label = v.toFixed(decimals);
    r.text(label, p.left - 10 - Raster.textWidth(label), yy - GLYPH_HEIGHT / 2, GREY);
  }
  r.vline(p.left, p.top, p.top + p.height + 1, GREY, 2);

  // Bars.
  const inner = p.slot * 0.7;
  for (let i = 0; i < n; i++) {
    const x0 = p.left + i * p.slot + (p.slot - inner) / 2;
    if (chart.stacked) {
      let base = 0;
      for (const s of bars) {
        const v = s.values[i] ?? 0;
        const st = barStyle.get(s)!;
        if (v > 0) r.patternRect(x0, y(base + v), inner, y(base) - y(base + v), LIGHT[st.pattern] ?? s.color, st.pattern, darker(s.color));
        base += v;
      }
      const total = String(Math.round(base));
      r.text(total, x0 + inner / 2 - Raster.textWidth(total) / 2, y(base) - GLYPH_HEIGHT - 2, GREY);
    } else {
      const w = inner / Math.max(1, bars.length);
      bars.forEach((s, k) => {
        const v = s.values[i];
        if (v === null || v === undefined) return;
        const st = barStyle.get(s)!;
        r.patternRect(x0 + k * w + 1, y(v), w - 2, y(0) - y(v), LIGHT[st.pattern] ?? s.color, st.pattern, darker(s.color));
      });
    }
    const label = categoryLabel(chart.categories[i]);
    r.text(label, p.left + i * p.slot + p.slot / 2 - Raster.textWidth(label) / 2, p.top + p.height + 8, GREY);
  }
  // Axis caption of the categories, left of the first label.
  r.text("指标", p.left - 10 - Raster.textWidth("指标"), p.top + p.height + 8, GREY);

  // Limit lines across the plot, each with its own dash.
  for (const s of lines) {
    const v = s.values.find((x) => x !== null);
    if (v === null || v === undefined) continue;
    r.dashLine(p.left, p.left + p.width, Math.round(y(v)) - 1, s.color, 3, lineStyle.get(s)!.dashes);
  }

  // Groups (status chart: 小学 | 初中): a bracket line and the label under each group.
  if (chart.groups) {
    for (const g of chart.groups) {
      const x0 = p.left + g.from * p.slot + 6;
      const x1 = p.left + (g.to + 1) * p.slot - 6;
      const gy = p.top + p.height + 8 + GLYPH_HEIGHT + 6;
      r.hline(x0, x1, gy, GREY, 2);
      r.text(g.label, (x0 + x1) / 2 - Raster.textWidth(g.label) / 2, gy + 6, INK);
    }
    for (let k = 1; k < chart.groups.length; k++) r.vline(Math.round(p.left + chart.groups[k].from * p.slot), p.top, p.top + p.height, "#A6A6A6", 2);
  }
  return r;
}

/** PNG of a chart, ready for the report. */
export function chartPng(chart: ChartData): { png: Uint8Array; width: number; height: number } {
  const raster = drawChart(chart);
  return { png: encodePng(raster), width: raster.width, height: raster.height };
}
