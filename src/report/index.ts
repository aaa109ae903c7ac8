/**
 * The report module's public API (lazy-loaded by the task pane; no Node imports anywhere here).
 *
 * - buildReportDocx(assessment, read): the 自查自评报告 draft as .docx bytes.
 * - buildReportOutline(...): the same report as data (headings, paragraphs, tables, figures), built by
 *   the section builders REPORT_SECTIONS (四's parts: PROBLEM_PARTS).
 * - exportPlan(snapshot, opts) / exportWorkbook(host, run): 导出上报.
 * - reportCharts / withChartData: the chart data and the charts of a plan (every host draws them;
 *   addChartsToXlsx is XlsxHost's post-processor).
 * - chooseDelivery / offerInDialog / reportSheetPlan: getting files to users.
 */
export { buildReportDocx, writeDocx, reportPictures, type ChartPicture } from "./docx";
export { buildReportOutline, REPORT_SECTIONS, PROBLEM_PARTS, type ReportOptions, type ReportContext, type SectionBuilder } from "./sentences";
export { outlineText, blockText, type ReportOutline, type ReportBlock } from "./outline";
export { exportPlan, exportFileName, isoDate, EXPORT_SHEETS, type ExportOptions } from "./export";
export { exportWorkbook, saveWithCharts, type AssessedRun } from "./workbook";
export { reportCharts, cvChart, statusChart, type ChartData } from "../workbook/charts/data";
export { withChartData, withChartTable, chartLayout } from "../workbook/charts/place";
export type { ChartSpec } from "../workbook/plan";
export { addChartsToXlsx } from "../hosts/xlsx/charts";
export { chartPng } from "./charts/png";
export { exportInExcel, chooseExportPath, type ExcelExportOutcome } from "./office";
export {
  chooseDelivery,
  currentDeliveryEnv,
  offerInDialog,
  startDownloadDialog,
  reportSheetPlan,
  toBase64,
  dataUrl,
  DOCX_MIME,
  XLSX_MIME,
  REPORT_SHEET,
  type Delivery,
} from "./deliver";

import { exportFileName } from "./export";
/** File name of the report: 綦江区-优质均衡自查自评报告-2026-11-29.docx. */
export function reportFileName(county: string | null | undefined, date: Date = new Date()): string {
  return exportFileName(county, date, "优质均衡自查自评报告", "docx");
}
