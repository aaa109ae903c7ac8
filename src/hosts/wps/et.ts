/**
 * The part of the WPS 表格 (ET) object model the WPS host uses, as structural types of our own.
 *
 * ET is synchronous and VBA-like (Kingsoft's JSAPI, typed in the `et-jsapi-declare` package):
 * collections are 1-based (`Item(1)`), `Range.Value2` is a 2-D array for a block and a scalar for
 * one cell, `Range.NumberFormat` is null when the cells of a range differ, colours are BGR numbers.
 * These types are deliberately narrow: the pane's bundle does not take Kingsoft's global
 * declarations, and test/fakes/fakeEt.ts is checked against both this file and et-jsapi-declare.
 *
 * Property or method: some WPS builds expose a member as a property where others expose a method
 * (e.g. `Worksheet.ChartObjects`, `Range.Address`). Such members are typed `EtMember<T>` and read
 * with `member()`.
 */

/** A value ET hands back or takes for a cell. Empty cells come back as undefined, null or "" depending on the build. */
export type EtCell = string | number | boolean | null | undefined;

/** A member that is a property on some builds and a method on others. */
export type EtMember<T> = T | ((...args: unknown[]) => T);

/** Reads a property-or-method member: calls it when it is a function. */
export function member<T>(owner: object, name: string, ...args: unknown[]): T {
  const m = (owner as Record<string, unknown>)[name];
  return (typeof m === "function" ? (m as (...a: unknown[]) => T).apply(owner, args) : m) as T;
}

export interface EtInterior {
  Color: number;
  /** Setting xlColorIndexNone (-4142) removes a fill. */
  ColorIndex: number;
}

export interface EtFont {
  Bold: boolean;
  Color: number;
}

export interface EtBorders {
  /** Line style of every edge and inside line of the range (xlContinuous = 1). */
  LineStyle: number;
}

export interface EtValidation {
  Add(type: number, alertStyle?: number, operator?: number, formula1?: string): void;
  Delete(): void;
}

export interface EtComment {
  Delete(): void;
}

export interface EtFormatCondition {
  readonly Interior: EtInterior;
  readonly Font: { Color: number };
  /** The number format shown while the rule holds (et-jsapi-declare: FormatCondition.NumberFormat). */
  NumberFormat: string;
  /** The rule's formula as stored, with its leading "=". */
  readonly Formula1: string;
  /** The cells the rule applies to. */
  readonly AppliesTo: EtRange;
  Delete(): void;
}

export interface EtFormatConditions {
  readonly Count: number;
  Add(type: number, operator?: number, formula1?: string): EtFormatCondition;
  Item(index: number): EtFormatCondition;
  Delete(): void;
}

export interface EtRange {
  /** 2-D array for a block (rows of cells), a scalar for one cell. */
  Value2: unknown;
  /** A format string, or null where the range's cells differ. */
  NumberFormat: string | null;
  readonly Row: number;
  readonly Column: number;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number; Item(index: number): EtRange };
  readonly Left: number;
  readonly Top: number;
  readonly Interior: EtInterior;
  readonly Font: EtFont;
  readonly Borders: EtBorders;
  readonly Validation: EtValidation;
  readonly FormatConditions: EtFormatConditions;
  HorizontalAlignment: number;
  WrapText: boolean;
  ColumnWidth: number;
  /** "$H$4:$H$60" (a method on most builds, a property on some). */
  readonly Address: EtMember<string>;
  Resize(rows: number, cols: number): EtRange;
  Merge(across?: boolean): void;
  UnMerge(): void;
  Clear(): unknown;
  AddComment(text: string): EtComment;
  ClearComments(): void;
  Select(): unknown;
}

export interface EtChartFormatColor {
  RGB: number;
}
export interface EtChartSeries {
  ChartType: number;
  readonly Format: {
    readonly Fill: { readonly ForeColor: EtChartFormatColor; Visible?: number };
    readonly Line: { readonly ForeColor: EtChartFormatColor; DashStyle: number; Visible?: number };
  };
}

export interface EtChart {
  ChartType: number;
  HasTitle: boolean;
  readonly ChartTitle: { Text: string };
  HasLegend: boolean;
  readonly Legend: { Position: number };
  SetSourceData(source: EtRange, plotBy?: number): void;
  SeriesCollection(index: number): EtChartSeries;
}

export interface EtChartObject {
  Name: string;
  readonly Chart: EtChart;
}

export interface EtChartObjects {
  readonly Count: number;
  Add(left: number, top: number, width: number, height: number): EtChartObject;
}

export interface EtName {
  readonly Name: string;
  RefersTo: string;
  Visible: boolean;
  Delete(): void;
}

export interface EtNames {
  readonly Count: number;
  Add(name: string, refersTo: string, visible?: boolean): EtName;
  Item(index: number | string): EtName;
}

export interface EtWorksheet {
  Name: string;
  readonly UsedRange: EtRange;
  /** Every cell of the sheet (its FormatConditions are all the sheet's rules). */
  readonly Cells: EtRange;
  readonly Columns: { Item(index: number): EtRange };
  readonly Tab: { Color: number };
  readonly ProtectContents: boolean;
  /** 1-based tab position. */
  readonly Index: number;
  Range(address: string): EtRange;
  /** A method on most builds (`ChartObjects()`), a property on some. */
  readonly ChartObjects: EtMember<EtChartObjects>;
  Activate(): void;
  Delete(): void;
}

export interface EtSheets {
  readonly Count: number;
  Item(index: number | string): EtWorksheet;
  Add(before?: EtWorksheet | null, after?: EtWorksheet | null): EtWorksheet;
}

/** A custom document property (文件 → 属性 → 自定义): travels with the file, in no cell. */
export interface EtDocumentProperty {
  Value: string | number | boolean;
  Delete(): void;
}

export interface EtDocumentProperties {
  readonly Count: number;
  /** By 1-based number or by name (a missing name throws). */
  Item(index: number | string): EtDocumentProperty;
  /** Type msoPropertyTypeString = 4. */
  Add(name: string, linkToContent: boolean, type: number, value: string): EtDocumentProperty;
}

export interface EtWorkbook {
  readonly Worksheets: EtSheets;
  readonly CustomDocumentProperties: EtDocumentProperties;
  readonly Names: EtNames;
  readonly ProtectStructure: boolean;
}

export interface EtWindow {
  FreezePanes: boolean;
  SplitRow: number;
  SplitColumn: number;
  ScrollRow: number;
  ScrollColumn: number;
}

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
  readonly ActiveSheet: EtWorksheet | null;
  readonly ActiveWindow: EtWindow;
  /** The active cell of the active sheet (relative references in FormatConditions.Add are read from it). */
  readonly ActiveCell: EtRange | null;
  ScreenUpdating: boolean;
  DisplayAlerts: boolean;
}

/** ET constants (the VBA enumeration values Kingsoft's object model shares). */
export const XL = {
  /** XlHAlign */
  left: -4131,
  center: -4108,
  right: -4152,
  /** XlLineStyle */
  continuous: 1,
  /** XlColorIndex */
  colorIndexNone: -4142,
  /** XlDVType, XlDVAlertStyle, XlFormatConditionOperator */
  validateList: 3,
  validAlertStop: 1,
  between: 1,
  /** XlFormatConditionType */
  expression: 2,
  /** XlChartType */
  columnClustered: 51,
  columnStacked: 52,
  line: 4,
  /** XlRowCol */
  columns: 2,
  /** XlLegendPosition */
  legendBottom: -4107,
  /** MsoLineDashStyle */
  lineDash: 4,
} as const;

/** "#RRGGBB" → the BGR number ET's Color properties take (red in the low byte). */
export function bgr(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) throw new Error(`bad colour ${hex}`);
  return parseInt(m[1], 16) | (parseInt(m[2], 16) << 8) | (parseInt(m[3], 16) << 16);
}
