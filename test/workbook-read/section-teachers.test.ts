/**
 * 小学/初中专任教师数 (optional columns, docs/workbook-input.md): header aliases, numeric parsing,
 * a value in a section the type lacks, and the check 小学 + 初中 ≤ 专任教师数. Expected cells are
 * counted by hand from the rows below (header on row 1, first school on row 2).
 */
import { NATIONAL_2017 } from "../../src/engine/profiles";
import { readWorkbook } from "../../src/workbook/read";
import { SCHOOL_TEMPLATE, templatePlan } from "../../src/workbook/template";
import { a1 } from "../../src/workbook/text";
import { book, planToSnapshot, sheet } from "./helpers";

const COUNTY = sheet("县级指标", [["项目", "数值"]]);
const HEADER = ["学校名称", "学校类型", "小学在校生数", "初中在校生数", "专任教师数", "小学专任教师数", "初中专任教师数"];
//                 A           B           C              D              E            F                G

function readRows(rows: unknown[][], header: string[] = HEADER) {
  return readWorkbook(book(sheet("学校数据", [header, ...(rows as never[][])]), COUNTY));
}

describe("header matching", () => {
  test.each([
    ["小学专任教师数", "初中专任教师数"],
    ["小学部专任教师数", "初中部专任教师数"],
    ["专任教师数（小学）", "专任教师数(初中)"],
    ["专任教师（小学）（人）", "初中专任教师（人）"],
    [" 小学部 专任教师 ", "初中部专任教师"],
  ])("%s / %s", (p, j) => {
    const read = readRows([["一贯学校", "九年一贯制学校", 600, 400, 80, 50, 30]], ["学校名称", "学校类型", "小学在校生数", "初中在校生数", "专任教师数", p, j]);
    expect(read.dataset.schools[0].values).toMatchObject({ primaryTeachers: 50, juniorTeachers: 30 });
    expect(read.layout.columns).toMatchObject({ primaryTeachers: 5, juniorTeachers: 6 });
  });

  test("under a merged group header 专任教师数 with sub-headers 合计 / 小学 / 初中", () => {
    // Row 1 is a group-header row (≥ 2 filled cells); E1 专任教师数 spreads right over F1, G1.
    const group = ["基本信息", null, "学生", null, "专任教师数", null, null];
    const fields = ["学校名称", "学校类型", "小学在校生数", "初中在校生数", "合计", "小学", "初中"];
    const snap = book(sheet("学校数据", [group, fields, ["一贯学校", "九年一贯制学校", 600, 400, 80, 50, 30]]), COUNTY);
    const read = readWorkbook(snap);
    expect(read.dataset.schools[0].values).toMatchObject({ teachers: 80, primaryTeachers: 50, juniorTeachers: 30 });
  });

  test("absent columns: listed in absentFields, no message", () => {
    const read = readRows([["一贯学校", "九年一贯制学校", 600, 400, 80]], HEADER.slice(0, 5));
    expect(read.dataset.absentFields).toEqual(expect.arrayContaining(["primaryTeachers", "juniorTeachers"]));
    expect(read.issues.filter((i) => /(小学|初中)(部)?专任教师数」/.test(i.message))).toEqual([]);
  });
});

describe("cells", () => {
  const read = readRows([
    ["一贯学校", "九年一贯制学校", 600, 400, 80, 50, 30], // row 2: fine (50 + 30 = 80)
    ["十二年学校", "十二年一贯制学校", 600, 400, 80, "五十", 30], // F3 not a number
    ["城南小学", "小学", 500, null, 30, 30, 5], // G4 初中 at a 小学 → warning, dropped
    ["城北中学", "完全中学", null, 900, 70, 10, 70], // F5 小学 at a 完全中学 → warning, dropped
    ["河边学校", "九年一贯制学校", 600, 400, 80, 60, 30], // 60 + 30 = 90 > 80 → warning at F6 naming F6、G6、E6
    ["山顶学校", "九年一贯制学校", 600, 400, 80, null, 90], // 90 > 80 (one entered) → warning at G7
    ["石角学校", "九年一贯制学校", 600, 400, 80, 40, null], // 40 ≤ 80: fine
    ["新村学校", "九年一贯制学校", 600, 400, 80, -3, 30], // F9 negative
    ["桥头学校", "九年一贯制学校", 600, 400, 80, 40.5, 39], // F10 not whole → warning; 79.5 ≤ 80
  ]);
  const at = (cell: string) => read.issues.filter((i) => i.cell === cell);
  const school = (name: string) => read.dataset.schools.find((s) => s.name === name)!;

  test("a clean split gives no issue", () => {
    expect(read.issues.filter((i) => i.school === "一贯学校" || i.school === "石角学校")).toEqual([]);
    expect(school("一贯学校").values).toMatchObject({ teachers: 80, primaryTeachers: 50, juniorTeachers: 30 });
  });

  test("not a number / negative: error at the cell, field invalid, the rest read", () => {
    expect(at("F3")).toEqual([
      { sheet: "学校数据", cell: "F3", severity: "error", raw: "五十", message: "「小学专任教师数」不是数字，应填非负数", school: "十二年学校" },
    ]);
    expect(school("十二年学校").invalid).toEqual(["primaryTeachers"]);
    expect(school("十二年学校").values.juniorTeachers).toBe(30);
    expect(at("F9")[0]).toMatchObject({ severity: "error", message: "「小学专任教师数」不能为负数" });
    expect(school("新村学校").invalid).toEqual(["primaryTeachers"]);
  });

  test("a section the type lacks: warning, value not used", () => {
    expect(at("G4")).toEqual([
      { sheet: "学校数据", cell: "G4", severity: "warning", raw: "5", message: "小学没有初中学段，「初中专任教师数」的值（5）未参与计算", school: "城南小学" },
    ]);
    expect(school("城南小学").values.juniorTeachers).toBeNull();
    expect(at("F5")[0]).toMatchObject({ severity: "warning", message: "完全中学没有小学学段，「小学专任教师数」的值（10）未参与计算" });
    // After dropping F5, 70 ≤ 70: no sum warning for 城北中学.
    expect(read.issues.filter((i) => i.school === "城北中学")).toHaveLength(1);
  });

  test("小学 + 初中 above 专任教师数: a warning naming the cells", () => {
    expect(at("F6")).toEqual([
      {
        sheet: "学校数据", cell: "F6", severity: "warning", raw: "60", school: "河边学校",
        message: "「小学专任教师数」（60）与「初中专任教师数」（30）之和（90）多于「专任教师数」（80）（F6、G6、E6），请核对",
      },
    ]);
    expect(at("G7")).toEqual([
      {
        sheet: "学校数据", cell: "G7", severity: "warning", raw: "90", school: "山顶学校",
        message: "「初中专任教师数」（90）多于「专任教师数」（80）（G7、E7），请核对",
      },
    ]);
    // A warning only: the values stay.
    expect(school("河边学校").values).toMatchObject({ primaryTeachers: 60, juniorTeachers: 30 });
    expect(school("河边学校").invalid).toBeUndefined();
  });

  test("a fractional count: the usual whole-number warning", () => {
    expect(at("F10")).toEqual([
      { sheet: "学校数据", cell: "F10", severity: "warning", raw: "40.5", message: "「小学专任教师数」应为整数（40.5），按原值计算", school: "桥头学校" },
    ]);
  });
});

describe("template", () => {
  const plan = templatePlan(NATIONAL_2017, []);
  const s = plan.sheets[0];
  const headers = s.blocks[0].values[SCHOOL_TEMPLATE.headerRow];

  test("the two columns follow 专任教师数 in the 教师 group, with the input hint", () => {
    const t = headers.indexOf("专任教师数（人）");
    expect(headers.slice(t, t + 3)).toEqual(["专任教师数（人）", "小学专任教师数（人）", "初中专任教师数（人）"]);
    const groups = s.blocks[0].values[SCHOOL_TEMPLATE.groupRow];
    const teacherGroup = groups.indexOf("教师");
    const merge = s.merges!.find((m) => m.col === teacherGroup)!;
    expect(t + 2).toBeLessThan(merge.col + merge.cols);
    for (const c of [t + 1, t + 2]) {
      expect(s.notes!.find((n) => n.cell === a1(SCHOOL_TEMPLATE.headerRow, c))!.text).toContain("九年一贯制、十二年一贯制学校请分学段填写；单设学校可不填");
    }
  });

  test("read back, the headers map to the fields", () => {
    const read = readWorkbook(planToSnapshot(plan));
    expect(read.layout.columns.primaryTeachers).toBe(headers.indexOf("小学专任教师数（人）"));
    expect(read.layout.columns.juniorTeachers).toBe(headers.indexOf("初中专任教师数（人）"));
  });
});
