/**
 * The report module inside Excel (Office.js): 导出上报. Called by the task pane with its
 * OfficeHost. The native charts are part of the write plans (SheetPlan.charts): OfficeHost draws
 * them in the same batches as the values, so nothing here talks to Office.js charts directly.
 */
import type { WorkbookHost } from "../workbook/port";
import type { SheetPlan, WritePlan } from "../workbook/plan";
import { renderAssessment } from "../workbook/render";
import { withChartData } from "../workbook/charts/place";
import { toBase64, WEB_REQUEST_LIMIT } from "./deliver";

export { WEB_REQUEST_LIMIT };
import { EXPORT_SHEETS, exportFileName, exportPlan } from "./export";
import { exportWorkbook, type AssessedRun } from "./workbook";

/** How 导出上报 works in this Excel: a real new workbook (ExcelApi 1.8), or sheets in this one. */
export type ExportPath = "createWorkbook" | "sheets";

export function chooseExportPath(supports: (version: string) => boolean, hasCreateWorkbook: boolean): ExportPath {
  return supports("1.8") && hasCreateWorkbook ? "createWorkbook" : "sheets";
}

/** The createWorkbook request around its base64: object path, action, JSON quoting (generous). */
const CREATE_WORKBOOK_ENVELOPE = 1024;

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
  /** Largest request the host accepts, in bytes, where it has a limit (Excel on the web: WEB_REQUEST_LIMIT). */
  createWorkbookLimit?: number;
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

/** The export plan with every sheet renamed "上报-<name>" (fallback path; charts go along). */
export function renamedPlan(plan: WritePlan): WritePlan {
  const rename = (n: string) => `${EXPORT_SHEET_PREFIX}${n}`;
  const sheets: SheetPlan[] = plan.sheets.map((s) => ({ ...s, name: rename(s.name) }));
  return { sheets, activate: plan.activate ? rename(plan.activate) : undefined };
}

/** 导出上报 in Excel: a new workbook where ExcelApi 1.8 allows, otherwise "上报-" sheets here. */
export async function exportInExcel(deps: ExcelExportDeps): Promise<ExcelExportOutcome> {
  const county = deps.countyName ?? deps.run.read.dataset.county.name;
  const fileName = exportFileName(county, deps.date);
  const path = chooseExportPath(deps.supports, !!deps.createWorkbook);
  let tooLarge = "";
  if (path === "createWorkbook" && deps.createWorkbook) {
    const b64 = toBase64(await exportWorkbook(deps.host, deps.run));
    if (deps.createWorkbookLimit === undefined || b64.length + CREATE_WORKBOOK_ENVELOPE <= deps.createWorkbookLimit) {
      await deps.createWorkbook(b64);
      return {
        path,
        fileName,
        addedSheets: [],
        message: `已在新窗口中打开上报工作簿（仅含数值和格式，无公式）。请在新窗口中“另存为”：${fileName}`,
      };
    }
    tooLarge = `上报工作簿约 ${(b64.length / 1e6).toFixed(1)} MB，超过 Excel 网页版单次请求 5 MB 的上限，无法在新窗口中打开。`;
  }
  const snapshot = await deps.host.read(EXPORT_SHEETS);
  const styles = deps.run.plan ?? renderAssessment(deps.run.assessment, deps.run.read);
  const plan = renamedPlan(withChartData(exportPlan(snapshot, { styles, read: deps.run.read }), deps.run.assessment));
  await deps.host.apply(plan); // the host draws the charts of 「上报-差异系数」
  const addedSheets = plan.sheets.map((s) => s.name);
  return {
    path: "sheets",
    fileName,
    addedSheets,
    message:
      (tooLarge || "此版本的 Excel 不能直接新建工作簿，") +
      `已在本工作簿中添加以「${EXPORT_SHEET_PREFIX}」开头的${addedSheets.length}张工作表。` +
      `请选中这些工作表，右键“移动或复制”到“(新工作簿)”，再“另存为”：${fileName}`,
  };
}
