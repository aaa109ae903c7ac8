/**
 * The WorkbookHost port over the WPS 表格 (ET) object model, for the WPS 加载项.
 *
 * ET calls are synchronous; each property read or write and each method call crosses from the
 * add-in's webview into WPS. The host reads and writes whole blocks (UsedRange.Value2, one
 * Range(…).Resize(…).Value2 per value block, one range per format run), so the calls of an
 * assessment grow with the plan's blocks, not with its cells or schools (bench/wps.bench.ts).
 *
 * Every read and write runs with ScreenUpdating and DisplayAlerts off (Worksheet.Delete asks for
 * confirmation otherwise) and restores both in `finally`. Errors become WpsHostError with a
 * Chinese message: ET's own exception texts are never shown.
 */
import type { WorkbookHost, WorkbookSnapshot } from "../../workbook/port";
import type { SheetPlan, WritePlan } from "../../workbook/plan";
import type { EtApplication, EtWorkbook, EtWorksheet } from "./et";
import { applyMarks, readMarks, readRules } from "./owned";
import { readSheet } from "./read";
import { writeSheet, type BulkMode } from "./write";

/** An error whose message is ready to show to a user (Chinese). */
export class WpsHostError extends Error {
  readonly code: string;
  constructor(message: string, code: string, options?: { cause?: unknown }) {
    super(message);
    this.name = "WpsHostError";
    this.code = code;
    if (options?.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}

const NO_WORKBOOK = "请先在 WPS 表格中打开要评估的工作簿。";

export class WpsHost implements WorkbookHost {
  /** Whether this build takes 2-D Value2 writes; learnt on the first multi-row block. */
  private bulk: BulkMode = "unknown";

  constructor(private readonly app: EtApplication) {}

  /** Runs `f` with screen updating and alerts off, restored afterwards; errors in Chinese. */
  private session<T>(what: string, f: (wb: EtWorkbook) => T): T {
    const app = this.app;
    const wb = app.ActiveWorkbook;
    if (!wb) throw new WpsHostError(NO_WORKBOOK, "NoWorkbook");
    const screen = app.ScreenUpdating;
    const alerts = app.DisplayAlerts;
    app.ScreenUpdating = false;
    app.DisplayAlerts = false;
    try {
      return f(wb);
    } catch (e) {
      if (e instanceof WpsHostError) throw e;
      throw new WpsHostError(`WPS 表格未能完成${what}，评估结果可能只写入了一部分。请保存工作簿后重试；如仍失败，请将此提示告知技术支持。（错误代码：EtCallFailed）`, "EtCallFailed", { cause: e });
    } finally {
      app.ScreenUpdating = screen;
      app.DisplayAlerts = alerts;
    }
  }

  async read(sheetNames: readonly string[]): Promise<WorkbookSnapshot> {
    return this.session("读取", (wb) => {
      const names = sheetNamesOf(wb);
      const sheets = sheetNames
        .map((n) => names.find((s) => s.toLowerCase() === n.toLowerCase()))
        .filter((n): n is string => !!n)
        .map((name) => ({ name, ws: wb.Worksheets.Item(name) }));
      return {
        sheetNames: names,
        sheets: sheets.map(({ name, ws }) => readSheet(ws, name)),
        owned: { marks: readMarks(wb), rules: sheets.flatMap(({ name, ws }) => readRules(ws, name)) },
      };
    });
  }

  async apply(plan: WritePlan): Promise<void> {
    this.session("写入", (wb) => {
      const names = sheetNamesOf(wb);
      precheck(plan, wb, names);
      const ctx = { app: this.app, bulk: this.bulk };
      const activeBefore = this.app.ActiveSheet?.Name ?? null;
      for (const sp of plan.sheets) {
        const { ws, created } = prepareSheet(wb, sp, names);
        if (ws) writeSheet(ws, sp, created, ctx);
      }
      this.bulk = ctx.bulk;
      if (plan.marks) applyMarks(wb, plan.marks);
      const activate = plan.activate ?? (activeBefore && names.includes(activeBefore) ? activeBefore : null);
      if (activate) wb.Worksheets.Item(activate).Activate();
    });
  }

  /** The text stored under `key` in the workbook's custom document properties, or null. */
  loadProperty(key: string): string | null {
    const wb = this.app.ActiveWorkbook;
    if (!wb) return null;
    try {
      const v = wb.CustomDocumentProperties.Item(key).Value;
      return typeof v === "string" ? v : null;
    } catch {
      return null; // no such property
    }
  }

  /** Stores a text in the workbook's custom document properties (saved with the file). */
  saveProperty(key: string, value: string): void {
    this.session("保存设置", (wb) => {
      const props = wb.CustomDocumentProperties;
      try {
        props.Item(key).Delete();
      } catch {
        // not there yet
      }
      props.Add(key, false, 4, value);
    });
  }

  /** Activates the sheet and selects the cell (a 问题清单 link in the pane). */
  async selectCell(sheet: string, cell: string): Promise<void> {
    this.session("定位单元格", (wb) => {
      const ws = wb.Worksheets.Item(sheet);
      ws.Activate();
      ws.Range(cell).Select();
    });
  }
}

/** Sheet names in tab order: Count, then Item(i).Name (1-based). */
export function sheetNamesOf(wb: EtWorkbook): string[] {
  const sheets = wb.Worksheets;
  const out: string[] = [];
  for (let i = 1, n = sheets.Count; i <= n; i++) out.push(sheets.Item(i).Name);
  return out;
}

function indexOf(names: string[], name: string): number {
  return names.findIndex((n) => n.toLowerCase() === name.toLowerCase());
}

/**
 * Deletes, replaces or finds the plan's sheet; `names` follows the tab order as it changes.
 * A replaced sheet keeps its place: the new sheet is added right after the old one before the old
 * one goes, so a workbook whose only sheet is replaced never runs out of sheets.
 */
function prepareSheet(wb: EtWorkbook, sp: SheetPlan, names: string[]): { ws: EtWorksheet | null; created: boolean } {
  const at = indexOf(names, sp.name);
  const sheets = wb.Worksheets;
  if (sp.mode === "delete") {
    if (at >= 0) {
      sheets.Item(names[at]).Delete();
      names.splice(at, 1);
    }
    return { ws: null, created: false };
  }
  if (sp.mode === "update" && at >= 0) return { ws: sheets.Item(names[at]), created: false };
  const after = sheets.Item(at >= 0 ? names[at] : names[names.length - 1]);
  const ws = sheets.Add(null, after);
  if (at >= 0) {
    after.Delete();
    names.splice(at, 1, sp.name);
  } else names.push(sp.name);
  ws.Name = sp.name;
  return { ws, created: true };
}

/** Refuses, before anything is written, a plan that ET would only partly apply. */
function precheck(plan: WritePlan, wb: EtWorkbook, names: string[]): void {
  let structure: boolean | null = null;
  for (const sp of plan.sheets) {
    const at = indexOf(names, sp.name);
    if (sp.mode === "update" && at >= 0 && wb.Worksheets.Item(names[at]).ProtectContents)
      throw new WpsHostError(`工作表「${sp.name}」受保护，无法写入评估结果。请在「审阅 → 撤销工作表保护」后再评估。（错误代码：SheetProtected）`, "SheetProtected");
    const changesStructure = sp.mode === "update" ? at < 0 : sp.mode !== "delete" || at >= 0;
    if (changesStructure && (structure ??= !!wb.ProtectStructure))
      throw new WpsHostError(`工作簿结构受保护，无法新建或替换工作表「${sp.name}」。请在「审阅 → 保护工作簿」中撤销保护后再评估。（错误代码：WorkbookStructureProtected）`, "WorkbookStructureProtected");
  }
}
