/**
 * 多县汇总: one row per county workbook — the county's name (from 「县级指标」), the verdict, included
 * and passing units per group, the seven CVs and 综合 per group with the group's CV verdict, and the
 * items that block recognition. A workbook that cannot be read or assessed becomes a row with its
 * error. Host-neutral: `summarizeWorkbooks` takes a way to open each file, so the command line
 * (files on disk) and the web page (File objects) share it.
 */
import { INDICATOR_CODES, SECTION_LABEL, SECTIONS } from "../engine/types";
import type { Assessment, IndicatorCode, Section } from "../engine/types";
import { cv as cvText } from "../engine/format";
import type { WorkbookHost } from "./port";
import type { ReadResult } from "./contract";
import type { CellValue, SheetPlan } from "./plan";
import { FILL } from "./plan";
import { addHighlight, addTable, emptySheet } from "./render-table";
import type { TableColumn } from "./render-table";
import { a1 } from "./text";
import { readAndAssess } from "./run";
import type { AssessOptions } from "./run";

export const SUMMARY_SHEET = "多县汇总";

export type CountyVerdict = "pass" | "fail" | "pending";

export type SummaryBalance = Record<IndicatorCode | "composite", number | null> & { pass: boolean | null };

export interface CountySummary {
  file: string;
  county: string | null;
  /** null when the file could not be assessed (see error). */
  verdict: CountyVerdict | null;
  units: Record<Section, { total: number; pass: number }> | null;
  balance: Record<Section, SummaryBalance> | null;
  /** The sentences that block recognition (verdict.blockers). */
  blockers: string[];
  /** Why the file could not be used, in Chinese. */
  error?: string;
}

export function countySummary(file: string, a: Assessment, read: ReadResult): CountySummary {
  const units = {} as Record<Section, { total: number; pass: number }>;
  const balance = {} as Record<Section, SummaryBalance>;
  for (const s of SECTIONS) {
    units[s] = { total: a.counts[s].units, pass: a.counts[s].passing };
    const g = a.balance[s];
    const b = { composite: g.composite, pass: g.pass } as SummaryBalance;
    for (const code of INDICATOR_CODES) b[code] = g.indicators[code].cv;
    balance[s] = b;
  }
  const r = a.verdict.recognised;
  return {
    file,
    county: read.dataset.county.name ?? null,
    verdict: r === true ? "pass" : r === false ? "fail" : "pending",
    units,
    balance,
    blockers: [...a.verdict.blockers],
  };
}

export function failedSummary(file: string, error: string): CountySummary {
  return { file, county: null, verdict: null, units: null, balance: null, blockers: [], error };
}

/** One file to summarise: its name and how to open it (throws a Chinese message when it cannot). */
export interface SummaryInput {
  file: string;
  open(): Promise<Pick<WorkbookHost, "read">>;
}

/** Chinese text of a failure; anything without a message is 无法读取. */
export type ErrorText = (e: unknown) => string;

/**
 * Summarises the files one after another (one workbook in memory at a time); `onProgress(done, total,
 * file)` after each. A file that fails becomes a row with its error and the others go on.
 */
export async function summarizeWorkbooks(
  inputs: readonly SummaryInput[],
  opts: Omit<AssessOptions, "onProgress"> & { errorText: ErrorText; onProgress?(done: number, total: number, file: string): void },
): Promise<CountySummary[]> {
  const rows: CountySummary[] = [];
  for (const input of inputs) {
    try {
      const host = await input.open();
      const { assessment, read } = await readAndAssess(host, { profileId: opts.profileId, cvRule: opts.cvRule, splitFacilities: opts.splitFacilities });
      rows.push(countySummary(input.file, assessment, read));
    } catch (e) {
      rows.push(failedSummary(input.file, opts.errorText(e)));
    }
    opts.onProgress?.(rows.length, inputs.length, input.file);
  }
  return rows;
}

export const VERDICT_LABEL: Record<CountyVerdict, string> = { pass: "达到要求", fail: "未达到要求", pending: "待定" };

/** Table columns of the summary (sheet and web page). */
export function summaryHeaders(): string[] {
  const group = (s: Section) => [
    `${SECTION_LABEL[s]}参评`,
    `${SECTION_LABEL[s]}达标`,
    ...INDICATOR_CODES.map((c) => `${SECTION_LABEL[s]}${c}`),
    `${SECTION_LABEL[s]}综合`,
    `${SECTION_LABEL[s]}差异系数`,
  ];
  return ["文件", "县（区）", "结论", ...group("primary"), ...group("junior"), "影响认定的问题"];
}

const passWord = (p: boolean | null) => (p === true ? "达标" : p === false ? "未达标" : "无法判定");

/** One summary row as cells (numbers unrounded; text for the verdicts). */
export function summaryCells(row: CountySummary): CellValue[] {
  const group = (s: Section): CellValue[] => {
    if (!row.units || !row.balance) return new Array<CellValue>(INDICATOR_CODES.length + 4).fill(null);
    const b = row.balance[s];
    return [row.units[s].total, row.units[s].pass, ...INDICATOR_CODES.map((c) => b[c]), b.composite, passWord(b.pass)];
  };
  const verdict = row.verdict === null ? "无法评估" : VERDICT_LABEL[row.verdict];
  const last = row.error ?? row.blockers.join("；");
  return [row.file, row.county, verdict, ...group("primary"), ...group("junior"), last || null];
}

/** The same row as texts, for the web page (CVs to 4 decimals). */
export function summaryTexts(row: CountySummary): string[] {
  return summaryCells(row).map((v) => (v === null ? "" : typeof v === "number" ? (Number.isInteger(v) ? String(v) : cvText(v)) : String(v)));
}

export function summarySheet(rows: readonly CountySummary[]): SheetPlan {
  const sheet = emptySheet(SUMMARY_SHEET, "replace");
  sheet.tabColor = "#2E75B6";
  sheet.blocks.push({ row: 0, col: 0, values: [[`多县汇总（${rows.length}个文件）`]] });
  sheet.formats.push({ row: 0, col: 0, rows: 1, cols: 1, bold: true });
  const headers = summaryHeaders();
  const per = INDICATOR_CODES.length + 4;
  const columns: TableColumn[] = headers.map((h, j): TableColumn => {
    if (j < 2) return { header: h, width: 20, userText: true };
    if (j === 2) return { header: h, width: 10 };
    if (j === headers.length - 1) return { header: h, width: 60, wrap: true };
    const k = (j - 3) % per;
    if (k < 2) return { header: h, width: 7 };
    if (k === per - 1) return { header: h, width: 9 };
    return { header: h, width: 8, format: "0.0000" };
  });
  const cells = rows.map(summaryCells);
  addTable(sheet, 2, 0, columns, cells);
  const red: string[] = [];
  const green: string[] = [];
  rows.forEach((r, i) => {
    if (r.verdict === "pass") green.push(a1(3 + i, 2));
    else if (r.verdict === "fail" || r.verdict === null) red.push(a1(3 + i, 2));
  });
  addHighlight(sheet, FILL.met, green);
  addHighlight(sheet, FILL.unmet, red);
  sheet.freeze = { rows: 3, cols: 2 };
  return sheet;
}

/** The JSON of `junheng summary`. */
export function summaryJson(rows: readonly CountySummary[]) {
  return {
    counties: rows.map((r) => ({
      file: r.file,
      county: r.county,
      verdict: r.verdict,
      units: r.units,
      balance: r.balance,
      blockers: r.blockers,
      ...(r.error ? { error: r.error } : {}),
    })),
  };
}
