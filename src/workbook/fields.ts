/**
 * The columns of 「学校数据」 (shared/spec/template.md §1): canonical header, aliases, kind, unit,
 * template group and input hint. One table serves the reader (matching headers) and the
 * template (writing headers, validations and notes).
 */
import type { SchoolField, Section } from "../engine/types";
import { normHeader } from "./text";

export type FieldKind = "text" | "enum" | "yesno" | "count" | "area" | "money";

export interface SchoolColumn {
  field: SchoolField | "code";
  /** Canonical header (without unit). */
  header: string;
  /** Further accepted headers (without unit); matching ignores spaces, brackets and units. */
  aliases: string[];
  kind: FieldKind;
  /** Unit shown in the template header, e.g. "万元" → 教学仪器设备值（万元）. */
  unit?: "人" | "个" | "间" | "㎡" | "万元";
  /** Template group (merged header above the field row); absent = not written by the template. */
  group?: SchoolGroup;
  /** The section the field belongs to (a value there at a school without that section is a warning). */
  section?: Section | "senior";
  /** Checks that cannot run without this column (for the "missing column" message). */
  feeds: string[];
  /** Short input hint for the header note. */
  hint: string;
  /** Allowed values for enum / 是否 fields (template drop-down). */
  list?: string[];
}

export type SchoolGroup = "基本信息" | "学生与班级" | "教师" | "校舍与设备" | "专用教室" | "经费与治理";
export const SCHOOL_GROUPS: readonly SchoolGroup[] = ["基本信息", "学生与班级", "教师", "校舍与设备", "专用教室", "经费与治理"];

export const SCHOOL_TYPE_LIST = ["小学", "初中", "九年一贯制学校", "十二年一贯制学校", "完全中学", "教学点", "特殊教育学校"];
export const YES_NO = ["是", "否"];

const count = (
  field: SchoolField,
  header: string,
  group: SchoolGroup | undefined,
  feeds: string[],
  hint: string,
  extra: Partial<SchoolColumn> = {},
): SchoolColumn => ({ field, header, aliases: [], kind: "count", unit: "人", group, feeds, hint, ...extra });

/** Every recognised column, in template order (columns without a group are recognised but not in the template). */
export const SCHOOL_COLUMNS: readonly SchoolColumn[] = [
  { field: "code", header: "学校代码", aliases: ["学校标识码", "学校识别码"], kind: "text", group: "基本信息", feeds: [], hint: "可选。学校标识码（10位）。" },
  { field: "name", header: "学校名称", aliases: ["校名", "学校全称"], kind: "text", group: "基本信息", feeds: [], hint: "必填，不可重复。每所法人学校一行；本列为空的行视为数据结束。" },
  {
    field: "type", header: "学校类型", aliases: ["办学类型", "学校类别", "学校类别名称"], kind: "enum", group: "基本信息",
    feeds: ["101", "102", "103", "104", "105", "106", "107", "203", "204", "205"],
    hint: "必填。从下拉列表选择：小学、初中、九年一贯制学校、十二年一贯制学校、完全中学、教学点、特殊教育学校。", list: SCHOOL_TYPE_LIST,
  },
  { field: "ownership", header: "办学性质", aliases: ["举办者", "公办民办"], kind: "enum", group: "基本信息", feeds: [], hint: "公办或民办；不填按公办。", list: ["公办", "民办"] },
  { field: "urbanRural", header: "城乡类别", aliases: ["城乡分类", "城乡属性"], kind: "enum", group: "基本信息", feeds: [], hint: "可选。城区、镇区或乡村。", list: ["城区", "镇区", "乡村"] },
  { field: "participate", header: "参评", aliases: ["是否参评", "是否参加评估"], kind: "yesno", group: "基本信息", feeds: [], hint: "一般不填，按规则自动确定（特殊教育学校、不足50人的教学点不参评）。填“是”或“否”可强制参评或不参评。", list: YES_NO },

  count("primaryStudents", "小学在校生数", "学生与班级", ["101", "102", "103", "104", "105", "106", "107", "204"], "小学部在校生人数。单设初中不填。", { aliases: ["小学学生数", "小学在校学生数", "小学在校生"], section: "primary" }),
  count("juniorStudents", "初中在校生数", "学生与班级", ["101", "102", "103", "104", "105", "106", "107", "204"], "初中部在校生人数。小学、教学点不填。", { aliases: ["初中学生数", "初中在校学生数", "初中在校生"], section: "junior" }),
  count("seniorStudents", "高中在校生数", "学生与班级", [], "仅完全中学、十二年一贯制学校填写，用于按加权学生数拆分校舍设备。", { aliases: ["高中学生数", "高中在校学生数", "高中在校生"], section: "senior" }),
  count("primaryClasses", "小学班级数", "学生与班级", ["203"], "小学部教学班数。", { unit: "个", aliases: ["小学班数"], section: "primary" }),
  count("juniorClasses", "初中班级数", "学生与班级", ["203"], "初中部教学班数。", { unit: "个", aliases: ["初中班数"], section: "junior" }),
  count("primaryMaxClassSize", "小学最大班额", "学生与班级", ["205"], "小学人数最多的一个班的人数。", { aliases: ["小学最大班级人数"], section: "primary" }),
  count("juniorMaxClassSize", "初中最大班额", "学生与班级", ["205"], "初中人数最多的一个班的人数。", { aliases: ["初中最大班级人数"], section: "junior" }),

  count("teachers", "专任教师数", "教师", ["209", "212"], "全校义务教育阶段专任教师数（在编＋聘任，不含代课、兼职；完全中学、十二年一贯制学校不含高中教师）。", { aliases: ["专任教师总数", "专任教师", "专任教师数合计", "专任教师合计"] }),
  count("primaryTeachers", "小学专任教师数", "教师", [], "九年一贯制、十二年一贯制学校请分学段填写；单设学校可不填。小学部专任教师数，用于报告中分学段的专任教师人数，不参与指标计算。", { aliases: ["小学部专任教师数", "小学专任教师", "小学部专任教师", "小学专任教师总数"], section: "primary" }),
  count("juniorTeachers", "初中专任教师数", "教师", [], "九年一贯制、十二年一贯制学校请分学段填写；单设学校可不填。初中部专任教师数（完全中学可填初中部人数，不含高中），用于报告中分学段的专任教师人数，不参与指标计算。", { aliases: ["初中部专任教师数", "初中专任教师", "初中部专任教师", "初中专任教师总数"], section: "junior" }),
  count("primaryQualifiedTeachers", "小学高于规定学历教师数", "教师", ["101"], "小学部专科及以上学历专任教师数。", { aliases: ["小学高于规定学历专任教师数"], section: "primary" }),
  count("juniorQualifiedTeachers", "初中高于规定学历教师数", "教师", ["101"], "初中部本科及以上学历专任教师数。", { aliases: ["初中高于规定学历专任教师数"], section: "junior" }),
  count("primaryBackboneTeachers", "小学骨干教师数", "教师", ["102"], "小学部县级及以上骨干教师数。", { aliases: ["小学县级及以上骨干教师数"], section: "primary" }),
  count("juniorBackboneTeachers", "初中骨干教师数", "教师", ["102"], "初中部县级及以上骨干教师数。", { aliases: ["初中县级及以上骨干教师数"], section: "junior" }),
  count("primaryPeArtTeachers", "小学体育艺术专任教师数", "教师", ["103"], "小学部体育、音乐、美术专任教师数之和。", { aliases: ["小学体艺专任教师数", "小学体育艺术教师数", "小学体育艺术（美术、音乐）专任教师数"], section: "primary" }),
  count("juniorPeArtTeachers", "初中体育艺术专任教师数", "教师", ["103"], "初中部体育、音乐、美术专任教师数之和。", { aliases: ["初中体艺专任教师数", "初中体育艺术教师数", "初中体育艺术（美术、音乐）专任教师数"], section: "junior" }),
  count("certifiedTeachers", "持证专任教师数", "教师", ["212"], "持有相应教师资格证的专任教师数。", { aliases: ["持有教师资格证专任教师数", "持证教师数"] }),
  count("trainedTeachers", "培训完成教师数", "教师", ["209"], "完成5年360学时培训的专任教师数。", { aliases: ["完成5年360学时培训教师数", "完成培训教师数"] }),

  { field: "teachingArea", header: "教学及辅助用房面积", aliases: ["教学及辅助用房", "教学辅助用房面积"], kind: "area", unit: "㎡", group: "校舍与设备", feeds: ["104"], hint: "全校教学及辅助用房建筑面积（平方米）。多学段学校填全校合计，按加权学生数拆分。" },
  { field: "sportsArea", header: "体育运动场馆面积", aliases: ["体育运动场馆", "体育运动场（馆）面积", "运动场馆面积"], kind: "area", unit: "㎡", group: "校舍与设备", feeds: ["105"], hint: "全校室内体育用房与室外运动场地面积之和（平方米）。" },
  { field: "equipmentValue", header: "教学仪器设备值", aliases: ["教学仪器设备资产值", "教学仪器设备总值"], kind: "money", unit: "万元", group: "校舍与设备", feeds: ["106"], hint: "全校教学仪器设备资产值，单位万元（如 125.6）。" },
  { field: "multimediaRooms", header: "网络多媒体教室数", aliases: ["网络多媒体教室", "多媒体教室数"], kind: "count", unit: "间", group: "校舍与设备", feeds: ["107"], hint: "全校配备网络多媒体设备的教室间数。" },

  { field: "musicRooms", header: "音乐专用教室数", aliases: ["面积达标音乐专用教室数", "音乐专用教室"], kind: "count", unit: "间", group: "专用教室", feeds: ["203"], hint: "面积不小于96平方米的音乐专用教室间数。" },
  { field: "artRooms", header: "美术专用教室数", aliases: ["面积达标美术专用教室数", "美术专用教室"], kind: "count", unit: "间", group: "专用教室", feeds: ["203"], hint: "面积不小于90平方米的美术专用教室间数。" },

  { field: "publicFunds", header: "公用经费预算", aliases: ["公用经费预算总额", "年度公用经费预算"], kind: "money", unit: "万元", group: "经费与治理", feeds: ["304"], hint: "本年度公用经费预算总额，单位万元。" },
  { field: "trainingFunds", header: "教师培训经费", aliases: ["教师培训经费预算", "教师培训费", "教师培训费预算"], kind: "money", unit: "万元", group: "经费与治理", feeds: ["304"], hint: "本年度教师培训经费预算，单位万元；应不低于公用经费预算的5%。" },
  { field: "charter", header: "学校章程", aliases: ["是否有章程", "有无章程", "章程"], kind: "yesno", group: "经费与治理", feeds: ["303"], hint: "学校是否制定章程：是或否。", list: YES_NO },

  // Optional section-specific facility columns: recognised when present, not in the template.
  ...(["primary", "junior"] as const).flatMap((sec): SchoolColumn[] => {
    const zh = sec === "primary" ? "小学" : "初中";
    const p = sec === "primary" ? "primary" : "junior";
    return [
      { field: `${p}TeachingArea` as SchoolField, header: `${zh}教学及辅助用房面积`, aliases: [], kind: "area", unit: "㎡", section: sec, feeds: [], hint: "" },
      { field: `${p}SportsArea` as SchoolField, header: `${zh}体育运动场馆面积`, aliases: [], kind: "area", unit: "㎡", section: sec, feeds: [], hint: "" },
      { field: `${p}EquipmentValue` as SchoolField, header: `${zh}教学仪器设备值`, aliases: [], kind: "money", unit: "万元", section: sec, feeds: [], hint: "" },
      { field: `${p}MultimediaRooms` as SchoolField, header: `${zh}网络多媒体教室数`, aliases: [], kind: "count", unit: "间", section: sec, feeds: [], hint: "" },
    ];
  }),
];

export const COLUMN_BY_FIELD: ReadonlyMap<SchoolField | "code", SchoolColumn> = new Map(SCHOOL_COLUMNS.map((c) => [c.field, c]));

/** Normalised header → column, over canonical names and aliases. */
const HEADER_INDEX: ReadonlyMap<string, SchoolColumn> = (() => {
  const m = new Map<string, SchoolColumn>();
  for (const c of SCHOOL_COLUMNS) for (const h of [c.header, ...c.aliases]) m.set(normHeader(h), c);
  return m;
})();

/** The column a header cell names, or undefined. */
export function matchSchoolHeader(normalised: string): SchoolColumn | undefined {
  return HEADER_INDEX.get(normalised);
}

/** Header as written by the template: canonical name plus unit, e.g. 教学仪器设备值（万元）. */
export function templateHeader(c: SchoolColumn): string {
  return c.unit ? `${c.header}（${c.unit}）` : c.header;
}

/** Columns whose absence is not worth a message (used only by some schools or optional refinements). */
export const QUIET_OPTIONAL_FIELDS: ReadonlySet<SchoolField | "code"> = new Set<SchoolField | "code">([
  "code", "urbanRural", "participate", "ownership", "seniorStudents", "primaryTeachers", "juniorTeachers",
  "primaryTeachingArea", "juniorTeachingArea", "primarySportsArea", "juniorSportsArea",
  "primaryEquipmentValue", "juniorEquipmentValue", "primaryMultimediaRooms", "juniorMultimediaRooms",
]);
