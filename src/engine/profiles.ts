/**
 * Rule profiles as data, and the shared name tables (county items, qualitative items, vetoes,
 * school field labels) that the workbook reader, the template and the engine all use.
 *
 * Every entry of NATIONAL_2017 names its source:
 * - 《县域义务教育优质均衡发展督导评估办法》(教督〔2017〕6号), 第X条 / 附件指标;
 * - the project's rules file shared/spec/indicators.md (§ section), which records the choices made
 *   where public sources disagree.
 */
import type {
  CountyFlagKey,
  CountyNumericKey,
  DeepPartial,
  ProfileOverride,
  QualitativeCode,
  RuleProfile,
  SchoolField,
  VetoKey,
} from "./types";

/** The default profile: 教督〔2017〕6号 as laid down in indicators.md. */
export const NATIONAL_2017: RuleProfile = {
  id: "national-2017",
  name: "国家标准（教督〔2017〕6号）",
  // 第五条 (资源配置 7 项指标) and indicators.md §2 table: thresholds per group.
  indicators: {
    "101": {
      code: "101",
      name: "每百名学生拥有高于规定学历教师数",
      shortName: "高学历教师",
      unit: "人/百生",
      per100: true,
      threshold: { primary: 4.2, junior: 5.3 }, // 第五条(1): 小学4.2人、初中5.3人
    },
    "102": {
      code: "102",
      name: "每百名学生拥有县级及以上骨干教师数",
      shortName: "骨干教师",
      unit: "人/百生",
      per100: true,
      threshold: { primary: 1.0, junior: 1.0 }, // 第五条(2): 均达到1人以上
    },
    "103": {
      code: "103",
      name: "每百名学生拥有体育、艺术（美术、音乐）专任教师数",
      shortName: "体艺教师",
      unit: "人/百生",
      per100: true,
      threshold: { primary: 0.9, junior: 0.9 }, // 第五条(3): 均达到0.9人以上
    },
    "104": {
      code: "104",
      name: "生均教学及辅助用房面积",
      shortName: "教学辅助用房",
      unit: "㎡/生",
      per100: false,
      threshold: { primary: 4.5, junior: 5.8 }, // 第五条(4): 小学4.5㎡、初中5.8㎡
    },
    "105": {
      code: "105",
      name: "生均体育运动场馆面积",
      shortName: "体育场馆",
      unit: "㎡/生",
      per100: false,
      threshold: { primary: 7.5, junior: 10.2 }, // 第五条(5): 小学7.5㎡、初中10.2㎡
    },
    "106": {
      code: "106",
      name: "生均教学仪器设备值",
      shortName: "仪器设备",
      unit: "元/生",
      per100: false,
      threshold: { primary: 2000, junior: 2500 }, // 第五条(6): 小学2000元、初中2500元
    },
    "107": {
      code: "107",
      name: "每百名学生拥有网络多媒体教室数",
      shortName: "多媒体教室",
      unit: "间/百生",
      per100: true,
      threshold: { primary: 2.3, junior: 2.4 }, // 第五条(7): 小学2.3间、初中2.4间
    },
  },
  basicRatio: 0.85, // 第五条: 余项不能低于要求的85%; indicators.md §2.2, compared exactly (§8)
  minMetIndicators: 6, // 第五条: 每所学校至少6项指标达到上述要求; indicators.md §2.3
  tolerance: 1e-9, // indicators.md §2.2: relative tolerance, 4.2 = 21/500 counts as met
  cvLimit: { primary: 0.5, junior: 0.45 }, // 第五条: 小学≤0.50、初中≤0.45; indicators.md §3
  cvRule: "each", // indicators.md §3 option cvRule, default each ("所有指标…均")
  splitFacilities: true, // indicators.md §2.1 option, default on
  indoorSportsTo105: true, // indicators.md §2 option: 104 = 教学及辅助用房 − 室内体育用房, 105 = 运动场地 + 室内体育用房 (county formula sheets), default on
  splitWeights: { primary: 1, junior: 1.1, senior: 1.32 }, // indicators.md §2.1 weighted students
  teachingPointMinStudents: 50, // 第五条 说明: 50人以下教学点不参与资源配置评估; indicators.md §1
  classesPerRoom: 12, // 第六条(3) 指标203: 每12个班级配备音乐、美术专用教室1间以上
  roomRounding: "ceil", // indicators.md §4/§8: ceil, at least 1 for a school with classes (option)
  musicRoomMinArea: 96, // 指标203: 音乐专用教室面积不小于96㎡
  artRoomMinArea: 90, // 指标203: 美术专用教室面积不小于90㎡
  scaleLimit: { default: 2000, nineYear: 2500, twelveYear: 2500 }, // 指标204: 规模不超过2000人，九年一贯制、十二年一贯制不超过2500人
  scaleBasicLimit: { default: null, nineYear: null, twelveYear: null }, // indicators.md §4 option: no 基本达标 band by default
  classSize: { primary: 45, junior: 50, large: 56 }, // 指标205: 小学45人、初中50人; 56人及以上为大班额
  county: {
    specialEdFundsPerStudent: 6000, // 指标207: 生均公用经费不低于6000元
    trainingCompletion: 1, // 指标209: 5年360学时培训完成率100%
    rotationRate: 0.1, // 指标211: 交流轮岗教师不低于符合交流条件教师总数的10%
    rotatedBackboneShare: 0.2, // 指标211: 其中骨干教师不低于交流轮岗教师总数的20%
    certification: 1, // 指标212: 专任教师持有教师资格证上岗率100%
    nearbyPrimary: 1, // 指标213: 城区和镇区公办小学就近划片入学比例100%
    nearbyJunior: 0.95, // 指标213: 公办初中就近划片入学比例达到95%以上
    quotaShare: 0.5, // 指标214: 优质高中招生名额分配比例不低于50%，并向农村初中倾斜
    migrantShare: 0.85, // 指标215: 随迁子女在公办学校和政府购买服务的民办学校就读比例不低于85%
    juniorRetention: 0.95, // 指标301: 初中三年巩固率达到95%以上
    disabledEnrolment: 0.95, // 指标302: 残疾儿童少年入学率达到95%以上
    trainingFundsShare: 0.05, // 指标304: 教师培训经费占公用经费预算不低于5%
    qualityGapMax: 0.15, // 指标309: 校际差异率低于0.15 (strictly below)
    socialRecognition: 0.85, // 第八条: 社会认可度达到85%以上
  },
};

/** Freeze a profile and everything in it: built-in profiles are shared, never edited in place. */
function deepFreeze<T>(o: T): T {
  if (typeof o === "object" && o !== null) {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}
deepFreeze(NATIONAL_2017);

/** Built-in profiles by id. */
export const PROFILES: Readonly<Record<string, RuleProfile>> = { [NATIONAL_2017.id]: NATIONAL_2017 };

export function getProfile(id: string): RuleProfile | undefined {
  return Object.prototype.hasOwnProperty.call(PROFILES, id) ? PROFILES[id] : undefined;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function mergeDeep(base: unknown, override: unknown): unknown {
  if (override === undefined) return cloneDeep(base);
  if (isPlainObject(base) && isPlainObject(override)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(base)) out[k] = mergeDeep(base[k], override[k]);
    for (const k of Object.keys(override)) if (!(k in base) && override[k] !== undefined) out[k] = cloneDeep(override[k]);
    return out;
  }
  return cloneDeep(override);
}

function cloneDeep<T>(v: T): T {
  if (Array.isArray(v)) return v.map(cloneDeep) as unknown as T;
  if (isPlainObject(v)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) out[k] = cloneDeep(v[k]);
    return out as T;
  }
  return v;
}

/**
 * The profile in force: `base` with every field present in `override` replaced, field by field
 * (nested objects merge; undefined leaves the base value). Neither argument is modified.
 */
export function resolveProfile(base: RuleProfile, override?: ProfileOverride | DeepPartial<RuleProfile> | null): RuleProfile {
  return mergeDeep(base, override ?? undefined) as RuleProfile;
}

// ---------------------------------------------------------------------------------------------
// Shared name tables
// ---------------------------------------------------------------------------------------------

export type CountyItemKind = "number" | "percent" | "flag";

export interface CountyItemDef {
  /** 项目 as written in 「县级指标」 (template.md §2). */
  name: string;
  /** Indicator code the figure feeds. */
  code: string;
  kind: CountyItemKind;
}

/** 「县级指标」 rows: key → 项目 name (template.md §2), indicator code, kind. */
export const COUNTY_ITEMS: Readonly<Record<CountyNumericKey | CountyFlagKey, CountyItemDef>> = {
  smallSchoolFunding: { name: "教学点按100人核定公用经费", code: "206", kind: "flag" },
  specialEdFundsPerStudent: { name: "特殊教育学校生均公用经费", code: "207", kind: "number" },
  teacherSalary: { name: "教师年均工资收入", code: "208", kind: "number" },
  civilServantSalary: { name: "公务员年均工资收入", code: "208", kind: "number" },
  rotationEligible: { name: "符合交流条件教师数", code: "211", kind: "number" },
  rotatedTeachers: { name: "交流轮岗教师数", code: "211", kind: "number" },
  rotatedBackbone: { name: "交流轮岗骨干教师数", code: "211", kind: "number" },
  nearbyPrimaryRate: { name: "城镇公办小学就近入学比例", code: "213", kind: "percent" },
  nearbyJuniorRate: { name: "城镇公办初中就近入学比例", code: "213", kind: "percent" },
  qualityHighSchoolAdmissions: { name: "优质高中招生总数", code: "214", kind: "number" },
  quotaToSchools: { name: "优质高中指标到校数", code: "214", kind: "number" },
  quotaRuralTilt: { name: "指标到校向农村初中倾斜", code: "214", kind: "flag" },
  migrantChildren: { name: "随迁子女总数", code: "215", kind: "number" },
  migrantInPublic: { name: "随迁子女在公办及政府购买服务民办学校就读数", code: "215", kind: "number" },
  juniorRetentionRate: { name: "初中三年巩固率", code: "301", kind: "percent" },
  juniorGraduates: { name: "初中毕业生数", code: "301", kind: "number" },
  juniorEntrants: { name: "三年前初一入学数", code: "301", kind: "number" },
  juniorTransfersIn: { name: "初中转入学生数", code: "301", kind: "number" },
  juniorTransfersOut: { name: "初中转出学生数", code: "301", kind: "number" },
  disabledChildren: { name: "适龄残疾儿童少年数", code: "302", kind: "number" },
  disabledEnrolled: { name: "残疾儿童少年入学数", code: "302", kind: "number" },
  disabledInSpecialSchool: { name: "本区特殊教育学校就读数", code: "302", kind: "number" },
  disabledInRegularClass: { name: "本区随班就读数", code: "302", kind: "number" },
  disabledOutside: { name: "区外就读数", code: "302", kind: "number" },
  disabledOther: { name: "其他方式就读数", code: "302", kind: "number" },
  qualityMonitoringLevel: { name: "质量监测达Ⅲ级以上", code: "309", kind: "flag" },
  qualityMonitoringGap: { name: "质量监测校际差异率", code: "309", kind: "number" },
  socialRecognition: { name: "社会认可度", code: "recognition", kind: "percent" },
};

/** Qualitative items (自评结论 达标/未达标): code → 项目 name. */
export const QUALITATIVE_ITEMS: Readonly<Record<QualitativeCode, string>> = {
  "201": "学校规划布局",
  "202": "四统一",
  "210": "教职工编制",
  "305": "设备设施利用率",
  "306": "五育并举",
  "307": "课程开设",
  "308": "课业负担",
};

/** 一票否决 items (是/否): key → 项目 name (indicators.md §6). */
export const VETO_ITEMS: Readonly<Record<VetoKey, string>> = {
  examAdmission: "以考试方式招生",
  illegalSchoolChoice: "违规择校",
  keySchools: "设重点校或重点班",
  unfilledPosts: "有编不补或长期聘用编外教师",
  majorIncident: "重大安全责任事故或严重违纪违规",
  falsification: "弄虚作假",
};

/** Names of every item of 「评估汇总」, in report order (national table wording, short form). */
export const ITEM_NAMES: Readonly<Record<string, string>> = {
  "101": NATIONAL_2017.indicators["101"].name,
  "102": NATIONAL_2017.indicators["102"].name,
  "103": NATIONAL_2017.indicators["103"].name,
  "104": NATIONAL_2017.indicators["104"].name,
  "105": NATIONAL_2017.indicators["105"].name,
  "106": NATIONAL_2017.indicators["106"].name,
  "107": NATIONAL_2017.indicators["107"].name,
  "201": QUALITATIVE_ITEMS["201"],
  "202": QUALITATIVE_ITEMS["202"],
  "203": "音乐、美术专用教室",
  "204": "办学规模",
  "205": "班额",
  "206": "小规模学校公用经费",
  "207": "特殊教育学校生均公用经费",
  "208": "教师工资收入",
  "209": "教师培训完成率",
  "210": QUALITATIVE_ITEMS["210"],
  "211": "教师交流轮岗",
  "212": "专任教师持证上岗率",
  "213": "就近划片入学",
  "214": "优质高中招生名额分配",
  "215": "随迁子女就读",
  "301": "初中三年巩固率",
  "302": "残疾儿童少年入学率",
  "303": "学校章程",
  "304": "教师培训经费",
  "305": QUALITATIVE_ITEMS["305"],
  "306": QUALITATIVE_ITEMS["306"],
  "307": QUALITATIVE_ITEMS["307"],
  "308": QUALITATIVE_ITEMS["308"],
  "309": "义务教育质量监测",
  recognition: "社会认可度",
  veto: "一票否决",
};

/** Report order of 「评估汇总」. */
export const ITEM_ORDER: readonly string[] = Object.keys(ITEM_NAMES);

/** Canonical 「学校数据」 header of each school field (template.md §1). */
export const SCHOOL_FIELD_LABEL: Readonly<Record<SchoolField, string>> = {
  name: "学校名称",
  type: "学校类型",
  ownership: "办学性质",
  urbanRural: "城乡类别",
  participate: "参评",
  charter: "学校章程",
  primaryStudents: "小学在校生数",
  juniorStudents: "初中在校生数",
  seniorStudents: "高中在校生数",
  primaryClasses: "小学班级数",
  juniorClasses: "初中班级数",
  primaryMaxClassSize: "小学最大班额",
  juniorMaxClassSize: "初中最大班额",
  primaryQualifiedTeachers: "小学高于规定学历教师数",
  juniorQualifiedTeachers: "初中高于规定学历教师数",
  primaryBackboneTeachers: "小学骨干教师数",
  juniorBackboneTeachers: "初中骨干教师数",
  primaryPeArtTeachers: "小学体育艺术专任教师数",
  juniorPeArtTeachers: "初中体育艺术专任教师数",
  teachers: "专任教师数",
  primaryTeachers: "小学专任教师数",
  juniorTeachers: "初中专任教师数",
  certifiedTeachers: "持证专任教师数",
  trainedTeachers: "培训完成教师数",
  teachingArea: "教学及辅助用房面积",
  sportsArea: "体育运动场馆面积",
  equipmentValue: "教学仪器设备值",
  multimediaRooms: "网络多媒体教室数",
  primaryTeachingArea: "小学教学及辅助用房面积",
  juniorTeachingArea: "初中教学及辅助用房面积",
  primarySportsArea: "小学体育运动场馆面积",
  juniorSportsArea: "初中体育运动场馆面积",
  primaryEquipmentValue: "小学教学仪器设备值",
  juniorEquipmentValue: "初中教学仪器设备值",
  primaryMultimediaRooms: "小学网络多媒体教室数",
  juniorMultimediaRooms: "初中网络多媒体教室数",
  musicRooms: "音乐专用教室数",
  artRooms: "美术专用教室数",
  publicFunds: "公用经费预算",
  trainingFunds: "教师培训经费",
};
