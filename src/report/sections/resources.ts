/**
 * 二、（一）资源配置: the indicators every school meets in one sentence, one sentence per other
 * indicator, the 达标学校 sentence, the 差异系数 sentence, 表1 and the two charts — phrased as the
 * seed report does (「这6项指标全区69所小学、25所初中100%达标」).
 */
import { cv, fixed } from "../../engine/format";
import type { Assessment, IndicatorCode, Section, StatusCounts } from "../../engine/types";
import { INDICATOR_CODES, SECTION_LABEL, SECTIONS } from "../../engine/types";
import { unitStatus } from "../../engine/results";
import { heading, para, type CellSpan, type ParagraphBlock, type ReportBlock, type TableBlock } from "../outline";
import { NOUN, nameList, unitName, type CountyWords, type ReportContext } from "./words";

const STATUS_WORD = { met: "达标", basic: "基本达标", unmet: "未达标", error: "数据有误" } as const;

/** 「全区69所小学学校中有56所达标、13所基本达标」 (zero parts left out). */
function countPhrase(k: StatusCounts, noun: string, first: boolean, whole: string): string {
  const parts = [`${k.met}所达标`];
  if (k.basic) parts.push(`${k.basic}所基本达标`);
  if (k.unmet) parts.push(`${k.unmet}所未达标`);
  if (k.error) parts.push(`${k.error}所数据有误`);
  return `${first ? whole : ""}${k.total}所${noun}中有${parts.join("、")}`;
}

function groupsWithUnits(a: Assessment): Section[] {
  return SECTIONS.filter((s) => a.counts[s].units > 0);
}

/** 「全区69所小学、25所初中」: the groups as the 基本情况 counts them. */
export function groupsPhrase(a: Assessment, w: CountyWords): string {
  return w.whole + groupsWithUnits(a).map((s) => `${a.counts[s].units}所${NOUN[s][1]}`).join("、");
}

function indicatorFullyMet(a: Assessment, code: IndicatorCode): boolean {
  return SECTIONS.every((s) => {
    const k = a.counts[s].indicators[code];
    return k.met === k.total;
  });
}

/** One indicator's sentence: counts per group, then the units below the threshold by name. */
export function indicatorSentence(a: Assessment, code: IndicatorCode, w: CountyWords, hasAttachment: boolean): ParagraphBlock {
  const rule = a.profile.indicators[code];
  const groups = SECTIONS.filter((s) => a.counts[s].indicators[code].total > 0);
  const counts = groups.map((s, i) => countPhrase(a.counts[s].indicators[code], NOUN[s][0], i === 0, w.whole)).join("；");
  const short: string[] = [];
  for (const s of groups) {
    const lists: string[] = [];
    for (const st of ["basic", "unmet", "error"] as const) {
      const names = a.units
        .filter((u) => u.included && u.section === s && unitStatus(a, u, code) === st)
        .map((u) => unitName(u, a));
      if (names.length) lists.push(`${STATUS_WORD[st]}的${names.length}所为${nameList(names)}`);
    }
    if (lists.length) short.push(`${SECTION_LABEL[s]}${lists.join("，")}`);
  }
  const where = hasAttachment ? "，各校差距见附件" : "";
  const tail = short.length ? `其中${short.join("；")}${where}。` : "";
  return para(`指标${code}${rule.name}，${counts || "无参评学校"}。${tail}`, code);
}

/** The 差异系数 sentence, as the seed: 「上述7项指标，小学校际差异系数为…，符合“…”的国家要求。」 */
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
      parts.push(`${sec}校际差异系数无法计算，${g.reason ?? "参评学校不足2所"}`);
      continue;
    }
    const range = cvs.length ? `，各项指标在${cv(Math.min(...cvs))}至${cv(Math.max(...cvs))}之间` : "";
    parts.push(`${sec}校际综合差异系数为${g.composite === null ? "无法计算" : cv(g.composite)}${range}`);
    if (g.pass === false) {
      if (g.rule === "composite") failures.push(`${sec}综合差异系数${cv(g.composite)}超过${fixed(g.limit, 2)}`);
      else failures.push(`${sec}${g.failing.map((c) => `指标${c}为${cv(g.indicators[c].cv)}`).join("、")}，超过${fixed(g.limit, 2)}`);
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
      : `不符合${requirement}，${failures.join("；")}`;
  return para(`上述7项指标，${parts.join("；")}，${verdict}（${ruleWord}，详见表1）。`, "cv");
}

/** The 达标学校 sentence: 「全区69所小学、25所初中均达到要求」 when all are met. */
export function passingSentence(a: Assessment, w: CountyWords): ParagraphBlock {
  const p = a.profile;
  const rule = `按每所学校至少${p.minMetIndicators}项指标达到要求、其余指标不低于要求的${Math.round(p.basicRatio * 100)}%判定`;
  const groups = groupsWithUnits(a);
  if (groups.every((s) => a.counts[s].passing === a.counts[s].units)) {
    return para(`${rule}，${groupsPhrase(a, w)}均达到要求。`, "units");
  }
  const parts = groups.map((s, i) => {
    const c = a.counts[s];
    const first = i === 0 ? w.whole : "";
    if (c.passing === c.units) return `${first}${c.units}所${NOUN[s][1]}均达到要求`;
    return `${first}${c.units}所${NOUN[s][1]}中有${c.passing}所达到要求、${c.units - c.passing}所未达到要求`;
  });
  return para(`${rule}，${parts.join("；")}。`, "units");
}

/**
 * 表1, one row per indicator (its unit in the second column), 小学 and 初中 each a merged group of
 * 平均值 / 标准差 / 差异系数; then 综合差异系数, 限值 and 结论 with each group's cells merged.
 */
export function cvTable(a: Assessment): TableBlock {
  const header = [
    ["指标", "单位", "小学", "", "", "初中", "", ""],
    ["指标", "单位", "平均值", "标准差", "差异系数", "平均值", "标准差", "差异系数"],
  ];
  const spans: CellSpan[] = [
    { row: 0, col: 2, cols: 3 },
    { row: 0, col: 5, cols: 3 },
  ];
  const rows: string[][] = INDICATOR_CODES.map((c) => {
    const rule = a.profile.indicators[c];
    const cells = [`${c}${rule.shortName}`, rule.unit];
    for (const s of SECTIONS) {
      const g = a.balance[s].indicators[c];
      cells.push(fixed(g.mean, 2), fixed(g.sd, 2), cv(g.cv));
    }
    return cells;
  });
  rows.push(["综合差异系数", "", "", "", cv(a.balance.primary.composite), "", "", cv(a.balance.junior.composite)]);
  rows.push(["差异系数限值", "", fixed(a.balance.primary.limit, 2), "", "", fixed(a.balance.junior.limit, 2), "", ""]);
  const verdict = (s: Section) => {
    const g = a.balance[s];
    return g.pass === null ? (g.reason ?? "无法判定") : g.pass ? "符合" : "不符合";
  };
  rows.push(["结论", "", verdict("primary"), "", "", verdict("junior"), "", ""]);
  const n = header.length;
  const last = n + rows.length - 1;
  for (const r of [last - 1, last]) spans.push({ row: r, col: 0, cols: 2 }, { row: r, col: 2, cols: 3 }, { row: r, col: 5, cols: 3 });
  spans.push({ row: last - 2, col: 0, cols: 2 });
  return {
    kind: "table",
    caption: `表1 义务教育学校校际差异系数（${a.cvRule === "each" ? "每项均不超过限值" : "综合差异系数不超过限值"}）`,
    header,
    rows,
    numericCols: [2, 3, 4, 5, 6, 7],
    widths: [8, 4, 4, 4, 4.2, 4, 4, 4.2],
    spans,
  };
}

/** The two charts with a reading aid that does not depend on colour. */
function figures(a: Assessment): ReportBlock[] {
  return [
    {
      kind: "figure",
      chart: "cv",
      caption: "图1 校际差异系数与限值",
      note:
        `横轴为指标101至107和综合差异系数，实心深色柱为小学，斜线浅色柱为初中；` +
        `长虚线为小学限值${fixed(a.balance.primary.limit, 2)}，点划线为初中限值${fixed(a.balance.junior.limit, 2)}。`,
    },
    {
      kind: "figure",
      chart: "status",
      caption: "图2 各指标达标情况",
      note: "左半为小学、右半为初中，柱高为参评学校数，柱顶数字为学校数；实心深色为达标，斜线为基本达标，网格为未达标。",
    },
  ];
}

export function resourceSection({ a, w, hasAttachment }: ReportContext): ReportBlock[] {
  const out: ReportBlock[] = [heading(2, "（一）资源配置")];
  const full = INDICATOR_CODES.filter((c) => indicatorFullyMet(a, c) && SECTIONS.some((s) => a.counts[s].indicators[c].total > 0));
  if (full.length) {
    const names = full.map((c) => `指标${c}${a.profile.indicators[c].name}`).join("、");
    const these = full.length > 1 ? `这${full.length}项指标` : "该项指标";
    out.push(para(`${names}，${these}${groupsPhrase(a, w)}100%达标。`, full.join(",")));
  }
  for (const c of INDICATOR_CODES) if (!full.includes(c)) out.push(indicatorSentence(a, c, w, hasAttachment));
  out.push(passingSentence(a, w));
  out.push(balanceSentence(a));
  out.push(cvTable(a));
  out.push(...figures(a));
  return out;
}
