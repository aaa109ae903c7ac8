/**
 * Writing one SheetPlan through ET, block by block: a value block is one `Value2` assignment
 * (a scalar for one cell), a format run one range with its properties, a chart one ChartObject.
 * The calls made grow with the plan's blocks, runs, columns and charts, not with its cells.
 *
 * Values are converted as for Excel (toExcelValue): ET's Value2 assignment behaves like typing, so
 * a text that would be read as a formula, number or date gets a leading apostrophe, which is not
 * stored; "=…" texts of non-textOnly blocks stay formulas.
 */
import type { Area, ChartSpec, FormatRun, SheetPlan, ValueBlock } from "../../workbook/plan";
import { a1, colLetter } from "../../workbook/text";
import { areaAddress, cellRuns, toExcelValue, type ExcelCell } from "../../workbook/host-cells";
import { addConditionalFills, removeOwnedRules } from "./owned";
import { XL, bgr, member, type EtApplication, type EtChartObjects, type EtRange, type EtWorksheet } from "./et";

/** ET refuses a Range address longer than 255 characters (as Excel does). */
export const MAX_ADDRESS = 255;

/** How value blocks are written: unknown until the first multi-row block shows it. */
export type BulkMode = "unknown" | "bulk" | "rows";

export interface WriteContext {
  app: EtApplication;
  /** Whether 2-D Value2 writes work in this build; learnt once, kept by the host. */
  bulk: BulkMode;
}

function range(ws: EtWorksheet, a: Area): EtRange {
  return ws.Range(areaAddress(a));
}

/** Address lists of at most MAX_ADDRESS characters ("H7:H9,J12,…"). */
export function addressChunks(addresses: string[], limit = MAX_ADDRESS): string[] {
  const out: string[] = [];
  let cur = "";
  for (const a of addresses) {
    if (cur && cur.length + 1 + a.length > limit) {
      out.push(cur);
      cur = "";
    }
    cur = cur ? `${cur},${a}` : a;
  }
  if (cur) out.push(cur);
  return out;
}

/** A cell of the last rows that a failed bulk write would have left empty or wrong, to read back. */
function probeCell(values: ExcelCell[][]): { row: number; col: number; value: string | number } | null {
  for (let r = values.length - 1; r > 0 && r >= values.length - 4; r--)
    for (let c = 0; c < values[r].length; c++) {
      const v = values[r][c];
      if (typeof v === "number" || (typeof v === "string" && v !== "" && !/^['=]/.test(v))) return { row: r, col: c, value: v };
    }
  return null;
}

/**
 * One value block. Multi-row blocks go in one 2-D Value2 assignment; the first such block of a
 * session is read back at one cell of its last rows, and where the build dropped the rows (or threw)
 * every block is written row by row from then on (one call per row: only on such builds).
 */
export function writeBlock(ws: EtWorksheet, b: ValueBlock, ctx: WriteContext): void {
  if (!b.values.length || !b.values[0].length) return;
  const values = b.values.map((line) => line.map((v) => toExcelValue(v, !!b.textOnly)));
  const rows = values.length;
  const cols = values[0].length;
  const target = ws.Range(a1(b.row, b.col));
  if (rows === 1 && cols === 1) {
    target.Value2 = values[0][0];
    return;
  }
  if (rows > 1 && ctx.bulk !== "rows") {
    let ok = true;
    try {
      target.Resize(rows, cols).Value2 = values;
    } catch {
      ok = false;
    }
    if (ok && ctx.bulk === "unknown") {
      const p = probeCell(values);
      if (p) {
        const back = ws.Range(a1(b.row + p.row, b.col + p.col)).Value2;
        ok = back === p.value || String(back) === String(p.value);
      }
      if (ok && p) ctx.bulk = "bulk";
    }
    if (ok) return;
    ctx.bulk = "rows";
  }
  values.forEach((line, i) => (ws.Range(a1(b.row + i, b.col)).Resize(1, cols).Value2 = [line]));
}

const ALIGN = { left: XL.left, center: XL.center, right: XL.right } as const;

export function writeFormat(ws: EtWorksheet, f: FormatRun): void {
  const r = range(ws, f);
  if (f.numberFormat !== undefined) r.NumberFormat = f.numberFormat;
  if (f.bold !== undefined) r.Font.Bold = f.bold;
  if (f.fontColor) r.Font.Color = bgr(f.fontColor);
  if (f.fill) r.Interior.Color = bgr(f.fill);
  if (f.wrap !== undefined) r.WrapText = f.wrap;
  if (f.horizontalAlignment) r.HorizontalAlignment = ALIGN[f.horizontalAlignment];
  if (f.border) r.Borders.LineStyle = XL.continuous;
}

/**
 * The format runs in plan order, except that consecutive runs setting only a number format (a
 * result column whose rows alternate "0.00", "0.0%", "0") are grouped by format into multi-area
 * ranges of at most 255 characters: one call per format and ~25 runs instead of one per run.
 */
export function writeFormats(ws: EtWorksheet, formats: FormatRun[]): void {
  let group: FormatRun[] = [];
  const flush = () => {
    const byFormat = new Map<string, string[]>();
    for (const f of group) byFormat.set(f.numberFormat as string, [...(byFormat.get(f.numberFormat as string) ?? []), areaAddress(f)]);
    for (const [format, addresses] of byFormat) for (const address of addressChunks(addresses)) ws.Range(address).NumberFormat = format;
    group = [];
  };
  for (const f of formats) {
    const numberOnly = f.numberFormat !== undefined && Object.keys(f).every((k) => ["row", "col", "rows", "cols", "numberFormat"].includes(k));
    if (numberOnly && !group.some((g) => overlaps(g, f))) {
      group.push(f);
      continue;
    }
    flush();
    if (numberOnly) group.push(f);
    else writeFormat(ws, f);
  }
  flush();
}

function overlaps(a: Area, b: Area): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

/** Scattered fills: contiguous runs joined into multi-area addresses of at most 255 characters. */
export function writeFill(ws: EtWorksheet, fill: string | null, cells: string[]): void {
  for (const address of addressChunks(cellRuns(cells))) {
    const interior = ws.Range(address).Interior;
    if (fill) interior.Color = bgr(fill);
    else interior.ColorIndex = XL.colorIndexNone;
  }
}

/** Column widths in characters (ET's ColumnWidth unit); equal neighbours share one call. */
export function writeWidths(ws: EtWorksheet, widths: { col: number; width: number }[]): void {
  const sorted = [...widths].sort((x, y) => x.col - y.col);
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && sorted[j].col === sorted[j - 1].col + 1 && sorted[j].width === sorted[i].width) j++;
    const first = sorted[i].col;
    const last = sorted[j - 1].col;
    const cols = first === last ? ws.Columns.Item(first + 1) : ws.Range(`${colLetter(first)}:${colLetter(last)}`);
    cols.ColumnWidth = sorted[i].width;
    i = j;
  }
}

/** Freezing works on the active window only: activate the sheet, then split and freeze. */
export function writeFreeze(ws: EtWorksheet, app: EtApplication, rows: number, cols: number): void {
  ws.Activate();
  const win = app.ActiveWindow;
  win.FreezePanes = false;
  win.ScrollRow = 1;
  win.ScrollColumn = 1;
  win.SplitRow = rows;
  win.SplitColumn = cols;
  if (rows > 0 || cols > 0) win.FreezePanes = true;
}

export function writeValidation(ws: EtWorksheet, a: Area, list: string[]): void {
  const v = range(ws, a).Validation;
  v.Delete();
  v.Add(XL.validateList, XL.validAlertStop, XL.between, list.join(","));
}

/** A native column chart over its data table (ChartObjects().Add, then the chart's source and looks). */
export function writeChart(ws: EtWorksheet, c: ChartSpec): void {
  const { row, col, rows, cols } = c.anchor;
  const topLeft = ws.Range(a1(row, col));
  const bottomRight = ws.Range(a1(row + rows, col + cols));
  const left = topLeft.Left;
  const top = topLeft.Top;
  const objects = member<EtChartObjects>(ws, "ChartObjects");
  const obj = objects.Add(left, top, Math.max(1, bottomRight.Left - left), Math.max(1, bottomRight.Top - top));
  obj.Name = c.name;
  const chart = obj.Chart;
  chart.ChartType = c.type === "stacked" ? XL.columnStacked : XL.columnClustered;
  chart.SetSourceData(ws.Range(c.tableRef), XL.columns);
  chart.HasTitle = true;
  chart.ChartTitle.Text = c.title;
  chart.HasLegend = true;
  chart.Legend.Position = XL.legendBottom;
  c.series.forEach((s, k) => {
    const series = chart.SeriesCollection(k + 1);
    if (s.kind === "bar") series.Format.Fill.ForeColor.RGB = bgr(s.color);
    else {
      series.ChartType = XL.line;
      const line = series.Format.Line;
      line.ForeColor.RGB = bgr(s.color);
      if (s.dashed) line.DashStyle = XL.lineDash;
    }
  });
}

/** Everything of one sheet plan after the sheet exists. `created`: the sheet was made by this plan. */
export function writeSheet(ws: EtWorksheet, sp: SheetPlan, created: boolean, ctx: WriteContext): void {
  if (!created && sp.removeOwnedRules) removeOwnedRules(ws);
  if (!created)
    for (const area of sp.clear ?? []) {
      const r = range(ws, area);
      r.UnMerge();
      r.Clear();
    }
  for (const b of sp.blocks) writeBlock(ws, b, ctx);
  writeFormats(ws, sp.formats);
  for (const m of sp.merges ?? []) range(ws, m).Merge(false);
  if (sp.columnWidths?.length) writeWidths(ws, sp.columnWidths);
  if (sp.freeze) writeFreeze(ws, ctx.app, sp.freeze.rows, sp.freeze.cols);
  if (sp.tabColor) ws.Tab.Color = bgr(sp.tabColor);
  for (const v of sp.validations ?? []) writeValidation(ws, v, v.list);
  // Notes only on sheets this plan creates (as the Office host): a second note on a cell would fail.
  if (created) for (const n of sp.notes ?? []) ws.Range(n.cell).AddComment(n.text);
  for (const h of sp.highlights ?? []) if (h.cells.length) writeFill(ws, h.fill, h.cells);
  if (sp.conditionalFills?.length) addConditionalFills(ws, ctx.app, sp.conditionalFills);
  if (created && sp.mode === "replace") for (const c of sp.charts ?? []) writeChart(ws, c);
}
