/**
 * Builds examples/sample-county.xlsx: a SYNTHETIC county workbook modelled on the 綦江区 self-evaluation
 * report (shared/seed/qijiang-self-evaluation-report.txt). Deterministic (seeded PRNG): running it
 * twice gives the same workbook values.
 *
 *   npx tsx scripts/make-sample.ts [OUT.xlsx [EXPORT.xlsx]]
 *
 * It also writes examples/sample-county-export.xlsx: the same schools in the layout of a flat
 * 教育事业统计 export (scripts/lib/export-layout.ts), to show and test reading that layout.
 *
 * What it reproduces (checked at the end of the run with the engine, and again in
 * test/workbook-read/sample.test.ts):
 * - 92 schools: 61 单设小学, 1 民办小学, 4 教学点 of 50+ students, 3 九年一贯制, 16 单设初中,
 *   6 完全中学, 1 特殊教育学校 → 69 小学 units + 25 初中 units, 1 exclusion (特教);
 * - 5 060 专任教师 (小学 3 086, 初中 1 945, 特教 29), with 小学/初中专任教师数 filled for the
 *   九年一贯制 schools (and 初中专任教师数 for the 完全中学) so the report's split is exact;
 * - 106: 小学 56 达标 + 13 基本达标, 初中 19 + 6; every other indicator 达标 at every unit;
 * - composite CVs tuned (bisection on one spread factor per group) to 0.24 (小学) and 0.31 (初中);
 * - 203: 应配 小学 106 / 初中 45, 实有 音乐 90/43, 美术 94/44 → 未达标 (the report says 达标; it is not);
 * - 204: 小学 66 达标 + 3 基本达标, 初中 21 + 4 — under the sample's 「评估标准」, which adds a
 *   基本达标 band (≤2500 人; 九年一贯制/十二年一贯制 ≤3000 人) that the national profile does not have;
 * - 205: 小学 46 + 23, 初中 18 + 7, no class of 56 or more;
 * - 304: 384.35 / 5149.21 万元 = 7.46%, every school ≥ 5%;
 * - county figures of the report (211, 214, 215, 302, 309 待监测, 社会认可度 调查中, vetoes 否).
 */
import { writeFileSync } from "fs";
import * as path from "path";
import { assess } from "../src/engine";
import { NATIONAL_2017, resolveProfile } from "../src/engine/profiles";
import type { IndicatorCode, RuleProfile, SchoolRecord, SchoolType, Section } from "../src/engine/types";
import { XlsxHost } from "../src/hosts/xlsx";
import { COUNTY_ROWS } from "../src/workbook/county";
import type { CellValue, WritePlan } from "../src/workbook/plan";
import { COUNTY_TEMPLATE, SCHOOL_TEMPLATE, TEMPLATE_COLUMNS, templatePlan } from "../src/workbook/template";
import { mulberry32 } from "./lib/prng";
import { exportPlan } from "./lib/export-layout";

// ---------------------------------------------------------------------------------------------
// Deterministic randomness
// ---------------------------------------------------------------------------------------------

const rnd = mulberry32(20241129);
const between = (lo: number, hi: number) => lo + (hi - lo) * rnd();
const intBetween = (lo: number, hi: number) => Math.floor(between(lo, hi + 1));
const ceilTo = (x: number, d: number) => Math.ceil(x * 10 ** d - 1e-9) / 10 ** d;
const round2 = (x: number) => Math.round(x * 100) / 100;

// ---------------------------------------------------------------------------------------------
// The sample profile: national, plus a 204 基本达标 band so that the report's 204 counts exist
// ---------------------------------------------------------------------------------------------

export const SAMPLE_PROFILE: RuleProfile = resolveProfile(NATIONAL_2017, {
  name: "国家标准（教督〔2017〕6号），办学规模另设基本达标区间（示例）",
  scaleBasicLimit: { default: 2500, nineYear: 3000, twelveYear: 3000 },
});

// ---------------------------------------------------------------------------------------------
// Units (school sections) and schools
// ---------------------------------------------------------------------------------------------

interface Unit {
  section: Section;
  /** Rooms required for this section (ceil(classes/12)), fixing the class count range. */
  rooms: number;
  classes: number;
  students: number;
  maxClass: number;
  /** 106 基本达标 at this unit. */
  basic106: boolean;
  /** Spread draws per indicator (fixed once; the spread factor is tuned). */
  u: Record<IndicatorCode, number>;
  /** 106 multiplier for a 基本达标 unit. */
  m106basic: number;
}

interface School {
  name: string;
  type: SchoolType;
  ownership: "公办" | "民办";
  urbanRural: "城区" | "镇区" | "乡村";
  units: Partial<Record<Section, Unit>>;
  seniorStudents: number | null;
  /** 203 shortfalls. */
  musicShort: number;
  artShort: number;
  /** Fixed draws for teachers and funds. */
  teacherDraw: number;
  fundsDraw: number;
  trainingDraw: number;
}

const CODES: IndicatorCode[] = ["101", "102", "103", "104", "105", "106", "107"];

const PLACES = [
  "青山", "白云", "翠竹", "松林", "桃源", "清溪", "石桥", "红岩", "金沙", "银杏", "梅岭", "柳湾", "龙泉", "凤鸣", "长岭", "双河",
  "新华", "育才", "光明", "和平", "阳光", "晨曦", "星火", "朝阳", "文峰", "书院", "南岸", "北城", "东坝", "西岭", "竹林", "枫香",
  "杏花", "荷塘", "兰亭", "明月", "云台", "雁湖", "鹤鸣", "麒麟", "卧龙", "玉屏", "锦屏", "丹桂", "映山", "天星", "望江", "沙坪",
  "黄桷", "青杠", "槐树", "樟木", "杉木", "茶园", "果园", "花溪", "水口", "新街", "老街", "高坪", "大坪", "中坝", "下坝", "上场",
  "新田", "石板", "土桥", "板桥", "金竹", "龙井", "清泉", "观音", "平滩", "三元", "五福", "六合", "七星", "九龙", "万寿", "百花",
  "红星", "红旗", "向阳", "东风", "春晖", "秋实", "启明", "博雅", "求实", "致远", "德馨", "崇文", "尚德", "弘毅", "笃行", "明德",
];
let placeIndex = 0;
function nextPlace(): string {
  if (placeIndex >= PLACES.length) throw new Error("示例校名不够用：请在 PLACES 中增加名称");
  return PLACES[placeIndex++];
}

/** Students, classes and the largest class of one unit, for a class range and a 205 status. */
function makeUnit(section: Section, rooms: number, opts: { basic205: boolean; minStudents?: number; maxStudents?: number; teachingPoint?: boolean }): Unit {
  const lo = (rooms - 1) * 12 + 1;
  const hi = rooms * 12;
  let classes: number;
  let students: number;
  let maxClass: number;
  const limit = section === "primary" ? 45 : 50;
  if (opts.teachingPoint) {
    classes = intBetween(4, 6);
    students = intBetween(opts.minStudents ?? 50, opts.maxStudents ?? 99);
    maxClass = Math.ceil(students / classes) + intBetween(2, 6);
  } else {
    // Big schools for 204 (≥ minStudents) need nearly 4 × 12 classes of more than 45.
    classes = opts.minStudents ? intBetween(hi - 2, hi) : intBetween(Math.max(lo, rooms === 1 ? 6 : lo), hi);
    maxClass = opts.basic205 ? intBetween(limit + 1, 55) : intBetween(limit - 7, limit);
    const avg = maxClass - between(1.5, 6);
    students = Math.round(classes * avg);
    if (opts.minStudents && students < opts.minStudents) {
      students = Math.min(opts.minStudents + intBetween(0, 200), classes * (maxClass - 1));
    }
  }
  const u = {} as Record<IndicatorCode, number>;
  for (const c of CODES) u[c] = rnd();
  return { section, rooms, classes, students, maxClass, basic106: false, u, m106basic: between(0.87, 0.97) };
}

function school(name: string, type: SchoolType, units: Partial<Record<Section, Unit>>, extra: Partial<School> = {}): School {
  return {
    name, type, ownership: "公办", urbanRural: "镇区", units, seniorStudents: null, musicShort: 0, artShort: 0,
    teacherDraw: rnd(), fundsDraw: rnd(), trainingDraw: rnd(), ...extra,
  };
}

function buildSchools(): School[] {
  const schools: School[] = [];
  // 小学 units by rooms required: 44 × 1, 16 × 2, 6 × 3, 3 × 4 → 44 + 32 + 18 + 12 = 106 应配.
  // 205 基本达标 (23): the 3 four-room, the 6 three-room and 14 of the two-room units.
  // 204 基本达标 (3): the 3 four-room 单设小学 (2 000–2 300 students).
  const urban = (i: number): School["urbanRural"] => (i % 3 === 0 ? "城区" : i % 3 === 1 ? "镇区" : "乡村");
  let n = 0;
  for (let i = 0; i < 3; i++) schools.push(school(`${nextPlace()}实验小学`, "小学", { primary: makeUnit("primary", 4, { basic205: true, minStudents: 2050 }) }, { urbanRural: "城区" }));
  for (let i = 0; i < 6; i++) schools.push(school(`${nextPlace()}小学`, "小学", { primary: makeUnit("primary", 3, { basic205: true }) }, { urbanRural: "城区" }));
  for (let i = 0; i < 15; i++) schools.push(school(`${nextPlace()}小学`, "小学", { primary: makeUnit("primary", 2, { basic205: i < 14 }) }, { urbanRural: urban(n++) }));
  // 37 one-room 单设小学; 16 of them lack a 音乐 room, the first 12 of those also lack a 美术 room.
  for (let i = 0; i < 37; i++) {
    schools.push(
      school(`${nextPlace()}小学`, "小学", { primary: makeUnit("primary", 1, { basic205: false }) }, {
        urbanRural: urban(n++), musicShort: i < 16 ? 1 : 0, artShort: i < 12 ? 1 : 0,
      }),
    );
  }
  // 1 民办小学 (two rooms), 4 教学点 of 50–99 students.
  schools.push(school(`${nextPlace()}外国语小学（民办）`, "小学", { primary: makeUnit("primary", 2, { basic205: false }) }, { ownership: "民办", urbanRural: "城区" }));
  for (let i = 0; i < 4; i++) schools.push(school(`${nextPlace()}村教学点`, "教学点", { primary: makeUnit("primary", 1, { basic205: false, teachingPoint: true }) }, { urbanRural: "乡村" }));
  // 3 九年一贯制: one-room 小学部 and 初中部.
  for (let i = 0; i < 3; i++) {
    schools.push(
      school(`${nextPlace()}学校`, "九年一贯制学校", {
        primary: makeUnit("primary", 1, { basic205: false }),
        junior: makeUnit("junior", 1, { basic205: false }),
      }),
    );
  }
  // 初中 units by rooms: 16 × 1 (13 单设 + 3 九年一贯制), 2 × 2, 3 × 3, 4 × 4 → 16 + 4 + 9 + 16 = 45 应配.
  // 205 基本达标 (7): the 4 four-room and the 3 three-room units. 204 基本达标 (4): the four-room ones.
  for (let i = 0; i < 2; i++) schools.push(school(`${nextPlace()}中学`, "初中", { junior: makeUnit("junior", 4, { basic205: true, minStudents: 2050 }) }, { urbanRural: "城区" }));
  schools.push(school(`${nextPlace()}中学`, "初中", { junior: makeUnit("junior", 3, { basic205: true }) }, { urbanRural: "城区" }));
  // 13 one-room 单设初中; two lack a 音乐 room, the first of them also a 美术 room.
  for (let i = 0; i < 13; i++) {
    schools.push(school(`${nextPlace()}初级中学`, "初中", { junior: makeUnit("junior", 1, { basic205: false }) }, { urbanRural: urban(n++), musicShort: i < 2 ? 1 : 0, artShort: i < 1 ? 1 : 0 }));
  }
  // 6 完全中学 (初中部 units): 2 × 4 rooms, 2 × 3, 2 × 2.
  for (const rooms of [4, 4, 3, 3, 2, 2]) {
    schools.push(
      school(`${nextPlace()}中学（完全中学）`, "完全中学", { junior: makeUnit("junior", rooms, { basic205: rooms >= 3, minStudents: rooms === 4 ? 2050 : undefined }) }, {
        urbanRural: "城区", seniorStudents: intBetween(1200, 2400),
      }),
    );
  }
  schools.push(school("綦江区特殊教育学校（示例）", "特殊教育学校", {}, { urbanRural: "城区" }));

  // 106 基本达标: 13 小学 units and 6 初中 units among the single-section schools, spread over sizes.
  const pickBasic = (section: Section, count: number) => {
    const pool = schools.filter((s) => s.type !== "九年一贯制学校" && s.units[section]);
    for (let k = 0; k < count; k++) pool[Math.floor(((k + 0.5) * pool.length) / count)].units[section]!.basic106 = true;
  };
  pickBasic("primary", 13);
  pickBasic("junior", 6);
  return schools;
}

// ---------------------------------------------------------------------------------------------
// Values from spreads; tuned to the report's composite CVs
// ---------------------------------------------------------------------------------------------

/** Relative spread of each indicator (facilities vary more than staffing in a real county). */
const SPREAD: Record<Section, Record<IndicatorCode, number>> = {
  primary: { "101": 0.6, "102": 1.1, "103": 0.9, "104": 0.9, "105": 1.5, "106": 1.2, "107": 0.8 },
  junior: { "101": 0.6, "102": 1.2, "103": 1.1, "104": 1.4, "105": 1.5, "106": 0.9, "107": 1.4 },
};
const TEACHERS = { primary: 3086, junior: 1945, special: 29 };

/** Multiplier of the threshold for one unit and indicator. */
function multiplier(unit: Unit, code: IndicatorCode, k: number): number {
  if (code === "106" && unit.basic106) return unit.m106basic;
  return 1.02 + k * SPREAD[unit.section][code] * unit.u[code] ** 1.3;
}

function toRecords(schools: School[], k: Record<Section, number>, profile: RuleProfile): SchoolRecord[] {
  const T = (code: IndicatorCode, s: Section) => profile.indicators[code].threshold[s];
  const w = profile.splitWeights;
  const recs: SchoolRecord[] = schools.map((s) => {
    const v: SchoolRecord["values"] = {};
    const p = s.units.primary;
    const j = s.units.junior;
    if (p) Object.assign(v, { primaryStudents: p.students, primaryClasses: p.classes, primaryMaxClassSize: p.maxClass });
    if (j) Object.assign(v, { juniorStudents: j.students, juniorClasses: j.classes, juniorMaxClassSize: j.maxClass });
    if (s.seniorStudents !== null) v.seniorStudents = s.seniorStudents;
    for (const [sec, u] of [["primary", p], ["junior", j]] as const) {
      if (!u) continue;
      const need = (code: IndicatorCode) => Math.ceil((T(code, sec) * multiplier(u, code, k[sec]) * u.students) / 100 - 1e-9);
      v[sec === "primary" ? "primaryQualifiedTeachers" : "juniorQualifiedTeachers"] = need("101");
      v[sec === "primary" ? "primaryBackboneTeachers" : "juniorBackboneTeachers"] = need("102");
      v[sec === "primary" ? "primaryPeArtTeachers" : "juniorPeArtTeachers"] = need("103");
    }
    // Whole-school facilities: the smallest amount that gives every section its target after the
    // weighted split (indicators.md §2.1), rounded up.
    const weighted = (p?.students ?? 0) * w.primary + (j?.students ?? 0) * w.junior + (s.seniorStudents ?? 0) * w.senior;
    const facility = (code: IndicatorCode, scale: number, decimals: number): number | null => {
      let x = 0;
      for (const [sec, u] of [["primary", p], ["junior", j]] as const) {
        if (!u) continue;
        const perStudent = (T(code, sec) * multiplier(u, code, k[sec])) / (profile.indicators[code].per100 ? 100 : 1);
        x = Math.max(x, (perStudent * weighted) / w[sec]);
      }
      return x > 0 ? ceilTo(x / scale, decimals) : null;
    };
    if (p || j) {
      v.teachingArea = facility("104", 1, 0);
      v.sportsArea = facility("105", 1, 0);
      v.equipmentValue = facility("106", 10000, 2);
      v.multimediaRooms = facility("107", 1, 0);
      // A 基本达标 106 must stay below T after rounding up by at most 0.01 万元: round down instead.
      const u106 = p?.basic106 ? p : j?.basic106 ? j : null;
      if (u106) v.equipmentValue = Math.floor(((T("106", u106.section) * u106.m106basic * weighted) / w[u106.section] / 10000) * 100) / 100;
      const req = (p ? Math.ceil(p.classes / 12) : 0) + (j ? Math.ceil(j.classes / 12) : 0);
      v.musicRooms = req - s.musicShort;
      v.artRooms = req - s.artShort;
    }
    return {
      name: s.name, type: s.type, ownership: s.ownership, urbanRural: s.urbanRural, charter: true, values: v,
    };
  });
  assignTeachers(schools, recs);
  assignFunds(schools, recs);
  return recs;
}

/** 专任教师 per school: at least each section's largest teacher count, totals exactly 3086 / 1945 / 29. */
function assignTeachers(schools: School[], recs: SchoolRecord[]): void {
  const sectionTeachers = new Map<string, number>();
  for (const sec of ["primary", "junior"] as const) {
    const P = sec === "primary" ? "primary" : "junior";
    const idx = schools.map((s, i) => (s.units[sec] ? i : -1)).filter((i) => i >= 0);
    const floor = idx.map((i) => {
      const v = recs[i].values;
      return Math.max(v[`${P}QualifiedTeachers`] ?? 0, v[`${P}BackboneTeachers`] ?? 0, v[`${P}PeArtTeachers`] ?? 0) + 1;
    });
    const total = TEACHERS[sec];
    const spare = total - floor.reduce((a, b) => a + b, 0);
    if (spare < 0) throw new Error(`${sec}: 专任教师 ${total} 少于高于规定学历教师之和，请减小指标101的离散度`);
    const weights = idx.map((i) => schools[i].units[sec]!.students * (0.8 + 0.4 * schools[i].teacherDraw));
    const wsum = weights.reduce((a, b) => a + b, 0);
    const add = weights.map((x) => Math.floor((spare * x) / wsum));
    let rest = spare - add.reduce((a, b) => a + b, 0);
    for (let q = 0; rest > 0; q = (q + 1) % add.length, rest--) add[q]++;
    idx.forEach((i, q) => sectionTeachers.set(`${i}:${sec}`, floor[q] + add[q]));
  }
  recs.forEach((r, i) => {
    const p = sectionTeachers.get(`${i}:primary`);
    const j = sectionTeachers.get(`${i}:junior`);
    const teachers = schools[i].type === "特殊教育学校" ? TEACHERS.special : (p ?? 0) + (j ?? 0);
    Object.assign(r.values, { teachers, certifiedTeachers: teachers, trainedTeachers: teachers });
    // 小学/初中专任教师数 where the template asks for them: the one-through schools' split, and a
    // 完全中学's 初中 teachers (single-section schools leave them empty).
    if (p !== undefined && j !== undefined) Object.assign(r.values, { primaryTeachers: p, juniorTeachers: j });
    else if (schools[i].type === "完全中学") r.values.juniorTeachers = j;
  });
}

/** 公用经费 and 教师培训经费 (万元): totals 5149.21 and 384.35 over the assessed schools, each ≥ 5%. */
function assignFunds(schools: School[], recs: SchoolRecord[]): void {
  const PUBLIC = 5149.21;
  const TRAINING = 384.35;
  const idx = schools.map((s, i) => (s.type === "特殊教育学校" ? -1 : i)).filter((i) => i >= 0);
  const students = (i: number) => (schools[i].units.primary?.students ?? 0) + (schools[i].units.junior?.students ?? 0);
  const raw = idx.map((i) => students(i) * (0.9 + 0.3 * schools[i].fundsDraw) + 60); // a fixed part per school
  const rawSum = raw.reduce((a, b) => a + b, 0);
  const pub = raw.map((x) => round2((PUBLIC * x) / rawSum));
  const big = pub.indexOf(Math.max(...pub));
  pub[big] = round2(pub[big] + PUBLIC - pub.reduce((a, b) => a + b, 0));
  const share = idx.map((i) => 0.062 + 0.03 * schools[i].trainingDraw);
  const trRaw = pub.map((p, q) => p * share[q]);
  const scale = TRAINING / trRaw.reduce((a, b) => a + b, 0);
  const tr = trRaw.map((x) => Math.max(round2(x * scale), 0));
  tr[big] = round2(tr[big] + TRAINING - tr.reduce((a, b) => a + b, 0));
  idx.forEach((i, q) => {
    if (tr[q] < 0.05 * pub[q]) throw new Error(`${schools[i].name}: 教师培训经费低于5%`);
    Object.assign(recs[i].values, { publicFunds: pub[q], trainingFunds: tr[q] });
  });
  const special = recs.find((r) => r.type === "特殊教育学校")!;
  Object.assign(special.values, { primaryStudents: 80, juniorStudents: 44, teachers: TEACHERS.special, publicFunds: 74.4, trainingFunds: 4.2 });
}

// ---------------------------------------------------------------------------------------------
// County sheet figures (the report's)
// ---------------------------------------------------------------------------------------------

const COUNTY_VALUES: Record<string, CellValue> = {
  name: "綦江区",
  smallSchoolFunding: "是",
  specialEdFundsPerStudent: 6000,
  teacherSalary: 118600, // synthetic: the report only says 教师 ≥ 公务员
  civilServantSalary: 112300,
  rotationEligible: 1153,
  rotatedTeachers: 346,
  rotatedBackbone: 103,
  nearbyPrimaryRate: 1,
  nearbyJuniorRate: 1,
  qualityHighSchoolAdmissions: 3445,
  quotaToSchools: 2452,
  quotaRuralTilt: "是",
  migrantChildren: 2764,
  migrantInPublic: 2764,
  juniorRetentionRate: 0.96,
  disabledChildren: 677,
  disabledInSpecialSchool: 124,
  disabledInRegularClass: 434,
  disabledOutside: 67,
  disabledOther: 48,
  qualityMonitoringLevel: "待监测",
  qualityMonitoringGap: "待监测",
  socialRecognition: "调查中",
};
const QUALITATIVE_NOTES: Record<string, string> = {
  "201": "编制和实施了教育事业发展“十四五”规划及城区教育设施布点规划。",
  "202": "按标准建设学校、核定编制、核拨公用经费、配置教学仪器设备。",
  "210": "每年在编制总额内统筹调整各中小学校编制，报编办审批。",
  "305": "教师完成信息技术2.0培训，设施设备利用率较高。",
  "306": "落实立德树人，五育并举，德育和校园文化建设达到良好以上。",
  "307": "执行国家课程计划，开齐开足课程，全面开设劳动课程。",
  "308": "落实“双减”和“五项管理”，学生无过重课业负担。",
};

// ---------------------------------------------------------------------------------------------
// Write
// ---------------------------------------------------------------------------------------------

const FIELD_VALUE = (r: SchoolRecord, field: string): CellValue => {
  switch (field) {
    case "code": return null;
    case "name": return r.name;
    case "type": return r.type;
    case "ownership": return r.ownership;
    case "urbanRural": return r.urbanRural ?? null;
    case "participate": return null;
    case "charter": return r.charter ? "是" : "否";
    default: return (r.values as Record<string, number | null | undefined>)[field] ?? null;
  }
};

export function samplePlan(records: SchoolRecord[]): WritePlan {
  const title = "綦江区（合成示例数据，按自查自评报告构造，非真实统计）";
  const plan = templatePlan(SAMPLE_PROFILE, [], { title });
  const schoolsSheet = plan.sheets.find((s) => s.name === "学校数据")!;
  schoolsSheet.blocks.push({
    row: SCHOOL_TEMPLATE.firstDataRow, col: 0, textOnly: true,
    values: records.map((r) => TEMPLATE_COLUMNS.map((c) => FIELD_VALUE(r, c.field))),
  });
  const county = plan.sheets.find((s) => s.name === "县级指标")!;
  COUNTY_ROWS.forEach((d, i) => {
    const row = COUNTY_TEMPLATE.firstRow + i;
    let value: CellValue = COUNTY_VALUES[d.key] ?? null;
    if (d.kind === "qualitative") value = "达标";
    if (d.kind === "veto") value = "否";
    const note = QUALITATIVE_NOTES[d.key] ?? null;
    county.blocks.push({ row, col: COUNTY_TEMPLATE.cols.value, values: [[value]], textOnly: true });
    if (note) county.blocks.push({ row, col: COUNTY_TEMPLATE.cols.note, values: [[note]], textOnly: true });
  });
  const guide = plan.sheets.find((s) => s.name === "说明")!;
  const used = guide.blocks[0].values.length;
  guide.blocks.push({
    row: used + 1, col: 0, textOnly: true,
    values: [
      ["五、关于本示例工作簿"],
      ["本工作簿的学校名称和各校数据均为合成数据（由 scripts/make-sample.ts 按固定随机种子生成），仅用于演示。各项合计与重庆市綦江区公开的自查自评报告一致（94个监测点、专任教师5060人、指标106达标与基本达标校数、差异系数约0.24和0.31、音美专用教室应配与实有数、县级指标等），但不代表任何真实学校。"],
      ["「评估标准」在国家标准基础上为办学规模（指标204）设了基本达标区间（一般学校不超过2500人、九年一贯制不超过3000人），以便重现报告中的“基本达标”校数；国家标准本身没有这一区间。"],
    ],
  });
  return plan;
}

function main(): void {
  const out = process.argv[2] ?? path.join(__dirname, "..", "examples", "sample-county.xlsx");
  const schools = buildSchools();
  const county = { numbers: {}, flags: {}, qualitative: {}, vetoes: {} };
  const composite = (k: Record<Section, number>) => assess({ schools: toRecords(schools, k, SAMPLE_PROFILE), county }, undefined, SAMPLE_PROFILE).balance;
  // Bisection per group on the spread factor: the composite CV grows with it.
  const target: Record<Section, number> = { primary: 0.24, junior: 0.31 };
  const k: Record<Section, number> = { primary: 1, junior: 1 };
  // 九年一贯制 facilities serve both groups, so the two factors interact a little: alternate.
  for (let round = 0; round < 4; round++)
  for (const sec of ["primary", "junior"] as const) {
    let lo = 0;
    let hi = 4;
    for (let it = 0; it < 40; it++) {
      k[sec] = (lo + hi) / 2;
      const c = composite(k)[sec].composite ?? 0;
      if (c < target[sec]) lo = k[sec];
      else hi = k[sec];
    }
  }
  const records = toRecords(schools, k, SAMPLE_PROFILE);
  const a = assess({ schools: records, county }, undefined, SAMPLE_PROFILE);
  const line = (sec: Section) => {
    const b = a.balance[sec];
    const c = a.counts[sec];
    return `${sec}: units ${c.units}, 106 ${c.indicators["106"].met}/${c.indicators["106"].basic}, composite ${b.composite?.toFixed(4)}, CVs ${CODES.map((x) => b.indicators[x].cv?.toFixed(3)).join(" ")}, 203/204/205 met-basic ${(["203", "204", "205"] as const).map((x) => `${c.checks[x].met}-${c.checks[x].basic}`).join(" ")}`;
  };
  console.log(`spread factors: primary ${k.primary.toFixed(4)}, junior ${k.junior.toFixed(4)}`);
  console.log(line("primary"));
  console.log(line("junior"));
  for (const e of a.exclusions) console.log(`excluded: ${e.school} ${e.section ?? ""} ${e.reason}`);
  console.log(`teachers ${records.reduce((s, r) => s + (r.values.teachers ?? 0), 0)}, schools ${records.length}, exclusions ${a.exclusions.length}`);
  const bySection = { primary: 0, junior: 0, special: 0 };
  for (const r of records) {
    if (r.type === "特殊教育学校") bySection.special += r.values.teachers ?? 0;
    else if (r.values.primaryTeachers != null || r.values.juniorTeachers != null) {
      bySection.primary += r.values.primaryTeachers ?? 0;
      bySection.junior += r.values.juniorTeachers ?? 0;
    } else if (r.values.juniorStudents != null) bySection.junior += r.values.teachers ?? 0;
    else bySection.primary += r.values.teachers ?? 0;
  }
  console.log(`teachers by section: 小学 ${bySection.primary}, 初中 ${bySection.junior}, 特教 ${bySection.special}`);
  if (bySection.primary !== TEACHERS.primary || bySection.junior !== TEACHERS.junior || bySection.special !== TEACHERS.special) {
    throw new Error(`分学段专任教师数与报告不符：${JSON.stringify(bySection)}`);
  }

  // The same county in the layout of a statistics export (issue 9): examples/sample-county-export.xlsx.
  const exportOut = process.argv[3] ?? out.replace(/\.xlsx$/, "-export.xlsx");
  const write = async (plan: WritePlan, file: string) => {
    const host = XlsxHost.create();
    await host.apply(plan);
    const bytes = await host.save();
    writeFileSync(file, bytes);
    console.log(`wrote ${file} (${bytes.length} bytes)`);
  };
  const template = samplePlan(records);
  write(template, out)
    .then(() => write(exportPlan(records, samplePlan(records), "綦江区2024年义务教育学校基础数据"), exportOut))
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}

if (require.main === module) main();
