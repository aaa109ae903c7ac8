/**
 * The host port: the only two things the product needs from a spreadsheet host. It belongs to the
 * workbook layer, which defines it; the host adapters implement it (dependencies point inward).
 * Implemented by src/hosts/xlsx (exceljs: command line and browser) and src/hosts/office (Office.js).
 */
import type { CellValue, WritePlan } from "./plan";

/** The used range of one sheet, padded so that values[0][0] is cell A1. */
export interface SheetSnapshot {
  name: string;
  /** Cell values as the host reports them: numbers, strings, booleans, null for empty. Dates as numbers (serial) or ISO strings. */
  values: CellValue[][];
  /** Number formats, same shape as values ("General" where none); needed to read percentages. */
  numberFormats: string[][];
  /** A1 addresses of formulas the file holds without a calculated result (they read as empty). */
  uncalculated?: string[];
}

export interface WorkbookSnapshot {
  /** Every sheet name in workbook order (also the ones not read). */
  sheetNames: string[];
  /** The sheets that were asked for and exist. */
  sheets: SheetSnapshot[];
}

export interface WorkbookHost {
  /** Read the used ranges of the named sheets (those that exist), in one batch where the host allows. */
  read(sheetNames: readonly string[]): Promise<WorkbookSnapshot>;
  /** Apply a write plan. Must never change a cell outside the plan's blocks, clears and highlights. */
  apply(plan: WritePlan): Promise<void>;
}
