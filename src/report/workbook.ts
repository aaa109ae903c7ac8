/**
 * Workbook outputs of the report module over a host: the 导出上报 workbook as .xlsx bytes, and
 * native charts in an assessed .xlsx. Uses XlsxHost (exceljs), so it runs in Node and in the
 * browser bundle alike; no Node imports.
 */
import type { Assessment } from "../engine/types";
import type { WorkbookHost } from "../hosts/port";
import { XlsxHost } from "../hosts/xlsx";
import type { ReadResult } from "../workbook/contract";
import type { WritePlan } from "../workbook/plan";
import { renderAssessment } from "../workbook/render";
import { chartDataPlan, withChartData } from "./charts/place";
import { addChartsToXlsx } from "./charts/xlsx";
import { EXPORT_SHEETS, exportPlan } from "./export";

export interface AssessedRun {
  assessment: Assessment;
  read: ReadResult;
  /** The plan the assessment wrote; recomputed (deterministically) when absent. */
  plan?: WritePlan;
}

/**
 * 导出上报 as .xlsx bytes: reads the checked sheets from `host` (an assessed workbook: XlsxHost on
 * the command line and in web mode, OfficeHost in Excel), builds the export plan, writes it into a
 * new workbook and adds the two native charts to its 「差异系数」 sheet.
 */
export async function exportWorkbook(host: WorkbookHost, run: AssessedRun): Promise<Uint8Array> {
  const snapshot = await host.read(EXPORT_SHEETS);
  const styles = run.plan ?? renderAssessment(run.assessment, run.read);
  const { plan, placements } = withChartData(exportPlan(snapshot, { styles, read: run.read }), run.assessment);
  const out = XlsxHost.create();
  await out.apply(plan);
  return addChartsToXlsx(await out.save(), placements);
}

/**
 * An assessed XlsxHost saved with the charts: adds the chart-data table to 「差异系数」, saves,
 * and adds the native charts. For `junheng assess -o` and the web page's 下载 button.
 */
export async function saveWithCharts(host: XlsxHost, run: AssessedRun): Promise<Uint8Array> {
  const rendered = run.plan ?? renderAssessment(run.assessment, run.read);
  const { plan, placements } = chartDataPlan(rendered, run.assessment);
  if (plan.sheets.length) await host.apply(plan);
  return addChartsToXlsx(await host.save(), placements);
}
