/**
 * 资源配置 per school section (监测点): which sections a school gives, whether each is included,
 * the weighted split of whole-school facilities, the seven indicator values, statuses and gaps
 * (indicators.md §1, §2).
 */
import { ceilTo, reaches } from "./math";
import { SCHOOL_FIELD_LABEL } from "./profiles";
import { INDICATOR_CODES, SECTION_LABEL } from "./types";
import type {
  Gap,
  IndicatorCode,
  IndicatorTable,
  RuleProfile,
  SchoolField,
  SchoolNumericField,
  SchoolRecord,
  SchoolType,
  Section,
  Status,
  UnitResult,
} from "./types";

/** Section-specific school fields. */
export const SECTION_FIELDS: Record<
  Section,
  {
    students: SchoolNumericField;
    classes: SchoolNumericField;
    maxClassSize: SchoolNumericField;
    /** Numerator field per indicator when entered per section (101–103 always; 104–107 optional columns). */
    numerator: Record<IndicatorCode, SchoolNumericField>;
  }
> = {
  primary: {
    students: "primaryStudents",
    classes: "primaryClasses",
    maxClassSize: "primaryMaxClassSize",
    numerator: {
      "101": "primaryQualifiedTeachers",
      "102": "primaryBackboneTeachers",
      "103": "primaryPeArtTeachers",
      "104": "primaryTeachingArea",
      "105": "primarySportsArea",
      "106": "primaryEquipmentValue",
      "107": "primaryMultimediaRooms",
    },
  },
  junior: {
    students: "juniorStudents",
    classes: "juniorClasses",
    maxClassSize: "juniorMaxClassSize",
    numerator: {
      "101": "juniorQualifiedTeachers",
      "102": "juniorBackboneTeachers",
      "103": "juniorPeArtTeachers",
      "104": "juniorTeachingArea",
      "105": "juniorSportsArea",
      "106": "juniorEquipmentValue",
      "107": "juniorMultimediaRooms",
    },
  },
};

/** Whole-school facility fields of 104–107, split between sections (indicators.md §2.1). */
export const WHOLE_SCHOOL_FACILITY: Partial<Record<IndicatorCode, SchoolNumericField>> = {
  "104": "teachingArea",
  "105": "sportsArea",
  "106": "equipmentValue",
  "107": "multimediaRooms",
};

/** What a gap adds, per indicator (indicators.md §2.4). */
export interface GapSpec {
  what: string;
  unit: Gap["unit"];
  decimals: number;
  /** Smallest amount: 10^−decimals. */
  step: number;
  scale: number;
}
const GAP_SPEC: Record<IndicatorCode, GapSpec> = {
  "101": { what: "高于规定学历教师", unit: "人", decimals: 0, step: 1, scale: 1 },
  "102": { what: "骨干教师", unit: "人", decimals: 0, step: 1, scale: 1 },
  "103": { what: "体育艺术专任教师", unit: "人", decimals: 0, step: 1, scale: 1 },
  "104": { what: "教学及辅助用房", unit: "㎡", decimals: 1, step: 0.1, scale: 1 },
  "105": { what: "体育运动场馆", unit: "㎡", decimals: 1, step: 0.1, scale: 1 },
  "106": { what: "教学仪器设备", unit: "万元", decimals: 2, step: 0.01, scale: 1 / 10000 },
  "107": { what: "网络多媒体教室", unit: "间", decimals: 0, step: 1, scale: 1 },
};

/**
 * How amounts of one indicator are counted (the gap's unit and step): for 整改测算 (plan.ts), which
 * rounds further additions the way gaps are rounded.
 */
export function gapUnitOf(code: IndicatorCode): Readonly<GapSpec> {
  return GAP_SPEC[code];
}

/** Equipment is entered in 万元 and compared in 元 per student. */
const EQUIPMENT_TO_YUAN = 10000;

/** Compulsory sections a school type gives (before looking at students). */
export function sectionsOfType(type: SchoolType): readonly Section[] {
  switch (type) {
    case "小学":
    case "教学点":
      return ONLY_PRIMARY;
    case "初中":
    case "完全中学":
      return ONLY_JUNIOR;
    case "九年一贯制学校":
    case "十二年一贯制学校":
      return BOTH_SECTIONS;
    case "特殊教育学校":
      return NO_SECTIONS;
  }
}

/** The shared list of the sections present: [], [小学], [初中] or [小学, 初中]. */
export function sectionList(primary: boolean, junior: boolean): readonly Section[] {
  return primary ? (junior ? BOTH_SECTIONS : ONLY_PRIMARY) : junior ? ONLY_JUNIOR : NO_SECTIONS;
}

/** Shared, read-only section lists (sectionsOf runs for every school). */
const ONLY_PRIMARY: readonly Section[] = Object.freeze(["primary"]);
const ONLY_JUNIOR: readonly Section[] = Object.freeze(["junior"]);
const BOTH_SECTIONS: readonly Section[] = Object.freeze(["primary", "junior"]);
const NO_SECTIONS: readonly Section[] = Object.freeze([]);

/**
 * Sections listed for a school: those of its type; for a 特殊教育学校 or an unrecognised type,
 * the sections with students entered (at least 小学 so the school is still listed).
 */
export function sectionsOf(school: SchoolRecord): readonly Section[] {
  if (school.type !== null && school.type !== "特殊教育学校") return sectionsOfType(school.type);
  const out: Section[] = [];
  if ((school.values.primaryStudents ?? 0) > 0) out.push("primary");
  if ((school.values.juniorStudents ?? 0) > 0) out.push("junior");
  return out.length > 0 ? out : ["primary"];
}

/** Why a field cannot be used: its column is absent or its cell holds bad input. */
export function fieldProblem(school: SchoolRecord, field: SchoolField, absent: ReadonlySet<SchoolField>): string | null {
  if (absent.size > 0 && absent.has(field)) return `缺少「${SCHOOL_FIELD_LABEL[field]}」列`;
  if (school.invalid !== undefined && school.invalid.length > 0 && school.invalid.includes(field)) {
    return `「${SCHOOL_FIELD_LABEL[field]}」数据有误`;
  }
  return null;
}

/**
 * Share of the whole-school facilities that goes to `section` (indicators.md §2.1), or a Chinese
 * reason when a student count it needs is unusable. Weights 1 / 1.1 / 1.32 when splitting is on;
 * when off, plain students (choice: the split switch only turns the weighting off).
 */
export function shareOf(
  school: SchoolRecord,
  section: Section,
  profile: RuleProfile,
  absent: ReadonlySet<SchoolField>,
): { share: number; problem: string | null } {
  const type = school.type;
  const fields = type === null ? undefined : SPLIT_FIELDS[type];
  if (fields === undefined) return SINGLE_SECTION;
  for (const f of fields) {
    const p = fieldProblem(school, f, absent);
    if (p !== null && !(f === "seniorStudents" && absent.has(f))) return { share: 0, problem: `${p}，无法拆分设施` };
  }
  const split = profile.splitFacilities;
  const w = profile.splitWeights;
  const v = school.values;
  const a = type === "完全中学" ? 0 : (v.primaryStudents ?? 0) * (split ? w.primary : 1);
  const b = (v.juniorStudents ?? 0) * (split ? w.junior : 1);
  const c = type === "九年一贯制学校" ? 0 : (v.seniorStudents ?? 0) * (split ? w.senior : 1);
  const total = a + b + c;
  if (!(total > 0)) return NO_SHARE;
  return { share: (section === "primary" ? a : b) / total, problem: null };
}

/** Student counts that the facilities of a multi-section school are split by (indicators.md §2.1). */
const SPLIT_FIELDS: Partial<Record<SchoolType, readonly SchoolNumericField[]>> = {
  九年一贯制学校: ["primaryStudents", "juniorStudents"],
  十二年一贯制学校: ["primaryStudents", "juniorStudents", "seniorStudents"],
  完全中学: ["juniorStudents", "seniorStudents"],
};
const SINGLE_SECTION = Object.freeze({ share: 1, problem: null });
const NO_SHARE = Object.freeze({ share: 0, problem: null });

/** 达标 / 基本达标 / 未达标 of a value against T (indicators.md §2.2). */
export function statusOf(value: number, threshold: number, profile: RuleProfile): Status {
  if (reaches(value, threshold, profile.tolerance)) return "met";
  if (reaches(value, threshold * profile.basicRatio, profile.tolerance)) return "basic";
  return "unmet";
}

/**
 * The smallest whole amount that brings the unit to T (indicators.md §2.4): whole persons/rooms,
 * ㎡ to 1 decimal, 万元 to 2 decimals, rounded up. `numerator` is in the unit of the value's
 * numerator (元 for 106); the amount is in the gap's unit (万元 for 106).
 */
export function gapAmount(code: IndicatorCode, numerator: number, students: number, threshold: number, per100: boolean): number {
  return amountOf(GAP_SPEC[code], numerator, students, threshold, per100);
}

function amountOf(spec: GapSpec, numerator: number, students: number, threshold: number, per100: boolean): number {
  const needed = (threshold * students) / (per100 ? 100 : 1);
  const amount = ceilTo((needed - numerator) * spec.scale, spec.decimals);
  return amount >= spec.step ? amount : spec.step;
}

/** A gap amount in words: what to add, how much, in which unit. */
export function gapFor(code: IndicatorCode, amount: number): Gap {
  const spec = GAP_SPEC[code];
  // amount is already rounded to `decimals`; toFixed only pads (16.6 → "16.60").
  return { amount, unit: spec.unit, what: spec.what, text: `需增加${spec.what} ${amount.toFixed(spec.decimals)} ${spec.unit}` };
}

/** gapAmount in words (see gapFor). */
export function gapOf(code: IndicatorCode, numerator: number, students: number, threshold: number, per100: boolean): Gap {
  return gapFor(code, gapAmount(code, numerator, students, threshold, per100));
}

/** Inclusion of one section (indicators.md §1): null when included, else the Chinese reason. */
function exclusionReason(school: SchoolRecord, section: Section, students: number, studentsKnown: boolean, profile: RuleProfile): string | null {
  if (studentsKnown && !(students > 0)) return `无${SECTION_LABEL[section]}在校生`;
  if (school.participate === false) return "参评=否";
  if (school.participate === true) return null;
  if (school.type === "特殊教育学校") return "特殊教育学校，不参与资源配置评估";
  if (school.type === "教学点" && studentsKnown && students < profile.teachingPointMinStudents) {
    return `教学点在校生不足${profile.teachingPointMinStudents}人`;
  }
  return null;
}

/**
 * Every section of one school as a unit result, appended to `units`; each unit's indicator cells are
 * written into `table` at its row (its index in `units`). Returns how many units were added.
 */
export function addSchoolUnits(
  units: UnitResult[],
  school: SchoolRecord,
  schoolIndex: number,
  profile: RuleProfile,
  absent: ReadonlySet<SchoolField>,
  table: IndicatorTable,
): number {
  const sections = sectionsOf(school);
  for (let k = 0; k < sections.length; k++) units.push(assessUnit(school, schoolIndex, sections[k], profile, absent, table, units.length));
  return sections.length;
}

/** A table for `rows` units, to be filled by assessUnit (one row per unit). */
export function indicatorTable(rows: number): IndicatorTable {
  const cells = rows * INDICATOR_CODES.length;
  return {
    // Every cell of every column is written by indicatorAt (NaN where there is nothing).
    value: new Float64Array(cells),
    numerator: new Float64Array(cells),
    status: new Uint8Array(cells),
    wholeSchool: new Uint8Array(cells),
    gap: new Float64Array(cells),
    errors: new Map(),
  };
}

/** Indicators per unit (the table's row width), read once. */
const WIDTH = INDICATOR_CODES.length;

/** Counts of statuses while a unit is assessed (reused; assessment is single-threaded). */
const tally = { met: 0, basic: 0, unmet: 0, error: 0 };

/** Status codes of IndicatorTable.status (STATUS_ORDER). */
const MET = 0;
const BASIC = 1;
const UNMET = 2;
const ERROR = 3;

/** What one indicator needs at one kind of section, resolved once per profile (hot path). */
interface IndicatorPlan {
  code: IndicatorCode;
  per100: boolean;
  threshold: number;
  /** threshold·(1 − tol) and basicRatio·threshold·(1 − tol): the two cut-offs of statusOf. */
  metFrom: number;
  basicFrom: number;
  ownField: SchoolNumericField;
  wholeField: SchoolNumericField | undefined;
  /** 106: 万元 entered, 元 compared. */
  toYuan: boolean;
  gap: GapSpec;
}

const plans = new WeakMap<RuleProfile, Record<Section, IndicatorPlan[]>>();


function planFor(profile: RuleProfile): Record<Section, IndicatorPlan[]> {
  let p = plans.get(profile);
  if (p === undefined) {
    const build = (section: Section): IndicatorPlan[] =>
      INDICATOR_CODES.map((code) => {
        const rule = profile.indicators[code];
        const threshold = rule.threshold[section];
        const basic = threshold * profile.basicRatio;
        return {
          code,
          per100: rule.per100,
          threshold,
          // Same cut-offs as reaches(): value ≥ limit − |limit|·tolerance.
          metFrom: threshold - Math.abs(threshold) * profile.tolerance,
          basicFrom: basic - Math.abs(basic) * profile.tolerance,
          ownField: SECTION_FIELDS[section].numerator[code],
          wholeField: WHOLE_SCHOOL_FACILITY[code],
          toYuan: code === "106",
          gap: GAP_SPEC[code],
        };
      });
    p = { primary: build("primary"), junior: build("junior") };
    plans.set(profile, p);
  }
  return p;
}

/** One indicator at one unit, written into table cell `cell`: value, status, gap, or the reason it cannot be computed. */
function indicatorAt(
  plan: IndicatorPlan,
  school: SchoolRecord,
  students: number,
  share: number,
  shareProblem: string | null,
  unitError: string | null,
  absent: ReadonlySet<SchoolField>,
  table: IndicatorTable,
  cell: number,
): void {
  let field = plan.ownField;
  // NaN, not null, for "unknown": a number-only variable stays an unboxed double in optimised code.
  let numerator = NaN;
  let problem: string | null = unitError;
  if (problem === null) {
    const whole = plan.wholeField;
    const own = school.values[field];
    const ownProblem = fieldProblem(school, field, absent);
    if (whole === undefined || (own !== null && own !== undefined) || (ownProblem !== null && !absent.has(field))) {
      // Teacher counts, or a section-specific facility figure used as entered.
      problem = ownProblem;
      if (problem === null && typeof own === "number") numerator = own;
    } else {
      field = whole;
      table.wholeSchool[cell] = 1;
      problem = fieldProblem(school, whole, absent) ?? shareProblem;
      const raw = school.values[whole];
      if (problem === null && typeof raw === "number") numerator = raw * share;
    }
    if (problem === null && numerator !== numerator) problem = `「${SCHOOL_FIELD_LABEL[field]}」未填写`;
    if (plan.toYuan) numerator *= EQUIPMENT_TO_YUAN;
  }
  table.numerator[cell] = numerator;
  if (problem !== null) {
    tally.error++;
    table.value[cell] = NaN;
    table.gap[cell] = NaN;
    table.status[cell] = ERROR;
    table.errors.set(cell, problem);
    return;
  }
  const value = plan.per100 ? (numerator / students) * 100 : numerator / students;
  table.value[cell] = value;
  // statusOf(), with the cut-offs precomputed.
  if (value >= plan.metFrom) {
    tally.met++;
    table.status[cell] = MET;
    table.gap[cell] = NaN;
  } else {
    if (value >= plan.basicFrom) {
      tally.basic++;
      table.status[cell] = BASIC;
    } else {
      tally.unmet++;
      table.status[cell] = UNMET;
    }
    table.gap[cell] = amountOf(plan.gap, numerator, students, plan.threshold, plan.per100);
  }
}

function assessUnit(
  school: SchoolRecord,
  schoolIndex: number,
  section: Section,
  profile: RuleProfile,
  absent: ReadonlySet<SchoolField>,
  table: IndicatorTable,
  row: number,
): UnitResult {
  const sf = SECTION_FIELDS[section];
  const studentsProblem = fieldProblem(school, sf.students, absent);
  const rawStudents = school.values[sf.students];
  const students = studentsProblem === null && typeof rawStudents === "number" ? rawStudents : 0;
  const excludedReason = exclusionReason(school, section, students, studentsProblem === null, profile);
  // A reason that makes every indicator unusable at this unit.
  let unitError: string | null = null;
  if (school.type === null) unitError = "学校类型无法识别";
  else if (studentsProblem !== null) unitError = studentsProblem;
  else if (!(students > 0)) unitError = `无${SECTION_LABEL[section]}在校生`;
  let share = 0;
  let shareProblem: string | null = null;
  if (unitError === null) {
    const s = shareOf(school, section, profile, absent);
    share = s.share;
    shareProblem = s.problem;
  }

  tally.met = tally.basic = tally.unmet = tally.error = 0;
  const plan = planFor(profile)[section];
  const base = row * WIDTH;
  for (let k = 0; k < plan.length; k++) indicatorAt(plan[k], school, students, share, shareProblem, unitError, absent, table, base + k);
  const { met, basic, unmet, error } = tally;
  return {
    row,
    school: school.name,
    schoolIndex,
    schoolType: school.type,
    section,
    included: excludedReason === null,
    excludedReason: excludedReason ?? undefined,
    students,
    facilityShare: share,
    metCount: met,
    basicCount: basic,
    unmetCount: unmet,
    errorCount: error,
    pass: error === 0 && unmet === 0 && met >= profile.minMetIndicators,
  };
}
