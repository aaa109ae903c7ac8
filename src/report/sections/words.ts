/**
 * Words shared by the report's sections: the county's 全区/全县, school name lists, percentages as
 * the seed report prints them, and the prose rules (no 「/」「≥」, no brackets inside brackets).
 */
import { percent, wholeCountyWord } from "../../engine/format";
import type { Comparison } from "../../engine/compare";
import type { Assessment, Section, UnitResult } from "../../engine/types";
import { SECTION_LABEL } from "../../engine/types";
import type { ReadResult } from "../../workbook/contract";
import type { Shortfall } from "../../workbook/shortfalls";
import type { ReportBlock } from "../outline";

export interface ReportOptions {
  /** County name for the title; default: the 县级指标 sheet's name, else "本县". */
  countyName?: string;
  /** Issuer line above the title and 署名; default "<county>人民政府". */
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

/** What every section builder gets. */
export interface ReportContext {
  a: Assessment;
  read: ReadResult;
  w: CountyWords;
  /** The shortfalls of 「问题清单」 (listShortfalls), computed once: the 附件's rows and the counts that cite them. */
  shortfalls: Shortfall[];
  /** Last year's comparison, when the report is made with one (ReportOptions.comparison). */
  comparison?: Comparison;
  /** Whether the report has an 附件 (the shortfall list); sentences refer to it only then. */
  hasAttachment: boolean;
}

/** A part of the report: blocks from the context. The report is a list of these (sentences.ts). */
export type SectionBuilder = (ctx: ReportContext) => ReportBlock[];

/** Schools named in a sentence: at most NAMES_IN_SENTENCE, then "等" (the full list is in the 附件). */
export const NAMES_IN_SENTENCE = 30;
export function nameList(names: string[]): string {
  return names.length > NAMES_IN_SENTENCE ? `${names.slice(0, NAMES_IN_SENTENCE).join("、")}等` : names.join("、");
}

/** Name of a unit for lists: the school, with 小学部/初中部 when the school has two sections. */
export function unitName(u: UnitResult, a: Assessment): string {
  return twoSectionSchools(a).has(u.schoolIndex) ? `${u.school}${SECTION_LABEL[u.section]}部` : u.school;
}

const twoSectionCache = new WeakMap<Assessment, Set<number>>();
/** Schools with two units (小学部 and 初中部), once per assessment. */
export function twoSectionSchools(a: Assessment): Set<number> {
  let set = twoSectionCache.get(a);
  if (!set) {
    const seen = new Set<number>();
    set = new Set<number>();
    for (const u of a.units) {
      if (seen.has(u.schoolIndex)) set.add(u.schoolIndex);
      seen.add(u.schoolIndex);
    }
    twoSectionCache.set(a, set);
  }
  return set;
}

/** Nouns of a group as the seed uses them: 「69所小学学校中有」 and 「69所小学有」. */
export const NOUN: Record<Section, [string, string]> = { primary: ["小学学校", "小学"], junior: ["初中学校", "初中"] };

/** A ratio as the seed prints it: exactly 1 → "100%", otherwise one decimal ("71.2%"). */
export function pct(x: number | null | undefined): string {
  return typeof x === "number" && Math.abs(x - 1) < 1e-12 ? "100%" : percent(x);
}

const OPEN = "（(【[";
const CLOSE = "）)】]";

/** Deepest bracket nesting of a text (（）, (), 【】, []). */
export function bracketDepth(s: string): number {
  let depth = 0;
  let max = 0;
  for (const ch of s) {
    if (OPEN.includes(ch)) max = Math.max(max, ++depth);
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
  }
  return max;
}

/**
 * An engine text made fit for prose: ≥ ≤ / in words, brackets inside brackets flattened
 * (「（音乐≥96㎡）」 inside a bracket becomes 「，音乐不小于96㎡」).
 */
export function proseText(s: string): string {
  const words = s.replace(/≥/g, "不低于").replace(/≤/g, "不超过").replace(/\s*\/\s*/g, "、");
  let depth = 0;
  let out = "";
  for (const ch of words) {
    if (OPEN.includes(ch)) {
      depth++;
      out += depth > 1 ? "，" : ch;
    } else if (CLOSE.includes(ch)) {
      out += depth > 1 ? "" : ch;
      depth = Math.max(0, depth - 1);
    } else out += ch;
  }
  return out;
}
