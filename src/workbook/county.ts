/**
 * 「县级指标」: the rows of the sheet (names from the engine's COUNTY_ITEMS / QUALITATIVE_ITEMS /
 * VETO_ITEMS tables plus accepted aliases, and the fill-in requirement shown by the template),
 * and the reader that turns the sheet into CountyData with addressed issues.
 */
import type { CountyData, CountyFlagKey, CountyNumericKey, QualitativeCode, VetoKey } from "../engine/types";
import { COUNTY_ITEMS, QUALITATIVE_ITEMS, VETO_ITEMS } from "../engine/profiles";
import type { SheetSnapshot } from "./port";
import type { DataIssue } from "./contract";
import { SHEETS } from "./contract";
import { isPendingWord, parseAmount, parsePercent, parseQualitative, parseYesNo, type Parsed } from "./parse";
import { a1, cellText, isBlank, normHeader, stripSpaces } from "./text";

export type CountyRowKind = "name" | "number" | "percent" | "flag" | "qualitative" | "veto";

export interface CountyRowDef {
  /** Key in CountyData (numbers/flags key, qualitative code, veto key) or "name". */
  key: string;
  /** 指标编号 shown in the template ("201", "一票否决" …). */
  code: string;
  /** 项目 as the template writes it. */
  name: string;
  aliases: string[];
  kind: CountyRowKind;
  /** 填写要求 shown by the template. */
  requirement: string;
}

const ALIASES: Partial<Record<string, string[]>> = {
  specialEdFundsPerStudent: ["特殊教育生均公用经费", "特教学校生均公用经费", "特殊教育学校生均公用经费标准"],
  teacherSalary: ["义务教育教师年均工资收入", "教师平均工资收入", "教师年平均工资收入"],
  civilServantSalary: ["当地公务员年均工资收入", "公务员平均工资收入", "公务员年平均工资收入"],
  rotationEligible: ["符合交流轮岗条件教师数", "符合交流条件的教师数"],
  rotatedTeachers: ["交流轮岗教师人数", "交流教师数"],
  rotatedBackbone: ["交流轮岗骨干教师人数", "交流骨干教师数"],
  nearbyPrimaryRate: ["公办小学就近划片入学比例", "小学就近入学比例", "城区和镇区公办小学就近划片入学比例"],
  nearbyJuniorRate: ["公办初中就近划片入学比例", "初中就近入学比例", "城区和镇区公办初中就近划片入学比例"],
  qualityHighSchoolAdmissions: ["优质高中招生数", "优质普通高中招生总数"],
  quotaToSchools: ["指标到校数", "优质高中招生名额分配到校数"],
  quotaRuralTilt: ["向农村初中倾斜", "指标到校是否向农村初中倾斜"],
  migrantChildren: ["随迁子女数", "进城务工人员随迁子女总数"],
  migrantInPublic: ["随迁子女在公办学校和政府购买服务的民办学校就读数", "随迁子女在公办学校就读数"],
  smallSchoolFunding: ["教学点按100人核定公用经费", "小规模学校按100人核定公用经费", "不足100人学校按100人核定公用经费"],
  juniorRetentionRate: ["初中巩固率", "初中三年巩固率"],
  disabledChildren: ["适龄残疾儿童少年人数", "适龄残疾少儿数"],
  disabledEnrolled: ["残疾儿童少年入学人数", "残疾少儿入学数"],
  disabledInSpecialSchool: ["本区特教学校就读数", "特殊教育学校就读数", "本县特殊教育学校就读数"],
  disabledInRegularClass: ["随班就读数", "本县随班就读数"],
  disabledOutside: ["县外就读数", "区外就读人数"],
  disabledOther: ["其他就读数", "送教上门等其他方式就读数"],
  qualityMonitoringLevel: ["质量监测达III级以上", "质量监测达3级以上", "质量监测相关科目达III级以上"],
  qualityMonitoringGap: ["校际差异率", "质量监测校际差异"],
  socialRecognition: ["社会认可度调查结果"],
  "201": ["县级人民政府依法制定并实施义务教育学校布局规划", "学校布局规划"],
  "202": ["四统一标准", "学校建设、教师编制、生均公用经费、基本装备配置标准统一"],
  "210": ["教职工编制统筹", "教职工编制统筹分配"],
  "305": ["信息化教学与设施设备利用率", "设施设备利用率"],
  "306": ["德育工作和校园文化建设", "德育与校园文化"],
  "307": ["课程开齐开足", "课程开设与教学秩序"],
  "308": ["无过重课业负担", "学生课业负担"],
  name: ["县区名称", "县名称", "区名称", "县(市、区)名称", "县名", "区名"],
};

const REQUIREMENT: Record<string, string> = {
  smallSchoolFunding: "是/否：不足100人的教学点、村小是否按100人核定公用经费",
  specialEdFundsPerStudent: "元/生·年；应不低于6000元",
  teacherSalary: "元/年",
  civilServantSalary: "元/年；教师年均工资收入应不低于此数",
  rotationEligible: "人",
  rotatedTeachers: "人；应不低于符合交流条件教师数的10%",
  rotatedBackbone: "人；应不低于交流轮岗教师数的20%",
  nearbyPrimaryRate: "百分比，如 100%；小学应达100%",
  nearbyJuniorRate: "百分比；初中应达95%以上",
  qualityHighSchoolAdmissions: "人",
  quotaToSchools: "人；应不低于优质高中招生总数的50%",
  quotaRuralTilt: "是/否",
  migrantChildren: "人",
  migrantInPublic: "人；应不低于随迁子女总数的85%",
  juniorRetentionRate: "百分比；应达95%以上。未填时按下面四行计算",
  juniorGraduates: "人（巩固率未填时使用）",
  juniorEntrants: "人（巩固率未填时使用）",
  juniorTransfersIn: "人（巩固率未填时使用）",
  juniorTransfersOut: "人（巩固率未填时使用）",
  disabledChildren: "人",
  disabledEnrolled: "人；可不填，改填下面四项就读人数",
  disabledInSpecialSchool: "人",
  disabledInRegularClass: "人",
  disabledOutside: "人",
  disabledOther: "人",
  qualityMonitoringLevel: "是/否；尚未监测填“待监测”",
  qualityMonitoringGap: "小数，如 0.12；应低于0.15；尚未监测填“待监测”",
  socialRecognition: "百分比；应达85%以上；调查未完成填“调查中”",
};

const KIND_BY_ITEM: Record<string, CountyRowKind> = { number: "number", percent: "percent", flag: "flag" };

/** Every row of 「县级指标」, in the order the template writes them (by indicator code). */
export const COUNTY_ROWS: readonly CountyRowDef[] = (() => {
  const rows: CountyRowDef[] = [];
  for (const [key, def] of Object.entries(COUNTY_ITEMS)) {
    // 309's gap is a ratio written as a decimal (0.12), read with the percentage rule (12 → 0.12).
    const kind: CountyRowKind = key === "qualityMonitoringGap" ? "percent" : KIND_BY_ITEM[def.kind];
    rows.push({ key, code: def.code === "recognition" ? "社会认可度" : def.code, name: def.name, aliases: ALIASES[key] ?? [], kind, requirement: REQUIREMENT[key] ?? "" });
  }
  for (const [code, name] of Object.entries(QUALITATIVE_ITEMS)) {
    rows.push({ key: code, code, name, aliases: ALIASES[code] ?? [], kind: "qualitative", requirement: "达标/未达标（自评结论），在“说明”栏写明依据" });
  }
  const order = (r: CountyRowDef) => (/^\d{3}$/.test(r.code) ? Number(r.code) : 900);
  rows.sort((x, y) => order(x) - order(y)); // stable: keeps the COUNTY_ITEMS order within one code
  for (const [key, name] of Object.entries(VETO_ITEMS)) {
    rows.push({ key, code: "一票否决", name, aliases: [], kind: "veto", requirement: "是/否：存在该情形填“是”" });
  }
  rows.unshift({ key: "name", code: "", name: "县（区）名称", aliases: ALIASES.name ?? [], kind: "name", requirement: "用于报告标题，如 綦江区" });
  return rows;
})();

const ROW_INDEX: ReadonlyMap<string, CountyRowDef> = (() => {
  const m = new Map<string, CountyRowDef>();
  for (const r of COUNTY_ROWS) for (const n of [r.name, ...r.aliases]) m.set(normItem(n), r);
  return m;
})();

/** Item name for matching: header normalisation, without a leading "指标201" / "201." code. */
function normItem(raw: unknown): string {
  return normHeader(cellText(raw as never)).replace(/^(指标)?\d{3}[.,:：、]?/, "");
}

/** The county row an item name refers to (by name, or by its 指标编号 for a qualitative row). */
export function matchCountyItem(itemName: unknown, code?: unknown): CountyRowDef | undefined {
  const hit = ROW_INDEX.get(normItem(itemName));
  if (hit) return hit;
  const c = stripSpaces(cellText(code as never)).replace(/^指标/, "");
  return COUNTY_ROWS.find((r) => r.kind === "qualitative" && r.code === c);
}

/** The county name in a title such as "重庆市綦江区县级指标" → "重庆市綦江区"; null when none. */
export function countyNameFromTitle(title: string): string | null {
  const m = /([\u4e00-\u9fa5]{1,12}?(?:自治县|自治旗|县|区|旗))/.exec(stripSpaces(title));
  return m ? m[1] : null;
}

export interface CountyReadResult {
  county: CountyData;
  countyRows: Record<string, number>;
  issues: DataIssue[];
}

const VALUE_HEADERS = new Set(["数值", "值", "数据", "填报数值", "填报值", "自评结论", "结论"]);
const NOTE_HEADERS = new Set(["说明", "自评说明", "备注", "情况说明"]);

/** Read 「县级指标」. A missing sheet gives empty county data and one warning. */
export function readCountySheet(sheet: SheetSnapshot | undefined): CountyReadResult {
  const county: CountyData = { name: null, numbers: {}, flags: {}, qualitative: {}, qualitativeNotes: {}, vetoes: {} };
  const countyRows: Record<string, number> = {};
  const issues: DataIssue[] = [];
  const S = SHEETS.county;
  if (!sheet) {
    issues.push({ sheet: S, cell: null, severity: "warning", raw: null, message: `缺少「${S}」工作表：县级指标均按未填处理，相关指标不能判定` });
    return { county, countyRows, issues };
  }
  const rows = sheet.values;
  let headerRow = -1;
  let itemCol = -1;
  let valueCol = -1;
  let noteCol = -1;
  let codeCol = -1;
  for (let r = 0; r < Math.min(rows.length, 10) && headerRow < 0; r++) {
    const norm = rows[r].map((v) => normHeader(v));
    const i = norm.indexOf("项目");
    if (i < 0) continue;
    headerRow = r;
    itemCol = i;
    valueCol = norm.findIndex((h) => VALUE_HEADERS.has(h));
    noteCol = norm.findIndex((h) => NOTE_HEADERS.has(h));
    codeCol = norm.findIndex((h) => h === "指标编号" || h === "编号" || h === "指标");
  }
  if (headerRow < 0 || valueCol < 0) {
    issues.push({
      sheet: S, cell: null, severity: "error", raw: null,
      message: headerRow < 0 ? `「${S}」前10行中找不到表头「项目」，县级指标均按未填处理` : `「${S}」缺少「数值」列，县级指标均按未填处理`,
    });
    return { county, countyRows, issues };
  }
  for (let r = 0; r < headerRow; r++) {
    for (const v of rows[r]) {
      if (!county.name && typeof v === "string") county.name = countyNameFromTitle(v);
    }
  }
  const invalid = new Set<string>();
  for (let r = headerRow + 1; r < rows.length; r++) {
    const row = rows[r];
    const itemRaw = row[itemCol] ?? null;
    if (isBlank(itemRaw)) continue;
    const def = matchCountyItem(itemRaw, codeCol >= 0 ? row[codeCol] : null);
    const raw = row[valueCol] ?? null;
    const cell = a1(r, valueCol);
    const rawText = isBlank(raw) ? null : cellText(raw);
    if (!def) {
      issues.push({ sheet: S, cell: a1(r, itemCol), severity: "warning", raw: cellText(itemRaw), message: `项目「${cellText(itemRaw).trim()}」无法识别，本行未读取` });
      continue;
    }
    if (def.key in countyRows) {
      issues.push({ sheet: S, cell: a1(r, itemCol), severity: "error", raw: cellText(itemRaw), message: `项目「${def.name}」重复（第一次在第${countyRows[def.key] + 1}行），本行未读取` });
      continue;
    }
    countyRows[def.key] = r;
    const fmt = sheet.numberFormats[r]?.[valueCol];
    const fail = (reason: string) => {
      issues.push({ sheet: S, cell, severity: "error", raw: rawText, message: `「${def.name}」${reason}` });
      invalid.add(def.key);
    };
    const note = noteCol >= 0 && !isBlank(row[noteCol]) ? cellText(row[noteCol]).trim() : null;
    switch (def.kind) {
      case "name":
        if (rawText) county.name = rawText.trim();
        break;
      case "number":
      case "percent": {
        if (isPendingWord(raw)) {
          county.numbers[def.key as CountyNumericKey] = "pending";
          break;
        }
        const p: Parsed<number> = def.kind === "number" ? parseAmount(raw) : parsePercent(raw, fmt);
        if (p.ok) county.numbers[def.key as CountyNumericKey] = p.value;
        else fail(p.reason);
        break;
      }
      case "flag": {
        if (isPendingWord(raw)) {
          county.flags[def.key as CountyFlagKey] = "pending";
          break;
        }
        const p = parseYesNo(raw);
        if (p.ok) county.flags[def.key as CountyFlagKey] = p.value;
        else fail(p.reason);
        break;
      }
      case "qualitative": {
        const p = parseQualitative(raw);
        if (p.ok) county.qualitative[def.key as QualitativeCode] = p.value;
        else fail(p.reason);
        if (note) county.qualitativeNotes![def.key as QualitativeCode] = note;
        break;
      }
      case "veto": {
        const p = parseYesNo(raw);
        if (p.ok) county.vetoes[def.key as VetoKey] = p.value;
        else fail(p.reason);
        break;
      }
    }
  }
  if (invalid.size) county.invalid = [...invalid] as CountyData["invalid"];
  return { county, countyRows, issues };
}
