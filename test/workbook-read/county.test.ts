/**
 * 「县级指标」 (template.md §2). Figures are the seed report's (qijiang-self-evaluation-report.txt):
 * 214 3445/2452, 302 677 and 124/434/67/48, 215 2764/2764, 309 待监测, 社会认可度 调查中.
 */
import { readWorkbook } from "../../src/workbook/read";
import { book, sheet } from "./helpers";

const SCHOOLS = sheet("学校数据", [["学校名称", "学校类型", "小学在校生数"], ["城南小学", "小学", 500]]);

describe("county sheet", () => {
  const rows = [
    ["綦江区县级指标"], // title row: ignored (name comes from the 县（区）名称 row)
    ["指标编号", "项目", "数值", "说明", "佐证材料"], // header on row 2, extra columns free
    [null, "县（区）名称", "綦江区"],
    ["214", "优质高中招生总数", "3,445"],
    ["214", "优质高中指标到校数", 2452],
    ["214", "指标到校向农村初中倾斜", "是"],
    ["215", "随迁子女总数", 2764],
    ["215", "随迁子女在公办及政府购买服务民办学校就读数", 2764],
    ["302", "适龄残疾儿童少年数", 677],
    ["302", "本区特殊教育学校就读数", 124],
    ["302", "本区随班就读数", 434],
    ["302", "区外就读数", 67],
    ["302", "其他方式就读数", 48],
    ["213", "城镇公办小学就近入学比例", "100%"], // text with % sign
    ["213", "城镇公办初中就近入学比例", 1], // percent-formatted 100% (stored 1)
    ["301", "初中三年巩固率", 96.5], // bare number > 1: percentage points
    ["309", "质量监测达Ⅲ级以上", "待监测"],
    ["309", "质量监测校际差异率", "待监测"],
    ["社会认可度", "社会认可度", "调查中"],
    ["201", "学校规划布局", "达标", "编制和实施了教育事业发展“十四五”规划"],
    ["202", "四统一标准", "未达标"], // alias of 四统一
    ["305", "随便写的项目名", "达标"], // unknown name, but 指标编号 305 identifies the qualitative row
    [null, "以考试方式招生", "否"],
    [null, "弄虚作假", "否"],
    [null, "不认识的项目", 12],
    ["207", "特殊教育学校生均公用经费", "六千"],
    ["214", "优质高中招生总数", 1], // duplicate
  ];
  const read = readWorkbook(book(SCHOOLS, sheet("县级指标", rows, { "14,2": "0%" })));
  const c = read.dataset.county;

  it("reads numbers, text numbers and the county name", () => {
    expect(c.name).toBe("綦江区");
    expect(c.numbers).toMatchObject({
      qualityHighSchoolAdmissions: 3445, quotaToSchools: 2452, migrantChildren: 2764, migrantInPublic: 2764,
      disabledChildren: 677, disabledInSpecialSchool: 124, disabledInRegularClass: 434, disabledOutside: 67, disabledOther: 48,
    });
  });

  it("reads percentages in every spelling as fractions", () => {
    expect(c.numbers.nearbyPrimaryRate).toBe(1);
    expect(c.numbers.nearbyJuniorRate).toBe(1);
    expect(c.numbers.juniorRetentionRate).toBeCloseTo(0.965, 12);
  });

  it("待监测 / 调查中 are pending", () => {
    expect(c.flags.qualityMonitoringLevel).toBe("pending");
    expect(c.numbers.qualityMonitoringGap).toBe("pending");
    expect(c.numbers.socialRecognition).toBe("pending");
  });

  it("flags, qualitative conclusions with notes, vetoes", () => {
    expect(c.flags.quotaRuralTilt).toBe(true);
    expect(c.qualitative).toMatchObject({ "201": true, "202": false, "305": true });
    expect(c.qualitativeNotes?.["201"]).toBe("编制和实施了教育事业发展“十四五”规划");
    expect(c.vetoes).toEqual({ examAdmission: false, falsification: false });
  });

  it("addresses every item by row", () => {
    expect(read.countyRows).toMatchObject({ name: 2, qualityHighSchoolAdmissions: 3, "201": 19, "305": 21, examAdmission: 22 });
  });

  it("reports an unknown item, a bad value and a duplicate item with their cells", () => {
    const county = read.issues.filter((i) => i.sheet === "县级指标");
    expect(county).toEqual([
      { sheet: "县级指标", cell: "B25", severity: "warning", raw: "不认识的项目", message: "项目「不认识的项目」无法识别，本行未读取" },
      { sheet: "县级指标", cell: "C26", severity: "error", raw: "六千", message: "「特殊教育学校生均公用经费」不是数字" },
      { sheet: "县级指标", cell: "B27", severity: "error", raw: "优质高中招生总数", message: "项目「优质高中招生总数」重复（第一次在第4行），本行未读取" },
    ]);
    expect(c.invalid).toEqual(["specialEdFundsPerStudent"]);
    expect(c.numbers.qualityHighSchoolAdmissions).toBe(3445); // the first row stands
  });
});

describe("missing or headerless county sheet", () => {
  it("a missing sheet is a warning, county data empty", () => {
    const read = readWorkbook(book(SCHOOLS));
    expect(read.issues).toContainEqual(expect.objectContaining({ sheet: "县级指标", cell: null, severity: "warning" }));
    expect(read.dataset.county.numbers).toEqual({});
  });
  it("no 数值 column is an error", () => {
    const read = readWorkbook(book(SCHOOLS, sheet("县级指标", [["项目", "备注"], ["随迁子女总数", 1]])));
    expect(read.issues).toContainEqual(expect.objectContaining({ sheet: "县级指标", severity: "error", message: "「县级指标」缺少「数值」列，县级指标均按未填处理" }));
  });
});
