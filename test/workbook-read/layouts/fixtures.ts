/**
 * Fixtures of the layouts bureaus keep, written with exceljs with real merged headers, and their
 * template-layout twins (the same schools with the numerators added up by hand). The schools and
 * every figure are made up for the tests; the layouts follow the public facts in
 * shared/notes/sources.md (教育事业统计 header paths, 办学类型 / 城乡分类 codes of GB/T 33782-2017,
 * 教基4155 专任教师分学历、分课程, 教基5170 室内体育用房 inside 教学及辅助用房, 表Ⅱ-2).
 */
import * as ExcelJS from "exceljs";
import { XlsxHost } from "../../../src/hosts/xlsx";
import type { ContractJson } from "../../../src/workbook/json";

/** One school as the statistics forms give it: components, not numerators. */
export interface School {
  code: string;
  name: string;
  typeCode: string;
  typeName: string;
  /** 学校类型 of the template. */
  type: string;
  urbanCode: string;
  owner: string;
  p: number;
  j: number;
  pClasses: number;
  jClasses: number;
  pMax: number;
  jMax: number;
  /** Degrees per section: [博士, 硕士, 本科, 专科, 高中及以下]. */
  pDeg: [number, number, number, number, number];
  jDeg: [number, number, number, number, number];
  /** Courses per section: [体育与健康, 音乐, 美术]. */
  pCourse: [number, number, number];
  jCourse: [number, number, number];
  pBackbone: number;
  jBackbone: number;
  certified: number;
  trained: number;
  /** ㎡: 教学及辅助用房 (including 室内体育用房), 室内体育用房, 运动场地. */
  teaching: number;
  indoor: number;
  ground: number;
  /** 万元. */
  equipment: number;
  multimedia: number;
  music: number;
  art: number;
  /** 万元. */
  publicFunds: number;
  trainingFunds: number;
  charter: string;
  /** The facilities per section (a 按学段 table gives them split): [teaching, indoor, ground, equipment, multimedia]. */
  pFac?: [number, number, number, number, number];
  jFac?: [number, number, number, number, number];
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Five schools: figures chosen so that the verdicts can be followed by hand (see layouts.test.ts). */
export const SCHOOLS: School[] = [
  {
    code: "3501000001", name: "城关小学", typeCode: "211", typeName: "小学", type: "小学", urbanCode: "111", owner: "教育部门",
    p: 500, j: 0, pClasses: 12, jClasses: 0, pMax: 45, jMax: 0,
    pDeg: [0, 2, 15, 4, 1], jDeg: [0, 0, 0, 0, 0], pCourse: [2, 1, 2], jCourse: [0, 0, 0], pBackbone: 5, jBackbone: 0,
    certified: 22, trained: 22, teaching: 3000, indoor: 600, ground: 3400, equipment: 125, multimedia: 12, music: 1, art: 1,
    publicFunds: 50, trainingFunds: 2.5, charter: "是",
  },
  {
    code: "3501000002", name: "河口学校", typeCode: "312", typeName: "九年一贯制学校", type: "九年一贯制学校", urbanCode: "121", owner: "教育部门",
    p: 1710, j: 600, pClasses: 38, jClasses: 13, pMax: 45, jMax: 50,
    pDeg: [1, 3, 50, 20, 1], jDeg: [0, 3, 30, 5, 2], pCourse: [6, 5, 5], jCourse: [3, 1, 2], pBackbone: 18, jBackbone: 7,
    certified: 115, trained: 110, teaching: 12000, indoor: 1200, ground: 20000, equipment: 600, multimedia: 60, music: 5, art: 5,
    publicFunds: 180, trainingFunds: 9, charter: "是",
    pFac: [7000, 700, 12000, 350, 35], jFac: [5000, 500, 8000, 250, 25],
  },
  {
    code: "3501000003", name: "第二初级中学", typeCode: "311", typeName: "初级中学", type: "初中", urbanCode: "220", owner: "教育部门",
    p: 0, j: 800, pClasses: 0, jClasses: 16, pMax: 0, jMax: 50,
    pDeg: [0, 0, 0, 0, 0], jDeg: [0, 5, 38, 6, 0], pCourse: [0, 0, 0], jCourse: [4, 2, 2], pBackbone: 0, jBackbone: 9,
    certified: 49, trained: 49, teaching: 4500, indoor: 0, ground: 9000, equipment: 180, multimedia: 20, music: 2, art: 1,
    publicFunds: 60, trainingFunds: 2, charter: "否",
  },
  {
    code: "3501000004", name: "石桥教学点", typeCode: "218", typeName: "小学教学点", type: "教学点", urbanCode: "220", owner: "教育部门",
    p: 40, j: 0, pClasses: 4, jClasses: 0, pMax: 12, jMax: 0,
    pDeg: [0, 0, 1, 2, 0], jDeg: [0, 0, 0, 0, 0], pCourse: [0, 0, 0], jCourse: [0, 0, 0], pBackbone: 0, jBackbone: 0,
    certified: 3, trained: 3, teaching: 300, indoor: 0, ground: 800, equipment: 8, multimedia: 2, music: 0, art: 0,
    publicFunds: 4, trainingFunds: 0.2, charter: "是",
  },
  {
    code: "3501000005", name: "育才小学", typeCode: "211", typeName: "小学", type: "小学", urbanCode: "112", owner: "民办",
    p: 900, j: 0, pClasses: 20, jClasses: 0, pMax: 48, jMax: 0,
    pDeg: [0, 0, 30, 10, 2], jDeg: [0, 0, 0, 0, 0], pCourse: [4, 2, 2], jCourse: [0, 0, 0], pBackbone: 8, jBackbone: 0,
    certified: 40, trained: 41, teaching: 4000, indoor: 500, ground: 6000, equipment: 200, multimedia: 21, music: 2, art: 2,
    publicFunds: 70, trainingFunds: 3, charter: "是",
  },
];

const URBAN: Record<string, string> = { "111": "城区", "112": "城区", "121": "镇区", "122": "镇区", "123": "镇区", "210": "乡村", "220": "乡村" };

/** The template header and row of a school (numerators added up by hand from the components). */
export const TEMPLATE_HEADER = [
  "学校代码", "学校名称", "学校类型", "办学性质", "城乡类别", "小学在校生数", "初中在校生数", "小学班级数", "初中班级数", "小学最大班额", "初中最大班额",
  "专任教师数", "小学高于规定学历教师数", "初中高于规定学历教师数", "小学骨干教师数", "初中骨干教师数", "小学体育艺术专任教师数", "初中体育艺术专任教师数",
  "持证专任教师数", "培训完成教师数", "教学及辅助用房面积（㎡）", "体育运动场馆面积（㎡）", "教学仪器设备值（万元）", "网络多媒体教室数",
  "音乐专用教室数", "美术专用教室数", "公用经费预算（万元）", "教师培训经费（万元）", "学校章程",
];
export function templateRow(s: School): (string | number | null)[] {
  const has = (n: number) => (n > 0 ? n : null);
  const hasP = s.p > 0;
  const hasJ = s.j > 0;
  const [pd, pm, pb, pa] = s.pDeg;
  const [jd, jm, jb] = s.jDeg;
  return [
    s.code, s.name, s.type, s.owner === "民办" ? "民办" : "公办", URBAN[s.urbanCode], has(s.p), has(s.j), hasP ? s.pClasses : null, hasJ ? s.jClasses : null, hasP ? s.pMax : null, hasJ ? s.jMax : null,
    sum(s.pDeg) + sum(s.jDeg),
    hasP ? pd + pm + pb + pa : null, // 小学: 研究生 + 本科 + 专科
    hasJ ? jd + jm + jb : null, // 初中: 研究生 + 本科 (专科 does not count)
    hasP ? s.pBackbone : null, hasJ ? s.jBackbone : null, hasP ? sum(s.pCourse) : null, hasJ ? sum(s.jCourse) : null,
    s.certified, s.trained,
    s.teaching - s.indoor, // 104 = 教学及辅助用房 − 室内体育用房
    s.ground + s.indoor, // 105 = 运动场地 + 室内体育用房
    s.equipment, s.multimedia, s.music, s.art, s.publicFunds, s.trainingFunds, s.charter,
  ];
}
/** Section-specific facility columns of the template (the 按学段 twin). */
export const SECTION_FACILITY_HEADER = ["小学教学及辅助用房面积", "小学体育运动场馆面积", "小学教学仪器设备值", "小学网络多媒体教室数", "初中教学及辅助用房面积", "初中体育运动场馆面积", "初中教学仪器设备值", "初中网络多媒体教室数"];
export function sectionFacilityRow(s: School): (number | null)[] {
  const f = (x?: [number, number, number, number, number]) => (x ? [x[0] - x[1], x[2] + x[1], x[3], x[4]] : [null, null, null, null]);
  return [...f(s.pFac), ...f(s.jFac)];
}

/** A header tree: a text and its children; leaves reach down to the last header row. */
export type Node = string | [string, Node[]];

/** Writes a header tree from row `top` (1-based), depth rows deep, with merges; returns the leaf count. */
export function writeHeader(ws: ExcelJS.Worksheet, top: number, depth: number, nodes: Node[]): number {
  let col = 1;
  const place = (n: Node, row: number): void => {
    const [text, kids] = typeof n === "string" ? [n, [] as Node[]] : n;
    const start = col;
    if (!kids.length) {
      ws.getCell(row, col).value = text;
      if (row < top + depth - 1) ws.mergeCells(row, col, top + depth - 1, col);
      col++;
      return;
    }
    ws.getCell(row, start).value = text;
    for (const k of kids) place(k, row + 1);
    if (col - 1 > start) ws.mergeCells(row, start, row, col - 1);
  };
  for (const n of nodes) place(n, top);
  return col - 1;
}

export async function toHost(wb: ExcelJS.Workbook): Promise<XlsxHost> {
  return XlsxHost.load(new Uint8Array(await wb.xlsx.writeBuffer()));
}

/** The template twin: 「学校数据」 with the numerators added up. */
export function templateTwin(opts: { sectionFacilities?: boolean } = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("学校数据");
  ws.addRow([...TEMPLATE_HEADER, ...(opts.sectionFacilities ? SECTION_FACILITY_HEADER : [])]);
  for (const s of SCHOOLS) ws.addRow([...templateRow(s), ...(opts.sectionFacilities ? sectionFacilityRow(s) : [])]);
  return wb;
}

const blank = (n: number) => (n === 0 ? null : n);

export type Depth = 2 | 3 | 4;

/**
 * A flat export of the 教育事业统计 system, one row per 机构: a title line with the unit, a merged
 * header `depth` rows deep, codes and names of 办学类型 side by side, 城乡分类 as codes only, zeros
 * left blank, a 镇小计 row between the schools, a 合计 row and a note at the end.
 * depth 2: 小学专任教师 → 研究生 / 本科 / 专科 (研究生 unsplit), money in 万元;
 * depth 3: 专任教师 → 小学 → 研究生毕业 / 本科毕业 …, a 甲 乙 1 2 … numbering line, money in 元;
 * depth 4: 专任教师 → 小学 → 研究生 → 博士研究生 / 硕士研究生, 初中 体育与健康 + 艺术→计, money in 元.
 */
export function statisticsExport(depth: Depth, sheetName = "2024年基础数据", wb: ExcelJS.Workbook = new ExcelJS.Workbook()): ExcelJS.Workbook {
  const ws = wb.addWorksheet(sheetName);
  const yuan = depth !== 2;
  ws.getCell(1, 1).value = `某某县2024年义务教育学校基础数据（金额单位：${yuan ? "元" : "万元"}；面积单位：平方米）`;
  const money = (n: number) => (yuan ? n * 10_000 : n);
  const per = (sec: "小学" | "初中"): Node[] => {
    if (depth === 2) return [];
    return [[sec, depth === 3 ? ["研究生毕业", "本科毕业", "专科毕业", "高中阶段及以下"] : [["研究生", ["博士研究生", "硕士研究生"]], "本科", "专科", "高中阶段及以下"]]];
  };
  const teacherNodes: Node[] =
    depth === 2
      ? ["专任教师合计", ["小学专任教师", ["研究生", "本科", "专科"]], ["初中专任教师", ["研究生", "本科", "专科"]]]
      : [["专任教师", ["合计", ...per("小学"), ...per("初中")]]];
  const courseNodes: Node[] =
    depth === 2
      ? [["小学专任教师（按授课课程分）", ["体育", "音乐", "美术"]], ["初中专任教师（按授课课程分）", ["体育", "音乐", "美术"]]]
      : [["专任教师（按授课课程分）", [["小学", ["体育与健康", "音乐", "美术"]], ["初中", depth === 4 ? ["体育与健康", ["艺术", ["计"]]] : ["体育与健康", "音乐", "美术"]]]]];
  const facility: Node[] =
    depth === 4
      ? [["校舍建筑面积", [["教学及辅助用房", ["计", "其中：室内体育用房"]]]], "运动场地面积"]
      : [["教学及辅助用房（平方米）", ["计", "其中：室内体育用房"]], "运动场地面积（平方米）"];
  const nodes: Node[] = [
    "学校（机构）名称", "学校标识码", "办学类型代码", "办学类型", "城乡分类代码", "举办者类型",
    ["在校生数", ["小学", "初中"]], ["班数", ["小学", "初中"]], ["最大班额", ["小学", "初中"]],
    ...teacherNodes, ...courseNodes, ["县级及以上骨干教师", ["小学", "初中"]],
    "持证专任教师数", "完成5年360学时培训教师数", ...facility,
    depth === 2 ? "教学仪器设备资产值（万元）" : "教学仪器设备资产值（元）",
    "网络多媒体教室（间）", "音乐专用教室", "美术专用教室",
    depth === 2 ? "公用经费预算（万元）" : "公用经费预算（元）", depth === 2 ? "教师培训经费（万元）" : "教师培训经费（元）", "学校章程",
  ];
  const width = writeHeader(ws, 3, depth, nodes);
  let row = 3 + depth;
  if (depth === 3) {
    ws.getRow(row).values = ["甲", "乙", ...Array.from({ length: width - 2 }, (_, i) => i + 1)];
    row++;
  }
  const line = (s: School): (string | number | null)[] => {
    const deg = (d: [number, number, number, number, number], sec: "p" | "j") => {
      const has = sec === "p" ? s.p > 0 : s.j > 0;
      if (!has) return depth === 2 ? [null, null, null] : depth === 3 ? [null, null, null, null] : [null, null, null, null, null];
      if (depth === 2) return [blank(d[0] + d[1]), blank(d[2]), blank(d[3])];
      if (depth === 3) return [blank(d[0] + d[1]), blank(d[2]), blank(d[3]), blank(d[4])];
      return [blank(d[0]), blank(d[1]), blank(d[2]), blank(d[3]), blank(d[4])];
    };
    const course = (c: [number, number, number], sec: "p" | "j") => (depth === 4 && sec === "j" ? [blank(c[0]), blank(c[1] + c[2])] : c.map(blank));
    return [
      s.name, s.code, s.typeCode, s.typeName, s.urbanCode, s.owner,
      blank(s.p), blank(s.j), blank(s.pClasses), blank(s.jClasses), blank(s.pMax), blank(s.jMax),
      sum(s.pDeg) + sum(s.jDeg), ...deg(s.pDeg, "p"), ...deg(s.jDeg, "j"),
      ...course(s.pCourse, "p"), ...course(s.jCourse, "j"), blank(s.pBackbone), blank(s.jBackbone),
      s.certified, s.trained, s.teaching, blank(s.indoor), s.ground,
      money(s.equipment), s.multimedia, blank(s.music), blank(s.art), money(s.publicFunds), money(s.trainingFunds), s.charter,
    ];
  };
  SCHOOLS.forEach((s, i) => {
    ws.getRow(row++).values = line(s);
    if (i === 1) ws.getRow(row++).values = ["城关镇小计", null, null, null, null, null, 2210, 600];
  });
  ws.getRow(row++).values = ["合计", null, null, null, null, null, sum(SCHOOLS.map((s) => s.p)), sum(SCHOOLS.map((s) => s.j))];
  ws.getRow(row + 1).values = ["注：本表根据教育事业统计数据整理，数据为虚构，仅供测试。"];
  return wb;
}

/**
 * 按学段分表: sheets 小学 and 初中, one row per 监测点, a 2-row merged header without section
 * words; a 九年一贯制 school is in both with its facilities already split.
 */
export function sectionSheets(opts: { names?: [string, string] } = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const [pName, jName] = opts.names ?? ["小学", "初中"];
  for (const [sec, name] of [["p", pName], ["j", jName]] as const) {
    const ws = wb.addWorksheet(name);
    ws.getCell(1, 1).value = `某某县${sec === "p" ? "小学" : "初中"}学校基本情况`;
    writeHeader(ws, 2, 2, [
      "学校名称", "学校类型", "在校生数", "班级数", "最大班额", ["专任教师", ["合计", "研究生", "本科", "专科"]],
      ["专任教师（按授课课程分）", ["体育与健康", "音乐", "美术"]], "县级及以上骨干教师",
      ["教学及辅助用房面积（平方米）", ["计", "其中：室内体育用房"]], "运动场地面积（平方米）", "教学仪器设备值（万元）", "网络多媒体教室数",
      "音乐专用教室数", "美术专用教室数", "持证专任教师数", "培训完成教师数", "公用经费预算（万元）", "教师培训经费（万元）", "学校章程",
    ]);
    let row = 4;
    for (const s of SCHOOLS) {
      const students = sec === "p" ? s.p : s.j;
      if (!students) continue;
      const d = sec === "p" ? s.pDeg : s.jDeg;
      const c = sec === "p" ? s.pCourse : s.jCourse;
      const both = s.p > 0 && s.j > 0;
      const fac = both ? (sec === "p" ? s.pFac! : s.jFac!) : [s.teaching, s.indoor, s.ground, s.equipment, s.multimedia];
      // Whole-school counts: split between the two rows of a 九年一贯制 school (the sheet sums them back).
      const part = (x: number) => (both ? (sec === "p" ? Math.ceil(x / 2) : Math.floor(x / 2)) : x);
      ws.getRow(row++).values = [
        s.name, s.type, students, sec === "p" ? s.pClasses : s.jClasses, sec === "p" ? s.pMax : s.jMax,
        sum(d), blank(d[0] + d[1]), blank(d[2]), blank(d[3]), ...c.map(blank), blank(sec === "p" ? s.pBackbone : s.jBackbone),
        fac[0], blank(fac[1]), fac[2], fac[3], fac[4], blank(part(s.music)), blank(part(s.art)), part(s.certified), part(s.trained),
        s.publicFunds, s.trainingFunds, s.charter,
      ];
    }
  }
  return wb;
}

/** The seven values of a 监测点 by the rules of indicators.md §2 (facilities split 1 : 1.1 for a 九年一贯制 school). */
export function handValues(s: School, sec: "p" | "j"): number[] {
  const st = sec === "p" ? s.p : s.j;
  const d = sec === "p" ? s.pDeg : s.jDeg;
  const qualified = sec === "p" ? d[0] + d[1] + d[2] + d[3] : d[0] + d[1] + d[2];
  const share = s.p > 0 && s.j > 0 ? (sec === "p" ? s.p / (s.p + 1.1 * s.j) : (1.1 * s.j) / (s.p + 1.1 * s.j)) : 1;
  return [
    (qualified / st) * 100,
    ((sec === "p" ? s.pBackbone : s.jBackbone) / st) * 100,
    (sum(sec === "p" ? s.pCourse : s.jCourse) / st) * 100,
    ((s.teaching - s.indoor) * share) / st,
    ((s.ground + s.indoor) * share) / st,
    (s.equipment * 10_000 * share) / st,
    ((s.multimedia * share) / st) * 100,
  ];
}

/** 表Ⅱ-2 小学、初中资源配置基本情况（分学校）: one row per 监测点 with a 学段 column and the seven values. */
export function valuesTable(round?: number): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("表Ⅱ-2");
  ws.getCell(1, 1).value = "表Ⅱ-2 小学、初中资源配置基本情况（分学校）";
  writeHeader(ws, 2, 2, [
    "序号", "学校名称", "学校类型", "学段", "在校生数", "班级数",
    ["每百名学生拥有", ["高于规定学历教师数（人）", "县级及以上骨干教师数（人）", "体育、艺术（美术、音乐）专任教师数（人）"]],
    "生均教学及辅助用房面积（平方米）", "生均体育运动场馆面积（平方米）", "生均教学仪器设备值（元）", "每百名学生拥有网络多媒体教室数（间）",
  ]);
  let row = 4;
  let n = 1;
  for (const s of SCHOOLS) {
    for (const sec of ["p", "j"] as const) {
      const st = sec === "p" ? s.p : s.j;
      if (!st) continue;
      const v = handValues(s, sec).map((x) => (round === undefined ? x : Number(x.toFixed(round))));
      ws.getRow(row++).values = [n++, s.name, s.type, sec === "p" ? "小学" : "初中", st, sec === "p" ? s.pClasses : s.jClasses, ...v];
    }
  }
  return wb;
}

/** Expected values up to float noise (unit conversions): numbers that are not integers match to 9 digits. */
export function closeIndicators(ind: ContractJson["units"][number]["indicators"]) {
  return Object.fromEntries(Object.entries(ind).map(([k, v]) => [k, { ...v, value: v.value === null ? null : expect.closeTo(v.value, 9) }]));
}
export function closeDeep(x: unknown): unknown {
  if (typeof x === "number") return Number.isInteger(x) ? x : expect.closeTo(x, 9);
  if (Array.isArray(x)) return x.map(closeDeep);
  if (x && typeof x === "object") return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, closeDeep(v)]));
  return x;
}

