/**
 * The host-neutral write plan: what an assessment writes into a workbook.
 *
 * src/workbook renders an Assessment (plus what it read) into a WritePlan; a host adapter
 * (src/hosts/xlsx with exceljs, src/hosts/office with Office.js) applies it. Hosts stay thin:
 * every layout decision is made here, never in a host.
 *
 * Coordinates are 0-based (row 0 = sheet row 1, col 0 = column A).
 */

export type CellValue = string | number | boolean | null;

/** A rectangular block of values with its top-left corner. All rows have the same length. */
export interface ValueBlock {
  row: number;
  col: number;
  values: CellValue[][];
  /**
   * Write every string in this block as text, never as a formula, even when it starts with
   * "=", "+", "-" or "@" (texts that came from user input). Hosts must honour this.
   */
  textOnly?: boolean;
}

/** A rectangle. */
export interface Area {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Formatting applied to a whole rectangle at once (never cell by cell). */
export interface FormatRun extends Area {
  /** Excel number format, e.g. "0.00", "0.0000", "0.0%", "@". */
  numberFormat?: string;
  bold?: boolean;
  /** Fill colour "#RRGGBB". */
  fill?: string;
  fontColor?: string;
  wrap?: boolean;
  horizontalAlignment?: "left" | "center" | "right";
  /** Thin border around every cell of the area. */
  border?: boolean;
}

/** Fills applied to scattered cells, e.g. highlights of shortfall input cells. */
export interface Highlight {
  /** "#RRGGBB"; null clears the fill (used to remove a previous run's highlights). */
  fill: string | null;
  /** A1 addresses on this sheet, without the sheet name, e.g. ["H7", "J12"]. */
  cells: string[];
}

export interface SheetPlan {
  name: string;
  /**
   * "replace": delete the sheet if present and create it anew (result sheets).
   * "update": write into the existing sheet (the input sheet's result block); input cells untouched.
   * "delete": remove the sheet if present (e.g. 「数据问题」 when there are no issues).
   */
  mode: "replace" | "update" | "delete";
  /** Areas whose values and formats are cleared before writing (a previous run's result block). */
  clear?: Area[];
  blocks: ValueBlock[];
  formats: FormatRun[];
  highlights?: Highlight[];
  /** Merged areas (group headers). */
  merges?: Area[];
  /** Column widths in characters (Excel's default font), by 0-based column. */
  columnWidths?: { col: number; width: number }[];
  /** Frozen rows and columns. */
  freeze?: { rows: number; cols: number };
  /** Tab colour "#RRGGBB". */
  tabColor?: string;
  /** Drop-down lists (template: enums and 是/否 fields). */
  validations?: ListValidation[];
  /** Input hints on header cells (comments/notes). */
  notes?: CellNote[];
}

export interface WritePlan {
  /** Applied in order. */
  sheets: SheetPlan[];
  /** Sheet to activate after writing, if any. */
  activate?: string;
}

/** Excel's own palette for the "bad"/"neutral" cell styles, so highlights look native. */
export const FILL = {
  /** 未达标: Excel "Bad" style fill. */
  unmet: "#FFC7CE",
  /** 基本达标: Excel "Neutral" style fill. */
  basic: "#FFEB9C",
  /** 达标: Excel "Good" style fill. */
  met: "#C6EFCE",
  /** Header of the 评估结果 block. */
  resultHeader: "#DDEBF7",
  header: "#F2F2F2",
} as const;

/** Sheet-level extras used by the template (also in SheetPlan). */
export interface ListValidation extends Area {
  /** Allowed values, e.g. ["是", "否"]. */
  list: string[];
}
export interface CellNote {
  /** A1 address on this sheet. */
  cell: string;
  text: string;
}
