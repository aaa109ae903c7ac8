/**
 * The host port: the only two things the product needs from a spreadsheet host. It belongs to the
 * workbook layer, which defines it; the host adapters implement it (dependencies point inward).
 * Implemented by src/hosts/xlsx (command line and browser), src/hosts/office (Office.js) and
 * src/hosts/wps (WPS 表格).
 *
 * ## Ownership by marker, never by header text
 * The product replaces or clears only what carries its marker. The markers are HIDDEN,
 * WORKBOOK-scoped defined names whose names start with OWNED_PREFIX (hidden names do not show in
 * 名称管理器 / Name Manager, travel with the file in every format Excel and WPS save, follow the
 * sheet when the user renames it and the area when the user inserts rows or columns, and become
 * #REF! when the user deletes what they point at):
 * - RESULT_BLOCK_MARK → the result block on the data sheet, e.g. `'学校数据'!$L$2:$W$60`
 *   (from the 评估结果 title row, or the header row, down to the last data row; its columns only).
 * - sheetMark(key) (e.g. `_YZJH_SHEET_problems`) → cell A1 of a result sheet the product created
 *   (key: the SHEETS key of contract.ts: units, balance, problems, summary, issues; and "report"
 *   for the 报告初稿 sheet). A sheet is the product's if and only if such a name points at it —
 *   whatever it is called now. 清除评估结果 deletes every sheet any sheetMark points at.
 * Conditional-format rules carry their marker in their own formula: every rule the product adds
 * has a formula `AND(OWNED_RULE_TAG=0,…)` (ConditionalFill.formula), where OWNED_RULE_TAG is
 * `N("优质均衡评估助手")` — N() of a text is 0, so the tag is always true and changes nothing, and
 * it names the product to a user who opens 条件格式规则管理器. A rule whose formula contains the
 * tag is the product's; every other rule is the user's. No defined name is needed for it.
 * Names of other scopes (sheet-scoped) or without the prefix are the user's and never touched.
 */
import type { Area, CellValue, WritePlan } from "./plan";

/** Prefix of every defined name the product writes. Hosts report every workbook-scoped name with it. */
export const OWNED_PREFIX = "_YZJH_";
/** Marker of the result block on the data sheet. */
export const RESULT_BLOCK_MARK = `${OWNED_PREFIX}BLOCK`;
/**
 * Contained (verbatim, as Excel stores it) in the formula of every conditional-format rule the
 * product adds: `AND(N("优质均衡评估助手")=0,…)`. Hosts recognise the product's rules by
 * `formula.includes(OWNED_RULE_TAG)` (after dropping a leading "=").
 */
export const OWNED_RULE_TAG = 'N("优质均衡评估助手")';
/** Marker of a result sheet, by its SHEETS key (contract.ts), e.g. sheetMark("problems") = "_YZJH_SHEET_problems". */
export function sheetMark(key: string): string {
  return `${OWNED_PREFIX}SHEET_${key}`;
}

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

/** One marker (defined name starting with OWNED_PREFIX, workbook scope) as the host read it back. */
export interface OwnedMark {
  /** The defined name exactly as stored, e.g. "_YZJH_BLOCK". Hosts compare names case-insensitively, as Excel does. */
  name: string;
  /**
   * The sheet the name refers to, as it is called now; null when the reference is broken (#REF!,
   * the sheet or area was deleted) or is not one rectangle on one sheet (e.g. a constant).
   */
  sheet: string | null;
  /** The rectangle it refers to (0-based), null as for `sheet`. */
  area: Area | null;
}

/** One conditional-format rule of the product (its formula contains OWNED_RULE_TAG), as read back. */
export interface OwnedRule {
  sheet: string;
  /** The first rectangle the rule applies to (0-based), null if the host cannot tell. */
  area: Area | null;
  /** The formula as the host reports it, without a leading "=". */
  formula: string;
}

/** What the product owns in the workbook, as read back (the host's report, not interpreted). */
export interface OwnedState {
  /** Every workbook-scoped defined name starting with OWNED_PREFIX (case-insensitive), whatever it refers to. */
  marks: OwnedMark[];
  /**
   * The product's conditional-format rules on the sheets that were read (at least those; a host
   * may report more). Informational: removal goes by SheetPlan.removeOwnedRules.
   */
  rules: OwnedRule[];
}

export interface WorkbookSnapshot {
  /** Every sheet name in workbook order (also the ones not read). */
  sheetNames: string[];
  /** The sheets that were asked for and exist. */
  sheets: SheetSnapshot[];
  /**
   * The product's markers and rules. Hosts MUST fill it (read in the same batch as the sheets:
   * Office.js `workbook.names`, xlsx `workbook.xml` definedNames, WPS `Names`). Optional only so
   * that snapshots built by hand in tests need not spell it out: absent = nothing is owned.
   */
  owned?: OwnedState;
}

export interface WorkbookHost {
  /** Read the used ranges of the named sheets (those that exist) and the owned state, in one batch where the host allows. */
  read(sheetNames: readonly string[]): Promise<WorkbookSnapshot>;
  /**
   * Apply a write plan. Must never change a cell outside the plan's blocks, clears and (on
   * "replace" sheets) highlights; removes only the product's own rules (removeOwnedRules) and
   * names (marks.remove); writes every name in marks.set hidden and workbook-scoped.
   */
  apply(plan: WritePlan): Promise<void>;
}
