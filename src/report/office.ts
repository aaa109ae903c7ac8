/**
 * The report module inside Excel (Office.js): 导出上报 and the native charts. Called by the task
 * pane with its OfficeHost; Office.js types are ambient (@types/office-js), nothing is imported at
 * run time, so this file also loads in the plain browser page (where it is simply not called).
 *
 * Sync budget: addChartsInExcel makes 2 syncs whatever the number of schools.
 */
import type { WorkbookHost } from "../hosts/port";
import type { SheetPlan, WritePlan } from "../workbook/plan";
import { renderAssessment } from "../workbook/render";
import { a1 } from "../workbook/text";
import { chartDataPlan, withChartData, type ChartPlacement } from "./charts/place";
import { toBase64 } from "./deliver";
import { EXPORT_SHEETS, exportFileName, exportPlan } from "./export";
import { exportWorkbook, type AssessedRun } from "./workbook";

export type ExcelRunLike = (batch: (ctx: Excel.RequestContext) => Promise<void>) => Promise<void>;

/** How 导出上报 works in this Excel: a real new workbook (ExcelApi 1.8), or sheets in this one. */
export type ExportPath = "createWorkbook" | "sheets";

export function chooseExportPath(supports: (version: string) => boolean, hasCreateWorkbook: boolean): ExportPath {
  return supports("1.8") && hasCreateWorkbook ? "createWorkbook" : "sheets";
}

/** Prefix of the sheets added by the fallback path. */
export const EXPORT_SHEET_PREFIX = "上报-";

export interface ExcelExportDeps {
  /** The OfficeHost of the open workbook (already assessed). */
  host: WorkbookHost;
  run: AssessedRun;
  /** isSetSupported("ExcelApi", v). */
  supports: (version: string) => boolean;
  /** Excel.createWorkbook where it exists. */
  createWorkbook?: (base64: string) => Promise<void>;
  /** Excel.run, for the charts of the fallback path. */
  excelRun?: ExcelRunLike;
  /** County name for the suggested file name. */
  countyName?: string | null;
  date?: Date;
}

export interface ExcelExportOutcome {
  path: ExportPath;
  fileName: string;
  /** What to tell the user, in Chinese. */
  message: string;
  /** Sheets added to this workbook (fallback path). */
  addedSheets: string[];
}

/** The export plan with every sheet renamed "上报-<name>" (fallback path). */
export function renamedPlan(plan: WritePlan, placements: ChartPlacement[]): { plan: WritePlan; placements: ChartPlacement[] } {
  const rename = (n: string) => `${EXPORT_SHEET_PREFIX}${n}`;
  const sheets: SheetPlan[] = plan.sheets.map((s) => ({ ...s, name: rename(s.name) }));
  return {
    plan: { sheets, activate: plan.activate ? rename(plan.activate) : undefined },
    placements: placements.map((p) => ({ ...p, sheet: rename(p.sheet) })),
  };
}

/** 导出上报 in Excel: a new workbook where ExcelApi 1.8 allows, otherwise "上报-" sheets here. */
export async function exportInExcel(deps: ExcelExportDeps): Promise<ExcelExportOutcome> {
  const county = deps.countyName ?? deps.run.read.dataset.county.name;
  const fileName = exportFileName(county, deps.date);
  const path = chooseExportPath(deps.supports, !!deps.createWorkbook);
  if (path === "createWorkbook" && deps.createWorkbook) {
    const bytes = await exportWorkbook(deps.host, deps.run);
    await deps.createWorkbook(toBase64(bytes));
    return {
      path,
      fileName,
      addedSheets: [],
      message: `已在新窗口中打开上报工作簿（仅含数值和格式，无公式）。请在新窗口中“另存为”：${fileName}`,
    };
  }
  const snapshot = await deps.host.read(EXPORT_SHEETS);
  const styles = deps.run.plan ?? renderAssessment(deps.run.assessment, deps.run.read);
  const charted = withChartData(exportPlan(snapshot, { styles, read: deps.run.read }), deps.run.assessment);
  const { plan, placements } = renamedPlan(charted.plan, charted.placements);
  await deps.host.apply(plan);
  if (deps.excelRun) await addChartsInExcel(deps.excelRun, placements);
  const addedSheets = plan.sheets.map((s) => s.name);
  return {
    path,
    fileName,
    addedSheets,
    message:
      `此版本的 Excel 不能直接新建工作簿，已在本工作簿中添加以「${EXPORT_SHEET_PREFIX}」开头的${addedSheets.length}张工作表。` +
      `请选中这些工作表，右键“移动或复制”到“(新工作簿)”，再“另存为”：${fileName}`,
  };
}

/**
 * Native charts in Excel (ExcelApi 1.1; the dashed limit lines need 1.7 and are skipped below).
 * Charts of the same name on the sheet are replaced, so running twice equals once. 2 syncs.
 */
export async function addChartsInExcel(
  excelRun: ExcelRunLike,
  placements: ChartPlacement[],
  supports: (version: string) => boolean = () => true,
): Promise<void> {
  if (!placements.length) return;
  await excelRun(async (ctx) => {
    const collections = placements.map((p) => {
      const charts = ctx.workbook.worksheets.getItem(p.sheet).charts;
      charts.load("items/name");
      return charts;
    });
    await ctx.sync();
    placements.forEach((p, i) => {
      for (const old of collections[i].items) if (old.name === p.chart.title) old.delete();
      const sheet = ctx.workbook.worksheets.getItem(p.sheet);
      const chart = sheet.charts.add(p.chart.stacked ? "ColumnStacked" : "ColumnClustered", sheet.getRange(p.tableRef), "Columns");
      chart.name = p.chart.title;
      chart.title.text = p.chart.title;
      chart.legend.position = "Bottom";
      const { col, row, cols, rows } = p.anchor;
      chart.setPosition(a1(row, col), a1(row + rows, col + cols));
      p.chart.series.forEach((s, k) => {
        const series = chart.series.getItemAt(k);
        if (s.kind === "line" && supports("1.7")) {
          series.chartType = "Line";
          series.format.line.color = s.color;
          series.format.line.lineStyle = "Dash";
        } else if (s.kind === "bar") {
          series.format.fill.setSolidColor(s.color);
        }
      });
    });
    await ctx.sync();
  });
}

/**
 * After 评估 in Excel: the chart-data table on 「差异系数」 (through the OfficeHost) and the two
 * native charts beside it. Call once after assessWorkbook.
 */
export async function chartsAfterAssessInExcel(
  host: WorkbookHost,
  excelRun: ExcelRunLike,
  run: AssessedRun,
  supports?: (version: string) => boolean,
): Promise<void> {
  const { plan, placements } = chartDataPlan(run.plan ?? renderAssessment(run.assessment, run.read), run.assessment);
  if (!plan.sheets.length) return;
  await host.apply(plan);
  await addChartsInExcel(excelRun, placements, supports);
}
