/**
 * renderAssessment: an Assessment (plus what the reader found) → a host-neutral WritePlan.
 *
 * - 「学校数据」 ("update"): a block of result columns two columns right of the last used column of
 *   the whole sheet (notes right of the table included), over the header row(s) and the data rows
 *   only, under a merged 评估结果 title where there is a group-header row. A previous run's block
 *   is found by its marker (never by header text) and cleared first, and the product's previous
 *   conditional formats are removed, so running twice equals running once. Input cells are never
 *   written: shortfall cells are highlighted by conditional formats (red 未达标, amber 基本达标)
 *   whose formulas read the block's own 短板指标 column, so a user's fill stays and the rule count
 *   does not grow with the number of schools. No column widths, freeze panes or wraps are set on
 *   this sheet (those are the user's).
 * - Result sheets ("replace"): 监测点指标, 差异系数, 问题清单, 评估汇总, 数据问题 ("delete" when
 *   there are no issues), placed by ownership (owned.ts): a user's sheet of the same name is kept
 *   and the result goes to e.g. 问题清单（评估）. See render-sheets.ts. 差异系数 also carries the
 *   chart-data table and the two native charts (charts/place.ts), recreated with the sheet.
 * - Markers (port.ts): the block and each result sheet get a hidden defined name, set anew each run.
 */
import { CHECK_STATUS_LABEL } from "../engine/format";
import { SECTION_FIELDS, WHOLE_SCHOOL_FACILITY } from "../engine/units";
import type { Assessment, CheckStatus, IndicatorCode, Section, UnitResult } from "../engine/types";
import { RESULT_BLOCK_TITLE, SHEETS } from "./contract";
import type { ReadResult } from "./contract";
import { FILL, FONT } from "./plan";
import type { Area, CellValue, ConditionalFill, MarkSpec, SheetPlan, WritePlan } from "./plan";
import { assessmentMarksToRemove, blockMark, blockMarks, ownedRuleFormula, placeResultSheets } from "./owned";
import { balanceSheet, issuesSheet, problemsSheet, summarySheet, unitsSheet } from "./render-sheets";
import { headerRun } from "./render-table";
import { listShortfalls, shortfallPhrase, unitVerdict } from "./shortfalls";
import type { Shortfall } from "./shortfalls";
import { colLetter, parseA1 } from "./text";
import { withChartTable } from "./charts/place";

export const RESULT_COLUMNS = [
  { header: "小学监测点", width: 10 },
  { header: "小学达标项数", width: 8 },
  { header: "初中监测点", width: 10 },
  { header: "初中达标项数", width: 8 },
  { header: "203 音美专用教室", width: 10 },
  { header: "204 办学规模", width: 10 },
  { header: "205 小学班额", width: 10 },
  { header: "205 初中班额", width: 10 },
  { header: "304 培训经费", width: 10 },
  { header: "短板指标", width: 24 },
  { header: "需改进", width: 48 },
] as const;

/** Index of the 短板指标 column in RESULT_COLUMNS; the status columns are those before it. */
const TOKENS = RESULT_COLUMNS.findIndex((c) => c.header === "短板指标");


export function renderAssessment(assessment: Assessment, read: ReadResult): WritePlan {
  const shortfalls = listShortfalls(assessment, read);
  const placed = placeResultSheets(
    [unitsSheet(assessment, read.traces), withChartTable(balanceSheet(assessment, read), assessment), problemsSheet(shortfalls), summarySheet(assessment, read), issuesSheet(read)],
    read,
  );
  const issuesName = placed.names.get(SHEETS.issues) ?? SHEETS.issues;
  // 按学段分表: the results also go beside the data on the other section sheet(s), each block under its own marker.
  const schools = read.layouts.map((layout, i) => {
    const r: ReadResult = i === 0 ? read : { ...read, layout };
    return schoolSheet(assessment, r, i === 0 ? shortfalls : listShortfalls(assessment, r), issuesName, blockMark(i));
  });
  const sheets: SheetPlan[] = [...staleBlocks(read), ...schools.map((s) => s.sheet), ...placed.sheets];
  return {
    sheets,
    activate: placed.names.get(SHEETS.summary) ?? SHEETS.summary,
    marks: { remove: assessmentMarksToRemove(read.owned), set: [...schools.map((s) => s.mark), ...placed.marks] },
  };
}

/** Previous blocks whose markers point at an existing sheet that is no longer a data sheet (the data sheet was swapped): cleared. */
function staleBlocks(read: ReadResult): SheetPlan[] {
  const current = new Set(read.layouts.map((l) => l.sheet.toLowerCase()));
  const out: SheetPlan[] = [];
  for (const m of blockMarks(read.owned)) {
    if (!m.sheet || !m.area || current.has(m.sheet.toLowerCase())) continue;
    const name = read.sheetNames.find((n) => n.toLowerCase() === m.sheet!.toLowerCase());
    if (name) out.push({ name, mode: "update", blocks: [], formats: [], clear: [m.area], removeOwnedRules: true });
  }
  return out;
}

function checkLabel(s: CheckStatus | undefined): string | null {
  return s === undefined ? null : CHECK_STATUS_LABEL[s];
}

const STATUS_ZH = { unmet: "未达标", basic: "基本达标" } as const;

/** "小学101未达标", "203音乐基本达标", "304未达标": one shortfall in the 短板指标 column (and in rule formulas). */
function token(s: Shortfall): string {
  const section = s.section ? (s.section === "primary" ? "小学" : "初中") : "";
  const kind = s.code === "203" ? s.item.slice(0, 2) : "";
  return `${section}${s.code}${kind}${STATUS_ZH[s.status]}`;
}

/** The 学校数据 update: clear of the marked block, the new block, its conditional fills and marker. */
function schoolSheet(assessment: Assessment, read: ReadResult, shortfalls: Shortfall[], issuesName: string, markName: string): { sheet: SheetPlan; mark: MarkSpec } {
  const { layout } = read;
  const sheet: SheetPlan = { name: layout.sheet, mode: "update", blocks: [], formats: [], merges: [], removeOwnedRules: true, conditionalFills: [] };
  const left = layout.lastUsedCol + 2;
  const ncols = RESULT_COLUMNS.length;

  // The merged 评估结果 title goes on the group-header row. Without one, 评估结果 goes into each
  // result header's own text instead: the row above the header may hold the sheet's title (the
  // reader takes the county name from it), so it is never written.
  const titleRow = layout.groupHeaderRow;
  const top = titleRow ?? layout.headerRow;
  const firstRow = layout.firstDataRow;
  const nrows = layout.lastDataRow - firstRow + 1;
  const block: Area = { row: top, col: left, rows: Math.max(firstRow, layout.lastDataRow + 1) - top, cols: ncols };

  // 1. Clear the previous run's block, exactly the area its marker names.
  sheet.clear = layout.ownedBlock ? [layout.ownedBlock] : [];

  // 2. Title and headers (no wrap: the header row's height is the user's).
  const headerStyle = (row: number) => {
    const { wrap: _wrap, ...run } = headerRun(row, left, 1, ncols, FILL.resultHeader);
    return { ...run, fontColor: "#1F4E79" };
  };
  if (titleRow !== null) {
    sheet.blocks.push({ row: titleRow, col: left, values: [[RESULT_BLOCK_TITLE, ...new Array<CellValue>(ncols - 1).fill(null)]] });
    sheet.merges!.push({ row: titleRow, col: left, rows: 1, cols: ncols });
    sheet.formats.push(headerStyle(titleRow));
  }
  const headers = RESULT_COLUMNS.map((c) => (titleRow === null ? `${RESULT_BLOCK_TITLE}：${c.header}` : c.header));
  sheet.blocks.push({ row: layout.headerRow, col: left, values: [headers] });
  sheet.formats.push(headerStyle(layout.headerRow));

  // 3. One row of results per school, written as one block over the data rows.
  const units = new Map<string, UnitResult>();
  for (const u of assessment.units) units.set(`${u.schoolIndex}:${u.section}`, u);
  const shortBySchool = new Map<number, Shortfall[]>();
  for (const s of shortfalls) {
    const list = shortBySchool.get(s.schoolIndex) ?? [];
    list.push(s);
    shortBySchool.set(s.schoolIndex, list);
  }
  const checksBySchool = new Map(assessment.schools.map((c) => [c.schoolIndex, c]));

  if (nrows > 0) {
    const values: CellValue[][] = Array.from({ length: nrows }, () => new Array<CellValue>(ncols).fill(null));
    read.dataset.schools.forEach((_, i) => {
      const row = layout.schoolRows[i];
      if (row === undefined || row < firstRow || row - firstRow >= nrows) return;
      const line = values[row - firstRow];
      const notes: string[] = [];
      let hasError = false;
      (["primary", "junior"] as Section[]).forEach((section, k) => {
        const u = units.get(`${i}:${section}`);
        if (!u) return;
        line[2 * k] = unitVerdict(u, assessment.profile.minMetIndicators);
        line[2 * k + 1] = u.included ? u.metCount : null;
        if (!u.included && u.excludedReason) notes.push(`${section === "primary" ? "小学" : "初中"}不参评：${u.excludedReason}`);
        if (u.errorCount > 0) hasError = true;
      });
      const c = checksBySchool.get(i);
      if (c) {
        const statuses = [c.rooms.status, c.scale.status, c.classSize.primary?.status, c.classSize.junior?.status, c.trainingFunds.status];
        statuses.forEach((s, k) => {
          line[4 + k] = checkLabel(s);
          if (s === "error") hasError = true;
        });
      }
      const mine = shortBySchool.get(i) ?? [];
      line[TOKENS] = [...new Set(mine.map(token))].join("、") || null;
      const phrases = [...new Set(mine.map(shortfallPhrase))];
      if (hasError) phrases.push(`数据有误，见「${issuesName}」`);
      line[ncols - 1] = [...phrases, ...notes].join("；") || null;
    });
    sheet.blocks.push({ row: firstRow, col: left, values });
    sheet.conditionalFills = [...statusFills({ row: firstRow, col: left, rows: nrows, cols: TOKENS }), ...inputFills(read, shortfalls, left + TOKENS)];
  }
  return { sheet, mark: { name: markName, sheet: layout.sheet, area: block } };
}

/** Excel's limit on the length of a conditional-format formula (kept well under by the compact terms). */
export const MAX_RULE_FORMULA = 255;

/** Red where a status cell of the block says 未达标 or 数据有误, amber where 基本达标 (2 rules). */
function statusFills(area: Area): ConditionalFill[] {
  const cell = `${colLetter(area.col)}${area.row + 1}`;
  return [
    { area, formula: ownedRuleFormula(`OR(${cell}="未达标",${cell}="数据有误")`), fill: FILL.unmet, fontColor: FONT.unmet },
    { area, formula: ownedRuleFormula(`${cell}="基本达标"`), fill: FILL.basic, fontColor: FONT.basic },
  ];
}

/**
 * The input-cell highlights: per input column at most two rules (red, and amber where not red),
 * each true on a school's row when that row's 短板指标 cell lists a shortfall fed by the column.
 * 104–107 may be fed by the section's own column or, where that is blank, by the whole-school
 * column: when both columns are on the sheet, a term also tests the own column (blank or not),
 * so the highlight lands on the cell that was used.
 */
function inputFills(read: ReadResult, shortfalls: Shortfall[], tokenCol: number): ConditionalFill[] {
  const { layout } = read;
  const firstRow = layout.firstDataRow;
  const rows = layout.lastDataRow - firstRow + 1;
  const ref = (col: number) => `$${colLetter(col)}${firstRow + 1}`;
  const byCol = new Map<number, { unmet: Set<string>; basic: Set<string> }>();
  for (const s of shortfalls) {
    const at = s.cell ? parseA1(s.cell) : null;
    if (!at) continue;
    let guard = "";
    const code = s.code as IndicatorCode;
    const whole = WHOLE_SCHOOL_FACILITY[code];
    if (s.section && whole) {
      const ownCol = layout.columns[SECTION_FIELDS[s.section].numerator[code]];
      const wholeCol = layout.columns[whole];
      if (ownCol !== undefined && wholeCol !== undefined) guard = at.col === ownCol ? `${ref(ownCol)}<>""` : `${ref(ownCol)}=""`;
    }
    // COUNTIF of one cell is 1 or 0: shorter than ISNUMBER(SEARCH(…)) (rule formulas stay under MAX_RULE_FORMULA).
    const search = `COUNTIF(${ref(tokenCol)},"*${token(s)}*")`;
    const term = guard ? `AND(${search},${guard})` : search;
    let sets = byCol.get(at.col);
    if (!sets) byCol.set(at.col, (sets = { unmet: new Set(), basic: new Set() }));
    sets[s.status].add(term);
  }
  const out: ConditionalFill[] = [];
  for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
    const { unmet, basic } = byCol.get(col)!;
    const area: Area = { row: firstRow, col, rows, cols: 1 };
    const any = (terms: Set<string>) => (terms.size === 1 ? [...terms][0] : `OR(${[...terms].join(",")})`);
    if (unmet.size) out.push({ area, formula: ownedRuleFormula(any(unmet)), fill: FILL.unmet, fontColor: FONT.unmet });
    if (basic.size) {
      const cond = unmet.size ? `AND(NOT(${any(unmet)}),${any(basic)})` : any(basic);
      out.push({ area, formula: ownedRuleFormula(cond), fill: FILL.basic, fontColor: FONT.basic });
    }
  }
  return out;
}
