/**
 * The 自查自评报告 draft as an outline, phrased like published district reports
 * (shared/seed/qijiang-self-evaluation-report.txt). Pure functions: assessment + what was read in,
 * outline out. Every figure comes from the assessment or the dataset it was computed from; the
 * bureau's own words are left as 【请填写：…】 placeholders.
 */
import { cv, fixed, num, percent, statusLabel, wholeCountyWord } from "../engine/format";
import type {
  Assessment,
  CountyItemResult,
  IndicatorCode,
  SchoolRecord,
  Section,
  StatusCounts,
  UnitResult,
} from "../engine/types";
import { INDICATOR_CODES, SECTION_LABEL, SECTIONS } from "../engine/types";
import { unitIndicator, unitStatus } from "../engine/results";
import type { ReadResult } from "../workbook/contract";
import {
  heading,
  para,
  placeholder,
  type ParagraphBlock,
  type ReportBlock,
  type ReportOutline,
  type TableBlock,
} from "./outline";
import { planSection } from "./plan-section";
import { compareSection } from "./compare-section";
import type { Comparison } from "../engine/compare";

export interface ReportOptions {
  /** County name for the title; default: the 县级指标 sheet's name, else "本县". */
  countyName?: string;
  /** Issuer line above the title; default "<county>人民政府". */
  issuer?: string;
  /** Last year's comparison (engine/compare.ts): adds the 与上年比较 paragraph after 资源配置. */
  comparison?: Comparison;
}

/** Words that depend on the county: 綦江区 → 全区 / 区. */
export interface CountyWords {
  name: string;
  /** 全区 / 全县 / 全市 / 全旗. */
  whole: string;
  /** 区 / 县 / 市 / 旗. */
  unit: string;
}

export function countyWords(read: ReadResult, opts: ReportOptions = {}): CountyWords {
  const name = (opts.countyName ?? read.dataset.county.name ?? "").trim() || "本县";
  const whole = wholeCountyWord(name);
  return { name, whole, unit: whole.slice(1) };
}

// ---------------------------------------------------------------------------------------------
// 一、基本情况
// ---------------------------------------------------------------------------------------------

/** Category of an included unit for the 基本情况 sentence, in the seed's order. */
function unitCategory(u: UnitResult, school: SchoolRecord, a: Assessment): string {
  const sec = SECTION_LABEL[u.section];
  switch (u.schoolType) {
    case "小学":
    case "初中":
      return school.ownership === "民办" ? `民办${sec}` : `公办单设${sec}`;
    case "九年一贯制学校":
      return `九年一贯制${sec}`;
    case "十二年一贯制学校":
      return `十二年一贯制${sec}`;
    case "教学点":
      return `${a.profile.teachingPointMinStudents}人以上教学点`;
    case "完全中学":
      return "高完中初中部";
    default:
      return `其他${sec}`;
  }
}

const CATEGORY_ORDER = [
  "公办单设小学",
  "九年一贯制小学",
  "十二年一贯制小学",
  "人以上教学点",
  "公办单设初中",
  "九年一贯制初中",
  "十二年一贯制初中",
  "高完中初中部",
  "其他小学",
  "其他初中",
  "民办小学",
  "民办初中",
];

function categoryRank(c: string): number {
  const i = CATEGORY_ORDER.findIndex((k) => c.endsWith(k));
  return i < 0 ? CATEGORY_ORDER.length : i;
}

export interface BasicFacts {
  /** Included units per group (the seed's 普通小学 / 普通初中 counts). */
  units: Record<Section, number>;
  /** Included units per category, per group, in report order. */
  categories: Record<Section, [string, number][]>;
  specialSchools: number;
  /** 专任教师 by section and 特教 (see sectionTeachers). */
  teachers: { total: number; primary: number; junior: number; special: number };
  /** Some school's split between sections is an estimate (said in the report). */
  estimated: boolean;
  /** The one-through schools whose split (or part of it) is an estimate, in dataset order. */
  estimatedSchools: string[];
}

/**
 * Counts for 一、基本情况. Choices: schools are counted as included units (监测点), as the seed
 * does (94 = 69 小学 + 25 初中). 专任教师 per section: see sectionTeachers; total = the sum of
 * the sections and 特教.
 */
export function basicFacts(a: Assessment, read: ReadResult): BasicFacts {
  const schools = read.dataset.schools;
  const categories: Record<Section, Map<string, number>> = { primary: new Map(), junior: new Map() };
  const units: Record<Section, number> = { primary: 0, junior: 0 };
  for (const u of a.units) {
    if (!u.included) continue;
    units[u.section]++;
    const c = unitCategory(u, schools[u.schoolIndex], a);
    categories[u.section].set(c, (categories[u.section].get(c) ?? 0) + 1);
  }
  const teachers = { total: 0, primary: 0, junior: 0, special: 0 };
  const unitsBySchool = new Map<number, UnitResult[]>();
  for (const u of a.units) unitsBySchool.set(u.schoolIndex, [...(unitsBySchool.get(u.schoolIndex) ?? []), u]);
  let specialSchools = 0;
  const estimatedSchools: string[] = [];
  schools.forEach((s, i) => {
    if (s.type === "特殊教育学校") specialSchools++;
    const t = sectionTeachers(s, unitsBySchool.get(i) ?? []);
    if (!t) return;
    teachers.primary += t.primary;
    teachers.junior += t.junior;
    teachers.special += t.special;
    if (t.estimated) estimatedSchools.push(s.name);
  });
  teachers.total = teachers.primary + teachers.junior + teachers.special;
  const sorted = (m: Map<string, number>) => [...m.entries()].sort((x, y) => categoryRank(x[0]) - categoryRank(y[0]));
  return {
    units, categories: { primary: sorted(categories.primary), junior: sorted(categories.junior) }, specialSchools, teachers,
    estimated: estimatedSchools.length > 0, estimatedSchools,
  };
}

/** A usable entered count: a finite number whose cell held no bad input. */
function entered(s: SchoolRecord, field: "teachers" | "primaryTeachers" | "juniorTeachers"): number | null {
  const v = s.values[field];
  return typeof v === "number" && Number.isFinite(v) && !s.invalid?.includes(field) ? v : null;
}

/**
 * One school's 专任教师 by section; null when its 专任教师数 is empty or bad.
 * - 特殊教育学校: all 特教.
 * - a school with one section (小学, 教学点, 初中, 完全中学): its 专任教师数 belongs to that section;
 *   a 完全中学's entered 初中专任教师数 is used instead when it is within 专任教师数 (a bureau that
 *   counted its 高中 teachers in 专任教师数 gives the 初中 part there).
 * - a school with two sections (九年一贯制/十二年一贯制): the entered 小学/初中专任教师数. One of
 *   them entered → the other is the rest of 专任教师数 (exact). Both entered but short of
 *   专任教师数 → the shortfall is split by teacherShare (estimated). Neither entered, or more
 *   than 专任教师数 (the reader warns) → the whole split by teacherShare, rounded to whole
 *   persons (estimated; the report asks to check it).
 */
export function sectionTeachers(
  s: SchoolRecord,
  units: readonly UnitResult[],
): { primary: number; junior: number; special: number; estimated: boolean } | null {
  const t = entered(s, "teachers");
  if (t === null) return null;
  if (s.type === "特殊教育学校") return { primary: 0, junior: 0, special: t, estimated: false };
  const primaryUnit = units.find((u) => u.section === "primary");
  const juniorUnit = units.find((u) => u.section === "junior");
  const p = entered(s, "primaryTeachers");
  const j = entered(s, "juniorTeachers");
  if (!(primaryUnit && juniorUnit)) {
    if (juniorUnit) return { primary: 0, junior: j !== null && j <= t ? j : t, special: 0, estimated: false };
    return { primary: t, junior: 0, special: 0, estimated: false };
  }
  const estimate = (x: number) => Math.round(x * teacherShare(s, primaryUnit.facilityShare));
  if ((p === null && j === null) || (p ?? 0) + (j ?? 0) > t) {
    const ep = estimate(t);
    return { primary: ep, junior: t - ep, special: 0, estimated: true };
  }
  if (p === null) return { primary: t - j!, junior: j!, special: 0, estimated: false };
  if (j === null) return { primary: p, junior: t - p, special: 0, estimated: false };
  const rest = t - p - j;
  const ep = estimate(rest);
  return { primary: p + ep, junior: j + rest - ep, special: 0, estimated: rest > 0 };
}

/**
 * 小学 share of a multi-section school's 专任教师 when it is not entered: the share of its
 * section-entered 高于规定学历教师, else its facility share.
 */
function teacherShare(s: SchoolRecord, facilityShare: number): number {
  const p = s.values.primaryQualifiedTeachers;
  const j = s.values.juniorQualifiedTeachers;
  if (typeof p === "number" && typeof j === "number" && p + j > 0) return p / (p + j);
  return facilityShare;
}

function categoryList(list: [string, number][]): string {
  const main = list.filter(([c]) => !c.startsWith("民办")).map(([c, n]) => `${c}${n}所`);
  const priv = list.filter(([c]) => c.startsWith("民办")).map(([c, n]) => `${c}${n}所`);
  return [main.join("、"), priv.join("、")].filter(Boolean).join("，");
}

export function basicSituation(a: Assessment, read: ReadResult, w: CountyWords): ReportBlock[] {
  const f = basicFacts(a, read);
  const parts: string[] = [];
  if (f.units.primary) parts.push(`普通小学${f.units.primary}所（${categoryList(f.categories.primary)}）`);
  if (f.units.junior) parts.push(`普通初中${f.units.junior}所（${categoryList(f.categories.junior)}）`);
  if (f.specialSchools) parts.push(`特殊教育学校${f.specialSchools}所`);
  const teacherParts = [`小学${f.teachers.primary}人`, `初中${f.teachers.junior}人`];
  if (f.teachers.special) teacherParts.push(`特教${f.teachers.special}人`);
  const p: ParagraphBlock = {
    kind: "paragraph",
    runs: [
      {
        text:
          `${w.name}现有义务教育学校${f.units.primary + f.units.junior}所${parts.length ? `，包括${parts.join("，")}` : ""}。` +
          `现有义务教育在编教职工`,
      },
      placeholder("在编教职工人数"),
      { text: `人，其中专任教师${f.teachers.total}人（${teacherParts.join("、")}）` },
      ...(f.estimated
        ? [placeholder(`${nameList(f.estimatedSchools)}的小学、初中专任教师数未分学段填写（或与专任教师数不符），系按高于规定学历教师数比例估算，请核实`)]
        : []),
      { text: "。" },
    ],
  };
  return [heading(1, "一、基本情况"), p];
}

// ---------------------------------------------------------------------------------------------
// 二、（一）资源配置
// ---------------------------------------------------------------------------------------------

/** "全区69所小学中有56所达标、13所基本达标" style count phrase (zero parts left out). */
function countPhrase(k: StatusCounts, unitsNoun: string, first: boolean, whole: string): string {
  const parts = [`${k.met}所达标`];
  if (k.basic) parts.push(`${k.basic}所基本达标`);
  if (k.unmet) parts.push(`${k.unmet}所未达标`);
  if (k.error) parts.push(`${k.error}所数据有误`);
  return `${first ? whole : ""}${k.total}所${unitsNoun}中有${parts.join("、")}`;
}

/** Schools named in a sentence: at most NAMES_IN_SENTENCE, then "等" (the full list is in table 2). */
export const NAMES_IN_SENTENCE = 30;
export function nameList(names: string[]): string {
  return names.length > NAMES_IN_SENTENCE ? `${names.slice(0, NAMES_IN_SENTENCE).join("、")}等` : names.join("、");
}

/** Name of a unit for lists: the school, with 小学部/初中部 when the school has two sections. */
export function unitName(u: UnitResult, a: Assessment): string {
  const twoSections = a.units.filter((x) => x.schoolIndex === u.schoolIndex).length > 1;
  return twoSections ? `${u.school}（${SECTION_LABEL[u.section]}部）` : u.school;
}

function indicatorFullyMet(a: Assessment, code: IndicatorCode): boolean {
  return SECTIONS.every((s) => {
    const k = a.counts[s].indicators[code];
    return k.met === k.total;
  });
}

const NOUN: Record<Section, [string, string]> = { primary: ["小学", "小学"], junior: ["初中学校", "初中"] };

/** One indicator's sentence: counts per group, then the units below the threshold by name. */
export function indicatorSentence(a: Assessment, code: IndicatorCode, w: CountyWords): ParagraphBlock {
  const rule = a.profile.indicators[code];
  const groups = SECTIONS.filter((s) => a.counts[s].indicators[code].total > 0);
  const counts = groups.map((s, i) => countPhrase(a.counts[s].indicators[code], NOUN[s][0], i === 0, w.whole)).join("；");
  const short: string[] = [];
  for (const s of groups) {
    const below = a.units.filter((u) => u.included && u.section === s && unitStatus(a, u, code) !== "met");
    if (!below.length) continue;
    const byStatus = (st: string) => below.filter((u) => unitStatus(a, u, code) === st).map((u) => unitName(u, a));
    const lists: string[] = [];
    for (const st of ["basic", "unmet", "error"] as const) {
      const names = byStatus(st);
      if (names.length) lists.push(`${statusLabel(st)}的${names.length}所为${nameList(names)}`);
    }
    short.push(`${SECTION_LABEL[s]}${lists.join("，")}`);
  }
  const tail = short.length ? `其中${short.join("；")}（差距见表2）。` : "";
  return para(`指标${code}${rule.name}，${counts || "无参评学校"}。${tail}`, code);
}

/** The 差异系数 sentence: per group the composite, the range of the seven, the rule and the limit. */
export function balanceSentence(a: Assessment): ParagraphBlock {
  const parts: string[] = [];
  const rules: string[] = [];
  const failures: string[] = [];
  for (const s of SECTIONS) {
    const g = a.balance[s];
    const sec = SECTION_LABEL[s];
    rules.push(`${sec}校际差异系数小于等于${fixed(g.limit, 2)}`);
    const cvs = INDICATOR_CODES.map((c) => g.indicators[c].cv).filter((x): x is number => x !== null);
    if (g.composite === null && !cvs.length) {
      parts.push(`${sec}校际差异系数无法计算（${g.reason ?? "参评学校不足2所"}）`);
      continue;
    }
    const range = cvs.length ? `，各项在${cv(Math.min(...cvs))}～${cv(Math.max(...cvs))}之间` : "";
    parts.push(`${sec}校际综合差异系数为${g.composite === null ? "—" : cv(g.composite)}${range}`);
    if (g.pass === false) {
      const over = g.failing.map((c) => `指标${c}为${cv(g.indicators[c].cv)}`);
      if (g.rule === "composite") failures.push(`${sec}综合差异系数${cv(g.composite)}超过${fixed(g.limit, 2)}`);
      else failures.push(`${sec}${over.join("、")}，超过${fixed(g.limit, 2)}`);
    }
  }
  const passAll = SECTIONS.every((s) => a.balance[s].pass === true || a.counts[s].units === 0);
  const anyOpen = SECTIONS.some((s) => a.balance[s].pass === null && a.counts[s].units > 0);
  const ruleWord = a.cvRule === "each" ? "按每项指标差异系数均不超过限值判定" : "按综合差异系数判定";
  const requirement = `“${rules.join("，")}”的国家要求`;
  const verdict = passAll
    ? `符合${requirement}`
    : anyOpen && !failures.length
      ? `能否符合${requirement}尚无法判定`
      : `不符合${requirement}：${failures.join("；")}`;
  return para(`上述7项指标，${parts.join("，")}，${verdict}（${ruleWord}，详见表1）。`, "cv");
}

/** The 达标学校 sentence (≥ 6 of 7 met, none below 85%). */
export function passingSentence(a: Assessment, w: CountyWords): ParagraphBlock {
  const p = a.profile;
  const parts = SECTIONS.filter((s) => a.counts[s].units > 0).map((s) => {
    const c = a.counts[s];
    return `${SECTION_LABEL[s]}${c.units}所中有${c.passing}所达到要求${c.units > c.passing ? `、${c.units - c.passing}所未达到要求` : ""}`;
  });
  return para(
    `按“每所学校至少${p.minMetIndicators}项指标达到要求，余项不能低于要求的${Math.round(p.basicRatio * 100)}%”，` +
      `${w.whole}${parts.join("；")}。`,
    "units",
  );
}

export function cvTable(a: Assessment): TableBlock {
  const header = [["学段", "项目", ...INDICATOR_CODES.map((c) => c), "综合", "限值", "结论"]];
  const rows: string[][] = [];
  for (const s of SECTIONS) {
    const g = a.balance[s];
    const sec = SECTION_LABEL[s];
    const verdict = g.pass === null ? (g.reason ?? "无法判定") : g.pass ? "符合" : "不符合";
    rows.push([sec, "平均值", ...INDICATOR_CODES.map((c) => fixed(g.indicators[c].mean, 2)), "", "", ""]);
    rows.push([sec, "标准差", ...INDICATOR_CODES.map((c) => fixed(g.indicators[c].sd, 2)), "", "", ""]);
    rows.push([sec, "差异系数", ...INDICATOR_CODES.map((c) => cv(g.indicators[c].cv)), cv(g.composite), fixed(g.limit, 2), verdict]);
  }
  return {
    kind: "table",
    caption: `表1 ${"义务教育学校校际差异系数"}（${a.cvRule === "each" ? "每项均不超过限值" : "综合差异系数不超过限值"}）`,
    header,
    rows,
    numericCols: [2, 3, 4, 5, 6, 7, 8, 9, 10],
    widths: [2.2, 2.6, 2.5, 2.5, 2.5, 2.5, 2.5, 2.7, 2.5, 2.5, 1.8, 2.6],
  };
}

export function resourceSection(a: Assessment, w: CountyWords): ReportBlock[] {
  const out: ReportBlock[] = [heading(2, "（一）资源配置")];
  const full = INDICATOR_CODES.filter((c) => indicatorFullyMet(a, c) && SECTIONS.some((s) => a.counts[s].indicators[c].total > 0));
  if (full.length) {
    const names = full.map((c) => `指标${c}${a.profile.indicators[c].name}`).join("、");
    const groups = SECTIONS.filter((s) => a.counts[s].units > 0)
      .map((s) => `${a.counts[s].units}所${NOUN[s][1]}`)
      .join("、");
    const these = full.length > 1 ? `这${full.length}项指标` : "该项指标";
    out.push(para(`${names}，${these}${w.whole}${groups}100%达标。`, full.join(",")));
  }
  for (const c of INDICATOR_CODES) if (!full.includes(c)) out.push(indicatorSentence(a, c, w));
  out.push(passingSentence(a, w));
  out.push(balanceSentence(a));
  out.push(cvTable(a));
  out.push({
    kind: "figure",
    chart: "cv",
    caption: "图1 校际差异系数与限值",
    note:
      "横轴为指标101～107，最右一组（CV）为综合差异系数；蓝色柱为小学、橙色柱为初中，" +
      `蓝色虚线为小学限值${fixed(a.balance.primary.limit, 2)}、橙色虚线为初中限值${fixed(a.balance.junior.limit, 2)}。`,
  });
  out.push({
    kind: "figure",
    chart: "status",
    caption: "图2 各指标达标情况（监测点数）",
    note: "左半为小学、右半为初中，横轴为指标101～107；柱高为参评学校数，绿色为达标、黄色为基本达标、红色为未达标，柱顶数字为学校数。",
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// 二、（二）（三）政府保障程度、教育质量；社会认可度；一票否决
// ---------------------------------------------------------------------------------------------

function itemLabel(item: CountyItemResult, qualitative: boolean): string {
  if (qualitative && item.status === "met") return "自评达标";
  if (qualitative && item.status === "unmet") return "自评未达标";
  return statusLabel(item.status);
}

/** A ratio as the seed prints it: exactly 1 → "100%", otherwise one decimal ("71.2%"). */
function pct(x: number | null | undefined): string {
  return typeof x === "number" && Math.abs(x - 1) < 1e-12 ? "100%" : percent(x);
}

const n0 = (x: number | null | undefined) => num(x, 2);

function checkCountsSentence(a: Assessment, code: "204" | "205", w: CountyWords): string {
  const parts = SECTIONS.filter((s) => a.counts[s].checks[code].total > 0).map((s, i) => {
    const k = a.counts[s].checks[code];
    const bits = [`${k.met}所达标`];
    if (k.basic) bits.push(`${k.basic}所基本达标`);
    if (k.unmet) bits.push(`${k.unmet}所未达标`);
    if (k.error) bits.push(`${k.error}所数据有误`);
    return `${i === 0 ? w.whole : ""}${k.total}所${NOUN[s][1]}有${bits.join("、")}`;
  });
  return parts.join("；");
}

function namesPhrase(label: string, names: string[]): string {
  return names.length ? `${label}${names.length}所：${nameList(names)}。` : "";
}

/** Figures of one 201–309 item in the seed's words, from the engine's item (value and details). */
export function itemFigures(item: CountyItemResult, a: Assessment, read: ReadResult, w: CountyWords): string {
  const d = item.details ?? {};
  const dn = (k: string): number | null => (typeof d[k] === "number" ? (d[k] as number) : null);
  const v = typeof item.value === "number" ? item.value : null;
  const fallback = `${item.display || "无数据"}（要求：${item.requirement}）。`;
  const unmetSchools = (pick: (c: Assessment["schools"][number]) => boolean) =>
    a.schools.filter(pick).map((c) => c.school);
  // Figures are phrased only for judged items; skipped ones say why (itemParagraph adds the reason).
  if (item.status === "skipped") return fallback;
  switch (item.code) {
    case "203": {
      const groups = SECTIONS.filter((s) => (dn(`${s}Required`) ?? 0) > 0).map(
        (s, i) =>
          `${i === 0 ? w.whole : ""}${SECTION_LABEL[s]}应配音乐、美术专用教室各${dn(`${s}Required`)}间，` +
          `实有面积达标数音乐${dn(`${s}Music`) ?? 0}间、美术${dn(`${s}Art`) ?? 0}间`,
      );
      if (!groups.length) return fallback;
      return `${groups.join("；")}。${namesPhrase("未配足的学校", unmetSchools((c) => c.rooms.status === "unmet"))}`;
    }
    case "204":
      return `${checkCountsSentence(a, "204", w)}。${namesPhrase("超过规模上限的学校", unmetSchools((c) => c.scale.status === "unmet"))}`;
    case "205": {
      const large = a.profile.classSize.large;
      const big = unmetSchools((c) => Object.values(c.classSize).some((x) => x !== undefined && x.status === "unmet"));
      const tail = big.length
        ? `有${large}人及以上大班额的学校${big.length}所：${nameList(big)}。`
        : d.noLargeClasses === true
          ? `所有班级中没有${large}人及以上大班额。`
          : "";
      return `${checkCountsSentence(a, "205", w)}。${tail}`;
    }
    case "206": {
      const small = read.dataset.schools.filter((s) => s.type === "教学点" && (s.values.primaryStudents ?? 0) < 100).length;
      if (item.value === "是") return `对${small}所学生数不足100人的教学点按100人核定公用经费。`;
      if (item.value === "否") return `${small}所学生数不足100人的教学点未按100人核定公用经费。`;
      return fallback;
    }
    case "207":
      return v === null ? fallback : `特殊教育学校生均公用经费${num(v)}元，要求不低于${num(a.profile.county.specialEdFundsPerStudent)}元。`;
    case "208": {
      const t = dn("teacherSalary");
      const c = dn("civilServantSalary");
      if (t === null || c === null) return fallback;
      return `义务教育学校教师年均工资收入${num(t)}元，当地公务员年均工资收入${num(c)}元，教师${item.status === "met" ? "不低于" : "低于"}公务员。`;
    }
    case "209":
    case "212": {
      const part = dn("numerator");
      const all = dn("denominator");
      if (part === null || all === null || v === null) return fallback;
      const what = item.code === "209" ? `完成5年360学时培训${num(part)}人，培训完成率为` : `持证${num(part)}人，持证上岗率为`;
      const note = typeof d.note === "string" ? `（${d.note}）` : "";
      return `${w.whole}义务教育学校有专任教师${num(all)}人，${what}${pct(v)}${note}。`;
    }
    case "211": {
      const r = dn("rotated");
      const e = dn("eligible");
      const b = dn("backbone");
      if (r === null || e === null || b === null) return fallback;
      return (
        `上学年${w.whole}交流轮岗教师${num(r)}名，占符合交流条件教师数（${num(e)}名）的${pct(dn("rotationRate"))}；` +
        `其中交流骨干教师${num(b)}名，占交流教师数的${pct(dn("backboneShare"))}。`
      );
    }
    case "213": {
      const p = dn("primary");
      const j = dn("junior");
      if (p === null || j === null) return fallback;
      return `${w.whole}城区和镇区公办小学就近划片入学比例为${pct(p)}，公办初中为${pct(j)}。`;
    }
    case "214": {
      const q = dn("numerator");
      const t = dn("denominator");
      if (q === null || t === null || v === null) return fallback;
      const tilt = d.ruralTilt === true ? "，并做到了向农村初中倾斜" : d.ruralTilt === false ? "，未做到向农村初中倾斜" : "";
      return `${w.whole}优质高中招生数为${num(t)}人，指标到校数为${num(q)}人，指标到校比例为${pct(v)}${tilt}。`;
    }
    case "215": {
      const p = dn("numerator");
      const t = dn("denominator");
      if (p === null || t === null || v === null) return fallback;
      return `${w.whole}现有随迁子女${num(t)}人，在公办学校和政府购买服务的民办学校就读${num(p)}人，就读比例${pct(v)}。`;
    }
    case "301":
      return v === null ? fallback : `${w.whole}初中三年巩固率为${pct(v)}。`;
    case "302": {
      const c = dn("children");
      const n = dn("enrolled");
      if (c === null || n === null || v === null) return fallback;
      const parts: [string, number | null][] = [
        [`在本${w.unit}特殊教育学校就读`, dn("disabledInSpecialSchool")],
        [`本${w.unit}随班就读`, dn("disabledInRegularClass")],
        [`${w.unit}外就读`, dn("disabledOutside")],
        ["其他方式就读", dn("disabledOther")],
      ];
      const given = parts.filter((x): x is [string, number] => x[1] !== null);
      const detail = given.length ? given.map(([k, x]) => `${k}${num(x)}人`).join("、") : `入学${num(n)}人`;
      return `${w.whole}适龄残疾儿童少年${num(c)}人，${detail}，入学率${pct(v)}。`;
    }
    case "303": {
      const all = dn("schools");
      const met = dn("schoolsMet");
      if (!all || met === null) return fallback;
      const without = unmetSchools((c) => c.charter.status === "unmet");
      return met === all ? `所有${all}所学校均建立了章程。` : `${all}所学校中${all - met}所尚无章程：${nameList(without)}。`;
    }
    case "304": {
      const t = dn("trainingFunds");
      const f = dn("publicFunds");
      if (t === null || f === null || v === null) return fallback;
      const share = Math.round(a.profile.county.trainingFundsShare * 100);
      return (
        `${w.whole}小学、初中公用经费预算总额${num(f)}万元，教师培训费预算${num(t)}万元，` +
        `教师培训费占公用经费总额的${percent(v, 2)}。` +
        namesPhrase(`培训经费低于公用经费${share}%的学校`, unmetSchools((c) => c.trainingFunds.status === "unmet"))
      );
    }
    default:
      return fallback;
  }
}

const QUALITATIVE = new Set(["201", "202", "210", "305", "306", "307", "308"]);

export function itemParagraph(item: CountyItemResult, a: Assessment, read: ReadResult, w: CountyWords): ParagraphBlock {
  const q = QUALITATIVE.has(item.code);
  const head = `指标${item.code}：${item.name}（${itemLabel(item, q)}）。`;
  if (q) {
    const note = read.dataset.county.qualitativeNotes?.[item.code as keyof typeof read.dataset.county.qualitativeNotes];
    return {
      kind: "paragraph",
      code: item.code,
      runs: [{ text: head }, note ? { text: note } : placeholder(`${item.name}的具体做法和佐证`)],
    };
  }
  const why = item.status === "pending" || item.status === "skipped" ? (item.reason ? `（${item.reason}）` : "") : "";
  return para(`${head}${itemFigures(item, a, read, w)}${why}`, item.code);
}

export function areaSection(
  a: Assessment,
  read: ReadResult,
  w: CountyWords,
  area: "government" | "quality",
  title: string,
): ReportBlock[] {
  return [heading(2, title), ...a.items.filter((i) => i.area === area).map((i) => itemParagraph(i, a, read, w))];
}

export function recognitionAndVeto(a: Assessment): ReportBlock[] {
  const out: ReportBlock[] = [];
  const rec = a.items.find((i) => i.code === "recognition");
  out.push(heading(3, "社会认可度"));
  if (rec) {
    const v = typeof rec.value === "number" ? rec.value : null;
    const need = percent(a.profile.county.socialRecognition, 0);
    const text =
      rec.status === "pending"
        ? `正接受社会认可度调查（要求不低于${need}）。`
        : v !== null
          ? `社会认可度为${percent(v)}，要求不低于${need}（${statusLabel(rec.status)}）。`
          : `${rec.display || "无数据"}（${statusLabel(rec.status)}${rec.reason ? `，${rec.reason}` : ""}）。`;
    out.push(para(text, "recognition"));
  }
  out.push(heading(3, "一票否决"));
  const veto = a.items.find((i) => i.code === "veto");
  if (veto && veto.status === "unmet") {
    out.push(para(`存在一票否决情形：${String(veto.value)}。`, "veto"));
  } else if (veto && veto.status === "met") {
    out.push(para("不存在一票否决的任何一种情形。", "veto"));
  } else {
    out.push(para(`一票否决情形：${veto?.display || "未填写"}${veto?.reason ? `（${veto.reason}）` : ""}。`, "veto"));
  }
  return out;
}


// ---------------------------------------------------------------------------------------------
// 三、主要做法；四、问题与下一步
// ---------------------------------------------------------------------------------------------

/**
 * Rows of table 2 printed in the report; the full list stays in the workbook's 「问题清单」. A report
 * of a large county would otherwise run to dozens of pages (and the docx writer slows down).
 */
export const SHORTFALL_ROWS_IN_REPORT = 150;

/** The shortfall list (table 2): every unit indicator below T and every unmet per-school check. */
export function shortfallTable(a: Assessment): TableBlock {
  const rows: string[][] = [];
  for (const u of a.units) {
    if (!u.included) continue;
    for (const c of INDICATOR_CODES) {
      if (unitStatus(a, u, c) === "met") continue;
      const r = unitIndicator(a, u, c);
      const rule = a.profile.indicators[c];
      rows.push([
        u.school,
        SECTION_LABEL[u.section],
        `指标${c}${rule.shortName}`,
        r.value === null ? "" : fixed(r.value, 2),
        `≥${num(r.threshold, 2)}${rule.unit}`,
        statusLabel(r.status),
        r.gap?.text ?? r.errorReason ?? "",
      ]);
    }
  }
  for (const s of a.schools) {
    if (s.rooms.status === "unmet") {
      rows.push([s.school, "", "指标203音美专用教室", `音乐${s.rooms.music ?? ""}间、美术${s.rooms.art ?? ""}间`, `各${s.rooms.required.total}间`, "未达标", ""]);
    }
    if (s.scale.status === "unmet" || s.scale.status === "basic") {
      rows.push([s.school, "", "指标204办学规模", `${n0(s.scale.students)}人`, `≤${s.scale.limit}人`, statusLabel(s.scale.status), ""]);
    }
    for (const sec of SECTIONS) {
      const c = s.classSize[sec];
      if (c && (c.status === "unmet" || c.status === "basic")) {
        const limit = sec === "primary" ? a.profile.classSize.primary : a.profile.classSize.junior;
        rows.push([s.school, SECTION_LABEL[sec], "指标205班额", `${n0(c.maxClassSize)}人`, `≤${limit}人`, statusLabel(c.status), ""]);
      }
    }
    if (s.trainingFunds.status === "unmet") {
      rows.push([s.school, "", "指标304教师培训经费", percent(s.trainingFunds.ratio, 2), `≥${percent(a.profile.county.trainingFundsShare, 0)}`, "未达标", ""]);
    }
  }
  return {
    kind: "table",
    caption: "表2 未达标与基本达标情况清单",
    header: [["学校", "学段", "指标", "现值", "要求", "状态", "差距（需增加）"]],
    rows,
    numericCols: [3],
    widths: [4, 1.4, 3.6, 2.4, 2.6, 1.8, 4.6],
  };
}

/** Problems the data shows, one sentence each, for 四、问题与下一步. */
export function shortfallSentences(a: Assessment): string[] {
  const out: string[] = [];
  for (const s of SECTIONS) {
    const c = a.counts[s];
    if (c.units > c.passing) out.push(`${SECTION_LABEL[s]}${c.units}所中有${c.units - c.passing}所学校资源配置未全部达到要求。`);
    for (const code of INDICATOR_CODES) {
      const k = c.indicators[code];
      if (k.unmet) out.push(`${SECTION_LABEL[s]}指标${code}${a.profile.indicators[code].name}有${k.unmet}所未达标（低于标准的85%）。`);
    }
    const g = a.balance[s];
    if (g.pass === false) {
      out.push(`${SECTION_LABEL[s]}校际差异系数超过${fixed(g.limit, 2)}：${g.failing.map((x) => `指标${x}为${cv(g.indicators[x].cv)}`).join("、") || `综合${cv(g.composite)}`}。`);
    }
  }
  for (const item of a.items) {
    if (item.area === "resources") continue;
    if (item.status === "unmet") out.push(`指标${item.code === "recognition" || item.code === "veto" ? "" : item.code}${item.name}未达标${item.display ? `（${item.display}，要求${item.requirement}）` : ""}。`);
    else if (item.status === "pending") out.push(`${item.name}待定${item.reason ? `（${item.reason}）` : ""}。`);
  }
  return out;
}

export function practiceSection(): ReportBlock[] {
  const topics = ["统筹协调与组织领导", "学校建设与资源配置", "教师队伍建设", "教育治理与质量提升", "督导考核"];
  const nums = ["（一）", "（二）", "（三）", "（四）", "（五）"];
  return [
    heading(1, "三、主要做法"),
    ...topics.map(
      (t, i): ParagraphBlock => ({ kind: "paragraph", runs: [{ text: nums[i] }, placeholder(`${t}方面的主要做法、举措和成效`)] }),
    ),
  ];
}

export function problemsSection(a: Assessment, w: CountyWords): ReportBlock[] {
  const problems = shortfallSentences(a);
  const out: ReportBlock[] = [heading(1, "四、存在问题与下一步工作")];
  if (problems.length) {
    out.push(para(`对照评估标准，${w.whole}目前还存在以下问题（由数据自动生成，请核实）：`));
    problems.forEach((p, i) => out.push(para(`${i + 1}. ${p}`, "problem")));
    const table = shortfallTable(a);
    const total = table.rows.length;
    if (total > SHORTFALL_ROWS_IN_REPORT) {
      table.rows = table.rows.slice(0, SHORTFALL_ROWS_IN_REPORT);
      table.caption += `（前${SHORTFALL_ROWS_IN_REPORT}条，共${total}条）`;
    }
    out.push(table);
    if (total > SHORTFALL_ROWS_IN_REPORT) {
      out.push(para(`表2仅列出前${SHORTFALL_ROWS_IN_REPORT}条，其余${total - SHORTFALL_ROWS_IN_REPORT}条见工作簿「问题清单」（或导出上报工作簿）。`, "problem-more"));
    }
  } else {
    out.push(para(`对照评估标准，${w.whole}各项数据指标均已达到要求。`));
  }
  out.push(...planSection(a, w.whole));
  out.push({ kind: "paragraph", runs: [{ text: "下一步，" }, placeholder("针对上述问题的整改措施、责任单位和完成时限")] });
  return out;
}

/** 自评结论 from the engine's overall verdict. */
export function conclusion(a: Assessment, w: CountyWords): ParagraphBlock {
  const v = a.verdict;
  if (v.recognised === true) return para(`综上，${w.whole}各项指标均达到国家县域义务教育优质均衡发展督导评估标准。`, "verdict");
  if (v.recognised === null) {
    return para(`综上，${w.whole}已评估的指标中未发现不达标项，以下事项待定：${v.pending.join("；")}。`, "verdict");
  }
  return para(`综上，${w.whole}尚未达到国家县域义务教育优质均衡发展督导评估标准：${v.blockers.join("；")}。`, "verdict");
}

/** The whole report outline. */
export function buildReportOutline(a: Assessment, read: ReadResult, opts: ReportOptions = {}): ReportOutline {
  const w = countyWords(read, opts);
  const intro: ParagraphBlock = {
    kind: "paragraph",
    runs: [
      { text: `近年来，${w.name}` },
      placeholder("指导思想与总体工作概述"),
      { text: `，全力推进县域义务教育优质均衡发展${w.unit}创建工作。现将自查自评报告如下：` },
    ],
  };
  return {
    issuer: opts.issuer ?? `${w.name}人民政府`,
    title: `创建全国义务教育优质均衡发展${w.unit}自查自评报告`,
    blocks: [
      intro,
      ...basicSituation(a, read, w),
      heading(1, "二、指标达标情况"),
      ...resourceSection(a, w),
      ...compareSection(opts.comparison, w.whole),
      ...areaSection(a, read, w, "government", "（二）政府保障程度"),
      ...areaSection(a, read, w, "quality", "（三）县域内义务教育质量情况"),
      ...recognitionAndVeto(a),
      conclusion(a, w),
      ...practiceSection(),
      ...problemsSection(a, w),
    ],
  };
}
