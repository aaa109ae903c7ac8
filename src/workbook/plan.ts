/**
 * The host-neutral write plan: what an assessment writes into a workbook.
 *
 * src/workbook renders an Assessment (plus what it read) into a WritePlan; a host adapter
 * (src/hosts/xlsx with exceljs, src/hosts/office with Office.js) applies it. Hosts stay thin:
 * every layout decision is made here, never in a host.
 *
 * Coordinates are 0-based (row 0 = sheet row 1, col 0 = column A).
 *
 * Ownership: a plan only ever deletes, replaces or clears what the product owns by marker (see
 * port.ts: hidden defined names starting with OWNED_PREFIX). The renderer guarantees it from the
 * snapshot's `owned`; hosts apply the plan literally:
 * - "replace"/"delete" sheets are sheets a marker points at (or, for "replace", a name that is free);
 * - `clear` areas are the marked result block; `removeOwnedRules` removes only rules whose formula
 *   contains OWNED_RULE_TAG; `marks` adds and removes only OWNED_PREFIX names.
 * 清除评估结果 is a plan like any other (owned.ts: clearPlan): delete the owned sheets, clear the
 * block, remove the rules and the markers.
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

/**
 * Fills applied to scattered cells of the product's OWN sheets ("replace" mode), where their
 * number is fixed or small (the verdict lines of 评估汇总 and 差异系数; one per county in the
 * 多县汇总 workbook). Status colours that grow with the schools (监测点指标, 问题清单, 数据问题,
 * 整改测算, 与上年比较) are conditional formats over whole columns instead
 * (ConditionalFill), so that no host's work grows with the number of schools. Never used on an
 * "update" sheet: a fill on a user's cell would replace the user's own fill.
 */
export interface Highlight {
  /** "#RRGGBB"; null clears the fill (no longer produced by the renderer; hosts may still honour it). */
  fill: string | null;
  /** A1 addresses on this sheet, without the sheet name, e.g. ["H7", "J12"]. */
  cells: string[];
}

export interface SheetPlan {
  name: string;
  /**
   * "replace": delete the sheet if present and create it anew (result sheets). The renderer emits
   * it only for a sheet the product owns by marker, or for a name no sheet has (a user's sheet
   * that merely has a result sheet's name is kept, and the result goes to e.g. 问题清单（评估）).
   * "update": write into the existing sheet (the data sheet's result block); input cells untouched.
   * The renderer sets no columnWidths, freeze, tabColor, notes or charts on "update" sheets (those
   * are the user's), and emits "update" only for a sheet that exists.
   * "delete": remove the sheet if present (e.g. 「数据问题」 when there are no issues); emitted only
   * for a sheet the product owns by marker.
   */
  mode: "replace" | "update" | "delete";
  /**
   * Areas whose values, formats (fills, borders, number formats, fonts) and merges are cleared
   * before writing: only ever the area of the product's own result block as its marker says
   * (OwnedMark.area of RESULT_BLOCK_MARK). Hosts clear exactly these cells, nothing around them.
   */
  clear?: Area[];
  blocks: ValueBlock[];
  formats: FormatRun[];
  /** Fills on the product's own cells; "replace" sheets only (see Highlight). */
  highlights?: Highlight[];
  /**
   * Remove, before anything else is written on this sheet, every conditional-format rule that is
   * the product's: a rule whose formula contains OWNED_RULE_TAG (src/workbook/port.ts). Rules
   * without it are the user's and are never touched, even where they overlap the result block.
   * Used on "update" sheets (the data sheet) by an assessment (before adding conditionalFills)
   * and by 清除评估结果. Ignored on "delete"/"replace" sheets (their rules go with the sheet).
   */
  removeOwnedRules?: boolean;
  /**
   * Conditional-format rules to add after the values are written, in this order (the highlights
   * of the data sheet; also on a "replace" sheet, e.g. the 导出上报 copy of the data sheet).
   * See ConditionalFill.
   */
  conditionalFills?: ConditionalFill[];
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
  /**
   * Ownership markers (hidden workbook-scoped defined names, see OwnedMark in port.ts). Order:
   * 1. the sheets, in order; 2. `marks.remove`; 3. `marks.set` (a `set` name may refer to a
   * sheet the plan created). The renderer never `set`s a name the snapshot showed unless it also
   * `remove`s it, so `set` never meets an existing name; a host that finds one anyway overwrites it.
   * Absent = no change to any marker.
   */
  marks?: MarkPlan;
}

/**
 * A conditional-format rule of type "expression" (Excel: 使用公式确定要设置格式的单元格): where
 * `formula` is true, the cell shows `fill` (and `fontColor`). This is how the product highlights
 * cells it does not own (the user's input cells on 「学校数据」) without touching their own
 * format: the user's fill stays, the rule paints over it while true, and removing the rule (next
 * run, 清除评估结果) leaves the cell exactly as the user had it. The highlight follows the data:
 * the formula reads the product's own status columns in the result block, so one rule covers a
 * whole column of schools and the number of rules does not grow with the number of schools.
 *
 * Hosts: Office.js `range.conditionalFormats.add(Excel.ConditionalFormatType.custom)` with
 * `custom.rule.formula = "=" + formula`, `custom.format.fill.color`, `custom.format.font.color`;
 * xlsx `<conditionalFormatting sqref><cfRule type="expression" dxfId priority><formula>` with an
 * appended `<dxf>`; WPS `Range.FormatConditions.Add(xlExpression, , "=" + formula)`.
 * Add the rules in plan order; stopIfTrue is left false. Where two rules of one plan overlap,
 * the renderer makes their formulas mutually exclusive, so the host's priority order does not
 * matter (a host may put them above or below the user's rules; it must not re-number or change
 * the user's rules beyond what the file format requires, e.g. xlsx priorities stay unique).
 */
export interface ConditionalFill {
  /** The cells the rule applies to (one rectangle; e.g. one input column over the data rows). */
  area: Area;
  /**
   * Excel formula WITHOUT the leading "=", in A1 style with English function names (as xlsx
   * stores it and as Office.js `rule.formula` takes it after "="), relative to the top-left cell
   * of `area` exactly as Excel stores conditional formats: for area H4:H60, `$X4="未达标"` tests
   * X4 for H4, X5 for H5, … Always contains OWNED_RULE_TAG (port.ts), e.g.
   * `AND(N("优质均衡评估助手")=0,$X4="未达标")`: that is how the product recognises its own rules
   * later. Hosts write it verbatim and need not parse it.
   */
  formula: string;
  /** "#RRGGBB" fill while the formula is true; absent for a number-format-only rule. */
  fill?: string;
  /** "#RRGGBB" font colour while the formula is true, if any. */
  fontColor?: string;
  /**
   * Excel number format while the formula is true, if any (Office.js `custom.format.numberFormat`,
   * ExcelApi 1.6; xlsx `<dxf><numFmt>`; WPS `FormatCondition.NumberFormat`). The product uses it
   * on its own sheets for a column whose lines are of different kinds (「问题清单」's 实际值:
   * decimals, whole numbers, percentages), so that one rule per kind replaces a format per line.
   */
  numberFormat?: string;
}

/**
 * A marker to write: a HIDDEN, WORKBOOK-scoped defined name referring to an area of a sheet
 * (xlsx: `<definedName name hidden="1">'学校数据'!$L$2:$W$60</definedName>`; Office.js:
 * `workbook.names.add(name, "='学校数据'!$L$2:$W$60")` then `visible = false`, ExcelApi 1.4/1.1;
 * WPS: `Names.Add(Name, RefersTo, Visible:=false)`). Hosts quote the sheet name and write
 * absolute references (owned.ts markReference does it).
 */
export interface MarkSpec {
  name: string;
  sheet: string;
  area: Area;
}

export interface MarkPlan {
  /** Names (OwnedMark.name as read) to delete; a name that is no longer there is skipped. */
  remove: string[];
  /** Names to add. */
  set: MarkSpec[];
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

/** Font colours of Excel's "Bad"/"Neutral" cell styles, used with FILL in conditional fills. */
export const FONT = {
  unmet: "#9C0006",
  basic: "#9C5700",
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
