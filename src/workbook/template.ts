/**
 * The template workbook (shared/spec/template.md): 学校数据, 县级指标, 评估标准, 说明.
 * templatePlan adds only the sheets that are absent; it never overwrites a sheet.
 */
import type { RuleProfile } from "../engine/types";
import { SHEETS } from "./contract";
import { COUNTY_ROWS } from "./county";
import { SCHOOL_COLUMNS, SCHOOL_GROUPS, templateHeader, type SchoolColumn } from "./fields";
import { FILL, type Area, type CellValue, type CellNote, type FormatRun, type ListValidation, type SheetPlan, type WritePlan } from "./plan";
import { profileSheetPlan } from "./profileSheet";
import { a1 } from "./text";

/** Rows of the template's 学校数据 sheet (0-based). */
export const SCHOOL_TEMPLATE = { titleRow: 0, groupRow: 1, headerRow: 2, firstDataRow: 3, validationRows: 2000 } as const;
/** Rows of the template's 县级指标 sheet (0-based) and its columns. */
export const COUNTY_TEMPLATE = { titleRow: 0, headerRow: 1, firstRow: 2, cols: { code: 0, item: 1, value: 2, requirement: 3, note: 4 } } as const;

/** The columns the template writes, in order (those with a group). */
export const TEMPLATE_COLUMNS: readonly SchoolColumn[] = SCHOOL_GROUPS.flatMap((g) => SCHOOL_COLUMNS.filter((c) => c.group === g));

export interface TemplateOptions {
  /** Title of 学校数据 / 县级指标 (e.g. "綦江区（合成示例数据）"). */
  title?: string;
}

/** The template sheets that are absent from the workbook, in tab order. */
export function templatePlan(profile: RuleProfile, existingSheetNames: string[], opts: TemplateOptions = {}): WritePlan {
  const exists = new Set(existingSheetNames);
  const sheets: SheetPlan[] = [];
  if (!exists.has(SHEETS.schools)) sheets.push(schoolTemplateSheet(opts.title));
  if (!exists.has(SHEETS.county)) sheets.push(countyTemplateSheet(opts.title));
  if (!exists.has(SHEETS.profile)) sheets.push(profileSheetPlan(profile));
  if (!exists.has(SHEETS.guide)) sheets.push(guideSheet(profile));
  return { sheets, activate: sheets.some((s) => s.name === SHEETS.schools) ? SHEETS.schools : undefined };
}

function widthOf(c: SchoolColumn): number {
  if (c.field === "name") return 28;
  const h = templateHeader(c);
  return Math.min(Math.max(8, Math.ceil(h.length * 1.7)), 24);
}

function schoolTemplateSheet(title?: string): SheetPlan {
  const T = SCHOOL_TEMPLATE;
  const cols = TEMPLATE_COLUMNS;
  const n = cols.length;
  const titleRow: CellValue[] = Array(n).fill(null);
  titleRow[0] = `${title ? title + " " : ""}学校数据（每所法人学校一行；第${T.headerRow + 1}行为表头，从第${T.firstDataRow + 1}行起填写；“学校名称”为空的行视为数据结束）`;
  const groupRow: CellValue[] = Array(n).fill(null);
  const merges: Area[] = [];
  const formats: FormatRun[] = [
    { row: T.titleRow, col: 0, rows: 1, cols: 1, bold: true },
    { row: T.groupRow, col: 0, rows: 1, cols: n, bold: true, fill: FILL.header, horizontalAlignment: "center", border: true },
    { row: T.headerRow, col: 0, rows: 1, cols: n, bold: true, fill: FILL.header, wrap: true, horizontalAlignment: "center", border: true },
  ];
  let start = 0;
  for (let c = 0; c <= n; c++) {
    if (c === n || cols[c].group !== cols[start].group) {
      groupRow[start] = cols[start].group!;
      if (c - start > 1) merges.push({ row: T.groupRow, col: start, rows: 1, cols: c - start });
      start = c;
    }
  }
  const validations: ListValidation[] = [];
  const notes: CellNote[] = [];
  cols.forEach((c, i) => {
    if (c.list) validations.push({ row: T.firstDataRow, col: i, rows: T.validationRows, cols: 1, list: c.list });
    if (c.hint) notes.push({ cell: a1(T.headerRow, i), text: c.hint });
    if (c.kind === "text") formats.push({ row: T.firstDataRow, col: i, rows: T.validationRows, cols: 1, numberFormat: "@" });
  });
  return {
    name: SHEETS.schools,
    mode: "replace",
    blocks: [{ row: 0, col: 0, values: [titleRow, groupRow, cols.map(templateHeader)], textOnly: true }],
    formats,
    merges,
    validations,
    notes,
    columnWidths: cols.map((c, i) => ({ col: i, width: widthOf(c) })),
    freeze: { rows: T.firstDataRow, cols: 2 },
  };
}

function countyTemplateSheet(title?: string): SheetPlan {
  const T = COUNTY_TEMPLATE;
  const width = 5;
  const values: CellValue[][] = [
    [`${title ? title + " " : ""}县级指标（只读取“项目”和“数值”两列；定性指标在“说明”列写明依据）`, null, null, null, null],
    ["指标编号", "项目", "数值", "填写要求", "说明"],
  ];
  const formats: FormatRun[] = [
    { row: T.titleRow, col: 0, rows: 1, cols: 1, bold: true },
    { row: T.headerRow, col: 0, rows: 1, cols: width, bold: true, fill: FILL.header, border: true, horizontalAlignment: "center" },
    { row: T.firstRow, col: 0, rows: COUNTY_ROWS.length, cols: width, border: true },
    { row: T.firstRow, col: 0, rows: COUNTY_ROWS.length, cols: 1, numberFormat: "@", horizontalAlignment: "center" },
    { row: T.firstRow, col: T.cols.requirement, rows: COUNTY_ROWS.length, cols: 1, fontColor: "#595959", wrap: true },
  ];
  const validations: ListValidation[] = [];
  COUNTY_ROWS.forEach((d, i) => {
    const r = T.firstRow + i;
    values.push([d.code, d.name, null, d.requirement, null]);
    if (d.kind === "percent" && d.key !== "qualityMonitoringGap") formats.push({ row: r, col: T.cols.value, rows: 1, cols: 1, numberFormat: "0.0%" });
    const list =
      d.kind === "qualitative" ? ["达标", "未达标"] : d.kind === "veto" ? ["是", "否"] : d.kind === "flag" ? (d.key === "qualityMonitoringLevel" ? ["是", "否", "待监测"] : ["是", "否"]) : null;
    if (list) validations.push({ row: r, col: T.cols.value, rows: 1, cols: 1, list });
  });
  return {
    name: SHEETS.county,
    mode: "replace",
    blocks: [{ row: 0, col: 0, values, textOnly: true }],
    formats,
    validations,
    notes: [
      { cell: a1(T.headerRow, T.cols.item), text: "项目名称请勿修改（按名称识别）；可增加其他列，行的顺序不限。" },
      { cell: a1(T.headerRow, T.cols.value), text: "百分比可填 71.2%、71.2 或 0.712（大于1的数按百分数读）。尚未完成的填“待监测”或“调查中”。" },
    ],
    columnWidths: [
      { col: 0, width: 10 },
      { col: 1, width: 40 },
      { col: 2, width: 14 },
      { col: 3, width: 44 },
      { col: 4, width: 50 },
    ],
    freeze: { rows: T.firstRow, cols: 0 },
  };
}

/** The 说明 sheet: how to fill in the workbook, in Chinese. */
export function guideLines(profile: RuleProfile): string[] {
  return [
    "优质均衡评估助手 — 填写说明",
    "",
    "一、工作表",
    `1.「${SHEETS.schools}」：每所法人学校一行。九年一贯制、十二年一贯制学校和完全中学也只填一行，按学段分别填写学生、班级和教师数；校舍面积、设备值和多媒体教室填全校合计，评估时按加权学生数（小学1、初中1.1、高中1.32）拆分到各学段。`,
    `2.「${SHEETS.county}」：县级指标，只读取“项目”和“数值”两列；定性指标（201、202、210、305～308）的“数值”填“达标”或“未达标”，在“说明”列写明依据；一票否决各项填“是”或“否”。`,
    `3.「${SHEETS.profile}」：本工作簿使用的评估标准（当前为：${profile.name}）。可以修改标准值、差异系数上限和判定方式；删除本表则按内置标准评估。`,
    "4. 评估后会生成「监测点指标」「差异系数」「问题清单」「评估汇总」「数据问题」等结果表，并在「学校数据」右侧写入“评估结果”列、用颜色标出未达标（红）和基本达标（黄）的单元格。评估不会改动您填写的任何数据，可反复评估。",
    "",
    "二、「学校数据」怎样填",
    "1. 表头在第3行，列的顺序可以调整，也可以增加其他列（如备注）；列名按名称识别，括号中的单位可有可无。",
    "2. 学校类型从下拉列表选择：小学、初中、九年一贯制学校、十二年一贯制学校、完全中学、教学点、特殊教育学校。",
    "3. 数值填数字，不要带文字。可以是“1,234”这样带千分位的数字。教学仪器设备值、公用经费预算、教师培训经费的单位是万元；面积的单位是平方米。",
    "4. 学校没有的学段留空（例如小学的初中各列）。九年一贯制、十二年一贯制学校请在“小学专任教师数”“初中专任教师数”两列分学段填写专任教师，报告据此写出各学段专任教师人数；单设学校可不填。",
    `5. 特殊教育学校和学生数不足${profile.teachingPointMinStudents}人的教学点不参加资源配置评估；“参评”列一般不填，填“是”或“否”可改变自动判断。`,
    "6. “学校名称”不能重复；“学校名称”为空的行视为数据结束，请不要在学校之间留空行。",
    "",
    "三、数据有误时",
    "某个单元格填写有误（如在数字列中填了文字、负数），该校受影响的指标显示“数据有误”，其余学校照常评估；所有问题列在「数据问题」表中，并注明单元格位置。",
    "",
    "四、计算方法（摘要）",
    `1. 资源配置七项指标按学段（监测点）计算；达到标准值为达标，不低于标准值的${Math.round(profile.basicRatio * 100)}%为基本达标。每个监测点至少${profile.minMetIndicators}项达标、其余项基本达标，为达标学校。`,
    `2. 差异系数按学生数加权计算（总体标准差÷平均值），小学不超过${profile.cvLimit.primary}、初中不超过${profile.cvLimit.junior}。`,
  ];
}

function guideSheet(profile: RuleProfile): SheetPlan {
  const lines = guideLines(profile);
  return {
    name: SHEETS.guide,
    mode: "replace",
    blocks: [{ row: 0, col: 0, values: lines.map((l) => [l]), textOnly: true }],
    formats: [
      { row: 0, col: 0, rows: 1, cols: 1, bold: true },
      { row: 1, col: 0, rows: lines.length - 1, cols: 1, wrap: true },
    ],
    columnWidths: [{ col: 0, width: 110 }],
  };
}
