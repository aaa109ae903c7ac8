/**
 * The report's charts as PNG pictures, drawn in pure TypeScript (no canvas, no browser, no fonts):
 * a small RGB raster with rectangles, dashed lines and a 5×7 bitmap font for digits, encoded as
 * PNG with fflate's zlib. Chinese words (title, legend, group names) are not drawn: the report
 * prints them as text beside the picture (FigureBlock.note), where Word renders them properly.
 */
import { zlibSync } from "fflate";
import type { ChartData } from "../../workbook/charts/data";

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

  /** Digits, ".", "-", "%" in the 5×7 font, scaled; (x, y) is the top-left corner. */
  text(s: string, x: number, y: number, color: string, scale = 2): void {
    let cx = x;
    for (const ch of s) {
      const glyph = FONT[ch];
      if (glyph) {
        for (let row = 0; row < 7; row++) {
          for (let col = 0; col < 5; col++) {
            if (glyph[row] & (1 << (4 - col))) this.fillRect(cx + col * scale, y + row * scale, scale, scale, color);
          }
        }
      }
      cx += 6 * scale;
    }
  }

  static textWidth(s: string, scale = 2): number {
    return s.length * 6 * scale - scale;
  }
}

/** 5×7 glyphs, one byte per row, bit 4 = leftmost pixel. */
const FONT: Record<string, number[]> = {
  "0": [0x0e, 0x11, 0x13, 0x15, 0x19, 0x11, 0x0e],
  "1": [0x04, 0x0c, 0x04, 0x04, 0x04, 0x04, 0x0e],
  "2": [0x0e, 0x11, 0x01, 0x02, 0x04, 0x08, 0x1f],
  "3": [0x1f, 0x02, 0x04, 0x02, 0x01, 0x11, 0x0e],
  "4": [0x02, 0x06, 0x0a, 0x12, 0x1f, 0x02, 0x02],
  "5": [0x1f, 0x10, 0x1e, 0x01, 0x01, 0x11, 0x0e],
  "6": [0x06, 0x08, 0x10, 0x1e, 0x11, 0x11, 0x0e],
  "7": [0x1f, 0x01, 0x02, 0x04, 0x08, 0x08, 0x08],
  "8": [0x0e, 0x11, 0x11, 0x0e, 0x11, 0x11, 0x0e],
  "9": [0x0e, 0x11, 0x11, 0x0f, 0x01, 0x02, 0x0c],
  ".": [0x00, 0x00, 0x00, 0x00, 0x00, 0x0c, 0x0c],
  "-": [0x00, 0x00, 0x00, 0x1f, 0x00, 0x00, 0x00],
  "%": [0x18, 0x19, 0x02, 0x04, 0x08, 0x13, 0x03],
  "C": [0x0e, 0x11, 0x10, 0x10, 0x10, 0x11, 0x0e],
  "V": [0x11, 0x11, 0x11, 0x11, 0x11, 0x0a, 0x04],
};

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

/** Short digit label of a category: "指标101" / "小学101" → "101"; others (综合) → "CV". */
function categoryLabel(c: string): string {
  const m = /(\d+)$/.exec(c);
  return m ? m[1] : "CV";
}

export const CHART_SIZE = { width: 1000, height: 500 } as const;

/** Draw a chart (bars clustered or stacked, lines as dashed horizontals per category). */
export function drawChart(chart: ChartData, width: number = CHART_SIZE.width, height: number = CHART_SIZE.height): Raster {
  const r = new Raster(width, height);
  const left = 110;
  const right = 30;
  const top = 30;
  const bottom = chart.groups ? 90 : 60;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const bars = chart.series.filter((s) => s.kind === "bar");
  const lines = chart.series.filter((s) => s.kind === "line");
  const n = chart.categories.length;
  let max = 0;
  for (let i = 0; i < n; i++) {
    if (chart.stacked) max = Math.max(max, bars.reduce((t, s) => t + (s.values[i] ?? 0), 0));
    else for (const s of bars) max = Math.max(max, s.values[i] ?? 0);
    for (const s of lines) max = Math.max(max, s.values[i] ?? 0);
  }
  const { top: axisTop, step } = niceAxis(max * 1.05);
  const y = (v: number) => top + plotH - (v / axisTop) * plotH;
  const decimals = chart.numberFormat === "0" ? 0 : decimalsOf(step);
  // Grid and value labels.
  for (let v = 0; v <= axisTop + 1e-9; v += step) {
    const yy = Math.round(y(v));
    r.hline(left, left + plotW, yy, v === 0 ? "#404040" : "#D9D9D9", v === 0 ? 2 : 1);
    const label = v.toFixed(decimals);
    r.text(label, left - 12 - Raster.textWidth(label), yy - 7, "#404040");
  }
  r.vline(left, top, top + plotH + 1, "#404040", 2);
  // Bars.
  const slot = plotW / n;
  const inner = slot * 0.7;
  for (let i = 0; i < n; i++) {
    const x0 = left + i * slot + (slot - inner) / 2;
    if (chart.stacked) {
      let base = 0;
      for (const s of bars) {
        const v = s.values[i] ?? 0;
        if (v > 0) r.fillRect(x0, y(base + v), inner, y(base) - y(base + v), s.color);
        base += v;
      }
      const total = String(Math.round(base));
      r.text(total, x0 + inner / 2 - Raster.textWidth(total) / 2, y(base) - 20, "#404040");
    } else {
      const w = inner / Math.max(1, bars.length);
      bars.forEach((s, k) => {
        const v = s.values[i];
        if (v === null || v === undefined) return;
        r.fillRect(x0 + k * w + 1, y(v), w - 2, y(0) - y(v), s.color);
      });
    }
    const label = categoryLabel(chart.categories[i]);
    r.text(label, left + i * slot + slot / 2 - Raster.textWidth(label) / 2, top + plotH + 12, "#404040");
  }
  // Lines (limits): dashed, across the plot.
  for (const s of lines) {
    const v = s.values.find((x) => x !== null);
    if (v === null || v === undefined) continue;
    r.hline(left, left + plotW, Math.round(y(v)) - 1, s.color, 3, 12);
  }
  // Group brackets (status chart: 小学 | 初中) drawn as a line under each group.
  if (chart.groups) {
    for (const g of chart.groups) {
      const x0 = left + g.from * slot + 6;
      const x1 = left + (g.to + 1) * slot - 6;
      r.hline(x0, x1, top + plotH + 40, "#404040", 3);
    }
    for (let k = 1; k < chart.groups.length; k++) {
      r.vline(Math.round(left + chart.groups[k].from * slot), top, top + plotH, "#A6A6A6", 2);
    }
  }
  return r;
}

/** PNG of a chart, ready for the report. */
export function chartPng(chart: ChartData): { png: Uint8Array; width: number; height: number } {
  const raster = drawChart(chart);
  return { png: encodePng(raster), width: raster.width, height: raster.height };
}
