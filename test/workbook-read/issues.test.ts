/**
 * Every kind of bad input (template.md §5): a clear Chinese message naming sheet and cell,
 * and the other schools still read. Expected cells are counted by hand from the rows below
 * (header on row 1, first school on row 2).
 */
import { UnusableWorkbookError } from "../../src/workbook/contract";
import { readWorkbook } from "../../src/workbook/read";
import { book, sheet } from "./helpers";

const COUNTY = sheet("县级指标", [["项目", "数值"]]);
const HEADER = ["学校名称", "学校类型", "小学在校生数", "初中在校生数", "专任教师数", "小学骨干教师数", "教学仪器设备值", "教师培训经费"];
//                 A           B           C              D              E            F               G               H

function readRows(rows: unknown[][], header = HEADER) {
  return readWorkbook(book(sheet("学校数据", [header, ...(rows as never[][])]), COUNTY));
}

describe("unusable workbooks", () => {
  it("no 学校数据 sheet", () => {
    expect(() => readWorkbook(book(sheet("Sheet1", [["学校名称"]])))).toThrow(UnusableWorkbookError);
    expect(() => readWorkbook(book(sheet("Sheet1", [["学校名称"]])))).toThrow(/找不到「学校数据」工作表.*现有工作表：Sheet1/);
  });
  it("a 学校数据 sheet whose name has a stray space is named in the message", () => {
    const snap = { sheetNames: ["学校数据 "], sheets: [] };
    expect(() => readWorkbook(snap)).toThrow(/「学校数据 」的名称含有多余的空格/);
  });
  it("no 学校名称 header in the first 10 rows", () => {
    const rows = [...Array(10).fill(["说明"]), ["学校名称"]];
    expect(() => readWorkbook(book(sheet("学校数据", rows), COUNTY))).toThrow(/前10行中找不到「学校名称」/);
  });
});

describe("bad cells", () => {
  const read = readRows([
    ["城南小学", "小学", "五百", null, 30, 5, 100, 1], // C2 not a number
    ["城北小学", "小学", -20, null, 30, 5, 100, 1], // C3 negative
    ["职教中心", "职业高中", 400, null, 30, 5, 100, 1], // B4 unknown type
    ["城南小学", "小学", 300, null, 20, 3, 60, 1], // A5 duplicate name
    ["新村小学", "小学", 30, null, 400, 1, 10, 1], // E6 teachers > 10 × students
    ["河边小学", "小学", 500, 120, 35, 6, 100, 1], // D7 初中 count at a 小学
    ["山顶小学", null, 200, null, 12, 2, 40, 1], // B8 empty type
    ["合计", null, 1400, null, 147, 22, 410, 6], // A9 totals row
    ["石角小学", "小学", 400, null, 500, 5, 100, 1], // E10 teachers > students (but < 10×)
  ]);
  const at = (cell: string) => read.issues.filter((i) => i.sheet === "学校数据" && i.cell === cell);

  it("a non-number count: error at C2 with the raw text, field invalid, the rest of the row read", () => {
    expect(at("C2")).toEqual([
      { sheet: "学校数据", cell: "C2", severity: "error", raw: "五百", message: "「小学在校生数」不是数字，应填非负数", school: "城南小学" },
    ]);
    const s = read.dataset.schools[0];
    expect(s.invalid).toEqual(["primaryStudents"]);
    expect(s.values.primaryStudents).toBeUndefined();
    expect(s.values.equipmentValue).toBe(100);
  });

  it("a negative count: error at C3", () => {
    expect(at("C3")[0]).toMatchObject({ severity: "error", raw: "-20", message: "「小学在校生数」不能为负数" });
    expect(read.dataset.schools[1].invalid).toContain("primaryStudents");
  });

  it("an unknown 学校类型: error at B4, type null, school kept", () => {
    expect(at("B4")[0]).toMatchObject({ severity: "error", raw: "职业高中", message: expect.stringContaining("不是可识别的学校类型") });
    const s = read.dataset.schools.find((x) => x.name === "职教中心")!;
    expect(s.type).toBeNull();
    expect(s.invalid).toContain("type");
  });

  it("a duplicate 学校名称: error on the second (A5), naming the first row; the second row is skipped", () => {
    expect(at("A5")[0]).toMatchObject({ severity: "error", message: "学校名称「城南小学」重复（第一次在第2行），本行未读取" });
    expect(read.dataset.schools.filter((s) => s.name === "城南小学")).toHaveLength(1);
    expect(read.layout.schoolRows).not.toContain(4);
  });

  it("teachers more than 10 × students: error at E6, teachers and students invalid", () => {
    expect(at("E6")[0]).toMatchObject({ severity: "error", message: expect.stringContaining("超过在校生数（30）的10倍") });
    expect(read.dataset.schools.find((s) => s.name === "新村小学")!.invalid).toEqual(expect.arrayContaining(["teachers", "primaryStudents"]));
  });

  it("teachers more than students but within 10 ×: warning only", () => {
    expect(at("E10")[0]).toMatchObject({ severity: "warning", message: "专任教师数（500）多于在校生数（400），请核对" });
    expect(read.dataset.schools.find((s) => s.name === "石角小学")!.invalid).toBeUndefined();
  });

  it("a value in a column the type does not use: warning at D7, value not used", () => {
    expect(at("D7")[0]).toMatchObject({ severity: "warning", raw: "120", message: "小学没有初中学段，「初中在校生数」的值（120）未参与计算" });
    expect(read.dataset.schools.find((s) => s.name === "河边小学")!.values.juniorStudents).toBeNull();
  });

  it("an empty 学校类型: error at B8", () => {
    expect(at("B8")[0]).toMatchObject({ severity: "error", message: "未填「学校类型」，该校各项指标不能计算" });
  });

  it("a totals row is skipped with a warning", () => {
    expect(at("A9")[0]).toMatchObject({ severity: "warning", message: "「合计」行是合计行，不是学校，已跳过" });
    expect(read.dataset.schools.map((s) => s.name)).not.toContain("合计");
  });

  it("every other school is read in full", () => {
    // 9 data rows − 1 duplicate − 1 totals row = 7 schools.
    expect(read.dataset.schools).toHaveLength(7);
    expect(read.layout.schoolRows).toEqual([1, 2, 3, 5, 6, 7, 9]);
  });
});

describe("missing and ambiguous columns", () => {
  it("missing 学校类型 column: error issue, type absent", () => {
    const read = readRows([["城南小学", 500]], ["学校名称", "小学在校生数"]);
    expect(read.issues).toContainEqual(expect.objectContaining({ cell: null, severity: "error", message: expect.stringContaining("缺少「学校类型」列") }));
    expect(read.dataset.absentFields).toContain("type");
    expect(read.dataset.schools[0].type).toBeNull();
  });

  it("missing student column needed by a school: error; optional column: warning naming the skipped check", () => {
    const read = readRows([["城南中学", "初中", 30]], ["学校名称", "学校类型", "专任教师数"]);
    const msgs = read.issues.map((i) => `${i.severity}:${i.message}`);
    expect(msgs).toContain("error:缺少「初中在校生数」列：无法计算初中监测点的各项指标");
    expect(msgs).toContain("warning:缺少「教师培训经费」列：指标304不能计算，已跳过");
    expect(msgs).toContain("warning:缺少「教学仪器设备值」列：指标106不能计算，已跳过");
    // No school needs 小学 columns: their absence is not reported, only listed.
    expect(msgs.some((m) => m.includes("小学在校生数"))).toBe(false);
    expect(read.dataset.absentFields).toEqual(expect.arrayContaining(["primaryStudents", "juniorStudents", "trainingFunds", "equipmentValue"]));
  });

  it("two columns for one field: error naming both cells, neither used", () => {
    const read = readRows([["城南小学", "小学", 500, 480]], ["学校名称", "学校类型", "小学在校生数", "小学学生数"]);
    expect(read.issues).toContainEqual(
      expect.objectContaining({ cell: "C1", severity: "error", message: "有2列都对应「小学在校生数」（C1「小学在校生数」、D1「小学学生数」），无法确定使用哪一列，均未读取。请在「列对应」表中指定一列，或删除、改名其中一列" }),
    );
    expect(read.layout.columns.primaryStudents).toBeUndefined();
    expect(read.dataset.absentFields).toContain("primaryStudents");
  });

  it("a school type's section without students: warning that no unit is formed", () => {
    const read = readRows([["九龙学校", "九年一贯制学校", 600, null, 40, 6, 100, 1]]);
    expect(read.issues).toContainEqual(expect.objectContaining({ cell: "D2", severity: "warning", message: "未填「初中在校生数」，该校不形成初中监测点" }));
  });
});
