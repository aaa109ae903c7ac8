/**
 * The template contract (shared/spec/template.md): sheet names and the reader's output.
 * These names are relied on by other tools: keep them stable.
 */
import type { CountyDataset, ProfileOverride, SchoolField } from "../engine/types";
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

/** Where things are on the 「学校数据」 sheet (all 0-based). */
export interface SchoolSheetLayout {
  sheet: string;
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
  /** Sheet row of dataset.schools[i]. */
  schoolRows: number[];
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
}

/** The reader refuses a workbook it cannot use at all (exit code 2 on the command line). */
export class UnusableWorkbookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnusableWorkbookError";
  }
}
