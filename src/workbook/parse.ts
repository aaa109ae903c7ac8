/**
 * Cell parsers: one small pure function per kind of value. Each returns either a value or a
 * Chinese reason why the cell cannot be read; the caller turns reasons into addressed DataIssues.
 * See docs/workbook-input.md for the rules.
 */
import type { Ownership, SchoolType, UrbanRural } from "../engine/types";
import type { CellValue } from "./plan";
import { stripSpaces, toHalfWidth } from "./text";

export type Parsed<T> = { ok: true; value: T | null } | { ok: false; reason: string };

const ok = <T>(value: T | null): Parsed<T> => ({ ok: true, value });
const bad = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

/** Cell text for matching: half-width, no whitespace. */
function compact(v: CellValue): string {
  return stripSpaces(toHalfWidth(String(v)));
}

const UNIT_WORDS: Record<string, string[]> = {
  人: ["人", "名", "位"],
  个: ["个", "班"],
  间: ["间", "个"],
  "㎡": ["㎡", "m2", "m²", "平方米", "平米"],
  万元: ["万元", "万"],
  元: ["元"],
};

/**
 * A number written as text: "1,234", "1，234", " 56 ", full-width "１２３", "1 234", optionally
 * followed by the column's own unit ("56人", "1200㎡"). Returns null when it is not one.
 */
export function numberFromText(text: string, unit?: string): number | null {
  let s = compact(text);
  if (unit) {
    for (const w of UNIT_WORDS[unit] ?? [unit]) {
      if (s.length > w.length && s.endsWith(w)) {
        s = s.slice(0, -w.length);
        break;
      }
    }
  }
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, "");
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  return Number(s);
}

/**
 * A non-negative number (counts, ㎡, 万元). Empty → null. Booleans, dates as text, "—", "不详"
 * and negatives are errors.
 */
export function parseAmount(v: CellValue, unit?: string): Parsed<number> {
  if (v === null || (typeof v === "string" && stripSpaces(v) === "")) return ok(null);
  let n: number | null;
  if (typeof v === "number") n = v;
  else if (typeof v === "boolean") return bad("应填数字，不能填是/否或逻辑值");
  else n = numberFromText(v, unit);
  if (n === null || !Number.isFinite(n)) return bad("不是数字");
  if (n < 0) return bad("不能为负数");
  return ok(n);
}

/** True when an Excel number format shows the value as a percentage ("0.0%", "0%"; not a literal "\%"). */
export function isPercentFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const unquoted = fmt.replace(/"[^"]*"/g, "").replace(/\\./g, "");
  return unquoted.includes("%");
}

/**
 * A ratio (percentage) as a fraction. The three spellings of the spec read the same:
 * - text with a percent sign, "71.2%" → 0.712;
 * - a number in a cell formatted as a percentage → as stored (Excel stores 71.2% as 0.712);
 * - a bare number (no percent format, no sign): greater than 1 → percentage points (71.2 → 0.712),
 *   otherwise a fraction (0.712 → 0.712; 1 → 100%).
 * Results above 100% are errors (no ratio here can exceed it).
 */
export function parsePercent(v: CellValue, numberFormat?: string): Parsed<number> {
  if (v === null || (typeof v === "string" && stripSpaces(v) === "")) return ok(null);
  if (typeof v === "boolean") return bad("应填百分比，不能填是/否或逻辑值");
  let frac: number;
  if (typeof v === "number") {
    frac = isPercentFormat(numberFormat) ? v : v > 1 ? v / 100 : v;
  } else {
    const s = compact(v);
    const pct = /^(.*?)%$/.exec(s);
    const n = numberFromText(pct ? pct[1] : s);
    if (n === null) return bad("不是百分比或数字");
    frac = pct ? n / 100 : n > 1 ? n / 100 : n;
  }
  if (frac < 0) return bad("不能为负数");
  if (frac > 1 + 1e-9) return bad("比例不能超过100%");
  return ok(frac);
}

const YES = new Set(["是", "有", "Y", "YES", "√", "✓", "✔", "TRUE", "对"]);
const NO = new Set(["否", "无", "没有", "N", "NO", "×", "✗", "✘", "X", "FALSE", "不是"]);

/** 是/否 (also 有/无, Y/N, √/×, TRUE/FALSE). Empty → null. */
export function parseYesNo(v: CellValue): Parsed<boolean> {
  if (v === null) return ok(null);
  if (typeof v === "boolean") return ok(v);
  const s = compact(v).toUpperCase();
  if (s === "") return ok(null);
  if (YES.has(s)) return ok(true);
  if (NO.has(s)) return ok(false);
  return bad("应填“是”或“否”");
}

/** 达标/未达标 for qualitative county items (also 合格/不合格). */
export function parseQualitative(v: CellValue): Parsed<boolean | "pending"> {
  if (v === null) return ok(null);
  const s = compact(v);
  if (s === "") return ok(null);
  if (["达标", "合格", "已达标", "是"].includes(s)) return ok(true);
  if (["未达标", "不达标", "不合格", "否"].includes(s)) return ok(false);
  if (isPendingWord(s)) return ok("pending");
  return bad("应填“达标”或“未达标”");
}

/** 待监测 / 调查中 / 待调查 / 待定 …: the item is not decided yet. */
export function isPendingWord(v: CellValue): boolean {
  if (typeof v !== "string") return false;
  return /^(待监测|待测|调查中|待调查|正在调查|待评估|评估中|待定|待确定|监测中)$/.test(compact(v));
}

function enumParser<T extends string>(table: Record<string, T>, what: string, allowed: string) {
  return (v: CellValue): Parsed<T> => {
    if (v === null) return ok(null);
    const s = compact(v);
    if (s === "") return ok(null);
    const hit = table[s];
    return hit ? ok(hit) : bad(`不是可识别的${what}（应为${allowed}）`);
  };
}

const TYPE_TABLE: Record<string, SchoolType> = {
  小学: "小学", 完全小学: "小学", 完小: "小学", 单设小学: "小学", 中心小学: "小学", 村小: "小学", 普通小学: "小学",
  初中: "初中", 初级中学: "初中", 单设初中: "初中", 普通初中: "初中",
  九年一贯制学校: "九年一贯制学校", 九年一贯制: "九年一贯制学校", 九年制学校: "九年一贯制学校", 九年一贯制中学: "九年一贯制学校",
  十二年一贯制学校: "十二年一贯制学校", 十二年一贯制: "十二年一贯制学校", 十二年制学校: "十二年一贯制学校",
  完全中学: "完全中学", 完中: "完全中学", 高完中: "完全中学",
  教学点: "教学点", 小学教学点: "教学点",
  特殊教育学校: "特殊教育学校", 特教学校: "特殊教育学校", 特殊教育: "特殊教育学校", 特校: "特殊教育学校",
  // 教育统计 names and codes of 办学类型 (GB/T 33782-2017): an attached class (附设班) is read as the
  // section it gives; 342 高级中学 is not a compulsory school and stays unrecognised.
  附设小学班: "小学", 附设普通初中班: "初中", 附设初中班: "初中",
  盲人学校: "特殊教育学校", 聋人学校: "特殊教育学校", 培智学校: "特殊教育学校", 弱智学校: "特殊教育学校", 其他特殊教育学校: "特殊教育学校",
  "211": "小学", "218": "教学点", "219": "小学", "311": "初中", "312": "九年一贯制学校", "319": "初中",
  "341": "完全中学", "345": "十二年一贯制学校", "511": "特殊教育学校", "512": "特殊教育学校", "513": "特殊教育学校", "514": "特殊教育学校",
};
const parseTypeName = enumParser(TYPE_TABLE, "学校类型", "小学、初中、九年一贯制学校、十二年一贯制学校、完全中学、教学点或特殊教育学校，或办学类型代码");
/** 学校类型 with the aliases of template.md §1, the 办学类型 codes, and 「211 小学」 (code and name in one cell). */
export function parseSchoolType(v: CellValue): Parsed<SchoolType> {
  const p = parseTypeName(v);
  if (p.ok || typeof v !== "string") return p;
  const m = /^(\d{3})\s*[-—:：]?\s*(\S.*)$/.exec(toHalfWidth(v).trim());
  if (!m) return p;
  const byName = parseTypeName(m[2]);
  return byName.ok ? byName : parseTypeName(m[1]);
}

/** 办学性质: 公办/民办 (also 公立/私立, and the 举办者类型 of statistics exports: 教育部门, 其他部门 … → 公办). */
export const parseOwnership = enumParser<Ownership>(
  {
    公办: "公办", 公立: "公办", 民办: "民办", 私立: "民办",
    教育部门: "公办", 教育行政部门: "公办", 其他部门: "公办", 地方企业: "公办", 事业单位: "公办", 部队: "公办", 集体: "公办", 地方教育部门: "公办",
    民办学校: "民办", 社会力量: "民办", 民办教育: "民办",
  },
  "办学性质",
  "公办或民办",
);

/** 城乡类别: 城区/镇区/乡村, plus the statistical 城乡分类 names and codes (111 主城区 … 220 村庄). */
export const parseUrbanRural = enumParser<UrbanRural>(
  {
    城区: "城区", 城市: "城区", 主城区: "城区", 城乡结合区: "城区", "111": "城区", "112": "城区",
    镇区: "镇区", 镇: "镇区", 县镇: "镇区", 镇中心区: "镇区", 镇乡结合区: "镇区", 特殊区域: "镇区", "121": "镇区", "122": "镇区", "123": "镇区",
    乡村: "乡村", 农村: "乡村", 乡中心区: "乡村", 村庄: "乡村", "210": "乡村", "220": "乡村",
  },
  "城乡类别",
  "城区、镇区或乡村",
);
