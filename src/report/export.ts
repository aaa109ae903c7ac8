/**
 * 导出上报: a fresh workbook holding the checked sheets, values and formats only — no formulas,
 * no macros, no add-in settings, no hidden sheets — named with the county and the date.
 *
 * Host-neutral: snapshots of the checked sheets (as any WorkbookHost reads them) in, a WritePlan
 * for a new, empty workbook out. Every string is written as text (ValueBlock.textOnly), so a
 * school name such as "=HYPERLINK(...)" stays text in the exported file.
 */
import type { SheetSnapshot, WorkbookSnapshot } from "../workbook/port";
import { SHEETS, type ReadResult } from "../workbook/contract";
import type { CellValue, FormatRun, SheetPlan, WritePlan } from "../workbook/plan";
import { FILL } from "../workbook/plan";
import { CHART_DATA_TITLE } from "../workbook/charts/place";

/** The sheets exported, in tab order. 「数据问题」 is left out when the workbook has none. */
export const EXPORT_SHEETS = [
  SHEETS.summary,
  SHEETS.schools,
  SHEETS.units,
  SHEETS.balance,
  SHEETS.problems,
  SHEETS.issues,
  SHEETS.county,
] as const;

export interface ExportOptions {
  /**
   * The plan an assessment wrote (renderAssessment): its formats, highlights, merges, column
   * widths and frozen panes are reapplied to the same sheets, so the export looks like the sheets
   * the user checked. Fill-clearing highlights (null) and input hints are not carried over.
   */
  styles?: WritePlan;
  /** What the reader found: used to mark the header row of 「学校数据」. */
  read?: ReadResult;
}

/** File name of an export: 綦江区-优质均衡自查-2026-11-29.xlsx (characters Windows forbids removed). */
export function exportFileName(county: string | null | undefined, date: Date = new Date(), what = "优质均衡自查", ext = "xlsx"): string {
  const name = (county ?? "").replace(/[\\/:*?"<>|\r\n\t]/g, "").trim() || "本县";
  return `${name}-${what}-${isoDate(date)}.${ext}`;
}

/** yyyy-mm-dd in local time. */
export function isoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** A string a spreadsheet would take for a formula if it were typed in. */
export function looksLikeFormula(v: CellValue): boolean {
  return typeof v === "string" && /^[=+\-@]/.test(v);
}

/**
 * Number formats of a sheet as format runs, one per column stretch of equal format ("General"
 * left out): the count grows with format changes, not with cells.
 */
export function numberFormatRuns(sheet: SheetSnapshot, rows: number): FormatRun[] {
  const runs: FormatRun[] = [];
  const cols = sheet.numberFormats.reduce((m, r) => Math.max(m, r.length), 0);
  for (let c = 0; c < cols; c++) {
    let start = 0;
    let current = "General";
    for (let r = 0; r <= rows; r++) {
      const f = r < rows ? (sheet.numberFormats[r]?.[c] ?? "General") : "\u0000end";
      if (f === current) continue;
      if (current !== "General" && r > start) runs.push({ row: start, col: c, rows: r - start, cols: 1, numberFormat: current });
      current = f;
      start = r;
    }
  }
  return runs;
}

/** Display width of a value in Excel characters (CJK counts double). */
function textWidth(v: CellValue): number {
  if (v === null) return 0;
  const s = typeof v === "number" ? String(Math.round(v * 100) / 100) : String(v);
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

/** Column widths from content (when the assessment's plan gives none): 8 to 40 characters. */
export function autoWidths(values: CellValue[][]): { col: number; width: number }[] {
  const widths: number[] = [];
  const limit = Math.min(values.length, 2000);
  for (let r = 0; r < limit; r++) {
    const row = values[r];
    for (let c = 0; c < row.length; c++) widths[c] = Math.max(widths[c] ?? 0, textWidth(row[c]));
  }
  return widths.map((w, col) => ({ col, width: Math.min(40, Math.max(8, Math.ceil(w * 1.1) + 1)) }));
}

/** Rows of a 「差异系数」 snapshot before a previous run's chart-data table (it is rebuilt). */
function withoutChartData(values: CellValue[][]): CellValue[][] {
  const at = values.findIndex((r) => r[0] === CHART_DATA_TITLE);
  if (at < 0) return values;
  let end = at;
  while (end > 0 && values[end - 1].every((v) => v === null || v === "")) end--;
  return values.slice(0, end);
}

function sheetPlanFor(sheet: SheetSnapshot, opts: ExportOptions): SheetPlan {
  const values = sheet.name === SHEETS.balance ? withoutChartData(sheet.values) : sheet.values;
  const width = values.reduce((m, r) => Math.max(m, r.length), 0);
  const rows = values.map((r) => (r.length === width ? r : [...r, ...new Array<CellValue>(width - r.length).fill(null)]));
  const plan: SheetPlan = {
    name: sheet.name,
    mode: "replace",
    blocks: rows.length && width ? [{ row: 0, col: 0, values: rows, textOnly: true }] : [],
    formats: numberFormatRuns(sheet, rows.length),
  };
  const styled = opts.styles?.sheets.find((s) => s.name === sheet.name && s.mode !== "delete");
  if (styled) {
    const inside = (a: { row: number; col: number }) => a.row < rows.length && a.col < width;
    plan.formats.push(...styled.formats.filter(inside));
    plan.highlights = (styled.highlights ?? []).filter((h) => h.fill !== null);
    // The data sheet's highlights are conditional formats over its own result block, copied along.
    if (styled.conditionalFills?.length) plan.conditionalFills = styled.conditionalFills;
    plan.merges = (styled.merges ?? []).filter(inside);
    plan.columnWidths = styled.columnWidths;
    plan.freeze = styled.freeze;
    plan.tabColor = styled.tabColor;
  }
  if (sheet.name === SHEETS.schools && opts.read) {
    const { headerRow, groupHeaderRow, lastInputCol } = opts.read.layout;
    const top = groupHeaderRow ?? headerRow;
    plan.formats.unshift({ row: top, col: 0, rows: headerRow - top + 1, cols: lastInputCol + 1, bold: true, fill: FILL.header, border: true, wrap: true });
    plan.freeze ??= { rows: headerRow + 1, cols: 1 };
  }
  if (!plan.columnWidths?.length) plan.columnWidths = autoWidths(rows);
  return plan;
}

/**
 * The write plan of the export workbook: the checked sheets present in the snapshot, in
 * EXPORT_SHEETS order, as values (strings as text) with their number formats and the
 * assessment's formatting. Sheets not in EXPORT_SHEETS are never exported.
 */
export function exportPlan(snapshot: WorkbookSnapshot, opts: ExportOptions = {}): WritePlan {
  const sheets: SheetPlan[] = [];
  for (const name of EXPORT_SHEETS) {
    const s = snapshot.sheets.find((x) => x.name === name);
    if (s) sheets.push(sheetPlanFor(s, opts));
  }
  return { sheets, activate: sheets[0]?.name };
}
