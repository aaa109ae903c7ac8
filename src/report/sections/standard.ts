/**
 * The one sentence that says where the rules in force (the workbook's 「评估标准」 sheet, or an
 * option such as --cv-rule) differ from the national profile, naming each change:
 * 「本次评估所用评估标准与国家标准不同之处：办学规模基本达标上限（小学、初中、完全中学）由不设调整为2500人；…」.
 * Without changes there is no sentence.
 */
import { num, percent } from "../../engine/format";
import { NATIONAL_2017 } from "../../engine/profiles";
import type { RuleProfile } from "../../engine/types";
import { INDICATOR_CODES, SECTION_LABEL, SECTIONS } from "../../engine/types";
import { PROFILE_PARAMS } from "../../workbook/profileSheet";
import { para, type ParagraphBlock } from "../outline";

type Kind = (typeof PROFILE_PARAMS)[number]["kind"];

function at(o: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((x, k) => (x as Record<string, unknown> | undefined)?.[k], o);
}

/** A setting's value in words, with the unit its label ends with (「（人）」 → 2500人). */
function valueWords(kind: Kind, v: unknown, unit: string): string {
  switch (kind) {
    case "percent":
      return typeof v === "number" ? percent(v, Number.isInteger(v * 100) ? 0 : 1) : "";
    case "yesno":
      return v ? "是" : "否";
    case "cvRule":
      return v === "composite" ? "按综合差异系数判定" : "按每项指标差异系数判定";
    case "rounding":
      return v === "floor" ? "向下取整" : "向上取整";
    case "limitOrNone":
      return v === null || v === undefined ? "不设" : `${num(v as number)}${unit}`;
    default:
      return typeof v === "number" ? `${num(v, 4)}${unit}` : String(v);
  }
}

/** 「办学规模基本达标上限：九年一贯制学校（人）」 → name 「办学规模基本达标上限（九年一贯制学校）」, unit 「人」. */
function labelParts(label: string): { name: string; unit: string } {
  const m = /^(.*?)（([^（）]*)）$/.exec(label);
  const unit = m && /^(人|元|㎡)$/.test(m[2]) ? m[2] : "";
  const base = unit ? m![1] : label;
  const [head, tail] = base.split("：");
  return { name: tail ? `${head}（${tail}）` : head, unit };
}

/** Every difference between `profile` and the national one, in words (report order). */
export function profileChanges(profile: RuleProfile, national: RuleProfile = NATIONAL_2017): string[] {
  const out: string[] = [];
  for (const c of INDICATOR_CODES) {
    const mine = profile.indicators[c];
    const theirs = national.indicators[c];
    for (const s of SECTIONS) {
      if (mine.threshold[s] !== theirs.threshold[s]) {
        out.push(`指标${c}${SECTION_LABEL[s]}标准值由${num(theirs.threshold[s], 4)}${theirs.unit}调整为${num(mine.threshold[s], 4)}${mine.unit}`);
      }
    }
  }
  for (const p of PROFILE_PARAMS) {
    const mine = at(profile, p.path);
    const theirs = at(national, p.path);
    if (mine === theirs || (mine ?? null) === (theirs ?? null)) continue;
    const { name, unit } = labelParts(p.label);
    out.push(`${name}由${valueWords(p.kind, theirs, unit)}调整为${valueWords(p.kind, mine, unit)}`);
  }
  return out;
}

/** The sentence, or null when the rules are the national ones. */
export function standardSentence(profile: RuleProfile): ParagraphBlock | null {
  const changes = profileChanges(profile);
  if (!changes.length) return null;
  return para(`本次评估所用评估标准与国家标准不同之处：${changes.join("；")}。以下判定均按本次所用评估标准作出。`, "standard");
}
