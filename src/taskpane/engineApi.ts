/**
 * The pane's back end as an interface: implemented by EngineService (in the page in tests) and by
 * WorkerEngine, which forwards every call to EngineService inside a Web Worker.
 */
import type { PaneModel } from "./model";
import type { PaneSettings, RowPreview, Stage, TemplateOutcome } from "./appHost";
import type { WorkbookHost } from "../workbook/port";

/**
 * A workbook in the page (Office mode). `createWorkbook` opens bytes (base64) as a new Excel
 * workbook (Excel.createWorkbook, ExcelApi 1.8), when the host has it.
 */
export interface PageWorkbook extends WorkbookHost {
  createWorkbook?(base64: string): Promise<void>;
}

/** A PageWorkbook, or "file": the .xlsx held by the back end (web mode). */
export type Target = PageWorkbook | "file";

/** 导出上报 in Excel: what happened, in Chinese. */
export interface OfficeExport {
  message: string;
  fileName: string;
}

export interface EngineApi {
  load(data: ArrayBuffer | Uint8Array): Promise<string[]>;
  create(): Promise<void>;
  assess(target: Target, settings: PaneSettings, onProgress?: (stage: Stage) => void): Promise<PaneModel>;
  template(target: Target, settings: PaneSettings): Promise<TemplateOutcome>;
  row(sheet: string, cell: string): Promise<RowPreview | null>;
  /** Web mode: the checked workbook (with charts). */
  save(): Promise<Uint8Array>;
  /** The draft 自查自评报告 (.docx) and its file name. */
  report(): Promise<{ bytes: Uint8Array; fileName: string }>;
  /** The draft report written as a sheet of the target (where files cannot be downloaded); resolves with its name. */
  reportSheet(target: Target): Promise<string>;
  /** Web mode 导出上报: the checked sheets as a new workbook; resolves with bytes and a file name. */
  exportFile(): Promise<{ bytes: Uint8Array; fileName: string }>;
  /** Office mode 导出上报 (new workbook where ExcelApi 1.8 allows; else 「上报-」 sheets). */
  exportOffice(target: Target, supported: string[]): Promise<OfficeExport>;
  /** 清除评估结果: removes what assessments wrote (by marker); resolves with what to tell the user. */
  clear(target: Target): Promise<string>;
}

/** Messages page → worker. */
export type WorkerRequest =
  | { kind: "call"; id: number; op: keyof EngineApi; remote: boolean; args: unknown[] }
  | { kind: "host-reply"; hid: number; value?: unknown; error?: string };

export type RemoteMethod = "read" | "apply" | "createWorkbook";

/** Messages worker → page. */
export type WorkerReply =
  | { kind: "result"; id: number; value: unknown }
  | { kind: "error"; id: number; message: string }
  | { kind: "progress"; id: number; stage: Stage }
  | { kind: "host"; id: number; hid: number; method: RemoteMethod; args: unknown[] };
