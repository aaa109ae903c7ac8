/**
 * renderAssessment: an Assessment (plus what the reader found) → a host-neutral WritePlan.
 *
 * - 「学校数据」 ("update"): a block of result columns right of the data, under a merged 评估结果
 *   header; a previous run's block and highlights are cleared first, so running twice equals
 *   running once. Shortfall input cells are highlighted (未达标 red, 基本达标 amber). Input cell
 *   values are never written.
 * - Result sheets ("replace"): 监测点指标, 差异系数, 问题清单, 评估汇总, 数据问题 ("delete" when
 *   there are no issues). See render-sheets.ts. 差异系数 also carries the chart-data table and the
 *   two native charts (charts/place.ts), recreated with the sheet on every run.
 */
import { CHECK_STATUS_LABEL } from "../engine/format";
import type { Assessment, CheckStatus, Section, UnitResult } from "../engine/types";
import { RESULT_BLOCK_TITLE, SHEETS } from "./contract";
import type { ReadResult } from "./contract";
import { FILL } from "./plan";
import type { Area, CellValue, SheetPlan, WritePlan } from "./plan";
import { balanceSheet, issuesSheet, problemsSheet, summarySheet, unitsSheet } from "./render-sheets";
import { addHighlight, emptySheet, headerRun } from "./render-table";
import { listShortfalls, shortfallPhrase, unitVerdict } from "./shortfalls";
import type { Shortfall } from "./shortfalls";
import { a1 } from "./text";
import { withChartTable } from "./charts/place";

/** Rows of a sheet (Excel's limit): a clear of a previous block reaches the bottom of the sheet. */
const SHEET_ROWS = 1_048_576;

/** The result columns written beside the school data, in order. */
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
  { header: "需改进", width: 48 },
] as const;

export function renderAssessment(assessment: Assessment, read: ReadResult): WritePlan {
  const shortfalls = listShortfalls(assessment, read);
  const issues = issuesSheet(read);
  // 按学段分表: the results also go beside the data on the other section sheet(s).
  const others = read.layouts.slice(1).map((layout) => {
    const r: ReadResult = { ...read, layout, previousHighlights: [] };
    return schoolSheet(assessment, r, listShortfalls(assessment, r));
  });
  return {
    sheets: [
      schoolSheet(assessment, read, shortfalls),
      ...others,
      unitsSheet(assessment, read.traces),
      withChartTable(balanceSheet(assessment, read), assessment),
      problemsSheet(shortfalls),
      summarySheet(assessment, read),
      issues,
    ],
    activate: SHEETS.summary,
  };
}

function checkLabel(s: CheckStatus | undefined): string | null {
  return s === undefined ? null : CHECK_STATUS_LABEL[s];
}

/** The 学校数据 update: result block, clears, highlights. */
function schoolSheet(assessment: Assessment, read: ReadResult, shortfalls: Shortfall[]): SheetPlan {
  const { layout } = read;
  const sheet = emptySheet(layout.sheet, "update");
  const left = layout.lastInputCol + 2;
  const ncols = RESULT_COLUMNS.length;

  // The merged 评估结果 title goes on the group-header row. Without one, 评估结果 goes into each
  // result header's own text instead: the row above the header may hold the sheet's title (the
  // reader takes the county name from it), so it is never written.
  const titleRow = layout.groupHeaderRow;
  const top = titleRow ?? layout.headerRow;

  // 1. Clear a previous run's block (values, formats, merges) down to the bottom of the sheet.
  const clears: Area[] = [];
  const prev = layout.previousResultBlock;
  if (prev) clears.push({ row: top, col: prev.firstCol, rows: SHEET_ROWS - top, cols: prev.lastCol - prev.firstCol + 1 });
  sheet.clear = clears;

  // 2. Title and headers.
  if (titleRow !== null) {
    sheet.blocks.push({ row: titleRow, col: left, values: [[RESULT_BLOCK_TITLE, ...new Array<CellValue>(ncols - 1).fill(null)]] });
    sheet.merges!.push({ row: titleRow, col: left, rows: 1, cols: ncols });
    sheet.formats.push({ ...headerRun(titleRow, left, 1, ncols, FILL.resultHeader), fontColor: "#1F4E79" });
  }
  const headers = RESULT_COLUMNS.map((c) => (titleRow === null ? `${RESULT_BLOCK_TITLE}：${c.header}` : c.header));
  sheet.blocks.push({ row: layout.headerRow, col: left, values: [headers] });
  sheet.formats.push({ ...headerRun(layout.headerRow, left, 1, ncols, FILL.resultHeader), fontColor: "#1F4E79" });
  RESULT_COLUMNS.forEach((c, j) => sheet.columnWidths!.push({ col: left + j, width: c.width }));

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

  const firstRow = layout.firstDataRow;
  const nrows = layout.lastDataRow - firstRow + 1;
  if (nrows > 0) {
    const values: CellValue[][] = Array.from({ length: nrows }, () => new Array<CellValue>(ncols).fill(null));
    const red: string[] = [];
    const amber: string[] = [];
    const mark = (row: number, j: number, status: string | undefined) => {
      if (status === "unmet" || status === "数据有误") red.push(a1(row, left + j));
      else if (status === "basic") amber.push(a1(row, left + j));
    };
    read.dataset.schools.forEach((_, i) => {
      const row = layout.schoolRows[i];
      if (row === undefined || row < firstRow || row - firstRow >= nrows) return;
      const line = values[row - firstRow];
      const notes: string[] = [];
      let hasError = false;
      (["primary", "junior"] as Section[]).forEach((section, k) => {
        const u = units.get(`${i}:${section}`);
        if (!u) return;
        const verdict = unitVerdict(u, assessment.profile.minMetIndicators);
        line[2 * k] = verdict;
        line[2 * k + 1] = u.included ? u.metCount : null;
        if (verdict === "未达标") mark(row, 2 * k, "unmet");
        if (!u.included && u.excludedReason) notes.push(`${section === "primary" ? "小学" : "初中"}不参评：${u.excludedReason}`);
        if (u.errorCount > 0) hasError = true;
      });
      const c = checksBySchool.get(i);
      if (c) {
        const statuses = [c.rooms.status, c.scale.status, c.classSize.primary?.status, c.classSize.junior?.status, c.trainingFunds.status];
        statuses.forEach((s, k) => {
          line[4 + k] = checkLabel(s);
          mark(row, 4 + k, s);
          if (s === "error") hasError = true;
        });
      }
      const phrases = [...new Set((shortBySchool.get(i) ?? []).map(shortfallPhrase))];
      if (hasError) phrases.push("数据有误，见「数据问题」");
      line[ncols - 1] = [...phrases, ...notes].join("；") || null;
    });
    sheet.blocks.push({ row: firstRow, col: left, values });
    addHighlight(sheet, FILL.unmet, red);
    addHighlight(sheet, FILL.basic, amber);
  }

  // 4. Input-cell highlights: clear the previous run's (those not highlighted again), then set.
  const worst = new Map<string, "basic" | "unmet">();
  for (const s of shortfalls) {
    if (!s.cell) continue;
    if (s.status === "unmet" || !worst.has(s.cell)) worst.set(s.cell, s.status);
  }
  const stale = read.previousHighlights.filter((c) => !worst.has(c));
  addHighlight(sheet, null, [...new Set(stale)]);
  const inputRed: string[] = [];
  const inputAmber: string[] = [];
  for (const [cell, status] of worst) (status === "unmet" ? inputRed : inputAmber).push(cell);
  addHighlight(sheet, FILL.unmet, inputRed);
  addHighlight(sheet, FILL.basic, inputAmber);
  // Clears must come before fills of the same cells: order the list null-first.
  sheet.highlights!.sort((a, b) => (a.fill === null ? -1 : 0) - (b.fill === null ? -1 : 0));
  return sheet;
}
