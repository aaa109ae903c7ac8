/**
 * The pane's back end: runs the assessment pipeline (assessWorkbook), keeps the last run for
 * 生成报告 / 导出上报, and (web mode) holds the open .xlsx in an XlsxHost. It runs inside a Web Worker
 * (worker.ts) so that reading, computing and rendering 5 000 schools never blocks the UI thread; tests
 * run the same class in the page.
 *
 * A `target` is either a workbook in the page (Office mode: inside the worker, a proxy whose calls are
 * answered by OfficeHost in the page) or "file" (web mode: the XlsxHost held here).
 */
import type { WorkbookHost } from "../workbook/port";
import { SHEETS } from "../workbook/contract";
import { assessWorkbook, baseProfile, clearWorkbook, effectiveOverride, readAndAssess, type AssessRun } from "../workbook/run";
import { compareYears, type Comparison } from "../engine/compare";
import { compareSheet } from "../workbook/render-compare";
import { summarizeWorkbooks, type CountySummary } from "../workbook/summary";
import { planRemediation } from "../engine/plan";
import { planSheet, planView, type PlanView } from "../workbook/render-plan";
import { columnMapSheetPlan, withEdits, type MappedFieldEdit } from "../workbook/columnMap";
import { templatePlan } from "../workbook/template";
import { ownedSheetPlan } from "../workbook/owned";
import { resolveProfile } from "../engine";
import { cellText, colLetter, parseA1 } from "../workbook/text";
import type { XlsxHost } from "../hosts/xlsx";
import { buildPaneModel, type PaneModel } from "./model";
import type { PaneSettings, RowPreview, Stage, TemplateOutcome } from "./appHost";
import type { EngineApi, OfficeExport, Target } from "./engineApi";

/** The template's sheets, in tab order. */
const TEMPLATE_SHEETS = [SHEETS.schools, SHEETS.county, SHEETS.profile, SHEETS.guide];

const NO_FILE = "请先打开一个工作簿（.xlsx），或点击「示例数据」。";
const NO_RUN = "请先点击「评估」。";

export class EngineService implements EngineApi {
  private last: AssessRun | null = null;
  private file: XlsxHost | null = null;

  private xlsx(): Promise<typeof import("../hosts/xlsx")> {
    return import(/* webpackChunkName: "xlsx" */ "../hosts/xlsx");
  }

  private host(target: Target): WorkbookHost {
    if (target !== "file") return target;
    if (!this.file) throw new Error(NO_FILE);
    return this.file;
  }

  private run(): AssessRun {
    if (!this.last) throw new Error(NO_RUN);
    return this.last;
  }

  /** Opens .xlsx bytes; a Chinese reason when they are not a workbook. */
  private async open(data: ArrayBuffer | Uint8Array): Promise<XlsxHost> {
    const { XlsxHost } = await this.xlsx();
    try {
      return await XlsxHost.load(data instanceof Uint8Array ? data : new Uint8Array(data));
    } catch (err) {
      const why = err instanceof Error && /[\u4e00-\u9fff]/.test(err.message) ? err.message : "";
      throw new Error(why || "无法打开该文件：请选择 Excel 工作簿（.xlsx）。旧版 .xls 请先在 Excel 或 WPS 中另存为 .xlsx。");
    }
  }

  /** Web mode: load an .xlsx into memory. */
  async load(data: ArrayBuffer | Uint8Array): Promise<string[]> {
    const host = await this.open(data);
    this.file = host;
    this.last = null;
    return (await host.read([])).sheetNames;
  }

  /** Web mode: start from an empty workbook (创建模板 without an open file). */
  async create(): Promise<void> {
    const { XlsxHost } = await this.xlsx();
    this.file = XlsxHost.create();
    this.last = null;
  }

  /** Read → compute → write, then the pane's view model. */
  async assess(target: Target, settings: PaneSettings, onProgress?: (stage: Stage) => void): Promise<PaneModel> {
    const run = await assessWorkbook(this.host(target), {
      profileId: settings.profileId,
      cvRule: settings.cvRule,
      splitFacilities: settings.splitFacilities,
      sheets: settings.sheets,
      onProgress,
    });
    this.last = run;
    return buildPaneModel(run.assessment, run.read);
  }

  /** 保存列对应: write the mapping the last assessment used, with the user's edits, as 「列对应」. */
  async saveColumnMap(target: Target, edits: MappedFieldEdit[]): Promise<string> {
    const run = this.last;
    if (!run) throw new Error("请先评估，再保存列对应。");
    const mapping = withEdits(run.read.mapping, edits);
    await this.host(target).apply({ sheets: [columnMapSheetPlan(mapping)], activate: SHEETS.columnMap });
    return `已写入「${SHEETS.columnMap}」工作表（${mapping.fields.length}个字段）。再次评估时按该表读取；删除该表则重新自动识别。`;
  }

  /** 创建模板: add the template sheets that are absent; never touch existing ones. */
  async template(target: Target, settings: PaneSettings): Promise<TemplateOutcome> {
    if (target === "file" && !this.file) await this.create();
    const host = this.host(target);
    const existing = (await host.read([])).sheetNames;
    const plan = templatePlan(resolveProfile(baseProfile(settings.profileId), effectiveOverride({}, settings)), existing);
    if (plan.sheets.length) await host.apply(plan);
    const added = plan.sheets.filter((s) => s.mode !== "delete").map((s) => s.name);
    const kept = TEMPLATE_SHEETS.filter((n) => existing.some((e) => e.toLowerCase() === n.toLowerCase()));
    return { added, kept };
  }

  /** 清除评估结果: removes exactly what assessments wrote (found by marker); the message for the pane. */
  async clear(target: Target): Promise<string> {
    if (target === "file" && !this.file) throw new Error(NO_FILE);
    const run = await clearWorkbook(this.host(target));
    this.last = null;
    if (!run.changed) return "工作簿中没有评估助手写入的评估结果，无需清除。";
    const sheets = run.sheets.length ? `已删除结果工作表 ${run.sheets.map((s) => `「${s}」`).join("、")}` : "";
    const block = run.block ? "已清除「学校数据」右侧的评估结果列及标色" : "";
    return `${[sheets, block].filter(Boolean).join("；")}。您自己的内容保持不变。`;
  }

  /** Web mode: a preview of the row holding a cell (header text beside each value). */
  async row(sheet: string, cell: string): Promise<RowPreview | null> {
    const pos = parseA1(cell);
    if (!this.file || !pos) return null;
    const s = (await this.file.read([sheet])).sheets.find((x) => x.name === sheet);
    if (!s) return null;
    const layout = this.last?.read.layout;
    const headerRow = layout && layout.sheet === sheet ? layout.headerRow : 0;
    const header = s.values[headerRow] ?? [];
    const values = s.values[pos.row] ?? [];
    const fields: RowPreview["fields"] = [];
    for (let c = 0; c < Math.max(header.length, values.length); c++) {
      const v = cellText(values[c]);
      const target = c === pos.col;
      if (!v && !target) continue;
      fields.push({ header: cellText(header[c]) || colLetter(c), value: v, column: colLetter(c), target });
    }
    return { sheet, cell, row: pos.row + 1, fields };
  }

  /** Web mode: the checked workbook's bytes (the assessment wrote the two native charts on 「差异系数」). */
  async save(): Promise<Uint8Array> {
    if (!this.file) throw new Error(NO_FILE);
    return this.file.save();
  }

  /** 生成报告: the draft 自查自评报告 (.docx) from the last assessment, with its file name. */
  async report(): Promise<{ bytes: Uint8Array; fileName: string }> {
    const run = this.run();
    const { buildReportDocx, reportFileName } = await import(/* webpackChunkName: "report" */ "../report");
    return { bytes: await buildReportDocx(run.assessment, run.read), fileName: reportFileName(run.read.dataset.county.name) };
  }

  /** 生成报告 where files cannot be downloaded (Excel on Mac/iPad): the report as a 「报告初稿」 sheet. */
  async reportSheet(target: Target): Promise<string> {
    const run = this.run();
    const { buildReportOutline, reportSheetPlan } = await import(/* webpackChunkName: "report" */ "../report");
    const host = this.host(target);
    // The product's own sheet by marker: a user's sheet named 报告初稿 is kept (the draft goes to 报告初稿（评估）),
    // and 清除评估结果 removes the draft with the results.
    const plan = ownedSheetPlan(reportSheetPlan(buildReportOutline(run.assessment, run.read)), "report", await host.read([]));
    await host.apply(plan);
    return plan.activate!;
  }

  /** Web mode 导出上报: the checked sheets as a new workbook. */
  async exportFile(): Promise<{ bytes: Uint8Array; fileName: string }> {
    const run = this.run();
    if (!this.file) throw new Error(NO_FILE);
    const { exportWorkbook, exportFileName } = await import(/* webpackChunkName: "report" */ "../report");
    return { bytes: await exportWorkbook(this.file, run), fileName: exportFileName(run.read.dataset.county.name) };
  }

  /** Office mode 导出上报, through the page's workbook. `supported`: the ExcelApi versions the host has. */
  async exportOffice(target: Target, supported: string[], requestLimit?: number): Promise<OfficeExport> {
    if (target === "file") throw new Error("导出上报（Excel）只能在 Excel 中使用。");
    const run = this.run();
    const { exportInExcel } = await import(/* webpackChunkName: "report" */ "../report");
    const out = await exportInExcel({
      host: target,
      run,
      supports: (v) => supported.includes(v),
      createWorkbook: target.createWorkbook ? (b64) => target.createWorkbook!(b64) : undefined,
      createWorkbookLimit: requestLimit,
    });
    return { message: out.message, fileName: out.fileName };
  }

  /**
   * 与上年比较: last year's workbook (assessed in memory, same settings) against the last run; the
   * 「与上年比较」 sheet goes into the target (the open file, or the Excel workbook).
   */
  async compareLastYear(target: Target, data: ArrayBuffer, name: string, settings: PaneSettings): Promise<Comparison> {
    const run = this.run();
    const last = await readAndAssess(await this.open(data), settings);
    const c = compareYears({ assessment: last.assessment, schools: last.read.dataset.schools }, { assessment: run.assessment, schools: run.read.dataset.schools });
    const host = this.host(target);
    await host.apply(ownedSheetPlan(compareSheet(c, run.assessment.profile, { old: name, new: "本年" }), "compare", await host.read([])));
    return c;
  }

  /** 整改测算 of the last assessment; the 「整改测算」 sheet goes into the target. */
  async plan(target: Target): Promise<PlanView> {
    const run = this.run();
    const plan = planRemediation(run.assessment);
    const host = this.host(target);
    await host.apply(ownedSheetPlan(planSheet(plan, run.assessment), "plan", await host.read([])));
    return planView(plan);
  }

  /** 多县汇总: one county workbook's row; a file that cannot be read is a row with its reason. */
  async summarize(data: ArrayBuffer, name: string, settings: PaneSettings): Promise<CountySummary> {
    const [row] = await summarizeWorkbooks([{ file: name, open: () => this.open(data) }], {
      ...settings,
      errorText: (e) => (e instanceof Error && /[\u4e00-\u9fff]/.test(e.message) ? e.message : "无法读取该文件"),
    });
    return row;
  }
}
