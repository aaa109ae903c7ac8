/**
 * Turns a WritePlan into a fixed, small number of Office.js batches.
 *
 * Pure (no Office.js): the plan becomes a list of steps, each with an estimate of the bytes it adds
 * to a request (`stepBytes`: its data plus the object paths and actions Office.js queues for it, per op
 * as measured with the real client), then the list is cut, in order, into `WRITE_SYNCS` consecutive
 * batches of similar size. One batch = one `context.sync()`.
 *
 * Why a fixed count: Excel on the web rejects a request over 5 MB, so a 5 000-school plan must be
 * split; splitting a plan of any size into the same number of batches keeps syncs per assessment
 * independent of the number of schools (only a plan over WRITE_SYNCS × MAX_REQUEST_BYTES adds batches).
 */
import type { Area, ChartSpec, ConditionalFill, FormatRun, SheetPlan, WritePlan } from "../../workbook/plan";
import { cellRuns, toExcelValue, type ExcelCell } from "../../workbook/host-cells";

/** Upper bound for one request: Excel on the web rejects 5 MB; keep a margin for envelope and ids. */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;
/** Value blocks are cut into row chunks of at most this many bytes, so batches can be balanced. */
export const VALUE_CHUNK_BYTES = 256 * 1024;
/** Batches per apply. */
export const WRITE_SYNCS = 2;
/** Excel rejects a RangeAreas address longer than 8 192 characters; stay below with the sheet-less form. */
export const MAX_AREAS_ADDRESS = 8000;

/** What Excel can do here (from Office.context.requirements). */
export interface Capabilities {
  /** ExcelApi 1.9: Worksheet.getRanges (RangeAreas) for scattered highlights. */
  rangeAreas: boolean;
  /** ExcelApi 1.8: data validation. */
  dataValidation: boolean;
  /** ExcelApi 1.18 notes, else 1.10 comments, else none. */
  notes: "notes" | "comments" | "none";
  /** ExcelApi 1.6: Application.suspendApiCalculationUntilNextSync. */
  suspendCalculation: boolean;
  /** ExcelApi 1.1: Worksheet.charts (native charts). */
  charts: boolean;
  /** ExcelApi 1.7: ChartSeries.chartType and ChartLineFormat.lineStyle (the dashed limit lines). */
  chartSeriesStyle: boolean;
  /** ExcelApi 1.6: Range.conditionalFormats (the highlights of 学校数据). */
  conditionalFormats: boolean;
}

export type Step =
  | { kind: "delete"; sheet: string }
  /** Add a sheet at a 0-based tab position (a replaced sheet keeps its place). */
  | { kind: "add"; sheet: string; position: number }
  | { kind: "clear"; sheet: string; area: Area }
  | { kind: "values"; sheet: string; row: number; col: number; values: ExcelCell[][] }
  | { kind: "format"; sheet: string; run: FormatRun }
  /** Number formats of a column band, one per cell (consecutive number-format-only runs merged). */
  | { kind: "numberFormats"; sheet: string; row: number; col: number; formats: string[][] }
  | { kind: "fill"; sheet: string; fill: string | null; addresses: string[] }
  | { kind: "merge"; sheet: string; area: Area }
  | { kind: "width"; sheet: string; col: number; points: number }
  | { kind: "freeze"; sheet: string; rows: number; cols: number }
  | { kind: "tab"; sheet: string; color: string }
  | { kind: "validation"; sheet: string; area: Area; list: string[] }
  | { kind: "note"; sheet: string; cell: string; text: string }
  /** A native chart over a table already written on the sheet (replace-mode sheets only). */
  | { kind: "chart"; sheet: string; chart: ChartSpec }
  /** Delete the product's conditional formats (ids of the sheet's whole-range collection, highest first). */
  | { kind: "removeRules"; sheet: string; ids: string[] }
  /** Add one conditional format of type custom (expression). */
  | { kind: "conditionalFill"; sheet: string; fill: ConditionalFill }
  /** Delete a workbook-scoped defined name (a marker). */
  | { kind: "removeName"; name: string }
  /** Add a hidden workbook-scoped defined name referring to an area (a marker). */
  | { kind: "addName"; name: string; sheet: string; area: Area }
  | { kind: "activate"; sheet: string };

export interface WeightedStep {
  step: Step;
  bytes: number;
}

// ------------------------------------------------------------------------------------------------
// Units
// ------------------------------------------------------------------------------------------------

/**
 * Excel column width: characters of the default font's widest digit → points (what
 * RangeFormat.columnWidth takes). Excel: pixels = trunc(chars × 7 + 5) for the 7-pixel digit of
 * Calibri/等线 11; 1 pixel = 0.75 point at 96 dpi. 8.43 characters → 64 px → 48 pt, Excel's default.
 */
export function columnWidthPoints(chars: number): number {
  const pixels = Math.trunc(Math.max(0, chars) * 7 + 5);
  return pixels * 0.75;
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

/** UTF-8 bytes of the JSON of a value. */
function jsonSize(x: unknown): number {
  return utf8Length(JSON.stringify(x) ?? "");
}

/**
 * Request bytes of the object paths and actions Office.js adds for one step, beyond the step's own data,
 * by kind. Measured with Microsoft's client (@microsoft/office-js 1.1.110, excel-web-16.00.debug.js in
 * jsdom with a recording request executor: test/office-js) as the marginal size of one more step in a
 * request whose ids already have six digits (a 5 000-school apply), rounded up by about 15 %. A Range
 * alone is ~250 bytes (its path, the instantiate action, the setter's action with its path list);
 * `format.fill.color` adds two more paths and actions. Every step kind must have its entry here, so a
 * new kind is charged what it costs (the real-client test checks each kind against its estimate).
 */
export const OP_BYTES: { readonly [K in Step["kind"]]: number } = {
  delete: 300,
  add: 300,
  clear: 380,
  values: 280,
  numberFormats: 280,
  format: 260, // the Range; each property adds FORMAT_PROPERTY_BYTES, each border edge BORDER_EDGE_BYTES
  fill: 600, // RangeAreas: one getRanges path; ExcelApi 1.7: FILL_RANGE_BYTES per address instead
  merge: 270,
  width: 460,
  freeze: 340,
  tab: 80,
  validation: 580,
  note: 240,
  chart: 2000, // charts.add, name, title, legend, setPosition; each series adds CHART_SERIES_BYTES
  activate: 80,
  removeRules: 300, // the sheet's conditionalFormats; each id adds REMOVE_RULE_BYTES (measured with three: 1 225 in all)
  conditionalFill: 1750, // the Range, conditionalFormats.add(custom), rule.formula, fill and font colour (measured 1 510 beyond the data)
  removeName: 300, // names.getItem(name).delete() (measured 265)
  addName: 500, // names.add with the reference, then visible = false (measured 460)
};
/** Removing one of the product's conditional-format rules: getItem(id) and delete. */
export const REMOVE_RULE_BYTES = 330;
/** A property a format run sets (bold, font colour, fill, wrap, alignment): paths and a setter (measured 300). */
export const FORMAT_PROPERTY_BYTES = 340;
/** One border edge of a format run (borders.getItem(edge).style; measured 341). */
export const BORDER_EDGE_BYTES = 400;
/** ExcelApi 1.7 highlight: one Range per contiguous run (getRange, format, fill, the setter; measured 600). */
export const FILL_RANGE_BYTES = 680;
/** One chart series (getItemAt, its format and colour, line style; measured 780). */
export const CHART_SERIES_BYTES = 900;

/**
 * Office.js itself splits a 2-D set (values, numberFormat) of more than BULK_CHUNK_CELLS cells into row
 * chunks of round(1 500 / columns) rows, each a Range of its own (getRow, getRow, getBoundingRect: its
 * setRangePropertiesInBulk, ExcelApi 1.3 and later); each chunk costs BULK_CHUNK_BYTES (measured 785).
 */
export const BULK_CHUNK_CELLS = 1500;
export const BULK_CHUNK_BYTES = 880;

/** Per-op bytes of a 2-D set of rows × cols cells (values, number formats), beyond its data. */
export function gridOpBytes(kind: "values" | "numberFormats" | "format", rows: number, cols: number): number {
  const chunks = rows * cols > BULK_CHUNK_CELLS ? Math.ceil(rows / Math.max(1, Math.round(BULK_CHUNK_CELLS / cols))) : 0;
  return OP_BYTES[kind] + chunks * BULK_CHUNK_BYTES;
}

/** Properties of a format run beyond its area and number format, and its border edges. */
function formatCounts(run: FormatRun): { properties: number; edges: number } {
  let properties = 0;
  if (run.bold !== undefined) properties++;
  if (run.fontColor) properties++;
  if (run.fill) properties++;
  if (run.wrap !== undefined) properties++;
  if (run.horizontalAlignment) properties++;
  const edges = run.border ? 4 + (run.cols > 1 ? 1 : 0) + (run.rows > 1 ? 1 : 0) : 0;
  return { properties, edges };
}

/**
 * Request bytes of one step in the Office.js request format: its data (the UTF-8 JSON of the step, which
 * holds what it sends: values, formats, addresses, texts; a format run's number format goes as a full
 * 2-D array) plus the measured per-op cost of its kind (OP_BYTES and the per-part costs above).
 */
export function stepBytes(step: Step, caps: Pick<Capabilities, "rangeAreas">): number {
  const data = jsonSize(step);
  switch (step.kind) {
    case "format": {
      const { properties, edges } = formatCounts(step.run);
      const nf = step.run.numberFormat !== undefined ? jsonSize(formatPayload(step.run)) : 0;
      const op = step.run.numberFormat !== undefined ? gridOpBytes("format", step.run.rows, step.run.cols) : OP_BYTES.format;
      return data + nf + op + properties * FORMAT_PROPERTY_BYTES + edges * BORDER_EDGE_BYTES;
    }
    case "fill":
      return data + (caps.rangeAreas ? OP_BYTES.fill : step.addresses.length * FILL_RANGE_BYTES);
    case "removeRules":
      return data + OP_BYTES.removeRules + step.ids.length * REMOVE_RULE_BYTES;
    case "chart":
      return data + OP_BYTES.chart + step.chart.series.length * CHART_SERIES_BYTES;
    case "values":
      return data + gridOpBytes("values", step.values.length, step.values[0]?.length ?? 0);
    case "numberFormats":
      return data + gridOpBytes("numberFormats", step.formats.length, step.formats[0]?.length ?? 0);
    default:
      return data + OP_BYTES[step.kind];
  }
}

// ------------------------------------------------------------------------------------------------
// Plan → steps
// ------------------------------------------------------------------------------------------------

/**
 * Rows of a 2-D array cut into chunks of at most VALUE_CHUNK_BYTES of data: [first row offset, rows,
 * request bytes (data + `opBytes`, the per-op cost of the step that sends the chunk)].
 */
function rowChunks(grid: unknown[][], opBytes: (rows: number) => number): [number, unknown[][], number][] {
  const out: [number, unknown[][], number][] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < grid.length; i++) {
    const b = jsonSize(grid[i]) + 1; // the row and its comma
    if (i > start && bytes + b > VALUE_CHUNK_BYTES) {
      out.push([start, grid.slice(start, i), bytes + opBytes(i - start)]);
      start = i;
      bytes = 0;
    }
    bytes += b;
  }
  if (start < grid.length) out.push([start, grid.slice(start), bytes + opBytes(grid.length - start)]);
  return out;
}

function valueSteps(sheet: string, row: number, col: number, values: ExcelCell[][]): WeightedStep[] {
  const cols = values[0]?.length ?? 0;
  return rowChunks(values, (rows) => gridOpBytes("values", rows, cols)).map(([r, part, bytes]) => ({ step: { kind: "values", sheet, row: row + r, col, values: part as ExcelCell[][] }, bytes }));
}

const FORMAT_AREA_KEYS = new Set(["row", "col", "rows", "cols", "numberFormat"]);
function onlyNumberFormat(run: FormatRun): boolean {
  return run.numberFormat !== undefined && Object.keys(run).every((k) => FORMAT_AREA_KEYS.has(k));
}

/**
 * Format steps of a sheet. Runs that set only a number format and continue one another down the
 * same columns (a result column whose rows alternate "0.00", "0.0%", "0") become one
 * `Range.numberFormat` 2-D array — one operation instead of one per run — cut by rows for size.
 * Order is kept: only runs adjacent in the plan are merged.
 */
export function formatSteps(sheet: string, formats: FormatRun[]): WeightedStep[] {
  const out: WeightedStep[] = [];
  let band: { row: number; col: number; cols: number; formats: string[][] } | null = null;
  const flush = () => {
    if (!band) return;
    const b = band;
    for (const [r, part, bytes] of rowChunks(b.formats, (rows) => gridOpBytes("numberFormats", rows, b.cols))) out.push({ step: { kind: "numberFormats", sheet, row: b.row + r, col: b.col, formats: part as string[][] }, bytes });
    band = null;
  };
  for (const run of formats) {
    if (onlyNumberFormat(run)) {
      const rows = Array.from({ length: run.rows }, () => Array<string>(run.cols).fill(run.numberFormat as string));
      if (band && band.col === run.col && band.cols === run.cols && band.row + band.formats.length === run.row) {
        for (const line of rows) band.formats.push(line);
      } else {
        flush();
        band = { row: run.row, col: run.col, cols: run.cols, formats: rows };
      }
      continue;
    }
    flush();
    for (const part of formatParts(run)) {
      const step: Step = { kind: "format", sheet, run: part };
      out.push({ step, bytes: stepBytes(step, { rangeAreas: true }) });
    }
  }
  flush();
  return out;
}

/** Address lists of at most MAX_AREAS_ADDRESS characters. */
export function chunkAddresses(cells: string[], limit = MAX_AREAS_ADDRESS): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  let len = 0;
  for (const c of cells) {
    if (cur.length && len + 1 + c.length > limit) {
      out.push(cur);
      cur = [];
      len = 0;
    }
    len += (cur.length ? 1 : 0) + c.length;
    cur.push(c);
  }
  if (cur.length) out.push(cur);
  return out;
}

/** A list cut into consecutive parts of at most `size` items. */
function chunkCount<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface SheetState {
  /** Sheet names present before the plan runs (case-insensitive match, as Excel). */
  existing: string[];
  /** Ids of the product's conditional formats per sheet (lower-case name), as just loaded. */
  ownedRuleIds?: ReadonlyMap<string, readonly string[]>;
  /** Workbook-scoped names present (markers), lower-case; a plan's remove of another name is skipped. */
  names?: ReadonlySet<string>;
}

/** Every step of the plan, in the order Excel must run them. */
export function planSteps(plan: WritePlan, state: SheetState, caps: Capabilities): WeightedStep[] {
  const out: WeightedStep[] = [];
  for (const part of stepsBySheet(plan, state, caps)) for (const s of part) out.push(s);
  return out;
}

/**
 * planSteps with a pause (e.g. a macrotask) after each sheet's steps, so that building a large
 * request (5 000 schools: about 100 ms of value conversion and sizing) is not one long main-thread
 * task. Same steps as planSteps; no sync involved.
 */
export async function planStepsYielding(plan: WritePlan, state: SheetState, caps: Capabilities, pause: () => Promise<void>): Promise<WeightedStep[]> {
  const out: WeightedStep[] = [];
  for (const part of stepsBySheet(plan, state, caps)) {
    for (const s of part) out.push(s);
    await pause();
  }
  return out;
}

/** The plan's steps, one array per sheet (then the activation), in order. */
function* stepsBySheet(plan: WritePlan, state: SheetState, caps: Capabilities): Generator<WeightedStep[]> {
  let out: WeightedStep[] = [];
  const push = (step: Step) => out.push({ step, bytes: stepBytes(step, caps) });
  const present = [...state.existing]; // tab order as the steps leave it
  const indexOf = (name: string) => present.findIndex((n) => n.toLowerCase() === name.toLowerCase());
  for (const sp of plan.sheets) {
    const at = indexOf(sp.name);
    const exists = at >= 0;
    if (sp.mode === "delete") {
      if (exists) {
        push({ kind: "delete", sheet: sp.name });
        present.splice(at, 1);
      }
      continue;
    }
    let created = false;
    if (sp.mode === "replace" && exists) {
      push({ kind: "delete", sheet: sp.name });
      present.splice(at, 1);
    }
    if (sp.mode === "replace" || !exists) {
      const position = exists ? at : present.length;
      push({ kind: "add", sheet: sp.name, position });
      present.splice(position, 0, sp.name);
      created = true;
    }
    const ids = !created && sp.removeOwnedRules && caps.conditionalFormats ? state.ownedRuleIds?.get(sp.name.toLowerCase()) : undefined;
    if (ids?.length) push({ kind: "removeRules", sheet: sp.name, ids: [...ids] });
    sheetSteps(sp, created, caps, out, push);
    yield out;
    out = [];
  }
  // Markers after the sheets (plan.ts: remove, then set).
  for (const name of plan.marks?.remove ?? []) if (!state.names || state.names.has(name.toLowerCase())) push({ kind: "removeName", name });
  for (const m of plan.marks?.set ?? []) push({ kind: "addName", name: m.name, sheet: m.sheet, area: m.area });
  if (plan.activate) push({ kind: "activate", sheet: plan.activate });
  yield out;
}

function sheetSteps(sp: SheetPlan, created: boolean, caps: Capabilities, out: WeightedStep[], push: (s: Step) => void): void {
  const sheet = sp.name;
  if (!created) for (const area of sp.clear ?? []) push({ kind: "clear", sheet, area });
  for (const b of sp.blocks) {
    if (!b.values.length || !b.values[0].length) continue;
    const values = b.values.map((line) => line.map((v) => toExcelValue(v, !!b.textOnly)));
    out.push(...valueSteps(sheet, b.row, b.col, values));
  }
  out.push(...formatSteps(sheet, sp.formats));
  for (const area of sp.merges ?? []) push({ kind: "merge", sheet, area });
  for (const w of sp.columnWidths ?? []) push({ kind: "width", sheet, col: w.col, points: columnWidthPoints(w.width) });
  if (sp.freeze) push({ kind: "freeze", sheet, rows: sp.freeze.rows, cols: sp.freeze.cols });
  if (sp.tabColor) push({ kind: "tab", sheet, color: sp.tabColor });
  if (caps.dataValidation) for (const v of sp.validations ?? []) push({ kind: "validation", sheet, area: v, list: v.list });
  // Notes only on sheets this plan creates: adding a note where one exists fails in Excel.
  if (created && caps.notes !== "none") for (const n of sp.notes ?? []) push({ kind: "note", sheet, cell: n.cell, text: n.text });
  if (caps.conditionalFormats) for (const fill of sp.conditionalFills ?? []) push({ kind: "conditionalFill", sheet, fill });
  for (const h of sp.highlights ?? []) {
    if (!h.cells.length) continue;
    // ExcelApi 1.7: each run is a Range of its own (FILL_RANGE_BYTES), so a step takes as many as fit a chunk.
    const groups = caps.rangeAreas ? chunkAddresses(h.cells) : chunkCount(cellRuns(h.cells), Math.floor(VALUE_CHUNK_BYTES / FILL_RANGE_BYTES));
    for (const g of groups) push({ kind: "fill", sheet, fill: h.fill, addresses: g });
  }
}

/**
 * The charts of the plan's "replace" sheets, one step each. OfficeHost queues them in its last
 * write batch, after every value (no extra sync). Charts on "update" sheets are ignored: the
 * sheet is not recreated, so a second run would add them twice (see SheetPlan.charts).
 */
export function chartSteps(plan: WritePlan, caps: Capabilities): WeightedStep[] {
  if (!caps.charts) return [];
  const out: WeightedStep[] = [];
  for (const sp of plan.sheets) {
    if (sp.mode !== "replace") continue;
    for (const chart of sp.charts ?? []) {
      const step: Step = { kind: "chart", sheet: sp.name, chart };
      out.push({ step, bytes: stepBytes(step, caps) });
    }
  }
  return out;
}

/** What a format run sends: its number format goes as a full 2-D array, the rest is small. */
function formatPayload(run: FormatRun): unknown {
  return run.numberFormat ? Array.from({ length: run.rows }, () => Array(run.cols).fill(run.numberFormat)) : run;
}

/** A format run cut by rows so that its number-format array stays under VALUE_CHUNK_BYTES. */
export function formatParts(run: FormatRun): FormatRun[] {
  if (!run.numberFormat) return [run];
  const rowBytes = jsonSize(Array(run.cols).fill(run.numberFormat)) + 1;
  const rowsPer = Math.max(1, Math.floor(VALUE_CHUNK_BYTES / rowBytes));
  if (run.rows <= rowsPer) return [run];
  const parts: FormatRun[] = [];
  for (let r = 0; r < run.rows; r += rowsPer) parts.push({ ...run, row: run.row + r, rows: Math.min(rowsPer, run.rows - r) });
  return parts;
}

/**
 * Cuts the steps, in order, into batches: `minBatches` of similar size (fewer only when there are
 * fewer steps), more only when a batch would exceed `maxBytes`.
 */
export function partition(steps: WeightedStep[], minBatches = WRITE_SYNCS, maxBytes = MAX_REQUEST_BYTES): WeightedStep[][] {
  if (!steps.length) return [];
  const total = steps.reduce((n, s) => n + s.bytes, 0);
  const count = Math.min(steps.length, Math.max(minBatches, Math.ceil(total / maxBytes)));
  const target = total / count;
  const batches: WeightedStep[][] = [[]];
  let done = 0; // bytes in closed batches
  let cur = 0;
  steps.forEach((s, i) => {
    const batch = batches[batches.length - 1];
    const remainingSteps = steps.length - i;
    const batchesLeft = count - batches.length;
    const overTarget = cur > 0 && done + cur + s.bytes / 2 > target * batches.length && batchesLeft > 0;
    const overLimit = cur > 0 && cur + s.bytes > maxBytes;
    const mustLeaveSteps = batchesLeft > 0 && remainingSteps <= batchesLeft;
    if (batch.length && (overTarget || overLimit || mustLeaveSteps)) {
      batches.push([s]);
      done += cur;
      cur = s.bytes;
    } else {
      batch.push(s);
      cur += s.bytes;
    }
  });
  return batches;
}

/**
 * The write batches of an apply: the plan's steps partitioned, then the charts at the end of the last
 * batch, after the values they show (no extra sync).
 */
export function writeBatches(steps: WeightedStep[], charts: WeightedStep[]): WeightedStep[][] {
  const batches = partition(steps);
  if (charts.length) {
    if (!batches.length) batches.push([]);
    batches[batches.length - 1].push(...charts);
  }
  return batches;
}

export function batchBytes(batch: WeightedStep[]): number {
  return batch.reduce((n, s) => n + s.bytes, 0);
}
