/**
 * A small county workbook built with exceljs, every figure chosen so the expected report numbers
 * can be computed by hand (see the comments). Used by the report, export and chart tests.
 */
import * as ExcelJS from "exceljs";

export const SCHOOL_HEADERS = [
  "学校名称", "学校类型", "办学性质", "小学在校生数", "初中在校生数", "小学班级数", "初中班级数",
  "小学最大班额", "初中最大班额", "小学高于规定学历教师数", "初中高于规定学历教师数", "小学骨干教师数",
  "初中骨干教师数", "小学体育艺术专任教师数", "初中体育艺术专任教师数", "专任教师数", "持证专任教师数",
  "培训完成教师数", "教学及辅助用房面积", "体育运动场馆面积", "教学仪器设备值", "网络多媒体教室数",
  "音乐专用教室数", "美术专用教室数", "公用经费预算", "教师培训经费", "学校章程",
];

/** A school name that a spreadsheet would take for a formula if typed in. */
export const FORMULA_NAME = '=HYPERLINK("http://example.com","丙小学")';

type Row = (string | number | null)[];
// Hand calculation of the 小学 group (thresholds 4.2 / 1.0 / 0.9 / 4.5 / 7.5 / 2000 / 2.3):
//   甲小学 500 students: 21/500×100 = 4.2 (met, exactly T), 5→1.0, 5→1.0, 2500/500 = 5.0, 4000/500 = 8.0,
//          100万/500 = 2000 元 (met, exactly T), 12/500×100 = 2.4 → 7 of 7 met.
//   乙小学 300 students: 12/300×100 = 4.0 (basic: 3.57 ≤ 4.0 < 4.2), 3→1.0, 3→1.0, 1500/300 = 5.0,
//          2000/300 = 6.67 (basic ≥ 6.375), 55万/300 = 1833.3 元 (basic ≥ 1700), 7/300×100 = 2.33 → 4 met, 3 basic: fails.
//          203: 8 classes → 1 room of each needed, music 0 → unmet. 304: 2/60 = 3.33% < 5% → unmet.
//   FORMULA_NAME (民办小学) 200 students: 10→5.0, 2→1.0, 2→1.0, 1000→5.0, 1600→8.0, 50万→2500, 5→2.5 → met.
//   戊教学点 30 students: excluded (< 50).
// 初中 group (5.3 / 1.0 / 0.9 / 5.8 / 10.2 / 2500 / 2.4): 丁中学 600 students all met:
//   33/600×100 = 5.5, 6→1.0, 6→1.0, 3600/600 = 6.0, 6300/600 = 10.5, 160万/600 = 2666.7, 15/600×100 = 2.5.
export const SCHOOL_ROWS: Row[] = [
  ["甲小学", "小学", "公办", 500, null, 12, null, 45, null, 21, null, 5, null, 5, null, 30, 30, 30, 2500, 4000, 100, 12, 1, 1, 100, 6, "是"],
  ["乙小学", "小学", "公办", 300, null, 8, null, 50, null, 12, null, 3, null, 3, null, 20, 20, 20, 1500, 2000, 55, 7, 0, 1, 60, 2, "是"],
  [FORMULA_NAME, "小学", "民办", 200, null, 6, null, 40, null, 10, null, 2, null, 2, null, 12, 12, 12, 1000, 1600, 50, 5, 1, 1, 40, 3, "是"],
  ["丁中学", "初中", "公办", null, 600, null, 12, null, 48, null, 33, null, 6, null, 6, 50, 50, 50, 3600, 6300, 160, 15, 1, 1, 120, 7, "是"],
  ["戊教学点", "教学点", "公办", 30, null, 3, null, 12, null, 2, null, 0, null, 1, null, 4, 4, 4, 200, 300, 5, 1, 0, 0, 10, 0.5, "是"],
  ["己特殊教育学校", "特殊教育学校", "公办", 60, null, 8, null, 10, null, 10, null, 2, null, 3, null, 10, 10, 10, 1000, 1000, 30, 4, 1, 1, 50, 3, "是"],
];

/** 「县级指标」 rows (项目, 数值): 214 and 302 use the seed report's figures. */
export const COUNTY_ROWS: Row[] = [
  ["县（区）名称", "测试区"],
  ["优质高中招生总数", 3445],
  ["优质高中指标到校数", 2452],
  ["指标到校向农村初中倾斜", "是"],
  ["适龄残疾儿童少年数", 677],
  ["本区特殊教育学校就读数", 124],
  ["本区随班就读数", 434],
  ["区外就读数", 67],
  ["其他方式就读数", 48],
  ["社会认可度", "调查中"],
];

/** The fixture workbook as .xlsx bytes. `extra` adds a hidden sheet and a formula cell to prove they are not exported. */
export async function fixtureXlsx(opts: { extras?: boolean; copiesOfYi?: number; badEquipment?: boolean } = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet("学校数据");
  s.addRow(SCHOOL_HEADERS);
  for (const r of SCHOOL_ROWS) s.addRow(r);
  // 乙小学's 教学仪器设备值 (column U, row 3) as text that is not a number.
  if (opts.badEquipment) s.getCell("U3").value = "约55万";
  // Further copies of 乙小学 under new names (a large county with many identical shortfalls).
  for (let i = 1; i <= (opts.copiesOfYi ?? 0); i++) s.addRow([`乙小学${i}`, ...SCHOOL_ROWS[1].slice(1)]);
  const c = wb.addWorksheet("县级指标");
  c.addRow(["项目", "数值", "说明"]);
  for (const r of COUNTY_ROWS) c.addRow(r);
  if (opts.extras) {
    const h = wb.addWorksheet("内部备注");
    h.state = "hidden";
    h.getCell("A1").value = "不应导出";
    // A formula in a checked sheet: exported as its value.
    c.getCell("C2").value = { formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue;
    const f = wb.addWorksheet("草稿");
    f.getCell("A1").value = { formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue;
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
