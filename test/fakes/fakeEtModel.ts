/// <reference types="et-jsapi-declare" />
/**
 * The document model of the fake ET (test/fakes/fakeEt.ts): sheets, cells, the session with its
 * switches and call counter, the typing rules of a cell, and observations for tests.
 */

import { fakeColumnName, type FakeArea } from "./fakeExcel";
import type { FakeEt } from "./fakeEt";

export type EtValue = string | number | boolean;

export interface EtCellData {
  value?: EtValue;
  formula?: string;
  /** Entered with a leading apostrophe. */
  prefix?: boolean;
  numberFormat?: string;
  /** BGR. */
  fill?: number;
  bold?: boolean;
  fontColor?: number;
  wrap?: boolean;
  halign?: number;
  border?: boolean;
}

export interface FakeEtOptions {
  bulkWrites?: "on" | "firstRow" | "throw";
  /** How members that differ between builds are exposed: `Worksheet.ChartObjects`, `Range.Address`. */
  memberForm?: "method" | "property";
}

export interface FakeEtChartRecord {
  name: string;
  left: number;
  top: number;
  width: number;
  height: number;
  type: number;
  source: string | null;
  plotBy: number | null;
  title: string | null;
  legend: number | null;
  series: { type: number | null; fill: number | null; line: number | null; dash: number | null }[];
}

export interface FakeEtCondition {
  areas: FakeArea[];
  type: number;
  /** As stored, with its "=". */
  formula: string;
  fill: number | null;
  font: number | null;
  /** FormatCondition.NumberFormat as set; null when never set (the cell's own format shows). */
  numberFormat: string | null;
  /** The active cell when the rule was added ("H4"), or null when its sheet was not active. */
  relativeTo: string | null;
}

export const MAX_COLS = 16384;
/** Default row height (points) and the width of one character of the default font (pixels). */
export const ROW_POINTS = 13.5;
export const DEFAULT_WIDTH = 8.38;

export function bgrToHex(n: number): string {
  const hex = (x: number) => x.toString(16).padStart(2, "0").toUpperCase();
  return `#${hex(n & 255)}${hex((n >> 8) & 255)}${hex((n >> 16) & 255)}`;
}

export function cellName(row: number, col: number): string {
  return `${fakeColumnName(col)}${row + 1}`;
}

/** ET's errors carry an HRESULT-like number and an English or localised text. */
export class FakeEtError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EtError";
  }
}

export class FakeEtSheet {
  readonly cells = new Map<number, EtCellData>();
  merges: FakeArea[] = [];
  /** Column widths in characters. */
  readonly widths = new Map<number, number>();
  split = { rows: 0, cols: 0 };
  frozen: { rows: number; cols: number } | null = null;
  tabColor: number | null = null;
  validations: { area: FakeArea; list: string }[] = [];
  readonly comments = new Map<string, string>();
  charts: FakeEtChartRecord[] = [];
  conditions: FakeEtCondition[] = [];
  protectContents = false;
  selection: string | null = null;
  activeCell = "A1";
  constructor(public name: string) {}

  cell(row: number, col: number): EtCellData | undefined {
    return this.cells.get(row * MAX_COLS + col);
  }
  touch(row: number, col: number): EtCellData {
    const k = row * MAX_COLS + col;
    let c = this.cells.get(k);
    if (!c) this.cells.set(k, (c = {}));
    return c;
  }
  /** Sets values from a 2-D array at A1 (test set-up; no typing rules). */
  put(rows: (EtValue | null)[][], at = { row: 0, col: 0 }): this {
    rows.forEach((line, i) =>
      line.forEach((v, j) => {
        if (v !== null && v !== "") this.touch(at.row + i, at.col + j).value = v;
      }),
    );
    return this;
  }
  /** Bounding box of every cell with a value or a format (Excel's and ET's used range). */
  usedArea(): FakeArea | null {
    let r1 = Infinity,
      c1 = Infinity,
      r2 = -1,
      c2 = -1;
    for (const [k, c] of this.cells) {
      if (!Object.keys(c).length) continue;
      const r = Math.floor(k / MAX_COLS);
      const col = k % MAX_COLS;
      r1 = Math.min(r1, r);
      r2 = Math.max(r2, r);
      c1 = Math.min(c1, col);
      c2 = Math.max(c2, col);
    }
    return r2 < 0 ? null : { row: r1, col: c1, rows: r2 - r1 + 1, cols: c2 - c1 + 1 };
  }
  columnPoints(col: number): number {
    return Math.trunc((this.widths.get(col) ?? DEFAULT_WIDTH) * 7 + 5) * 0.75;
  }
}

export class FakeEtBook {
  sheets: FakeEtSheet[] = [];
  active = 0;
  protectStructure = false;
  readonly names = new Map<string, { name: string; refersTo: string; visible: boolean }>();
  /** Custom document properties, by name. */
  readonly properties = new Map<string, string>();
  private serial = 0;

  static from(sheets: Record<string, (EtValue | null)[][]>): FakeEtBook {
    const b = new FakeEtBook();
    for (const [name, rows] of Object.entries(sheets)) b.add(name).put(rows);
    return b;
  }
  add(name?: string, at = this.sheets.length): FakeEtSheet {
    const s = new FakeEtSheet(name ?? this.freshName());
    this.sheets.splice(at, 0, s);
    return s;
  }
  freshName(): string {
    let n: string;
    do n = `Sheet${++this.serial}`;
    while (this.find(n));
    return n;
  }
  find(name: string): FakeEtSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
  sheet(name: string): FakeEtSheet {
    const s = this.find(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }
  get activeSheet(): FakeEtSheet {
    return this.sheets[this.active];
  }
}

/** Base of every proxy: counts each member it serves as "Class.member". */
export abstract class EtObject {
  constructor(protected readonly et: FakeEt) {}
  protected tick(name: string): void {
    this.et.tick(`${this.constructor.name.replace(/^FakeEt/, "")}.${name}`);
  }
}


const NUMERIC = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;
const GROUPED = /^\s*[+-]?\d{1,3}(,\d{3})+(\.\d*)?\s*$/;

/** What typing `v` into a cell with number format `fmt` stores. */
export function typed(v: unknown, fmt: string | undefined): EtCellData {
  if (v === null || v === undefined || v === "") return {};
  if (typeof v === "number" || typeof v === "boolean") return { value: v };
  const s = String(v);
  if (fmt === "@") return { value: s };
  if (s.startsWith("'")) return s.length > 1 ? { value: s.slice(1), prefix: true } : {};
  if (NUMERIC.test(s)) return { value: Number(s) };
  if (GROUPED.test(s)) return { value: Number(s.replace(/,/g, "")) };
  if (/^\s*[+-]?\d+(\.\d+)?%\s*$/.test(s)) return { value: Number(s.trim().replace("%", "")) / 100, numberFormat: "0%" };
  if (/^(true|false)$/i.test(s.trim())) return { value: s.trim().toUpperCase() === "TRUE" };
  if (/^[=+-]/.test(s)) return { formula: s.startsWith("=") ? s : `=${s}`, value: "#NAME?" };
  return { value: s };
}


export function abs(row: number, col: number): string {
  return `$${fakeColumnName(col)}$${row + 1}`;
}

export function overlaps(a: FakeArea, b: FakeArea): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}


// ------------------------------------------------------------------------------------------------
// Observations for tests
// ------------------------------------------------------------------------------------------------

/** Values of A1..used range ("" for empty), as a person sees them. */
export function etGrid(s: FakeEtSheet): EtValue[][] {
  const used = s.usedArea();
  const rows = used ? used.row + used.rows : 0;
  const cols = used ? used.col + used.cols : 0;
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => s.cell(r, c)?.value ?? ""));
}

/** Every cell with a fill, "A1" → "#RRGGBB". */
export function etFills(s: FakeEtSheet): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, c] of s.cells) if (c.fill !== undefined) out.set(cellName(Math.floor(k / MAX_COLS), k % MAX_COLS), bgrToHex(c.fill));
  return out;
}

/** Every number format other than General, "A1" → format. */
export function etFormats(s: FakeEtSheet): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, c] of s.cells) if (c.numberFormat && c.numberFormat !== "General") out.set(cellName(Math.floor(k / MAX_COLS), k % MAX_COLS), c.numberFormat);
  return out;
}
