/**
 * The engine's contract: a typed county dataset in, one typed assessment out.
 *
 * Pure data types only. No Office, DOM or Node imports anywhere under src/engine.
 * Rules and thresholds live in rule profiles (see profiles.ts), never in these types.
 *
 * Conventions
 * - Numbers are unrounded. `null` means "not entered / not applicable".
 * - Money is in 万元 where the template takes 万元 (equipment, budgets); the engine converts.
 * - Ratios (percentages) are fractions: 71.2% is 0.712.
 * - Chinese text is for people (labels, messages); identifiers are English.
 */

/** 学校类型, in the words of the national documents. */
export type SchoolType =
  | "小学"
  | "初中"
  | "九年一贯制学校"
  | "十二年一贯制学校"
  | "完全中学"
  | "教学点"
  | "特殊教育学校";

export const SCHOOL_TYPES: readonly SchoolType[] = [
  "小学",
  "初中",
  "九年一贯制学校",
  "十二年一贯制学校",
  "完全中学",
  "教学点",
  "特殊教育学校",
];

/** A compulsory-education section (学段). 小学 = primary, 初中 = junior. */
export type Section = "primary" | "junior";
export const SECTIONS: readonly Section[] = ["primary", "junior"];
export const SECTION_LABEL: Record<Section, string> = { primary: "小学", junior: "初中" };

/** 办学性质. */
export type Ownership = "公办" | "民办";
/** 城乡类别. */
export type UrbanRural = "城区" | "镇区" | "乡村";

/**
 * Numeric school fields, one per template column (see shared/spec/template.md §1).
 * Section-specific facility fields (primaryTeachingArea …) are optional columns: when filled they
 * are used as entered instead of splitting the whole-school figure.
 */
export const SCHOOL_NUMERIC_FIELDS = [
  "primaryStudents", // 小学在校生数
  "juniorStudents", // 初中在校生数
  "seniorStudents", // 高中在校生数 (only for the split of 完全中学 / 十二年一贯制)
  "primaryClasses", // 小学班级数
  "juniorClasses", // 初中班级数
  "primaryMaxClassSize", // 小学最大班额
  "juniorMaxClassSize", // 初中最大班额
  "primaryQualifiedTeachers", // 小学高于规定学历教师数 (101)
  "juniorQualifiedTeachers", // 初中高于规定学历教师数 (101)
  "primaryBackboneTeachers", // 小学骨干教师数 (102)
  "juniorBackboneTeachers", // 初中骨干教师数 (102)
  "primaryPeArtTeachers", // 小学体育艺术专任教师数 (103)
  "juniorPeArtTeachers", // 初中体育艺术专任教师数 (103)
  "teachers", // 专任教师数 (whole school)
  "primaryTeachers", // 小学专任教师数, optional (report only: 专任教师 per section; feeds no indicator)
  "juniorTeachers", // 初中专任教师数, optional (report only)
  "certifiedTeachers", // 持证专任教师数 (212)
  "trainedTeachers", // 培训完成教师数 (209)
  "teachingArea", // 教学及辅助用房面积 ㎡, whole school (104)
  "sportsArea", // 体育运动场馆面积 ㎡, whole school (105)
  "equipmentValue", // 教学仪器设备值 万元, whole school (106)
  "multimediaRooms", // 网络多媒体教室数, whole school (107)
  "primaryTeachingArea", // optional section-specific facility columns
  "juniorTeachingArea",
  "primarySportsArea",
  "juniorSportsArea",
  "primaryEquipmentValue",
  "juniorEquipmentValue",
  "primaryMultimediaRooms",
  "juniorMultimediaRooms",
  "musicRooms", // 音乐专用教室数 (rooms ≥ 96 ㎡) (203)
  "artRooms", // 美术专用教室数 (rooms ≥ 90 ㎡) (203)
  "publicFunds", // 公用经费预算 万元 (304)
  "trainingFunds", // 教师培训经费 万元 (304)
] as const;
export type SchoolNumericField = (typeof SCHOOL_NUMERIC_FIELDS)[number];

/** Every school field the engine can be told is invalid (numeric fields plus the non-numeric ones). */
export type SchoolField =
  | SchoolNumericField
  | "name"
  | "type"
  | "ownership"
  | "urbanRural"
  | "participate"
  | "charter";

/** One school (法人学校), one row of 「学校数据」. */
export interface SchoolRecord {
  /** 学校名称, unique within the dataset. */
  name: string;
  /** 学校代码, optional. */
  code?: string | null;
  /** 学校类型; null when the cell could not be recognised (the school then gets status error). */
  type: SchoolType | null;
  /** 办学性质, default 公办. */
  ownership: Ownership;
  urbanRural?: UrbanRural | null;
  /** 参评 override: true/false when filled, null/undefined = automatic rule. */
  participate?: boolean | null;
  /** 学校章程 (303): 是 = true. */
  charter?: boolean | null;
  /** Numeric fields; absent or null = empty cell. */
  values: Partial<Record<SchoolNumericField, number | null>>;
  /**
   * Fields whose cell held bad input (text in a number field, a negative count …). The checks
   * that need such a field get status "error" for this school; all other results stand.
   */
  invalid?: SchoolField[];
  /** Where the row came from, for addressing results and highlights (0-based row in the sheet). */
  source?: { sheet: string; row: number };
}

/**
 * County-level items (「县级指标」). Keys are stable identifiers; see COUNTY_ITEMS in profiles.ts
 * for each key's 项目 name and indicator code.
 */
export type CountyNumericKey =
  | "specialEdFundsPerStudent" // 特殊教育学校生均公用经费 元 (207)
  | "teacherSalary" // 教师年均工资收入 (208)
  | "civilServantSalary" // 公务员年均工资收入 (208)
  | "rotationEligible" // 符合交流条件教师数 (211)
  | "rotatedTeachers" // 交流轮岗教师数 (211)
  | "rotatedBackbone" // 交流轮岗骨干教师数 (211)
  | "nearbyPrimaryRate" // 城镇公办小学就近入学比例, fraction (213)
  | "nearbyJuniorRate" // 城镇公办初中就近入学比例, fraction (213)
  | "qualityHighSchoolAdmissions" // 优质高中招生总数 (214)
  | "quotaToSchools" // 优质高中指标到校数 (214)
  | "migrantChildren" // 随迁子女总数 (215)
  | "migrantInPublic" // 随迁子女在公办及政府购买服务民办学校就读数 (215)
  | "juniorRetentionRate" // 初中三年巩固率, fraction (301)
  | "juniorGraduates" // 初中毕业生数 (301, alternative to the entered rate)
  | "juniorEntrants" // 三年前初一入学数 (301)
  | "juniorTransfersIn" // 转入 (301)
  | "juniorTransfersOut" // 转出 (301)
  | "disabledChildren" // 适龄残疾儿童少年数 (302)
  | "disabledEnrolled" // 残疾儿童少年入学数 (302); or the four parts below
  | "disabledInSpecialSchool" // 本区特教学校就读
  | "disabledInRegularClass" // 本区随班就读
  | "disabledOutside" // 区外就读
  | "disabledOther" // 其他方式就读
  | "qualityMonitoringGap" // 质量监测校际差异率 (309)
  | "socialRecognition"; // 社会认可度, fraction

export type CountyFlagKey =
  | "smallSchoolFunding" // 教学点按100人核定公用经费 (206)
  | "quotaRuralTilt" // 指标到校向农村初中倾斜 (214)
  | "qualityMonitoringLevel"; // 质量监测达Ⅲ级以上 (309)

/** Qualitative items: the bureau's own 自评结论. */
export type QualitativeCode = "201" | "202" | "210" | "305" | "306" | "307" | "308";

/** 一票否决 items: 是 (true) on any blocks recognition. */
export type VetoKey =
  | "examAdmission" // 以考试方式招生
  | "illegalSchoolChoice" // 违规择校
  | "keySchools" // 设重点校或重点班
  | "unfilledPosts" // 有编不补或长期聘用编外教师
  | "majorIncident" // 重大安全责任事故或严重违纪违规
  | "falsification"; // 弄虚作假

/** A value of a county item as entered. "pending" = 待监测 / 调查中. */
export type CountyEntry<T> = T | "pending" | null;

export interface CountyData {
  /** 县（区）名称, for titles. */
  name?: string | null;
  numbers: Partial<Record<CountyNumericKey, CountyEntry<number>>>;
  flags: Partial<Record<CountyFlagKey, CountyEntry<boolean>>>;
  /** 自评结论: true = 达标, false = 未达标; plus an optional 说明 per item. */
  qualitative: Partial<Record<QualitativeCode, CountyEntry<boolean>>>;
  qualitativeNotes?: Partial<Record<QualitativeCode, string>>;
  vetoes: Partial<Record<VetoKey, boolean | null>>;
  /** Keys whose cell held bad input: their items get status "skipped" with reason 数据有误. */
  invalid?: (CountyNumericKey | CountyFlagKey | QualitativeCode | VetoKey)[];
}

/** The engine's input. */
export interface CountyDataset {
  schools: SchoolRecord[];
  county: CountyData;
  /**
   * School fields whose column is absent from the sheet. Checks that need them are skipped for
   * every school and listed in Assessment.skipped with the reason (e.g. 缺少「教师培训经费」列).
   */
  absentFields?: SchoolField[];
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

/** 资源配置 indicator codes. */
export type IndicatorCode = "101" | "102" | "103" | "104" | "105" | "106" | "107";
export const INDICATOR_CODES: readonly IndicatorCode[] = ["101", "102", "103", "104", "105", "106", "107"];

/** 达标 / 基本达标 / 未达标 / 数据有误. */
export type Status = "met" | "basic" | "unmet" | "error";
export const STATUS_LABEL: Record<Status, string> = {
  met: "达标",
  basic: "基本达标",
  unmet: "未达标",
  error: "数据有误",
};

/** What it takes to reach a threshold. */
export interface Gap {
  /** Smallest amount to add: whole persons/rooms, ㎡ to 1 decimal, 万元 to 2 decimals (rounded up). */
  amount: number;
  unit: "人" | "间" | "㎡" | "万元";
  /** What to add, e.g. "骨干教师". */
  what: string;
  /** Ready-to-show Chinese text, e.g. "需增加骨干教师 2 人". */
  text: string;
}

export interface IndicatorResult {
  code: IndicatorCode;
  /** Unrounded value (×100 for per-hundred indicators); null when it cannot be computed. */
  value: number | null;
  /** The unit's numerator after any split (teachers, ㎡, 元, rooms); null when unknown. */
  numerator: number | null;
  threshold: number;
  status: Status;
  /** Present when status is basic or unmet. */
  gap: Gap | null;
  /** The school field that feeds the numerator (for addressing highlights). */
  field: SchoolNumericField;
  /** Why the status is error, in Chinese. */
  errorReason?: string;
}

/** One school section (监测点). Its seven indicator results are in Assessment.indicators (see IndicatorTable). */
export interface UnitResult {
  /** Position of this unit in Assessment.units: its row of the IndicatorTable. */
  row: number;
  school: string;
  /** Index of the school in dataset.schools. */
  schoolIndex: number;
  schoolType: SchoolType | null;
  section: Section;
  included: boolean;
  /** Chinese reason when not included (特殊教育学校 / 教学点不足50人 / 参评=否 / 无在校生 …). */
  excludedReason?: string;
  students: number;
  /** Share of the whole-school facilities given to this section (1 for a single-section school). */
  facilityShare: number;
  metCount: number;
  basicCount: number;
  unmetCount: number;
  errorCount: number;
  /** 达标学校: ≥ 6 of 7 met and none unmet (and none in error). */
  pass: boolean;
}

/** Statuses in the order of their codes in IndicatorTable.status (0 met … 3 error). */
export const STATUS_ORDER: readonly Status[] = ["met", "basic", "unmet", "error"];

/**
 * The 资源配置 results of every unit, column-wise: one cell per unit and indicator,
 * cell = unit.row × 7 + k, k the position of the code in INDICATOR_CODES.
 *
 * Why columns: a county of 100 000 school rows has ~830 000 cells; as objects (one IndicatorResult
 * each plus a keyed record per unit) they cost ≈1.4 KB per unit and most of an assessment's time in
 * allocation and garbage collection, as typed columns ≈180 B. Read a cell as an IndicatorResult with
 * unitIndicator(assessment, unit, code) (engine/results.ts); threshold, field and gap wording are
 * derived from the profile and the code, so nothing is stored twice.
 */
export interface IndicatorTable {
  /** Indicator value (×100 for per-hundred indicators); NaN where it cannot be computed. */
  value: Float64Array;
  /** Numerator after any split (teachers, ㎡, 元, rooms); NaN where unknown. */
  numerator: Float64Array;
  /** Index into STATUS_ORDER: 0 达标, 1 基本达标, 2 未达标, 3 数据有误. */
  status: Uint8Array;
  /** 1 where the numerator is the whole-school facility field (split), 0 for the section's own field. */
  wholeSchool: Uint8Array;
  /** Gap.amount where the status is 基本达标 or 未达标; NaN otherwise. */
  gap: Float64Array;
  /** Why a cell is 数据有误, in Chinese, by cell index. */
  errors: Map<number, string>;
}

/** Mean, SD and CV of one indicator over one group. */
export interface CvStat {
  mean: number | null;
  sd: number | null;
  cv: number | null;
  /** Why there is no CV (fewer than 2 units, zero mean, data errors), in Chinese. */
  reason?: string;
  /** Within the group limit (only meaningful when cv is not null). */
  withinLimit: boolean | null;
  /** Units that entered this indicator's CV (added: units with a data error here are left out). */
  units?: number;
  /** Chinese note, e.g. how many units were left out for data errors (added). */
  note?: string;
}

export type CvRule = "each" | "composite";

export interface GroupBalance {
  section: Section;
  /** Units that entered the CV (included, no data error in the inputs). */
  unitCount: number;
  students: number;
  indicators: Record<IndicatorCode, CvStat>;
  /** 综合差异系数 = mean of the seven CVs; null when any of them is null. */
  composite: number | null;
  limit: number;
  rule: CvRule;
  /** Verdict under the profile's rule; null when it cannot be decided (reason says why). */
  pass: boolean | null;
  /** Verdicts under both rules, whatever the profile says. */
  passEach: boolean | null;
  passComposite: boolean | null;
  reason?: string;
  /** Indicators whose CV exceeds the limit. */
  failing: IndicatorCode[];
}

/** Status of a per-school or county check. */
export type CheckStatus = "met" | "basic" | "unmet" | "error" | "skipped";
/** Status of a county item. */
export type CountyStatus = "met" | "unmet" | "pending" | "skipped";

export interface SchoolChecks {
  school: string;
  schoolIndex: number;
  /**
   * false when the school takes no part in the assessment (特殊教育学校, small 教学点, 参评=否):
   * its checks are then all skipped with the reason, and county items do not count it (added).
   */
  assessed?: boolean;
  /** 203 音乐/美术专用教室. */
  rooms: {
    status: CheckStatus;
    /**
     * Required rooms of each kind: per section (ceil(section classes/12), at least 1 when classes > 0;
     * for the groups' 应配 totals) and for the school (total = ceil(all compulsory classes/12); the verdict).
     */
    required: { primary: number; junior: number; total: number };
    music: number | null;
    art: number | null;
    reason?: string;
  };
  /** 204 办学规模. */
  scale: { status: CheckStatus; students: number | null; limit: number; reason?: string };
  /** 205 班额, per section present at the school. */
  classSize: Partial<Record<Section, { status: CheckStatus; maxClassSize: number | null; reason?: string }>>;
  /** 304 教师培训经费 ≥ 5% 公用经费. */
  trainingFunds: { status: CheckStatus; ratio: number | null; reason?: string };
  /** 303 学校章程. */
  charter: { status: CheckStatus; reason?: string };
}

export type CountyArea = "resources" | "government" | "quality" | "recognition" | "veto";

/** One line of 「评估汇总」: every indicator 101–309, 社会认可度, 一票否决, in report order. */
export interface CountyItemResult {
  /** "101" … "309", "recognition", "veto". */
  code: string;
  /** Name as the national table words it, e.g. "优质高中招生名额分配". */
  name: string;
  area: CountyArea;
  /** Main figure, unrounded (fraction for ratios), or text for qualitative items. */
  value: number | string | null;
  /** Figure as a bureau would print it, e.g. "71.2%" or "2452/3445". */
  display: string;
  /** The requirement in words, e.g. "≥50%，且向农村初中倾斜". */
  requirement: string;
  status: CountyStatus;
  /** Why pending or skipped, in Chinese. */
  reason?: string;
  /** Further figures for the report (e.g. 211 backbone share, 203 应配/实有 totals). */
  details?: Record<string, number | string | boolean | null>;
}

/** Counts of statuses for one indicator (or check) over one group. */
export interface StatusCounts {
  met: number;
  basic: number;
  unmet: number;
  error: number;
  /** Checks not evaluated (column absent) — counted in total (added). */
  skipped?: number;
  total: number;
}

export interface GroupCounts {
  section: Section;
  /** Included units. */
  units: number;
  /** Units passing (达标学校). */
  passing: number;
  indicators: Record<IndicatorCode, StatusCounts>;
  /** 203, 204, 205 counted per unit of the group (a 九年一贯制 school counts in both groups). */
  checks: Record<"203" | "204" | "205", StatusCounts>;
}

export interface Exclusion {
  school: string;
  section: Section | null;
  reason: string;
}

export interface SkippedCheck {
  /** Indicator or check code, e.g. "304". */
  code: string;
  /** Chinese reason, e.g. "缺少「教师培训经费」列". */
  reason: string;
}

export interface OverallVerdict {
  /** true: every area met; false: something blocks; null: pending items keep it open. */
  recognised: boolean | null;
  /** Chinese sentences naming what blocks (or keeps open) recognition, in report order. */
  blockers: string[];
  pending: string[];
}

export interface Assessment {
  profileId: string;
  /** The resolved profile the assessment was judged by (thresholds, limits, options in force). */
  profile: RuleProfile;
  cvRule: CvRule;
  splitFacilities: boolean;
  /** Every section of every school, included or not, in dataset order. */
  units: UnitResult[];
  /** The seven indicator results of every unit (read with unitIndicator / unitStatus). */
  indicators: IndicatorTable;
  exclusions: Exclusion[];
  balance: Record<Section, GroupBalance>;
  schools: SchoolChecks[];
  counts: Record<Section, GroupCounts>;
  /** Every item 101–309, 社会认可度, 一票否决, in report order. */
  items: CountyItemResult[];
  skipped: SkippedCheck[];
  verdict: OverallVerdict;
}

// ---------------------------------------------------------------------------------------------
// Rule profiles (data; the national one is in profiles.ts with the source of every entry)
// ---------------------------------------------------------------------------------------------

export interface IndicatorRule {
  code: IndicatorCode;
  /** Full national name, e.g. "每百名学生拥有县级及以上骨干教师数". */
  name: string;
  /** Short name for narrow columns, e.g. "骨干教师". */
  shortName: string;
  /** Display unit of the value, e.g. "人/百生", "㎡/生", "元/生", "间/百生". */
  unit: string;
  /** Value = numerator ÷ students × 100. */
  per100: boolean;
  /** Thresholds T per group. */
  threshold: Record<Section, number>;
}

export interface RuleProfile {
  id: string;
  /** Chinese title, e.g. "国家标准（教督〔2017〕6号）". */
  name: string;
  indicators: Record<IndicatorCode, IndicatorRule>;
  /** 基本达标 floor as a fraction of T (0.85). */
  basicRatio: number;
  /** Indicators that must be 达标 for a unit to pass (6 of 7). */
  minMetIndicators: number;
  /** Relative tolerance for threshold comparisons (1e-9). */
  tolerance: number;
  cvLimit: Record<Section, number>;
  cvRule: CvRule;
  /** Split whole-school facilities (104–107) by weighted students. */
  splitFacilities: boolean;
  /**
   * Sheets that give 室内体育用房 (statistics exports): take it out of 教学及辅助用房 (104) and count it
   * in 体育运动场馆 (105) (indicators.md §2). Applied by the workbook reader, which builds the numerators.
   */
  indoorSportsTo105: boolean;
  splitWeights: { primary: number; junior: number; senior: number };
  /** 教学点 with fewer students than this are excluded. */
  teachingPointMinStudents: number;
  /** 203: one room of each kind per this many classes, rounded per `roomRounding`. */
  classesPerRoom: number;
  roomRounding: "ceil" | "floor";
  musicRoomMinArea: number;
  artRoomMinArea: number;
  /** 204: compulsory students per school; basic = optional 基本达标 upper limit (null = none). */
  scaleLimit: { default: number; nineYear: number; twelveYear: number };
  scaleBasicLimit: { default: number | null; nineYear: number | null; twelveYear: number | null };
  /** 205: largest class ≤ met; < large → basic; ≥ large → unmet (大班额). */
  classSize: { primary: number; junior: number; large: number };
  /**
   * 205 county verdict: when true, 基本达标 sections (over the limit but no 大班额) do not block
   * the item (some provinces); default false = every section must be 达标 (added, optional).
   */
  classSizeBasicAccepted?: boolean;
  /** County requirements (fractions for ratios). */
  county: {
    specialEdFundsPerStudent: number; // 207, 元
    trainingCompletion: number; // 209
    rotationRate: number; // 211
    rotatedBackboneShare: number; // 211
    certification: number; // 212
    nearbyPrimary: number; // 213
    nearbyJunior: number; // 213
    quotaShare: number; // 214
    migrantShare: number; // 215
    juniorRetention: number; // 301
    disabledEnrolment: number; // 302
    trainingFundsShare: number; // 304
    qualityGapMax: number; // 309, strictly below
    socialRecognition: number;
  };
}

/** A field-by-field override of a profile (the workbook's 「评估标准」 sheet produces one). */
export type ProfileOverride = {
  [K in keyof RuleProfile]?: RuleProfile[K] extends object ? DeepPartial<RuleProfile[K]> : RuleProfile[K];
};
export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };
