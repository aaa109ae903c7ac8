/**
 * What a header path stands for: a field of the dataset (小学在校生数 …) or a *part* from which a
 * field is built (专任教师→小学→本科, 室内体育用房, an indicator value of 表Ⅱ-2 …). One index of
 * normalised names serves every layout; a path is looked up by its section word and its longest
 * matching tail, so group rows (学生与班级, 校舍建筑面积, #按学历分) do not stand in the way.
 */
import { INDICATOR_CODES, type IndicatorCode, type SchoolField, type Section } from "../../engine/types";
import { NATIONAL_2017 } from "../../engine/profiles";
import { SCHOOL_COLUMNS } from "../fields";
import { normHeader } from "../text";

export type Scope = Section | "whole";
export type Degree = "grad" | "phd" | "master" | "bachelor" | "associate";
export type Course = "pe" | "music" | "art" | "arts";

export type Target =
  | { kind: "field"; field: SchoolField | "code" }
  | { kind: "degree"; scope: Scope; degree: Degree }
  | { kind: "course"; scope: Scope; course: Course }
  | { kind: "indoor"; scope: Scope }
  | { kind: "ground"; scope: Scope }
  | { kind: "backbone" }
  /** An indicator value of 表Ⅱ-2 (per 监测点). */
  | { kind: "value"; scope: Section; code: IndicatorCode }
  /** The 学段 column of a sheet with one row per 监测点. */
  | { kind: "section" }
  | { kind: "typeCode" }
  | { kind: "urbanCode" };

/** A stable key of a target, e.g. "field:primaryStudents", "degree:primary:bachelor". */
export function targetKey(t: Target): string {
  switch (t.kind) {
    case "field":
      return `field:${t.field}`;
    case "degree":
      return `degree:${t.scope}:${t.degree}`;
    case "course":
      return `course:${t.scope}:${t.course}`;
    case "indoor":
    case "ground":
      return `${t.kind}:${t.scope}`;
    case "value":
      return `value:${t.scope}:${t.code}`;
    default:
      return t.kind;
  }
}

export const SECTION_ZH: Record<Section, string> = { primary: "小学", junior: "初中" };
const SECTION_WORD: Record<string, Section | "senior"> = { 小学: "primary", 小学部: "primary", 初中: "junior", 初中部: "junior", 高中: "senior", 高中部: "senior" };
const SCOPES: readonly Scope[] = ["whole", "primary", "junior"];
const prefixOf = (s: Scope): string => (s === "whole" ? "" : SECTION_ZH[s]);

const DEGREE_NAMES: Record<string, Degree> = {
  研究生: "grad", 研究生合计: "grad", 博士研究生: "phd", 博士: "phd", 硕士研究生: "master", 硕士: "master",
  研究生博士研究生: "phd", 研究生博士: "phd", 研究生硕士研究生: "master", 研究生硕士: "master",
  本科: "bachelor", 大学本科: "bachelor", 专科: "associate", 大学专科: "associate",
};
const COURSE_NAMES: Record<string, Course> = {
  体育与健康: "pe", 体育: "pe", 体育健康: "pe", 音乐: "music", 艺术音乐: "music", 美术: "art", 艺术美术: "art", 艺术: "arts", 艺术合计: "arts",
};
const INDOOR_NAMES = ["室内体育用房", "室内体育用房面积", "体育馆", "体育馆面积", "室内体育馆", "室内体育馆面积"];
const GROUND_NAMES = ["运动场地面积", "运动场地", "体育运动场地面积", "体育运动场地", "室外运动场地面积", "体育场地面积", "运动场面积", "体育场面积", "体育场", "室外体育场地面积"];
/** Names bureaus' exports use for fields, beyond the template's aliases. */
const EXTRA_FIELD_NAMES: Partial<Record<SchoolField | "code", string[]>> = {
  code: ["学校标识码", "机构代码", "学校代码"],
  name: ["机构名称", "学校机构名称", "单位名称", "学校名称机构"],
  ownership: ["举办者类型", "举办者性质", "举办者类别"],
  urbanRural: ["城乡分类名称", "城乡类型"],
  primaryClasses: ["小学教学班数", "小学班级"],
  juniorClasses: ["初中教学班数", "初中班级"],
  primaryBackboneTeachers: ["小学县级及以上骨干教师", "小学骨干教师"],
  juniorBackboneTeachers: ["初中县级及以上骨干教师", "初中骨干教师"],
  primaryTeachers: ["小学专任教师合计", "小学专任教师计"],
  juniorTeachers: ["初中专任教师合计", "初中专任教师计"],
  musicRooms: ["音乐教室", "音乐专用教室间数"],
  artRooms: ["美术教室", "美术专用教室间数"],
};
/** Whole-school facility fields and their section-specific twins (a 按学段 sheet gives them per section). */
const FACILITY_TWINS: Array<[SchoolField, Record<Section, SchoolField>]> = [
  ["teachingArea", { primary: "primaryTeachingArea", junior: "juniorTeachingArea" }],
  ["sportsArea", { primary: "primarySportsArea", junior: "juniorSportsArea" }],
  ["equipmentValue", { primary: "primaryEquipmentValue", junior: "juniorEquipmentValue" }],
  ["multimediaRooms", { primary: "primaryMultimediaRooms", junior: "juniorMultimediaRooms" }],
];
export function facilityField(whole: SchoolField, scope: Scope): SchoolField {
  if (scope === "whole") return whole;
  return FACILITY_TWINS.find(([w]) => w === whole)?.[1][scope] ?? whole;
}

/** Indicator names of 表Ⅱ-2, with the short forms under a 每百名学生拥有 / 生均 group. */
function valueNames(code: IndicatorCode): string[] {
  const name = NATIONAL_2017.indicators[code].name;
  const names = [name, name.replace(/^每百名学生拥有/, "百名学生拥有"), name.replace(/数$/, "")];
  if (code === "103") names.push("每百名学生拥有体育艺术专任教师数", "每百名学生拥有体育、艺术专任教师数");
  if (code === "106") names.push("生均教学仪器设备值", "生均教学仪器设备资产值");
  if (code === "105") names.push("生均体育运动场馆面积", "生均体育运动场（馆）面积");
  return names;
}

const INDEX: ReadonlyMap<string, Target> = (() => {
  const m = new Map<string, Target>();
  const add = (name: string, t: Target) => {
    const k = normHeader(name);
    if (!m.has(k)) m.set(k, t);
  };
  for (const c of SCHOOL_COLUMNS) for (const h of [c.header, ...c.aliases]) add(h, { kind: "field", field: c.field });
  for (const [f, names] of Object.entries(EXTRA_FIELD_NAMES)) for (const h of names ?? []) add(h, { kind: "field", field: f as SchoolField });
  for (const [whole, twins] of FACILITY_TWINS) {
    const col = SCHOOL_COLUMNS.find((c) => c.field === whole)!;
    for (const s of ["primary", "junior"] as const) for (const h of [col.header, ...col.aliases]) add(SECTION_ZH[s] + h, { kind: "field", field: twins[s] });
  }
  for (const h of ["办学类型代码", "学校办学类型代码", "办学类型码"]) add(h, { kind: "typeCode" });
  for (const h of ["城乡分类代码", "城乡代码", "城乡类别代码"]) add(h, { kind: "urbanCode" });
  for (const h of ["学段", "学段名称", "所属学段"]) add(h, { kind: "section" });
  for (const h of ["县级及以上骨干教师", "县级及以上骨干教师数", "骨干教师数", "骨干教师"]) add(h, { kind: "backbone" });
  for (const scope of SCOPES) {
    const p = prefixOf(scope);
    for (const t of ["专任教师", "专任教师学历"]) {
      for (const [d, degree] of Object.entries(DEGREE_NAMES)) add(p + t + d, { kind: "degree", scope, degree });
      for (const [c, course] of Object.entries(COURSE_NAMES)) add(p + t + c, { kind: "course", scope, course });
    }
    for (const n of INDOOR_NAMES) add(p + n, { kind: "indoor", scope });
    for (const n of GROUND_NAMES) add(p + n, { kind: "ground", scope });
  }
  return m;
})();
/** Value names are looked up with the context section (the row's 学段 or the sheet's). */
const VALUE_INDEX: ReadonlyMap<string, IndicatorCode> = new Map(INDICATOR_CODES.flatMap((code) => valueNames(code).map((n) => [normHeader(n), code] as const)));

/**
 * The target of a header path, read in a section context (a 按学段 sheet's, or a 表Ⅱ-2 row's 学段;
 * null for a flat sheet): the path's own section word wins over the context.
 */
export function matchPath(segments: readonly string[], context: Section | null): Target | undefined {
  // A section word leading a segment stands apart: 小学本科 → 小学 + 本科.
  const split = segments.flatMap((s) => {
    const w = /^(小学部|初中部|高中部|小学|初中|高中)(.+)$/.exec(s);
    return w ? [w[1], w[2]] : [s];
  });
  const words = split.filter((s) => s in SECTION_WORD);
  const rest = split.filter((s) => !(s in SECTION_WORD));
  if (words.length > 1 || rest.length === 0) return undefined;
  const own = words.length ? SECTION_WORD[words[0]] : null;
  const section = own ?? context;
  for (let i = 0; i < rest.length; i++) {
    const tail = rest.slice(i).join("");
    if (section === "senior") {
      // 高中 students (the split of 完全中学 / 十二年一贯制): fields only.
      const hit = INDEX.get("高中" + tail);
      if (hit) return hit;
      continue;
    }
    if (section) {
      const code = VALUE_INDEX.get(tail);
      if (code) return { kind: "value", scope: section, code };
      const hit = INDEX.get(SECTION_ZH[section] + tail);
      if (hit) return hit;
    }
    if (!own) {
      const hit = INDEX.get(tail);
      if (hit) return hit;
    }
  }
  return undefined;
}

/** The section a sheet is about, from its name or title (小学 / 初中, not both), or null. */
export function sectionOfText(text: string): Section | null {
  const p = /小学/.test(text);
  const j = /初中|初级中学/.test(text);
  return p === j ? null : p ? "primary" : "junior";
}

/** True for a normalised segment that names the school column (学校名称, 机构名称 …). */
export function isNameSegment(segment: string): boolean {
  const t = INDEX.get(segment);
  return t?.kind === "field" && t.field === "name";
}
