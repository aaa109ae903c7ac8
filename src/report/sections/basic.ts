/**
 * 一、基本情况: schools by type and section, 专任教师 by section, in the seed's words
 * (「綦江区现有义务教育学校94所，包括普通小学69所（公办单设小学61所、…）…」).
 */
import type { Assessment, SchoolRecord, Section, UnitResult } from "../../engine/types";
import { SECTION_LABEL } from "../../engine/types";
import type { ReadResult } from "../../workbook/contract";
import { heading, placeholder, toolNote, type ParagraphBlock, type ReportBlock } from "../outline";
import { nameList, type ReportContext } from "./words";

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

export function basicSituation({ a, read, w }: ReportContext): ReportBlock[] {
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
        ? [toolNote(`${nameList(f.estimatedSchools)}的小学、初中专任教师数未分学段填写或与专任教师数不符，系按高于规定学历教师数比例估算，请核实`)]
        : []),
      { text: "。" },
    ],
  };
  return [heading(1, "一、基本情况"), p];
}
