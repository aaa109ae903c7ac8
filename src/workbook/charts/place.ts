/**
 * Where the charts go in a workbook: a small "图表数据" table below the content of the
 * 「差异系数」 sheet (written with the plan, so the charts reference real cells that a user can
 * read), and the two charts beside it, as host-neutral ChartSpecs on the same SheetPlan. Every
 * host writes them with the assessment (XlsxHost as DrawingML, OfficeHost with worksheet.charts).
 */
import type { Assessment } from "../../engine/types";
import type { CellValue, ChartSpec, FormatRun, SheetPlan, ValueBlock, WritePlan } from "../plan";
import { FILL } from "../plan";
import { SHEETS } from "../contract";
import { a1 as plainA1, colLetter } from "../text";
import { reportCharts } from "./data";

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

/** The chart-data table and the two chart specs for a given first row on the sheet. */
export function chartLayout(assessment: Assessment, firstRow: number): { blocks: ValueBlock[]; formats: FormatRun[]; charts: ChartSpec[] } {
  const blocks: ValueBlock[] = [{ row: firstRow, col: 0, values: [[CHART_DATA_TITLE]] }];
  const formats: FormatRun[] = [{ row: firstRow, col: 0, rows: 1, cols: 1, bold: true }];
  const charts: ChartSpec[] = [];
  let row = firstRow + 1;
  let chartRow = firstRow;
  const chartCol = 6;
  for (const chart of reportCharts(assessment)) {
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
    charts.push({
      name: chart.title,
      title: chart.title,
      type: chart.stacked ? "stacked" : "clustered",
      tableRef: `${a1(row, 0, true)}:${a1(last, width - 1, true)}`,
      categoriesRef: `${a1(first, 0, true)}:${a1(last, 0, true)}`,
      categories: chart.categories,
      series: chart.series.map((s, i) => ({
        nameRef: a1(row, i + 1, true),
        valuesRef: `${a1(first, i + 1, true)}:${a1(last, i + 1, true)}`,
        name: s.name,
        values: s.values,
        kind: s.kind,
        color: s.color,
        ...(s.dashed ? { dashed: true } : {}),
      })),
      numberFormat: chart.numberFormat,
      anchor: { row: chartRow, col: chartCol, rows, cols: 9 },
    });
    row = last + 2;
    chartRow += rows + 1;
  }
  return { blocks, formats, charts };
}

/**
 * A 「差异系数」 sheet plan with the chart-data table two rows below its content and the two
 * charts (replacing any charts it had). Charts are honoured on "replace" sheets only.
 */
export function withChartTable(sheet: SheetPlan, assessment: Assessment): SheetPlan {
  const { blocks, formats, charts } = chartLayout(assessment, lastPlanRow(sheet) + 3);
  return { ...sheet, blocks: [...sheet.blocks, ...blocks], formats: [...sheet.formats, ...formats], charts };
}

/**
 * A write plan whose 「差异系数」 sheet gets the chart-data table and the two charts (e.g. the
 * 导出上报 plan). Returns the plan unchanged when it has no such sheet (nothing to chart).
 */
export function withChartData(plan: WritePlan, assessment: Assessment): WritePlan {
  const index = plan.sheets.findIndex((s) => s.name === SHEETS.balance && s.mode !== "delete");
  if (index < 0) return plan;
  const sheets = plan.sheets.slice();
  sheets[index] = withChartTable(plan.sheets[index], assessment);
  return { ...plan, sheets };
}
