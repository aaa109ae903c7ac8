/**
 * 「评估标准」: the profile written by the template reads back to the same profile, and a
 * bureau's edits override the built-in values (template.md §3).
 */
import { NATIONAL_2017, resolveProfile } from "../../src/engine/profiles";
import { readProfileSheet, profileSheetPlan } from "../../src/workbook/profileSheet";
import { readWorkbook } from "../../src/workbook/read";
import { book, planToSnapshot, sheet } from "./helpers";

const sheetOf = (plan: ReturnType<typeof profileSheetPlan>) => planToSnapshot({ sheets: [plan] }).sheets[0];

describe("profile sheet round trip", () => {
  it("the national profile written as a sheet reads back to the national profile", () => {
    const { override, issues } = readProfileSheet(sheetOf(profileSheetPlan(NATIONAL_2017)));
    expect(issues).toEqual([]);
    expect(resolveProfile(NATIONAL_2017, override)).toEqual(NATIONAL_2017);
    // Every setting in the sheet is read (not just left at the base): compare against a different base.
    const other = resolveProfile(NATIONAL_2017, { cvLimit: { primary: 0.6, junior: 0.6 }, cvRule: "composite", splitFacilities: false, basicRatio: 0.8 });
    expect(resolveProfile(other, override)).toEqual(NATIONAL_2017);
  });

  it("writes percentages as percent-formatted fractions and lists for switches", () => {
    const plan = profileSheetPlan(NATIONAL_2017);
    const values = plan.blocks[0].values;
    const r = values.findIndex((row) => row[0] === "基本达标下限（占标准值比例）");
    expect(values[r][1]).toBe(0.85);
    expect(plan.formats).toContainEqual({ row: r, col: 1, rows: 1, cols: 1, numberFormat: "0%" });
    const rule = values.findIndex((row) => row[0] === "差异系数判定方式");
    expect(values[rule][1]).toBe("每项");
    expect(plan.validations).toContainEqual({ row: rule, col: 1, rows: 1, cols: 1, list: ["每项", "综合"] });
  });
});

describe("edits in the profile sheet", () => {
  const rows = [
    ["评估标准"],
    ["指标编号", "指标", "单位", "小学标准值", "初中标准值"],
    ["106", "生均教学仪器设备值", "元/生", 2200, "2,800"], // provincial thresholds
    ["101", "每百名学生拥有高于规定学历教师数", "人/百生", "很多", null], // bad value; empty = keep
    [],
    ["项目", "数值", "说明"],
    ["小学差异系数上限", 0.45],
    ["差异系数判定方式", "综合"],
    ["基本达标下限（占标准值比例）", 80], // 80 → 80%
    ["多学段学校校舍设备按加权学生数拆分", "否"],
    ["办学规模基本达标上限：小学、初中、完全中学（人）", 2200],
    ["办学规模基本达标上限：九年一贯制学校（人）", "无"],
    ["专用教室应配数取整方式", "向下取整"],
    ["教师培训经费占公用经费预算比例", "6%"],
    ["达标学校至少达标指标数", 6.5], // not an integer
    ["自定义项目", 1],
  ];
  const { override, issues } = readProfileSheet(sheet("评估标准", rows));

  it("overrides thresholds and settings as entered", () => {
    expect(override).toEqual({
      indicators: { "106": { threshold: { primary: 2200, junior: 2800 } } },
      cvLimit: { primary: 0.45 },
      cvRule: "composite",
      basicRatio: 0.8,
      splitFacilities: false,
      scaleBasicLimit: { default: 2200, nineYear: null },
      roomRounding: "floor",
      county: { trainingFundsShare: 0.06 },
    });
  });

  it("reports values it cannot read (built-in value kept) and unknown rows", () => {
    expect(issues).toEqual([
      { sheet: "评估标准", cell: "D4", severity: "error", raw: "很多", message: "指标101小学标准值不是数字，按内置标准执行" },
      { sheet: "评估标准", cell: "B15", severity: "error", raw: "6.5", message: "「达标学校至少达标指标数」应为整数，按内置标准执行" },
      { sheet: "评估标准", cell: "A16", severity: "warning", raw: "自定义项目", message: "项目「自定义项目」无法识别，本行未使用" },
    ]);
  });

  it("reaches ReadResult.profileOverride; an absent sheet gives an empty override", () => {
    const schools = sheet("学校数据", [["学校名称"], ["甲小学"]]);
    expect(readWorkbook(book(schools, sheet("评估标准", rows))).profileOverride).toEqual(override);
    expect(readWorkbook(book(schools)).profileOverride).toEqual({});
  });
});
