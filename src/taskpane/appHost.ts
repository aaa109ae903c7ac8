/**
 * What the task pane needs from its surroundings. Components receive an AppHost as a prop and never
 * call Office.js, exceljs or the engine directly (the layout of Microsoft's Office-Addin-TaskPane-React
 * template: host calls in one small module).
 *
 * Two implementations:
 * - officeAppHost.ts: the open Excel workbook through OfficeHost, settings in the workbook's add-in settings;
 * - fileAppHost.ts: an .xlsx chosen by the user, read and written with XlsxHost inside a Web Worker;
 *   results leave the page only as downloads (Blob links).
 */
import type { AddinSettings } from "../workbook/settings";
import type { PaneModel } from "./model";
import type { AssessStage } from "../workbook/run";
import type { Comparison } from "../engine/compare";
import type { CountySummary } from "../workbook/summary";
import type { PlanView } from "../workbook/render-plan";
import type { MappedFieldEdit } from "../workbook/columnMap";

/** The three stages of an assessment, as assessWorkbook reports them. */
export type Stage = AssessStage;
export const STAGE_LABEL: Record<Stage, string> = { read: "读取", compute: "计算", write: "写回" };

/**
 * The user's choices. A field left undefined means "as the workbook's 「评估标准」 sheet or the profile says",
 * so a bureau's own 评估标准 sheet is not overridden by a pane default.
 */
export type PaneSettings = AddinSettings;

export interface AssessRequest extends PaneSettings {
  onProgress?(stage: Stage): void;
}

/** One row of a sheet, shown in web mode where no cell can be selected. */
export interface RowPreview {
  sheet: string;
  cell: string;
  /** 1-based sheet row. */
  row: number;
  /** Header text and the cell's value, for every non-empty column of the row. */
  fields: { header: string; value: string; column: string; target: boolean }[];
}

/** Result of 创建模板. */
export interface TemplateOutcome {
  added: string[];
  /** Sheets that already existed and were left untouched. */
  kept: string[];
}

export interface AppHost {
  mode: "office" | "file";
  /** Read → compute → write; resolves with what the pane shows. */
  assess(req: AssessRequest): Promise<PaneModel>;
  /** Office mode: select the cell in Excel (resolves null). File mode: a preview of the cell's row. */
  selectCell(sheet: string, cell: string): Promise<RowPreview | null>;
  createTemplate(settings: PaneSettings): Promise<TemplateOutcome>;
  loadSettings(): Promise<PaneSettings>;
  saveSettings(settings: PaneSettings): Promise<void>;
  /** 生成报告: the draft 自查自评报告 (.docx) as a download. Resolves with what to tell the user. */
  exportReport(): Promise<string>;
  /** 保存列对应: writes 「列对应」 from the last assessment with the user's edits. Resolves with what to tell the user. */
  saveColumnMap(edits: MappedFieldEdit[]): Promise<string>;
  /** 导出上报: the checked sheets as a new workbook. Resolves with what to tell the user. */
  exportWorkbook(): Promise<string>;
  /** 清除评估结果: remove what assessments wrote (by marker), nothing else. Resolves with what to tell the user. */
  clearResults(): Promise<string>;
  /** 与上年比较: last year's .xlsx (chosen in the pane) against the last assessment; adds the 「与上年比较」 sheet. */
  compareLastYear(name: string, data: ArrayBuffer): Promise<Comparison>;
  /** 整改测算 of the last assessment; adds the 「整改测算」 sheet. */
  plan(): Promise<PlanView>;
  /** 多县汇总: one county workbook's row (the open workbook is not touched). */
  summarize(name: string, data: ArrayBuffer): Promise<CountySummary>;
}

/** File mode additionally opens workbooks. */
export interface FileAppHost extends AppHost {
  mode: "file";
  /** Load an .xlsx (bytes) under a display name; resolves with its sheet names. */
  open(name: string, data: ArrayBuffer): Promise<{ name: string; sheetNames: string[] }>;
  /** Load the bundled sample workbook from the same origin. */
  openSample(): Promise<{ name: string; sheetNames: string[] }>;
  /** Name of the open workbook, or null. */
  current(): string | null;
  /** 下载已检查的工作簿: the open workbook with the results written in. Resolves with what to tell the user. */
  downloadChecked(): Promise<string>;
}

export function isFileHost(host: AppHost): host is FileAppHost {
  return host.mode === "file";
}
