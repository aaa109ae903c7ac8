/**
 * 「评估标准」: the rule profile as a sheet a bureau can read and edit.
 * - profileSheetPlan(profile) writes the profile in force (used by the template);
 * - readProfileSheet(sheet) reads it back into a ProfileOverride with addressed issues.
 *
 * The sheet holds two tables: 指标编号 | 指标 | 单位 | 小学标准值 | 初中标准值 (101–107) and
 * 项目 | 数值 | 说明 (every other setting). An empty value leaves the built-in value; a value that
 * cannot be read is an error and also leaves the built-in value.
 */
import type { CvRule, IndicatorCode, ProfileOverride, RuleProfile } from "../engine/types";
import { INDICATOR_CODES } from "../engine/types";
import type { SheetSnapshot } from "./port";
import type { DataIssue } from "./contract";
import { SHEETS } from "./contract";
import { FILL, type CellValue, type FormatRun, type ListValidation, type SheetPlan } from "./plan";
import { parseAmount, parsePercent, parseYesNo, type Parsed } from "./parse";
import { a1, cellText, isBlank, normHeader, stripSpaces, toHalfWidth } from "./text";

type ParamKind = "number" | "int" | "percent" | "cvRule" | "yesno" | "rounding" | "limitOrNone";

interface ProfileParam {
  label: string;
  path: string[];
  kind: ParamKind;
  note: string;
}

const P = (label: string, path: string, kind: ParamKind, note = ""): ProfileParam => ({ label, path: path.split("."), kind, note });

/** Every setting of the 项目 table, in sheet order. */
export const PROFILE_PARAMS: readonly ProfileParam[] = [
  P("小学差异系数上限", "cvLimit.primary", "number", "综合差异系数及各项差异系数的上限"),
  P("初中差异系数上限", "cvLimit.junior", "number"),
  P("差异系数判定方式", "cvRule", "cvRule", "每项：七项差异系数均不超过上限；综合：只看综合差异系数"),
  P("基本达标下限（占标准值比例）", "basicRatio", "percent", "低于标准值但不低于此比例为基本达标"),
  P("达标学校至少达标指标数", "minMetIndicators", "int", "七项指标中至少达标的项数，且余项不低于基本达标下限"),
  P("多学段学校校舍设备按加权学生数拆分", "splitFacilities", "yesno", "是：九年一贯制等学校的校舍、设备按加权学生数分到各学段"),
  P("室内体育用房计入体育运动场馆面积", "indoorSportsTo105", "yesno", "是：表中给出室内体育用房时，从教学及辅助用房中减去，计入体育运动场馆面积（统计报表口径）"),
  P("拆分权重：小学", "splitWeights.primary", "number"),
  P("拆分权重：初中", "splitWeights.junior", "number"),
  P("拆分权重：高中", "splitWeights.senior", "number"),
  P("教学点参评最少学生数", "teachingPointMinStudents", "int", "学生数少于此数的教学点不参加资源配置评估"),
  P("每多少个班级配备1间音乐、美术专用教室", "classesPerRoom", "int"),
  P("专用教室应配数取整方式", "roomRounding", "rounding", "向上取整：13个班应配2间"),
  P("音乐专用教室最小面积（㎡）", "musicRoomMinArea", "number"),
  P("美术专用教室最小面积（㎡）", "artRoomMinArea", "number"),
  P("办学规模上限：小学、初中、完全中学（人）", "scaleLimit.default", "int"),
  P("办学规模上限：九年一贯制学校（人）", "scaleLimit.nineYear", "int"),
  P("办学规模上限：十二年一贯制学校（人）", "scaleLimit.twelveYear", "int"),
  P("办学规模基本达标上限：小学、初中、完全中学（人）", "scaleBasicLimit.default", "limitOrNone", "“无”表示不设基本达标，超过上限即未达标"),
  P("办学规模基本达标上限：九年一贯制学校（人）", "scaleBasicLimit.nineYear", "limitOrNone"),
  P("办学规模基本达标上限：十二年一贯制学校（人）", "scaleBasicLimit.twelveYear", "limitOrNone"),
  P("小学班额上限（人）", "classSize.primary", "int"),
  P("初中班额上限（人）", "classSize.junior", "int"),
  P("大班额下限（人）", "classSize.large", "int", "最大班额达到此数为大班额（未达标）"),
  P("特殊教育学校生均公用经费标准（元）", "county.specialEdFundsPerStudent", "number"),
  P("教师5年360学时培训完成率", "county.trainingCompletion", "percent"),
  P("交流轮岗教师比例", "county.rotationRate", "percent", "占符合交流条件教师数"),
  P("交流轮岗骨干教师比例", "county.rotatedBackboneShare", "percent", "占交流轮岗教师数"),
  P("专任教师持证上岗率", "county.certification", "percent"),
  P("城镇公办小学就近划片入学比例", "county.nearbyPrimary", "percent"),
  P("城镇公办初中就近划片入学比例", "county.nearbyJunior", "percent"),
  P("优质高中招生名额分配到校比例", "county.quotaShare", "percent"),
  P("随迁子女在公办及政府购买服务民办学校就读比例", "county.migrantShare", "percent"),
  P("初中三年巩固率", "county.juniorRetention", "percent"),
  P("残疾儿童少年入学率", "county.disabledEnrolment", "percent"),
  P("教师培训经费占公用经费预算比例", "county.trainingFundsShare", "percent"),
  P("质量监测校际差异率上限", "county.qualityGapMax", "number", "校际差异率须低于此数"),
  P("社会认可度", "county.socialRecognition", "percent"),
];

const PARAM_INDEX: ReadonlyMap<string, ProfileParam> = new Map(PROFILE_PARAMS.map((p) => [normHeader(p.label), p]));

const CV_RULE: Record<string, CvRule> = { 每项: "each", 逐项: "each", 各项: "each", 综合: "composite", 综合差异系数: "composite" };
const ROUNDING: Record<string, "ceil" | "floor"> = { 向上取整: "ceil", 进一: "ceil", 向下取整: "floor", 去尾: "floor" };

function getPath(obj: unknown, path: string[]): unknown {
  return path.reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], obj);
}
function setPath(obj: Record<string, unknown>, path: string[], value: unknown): void {
  let o = obj;
  for (const k of path.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
  o[path[path.length - 1]] = value;
}

function parseParam(kind: ParamKind, v: CellValue, fmt: string | undefined): Parsed<unknown> {
  const word = stripSpaces(toHalfWidth(cellText(v)));
  switch (kind) {
    case "number":
      return parseAmount(v);
    case "int": {
      const p = parseAmount(v);
      return p.ok && p.value !== null && !Number.isInteger(p.value) ? { ok: false, reason: "应为整数" } : p;
    }
    case "percent":
      return parsePercent(v, fmt);
    case "yesno":
      return parseYesNo(v);
    case "cvRule":
      return word in CV_RULE ? { ok: true, value: CV_RULE[word] } : { ok: false, reason: "应填“每项”或“综合”" };
    case "rounding":
      return word in ROUNDING ? { ok: true, value: ROUNDING[word] } : { ok: false, reason: "应填“向上取整”或“向下取整”" };
    case "limitOrNone":
      if (word === "无" || word === "不设") return { ok: true, value: null };
      return parseAmount(v);
  }
}

function displayParam(kind: ParamKind, value: unknown): CellValue {
  switch (kind) {
    case "yesno":
      return value ? "是" : "否";
    case "cvRule":
      return value === "composite" ? "综合" : "每项";
    case "rounding":
      return value === "floor" ? "向下取整" : "向上取整";
    case "limitOrNone":
      return value === null || value === undefined ? "无" : (value as number);
    default:
      return value as number;
  }
}

export interface ProfileReadResult {
  override: ProfileOverride;
  issues: DataIssue[];
}

/**
 * Read 「评估标准」 into an override. Only rows present with a readable value override; the
 * result is the full rule set when the sheet was written by the template (WYSIWYG: the sheet is
 * what the workbook is judged by).
 */
export function readProfileSheet(sheet: SheetSnapshot | undefined): ProfileReadResult {
  const override: Record<string, unknown> = {};
  const issues: DataIssue[] = [];
  if (!sheet) return { override, issues };
  const S = SHEETS.profile;
  let mode: "none" | "indicators" | "params" = "none";
  let cols = { code: -1, primary: -1, junior: -1, item: -1, value: -1 };
  sheet.values.forEach((row, r) => {
    const norm = row.map((v) => normHeader(v));
    const iP = norm.findIndex((h) => h === "小学标准值" || h === "小学");
    const iJ = norm.findIndex((h) => h === "初中标准值" || h === "初中");
    if (iP >= 0 && iJ >= 0) {
      mode = "indicators";
      cols = { ...cols, code: norm.findIndex((h) => h === "指标编号" || h === "编号"), primary: iP, junior: iJ };
      return;
    }
    if (norm.includes("项目") && norm.includes("数值")) {
      mode = "params";
      cols = { ...cols, item: norm.indexOf("项目"), value: norm.indexOf("数值") };
      return;
    }
    const fmtAt = (c: number) => sheet.numberFormats[r]?.[c];
    if (mode === "indicators") {
      const code = stripSpaces(cellText(row[Math.max(cols.code, 0)] ?? null)).replace(/^指标/, "");
      if (!(INDICATOR_CODES as readonly string[]).includes(code)) return;
      for (const [sec, c] of [["primary", cols.primary], ["junior", cols.junior]] as const) {
        const raw = row[c] ?? null;
        if (isBlank(raw)) continue;
        const p = parseAmount(raw);
        if (p.ok && p.value !== null && p.value > 0) setPath(override, ["indicators", code as IndicatorCode, "threshold", sec], p.value);
        else issues.push({ sheet: S, cell: a1(r, c), severity: "error", raw: cellText(raw), message: `指标${code}${sec === "primary" ? "小学" : "初中"}标准值${p.ok ? "应大于0" : p.reason}，按内置标准执行` });
      }
    } else if (mode === "params") {
      const label = row[cols.item] ?? null;
      if (isBlank(label)) return;
      const def = PARAM_INDEX.get(normHeader(label));
      const raw = row[cols.value] ?? null;
      if (!def) {
        issues.push({ sheet: S, cell: a1(r, cols.item), severity: "warning", raw: cellText(label), message: `项目「${cellText(label).trim()}」无法识别，本行未使用` });
        return;
      }
      if (isBlank(raw)) return;
      const p = parseParam(def.kind, raw, fmtAt(cols.value));
      if (p.ok && p.value !== undefined) setPath(override, def.path, p.value);
      else issues.push({ sheet: S, cell: a1(r, cols.value), severity: "error", raw: cellText(raw), message: `「${def.label}」${p.ok ? "无法读取" : p.reason}，按内置标准执行` });
    }
  });
  return { override: override as ProfileOverride, issues };
}

/** Write the profile in force as 「评估标准」 (mode "replace" is left to the caller: the template only adds it when absent). */
export function profileSheetPlan(profile: RuleProfile): SheetPlan {
  const values: CellValue[][] = [];
  const formats: FormatRun[] = [];
  const validations: ListValidation[] = [];
  const width = 5;
  const push = (...cells: CellValue[]) => values.push([...cells, ...Array(width - cells.length).fill(null)]);
  push("评估标准（本工作簿按此表判定；可修改数值，留空或删除本表则按内置标准）");
  push("规则名称", profile.name, "规则编号", profile.id);
  push();
  const indHeader = values.length;
  push("指标编号", "指标", "单位", "小学标准值", "初中标准值");
  for (const code of INDICATOR_CODES) {
    const ind = profile.indicators[code];
    push(code, ind.name, ind.unit, ind.threshold.primary, ind.threshold.junior);
  }
  push();
  const paramHeader = values.length;
  push("项目", "数值", "说明");
  for (const p of PROFILE_PARAMS) {
    const r = values.length;
    const value = getPath(profile, p.path);
    push(p.label, displayParam(p.kind, value), p.note);
    if (p.kind === "percent") formats.push({ row: r, col: 1, rows: 1, cols: 1, numberFormat: Number.isInteger(Math.round((value as number) * 1e6) / 1e4) ? "0%" : "0.0%" });
    const list = p.kind === "yesno" ? ["是", "否"] : p.kind === "cvRule" ? ["每项", "综合"] : p.kind === "rounding" ? ["向上取整", "向下取整"] : null;
    if (list) validations.push({ row: r, col: 1, rows: 1, cols: 1, list });
  }
  formats.push(
    { row: 0, col: 0, rows: 1, cols: width, bold: true },
    { row: indHeader, col: 0, rows: 1, cols: width, bold: true, fill: FILL.header, border: true },
    { row: indHeader + 1, col: 0, rows: INDICATOR_CODES.length, cols: width, border: true },
    { row: indHeader + 1, col: 0, rows: INDICATOR_CODES.length, cols: 1, numberFormat: "@" },
    { row: paramHeader, col: 0, rows: 1, cols: 3, bold: true, fill: FILL.header, border: true },
    { row: paramHeader + 1, col: 0, rows: PROFILE_PARAMS.length, cols: 3, border: true },
  );
  return {
    name: SHEETS.profile,
    mode: "replace",
    blocks: [{ row: 0, col: 0, values, textOnly: true }],
    formats,
    validations,
    columnWidths: [
      { col: 0, width: 44 },
      { col: 1, width: 40 },
      { col: 2, width: 40 },
      { col: 3, width: 14 },
      { col: 4, width: 14 },
    ],
    freeze: { rows: 0, cols: 1 },
  };
}
