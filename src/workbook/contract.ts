/**
 * The template contract (shared/spec/template.md): sheet names and the reader's output.
 * These names are relied on by other tools: keep them stable.
 */
import type { CountyDataset, ProfileOverride, SchoolField, Section } from "../engine/types";
import type { Area } from "./plan";
import type { OwnedState } from "./port";

export const SHEETS = {
  schools: "学校数据",
  county: "县级指标",
  profile: "评估标准",
  guide: "说明",
  units: "监测点指标",
  balance: "差异系数",
  problems: "问题清单",
  summary: "评估汇总",
  issues: "数据问题",
  columnMap: "列对应",
} as const;

/** Result sheets an assessment replaces, in tab order. */
export const RESULT_SHEETS = [SHEETS.units, SHEETS.balance, SHEETS.problems, SHEETS.summary, SHEETS.issues] as const;

/** The header over the result block written beside the school data. */
export const RESULT_BLOCK_TITLE = "评估结果";

/** One input problem, addressed to a cell. */
export interface DataIssue {
  sheet: string;
  /** A1 address without the sheet name (e.g. "H7"); null for a sheet-level problem (missing sheet/column). */
  cell: string | null;
  severity: "error" | "warning";
  /** The cell's text as entered, when there is one. */
  raw: string | null;
  /** Chinese message, e.g. "「小学在校生数」不是非负数". */
  message: string;
  /** The school concerned, when the issue is on a school row. */
  school?: string;
}

/**
 * The layouts the reader recognises (docs/workbook-input.md):
 * - template: the product's own 「学校数据」 (one header row, numerators added up);
 * - statistics: a flat export of the 教育事业统计 system (merged header of 2–4 rows, components);
 * - sections: 按学段分表, one sheet per section, one row per 监测点;
 * - values: the national 表Ⅱ-2, one row per 监测点 with the seven indicator values;
 * - mapping: read by a 「列对应」 sheet.
 */
export type LayoutKind = "template" | "statistics" | "sections" | "values" | "mapping";

/** Where things are on a school data sheet (all 0-based). */
export interface SchoolSheetLayout {
  sheet: string;
  kind: LayoutKind;
  /** The section of a 按学段 sheet; null for a sheet with both sections. */
  section: Section | null;
  /** First header row (the top of a merged header, or the group row). */
  headerTop: number;
  headerRow: number;
  /** The merged group-header row above the header row, if any. */
  groupHeaderRow: number | null;
  firstDataRow: number;
  /** Inclusive; firstDataRow - 1 when there are no schools. */
  lastDataRow: number;
  /** Column of each recognised field. */
  columns: Partial<Record<SchoolField, number>>;
  /** Last column with a header (the user's table; the product's own block excluded). */
  lastInputCol: number;
  /**
   * Last column holding anything in any row of the whole sheet (notes right of the table included),
   * the product's own block excluded: the new result block starts two columns after it.
   */
  lastUsedCol: number;
  /** The product's result block from a previous run, by its marker (port.ts RESULT_BLOCK_MARK), if it is on this sheet. */
  ownedBlock: Area | null;
  /** Sheet row of dataset.schools[i] on this sheet; -1 when the school has no row here. */
  schoolRows: number[];
}

/** One field of the 「列对应」 sheet: where it was read and how. */
export interface MappedField {
  sheet: string;
  /** The section the row stands for (a 按学段 sheet, a 表Ⅱ-2 row's 学段); null for a whole-school row. */
  section: Section | null;
  field: SchoolField | "code";
  /** Column letters, e.g. 「D」, 「K+L+M」, 「Q−R」, 「F×D÷100」. */
  formula: string;
  /** The header path(s) used, e.g. 「专任教师→小学→本科」. */
  header: string;
  unit: string | null;
  /** E.g. 「全校合计，仅用于单学段学校」 for whole-school parts. */
  note?: string;
}

/** What the reader used to find the data: the basis of the 「列对应」 sheet and of the pane's view. */
export interface ColumnMapping {
  sheets: { sheet: string; kind: LayoutKind; section: Section | null; headerTop: number; headerBottom: number; firstDataRow: number; sectionCol?: number }[];
  fields: MappedField[];
  /** True when the data was read by the workbook's 「列对应」 sheet. */
  bySheet?: boolean;
  /** Every header path of each data sheet (the choices of the pane's drop-downs). */
  headers: Record<string, { col: number; text: string }[]>;
}

export interface ReadResult {
  dataset: CountyDataset;
  issues: DataIssue[];
  layout: SchoolSheetLayout;
  /** Overrides from 「评估标准」 (empty object when the sheet is absent). */
  profileOverride: ProfileOverride;
  /** Row of each county item in 「县级指标」, for addressing (key → 0-based row). */
  countyRows: Record<string, number>;
  /** What the product owns, as the host read it back (markers and rules). */
  owned: OwnedState;
  /** Every sheet name in workbook order. */
  sheetNames: string[];
  /** Every data sheet read (layout is the first). */
  layouts: SchoolSheetLayout[];
  /** The columns used, as a 「列对应」 sheet would give them. */
  mapping: ColumnMapping;
  /** Sheets that look like school data (for the pane's choice), the ones read first. */
  candidateSheets: string[];
  /** Per school (dataset index): derived values and the cells that fed them, e.g. 「101（小学） = K7+L7+M7」. */
  traces: { section: Section | null; text: string }[][];
}

/** The reader refuses a workbook it cannot use at all (exit code 2 on the command line). */
export class UnusableWorkbookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnusableWorkbookError";
  }
}
