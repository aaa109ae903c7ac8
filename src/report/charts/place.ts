/**
 * Where the charts go in a workbook: a small "图表数据" table below the content of the
 * 「差异系数」 sheet (written with the plan, so the chart references real cells that a user can
 * read), and the two charts beside it. Host-neutral: the xlsx post-processor (xlsx.ts) and the
 * Office.js adapter (office.ts) both take these placements.
 */
import type { Assessment } from "../../engine/types";
import type { CellValue, FormatRun, SheetPlan, ValueBlock, WritePlan } from "../../workbook/plan";
import { FILL } from "../../workbook/plan";
import { SHEETS } from "../../workbook/contract";
import { a1 as plainA1, colLetter } from "../../workbook/text";
import { reportCharts, type ChartData } from "./data";

/** A cell rectangle in cells (0-based). */
export interface CellAnchor {
  col: number;
  row: number;
  cols: number;
  rows: number;
}

export interface ChartPlacement {
  chart: ChartData;
  sheet: string;
  /** A1 range of the whole data table with its header row, e.g. "$A$13:$E$21" (Office.js charts.add). */
  tableRef: string;
  /** A1 range of the category labels (no sheet name), e.g. "$A$14:$A$21". */
  categoriesRef: string;
  /** Per series: the header cell holding its name and the A1 range of its values. */
  seriesRefs: { nameRef: string; valuesRef: string }[];
  /** The chart's frame, in cells. */
  anchor: CellAnchor;
}

export const CHART_DATA_TITLE = "图表数据（评估时生成，供图表引用）";

/** A1 address of a 0-based cell, absolute ($A$1) when asked. */
export function a1(row: number, col: number, absolute = false): string {
  return absolute ? `$${colLetter(col)}$${row + 1}` : plainA1(row, col);
}

/** The last used row (0-based) of a sheet plan's blocks; -1 when empty. */
export function lastPlanRow(sheet: SheetPlan): number {
  let last = -1;
  for (const b of sheet.blocks) last = Math.max(last, b.row + b.values.length - 1);
  return last;
}

/** The chart-data table and the chart placements for a given first row on the sheet. */
export function chartLayout(
  assessment: Assessment,
  firstRow: number,
  sheet: string = SHEETS.balance,
): { blocks: ValueBlock[]; formats: FormatRun[]; placements: ChartPlacement[] } {
  const charts = reportCharts(assessment);
  const blocks: ValueBlock[] = [{ row: firstRow, col: 0, values: [[CHART_DATA_TITLE]] }];
  const formats: FormatRun[] = [{ row: firstRow, col: 0, rows: 1, cols: 1, bold: true }];
  const placements: ChartPlacement[] = [];
  let row = firstRow + 1;
  let chartRow = firstRow;
  const chartCol = 6;
  for (const chart of charts) {
    const width = chart.series.length + 1;
    const header: CellValue[] = ["指标", ...chart.series.map((s) => s.name)];
    const body: CellValue[][] = chart.categories.map((c, i) => [c, ...chart.series.map((s) => s.values[i])]);
    blocks.push({ row, col: 0, values: [header, ...body] });
    formats.push({ row, col: 0, rows: 1, cols: width, bold: true, fill: FILL.header, border: true });
    formats.push({ row: row + 1, col: 0, rows: body.length, cols: width, border: true });
    formats.push({ row: row + 1, col: 1, rows: body.length, cols: width - 1, numberFormat: chart.numberFormat });
    const first = row + 1;
    const last = row + body.length;
    const rows = chart.id === "cv" ? 18 : 20;
    placements.push({
      chart,
      sheet,
      tableRef: `${a1(row, 0, true)}:${a1(last, width - 1, true)}`,
      categoriesRef: `${a1(first, 0, true)}:${a1(last, 0, true)}`,
      seriesRefs: chart.series.map((_, i) => ({
        nameRef: a1(row, i + 1, true),
        valuesRef: `${a1(first, i + 1, true)}:${a1(last, i + 1, true)}`,
      })),
      anchor: { col: chartCol, row: chartRow, cols: 9, rows },
    });
    row = last + 2;
    chartRow += rows + 1;
  }
  return { blocks, formats, placements };
}

/**
 * Add the chart-data table to the 「差异系数」 sheet of a write plan (two rows below its content)
 * and return the placements of the charts. Returns the plan unchanged and no placements when the
 * plan has no such sheet (nothing to chart).
 */
export function withChartData(plan: WritePlan, assessment: Assessment): { plan: WritePlan; placements: ChartPlacement[] } {
  const index = plan.sheets.findIndex((s) => s.name === SHEETS.balance && s.mode !== "delete");
  if (index < 0) return { plan, placements: [] };
  const sheet = plan.sheets[index];
  const { blocks, formats, placements } = chartLayout(assessment, lastPlanRow(sheet) + 3, sheet.name);
  const sheets = plan.sheets.slice();
  sheets[index] = { ...sheet, blocks: [...sheet.blocks, ...blocks], formats: [...sheet.formats, ...formats] };
  return { plan: { ...plan, sheets }, placements };
}

/**
 * For a workbook an assessment has just written with `rendered`: a small plan that adds only the
 * chart-data table to its 「差异系数」 sheet (mode "update"), and the chart placements. Apply it
 * with the same host after the assessment, then add the charts (addChartsToXlsx after save, or
 * addChartsInExcel in Office). Running the assessment again replaces the sheet, so charts never pile up.
 */
export function chartDataPlan(rendered: WritePlan, assessment: Assessment): { plan: WritePlan; placements: ChartPlacement[] } {
  const sheet = rendered.sheets.find((s) => s.name === SHEETS.balance && s.mode !== "delete");
  if (!sheet) return { plan: { sheets: [] }, placements: [] };
  const { blocks, formats, placements } = chartLayout(assessment, lastPlanRow(sheet) + 3, sheet.name);
  return { plan: { sheets: [{ name: sheet.name, mode: "update", blocks, formats }] }, placements };
}
