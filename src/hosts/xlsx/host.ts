/**
 * XlsxHost: the WorkbookHost port over exceljs, for .xlsx files on the command line (Node) and in
 * the plain browser page (webpack resolves "exceljs" to its browser build through the package's
 * "browser" field). No Node-only imports here: bytes in, bytes out.
 *
 * The host is thin: it applies a WritePlan literally. Layout decisions live in src/workbook.
 */
import * as ExcelJS from "exceljs";
import type { Style, Worksheet } from "exceljs";
import type { SheetSnapshot, WorkbookHost, WorkbookSnapshot } from "../../workbook/port";
import type { Area, ChartSpec, FormatRun, SheetPlan, ValueBlock, WritePlan } from "../../workbook/plan";
import { addChartsToXlsx, type SheetChart } from "./charts";
import { colLetter } from "../../workbook/text";
import { SHARED_EMPTY_STYLE, argb, cellValue, fillApplier, isEmptyStyle, styleApplier } from "./cells";
import { addConditionalFills, applyMarks, readOwned, removeOwnedRules } from "./owned";

/** Excel's sheet limits. */
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

/** A workbook that cannot be opened as .xlsx (not a zip, not a workbook). */
export class NotXlsxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotXlsxError";
  }
}

export class XlsxHost implements WorkbookHost {
  /**
   * The charts of the sheets written by apply() (by lower-case sheet name), drawn by save():
   * exceljs 4.4 neither reads nor writes charts, so they are added to the saved zip (charts.ts).
   * A "replace" sheet's charts replace the previous ones; a deleted sheet loses them; charts on
   * "update" sheets are ignored (see SheetPlan.charts).
   */
  private readonly charts = new Map<string, { sheet: string; charts: ChartSpec[] }>();

  private constructor(readonly workbook: ExcelJS.Workbook) {}

  /** Opens .xlsx bytes. Throws NotXlsxError (Chinese message) when they are not a readable workbook. */
  static async load(data: ArrayBuffer | Uint8Array): Promise<XlsxHost> {
    const wb = new ExcelJS.Workbook();
    try {
      // exceljs (JSZip) accepts ArrayBuffer and Uint8Array alike, in Node and in the browser.
      await wb.xlsx.load(data as ArrayBuffer);
    } catch (e) {
      throw new NotXlsxError(`无法打开该文件：它不是有效的 Excel 工作簿（.xlsx）。${detail(e)}`);
    }
    return new XlsxHost(wb);
  }

  /** A new, empty workbook (for `junheng template`). */
  static create(): XlsxHost {
    const wb = new ExcelJS.Workbook();
    wb.creator = "优质均衡评估助手";
    return new XlsxHost(wb);
  }

  /** Every sheet name, in tab order. */
  sheetNames(): string[] {
    return this.workbook.worksheets.map((ws) => ws.name);
  }

  async read(sheetNames: readonly string[]): Promise<WorkbookSnapshot> {
    const names = this.sheetNames();
    const sheets: SheetSnapshot[] = [];
    const read: Worksheet[] = [];
    for (const name of sheetNames) {
      const ws = this.workbook.getWorksheet(name);
      if (ws) sheets.push(snapshotSheet(ws));
      if (ws) read.push(ws);
    }
    return { sheetNames: names, sheets, owned: readOwned(this.workbook, read) };
  }

  async apply(plan: WritePlan): Promise<void> {
    const styles = new StyleCache();
    for (const sheet of plan.sheets) {
      applySheet(this.workbook, sheet, styles);
      const key = sheet.name.toLowerCase();
      if (sheet.mode === "delete" || sheet.mode === "replace") this.charts.delete(key);
      if (sheet.mode === "replace" && sheet.charts?.length) this.charts.set(key, { sheet: sheet.name, charts: sheet.charts });
    }
    if (plan.marks) applyMarks(this.workbook, plan.marks);
    if (plan.activate) activate(this.workbook, plan.activate);
  }

  /** The charts apply() recorded, on sheets that still exist. */
  sheetCharts(): SheetChart[] {
    const out: SheetChart[] = [];
    for (const { sheet, charts } of this.charts.values()) {
      if (!this.workbook.getWorksheet(sheet)) continue;
      for (const chart of charts) out.push({ sheet, chart });
    }
    return out;
  }

  /**
   * The workbook as .xlsx bytes, with the native charts of the plans applied (charts.ts).
   * Compressed with DEFLATE level 1 (exceljs' default is 6): about a third faster to write a large
   * workbook, for files about a quarter larger.
   */
  async save(): Promise<Uint8Array> {
    const options = { zip: { compression: "DEFLATE", compressionOptions: { level: 1 } } };
    const buf = await this.workbook.xlsx.writeBuffer(options as unknown as Partial<ExcelJS.XlsxWriteOptions>);
    const u8 = buf as unknown as Uint8Array;
    const bytes = new Uint8Array(u8.buffer, u8.byteOffset, u8.byteLength);
    return addChartsToXlsx(bytes, this.sheetCharts(), 1);
  }
}

function detail(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg ? `（${msg.slice(0, 120)}）` : "";
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

/** The used range of a sheet, padded to A1 (rows × columns up to the last non-empty cell). */
function snapshotSheet(ws: Worksheet): SheetSnapshot {
  const values: SheetSnapshot["values"] = [];
  const numberFormats: string[][] = [];
  let lastRow = 0;
  let lastCol = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    shareEmptyRowStyle(row);
    const vr: SheetSnapshot["values"][number] = [];
    const fr: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // exceljs gives every unstyled cell its own empty style object, and renders a style record
      // for each of them when saving; one shared empty object is rendered once.
      if (cell.style !== SHARED_EMPTY_STYLE && isEmptyStyle(cell.style as Partial<Style>)) cell.style = SHARED_EMPTY_STYLE;
      const v = cellValue(cell);
      if (v === null) return;
      vr[c - 1] = v;
      fr[c - 1] = cell.numFmt || "General";
      if (c > lastCol) lastCol = c;
      lastRow = r;
    });
    values[r - 1] = vr;
    numberFormats[r - 1] = fr;
  });
  // Pad: every row lastCol long, holes as empty cells ("General").
  values.length = lastRow;
  numberFormats.length = lastRow;
  for (let i = 0; i < lastRow; i++) {
    const vr = values[i] ?? [];
    const fr = numberFormats[i] ?? [];
    vr.length = Math.min(vr.length, lastCol);
    fr.length = Math.min(fr.length, lastCol);
    for (let j = 0; j < lastCol; j++) {
      if (vr[j] === undefined) vr[j] = null;
      if (fr[j] === undefined) fr[j] = "General";
    }
    values[i] = vr;
    numberFormats[i] = fr;
  }
  return { name: ws.name, values, numberFormats };
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

/** Worksheet members exceljs has but does not declare in its typings. */
interface WorksheetInternals {
  orderNo: number;
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

/**
 * Style appliers shared by the whole plan: format runs with the same properties (and highlights
 * of the same fill) reuse one memo, so equal styles stay one shared object across runs and sheets.
 */
class StyleCache {
  private readonly runs = new Map<string, (s: Partial<Style> | undefined) => Partial<Style>>();
  private readonly fills = new Map<string | null, (s: Partial<Style> | undefined) => Partial<Style>>();
  format(run: FormatRun) {
    const { row: _r, col: _c, rows: _rs, cols: _cs, ...props } = run;
    const key = JSON.stringify(props);
    let f = this.runs.get(key);
    if (!f) this.runs.set(key, (f = styleApplier(run)));
    return f;
  }
  fill(fill: string | null) {
    let f = this.fills.get(fill);
    if (!f) this.fills.set(fill, (f = fillApplier(fill)));
    return f;
  }
}

function applySheet(wb: ExcelJS.Workbook, plan: SheetPlan, styles: StyleCache): void {
  const existing = wb.getWorksheet(plan.name);
  if (plan.mode === "delete") {
    if (existing) wb.removeWorksheet(existing.id);
    return;
  }
  let ws: Worksheet;
  if (plan.mode === "replace") {
    // Keep the tab where it was when replacing; new sheets go to the end.
    const orderNo = existing ? (existing as unknown as WorksheetInternals).orderNo : undefined;
    if (existing) wb.removeWorksheet(existing.id);
    ws = wb.addWorksheet(plan.name);
    if (orderNo !== undefined) (ws as unknown as WorksheetInternals).orderNo = orderNo;
  } else {
    ws = existing ?? wb.addWorksheet(plan.name);
  }

  if (plan.removeOwnedRules) removeOwnedRules(ws);
  for (const area of plan.clear ?? []) clearArea(ws, area);
  for (const block of plan.blocks) writeBlock(ws, block);
  for (const run of plan.formats) formatArea(ws, run, styles.format(run));
  for (const h of plan.highlights ?? []) {
    const apply = styles.fill(h.fill);
    for (const address of h.cells) {
      const cell = ws.getCell(address);
      cell.style = apply(cell.style);
    }
  }
  for (const m of plan.merges ?? []) {
    if (m.rows * m.cols <= 1) continue;
    const [top, left, bottom, right] = bounds(m);
    ws.unMergeCells(top, left, bottom, right);
    ws.mergeCells(top, left, bottom, right);
  }
  for (const { col, width } of plan.columnWidths ?? []) ws.getColumn(col + 1).width = width;
  if (plan.freeze) {
    const { rows, cols } = plan.freeze;
    ws.views = rows || cols ? [{ state: "frozen", xSplit: cols, ySplit: rows }] : [{ state: "normal" }];
  }
  if (plan.tabColor) ws.properties.tabColor = { argb: argb(plan.tabColor) };
  for (const v of plan.validations ?? []) {
    const formula = `"${v.list.join(",")}"`;
    (ws as unknown as WorksheetInternals).dataValidations.add(rangeAddress(v), {
      type: "list",
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: true,
      errorStyle: "warning",
      errorTitle: "输入提示",
      error: `请从下拉列表中选择：${v.list.join("、")}`,
    });
  }
  for (const n of plan.notes ?? []) ws.getCell(n.cell).note = n.text;
  addConditionalFills(ws, plan.conditionalFills ?? []);
}

/** 1-based inclusive bounds [top, left, bottom, right] of an area, clipped to the sheet. */
function bounds(a: Area): [number, number, number, number] {
  const top = a.row + 1;
  const left = a.col + 1;
  const bottom = Math.min(a.row + a.rows, MAX_ROWS);
  const right = Math.min(a.col + a.cols, MAX_COLS);
  return [top, left, bottom, right];
}

function rangeAddress(a: Area): string {
  const [top, left, bottom, right] = bounds(a);
  return `${colLetter(left - 1)}${top}:${colLetter(right - 1)}${bottom}`;
}

/**
 * Clears values, formats and merges of an area. Only cells that exist are touched, so an area of
 * whole columns (a previous result block down to the last sheet row) costs what the sheet holds.
 */
function clearArea(ws: Worksheet, a: Area): void {
  const [top, left, bottom, right] = bounds(a);
  const lastRow = Math.min(bottom, ws.rowCount);
  if (lastRow < top) return;
  ws.unMergeCells(top, left, lastRow, right);
  for (let r = top; r <= lastRow; r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    const last = Math.min(right, row.cellCount);
    for (let c = left; c <= last; c++) {
      const cell = row.findCell(c);
      if (!cell) continue;
      cell.value = null;
      cell.style = SHARED_EMPTY_STYLE;
      if (cell.note) cell.note = undefined as unknown as string;
    }
  }
}

/** Rows, like cells, each get an empty style object that exceljs renders once per row on save. */
function shareEmptyRowStyle(row: ExcelJS.Row): void {
  const r = row as unknown as { style: Partial<Style> };
  if (r.style !== SHARED_EMPTY_STYLE && isEmptyStyle(r.style)) r.style = SHARED_EMPTY_STYLE;
}

function writeBlock(ws: Worksheet, block: ValueBlock): void {
  // exceljs never turns a plain string into a formula (formulas are { formula } objects), so every
  // string is written as text: "=1+1" from a user stays the text "=1+1" (textOnly is honoured).
  const { row, col, values } = block;
  for (let i = 0; i < values.length; i++) {
    const line = values[i];
    const r = ws.getRow(row + i + 1);
    shareEmptyRowStyle(r);
    for (let j = 0; j < line.length; j++) {
      const v = line[j];
      // An empty value into a cell that does not exist is nothing to write (saves cells).
      if ((v === null || v === undefined) && !r.findCell(col + j + 1)) continue;
      const cell = r.getCell(col + j + 1);
      cell.value = typeof v === "number" && !Number.isFinite(v) ? null : v;
      if (cell.style !== SHARED_EMPTY_STYLE && isEmptyStyle(cell.style as Partial<Style>)) cell.style = SHARED_EMPTY_STYLE;
    }
  }
}

function formatArea(ws: Worksheet, run: FormatRun, apply: (s: Partial<Style> | undefined) => Partial<Style>): void {
  const [top, left, bottom, right] = bounds(run);
  for (let r = top; r <= bottom; r++) {
    const row = ws.getRow(r);
    for (let c = left; c <= right; c++) {
      const cell = row.getCell(c);
      cell.style = apply(cell.style as Partial<Style>);
    }
  }
}

function activate(wb: ExcelJS.Workbook, name: string): void {
  const index = wb.worksheets.findIndex((ws) => ws.name === name);
  if (index < 0) return;
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: index, visibility: "visible" }];
}
