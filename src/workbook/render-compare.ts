/**
 * The 「与上年比较」 sheet and the JSON of `junheng compare`, from a Comparison (engine/compare.ts).
 *
 * Sheet ("replace"): 达标 units and the 差异系数 of both years per group, then every school section
 * whose status changed in some indicator (one row per indicator: old and new status and value;
 * improvements green, regressions red), then the schools added, removed and renamed.
 */
import { STATUS_LABEL } from "../engine/format";
import { INDICATOR_CODES, SECTION_LABEL, SECTIONS, STATUS_ORDER } from "../engine/types";
import type { Comparison, CvPair, StatusChange } from "../engine/compare";
import type { IndicatorCode, RuleProfile, Section, Status } from "../engine/types";
import { FILL } from "./plan";
import type { CellValue, SheetPlan } from "./plan";
import { addTable, emptySheet, fillRule, rowRef } from "./render-table";
import type { TableColumn } from "./render-table";

export const COMPARE_SHEET = "与上年比较";

const RECOGNISED_WORD = (r: boolean | null) => (r === true ? "达到要求" : r === false ? "未达到要求" : "待定");

function statusWord(s: Status | null): string {
  return s === null ? "未参评" : STATUS_LABEL[s];
}

/** +1 better, −1 worse, 0 neither (a unit that was or is not assessed). */
export function direction(c: StatusChange): number {
  if (c.old === null || c.new === null || c.old === "error" || c.new === "error") return 0;
  return Math.sign(STATUS_ORDER.indexOf(c.old) - STATUS_ORDER.indexOf(c.new));
}

function title(sheet: SheetPlan, row: number, text: string): void {
  sheet.blocks.push({ row, col: 0, values: [[text]] });
  sheet.formats.push({ row, col: 0, rows: 1, cols: 1, bold: true });
}

export function compareSheet(c: Comparison, profile: RuleProfile, names: { old: string; new: string }): SheetPlan {
  const sheet = emptySheet(COMPARE_SHEET, "replace");
  sheet.tabColor = "#2E75B6";
  title(sheet, 0, `与上年比较（上年：${names.old}；本年：${names.new}）`);
  sheet.blocks.push({ row: 1, col: 0, values: [[`总体结论：上年${RECOGNISED_WORD(c.recognised.old)}，本年${RECOGNISED_WORD(c.recognised.new)}`]] });

  let r = 3;
  title(sheet, r, "一、达标学校与差异系数");
  const cols: TableColumn[] = [
    { header: "学段", width: 8 },
    { header: "项目", width: 22 },
    { header: "上年", width: 12 },
    { header: "本年", width: 12 },
    { header: "变化", width: 12 },
  ];
  const rows: CellValue[][] = [];
  /** First row (in `rows`) of each group's eight CV lines. */
  const cvFormats: number[] = [];
  for (const s of SECTIONS) {
    const k = c.counts[s];
    rows.push([SECTION_LABEL[s], "参评监测点", k.old.units, k.new.units, k.new.units - k.old.units]);
    rows.push([SECTION_LABEL[s], "达标监测点", k.old.passing, k.new.passing, k.new.passing - k.old.passing]);
    cvFormats.push(rows.length);
    const line = (label: string, p: CvPair) => {
      rows.push([SECTION_LABEL[s], label, p.old, p.new, p.old === null || p.new === null ? null : p.new - p.old]);
    };
    for (const code of INDICATOR_CODES) line(`差异系数 ${code} ${profile.indicators[code].shortName}`, c.balance[s][code]);
    line("综合差异系数", c.balance[s].composite);
  }
  const top = r + 2;
  r = addTable(sheet, r + 1, 0, cols, rows, { setWidths: false });
  for (const i of cvFormats) sheet.formats.push({ row: top + i, col: 2, rows: INDICATOR_CODES.length + 1, cols: 3, numberFormat: "0.0000" });

  r++;
  const changed = c.units.filter((u) => Object.keys(u.changes).length > 0);
  title(sheet, r, `二、指标状态有变化的监测点（${changed.length}个）`);
  const unitCols: TableColumn[] = [
    { header: "学校", width: 24, userText: true },
    { header: "学段", width: 8 },
    { header: "指标", width: 18 },
    { header: "上年状态", width: 10 },
    { header: "本年状态", width: 10 },
    { header: "上年值", width: 12, format: "0.00" },
    { header: "本年值", width: 12, format: "0.00" },
  ];
  const unitRows: CellValue[][] = [];
  const first = r + 2;
  for (const u of changed) {
    for (const code of INDICATOR_CODES) {
      const ch = u.changes[code];
      if (!ch) continue;
      unitRows.push([u.school, SECTION_LABEL[u.section], `${code} ${profile.indicators[code].shortName}`, statusWord(ch.old), statusWord(ch.new), ch.valueOld, ch.valueNew]);
    }
  }
  r = addTable(sheet, r + 1, 0, unitCols, unitRows, { setWidths: false });
  // 本年状态 green where better than last year, red where worse (direction): two conditional formats
  // over the column, testing the two status words of the row, however many rows.
  if (unitRows.length) {
    const area = { row: first, col: 4, rows: unitRows.length, cols: 1 };
    const pairs = (sign: number) =>
      STATUS_ORDER.flatMap((o) => STATUS_ORDER.filter((n) => direction({ old: o, new: n, valueOld: null, valueNew: null }) === sign).map((n) => `AND(${rowRef(area, 3)}="${statusWord(o)}",${rowRef(area, 4)}="${statusWord(n)}")`));
    (sheet.conditionalFills ??= []).push(fillRule(area, `OR(${pairs(1).join(",")})`, FILL.met), fillRule(area, `OR(${pairs(-1).join(",")})`, FILL.unmet));
  }

  r++;
  title(sheet, r, "三、学校变动");
  const moves: CellValue[][] = [
    ...c.added.map((n): CellValue[] => ["新增", n, null]),
    ...c.removed.map((n): CellValue[] => ["减少", n, null]),
    ...c.renamed.map((x): CellValue[] => ["更名", x.new, `原名「${x.old}」，学校代码${x.code}`]),
  ];
  if (moves.length === 0) sheet.blocks.push({ row: r + 1, col: 0, values: [["无新增、减少或更名的学校"]] });
  else addTable(sheet, r + 1, 0, [{ header: "变动", width: 8 }, { header: "学校", width: 24, userText: true }, { header: "说明", width: 30, userText: true }], moves, { setWidths: false });
  sheet.columnWidths = [24, 22, 18, 12, 12, 12, 12].map((width, col) => ({ col, width }));
  return sheet;
}

// ---------------------------------------------------------------------------------------------
// JSON of `junheng compare` (issue 14)
// ---------------------------------------------------------------------------------------------

export interface CompareJson {
  units: { school: string; section: Section; changes: Partial<Record<IndicatorCode, StatusChange>> }[];
  balance: Comparison["balance"];
  added: string[];
  removed: string[];
  /** Added to the shape: schools with the same 学校代码 under another name. */
  renamed: Comparison["renamed"];
}

export function compareJson(c: Comparison): CompareJson {
  return {
    units: c.units.map((u) => ({ school: u.school, section: u.section, changes: u.changes })),
    balance: c.balance,
    added: c.added,
    removed: c.removed,
    renamed: c.renamed,
  };
}
