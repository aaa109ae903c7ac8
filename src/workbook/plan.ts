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
  /**
   * Native charts on this sheet, created after its values are written. Honoured only on
   * "replace"-mode sheets: the sheet is created anew, so running twice recreates the charts and
   * never duplicates them (hosts ignore charts on "update" sheets).
   */
  charts?: ChartSpec[];
}

/**
 * A native column chart over a data table written on the same sheet (host-neutral: XlsxHost
 * writes DrawingML, OfficeHost calls worksheet.charts.add). References are absolute A1 ranges
 * without the sheet name, e.g. "$A$14:$A$21".
 */
export interface ChartSpec {
  /** Chart name, unique on the sheet; also its title. */
  name: string;
  title: string;
  /** Column chart: bars side by side ("clustered") or stacked ("stacked"). */
  type: "clustered" | "stacked";
  /** The whole data table: header row (series names) above, category labels in its first column. */
  tableRef: string;
  /** The category labels (first column of the table, without the header). */
  categoriesRef: string;
  /** Cached copy of the category labels (file formats store it beside the reference). */
  categories: string[];
  /** One per data column of the table, in order. */
  series: ChartSeriesSpec[];
  /** Number format of the values axis and cache, Excel style ("0.0000", "0"). */
  numberFormat: string;
  /** The chart's frame in cells: top-left cell (0-based) and size in rows and columns. */
  anchor: Area;
}

export interface ChartSeriesSpec {
  /** The header cell holding the series name, e.g. "$B$13". */
  nameRef: string;
  /** The series values, e.g. "$B$14:$B$21". */
  valuesRef: string;
  /** Cached copies of the name and values. */
  name: string;
  values: (number | null)[];
  /** Drawn as columns, or as a line over the columns. */
  kind: "bar" | "line";
  /** "#RRGGBB". */
  color: string;
  /** Line series only: dashed. */
  dashed?: boolean;
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
