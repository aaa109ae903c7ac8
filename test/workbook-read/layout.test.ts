/**
 * 「学校数据」 layouts a bureau actually sends: title rows, merged group headers, units in
 * headers, shuffled columns, text numbers, full-width digits, a previous run's result block.
 * Each expected value is the cell as typed, read by the rules of template.md §1.
 */
import { readWorkbook } from "../../src/workbook/read";
import { toOwnedMark } from "../../src/workbook/owned";
import { RESULT_BLOCK_MARK } from "../../src/workbook/port";
import { book, sheet } from "./helpers";

const COUNTY = sheet("县级指标", [["项目", "数值"]]);

describe("header detection and column matching", () => {
  // Row 1: title; row 2: merged group headers (only the first cell of a merge holds text);
  // row 3: field headers with units, line breaks, full-width brackets, shuffled order.
  const rows = [
    ["綦江区义务教育学校基本情况（2024年）"],
    ["基本信息", null, null, "学生", null, "设备"],
    ["学  校\n名  称", "学校类别", "备注", "在校生数（小学）", "小学班级数(个)", "教学仪器设备值（万元）", "小学高于规定学历教师数（人）"],
    ["城南小学", "小学", "新校区", "1,234", " 28 ", "２４６．８", 60],
    ["东溪中学", "完中", null, null, null, 500, null],
    [null, null, null, null, null, null, null],
    ["不读的行", "小学", null, 1, 1, 1, 1],
  ];
  const read = readWorkbook(book(sheet("学校数据", rows), COUNTY));

  it("finds the header on row 3 and the group row above it", () => {
    expect(read.layout.headerRow).toBe(2);
    expect(read.layout.groupHeaderRow).toBe(1);
    expect(read.layout.firstDataRow).toBe(3);
    expect(read.layout.lastDataRow).toBe(4); // stops at the first empty 学校名称 (row 6)
    expect(read.layout.schoolRows).toEqual([3, 4]);
    expect(read.layout.lastInputCol).toBe(6);
    expect(read.layout.ownedBlock).toBeNull();
  });

  it("matches headers whatever their spacing, brackets, units and order", () => {
    expect(read.layout.columns).toMatchObject({
      name: 0, type: 1, primaryStudents: 3, primaryClasses: 4, equipmentValue: 5, primaryQualifiedTeachers: 6,
    });
  });

  it("reads text numbers, spaces and full-width digits", () => {
    const s = read.dataset.schools[0];
    expect(s).toMatchObject({ name: "城南小学", type: "小学", ownership: "公办" });
    expect(s.values).toMatchObject({ primaryStudents: 1234, primaryClasses: 28, equipmentValue: 246.8, primaryQualifiedTeachers: 60 });
    expect(read.dataset.schools[1].type).toBe("完全中学"); // alias 完中
  });

  it("warns that rows below the empty name were not read", () => {
    const w = read.issues.find((i) => i.message.includes("视为数据结束"));
    expect(w).toMatchObject({ sheet: "学校数据", cell: "A6", severity: "warning" });
    expect(read.dataset.schools.map((s) => s.name)).not.toContain("不读的行");
  });

  it("takes the county name from the title when 县级指标 has none", () => {
    expect(read.dataset.county.name).toBe("綦江区");
  });
});

describe("two-level headers whose field cell only names the section", () => {
  it("combines a merged group header 在校生数 with sub-headers 小学 / 初中", () => {
    const rows = [
      [null, null, "在校生数（人）", null, "班级数", null],
      ["学校名称", "学校类型", "小学", "初中", "小学", "初中"],
      ["九龙学校", "九年一贯制", 600, 300, 12, 6],
    ];
    const read = readWorkbook(book(sheet("学校数据", rows), COUNTY));
    expect(read.layout.columns).toMatchObject({ primaryStudents: 2, juniorStudents: 3, primaryClasses: 4, juniorClasses: 5 });
    expect(read.dataset.schools[0].values).toMatchObject({ primaryStudents: 600, juniorStudents: 300, primaryClasses: 12, juniorClasses: 6 });
  });
});

describe("a previous run's result block is the product's by its marker only", () => {
  const marked = (snap: ReturnType<typeof book>, ref: string) => ({
    ...snap,
    owned: { marks: [toOwnedMark(RESULT_BLOCK_MARK, ref)], rules: [] },
  });

  it("skips the marked block and reads around it; a column the user added after it is input", () => {
    const rows = [
      ["基本信息", null, "学生", null, "评估结果", null, null, null],
      ["学校名称", "学校类型", "小学在校生数", null, "小学监测点", "需改进", null, "教师培训经费"],
      ["城南小学", "小学", 500, null, "达标", null, null, 3.5],
    ];
    const read = readWorkbook(marked(book(sheet("学校数据", rows), COUNTY), "='学校数据'!$E$1:$F$3"));
    expect(read.layout.ownedBlock).toEqual({ row: 0, col: 4, rows: 3, cols: 2 });
    expect(read.layout.columns.trainingFunds).toBe(7);
    expect(read.dataset.schools[0].values.trainingFunds).toBe(3.5);
    expect(read.layout.lastInputCol).toBe(7);
    expect(read.layout.lastUsedCol).toBe(7); // the next block goes after the user's column
  });

  it("without a marker, columns headed 评估结果 / 评估结论 / 需改进 are the user's own input (never taken for a block)", () => {
    const rows = [
      ["学校名称", "学校类型", "小学在校生数", null, "评估结论", "评估结果：需改进"],
      ["城南小学", "小学", 500, null, "良好", "自评：加强"],
    ];
    const read = readWorkbook(book(sheet("学校数据", rows), COUNTY));
    expect(read.layout.ownedBlock).toBeNull();
    expect(read.layout.lastInputCol).toBe(5);
    expect(read.layout.lastUsedCol).toBe(5);
  });

  it("counts unheaded notes right of the table and below it as used", () => {
    const rows = [
      ["学校名称", "学校类型", "小学在校生数"],
      ["城南小学", "小学", 500, null, null, "备注：数据待核"],
      [null, null, null],
      ["注：本表由教育局填报", null, null, null, null, null, null, "审核人"],
    ];
    const read = readWorkbook(book(sheet("学校数据", rows), COUNTY));
    expect(read.layout.lastInputCol).toBe(2);
    expect(read.layout.lastUsedCol).toBe(7);
  });
});

describe("percent-free value kinds on the school sheet", () => {
  it("reads 是/否 spellings, 办学性质, 城乡类别 and 参评", () => {
    const rows = [
      ["学校名称", "学校类型", "办学性质", "城乡类别", "是否参评", "是否有章程", "小学在校生数"],
      ["甲小学", "小学", "民办", "乡村", "否", "√", 80],
      ["乙小学", "小学", null, null, null, "无", 90],
    ];
    const read = readWorkbook(book(sheet("学校数据", rows), COUNTY));
    expect(read.dataset.schools[0]).toMatchObject({ ownership: "民办", urbanRural: "乡村", participate: false, charter: true });
    expect(read.dataset.schools[1]).toMatchObject({ ownership: "公办", urbanRural: null, participate: null, charter: false });
  });
});
