/**
 * The sample county in the layout of a flat export of the 教育事业统计 system (SYNTHETIC data):
 * one row per 机构, a title line with the units, a 3-row merged header read as header paths,
 * 办学类型 and 城乡分类 as codes beside the names, zeros left blank, components instead of the
 * numerators (专任教师 by degree and by course, 教学及辅助用房 with 其中：室内体育用房, 运动场地,
 * money in 元). The numerators are split into components so that the product, reading this sheet
 * by docs/workbook-input.md, gets back exactly the template sample's numerators.
 */
import type { SchoolRecord, SchoolType } from "../../src/engine/types";
import type { Area, CellValue, SheetPlan, WritePlan } from "../../src/workbook/plan";
import { FILL } from "../../src/workbook/plan";

export const EXPORT_SHEET = "2024年教育事业统计导出";

type Node = string | [string, Node[]];

const TYPE_CODE: Record<SchoolType, [string, string]> = {
  小学: ["211", "小学"], 教学点: ["218", "小学教学点"], 初中: ["311", "初级中学"], 九年一贯制学校: ["312", "九年一贯制学校"],
  完全中学: ["341", "完全中学"], 十二年一贯制学校: ["345", "十二年一贯制学校"], 特殊教育学校: ["514", "其他特殊教育学校"],
};
const URBAN_CODE = { 城区: "111", 镇区: "121", 乡村: "220" } as const;

const HEADER: Node[] = [
  "学校（机构）名称", "学校标识码", "办学类型代码", "办学类型", "城乡分类代码", "举办者类型",
  ["在校生数", ["小学", "初中", "高中"]], ["班数", ["小学", "初中"]], ["最大班额", ["小学", "初中"]],
  ["专任教师", ["合计", ["小学", ["计", "研究生", "本科", "专科"]], ["初中", ["计", "研究生", "本科", "专科"]]]],
  ["专任教师（按授课课程分）", [["小学", ["体育与健康", "音乐", "美术"]], ["初中", ["体育与健康", "音乐", "美术"]]]],
  ["县级及以上骨干教师", ["小学", "初中"]], "持证专任教师数", "完成5年360学时培训教师数",
  ["校舍建筑面积（平方米）", [["教学及辅助用房", ["计", "其中：室内体育用房"]]]], "运动场地面积（平方米）",
  "教学仪器设备资产值（元）", "网络多媒体教室（间）", "音乐专用教室", "美术专用教室", "公用经费预算（元）", "教师培训经费（元）", "学校章程",
];
const DEPTH = 3;

/** Header cells and merges of a tree from row `top`; leaves reach down to the last header row. */
function headerCells(top: number, nodes: Node[]): { cells: CellValue[][]; merges: Area[]; width: number } {
  const cells: CellValue[][] = Array.from({ length: DEPTH }, () => []);
  const merges: Area[] = [];
  let col = 0;
  const place = (n: Node, depth: number) => {
    const [text, kids] = typeof n === "string" ? [n, [] as Node[]] : n;
    const start = col;
    cells[depth][start] = text;
    if (!kids.length) {
      if (depth < DEPTH - 1) merges.push({ row: top + depth, col, rows: DEPTH - depth, cols: 1 });
      col++;
      return;
    }
    for (const k of kids) place(k, depth + 1);
    if (col - start > 1) merges.push({ row: top + depth, col: start, rows: 1, cols: col - start });
  };
  for (const n of nodes) place(n, 0);
  for (const line of cells) for (let c = 0; c < col; c++) line[c] ??= null;
  return { cells, merges, width: col };
}

const blank = (x: number | null | undefined): number | null => (x === null || x === undefined || x === 0 ? null : x);

/** A count split into shares that add up exactly (the last takes the rest). */
function split(total: number, shares: number[]): number[] {
  const parts = shares.map((s) => Math.floor(total * s));
  parts.push(total - parts.reduce((a, b) => a + b, 0));
  return parts;
}

function row(r: SchoolRecord): CellValue[] {
  const v = r.values;
  const [typeCode, typeName] = r.type ? TYPE_CODE[r.type] : ["", ""];
  const hasP = v.primaryStudents != null;
  const hasJ = v.juniorStudents != null;
  // 101 小学 = 研究生 + 本科 + 专科; 初中 = 研究生 + 本科, 专科 extra (does not count).
  const [pg, pb, pa] = hasP ? split(v.primaryQualifiedTeachers ?? 0, [0.04, 0.66]) : [0, 0, 0];
  const [jg, jb] = hasJ ? split(v.juniorQualifiedTeachers ?? 0, [0.06]) : [0, 0];
  const ja = hasJ ? Math.round((v.juniorQualifiedTeachers ?? 0) * 0.05) : 0;
  const [ppe, pmu, par] = hasP ? split(v.primaryPeArtTeachers ?? 0, [0.45, 0.27]) : [0, 0, 0];
  const [jpe, jmu, jar] = hasJ ? split(v.juniorPeArtTeachers ?? 0, [0.45, 0.27]) : [0, 0, 0];
  // 室内体育用房: a tenth of the sports area, counted in 教学及辅助用房 by the statistics forms.
  const sports = v.sportsArea ?? 0;
  const indoor = Math.round(sports * 0.1);
  const yuan = (x: number | null | undefined) => (x === null || x === undefined ? null : Math.round(x * 10_000 * 100) / 100);
  return [
    r.name, r.code ?? null, typeCode, typeName, r.urbanRural ? URBAN_CODE[r.urbanRural] : null, r.ownership === "民办" ? "民办" : "教育部门",
    blank(v.primaryStudents), blank(v.juniorStudents), blank(v.seniorStudents), blank(v.primaryClasses), blank(v.juniorClasses), blank(v.primaryMaxClassSize), blank(v.juniorMaxClassSize),
    v.teachers ?? null, blank(v.primaryTeachers), blank(pg), blank(pb), blank(pa), blank(v.juniorTeachers), blank(jg), blank(jb), blank(ja),
    blank(ppe), blank(pmu), blank(par), blank(jpe), blank(jmu), blank(jar), blank(v.primaryBackboneTeachers), blank(v.juniorBackboneTeachers),
    v.certifiedTeachers ?? null, v.trainedTeachers ?? null,
    v.teachingArea === null || v.teachingArea === undefined ? null : v.teachingArea + indoor, blank(indoor), v.sportsArea === null || v.sportsArea === undefined ? null : sports - indoor,
    yuan(v.equipmentValue), v.multimediaRooms ?? null, blank(v.musicRooms), blank(v.artRooms), yuan(v.publicFunds), yuan(v.trainingFunds), r.charter === true ? "是" : r.charter === false ? "否" : null,
  ];
}

/** The export workbook: the school sheet in the export layout, plus the sample's 县级指标 / 评估标准 / 说明. */
export function exportPlan(records: SchoolRecord[], templateSample: WritePlan, title: string): WritePlan {
  const top = 2;
  const { cells, merges, width } = headerCells(top, HEADER);
  const sheet: SheetPlan = { name: EXPORT_SHEET, mode: "replace", blocks: [], formats: [], merges, columnWidths: [], freeze: { rows: top + DEPTH, cols: 1 } };
  sheet.blocks.push({ row: 0, col: 0, values: [[`${title}（金额单位：元；面积单位：平方米）——合成示例数据，按教育事业统计导出表的版式生成，非真实统计`]], textOnly: true });
  sheet.blocks.push({ row: top, col: 0, values: cells, textOnly: true });
  sheet.formats.push({ row: top, col: 0, rows: DEPTH, cols: width, bold: true, fill: FILL.header, wrap: true, horizontalAlignment: "center", border: true });
  const body = records.map(row);
  sheet.blocks.push({ row: top + DEPTH, col: 0, values: body, textOnly: true });
  sheet.blocks.push({ row: top + DEPTH + body.length, col: 0, values: [["合计"], [null], ["注：本表为合成示例数据（scripts/make-sample.ts 生成），仅供演示，不代表任何真实学校。"]], textOnly: true });
  sheet.columnWidths!.push({ col: 0, width: 22 });
  const keep = templateSample.sheets.filter((s) => s.name !== "学校数据");
  return { sheets: [sheet, ...keep], activate: EXPORT_SHEET };
}
