/**
 * Small helpers that lay a table out as a SheetPlan: header row, data rows, one format run per
 * column (never per cell), widths, and user texts in their own textOnly blocks.
 * Host-neutral and pure.
 */
import { ownedRuleFormula } from "./owned";
import { FILL } from "./plan";
import type { Area, CellValue, ConditionalFill, FormatRun, SheetPlan, ValueBlock } from "./plan";
import { colLetter } from "./text";

/** One table column. */
export interface TableColumn {
  header: string;
  /** Width in characters. */
  width: number;
  /** Number format of the data cells (default: General). */
  format?: string;
  /** The column holds user texts (school names, raw cell contents): written in a textOnly block. */
  userText?: boolean;
  align?: "left" | "center" | "right";
  wrap?: boolean;
}

/** A sheet plan with nothing in it yet. */
export function emptySheet(name: string, mode: SheetPlan["mode"]): SheetPlan {
  return { name, mode, blocks: [], formats: [], highlights: [], merges: [], columnWidths: [] };
}

/** Style of header cells of result tables. */
export function headerRun(row: number, col: number, rows: number, cols: number, fill: string = FILL.header): FormatRun {
  return { row, col, rows, cols, bold: true, fill, wrap: true, horizontalAlignment: "center", border: true };
}

/**
 * Splits rows into value blocks by runs of columns with the same userText flag, so that user
 * texts are written textOnly and generated figures are not.
 */
export function columnBlocks(row: number, col: number, columns: readonly TableColumn[], rows: CellValue[][]): ValueBlock[] {
  const blocks: ValueBlock[] = [];
  if (rows.length === 0) return blocks;
  let start = 0;
  for (let j = 1; j <= columns.length; j++) {
    if (j === columns.length || !!columns[j].userText !== !!columns[start].userText) {
      const values = rows.map((r) => r.slice(start, j));
      const block: ValueBlock = { row, col: col + start, values };
      if (columns[start].userText) block.textOnly = true;
      blocks.push(block);
      start = j;
    }
  }
  return blocks;
}

/**
 * Writes a table (header at `top`, data below, starting at column `left`) into `sheet`.
 * Returns the row after the table.
 */
export function addTable(
  sheet: SheetPlan,
  top: number,
  left: number,
  columns: readonly TableColumn[],
  rows: CellValue[][],
  opts: { header?: boolean; setWidths?: boolean; border?: boolean } = {},
): number {
  const withHeader = opts.header !== false;
  let r = top;
  if (withHeader) {
    sheet.blocks.push({ row: r, col: left, values: [columns.map((c) => c.header)] });
    sheet.formats.push(headerRun(r, left, 1, columns.length));
    r++;
  }
  sheet.blocks.push(...columnBlocks(r, left, columns, rows));
  if (rows.length > 0) {
    columns.forEach((c, j) => {
      if (c.format || c.align || c.wrap) {
        const run: FormatRun = { row: r, col: left + j, rows: rows.length, cols: 1 };
        if (c.format) run.numberFormat = c.format;
        if (c.align) run.horizontalAlignment = c.align;
        if (c.wrap) run.wrap = true;
        sheet.formats.push(run);
      }
    });
    if (opts.border !== false) sheet.formats.push({ row: r, col: left, rows: rows.length, cols: columns.length, border: true });
  }
  if (opts.setWidths !== false) {
    const widths = (sheet.columnWidths ??= []);
    columns.forEach((c, j) => widths.push({ col: left + j, width: c.width }));
  }
  return r + rows.length;
}

/** Adds cells to the highlight list of a given fill (creating the list on first use). */
export function addHighlight(sheet: SheetPlan, fill: string | null, cells: string[]): void {
  if (cells.length === 0) return;
  const list = (sheet.highlights ??= []);
  const existing = list.find((h) => h.fill === fill);
  if (existing) existing.cells.push(...cells);
  else list.push({ fill, cells: [...cells] });
}

/**
 * The reference, in a rule over `area`, to the cell of column `col` on the same row: `$G2` for an
 * area starting on row 2 (column fixed, row relative, as Excel moves a conditional format's formula).
 */
export function rowRef(area: Area, col: number): string {
  return `$${colLetter(col)}${area.row + 1}`;
}

/** A product rule on one of its own sheets: where `condition` holds, `area`'s cell shows `fill`. */
export function fillRule(area: Area, condition: string, fill: string): ConditionalFill {
  return { area, formula: ownedRuleFormula(condition), fill };
}

/**
 * Status colours of a whole column by a status text on the same row (red 未达标, amber 基本达标 /
 * 警告 …): one rule per text present, however many rows. `colours` maps a text to its fill.
 */
export function statusTextRules(sheet: SheetPlan, area: Area, textCol: number, texts: ReadonlySet<string>, colours: Readonly<Record<string, string>>): void {
  if (area.rows === 0) return;
  const list = (sheet.conditionalFills ??= []);
  for (const [text, fill] of Object.entries(colours)) if (texts.has(text)) list.push(fillRule(area, `${rowRef(area, textCol)}="${text}"`, fill));
}
