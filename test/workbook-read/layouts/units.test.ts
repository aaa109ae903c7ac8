/**
 * Units from headers and title lines, plausibility bounds, ambiguous columns, codes, and the
 * 「列对应」 round trip. Expected figures by hand.
 */
import { readWorkbook } from "../../../src/workbook/read";
import { columnMapSheetPlan } from "../../../src/workbook/columnMap";
import type { CellValue } from "../../../src/workbook/plan";
import { book, planToSnapshot, sheet } from "../helpers";

const HEAD = ["学校名称", "学校类型", "小学在校生数", "小学班级数"];
const ROW: CellValue[] = ["城关小学", "小学", 500, 12];
const one = (header: string[], row: CellValue[], title?: string) =>
  readWorkbook(book(sheet("学校数据", title ? [[title], [...HEAD, ...header], [...ROW, ...row]] : [[...HEAD, ...header], [...ROW, ...row]])));

describe("units", () => {
  it("教学仪器设备值（元） is divided by 10 000, never read as 万元", () => {
    const r = one(["教学仪器设备值（元）"], [1_250_000]);
    expect(r.dataset.schools[0].values.equipmentValue).toBeCloseTo(125, 9);
  });
  it("a unit in the title line applies to a header without one (金额单位：元)", () => {
    const r = one(["教学仪器设备资产值"], [1_250_000], "某某县学校基础数据（金额单位：元）");
    expect(r.dataset.schools[0].values.equipmentValue).toBeCloseTo(125, 9);
  });
  it("a unit the product does not know is a warning and the column is not read", () => {
    const r = one(["教学仪器设备值（美元）"], [180_000]);
    expect(r.dataset.schools[0].values.equipmentValue).toBeUndefined();
    expect(r.issues).toContainEqual(expect.objectContaining({ cell: "E1", severity: "warning", message: expect.stringContaining("单位「美元」无法识别") }));
  });
  it("万平方米 is converted to ㎡", () => {
    const r = one(["教学及辅助用房面积（万平方米）"], [0.3]);
    expect(r.dataset.schools[0].values.teachingArea).toBeCloseTo(3000, 9);
  });
});

describe("plausibility warnings (unit mistakes no header reveals)", () => {
  it("106 over 100 000 元 per student: 6 000 万元 for 500 students = 120 000 元", () => {
    const r = one(["教学仪器设备值（万元）"], [6000]);
    expect(r.issues).toContainEqual(expect.objectContaining({ cell: "E2", severity: "warning", message: expect.stringContaining("生均教学仪器设备值为120000元") }));
  });
  it("an area over 200 ㎡ per student: 150 000 ㎡ for 500 students = 300", () => {
    const r = one(["教学及辅助用房面积"], [150_000]);
    expect(r.issues).toContainEqual(expect.objectContaining({ cell: "E2", severity: "warning", message: expect.stringContaining("生均300平方米") }));
  });
  it("teachers over students", () => {
    const r = one(["专任教师数"], [600]);
    expect(r.issues).toContainEqual(expect.objectContaining({ cell: "E2", severity: "warning", message: "专任教师数（600）多于在校生数（500），请核对" }));
  });
  it("an ordinary school gets none of them", () => {
    const r = one(["教学仪器设备值（万元）", "教学及辅助用房面积", "专任教师数"], [125, 3000, 30]);
    expect(r.issues.filter((i) => i.cell === "E2" || i.cell === "F2" || i.cell === "G2")).toEqual([]);
  });
});

describe("ambiguous columns: a message and no silent choice", () => {
  it("two 本科 columns of 小学 teachers with different figures: neither is used, both named", () => {
    const r = readWorkbook(
      book(
        sheet("Sheet1", [
          ["学校名称", "学校类型", "在校生数", null, "专任教师", null, null, null],
          [null, null, "小学", "初中", "小学本科", "小学专科", "小学研究生", "小学专任教师本科"],
          ["城关小学", "小学", 500, null, 15, 4, 2, 16],
        ]),
      ),
    );
    expect(r.issues).toContainEqual(
      expect.objectContaining({ severity: "error", message: expect.stringMatching(/^有2列都对应「小学专任教师（本科）」（E2「专任教师→小学本科」、H2「专任教师→小学专任教师本科」），无法确定使用哪一列，均未读取/) }),
    );
    // 101 is not built from the other parts (研究生 + 专科 alone would be a wrong sum): the column is missing.
    expect(r.dataset.schools[0].values.primaryQualifiedTeachers).toBeUndefined();
    expect(r.dataset.absentFields).toContain("primaryQualifiedTeachers");
  });
  it("two sheets that look like school data equally: the user chooses", () => {
    const data = (name: string) => sheet(name, [["学校名称", "学校类型", "小学在校生数"], ["城关小学", "小学", 500]]);
    expect(() => readWorkbook(book(data("Sheet1"), data("Sheet2")))).toThrow(/有2个工作表都像学校数据（「Sheet1」、「Sheet2」）.*--sheet/);
    expect(readWorkbook(book(data("Sheet1"), data("Sheet2")), { sheets: ["Sheet2"] }).layout.sheet).toBe("Sheet2");
  });
});

describe("codes instead of names", () => {
  it("办学类型 and 城乡分类 as codes (GB/T 33782-2017), 举办者类型 as words", () => {
    const r = readWorkbook(
      book(
        sheet("基础数据", [
          ["学校名称", "办学类型", "城乡分类", "举办者类型", "小学在校生数", "初中在校生数"],
          ["甲校", 211, "111", "教育部门", 500, null],
          ["乙校", "312", "122", "民办", 300, 200],
          ["丙校", "218 小学教学点", "220", "其他部门", 30, null],
        ]),
      ),
    );
    expect(r.dataset.schools.map((s) => [s.type, s.urbanRural, s.ownership])).toEqual([
      ["小学", "城区", "公办"],
      ["九年一贯制学校", "镇区", "民办"],
      ["教学点", "乡村", "公办"],
    ]);
  });
});

describe("the 「列对应」 sheet", () => {
  const data = sheet("2024年基础数据", [
    ["某某县学校基础数据"],
    ["学校名称", "学校类型", "在校生数", null, "专任教师", null, null, "教学及辅助用房", null, "运动场地面积"],
    [null, null, "小学", "初中", "小学研究生", "小学本科", "小学专科", "计", "其中：室内体育用房", null],
    ["城关小学", "小学", 500, null, 2, 15, 4, 3000, 600, 3400],
  ]);
  it("round trip: written from what was found, edited, then read by it", () => {
    const first = readWorkbook(book(data));
    expect(first.dataset.schools[0].values.primaryQualifiedTeachers).toBe(21);
    expect(first.dataset.schools[0].values.teachingArea).toBe(2400);
    expect(first.dataset.schools[0].values.sportsArea).toBe(4000);
    const map = planToSnapshot({ sheets: [columnMapSheetPlan(first.mapping)] }).sheets[0];
    const rows = map.values.map((r) => r.map((v) => (typeof v === "string" ? v : v)));
    const text = rows.map((r) => r.join("|")).join("\n");
    expect(text).toContain("2024年基础数据||小学高于规定学历教师数|E+F+G||专任教师→小学研究生 ＋ 专任教师→小学本科 ＋ 专任教师→小学专科|");
    expect(text).toContain("教学及辅助用房面积|H−I|");
    // Read by it unchanged: the same dataset.
    const again = readWorkbook(book(data, map));
    expect(again.layout.kind).toBe("statistics");
    expect(again.dataset.schools).toEqual(first.dataset.schools);
    // Edit: 101 without 专科 (a bureau's own reading), 104 as entered.
    const edited = map.values.map((r) => r.map((v) => (v === "E+F+G" ? "E+F" : v === "H−I" ? "H" : v)));
    const byMap = readWorkbook(book(data, { ...map, values: edited }));
    expect(byMap.dataset.schools[0].values.primaryQualifiedTeachers).toBe(17);
    expect(byMap.dataset.schools[0].values.teachingArea).toBe(3000);
  });
  it("a column the sheet cannot read is an error addressed to the 列对应 cell", () => {
    const first = readWorkbook(book(data));
    const map = planToSnapshot({ sheets: [columnMapSheetPlan(first.mapping)] }).sheets[0];
    const r0 = map.values.findIndex((r) => r.includes("E+F+G"));
    const c0 = map.values[r0].indexOf("E+F+G");
    const edited = map.values.map((r, i) => r.map((v, j) => (i === r0 && j === c0 ? "第五列" : v)));
    const r = readWorkbook(book(data, { ...map, values: edited }));
    expect(r.issues).toContainEqual(expect.objectContaining({ sheet: "列对应", severity: "error", message: expect.stringContaining("的列「第五列」无法识别") }));
  });
});

describe("the 列 notation of 「列对应」", () => {
  it("reads sums, differences, a column product and a scale; X is a column, not a times sign", async () => {
    const { parseFormula } = await import("../../../src/workbook/columnMap");
    expect(parseFormula("V+W+X")).toEqual({ terms: [[21, 1], [22, 1], [23, 1]], times: undefined, scale: 1 });
    expect(parseFormula("AD−AE")).toEqual({ terms: [[29, 1], [30, -1]], times: undefined, scale: 1 });
    expect(parseFormula("g×e÷100")).toEqual({ terms: [[6, 1]], times: 4, scale: 0.01 });
    expect(parseFormula("第五列")).toBeNull();
  });
});

describe("profile option indoorSportsTo105 (indicators.md §2), shown in 「评估标准」", () => {
  const data = sheet("基础数据", [
    ["学校名称", "学校类型", "小学在校生数", "教学及辅助用房", null, "运动场地面积"],
    [null, null, null, "计", "其中：室内体育用房", null],
    ["城关小学", "小学", 500, 3000, 600, 3400],
  ]);
  it("on (default): 104 = 3000 − 600 = 2400, 105 = 3400 + 600 = 4000", () => {
    const v = readWorkbook(book(data)).dataset.schools[0].values;
    expect([v.teachingArea, v.sportsArea]).toEqual([2400, 4000]);
  });
  it("off in the workbook's 「评估标准」 sheet: 104 and 105 as entered", () => {
    const profile = sheet("评估标准", [["项目", "数值", "说明"], ["室内体育用房计入体育运动场馆面积", "否", null]]);
    const r = readWorkbook(book(data, profile));
    expect(r.profileOverride.indoorSportsTo105).toBe(false);
    const v = r.dataset.schools[0].values;
    expect([v.teachingArea, v.sportsArea]).toEqual([3000, 3400]);
  });
  it("the template writes the row with the value in force", async () => {
    const { profileSheetPlan } = await import("../../../src/workbook/profileSheet");
    const { NATIONAL_2017 } = await import("../../../src/engine/profiles");
    const cells = profileSheetPlan(NATIONAL_2017).blocks.flatMap((b) => b.values);
    expect(cells.find((row) => row.includes("室内体育用房计入体育运动场馆面积"))).toContain("是");
  });
});
