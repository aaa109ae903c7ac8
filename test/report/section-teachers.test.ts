/**
 * 一、基本情况: 专任教师 per section (docs/report.md). A small county read by the real reader and
 * assessed by the real engine, with and without the 小学/初中专任教师数 columns. Expected figures
 * are hand calculations:
 *   城南小学 30 + 城北中学 50 + 特教学校 10, and 一贯学校 (九年一贯制) with 专任教师数 80 and
 *   高于规定学历教师 小学 30 / 初中 30 → estimated share 30/60 = 0.5 → 40 / 40.
 */
import { assess } from "../../src/engine";
import { outlineText } from "../../src/report/outline";
import { basicFacts, buildReportOutline } from "../../src/report/sentences";
import { readWorkbook } from "../../src/workbook/read";
import { book, sheet } from "../workbook-read/helpers";

const BASE = ["学校名称", "学校类型", "小学在校生数", "初中在校生数", "小学高于规定学历教师数", "初中高于规定学历教师数", "专任教师数"];
const ROWS = [
  ["城南小学", "小学", 500, null, 25, null, 30],
  ["城北中学", "初中", null, 600, null, 35, 50],
  ["特教学校", "特殊教育学校", 60, null, null, null, 10],
  ["一贯学校", "九年一贯制学校", 600, 400, 30, 30, 80],
];
const COUNTY = sheet("县级指标", [["项目", "数值"], ["县（区）名称", "测试区"]]);

/** The report for ROWS, with the two columns filled for 一贯学校 (and extra schools) when given. */
function report(split?: { p: number | null; j: number | null }, extra: (string | number | null)[][] = []) {
  const header = split ? [...BASE, "小学专任教师数", "初中专任教师数"] : BASE;
  const rows = ROWS.map((r) => (split ? [...r, ...(r[0] === "一贯学校" ? [split.p, split.j] : [null, null])] : r));
  const read = readWorkbook(book(sheet("学校数据", [header, ...rows, ...extra]), COUNTY));
  const a = assess(read.dataset);
  return { read, facts: basicFacts(a, read), text: outlineText(buildReportOutline(a, read)) };
}

describe("专任教师 per section in 一、基本情况", () => {
  test("without the columns: the one-through school is estimated and the report says so", () => {
    const { read, facts, text } = report();
    expect(read.issues.filter((i) => /(小学|初中)专任教师数/.test(i.message))).toEqual([]);
    // 小学 30 + 40 = 70, 初中 50 + 40 = 90, 特教 10 → 170.
    expect(facts.teachers).toEqual({ total: 170, primary: 70, junior: 90, special: 10 });
    expect(facts.estimatedSchools).toEqual(["一贯学校"]);
    expect(text).toContain("其中专任教师170人（小学70人、初中90人、特教10人）【提示：一贯学校的小学、初中专任教师数未分学段填写或与专任教师数不符，系按高于规定学历教师数比例估算，请核实】。");
  });

  test("with the split entered: exact, no note", () => {
    const { facts, text } = report({ p: 50, j: 30 });
    // 小学 30 + 50 = 80, 初中 50 + 30 = 80.
    expect(facts.teachers).toEqual({ total: 170, primary: 80, junior: 80, special: 10 });
    expect(facts.estimated).toBe(false);
    expect(text).toContain("其中专任教师170人（小学80人、初中80人、特教10人）。");
    expect(text).not.toContain("估算");
  });

  test("one section entered: the other is the rest of 专任教师数 (exact)", () => {
    expect(report({ p: 50, j: null }).facts).toMatchObject({ teachers: { primary: 80, junior: 80 }, estimated: false });
    expect(report({ p: null, j: 30 }).facts).toMatchObject({ teachers: { primary: 80, junior: 80 }, estimated: false });
  });

  test("both entered but short of 专任教师数: the shortfall (80 − 44 − 30 = 6) is estimated 3 / 3", () => {
    const { facts, text } = report({ p: 44, j: 30 });
    expect(facts.teachers).toEqual({ total: 170, primary: 30 + 47, junior: 50 + 33, special: 10 });
    expect(facts.estimatedSchools).toEqual(["一贯学校"]);
    expect(text).toContain("一贯学校的小学、初中专任教师数未分学段填写");
  });

  test("more than 专任教师数 (60 + 30 > 80): the reader warns, the report falls back to the estimate", () => {
    const { read, facts } = report({ p: 60, j: 30 });
    expect(read.issues.some((i) => i.school === "一贯学校" && i.message.includes("之和（90）多于「专任教师数」（80）"))).toBe(true);
    expect(facts.teachers).toMatchObject({ primary: 70, junior: 90 });
    expect(facts.estimatedSchools).toEqual(["一贯学校"]);
  });

  test("a 完全中学's entered 初中专任教师数 is its 初中 count; without it, its 专任教师数", () => {
    const row = (j: number | null) => [["城东中学", "完全中学", null, 900, null, 50, 100, null, j]];
    // 初中 50 + 30 + 70 = 150 with 70 entered; 50 + 30 + 100 = 180 without.
    expect(report({ p: 50, j: 30 }, row(70)).facts.teachers).toMatchObject({ junior: 150, total: 240 });
    expect(report({ p: 50, j: 30 }, row(null)).facts.teachers).toMatchObject({ junior: 180, total: 270 });
  });
});
