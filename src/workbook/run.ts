/**
 * assessWorkbook: the whole assessment over a workbook host, read → compute → write; clearWorkbook:
 * 清除评估结果, the undo of every assessment.
 * Shared by the task pane (Office host), the command line and the browser page (exceljs host).
 */
import { NATIONAL_2017, PROFILES, assess, getProfile } from "../engine/index";
import type { Assessment, CvRule, ProfileOverride, RuleProfile } from "../engine/types";
import type { OwnedState, WorkbookHost } from "./port";
import type { ReadResult } from "./contract";
import type { WritePlan } from "./plan";
import { INPUT_SHEETS, readWorkbook, sheetsToSearch, type ReadOptions } from "./read";
import { columnMapSheetPlan } from "./columnMap";
import { renderAssessment } from "./render";
import { clearPlan, ownsAnything } from "./owned";

export type AssessStage = "read" | "compute" | "write";

export interface AssessOptions {
  /** Built-in profile id (default national-2017). */
  profileId?: string;
  /** Overrides applied last, after the workbook's 「评估标准」 sheet. */
  cvRule?: CvRule;
  splitFacilities?: boolean;
  /** The sheet(s) holding the school data (--sheet, the pane's choice); default: found by content. */
  sheets?: readonly string[];
  /** Also write the 「列对应」 sheet for the columns used (--write-map, the pane's 保存列对应). */
  writeColumnMap?: boolean;
  onProgress?(stage: AssessStage): void;
}

export interface AssessRun {
  assessment: Assessment;
  read: ReadResult;
  plan: WritePlan;
}

/** An option that names no built-in profile. */
export class UnknownProfileError extends Error {
  constructor(id: string) {
    super(`未知的评估标准「${id}」。可用的评估标准：${Object.keys(PROFILES).join("、")}`);
    this.name = "UnknownProfileError";
  }
}

/** The base profile for an id (default national-2017); throws UnknownProfileError. */
export function baseProfile(profileId?: string): RuleProfile {
  if (!profileId) return NATIONAL_2017;
  const p = getProfile(profileId);
  if (!p) throw new UnknownProfileError(profileId);
  return p;
}

/**
 * The override in force: `sheet` (the workbook's 「评估标准」 sheet, or nothing), then the caller's
 * cvRule and splitFacilities (the command line's --cv-rule / --no-split and the pane's settings win
 * over the sheet).
 */
export function effectiveOverride(sheet: ProfileOverride, opts: Pick<AssessOptions, "cvRule" | "splitFacilities">): ProfileOverride {
  const override: ProfileOverride = { ...sheet };
  if (opts.cvRule) override.cvRule = opts.cvRule;
  if (opts.splitFacilities !== undefined) override.splitFacilities = opts.splitFacilities;
  return override;
}

/**
 * Reads the workbook in at most two batches: the input sheets (and any named with --sheet), then,
 * when the school data is not on 「学校数据」, the other sheets to find it by content.
 */
/** The owned state of two reads of one workbook: the markers (the same in both) and the rules of the sheets each read. */
function mergeOwned(a: OwnedState | undefined, b: OwnedState | undefined): OwnedState | undefined {
  if (!a || !b) return a ?? b;
  const key = (r: OwnedState["rules"][number]) => JSON.stringify([r.sheet.toLowerCase(), r.area, r.formula]);
  const seen = new Set(a.rules.map(key));
  return { marks: a.marks, rules: [...a.rules, ...b.rules.filter((r) => !seen.has(key(r)))] };
}

export async function readHost(host: WorkbookHost, opts: ReadOptions = {}): Promise<ReadResult> {
  const first = await host.read(opts.sheets?.length ? [...INPUT_SHEETS, ...opts.sheets] : INPUT_SHEETS);
  const more = sheetsToSearch(first, opts);
  if (!more.length) return readWorkbook(first, opts);
  const rest = await host.read(more);
  return readWorkbook({ sheetNames: first.sheetNames, sheets: [...first.sheets, ...rest.sheets], owned: mergeOwned(first.owned, rest.owned) }, opts);
}

/**
 * Reads the input sheets, assesses, renders the results and applies them to the host.
 * Throws UnusableWorkbookError (from the reader) when the workbook cannot be used at all.
 */
export async function assessWorkbook(host: WorkbookHost, opts: AssessOptions = {}): Promise<AssessRun> {
  const base = baseProfile(opts.profileId);
  opts.onProgress?.("read");
  const read = await readHost(host, { sheets: opts.sheets, indoorSportsTo105: base.indoorSportsTo105 });
  opts.onProgress?.("compute");
  const assessment = assess(read.dataset, effectiveOverride(read.profileOverride, opts), base);
  const plan = renderAssessment(assessment, read);
  if (opts.writeColumnMap) plan.sheets.push(columnMapSheetPlan(read.mapping));
  opts.onProgress?.("write");
  await host.apply(plan);
  return { assessment, read, plan };
}

export interface ClearRun {
  plan: WritePlan;
  /** Result sheets removed (their names as they were). */
  sheets: string[];
  /** Whether a result block was cleared on the data sheet. */
  block: boolean;
  /** False when the workbook held nothing of the product's (nothing was written). */
  changed: boolean;
}

/**
 * 清除评估结果: removes exactly what assessments wrote — found by the product's markers only
 * (owned.ts clearPlan) — and nothing else. Leaves the workbook as it was before the first
 * assessment. Applies nothing when nothing is owned.
 */
export async function clearWorkbook(host: WorkbookHost): Promise<ClearRun> {
  const snapshot = await host.read([]);
  const plan = clearPlan(snapshot);
  const sheets = plan.sheets.filter((s) => s.mode === "delete").map((s) => s.name);
  const block = plan.sheets.some((s) => (s.clear ?? []).length > 0);
  const changed = ownsAnything(snapshot);
  if (changed) await host.apply(plan);
  return { plan, sheets, block, changed };
}

/**
 * Reads and assesses without writing anything (comparisons, summaries): assessWorkbook over the
 * host's reads with the write plan left unapplied, so both read the workbook the same way.
 */
export async function readAndAssess(host: Pick<WorkbookHost, "read">, opts: AssessOptions = {}): Promise<Omit<AssessRun, "plan">> {
  const { assessment, read } = await assessWorkbook({ read: (names) => host.read(names), apply: async () => undefined }, opts);
  return { assessment, read };
}
