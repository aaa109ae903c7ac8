/**
 * Checks across the fields of one school, after its row(s) are read: values in a section the type
 * does not have, missing students, teachers over students, and plausibility bounds that catch unit
 * mistakes no header reveals (106 over 100 000 元 per student, an area over 200 ㎡ per student).
 */
import { sectionsOfType } from "../engine";
import type { SchoolField, SchoolNumericField, SchoolRecord, SchoolType, Section } from "../engine/types";
import { COLUMN_BY_FIELD, SCHOOL_COLUMNS } from "./fields";

/** Teachers above this multiple of the students are taken as a data error (e.g. swapped columns). */
export const TEACHER_STUDENT_FACTOR = 10;
/** Plausibility bounds per student of the whole school (warnings). */
export const MAX_EQUIPMENT_YUAN_PER_STUDENT = 100_000;
export const MAX_AREA_PER_STUDENT = 200;

/** Sections (and 高中) a school type has; null = every column may be used (特殊教育学校). */
export function typeSections(type: SchoolType): readonly (Section | "senior")[] | null {
  if (type === "特殊教育学校") return null;
  const sections = sectionsOfType(type);
  return type === "完全中学" || type === "十二年一贯制学校" ? [...sections, "senior"] : sections;
}

export const SECTION_ZH: Record<Section | "senior", string> = { primary: "小学", junior: "初中", senior: "高中" };
export const STUDENTS: Record<Section | "senior", SchoolNumericField> = { primary: "primaryStudents", junior: "juniorStudents", senior: "seniorStudents" };
const SECTION_TEACHERS: Record<Section, SchoolNumericField[]> = {
  primary: ["primaryQualifiedTeachers", "primaryBackboneTeachers", "primaryPeArtTeachers"],
  junior: ["juniorQualifiedTeachers", "juniorBackboneTeachers", "juniorPeArtTeachers"],
};
export const label = (field: SchoolField | "code"): string => COLUMN_BY_FIELD.get(field)?.header ?? field;

export type IssueFn = (field: SchoolField | null, severity: "error" | "warning", message: string) => void;

/** Checks across the fields of one school (unused sections, missing students, teachers ≫ students …). */
export function checkSchoolConsistency(
  rec: SchoolRecord,
  invalid: Set<SchoolField>,
  issue: IssueFn,
  cellOf: (field: SchoolField) => string | null,
): void {
  const v = rec.values;
  const type = rec.type;
  const sections = type ? typeSections(type) : null;
  if (type && sections) {
    // A value in a section the type does not have: warning, and the value is not used.
    for (const col of SCHOOL_COLUMNS) {
      const f = col.field as SchoolNumericField;
      if (!col.section || sections.includes(col.section) || invalid.has(f)) continue;
      const x = v[f];
      if (x === undefined || x === null || x === 0) continue;
      issue(f, "warning", `${type}没有${SECTION_ZH[col.section]}学段，「${col.header}」的值（${x}）未参与计算`);
      v[f] = null;
    }
    // A section of the type without students forms no unit: say so.
    for (const sec of sections) {
      if (sec === "senior") continue;
      const f = STUDENTS[sec];
      if (f in v && v[f] === null) issue(f, "warning", `未填「${label(f)}」，该校不形成${SECTION_ZH[sec]}监测点`);
    }
  }
  const num = (f: SchoolNumericField): number | null => (invalid.has(f) ? null : v[f] ?? null);
  const studentFields = (["primaryStudents", "juniorStudents", "seniorStudents"] as const).filter((f) => num(f) !== null);
  const students = studentFields.reduce((s, f) => s + (num(f) ?? 0), 0);
  const teachers = num("teachers");
  if (teachers !== null && students > 0) {
    if (teachers > TEACHER_STUDENT_FACTOR * students) {
      issue("teachers", "error", `专任教师数（${teachers}）超过在校生数（${students}）的${TEACHER_STUDENT_FACTOR}倍，可能填错了列，请核对；该校各项指标暂不计算`);
      invalid.add("teachers");
      for (const f of studentFields) invalid.add(f);
    } else if (teachers > students) {
      issue("teachers", "warning", `专任教师数（${teachers}）多于在校生数（${students}），请核对`);
    }
  }
  for (const sec of ["primary", "junior"] as const) {
    const st = num(STUDENTS[sec]);
    if (st === null || st <= 0) continue;
    for (const f of SECTION_TEACHERS[sec]) {
      const t = num(f);
      if (t !== null && t > TEACHER_STUDENT_FACTOR * st) {
        issue(f, "error", `「${label(f)}」（${t}）超过「${label(STUDENTS[sec])}」（${st}）的${TEACHER_STUDENT_FACTOR}倍，可能填错了列，请核对`);
        invalid.add(f);
        invalid.add(STUDENTS[sec]);
      }
    }
    const classes = num(sec === "primary" ? "primaryClasses" : "juniorClasses");
    const max = num(sec === "primary" ? "primaryMaxClassSize" : "juniorMaxClassSize");
    if (classes !== null && max !== null && classes > 0 && st > classes * max) {
      issue(STUDENTS[sec], "warning", `「${label(STUDENTS[sec])}」（${st}）超过班级数×最大班额（${classes}×${max}），请核对`);
    }
  }
  if (teachers !== null && !invalid.has("teachers")) {
    for (const f of ["certifiedTeachers", "trainedTeachers"] as const) {
      const x = num(f);
      if (x !== null && x > teachers) issue(f, "warning", `「${label(f)}」（${x}）多于专任教师数（${teachers}），请核对`);
    }
    // 小学 + 初中专任教师数 (as far as entered) cannot exceed the whole school's.
    const parts = (["primaryTeachers", "juniorTeachers"] as const).filter((f) => num(f) !== null);
    const sum = parts.reduce((s, f) => s + num(f)!, 0);
    if (parts.length && sum > teachers) {
      const cells = [...parts, "teachers" as const].map(cellOf).filter((c): c is string => c !== null).join("、");
      const what = parts.map((f) => `「${label(f)}」（${num(f)}）`).join("与");
      issue(parts[0], "warning", `${what}${parts.length > 1 ? `之和（${sum}）` : ""}多于「专任教师数」（${teachers}）（${cells}），请核对`);
    }
  }
}

/** Values far out of any real range (a unit read wrongly): warnings on the fields concerned. */
export function checkPlausibility(rec: SchoolRecord, invalid: ReadonlySet<SchoolField>, issue: IssueFn): void {
  const v = rec.values;
  const num = (f: SchoolNumericField): number => (invalid.has(f) ? 0 : v[f] ?? 0);
  const students = num("primaryStudents") + num("juniorStudents") + num("seniorStudents");
  if (!(students > 0)) return;
  const equipment = ["equipmentValue", "primaryEquipmentValue", "juniorEquipmentValue"] as const;
  for (const f of equipment) {
    const x = invalid.has(f) ? null : v[f];
    if (x == null) continue;
    const st = f === "equipmentValue" ? students : num(f === "primaryEquipmentValue" ? "primaryStudents" : "juniorStudents");
    const perStudent = st > 0 ? (x * 10_000) / st : 0;
    if (perStudent > MAX_EQUIPMENT_YUAN_PER_STUDENT) {
      issue(f, "warning", `生均教学仪器设备值为${Math.round(perStudent)}元（「${label(f)}」${x}万元÷${st}人），超过${MAX_EQUIPMENT_YUAN_PER_STUDENT}元，远超常见范围，请核对单位是否为万元`);
    }
  }
  const areas = ["teachingArea", "sportsArea", "primaryTeachingArea", "juniorTeachingArea", "primarySportsArea", "juniorSportsArea"] as const;
  for (const f of areas) {
    const x = invalid.has(f) ? null : v[f];
    if (x == null) continue;
    const st = f.startsWith("primary") ? num("primaryStudents") : f.startsWith("junior") ? num("juniorStudents") : students;
    if (st > 0 && x / st > MAX_AREA_PER_STUDENT) {
      issue(f, "warning", `「${label(f)}」生均${Math.round(x / st)}平方米（${x}÷${st}），超过${MAX_AREA_PER_STUDENT}平方米，远超常见范围，请核对单位和数值`);
    }
  }
}
