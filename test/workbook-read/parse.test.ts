/**
 * Cell parsers. Expected values are the plain reading of each spelling a bureau may type
 * (template.md §1 numbers, §2 percentages); each case says why.
 */
import {
  isPercentFormat, parseAmount, parseOwnership, parsePercent, parseQualitative, parseSchoolType, parseUrbanRural, parseYesNo,
} from "../../src/workbook/parse";
import { normHeader } from "../../src/workbook/text";

describe("parseAmount (counts, ㎡, 万元)", () => {
  it.each([
    [1234, 1234], // a real number
    ["1,234", 1234], // thousands separator
    ["1，234", 1234], // full-width comma as separator
    [" 56 ", 56], // surrounding spaces
    ["１２３", 123], // full-width digits
    ["　７８．５　", 78.5], // full-width spaces, digits and point
    ["1,234,567.25", 1234567.25],
    [0, 0],
  ])("%p reads as %p", (raw, want) => {
    expect(parseAmount(raw)).toEqual({ ok: true, value: want });
  });

  it("reads the column's own unit after the number, not another one", () => {
    expect(parseAmount("56人", "人")).toEqual({ ok: true, value: 56 });
    expect(parseAmount("1200㎡", "㎡")).toEqual({ ok: true, value: 1200 });
    expect(parseAmount("12.5万元", "万元")).toEqual({ ok: true, value: 12.5 });
    // 元 in a 万元 column would be off by 10 000: not read.
    expect(parseAmount("120000元", "万元").ok).toBe(false);
  });

  it("empty is null", () => {
    expect(parseAmount(null)).toEqual({ ok: true, value: null });
    expect(parseAmount("  ")).toEqual({ ok: true, value: null });
  });

  it.each([
    ["-3", "不能为负数"],
    [-1, "不能为负数"],
    ["约50", "不是数字"],
    ["—", "不是数字"],
    ["1,23", "不是数字"], // not a thousands grouping: refused rather than guessed
    ["12.3.4", "不是数字"],
  ])("%p is an error: %s", (raw, reason) => {
    expect(parseAmount(raw)).toEqual({ ok: false, reason });
  });

  it("a logical value is an error", () => {
    expect(parseAmount(true).ok).toBe(false);
  });
});

describe("parsePercent: 71.2%, 71.2 and 0.712 (percent-formatted) read the same", () => {
  it.each([
    ["71.2%", "General", 0.712],
    ["７１．２％", "General", 0.712], // full-width
    [71.2, "General", 0.712], // bare number > 1: percentage points
    [0.712, "0.0%", 0.712], // Excel stores 71.2% as 0.712 in a percent cell
    [0.712, "General", 0.712], // bare number ≤ 1: a fraction
    ["0.712", "General", 0.712],
    [1, "General", 1], // 1 = 100% (rates of 1% do not occur for these items)
    [100, "General", 1],
    [0.95, '0.00%;[Red]-0.00%', 0.95],
  ])("%p with format %p → %p", (raw, fmt, want) => {
    const p = parsePercent(raw, fmt);
    expect(p.ok).toBe(true);
    if (p.ok) expect(p.value).toBeCloseTo(want, 12);
  });

  it("above 100% or negative is an error", () => {
    expect(parsePercent(120)).toEqual({ ok: false, reason: "比例不能超过100%" });
    expect(parsePercent(1.2, "0%")).toEqual({ ok: false, reason: "比例不能超过100%" });
    expect(parsePercent("-5%")).toEqual({ ok: false, reason: "不能为负数" });
    expect(parsePercent("很高").ok).toBe(false);
  });

  it("recognises percent formats but not a quoted or escaped % sign", () => {
    expect(isPercentFormat("0.0%")).toBe(true);
    expect(isPercentFormat('0.0"%"')).toBe(false);
    expect(isPercentFormat("0.0\\%")).toBe(false);
    expect(isPercentFormat("General")).toBe(false);
  });
});

describe("是/否, 达标/未达标 and enums", () => {
  it.each([["是", true], ["有", true], ["Y", true], ["y", true], ["√", true], [true, true], ["否", false], ["无", false], ["N", false], ["×", false], [false, false]])(
    "%p → %p",
    (raw, want) => expect(parseYesNo(raw)).toEqual({ ok: true, value: want }),
  );
  it("anything else is an error; empty is null", () => {
    expect(parseYesNo("可能").ok).toBe(false);
    expect(parseYesNo(null)).toEqual({ ok: true, value: null });
  });
  it("qualitative conclusions", () => {
    expect(parseQualitative("达标")).toEqual({ ok: true, value: true });
    expect(parseQualitative("未达标")).toEqual({ ok: true, value: false });
    expect(parseQualitative("待监测")).toEqual({ ok: true, value: "pending" });
    expect(parseQualitative("良好").ok).toBe(false);
  });
  it("学校类型 and the aliases of template.md §1", () => {
    const cases: [string, string][] = [
      ["九年一贯制", "九年一贯制学校"], ["十二年一贯制", "十二年一贯制学校"], ["完中", "完全中学"], ["高完中", "完全中学"],
      ["特教学校", "特殊教育学校"], [" 小学 ", "小学"], ["初级中学", "初中"], ["教学点", "教学点"],
    ];
    for (const [raw, want] of cases) expect(parseSchoolType(raw)).toEqual({ ok: true, value: want });
    expect(parseSchoolType("职业高中")).toEqual({ ok: false, reason: expect.stringContaining("不是可识别的学校类型") });
  });
  it("办学性质 and 城乡类别 (incl. statistical 城乡分类 codes)", () => {
    expect(parseOwnership("民办")).toEqual({ ok: true, value: "民办" });
    expect(parseOwnership("公立")).toEqual({ ok: true, value: "公办" });
    expect(parseUrbanRural("村庄")).toEqual({ ok: true, value: "乡村" });
    expect(parseUrbanRural(121)).toEqual({ ok: true, value: "镇区" });
    expect(parseUrbanRural("郊区").ok).toBe(false);
  });
});

describe("normHeader", () => {
  it.each([
    ["教学仪器设备值（万元）", "教学仪器设备值"],
    ["教学仪器设备值(万元)", "教学仪器设备值"],
    ["教学及辅助用房面积\n（㎡）", "教学及辅助用房面积"],
    ["学 校\u3000名 称", "学校名称"],
    ["在校生数（小学）", "小学在校生数"],
    ["教师培训经费（预算）", "教师培训经费预算"],
    ["*学校名称", "学校名称"],
    ["小学在校生数【人】", "小学在校生数"],
  ])("%p → %p", (raw, want) => expect(normHeader(raw)).toBe(want));
});
