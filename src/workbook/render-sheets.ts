/**
 * The result sheets an assessment (re)writes: 监测点指标, 差异系数, 问题清单, 评估汇总, 数据问题.
 * Each is a "replace" sheet plan (数据问题 is "delete" when there is nothing to report).
 * Host-neutral and pure: numbers are written unrounded with number formats (2 decimals, CVs 4,
 * percents 0.0%); texts are Chinese; user texts go into textOnly blocks.
 */
import { CHECK_STATUS_LABEL, COUNTY_STATUS_LABEL, fixed, num, wholeCountyWord } from "../engine/format";
import { INDICATOR_CODES, SECTION_LABEL } from "../engine/types";
import { unitIndicator, unitStatus, unitValue } from "../engine/results";
import type { Assessment, CountyArea, CvStat, GroupBalance, Section } from "../engine/types";
import { SHEETS } from "./contract";
import type { ReadResult } from "./contract";
import { ownedRuleFormula } from "./owned";
import { FILL } from "./plan";
import type { CellValue, SheetPlan } from "./plan";
import { addHighlight, addTable, emptySheet, fillRule, headerRun, rowRef, statusTextRules } from "./render-table";
import type { TableColumn } from "./render-table";
import { unitVerdict } from "./shortfalls";
import type { Shortfall } from "./shortfalls";
import { a1 } from "./text";

const TAB_COLOR = "#2E75B6";

/** Fill for a status label, if it gets one. */
function statusFill(status: string | undefined): string | undefined {
  switch (status) {
    case "unmet":
      return FILL.unmet;
    case "basic":
    case "pending":
      return FILL.basic;
    case "met":
      return FILL.met;
    default:
      return undefined;
  }
}

/** Collects status-coloured cells and adds them as highlights in one go. */
class StatusColours {
  private readonly byFill = new Map<string, string[]>();
  mark(row: number, col: number, status: string | undefined): void {
    const fill = statusFill(status);
    if (!fill) return;
    let list = this.byFill.get(fill);
    if (!list) this.byFill.set(fill, (list = []));
    list.push(a1(row, col));
  }
  addTo(sheet: SheetPlan): void {
    for (const [fill, cells] of this.byFill) addHighlight(sheet, fill, cells);
  }
}

// ---------------------------------------------------------------------------------------------
// 监测点指标
// ---------------------------------------------------------------------------------------------

/** The 「各项状态」 letters of a 监测点, one per indicator 101–107 in order. */
const STATUS_MARK: Record<string, string> = { met: "○", basic: "△", unmet: "×", error: "？" };
const UNMET_MARK = STATUS_MARK.unmet;
const BASIC_MARK = STATUS_MARK.basic;

export function unitsSheet(assessment: Assessment, traces: ReadResult["traces"] = []): SheetPlan {
  const sheet = emptySheet(SHEETS.units, "replace");
  const profile = assessment.profile;
  const withTraces = traces.some((t) => t.length > 0);
  // One column per indicator: the value; its status is the colour of the cell (red 未达标, amber
  // 基本达标) and a letter of 「各项状态」 — 7 status-text columns would double the size of the
  // largest result sheet. The colours are conditional formats reading 「各项状态」: a fixed number of
  // rules however many schools, in every host.
  const columns: TableColumn[] = [
    { header: "学校名称", width: 24, userText: true },
    { header: "学段", width: 6, align: "center" },
    { header: "在校生数", width: 9, format: "0" },
    { header: "参评情况", width: 16 },
    ...INDICATOR_CODES.map((code): TableColumn => {
      const rule = profile.indicators[code];
      return { header: `${code} ${rule.shortName}（${rule.unit}）`, width: 12, format: "0.00" };
    }),
    { header: "各项状态（101–107）", width: 12, align: "center" },
    { header: "达标项数", width: 8, format: "0", align: "center" },
    { header: "判定", width: 9, align: "center" },
    { header: "需改进", width: 48 },
    // Derived numerators (statistics exports, 表Ⅱ-2): which cells fed each value, e.g. 101（小学） = K7+L7+M7.
    ...(withTraces ? [{ header: "数据来源（合成的分子）", width: 40 } satisfies TableColumn] : []),
  ];
  const first = 4; // column of 101
  const marksCol = first + INDICATOR_CODES.length;
  const verdictCol = marksCol + 2;
  sheet.blocks.push({
    row: 0,
    col: 0,
    values: [[
      `各监测点（学校学段）资源配置指标。数值底色：红色为未达标，黄色为基本达标；「各项状态」依次为101–107：○达标，△基本达标，×未达标，？数据有误；数值为空表示数据有误，见“需改进”和「数据问题」。评估标准：${profile.name}`,
      ...new Array<CellValue>(columns.length - 1).fill(null),
    ]],
  });
  sheet.merges!.push({ row: 0, col: 0, rows: 1, cols: columns.length });

  const present = new Set<string>();
  const rows: CellValue[][] = assessment.units.map((u) => {
    const line: CellValue[] = [u.school, SECTION_LABEL[u.section], u.students, u.included ? "参评" : `不参评：${u.excludedReason ?? ""}`];
    const notes: string[] = [];
    let marks = "";
    for (const code of INDICATOR_CODES) {
      const status = unitStatus(assessment, u, code);
      line.push(status === "error" ? null : unitValue(assessment, u, code));
      if (!u.included) continue;
      marks += STATUS_MARK[status] ?? "—";
      if (status === "met") continue;
      const ind = unitIndicator(assessment, u, code);
      if (ind.gap) notes.push(`${code} ${ind.gap.text}`);
      if (ind.status === "error") notes.push(`${code} 数据有误${ind.errorReason ? `（${ind.errorReason}）` : ""}`);
    }
    for (const m of marks) present.add(m);
    const verdict = unitVerdict(u, profile.minMetIndicators);
    present.add(verdict);
    line.push(marks || null, u.included ? u.metCount : null, verdict, notes.join("；") || null);
    if (withTraces) line.push((traces[u.schoolIndex] ?? []).filter((t) => t.section === null || t.section === u.section).map((t) => t.text).join("；") || null);
    return line;
  });
  // Long tables go without cell borders (gridlines suffice; thousands of bordered cells slow the file).
  addTable(sheet, 1, 0, columns, rows, { border: false });
  const rules = (sheet.conditionalFills ??= []);
  INDICATOR_CODES.forEach((_, k) => {
    const area = { row: 2, col: first + k, rows: rows.length, cols: 1 };
    const mark = `MID(${rowRef(area, marksCol)},${k + 1},1)`;
    if (present.has(UNMET_MARK)) rules.push(fillRule(area, `${mark}="${UNMET_MARK}"`, FILL.unmet));
    if (present.has(BASIC_MARK)) rules.push(fillRule(area, `${mark}="${BASIC_MARK}"`, FILL.basic));
  });
  statusTextRules(sheet, { row: 2, col: verdictCol, rows: rows.length, cols: 1 }, verdictCol, present, { 未达标: FILL.unmet });
  sheet.freeze = { rows: 2, cols: 1 };
  sheet.tabColor = TAB_COLOR;
  return sheet;
}

// ---------------------------------------------------------------------------------------------
// 差异系数
// ---------------------------------------------------------------------------------------------

const RULE_TEXT = {
  each: "每项指标的差异系数均不超过标准",
  composite: "综合差异系数不超过标准",
} as const;

function verdictText(pass: boolean | null): string {
  return pass === null ? "无法判定" : pass ? "达标" : "未达标";
}

export function balanceSheet(assessment: Assessment, read: ReadResult): SheetPlan {
  const sheet = emptySheet(SHEETS.balance, "replace");
  const profile = assessment.profile;
  const whole = wholeCountyWord(read.dataset.county.name);
  const ncols = 1 + INDICATOR_CODES.length + 1;
  const colours = new StatusColours();

  sheet.blocks.push({
    row: 0,
    col: 0,
    values: [
      [`${read.dataset.county.name ?? ""}义务教育学校校际差异系数`, ...new Array<CellValue>(ncols - 1).fill(null)],
      [
        `评估标准：${profile.name}；差异系数按在校生数加权计算（总体标准差÷平均值）；判定规则：${RULE_TEXT[assessment.cvRule]}。`,
        ...new Array<CellValue>(ncols - 1).fill(null),
      ],
    ],
  });
  sheet.merges!.push({ row: 0, col: 0, rows: 1, cols: ncols }, { row: 1, col: 0, rows: 1, cols: ncols });
  sheet.formats.push({ row: 0, col: 0, rows: 1, cols: ncols, bold: true, horizontalAlignment: "center" });
  sheet.formats.push({ row: 1, col: 0, rows: 1, cols: ncols, wrap: true });

  let r = 3;
  for (const section of ["primary", "junior"] as Section[]) {
    const g: GroupBalance = assessment.balance[section];
    const limit = g.limit;
    const label = SECTION_LABEL[section];
    sheet.blocks.push({
      row: r,
      col: 0,
      values: [[`${label}（${g.unitCount} 个监测点，在校生 ${num(g.students)} 人）`, ...new Array<CellValue>(ncols - 1).fill(null)]],
    });
    sheet.merges!.push({ row: r, col: 0, rows: 1, cols: ncols });
    sheet.formats.push({ row: r, col: 0, rows: 1, cols: ncols, bold: true });
    r++;
    const header: CellValue[] = ["项目", ...INDICATOR_CODES.map((c) => `${c} ${profile.indicators[c].shortName}`), "综合差异系数"];
    const stat = (pick: (s: CvStat) => number | null) => INDICATOR_CODES.map((c) => pick(g.indicators[c]));
    const limitText = `≤${fixed(limit, 2)}`;
    const judged = INDICATOR_CODES.map((c) => {
      const s = g.indicators[c];
      return s.cv === null ? "无法计算" : s.withinLimit ? "达标" : "未达标";
    });
    const compositeOk = g.composite === null ? null : g.composite <= limit;
    const body: CellValue[][] = [
      [`${whole}平均值`, ...stat((s) => s.mean), null],
      ["标准差", ...stat((s) => s.sd), null],
      ["差异系数", ...stat((s) => s.cv), g.composite],
      ["标准", ...INDICATOR_CODES.map(() => limitText), limitText],
      ["判定", ...judged, g.composite === null ? "无法计算" : compositeOk ? "达标" : "未达标"],
    ];
    sheet.blocks.push({ row: r, col: 0, values: [header, ...body] });
    sheet.formats.push(headerRun(r, 0, 1, ncols));
    sheet.formats.push({ row: r + 1, col: 0, rows: body.length, cols: ncols, border: true, horizontalAlignment: "center" });
    sheet.formats.push({ row: r + 1, col: 0, rows: body.length, cols: 1, bold: true, fill: FILL.header });
    sheet.formats.push({ row: r + 1, col: 1, rows: 2, cols: ncols - 1, numberFormat: "0.00" });
    sheet.formats.push({ row: r + 3, col: 1, rows: 1, cols: ncols - 1, numberFormat: "0.0000", bold: true });
    judged.forEach((j, k) => colours.mark(r + 5, 1 + k, j === "达标" ? "met" : j === "未达标" ? "unmet" : undefined));
    colours.mark(r + 5, ncols - 1, compositeOk === null ? undefined : compositeOk ? "met" : "unmet");
    r += 1 + body.length;

    // Verdict under the profile's rule, the other rule for reference, and why a CV is missing.
    const lines: string[] = [
      `${label}判定（${RULE_TEXT[g.rule]}）：${verdictText(g.pass)}${g.reason ? `（${g.reason}）` : ""}`,
      `参考：按每项指标判定为${verdictText(g.passEach)}；按综合差异系数判定为${verdictText(g.passComposite)}。`,
    ];
    if (g.failing.length) lines.push(`超过标准的指标：${g.failing.map((c) => `${c} ${profile.indicators[c].shortName}`).join("、")}`);
    for (const c of INDICATOR_CODES) {
      const s = g.indicators[c];
      if (s.cv === null && s.reason) lines.push(`${c} 未计算差异系数：${s.reason}`);
    }
    sheet.blocks.push({ row: r, col: 0, values: lines.map((t) => [t, ...new Array<CellValue>(ncols - 1).fill(null)]) });
    lines.forEach((_, k) => sheet.merges!.push({ row: r + k, col: 0, rows: 1, cols: ncols }));
    sheet.formats.push({ row: r, col: 0, rows: 1, cols: ncols, bold: true });
    colours.mark(r, 0, g.pass === null ? undefined : g.pass ? "met" : "unmet");
    r += lines.length + 1;
  }
  colours.addTo(sheet);
  sheet.columnWidths = [{ col: 0, width: 14 }, ...INDICATOR_CODES.map((_, k) => ({ col: 1 + k, width: 13 })), { col: ncols - 1, width: 13 }];
  sheet.freeze = { rows: 2, cols: 1 };
  sheet.tabColor = TAB_COLOR;
  return sheet;
}

// ---------------------------------------------------------------------------------------------
// 问题清单
// ---------------------------------------------------------------------------------------------

/** Header of the 问题清单 column holding the input cell address as 学校数据!H7 (for locating the cell). */
export const PROBLEM_CELL_HEADER = "单元格";

/** The number format of 「问题清单」's 数值 column: the indicator values' (the most common lines). */
const VALUE_FORMAT = "0.00";

export function problemsSheet(shortfalls: Shortfall[]): SheetPlan {
  const sheet = emptySheet(SHEETS.problems, "replace");
  const columns: TableColumn[] = [
    { header: "学校名称", width: 24, userText: true },
    { header: "学段", width: 6, align: "center" },
    { header: "指标", width: 6, align: "center" },
    { header: "项目", width: 26 },
    { header: "数值", width: 12, align: "right" },
    { header: "要求", width: 30 },
    { header: "状态", width: 9, align: "center" },
    { header: "需改进", width: 36 },
    { header: PROBLEM_CELL_HEADER, width: 13, align: "center" },
  ];
  const rows: CellValue[][] = shortfalls.map((s) => [
    s.school,
    s.section ? SECTION_LABEL[s.section] : "—",
    s.code,
    s.item,
    s.value,
    s.requirement,
    CHECK_STATUS_LABEL[s.status],
    s.action,
    s.cell ? `${SHEETS.schools}!${s.cell}` : null,
  ]);
  addTable(sheet, 0, 0, columns, rows, { border: false });
  if (shortfalls.length === 0) {
    sheet.blocks.push({ row: 1, col: 0, values: [["没有未达标或基本达标的项目。"]] });
  } else {
    const area = (col: number) => ({ row: 1, col, rows: shortfalls.length, cols: 1 });
    // 数值 follows each line's kind (decimals, whole numbers, percents): the indicators' "0.00" on
    // the whole column, and one rule per other kind by the line's 指标 code (the code cell holds
    // text, or a number where Excel converted it on entry: the rule accepts both).
    const byFormat = new Map<string, Set<string>>();
    for (const s of shortfalls) {
      if (s.valueFormat === VALUE_FORMAT) continue;
      let codes = byFormat.get(s.valueFormat);
      if (!codes) byFormat.set(s.valueFormat, (codes = new Set()));
      codes.add(s.code);
    }
    sheet.formats.push({ ...area(4), numberFormat: VALUE_FORMAT });
    const rules = (sheet.conditionalFills ??= []);
    const code = rowRef(area(4), 2);
    for (const [numberFormat, codes] of byFormat) {
      const tests = [...codes].flatMap((c) => [`${code}="${c}"`, ...(/^\d+$/.test(c) ? [`${code}=${c}`] : [])]);
      rules.push({ area: area(4), formula: ownedRuleFormula(tests.length === 1 ? tests[0] : `OR(${tests.join(",")})`), numberFormat });
    }
    statusTextRules(sheet, area(6), 6, new Set(shortfalls.map((s) => CHECK_STATUS_LABEL[s.status])), { 未达标: FILL.unmet, 基本达标: FILL.basic });
  }
  sheet.freeze = { rows: 1, cols: 1 };
  sheet.tabColor = TAB_COLOR;
  return sheet;
}

// ---------------------------------------------------------------------------------------------
// 评估汇总
// ---------------------------------------------------------------------------------------------

const AREA_TITLE: Record<CountyArea, string> = {
  resources: "一、资源配置",
  government: "二、政府保障程度",
  quality: "三、教育质量",
  recognition: "四、社会认可度",
  veto: "五、一票否决",
};

export function summarySheet(assessment: Assessment, read: ReadResult): SheetPlan {
  const sheet = emptySheet(SHEETS.summary, "replace");
  const v = assessment.verdict;
  const ncols = 6;
  const pad = (t: string): CellValue[] => [t, ...new Array<CellValue>(ncols - 1).fill(null)];
  const county = read.dataset.county.name ?? "";
  const conclusion =
    v.recognised === true ? "达到县域义务教育优质均衡发展要求" : v.recognised === false ? "未达到县域义务教育优质均衡发展要求" : "待定：尚有待定项目，暂不能作出结论";
  const head: CellValue[][] = [
    pad(`${county}县域义务教育优质均衡发展评估汇总`),
    pad(`评估标准：${assessment.profile.name}`),
    pad(`总体结论：${conclusion}`),
  ];
  for (const b of v.blockers) head.push(pad(`· ${b}`));
  for (const p of v.pending) head.push(pad(`· 待定：${p}`));
  const counts = (["primary", "junior"] as Section[]).map((s) => {
    const c = assessment.counts[s];
    return `${SECTION_LABEL[s]} ${c.units} 个监测点，达标 ${c.passing} 个`;
  });
  head.push(pad(`资源配置：${counts.join("；")}。`));
  sheet.blocks.push({ row: 0, col: 0, values: head });
  head.forEach((_, k) => sheet.merges!.push({ row: k, col: 0, rows: 1, cols: ncols }));
  sheet.formats.push({ row: 0, col: 0, rows: 1, cols: ncols, bold: true, horizontalAlignment: "center" });
  sheet.formats.push({ row: 2, col: 0, rows: 1, cols: ncols, bold: true });
  sheet.highlights!.push({
    fill: v.recognised === true ? FILL.met : v.recognised === false ? FILL.unmet : FILL.basic,
    cells: [a1(2, 0)],
  });

  const top = head.length + 1;
  const columns: TableColumn[] = [
    { header: "指标", width: 8, align: "center" },
    { header: "名称", width: 40, wrap: true },
    { header: "数值", width: 16, align: "right" },
    { header: "要求", width: 30, wrap: true },
    { header: "结论", width: 9, align: "center" },
    { header: "说明", width: 40, wrap: true },
  ];
  const rows: CellValue[][] = [];
  const areaRows: number[] = [];
  const colours = new StatusColours();
  let area: CountyArea | null = null;
  for (const item of assessment.items) {
    if (item.area !== area) {
      area = item.area;
      areaRows.push(rows.length);
      rows.push(pad(AREA_TITLE[area]));
    }
    const code = /^\d+$/.test(item.code) ? item.code : "—";
    colours.mark(top + 1 + rows.length, 4, item.status);
    rows.push([code, item.name, item.display, item.requirement, COUNTY_STATUS_LABEL[item.status], item.reason ?? null]);
  }
  let r = addTable(sheet, top, 0, columns, rows);
  for (const k of areaRows) {
    sheet.merges!.push({ row: top + 1 + k, col: 0, rows: 1, cols: ncols });
    sheet.formats.push({ row: top + 1 + k, col: 0, rows: 1, cols: ncols, bold: true, fill: FILL.header, horizontalAlignment: "left" });
  }
  if (assessment.skipped.length) {
    r++;
    const lines = [pad("未评估的检查"), ...assessment.skipped.map((s) => pad(`${s.code}：${s.reason}`))];
    sheet.blocks.push({ row: r, col: 0, values: lines });
    lines.forEach((_, k) => sheet.merges!.push({ row: r + k, col: 0, rows: 1, cols: ncols }));
    sheet.formats.push({ row: r, col: 0, rows: 1, cols: ncols, bold: true });
  }
  colours.addTo(sheet);
  // Freeze the table header when the verdict lines above it leave room for the table.
  sheet.freeze = top + 1 <= 12 ? { rows: top + 1, cols: 0 } : { rows: 0, cols: 0 };
  sheet.tabColor = TAB_COLOR;
  return sheet;
}

// ---------------------------------------------------------------------------------------------
// 数据问题
// ---------------------------------------------------------------------------------------------

export function issuesSheet(read: ReadResult): SheetPlan {
  if (read.issues.length === 0) return emptySheet(SHEETS.issues, "delete");
  const sheet = emptySheet(SHEETS.issues, "replace");
  const columns: TableColumn[] = [
    { header: "工作表", width: 10 },
    { header: "单元格", width: 8, align: "center" },
    { header: "学校", width: 24, userText: true },
    { header: "原始内容", width: 16, userText: true },
    { header: "级别", width: 6, align: "center" },
    { header: "说明", width: 60, wrap: true },
  ];
  const rows = read.issues.map((iss): CellValue[] => [iss.sheet, iss.cell, iss.school ?? null, iss.raw, iss.severity === "error" ? "错误" : "警告", iss.message]);
  addTable(sheet, 0, 0, columns, rows);
  sheet.formats.push({ row: 1, col: 3, rows: rows.length, cols: 1, numberFormat: "@" });
  statusTextRules(sheet, { row: 1, col: 4, rows: rows.length, cols: 1 }, 4, new Set(rows.map((r) => r[4] as string)), { 错误: FILL.unmet, 警告: FILL.basic });
  sheet.freeze = { rows: 1, cols: 0 };
  sheet.tabColor = "#C00000";
  return sheet;
}
