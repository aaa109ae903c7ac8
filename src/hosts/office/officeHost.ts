/**
 * The WorkbookHost port over Office.js (Excel add-in).
 *
 * Sync budget per assessment (read → compute → write): 2 syncs to read (sheet names, protection and
 * the product's markers — workbook names; then every requested sheet's used range and conditional
 * formats in one batch) and WRITE_SYNCS (2) to write — 4 in all — until the write plan's estimated
 * request bytes (schedule.ts stepBytes, measured with the real Office.js client) exceed 2 × 4 MiB:
 * then one more write sync per 4 MiB. Writes are whole 2-D blocks cut by rows; formats are whole
 * areas; the data sheet's highlights are a few conditional formats (ExcelApi 1.6) over whole
 * columns; fills on the product's own sheets are RangeAreas (ExcelApi 1.9) or, on ExcelApi 1.7,
 * one Range per contiguous run queued in the same batch. Never a sync per cell.
 * Ownership (src/workbook/port.ts): markers are hidden workbook names, written after the sheets;
 * the product's rules are found by OWNED_RULE_TAG in their formula (./owned.ts) and deleted by id.
 * The plan's native charts (SheetPlan.charts, "replace" sheets only) are queued at the end of the
 * last write batch, after the values they show: no extra sync.
 *
 * Requirement sets: ExcelApi 1.7 is the minimum (manifest). Newer APIs are used only when
 * `Office.context.requirements.isSetSupported` says so, each with a fallback (see docs/addin.md).
 */
import type { OwnedMark, OwnedRule, WorkbookHost, WorkbookSnapshot, SheetSnapshot } from "../../workbook/port";
import { isOwnedName, toOwnedMark } from "../../workbook/owned";
import { needsRules, ownedRulesOf, queueRuleLoad } from "./owned";
import type { CellValue, ChartSpec, WritePlan } from "../../workbook/plan";
import { a1, parseA1 } from "../../workbook/text";
import { OfficeHostError, PRECHECK, toOfficeHostError, messageForCode, officeErrorCode } from "./errors";
import { batchBytes, chartSteps, planStepsYielding, writeBatches, type Capabilities, type Step, type WeightedStep } from "./schedule";

export type ExcelRun = typeof Excel.run;

/** Answers "is ExcelApi <version> supported here?". */
export type SupportsApi = (version: string) => boolean;

/** isSetSupported on the Office global; false outside Office. */
export function officeSupports(version: string): boolean {
  try {
    return typeof Office !== "undefined" && !!Office.context?.requirements?.isSetSupported("ExcelApi", version);
  } catch {
    return false;
  }
}

export function capabilities(supports: SupportsApi): Capabilities {
  return {
    rangeAreas: supports("1.9"),
    dataValidation: supports("1.8"),
    notes: supports("1.18") ? "notes" : supports("1.10") ? "comments" : "none",
    suspendCalculation: supports("1.6"),
    charts: supports("1.1"),
    chartSeriesStyle: supports("1.7"),
    conditionalFormats: supports("1.6"),
  };
}

/** Workbook state learnt before writing. */
interface Probe {
  sheetNames: string[];
  protectedSheets: string[];
  structureProtected: boolean;
  readOnly: boolean;
  /** The product's markers (workbook-scoped names with OWNED_PREFIX). */
  marks: OwnedMark[];
  /** Ids of the product's conditional formats by lower-case sheet name, highest first (see ruleIds). */
  ruleIds: Map<string, string[]>;
  rules: OwnedRule[];
}

export interface OfficeHostOptions {
  supports?: SupportsApi;
}

/** Statistics of the last apply (for benchmarks and the docs' sync budget). */
export interface ApplyStats {
  syncs: number;
  largestRequestBytes: number;
  steps: number;
}

const RUN_OPTIONS = { delayForCellEdit: true };
/**
 * How long what a read learnt (sheet names, protection) may stand in for the apply's own probe:
 * read → compute → write takes a few seconds; an apply long after a read probes again.
 */
export const PROBE_TTL_MS = 30_000;

export class OfficeHost implements WorkbookHost {
  private readonly run: ExcelRun;
  private readonly supports: SupportsApi;
  /** State from the last read, used by the next apply (within PROBE_TTL_MS) instead of a probe sync. */
  private probe: { state: Probe; at: number } | null = null;
  lastApply: ApplyStats | null = null;

  constructor(run: ExcelRun = Excel.run, opts: OfficeHostOptions = {}) {
    this.run = run;
    this.supports = opts.supports ?? officeSupports;
  }

  /**
   * Runs a batch with `delayForCellEdit` (Excel waits until the user leaves cell edit mode instead
   * of failing; the RunOptions overload has no requirement set and older hosts ignore the option)
   * and turns any failure into an OfficeHostError with a Chinese message.
   */
  private async batch<T>(f: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.run(RUN_OPTIONS, f);
    } catch (e) {
      throw toOfficeHostError(e);
    }
  }

  /** Queues the loads of sheet names, protection and read-only state (no sync). */
  private queueProbe(ctx: Excel.RequestContext): () => Probe {
    const sheets = ctx.workbook.worksheets;
    sheets.load("items/name,items/protection/protected");
    const wbProtection = this.supports("1.7") ? ctx.workbook.protection.load("protected") : null;
    if (this.supports("1.8")) ctx.workbook.load("readOnly");
    // The markers: workbook-scoped names (ExcelApi 1.1; formula 1.7, the manifest's minimum).
    const names = ctx.workbook.names;
    names.load("items/name,items/formula");
    return () => ({
      sheetNames: sheets.items.map((s) => s.name),
      protectedSheets: sheets.items.filter((s) => s.protection.protected).map((s) => s.name),
      structureProtected: wbProtection ? wbProtection.protected : false,
      readOnly: this.supports("1.8") ? ctx.workbook.readOnly : false,
      marks: names.items.filter((n) => isOwnedName(n.name)).map((n) => toOwnedMark(n.name, String(n.formula ?? ""))),
      ruleIds: new Map(),
      rules: [],
    });
  }

  async read(sheetNames: readonly string[]): Promise<WorkbookSnapshot> {
    return this.batch(async (ctx) => {
      const probe = this.queueProbe(ctx);
      await ctx.sync();
      const state = probe();
      const wanted = sheetNames
        .map((n) => state.sheetNames.find((s) => s.toLowerCase() === n.toLowerCase()))
        .filter((n): n is string => !!n);
      const ranges = wanted.map((name) => {
        const used = ctx.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
        used.load("address,values,numberFormat");
        return { name, used };
      });
      // The product's conditional formats on the sheets read, in the same sync as their values.
      const canRules = capabilities(this.supports).conditionalFormats;
      const ruleLoads = canRules ? wanted.map((name) => queueRuleLoad(ctx.workbook.worksheets.getItem(name), name)) : [];
      let sheets: SheetSnapshot[];
      try {
        await ctx.sync();
        ownedRulesOf(ruleLoads, state);
        sheets = ranges.map(({ name, used }) =>
          used.isNullObject ? { name, values: [], numberFormats: [] } : padToA1(name, used.address, used.values, used.numberFormat),
        );
      } catch (e) {
        if (!TOO_LARGE.includes(officeErrorCode(e))) throw e;
        sheets = await readInRowChunks(ctx, wanted);
        if (canRules) {
          // Only huge workbooks come here: their rules take one more small sync.
          const loads = wanted.map((name) => queueRuleLoad(ctx.workbook.worksheets.getItem(name), name));
          await ctx.sync();
          ownedRulesOf(loads, state);
        }
      }
      this.probe = { state, at: Date.now() };
      return { sheetNames: state.sheetNames, sheets, owned: { marks: state.marks, rules: state.rules } };
    });
  }

  async apply(plan: WritePlan): Promise<void> {
    const caps = capabilities(this.supports);
    const cached = this.probe && Date.now() - this.probe.at <= PROBE_TTL_MS ? this.probe.state : null;
    this.probe = null;
    await this.batch(async (ctx) => {
      let syncs = 0;
      let state = cached;
      if (!state || needsRules(plan, state.ruleIds, state.sheetNames)) {
        // No fresh read to rely on: probe now, with the product's rules on the sheets to be cleaned.
        const probe = this.queueProbe(ctx);
        const loads = caps.conditionalFormats
          ? plan.sheets.filter((sp) => sp.removeOwnedRules && sp.mode === "update").map((sp) => queueRuleLoad(ctx.workbook.worksheets.getItemOrNullObject(sp.name), sp.name))
          : [];
        await ctx.sync();
        syncs++;
        state = probe();
        ownedRulesOf(loads, state);
      }
      precheck(plan, state);
      // Building the request yields to the event loop after each sheet (no sync): 5 000 schools'
      // value conversion and sizing would otherwise be one long task on the pane's main thread.
      const names = new Set(state.marks.map((m) => m.name.toLowerCase()));
      const steps = await planStepsYielding(plan, { existing: state.sheetNames, ownedRuleIds: state.ruleIds, names }, caps, pause);
      const batches = writeBatches(steps, chartSteps(plan, caps));
      const written = await runWriteBatches(ctx, batches, caps);
      this.lastApply = { syncs: syncs + written.syncs, largestRequestBytes: written.largestRequestBytes, steps: batches.reduce((n, b) => n + b.length, 0) };
    });
  }

  /** Activates the sheet and selects the cell (e.g. from a 问题清单 link in the pane). */
  async selectCell(sheet: string, cell: string): Promise<void> {
    await this.batch(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await ctx.sync();
    });
  }
}

/**
 * Queues and syncs the write batches, one sync each, in one RequestContext (sheet proxies are reused
 * across batches). Exported for the request-size measurement with the real Office.js client
 * (test/hosts-office/realExcel.ts), which runs exactly this against a recording request executor.
 */
export async function runWriteBatches(ctx: Excel.RequestContext, batches: WeightedStep[][], caps: Capabilities): Promise<{ syncs: number; largestRequestBytes: number }> {
  const sheets = new Map<string, Excel.Worksheet>();
  const sheetProxy = (name: string): Excel.Worksheet => {
    const key = name.toLowerCase();
    let ws = sheets.get(key);
    if (!ws) {
      ws = ctx.workbook.worksheets.getItem(name);
      sheets.set(key, ws);
    }
    return ws;
  };
  let largest = 0;
  let syncs = 0;
  for (const [i, b] of batches.entries()) {
    if (i > 0) await pause(); // let the page breathe between the sync's answer and the next batch
    if (caps.suspendCalculation) ctx.application.suspendApiCalculationUntilNextSync();
    for (const { step } of b) queueStep(ctx, step, caps, sheetProxy, sheets);
    // Microsoft: after suspendApiCalculationUntilNextSync, recalculating is the add-in's job; without it
    // a user's formula over the result cells keeps its old value. Once, at the end of the last batch.
    if (caps.suspendCalculation && i === batches.length - 1) ctx.application.calculate("Recalculate");
    await ctx.sync();
    syncs++;
    largest = Math.max(largest, batchBytes(b));
  }
  return { syncs, largestRequestBytes: largest };
}

/** Yields a macrotask: lets the page paint and handle input while a large request is built. */
function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Cells per sync when a whole read is over Excel on the web's 5 MB response limit (≈ 30 bytes a cell). */
export const READ_CHUNK_CELLS = 100_000;
/** Codes with which Excel refuses a read that is too large (web: 5 MB response; desktop: cell limits). */
const TOO_LARGE = ["ResponsePayloadSizeLimitExceeded", "RangeExceedsLimit", "OperationCellsExceedLimit"];
/** Beyond this a used range is a stray far-away cell, not school data (5 000 schools × 60 columns = 300 000). */
export const MAX_READ_CELLS = 3_000_000;

/**
 * Fallback for sheets too large for one response (about 11 000 schools on Excel on the web): learn
 * each used range's size, then read it in row chunks of at most READ_CHUNK_CELLS cells, one sync
 * per chunk. Only such huge workbooks pay the extra syncs.
 */
async function readInRowChunks(ctx: Excel.RequestContext, names: string[]): Promise<SheetSnapshot[]> {
  const used = names.map((name) => {
    const r = ctx.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
    r.load("address,rowIndex,columnIndex,rowCount,columnCount");
    return { name, r };
  });
  await ctx.sync();
  const out: SheetSnapshot[] = [];
  for (const { name, r } of used) {
    if (r.isNullObject) {
      out.push({ name, values: [], numberFormats: [] });
      continue;
    }
    if (r.rowCount * r.columnCount > MAX_READ_CELLS)
      throw new OfficeHostError(
        `工作表「${name}」的已用区域过大（${r.address.slice(r.address.lastIndexOf("!") + 1)}，约 ${Math.round((r.rowCount * r.columnCount) / 10000)} 万个单元格），` +
          "通常是远处的单元格里留有内容。请删除数据区域之外多余的行和列后重试。（错误代码：UsedRangeTooLarge）",
        "UsedRangeTooLarge",
      );
    let step = Math.max(1, Math.floor(READ_CHUNK_CELLS / r.columnCount));
    const values: unknown[][] = [];
    const formats: unknown[][] = [];
    // One sync per chunk is unavoidable here: the limit is on each response. Long texts make a
    // chunk too large: halve it and try again.
    for (let row = 0; row < r.rowCount; ) {
      const rows = Math.min(step, r.rowCount - row);
      const part = ctx.workbook.worksheets.getItem(name).getRangeByIndexes(r.rowIndex + row, r.columnIndex, rows, r.columnCount);
      part.load("values,numberFormat");
      try {
        await ctx.sync();
      } catch (e) {
        if (!TOO_LARGE.includes(officeErrorCode(e)) || rows === 1) throw e;
        step = Math.ceil(rows / 2);
        continue;
      }
      values.push(...part.values);
      formats.push(...part.numberFormat);
      row += rows;
    }
    out.push(padToA1(name, r.address, values, formats));
  }
  return out;
}

/** Refuses, before anything is written, a plan that Excel would only partly apply. */
function precheck(plan: WritePlan, state: Probe): void {
  if (state.readOnly) throw new OfficeHostError(messageForCode(PRECHECK.readOnly) as string, PRECHECK.readOnly);
  const isProtected = (n: string) => state.protectedSheets.some((p) => p.toLowerCase() === n.toLowerCase());
  const exists = (n: string) => state.sheetNames.some((p) => p.toLowerCase() === n.toLowerCase());
  for (const sp of plan.sheets) {
    if (sp.mode === "update" && exists(sp.name) && isProtected(sp.name))
      throw new OfficeHostError(
        `工作表「${sp.name}」受保护，无法写入评估结果。请在「审阅 → 撤销工作表保护」后再评估。（错误代码：${PRECHECK.sheetProtected}）`,
        PRECHECK.sheetProtected,
      );
    const changesStructure = sp.mode !== "update" ? sp.mode !== "delete" || exists(sp.name) : !exists(sp.name);
    if (state.structureProtected && changesStructure)
      throw new OfficeHostError(
        `工作簿结构受保护，无法新建或替换工作表「${sp.name}」。请在「审阅 → 保护工作簿」中撤销保护后再评估。（错误代码：${PRECHECK.structureProtected}）`,
        PRECHECK.structureProtected,
      );
  }
}

/** Queues one step (no sync). */
function queueStep(
  ctx: Excel.RequestContext,
  step: Step,
  caps: Capabilities,
  sheetProxy: (name: string) => Excel.Worksheet,
  sheets: Map<string, Excel.Worksheet>,
): void {
  switch (step.kind) {
    case "delete":
      sheetProxy(step.sheet).delete();
      sheets.delete(step.sheet.toLowerCase());
      return;
    case "add": {
      const ws = ctx.workbook.worksheets.add(step.sheet);
      ws.position = step.position;
      sheets.set(step.sheet.toLowerCase(), ws);
      return;
    }
    case "clear": {
      const r = sheetProxy(step.sheet).getRangeByIndexes(step.area.row, step.area.col, step.area.rows, step.area.cols);
      r.unmerge();
      r.clear("All");
      return;
    }
    case "values": {
      const v = step.values;
      sheetProxy(step.sheet).getRangeByIndexes(step.row, step.col, v.length, v[0].length).values = v;
      return;
    }
    case "numberFormats": {
      const f = step.formats;
      sheetProxy(step.sheet).getRangeByIndexes(step.row, step.col, f.length, f[0].length).numberFormat = f;
      return;
    }
    case "format": {
      const f = step.run;
      const r = sheetProxy(step.sheet).getRangeByIndexes(f.row, f.col, f.rows, f.cols);
      if (f.numberFormat !== undefined) r.numberFormat = Array.from({ length: f.rows }, () => Array<string>(f.cols).fill(f.numberFormat as string));
      if (f.bold !== undefined) r.format.font.bold = f.bold;
      if (f.fontColor) r.format.font.color = f.fontColor;
      if (f.fill) r.format.fill.color = f.fill;
      if (f.wrap !== undefined) r.format.wrapText = f.wrap;
      if (f.horizontalAlignment) r.format.horizontalAlignment = f.horizontalAlignment === "left" ? "Left" : f.horizontalAlignment === "center" ? "Center" : "Right";
      if (f.border) {
        const edges: ("EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal")[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
        if (f.cols > 1) edges.push("InsideVertical");
        if (f.rows > 1) edges.push("InsideHorizontal");
        for (const e of edges) r.format.borders.getItem(e).style = "Continuous";
      }
      return;
    }
    case "fill": {
      const ws = sheetProxy(step.sheet);
      const targets = caps.rangeAreas ? [ws.getRanges(step.addresses.join(","))] : step.addresses.map((a) => ws.getRange(a));
      for (const t of targets) {
        if (step.fill) t.format.fill.color = step.fill;
        else t.format.fill.clear();
      }
      return;
    }
    case "merge":
      sheetProxy(step.sheet).getRangeByIndexes(step.area.row, step.area.col, step.area.rows, step.area.cols).merge(false);
      return;
    case "width":
      sheetProxy(step.sheet).getRangeByIndexes(0, step.col, 1, 1).format.columnWidth = step.points;
      return;
    case "freeze": {
      const ws = sheetProxy(step.sheet);
      if (step.rows > 0 && step.cols > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, step.rows, step.cols));
      else if (step.rows > 0) ws.freezePanes.freezeRows(step.rows);
      else if (step.cols > 0) ws.freezePanes.freezeColumns(step.cols);
      else ws.freezePanes.unfreeze();
      return;
    }
    case "tab":
      sheetProxy(step.sheet).tabColor = step.color;
      return;
    case "validation": {
      const r = sheetProxy(step.sheet).getRangeByIndexes(step.area.row, step.area.col, step.area.rows, step.area.cols);
      r.dataValidation.clear();
      r.dataValidation.rule = { list: { inCellDropDown: true, source: step.list.join(",") } };
      return;
    }
    case "note": {
      const ws = sheetProxy(step.sheet);
      if (caps.notes === "notes") ws.notes.add(step.cell, step.text);
      else if (caps.notes === "comments") ctx.workbook.comments.add(`${quoteSheet(step.sheet)}!${step.cell}`, step.text);
      return;
    }
    case "activate":
      sheetProxy(step.sheet).activate();
      return;
    case "chart":
      queueChart(sheetProxy(step.sheet), step.chart, caps);
      return;
    case "removeRules": {
      const cfs = sheetProxy(step.sheet).getRange().conditionalFormats;
      for (const id of step.ids) cfs.getItem(id).delete();
      return;
    }
    case "conditionalFill": {
      const { area, formula, fill, fontColor, numberFormat } = step.fill;
      const cf = sheetProxy(step.sheet).getRangeByIndexes(area.row, area.col, area.rows, area.cols).conditionalFormats.add("Custom");
      cf.custom.rule.formula = `=${formula}`;
      if (fill) cf.custom.format.fill.color = fill;
      if (fontColor) cf.custom.format.font.color = fontColor;
      if (numberFormat) cf.custom.format.numberFormat = numberFormat;
      return;
    }
    case "removeName":
      ctx.workbook.names.getItem(step.name).delete();
      return;
    case "addName": {
      const { row, col, rows, cols } = step.area;
      const name = ctx.workbook.names.add(step.name, sheetProxy(step.sheet).getRangeByIndexes(row, col, rows, cols));
      name.visible = false;
      return;
    }
  }
}

/**
 * Queues one native column chart (ExcelApi 1.1) over its data table: header row = series names,
 * first column = categories. Bars get their colour; line series (the limits) become dashed lines
 * where ExcelApi 1.7 allows (ChartSeries.chartType, ChartLineFormat.lineStyle), else they stay
 * columns in Excel's default colours.
 */
function queueChart(ws: Excel.Worksheet, c: ChartSpec, caps: Capabilities): void {
  const chart = ws.charts.add(c.type === "stacked" ? "ColumnStacked" : "ColumnClustered", ws.getRange(c.tableRef), "Columns");
  chart.name = c.name;
  chart.title.text = c.title;
  chart.legend.position = "Bottom";
  const { row, col, rows, cols } = c.anchor;
  chart.setPosition(a1(row, col), a1(row + rows, col + cols));
  c.series.forEach((s, k) => {
    const series = chart.series.getItemAt(k);
    if (s.kind === "bar") series.format.fill.setSolidColor(s.color);
    else if (caps.chartSeriesStyle) {
      series.chartType = "Line";
      series.format.line.color = s.color;
      if (s.dashed) series.format.line.lineStyle = "Dash";
    }
  });
}

/** 'Sheet name' quoted for an address. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Parses the area part of a loaded Range.address ("'学校数据'!B2:K50" → B2's row and column). */
export function addressTopLeft(address: string): { row: number; col: number } {
  const area = address.slice(address.lastIndexOf("!") + 1);
  const first = parseA1(area.split(":")[0]);
  if (!first) throw new OfficeHostError(`无法识别 Excel 返回的区域地址「${address}」。`, "BadAddress");
  return first;
}

/** A used range as a SheetSnapshot whose values[0][0] is A1 ("" → null, formats "General"). */
export function padToA1(name: string, address: string, values: unknown[][], numberFormats: unknown[][]): SheetSnapshot {
  const { row, col } = addressTopLeft(address);
  const width = col + (values[0]?.length ?? 0);
  const emptyRow = <T>(fill: T): T[] => Array<T>(width).fill(fill);
  const outValues: CellValue[][] = [];
  const outFormats: string[][] = [];
  for (let r = 0; r < row; r++) {
    outValues.push(emptyRow<CellValue>(null));
    outFormats.push(emptyRow("General"));
  }
  values.forEach((line, i) => {
    const v = emptyRow<CellValue>(null);
    const f = emptyRow("General");
    line.forEach((x, j) => {
      v[col + j] = x === "" || x === undefined ? null : (x as CellValue);
      const nf = numberFormats[i]?.[j];
      f[col + j] = typeof nf === "string" && nf ? nf : "General";
    });
    outValues.push(v);
    outFormats.push(f);
  });
  return { name, values: outValues, numberFormats: outFormats };
}

export type { WeightedStep };
