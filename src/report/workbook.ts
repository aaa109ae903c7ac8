/**
 * Workbook outputs of the report module over a host: the 导出上报 workbook as .xlsx bytes (with
 * the native charts, drawn by XlsxHost from the plan). Uses XlsxHost (exceljs), so it runs in Node and in the
 * browser bundle alike; no Node imports.
 */
import type { Assessment } from "../engine/types";
import type { WorkbookHost } from "../workbook/port";
import { XlsxHost } from "../hosts/xlsx";
import type { ReadResult } from "../workbook/contract";
import type { WritePlan } from "../workbook/plan";
import { renderAssessment } from "../workbook/render";
import { withChartData } from "../workbook/charts/place";
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
  const out = XlsxHost.create();
  await out.apply(withChartData(exportPlan(snapshot, { styles, read: run.read }), run.assessment));
  return out.save(); // XlsxHost draws the plan's charts
}

/**
 * An assessed XlsxHost's bytes. The assessment's plan already carries the chart-data table and
 * the two charts of 「差异系数」, which XlsxHost.save draws; kept for callers of the old API.
 */
export async function saveWithCharts(host: XlsxHost, _run?: AssessedRun): Promise<Uint8Array> {
  return host.save();
}
