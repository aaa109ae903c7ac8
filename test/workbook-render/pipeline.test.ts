/**
 * The whole assessment over real .xlsx files: exceljs fixture → XlsxHost → readWorkbook → engine →
 * renderAssessment → apply → saved bytes, then re-read with exceljs.
 *
 * Properties checked over many generated workbooks with messy layouts: no input cell value
 * changes; running twice gives exactly the workbook of running once. Plus hand-computed cases for
 * the JSON contract, bad input kinds, and highlights that go away when a shortfall is fixed.
 */
import type * as ExcelJS from "exceljs";
import { XlsxHost } from "../../src/hosts/xlsx";
import { toContractJson } from "../../src/workbook/json";
import { FILL } from "../../src/workbook/plan";
import { RESULT_COLUMNS } from "../../src/workbook/render";
import { assessWorkbook } from "../../src/workbook/run";
import { argbFill, shownFill, shownNumberFormat } from "./cf";
import type { AssessOptions } from "../../src/workbook/run";
import {
  buildWorkbook,
  cellValues,
  dumpWorkbook,
  fromBytes,
  makeSchools,
  toBytes,
  type LayoutOptions,
  type SchoolRow,
} from "./fixtures";

async function runOnce(bytes: Uint8Array, opts: AssessOptions = {}) {
  const host = await XlsxHost.load(bytes);
  const run = await assessWorkbook(host, opts);
  return { ...run, bytes: await host.save() };
}

const ARGB = (hex: string) => `FF${hex.slice(1)}`;

const LAYOUTS: [string, LayoutOptions, number][] = [
  ["template-like: title + merged group row", { titleRows: 1, groupRow: true }, 40],
  ["header on row 1, no group row", {}, 25],
  ["two title rows, shuffled columns, aliases", { titleRows: 2, shuffle: 7, aliases: true }, 30],
  ["group row, left padding, notes column", { groupRow: true, leftPad: 2, notesColumn: true }, 30],
  ["title, total row, styled inputs", { titleRows: 1, totalRow: true, styledInputs: true }, 20],
  ["missing optional columns (教师培训经费, 美术专用教室数)", { groupRow: true, omit: ["教师培训经费", "美术专用教室数"] }, 20],
  ["no 县级指标 sheet", { titleRows: 1, groupRow: true, noCountySheet: true }, 15],
  ["bad inputs in several cells", {
    groupRow: true,
    overrides: [[1, "小学骨干教师数", "abc"], [2, "教学及辅助用房面积", -5], [3, "学校类型", "职业高中"], [4, "初中在校生数", "１,２３４"], [5, "学校名称", "=HYPERLINK(\"x\")"]],
  }, 25],
  ["duplicate school name", { overrides: [[3, "学校名称", "第1学校"], [0, "学校名称", "第1学校"]] }, 12],
  ["single school", { titleRows: 1 }, 1],
  ["no schools at all", { groupRow: true }, 0],
  ["many shortfalls, shuffled", { shuffle: 3, titleRows: 1 }, 60],
];

describe("over generated workbooks with messy layouts", () => {
  test.each(LAYOUTS)("%s: input cells unchanged; running twice equals running once", async (_name, layout, n) => {
    const schools = makeSchools(n, n * 31 + 7, n > 50 ? 0.4 : 0.15);
    const original = await toBytes(buildWorkbook(schools, layout));
    const before = await fromBytes(original);

    const first = await runOnce(original);
    const once = await fromBytes(first.bytes);
    // Every input cell keeps its value, on both input sheets (compared cell by cell).
    for (const name of ["学校数据", "县级指标"]) {
      const ws0 = before.getWorksheet(name);
      if (!ws0) continue;
      const after = cellValues(once.getWorksheet(name)!);
      for (const [addr, v] of cellValues(ws0)) expect([addr, after.get(addr)]).toEqual([addr, v]);
      // and the number formats of input cells survive
      ws0.eachRow((row) => row.eachCell((c) => expect([c.address, once.getWorksheet(name)!.getCell(c.address).numFmt]).toEqual([c.address, c.numFmt])));
    }
    // Nothing is written inside the input columns except fills.
    const lastInput = first.read.layout.lastInputCol + 1; // 1-based
    const afterSchools = cellValues(once.getWorksheet("学校数据")!);
    const beforeSchools = cellValues(before.getWorksheet("学校数据")!);
    for (const [addr] of afterSchools) {
      const col = Number(once.getWorksheet("学校数据")!.getCell(addr).col);
      if (col <= lastInput) expect(beforeSchools.has(addr)).toBe(true);
    }

    const second = await runOnce(first.bytes);
    const twice = await fromBytes(second.bytes);
    expect(dumpWorkbook(twice)).toEqual(dumpWorkbook(once));
    expect(toContractJson(second.assessment, second.read)).toEqual(toContractJson(first.assessment, first.read));
  });
});

/** Random layouts (seeded): every combination of the layout switches is as likely. */
function randomLayout(seed: number): LayoutOptions {
  let a = seed * 2654435761;
  const bit = () => ((a = (a * 1103515245 + 12345) >>> 0) & 0x10000) !== 0;
  return {
    titleRows: bit() ? 1 : bit() ? 2 : 0,
    groupRow: bit(),
    shuffle: bit() ? seed : undefined,
    aliases: bit(),
    leftPad: bit() ? 1 : 0,
    notesColumn: bit(),
    totalRow: bit(),
    styledInputs: bit(),
    overrides: bit() ? [[seed % 5, "小学在校生数", "五百"]] : [],
  };
}

describe("over seeded random layouts", () => {
  test.each(Array.from({ length: 10 }, (_, i) => 101 + i))("seed %i: running twice equals running once, inputs unchanged", async (seed) => {
    const original = await toBytes(buildWorkbook(makeSchools(8 + (seed % 13), seed), randomLayout(seed)));
    const first = await runOnce(original);
    const second = await runOnce(first.bytes);
    const [before, once, twice] = await Promise.all([fromBytes(original), fromBytes(first.bytes), fromBytes(second.bytes)]);
    expect(dumpWorkbook(twice)).toEqual(dumpWorkbook(once));
    const after = cellValues(once.getWorksheet("学校数据")!);
    for (const [addr, v] of cellValues(before.getWorksheet("学校数据")!)) expect([addr, after.get(addr)]).toEqual([addr, v]);
  });
});

/** Hand-checked county: values below are computed by hand in the comments. */
function handSchools(): SchoolRow[] {
  const base = { 办学性质: "公办", 学校章程: "是" };
  return [
    {
      ...base, 学校名称: "甲小学", 学校类型: "小学", 小学在校生数: 500, 小学班级数: 12, 小学最大班额: 42,
      小学高于规定学历教师数: 18, 小学骨干教师数: 5, 小学体育艺术专任教师数: 5, 专任教师数: 30, 持证专任教师数: 30, 培训完成教师数: 30,
      教学及辅助用房面积: 2250, 体育运动场馆面积: 3750, 教学仪器设备值: 100, 网络多媒体教室数: 12,
      音乐专用教室数: 1, 美术专用教室数: 1, 公用经费预算: 100, 教师培训经费: 5,
    },
    {
      ...base, 学校名称: "乙小学", 学校类型: "小学", 小学在校生数: 300, 小学班级数: 8, 小学最大班额: 46,
      小学高于规定学历教师数: 10, 小学骨干教师数: 3, 小学体育艺术专任教师数: 3, 专任教师数: 20, 持证专任教师数: 20, 培训完成教师数: 20,
      教学及辅助用房面积: 1500, 体育运动场馆面积: 2400, 教学仪器设备值: 66, 网络多媒体教室数: 7,
      音乐专用教室数: 1, 美术专用教室数: 0, 公用经费预算: 60, 教师培训经费: 2.4,
    },
    {
      ...base, 学校名称: "丙学校", 学校类型: "九年一贯制学校", 小学在校生数: 166, 初中在校生数: 210, 小学班级数: 4, 初中班级数: 5,
      小学最大班额: 42, 初中最大班额: 48, 小学高于规定学历教师数: 8, 初中高于规定学历教师数: 12, 小学骨干教师数: 2, 初中骨干教师数: 3,
      小学体育艺术专任教师数: 2, 初中体育艺术专任教师数: 2, 专任教师数: 30, 持证专任教师数: 30, 培训完成教师数: 30,
      教学及辅助用房面积: 23226, 体育运动场馆面积: 4764, 教学仪器设备值: 120, 网络多媒体教室数: 10,
      音乐专用教室数: 1, 美术专用教室数: 1, 公用经费预算: 80, 教师培训经费: 4,
    },
    { ...base, 学校名称: "丁教学点", 学校类型: "教学点", 小学在校生数: 30, 小学班级数: 3, 小学最大班额: 12, 专任教师数: 3 },
  ];
}

describe("hand-computed county (JSON contract)", () => {
  let json: ReturnType<typeof toContractJson>;
  beforeAll(async () => {
    const run = await runOnce(await toBytes(buildWorkbook(handSchools(), { titleRows: 1, groupRow: true })));
    json = toContractJson(run.assessment, run.read);
  });

  test("shape: the keys of template.md §6, units for every section of every school", () => {
    expect(Object.keys(json)).toEqual(["profile", "units", "balance", "schools", "county", "issues"]);
    expect(json.profile).toBe("national-2017");
    expect(json.units.map((u) => `${u.school}/${u.section}`)).toEqual(["甲小学/primary", "乙小学/primary", "丙学校/primary", "丙学校/junior", "丁教学点/primary"]);
    for (const u of json.units) expect(Object.keys(u.indicators)).toEqual(["101", "102", "103", "104", "105", "106", "107"]);
    expect(Object.keys(json.balance.primary)).toEqual(["101", "102", "103", "104", "105", "106", "107", "composite", "limit", "pass"]);
    expect(json.schools.map((s) => s.school)).toEqual(["甲小学", "乙小学", "丙学校", "丁教学点"]);
    // county: every item 101–309 plus 社会认可度 and 一票否决
    for (const code of ["101", "201", "203", "215", "301", "309", "recognition", "veto"]) expect(json.county[code]).toBeDefined();
  });

  test("甲小学: 18 teachers for 500 students = 3.6 per hundred, 基本达标 (3.57 ≤ 3.6 < 4.2); 6 of 7 met → passes", () => {
    const u = json.units[0];
    expect(u.included).toBe(true);
    expect(u.students).toBe(500);
    expect(u.indicators["101"].value).toBeCloseTo(3.6, 12);
    expect(u.indicators["101"].status).toBe("basic");
    // 5/500×100 = 1.0 = T exactly; 2250/500 = 4.5 = T; 100万元/500 = 2000元 = T — equal counts as met.
    expect(u.indicators["102"]).toEqual({ value: 1, status: "met" });
    expect(u.indicators["104"].value).toBeCloseTo(4.5, 12);
    expect(u.indicators["104"].status).toBe("met");
    expect(u.indicators["106"].value).toBeCloseTo(2000, 9);
    expect(u.indicators["106"].status).toBe("met");
    expect(u.metCount).toBe(6);
    expect(u.pass).toBe(true);
  });

  test("乙小学: 10/300×100 = 3.33 < 3.57 → 未达标, fails; 205 max class 46 → 基本达标; 304 2.4/60 = 4% → 未达标; 203 no art room → 未达标", () => {
    const u = json.units[1];
    expect(u.indicators["101"].value).toBeCloseTo(10 / 3, 12);
    expect(u.indicators["101"].status).toBe("unmet");
    expect(u.pass).toBe(false);
    const s = json.schools[1].checks;
    expect(s["205"]).toEqual({ primary: "basic" });
    expect(s["304"]).toBe("unmet");
    expect(s["203"]).toBe("unmet");
    expect(s["204"]).toBe("met");
  });

  test("丙学校 split by weighted students (166 + 1.1×210 = 397): 104 = 23226/397 = 58.5038 (小学), 23226×1.1/397 = 64.3542 (初中)", () => {
    expect(json.units[2].indicators["104"].value).toBeCloseTo(58.503778337531486, 9);
    expect(json.units[3].indicators["104"].value).toBeCloseTo(64.35415617128464, 9);
    expect(json.units[3].students).toBe(210);
  });

  test("丁教学点 (30 students < 50) is listed but not included, with its reason", () => {
    const u = json.units[4];
    expect(u.included).toBe(false);
    expect(u.excludedReason).toMatch(/教学点/);
  });

  test("小学 CV of 101 over 甲/乙/丙 (weights 500/300/166): mean 3.72671, SD 0.511368, CV 0.137217 (hand calculation)", () => {
    const g = json.balance.primary;
    expect(g["101"].mean).toBeCloseTo(3.7267080745341614, 10);
    expect(g["101"].sd).toBeCloseTo(0.5113676216473783, 10);
    expect(g["101"].cv).toBeCloseTo(0.13721697847537984, 10);
    expect(g.limit).toBe(0.5);
    // 初中 has one unit only: no CV, no verdict.
    expect(json.balance.junior["101"].cv).toBeNull();
    expect(json.balance.junior.limit).toBe(0.45);
  });

  test("county items come through unrounded (214: 2452/3445 = 0.711756…)", () => {
    expect(json.county["214"].value).toBeCloseTo(2452 / 3445, 12);
    expect(json.county["214"].status).toBe("met");
  });

  test("--no-split: facilities shared by plain students, 104 = 23226/376 = 61.7713 for both sections", async () => {
    const run = await runOnce(await toBytes(buildWorkbook(handSchools(), {})), { splitFacilities: false });
    const j = toContractJson(run.assessment, run.read);
    expect(j.units[2].indicators["104"].value).toBeCloseTo(61.77127659574468, 9);
    expect(j.units[3].indicators["104"].value).toBeCloseTo(61.77127659574468, 9);
  });
});

describe("public CV check (indicators.md §3): 5 小学, students 45/37/89/76/55", () => {
  test("教学及辅助用房 279/137/935/160/402 ㎡ give CV 0.5153 (student-weighted, population form), which fails ≤ 0.50", async () => {
    const students = [45, 37, 89, 76, 55];
    const nums = [279, 137, 935, 160, 402];
    const schools = makeSchools(5, 99).map((s, i) => ({ ...s, 学校类型: "小学", 初中在校生数: null, 高中在校生数: null, 小学在校生数: students[i], 教学及辅助用房面积: nums[i] }));
    const run = await runOnce(await toBytes(buildWorkbook(schools, { groupRow: true })));
    const j = toContractJson(run.assessment, run.read);
    // X̄ = 1913/302 = 6.3344 ㎡ per student; S = 3.264 (indicators.md §3).
    expect(j.balance.primary["104"].mean).toBeCloseTo(6.3344370860927155, 10);
    expect(j.balance.primary["104"].sd).toBeCloseTo(3.263860705195375, 10);
    expect(j.balance.primary["104"].cv).toBeCloseTo(0.5152566298844764, 10);
    expect(j.balance.primary.pass).toBe(false);
    // The 差异系数 sheet shows it with 4 decimals and 未达标 in the 判定 row.
    const wb = await fromBytes(run.bytes);
    const ws = wb.getWorksheet("差异系数")!;
    let cvRow = 0;
    ws.eachRow((row, r) => {
      if (row.getCell(1).value === "差异系数" && !cvRow) cvRow = r;
    });
    expect(ws.getCell(cvRow, 5).value).toBeCloseTo(0.5152566298844764, 12); // column E = 104
    expect(ws.getCell(cvRow, 5).numFmt).toBe("0.0000");
    expect(ws.getCell(cvRow + 2, 1).value).toBe("判定");
    expect(ws.getCell(cvRow + 2, 5).value).toBe("未达标");
    expect(ws.getCell(cvRow - 2, 1).value).toBe("示例县平均值".replace("示例县", "全县"));
  });
});

describe("bad input end to end", () => {
  test("text in a number cell: that school's indicator is 数据有误, listed with its cell; other schools unaffected", async () => {
    const schools = handSchools();
    const clean = toContractJson(...(await (async () => { const r = await runOnce(await toBytes(buildWorkbook(schools, { groupRow: true }))); return [r.assessment, r.read] as const; })()));
    // 学校数据 layout: group row 1, header row 2, 甲小学 on row 3; column of 小学骨干教师数 follows HEADERS order.
    const run = await runOnce(await toBytes(buildWorkbook(schools, { groupRow: true, overrides: [[1, "小学骨干教师数", "三人"]] })));
    const j = toContractJson(run.assessment, run.read);
    expect(j.units[1].indicators["102"].status).toBe("error");
    expect(j.units[1].indicators["102"].value).toBeNull();
    expect(j.units[1].pass).toBe(false);
    // Other indicators of the school and other schools are as in the clean run.
    expect(j.units[1].indicators["101"]).toEqual(clean.units[1].indicators["101"]);
    expect(j.units[0]).toEqual(clean.units[0]);
    expect(j.units[2]).toEqual(clean.units[2]);
    const issue = j.issues.find((i) => i.severity === "error")!;
    const col = run.read.layout.columns.primaryBackboneTeachers!;
    expect(issue.sheet).toBe("学校数据");
    expect(issue.cell).toBe(`${String.fromCharCode(65 + col)}4`); // group row 1, header row 2, 乙小学 on row 4
    // The 数据问题 sheet lists it with the raw text; the result column says 数据有误.
    const wb = await fromBytes(run.bytes);
    const issues = wb.getWorksheet("数据问题")!;
    expect(issues.getRow(1).values).toEqual([undefined, "工作表", "单元格", "学校", "原始内容", "级别", "说明"]);
    const rows: unknown[][] = [];
    issues.eachRow((r, i) => i > 1 && rows.push((r.values as unknown[]).slice(1)));
    expect(rows).toContainEqual(expect.arrayContaining(["学校数据", issue.cell, "乙小学", "三人", "错误"]));
    const ws = wb.getWorksheet("学校数据")!;
    const left = run.read.layout.lastUsedCol + 3; // 1-based first result column
    // 乙小学 (row 4) also has 101 未达标, so it fails whatever 102 turns out to be.
    expect(ws.getCell(4, left).value).toBe("未达标");
    expect(String(ws.getCell(4, left + RESULT_COLUMNS.length - 1).value)).toMatch(/数据有误/);
  });

  test("an unrecognised 学校类型 gives that school's indicators status error and a message naming the cell", async () => {
    const run = await runOnce(await toBytes(buildWorkbook(handSchools(), { overrides: [[0, "学校类型", "职业中学"]] })));
    const j = toContractJson(run.assessment, run.read);
    const issue = j.issues.find((i) => i.cell === "C2")!; // 学校类型 column C, 甲小学 on row 2 (header on row 1)
    expect(issue.severity).toBe("error");
    expect(issue.message).toMatch(/学校类型/);
    expect(j.units.filter((u) => u.school === "乙小学").every((u) => u.indicators["101"].status !== "error")).toBe(true);
    const jia = j.units.filter((u) => u.school === "甲小学");
    for (const u of jia) for (const code of ["101", "102", "103", "104", "105", "106", "107"] as const) expect(u.indicators[code].status).toBe("error");
  });
});

describe("学校数据 result block and highlights", () => {
  test("shortfall input cells show red/amber by conditional format, their own fill untouched; a fixed shortfall loses its colour on the next run; 数据问题 goes when empty", async () => {
    const schools = handSchools();
    const run1 = await runOnce(await toBytes(buildWorkbook(schools, { titleRows: 1, groupRow: true, overrides: [[3, "专任教师数", "x"]] })));
    const L = run1.read.layout;
    const cell = (field: keyof typeof L.columns, school: number) => ({ row: L.schoolRows[school] + 1, col: L.columns[field]! + 1 });
    let wb = await fromBytes(run1.bytes);
    let ws = wb.getWorksheet("学校数据")!;
    const q乙 = cell("primaryQualifiedTeachers", 1);
    const q甲 = cell("primaryQualifiedTeachers", 0);
    expect(shownFill(ws, ws.getCell(q乙.row, q乙.col))).toBe(ARGB(FILL.unmet)); // 3.33 < 3.57
    expect(shownFill(ws, ws.getCell(q甲.row, q甲.col))).toBe(ARGB(FILL.basic)); // 3.6 basic
    const c乙 = cell("primaryMaxClassSize", 1);
    expect(shownFill(ws, ws.getCell(c乙.row, c乙.col))).toBe(ARGB(FILL.basic)); // 46 > 45, < 56
    const n甲 = cell("primaryBackboneTeachers", 0);
    expect(shownFill(ws, ws.getCell(n甲.row, n甲.col))).toBeNull();
    // Highlights are conditional formats: no input cell got a fill of its own.
    for (const c of [q乙, q甲, c乙]) expect(argbFill(ws.getCell(c.row, c.col))).toBeNull();
    // The status cells of the block are coloured the same way.
    // The merged 评估结果 header sits on the group row above the result headers.
    const left = L.lastUsedCol + 3;
    expect(shownFill(ws, ws.getCell(q乙.row, left))).toBe(ARGB(FILL.unmet));
    expect(shownFill(ws, ws.getCell(q甲.row, left))).toBeNull();
    expect(ws.getCell(L.groupHeaderRow! + 1, left).value).toBe("评估结果");
    expect(ws.getCell(L.groupHeaderRow! + 1, left).isMerged).toBe(true);
    expect(ws.getCell(L.headerRow + 1, left).value).toBe("小学监测点");
    expect(ws.getCell(q乙.row, left).value).toBe("未达标");
    expect(ws.getCell(q甲.row, left).value).toBe("达标");
    expect(ws.getCell(q甲.row, left + 1).value).toBe(6);
    expect(wb.getWorksheet("数据问题")).toBeDefined();
    // 问题清单 names the input cells as 学校数据!H7.
    const problems = wb.getWorksheet("问题清单")!;
    const addresses: string[] = [];
    problems.eachRow((r, i) => i > 1 && addresses.push(String(r.getCell(9).value)));
    expect(addresses).toContain(`学校数据!${ws.getCell(q乙.row, q乙.col).address}`);

    // The bureau fixes 乙小学 (13 teachers → 4.33 ≥ 4.2) and the bad cell of 丁教学点, edits in the saved file.
    ws.getCell(q乙.row, q乙.col).value = 13;
    ws.getCell(cell("teachers", 3).row, cell("teachers", 3).col).value = 3;
    const edited = await toBytes(wb);
    const run2 = await runOnce(edited);
    wb = await fromBytes(run2.bytes);
    ws = wb.getWorksheet("学校数据")!;
    expect(shownFill(ws, ws.getCell(q乙.row, q乙.col))).toBeNull();
    expect(ws.getCell(q乙.row, q乙.col).value).toBe(13);
    expect(shownFill(ws, ws.getCell(q甲.row, q甲.col))).toBe(ARGB(FILL.basic));
    expect(shownFill(ws, ws.getCell(c乙.row, c乙.col))).toBe(ARGB(FILL.basic));
    expect(wb.getWorksheet("数据问题")).toBeUndefined();
    // The block was replaced, not added: the same columns, 评估结果 once.
    let titles = 0;
    ws.getRow(L.groupHeaderRow! + 1).eachCell((c) => c.value === "评估结果" && c.master === c && titles++);
    expect(titles).toBe(1);
  });

  test("no group row and header on row 1: 评估结果 goes into each result header", async () => {
    const run = await runOnce(await toBytes(buildWorkbook(handSchools(), {})));
    const ws = (await fromBytes(run.bytes)).getWorksheet("学校数据")!;
    const left = run.read.layout.lastUsedCol + 3;
    expect(ws.getCell(1, left).value).toBe("评估结果：小学监测点");
    expect(ws.getCell(1, left + RESULT_COLUMNS.length - 1).value).toBe("评估结果：需改进");
    expect(ws.getCell(1, left - 1).value).toBeNull(); // one blank separator column
  });

  test("result sheets are written in order with frozen headers, and 评估汇总 is active", async () => {
    const run = await runOnce(await toBytes(buildWorkbook(handSchools(), { groupRow: true })));
    const wb = await fromBytes(run.bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["学校数据", "县级指标", "监测点指标", "差异系数", "问题清单", "评估汇总"]);
    expect(wb.getWorksheet("监测点指标")!.views[0]).toMatchObject({ state: "frozen", ySplit: 2, xSplit: 1 });
    expect(wb.getWorksheet("问题清单")!.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(wb.views[0].activeTab).toBe(5);
    const summary = wb.getWorksheet("评估汇总")!;
    expect(String(summary.getCell("A3").value)).toMatch(/^总体结论：/);
  });
});

describe("result sheet contents (hand-computed county)", () => {
  let wb: ExcelJS.Workbook;
  let run: Awaited<ReturnType<typeof runOnce>>;
  beforeAll(async () => {
    // 甲小学's 102 cell holds text: its only problem is a data error besides 101 basic.
    run = await runOnce(await toBytes(buildWorkbook(handSchools(), { groupRow: true, overrides: [[0, "小学骨干教师数", "五"]] })));
    wb = await fromBytes(run.bytes);
  });

  const rowsOf = (name: string) => {
    const out: unknown[][] = [];
    wb.getWorksheet(name)!.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
    return out;
  };

  test("监测点指标: one row per unit; 乙小学 101 (3.33) red, 甲小学 101 (3.6) amber; 甲小学 undecided (数据有误), 乙小学 未达标", () => {
    const ws = wb.getWorksheet("监测点指标")!;
    const header = (ws.getRow(2).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(["学校名称", "学段", "在校生数", "参评情况"]);
    expect(header[4]).toMatch(/^101 /);
    expect(header.slice(-3)).toEqual(["达标项数", "判定", "需改进"]);
    const names: unknown[] = [];
    ws.eachRow((r, i) => i > 2 && names.push(r.getCell(1).value));
    expect(names).toEqual(["甲小学", "乙小学", "丙学校", "丙学校", "丁教学点"]);
    // The colours are conditional formats reading 「各项状态」 (one letter per indicator 101–107).
    const marksCol = header.indexOf("各项状态（101–107）") + 1;
    expect(marksCol).toBe(12);
    expect(ws.getCell(4, marksCol).value).toMatch(/^×/); // 乙小学 101 未达标
    expect(ws.getCell(3, marksCol).value).toMatch(/^△？/); // 甲小学 101 基本达标, 102 数据有误
    expect(ws.getCell(7, marksCol).value).toBeNull(); // 丁教学点 不参评
    expect(shownFill(ws, ws.getCell(4, 5))).toBe(ARGB(FILL.unmet)); // 乙小学 101
    expect(ws.getCell(4, 5).value).toBeCloseTo(10 / 3, 12);
    expect(shownFill(ws, ws.getCell(3, 5))).toBe(ARGB(FILL.basic)); // 甲小学 101
    expect(shownFill(ws, ws.getCell(3, 6))).toBeNull(); // 甲小学 102: data error, no colour
    expect(argbFill(ws.getCell(4, 5))).toBeNull(); // no fill of the cell's own: the rule paints it
    expect(ws.getCell(3, 6).value).toBeNull(); // 甲小学 102: data error, no value
    const verdictCol = header.indexOf("判定") + 1;
    expect(shownFill(ws, ws.getCell(4, verdictCol))).toBe(ARGB(FILL.unmet)); // 乙小学 未达标
    expect(shownFill(ws, ws.getCell(3, verdictCol))).toBeNull(); // 甲小学 数据有误
    // 甲小学: 5 met + 1 basic + 1 error → could still pass if 102 is met → 数据有误.
    expect(ws.getCell(3, verdictCol).value).toBe("数据有误");
    expect(ws.getCell(4, verdictCol).value).toBe("未达标");
    expect(ws.getCell(7, 4).value).toMatch(/^不参评：/);
  });

  test("问题清单: 乙小学's shortfalls with requirement, what it takes and the input cell", () => {
    const rows = rowsOf("问题清单");
    expect(rows[0]).toEqual(["学校名称", "学段", "指标", "项目", "数值", "要求", "状态", "需改进", "单元格"]);
    const yi = rows.filter((r) => r[0] === "乙小学");
    const codes = yi.map((r) => r[2]);
    expect(codes).toEqual(["101", "203", "205", "304"]);
    const L = run.read.layout;
    const letters = (c: number): string => (c >= 26 ? letters(Math.floor(c / 26) - 1) : "") + String.fromCharCode(65 + (c % 26));
    const addr = (field: keyof typeof L.columns) => `学校数据!${letters(L.columns[field]!)}${L.schoolRows[1] + 1}`;
    // 101: 4.2 × 300 / 100 = 12.6 → 13 teachers needed, 10 present → 3 more.
    expect(yi[0]).toEqual(["乙小学", "小学", "101", expect.stringMatching(/高学历教师/), expect.closeTo(10 / 3, 12), expect.stringMatching(/^≥4\.2/), "未达标", expect.stringMatching(/3 人/), addr("primaryQualifiedTeachers")]);
    // 203: 8 classes → 1 room of each kind required; no art room.
    expect(yi[1]).toEqual(["乙小学", "—", "203", "美术专用教室（间）", 0, expect.stringMatching(/^≥1/), "未达标", "需增加美术专用教室 1 间", addr("artRooms")]);
    expect(yi[2].slice(2, 8)).toEqual(["205", "最大班额（人）", 46, expect.stringMatching(/^≤45/), "基本达标", "最大班额需降至 45 人以内"]);
    // 304: 5% × 60 − 2.4 = 0.6 万元.
    expect(yi[3].slice(2, 9)).toEqual(["304", "教师培训经费占公用经费比例", 0.04, "≥5%", "未达标", "需增加教师培训经费 0.60 万元", addr("trainingFunds")]);
    // 数值 shows each line's kind (one column format and a rule per other kind); 状态 is coloured by its text.
    const ws = wb.getWorksheet("问题清单")!;
    const at = (code: string) => 2 + rows.slice(1).findIndex((r) => r[0] === "乙小学" && r[2] === code);
    expect(["101", "203", "205", "304"].map((c) => shownNumberFormat(ws, ws.getCell(at(c), 5)))).toEqual(["0.00", "0", "0", "0.0%"]);
    expect(["101", "205"].map((c) => shownFill(ws, ws.getCell(at(c), 7)))).toEqual([ARGB(FILL.unmet), ARGB(FILL.basic)]);
  });

  test("评估汇总: verdict on top, then every item in report order under the five areas", () => {
    const rows = rowsOf("评估汇总");
    expect(rows[2][0]).toBe("总体结论：未达到县域义务教育优质均衡发展要求");
    const flat = rows.map((r) => r[0]);
    const areas = ["一、资源配置", "二、政府保障程度", "三、教育质量", "四、社会认可度", "五、一票否决"].map((a) => flat.indexOf(a));
    expect(areas.every((i) => i > 2)).toBe(true);
    expect([...areas].sort((a, b) => a - b)).toEqual(areas);
    const codes = flat.filter((v): v is string => typeof v === "string" && /^\d{3}$/.test(v));
    expect(codes.slice(0, 8)).toEqual(["101", "102", "103", "104", "105", "106", "107", "201"]);
    expect(codes).toContain("215");
    expect(codes[codes.length - 1]).toBe("309");
  });

  test("差异系数: per group rows 全县平均值 / 标准差 / 差异系数 / 标准 / 判定 and the rule used", () => {
    const rows = rowsOf("差异系数");
    const labels = rows.map((r) => r[0]);
    expect(labels.filter((l) => l === "差异系数").length).toBe(2);
    expect(labels).toEqual(expect.arrayContaining(["全县平均值", "标准差", "差异系数", "标准", "判定"]));
    const head = rows.find((r) => r[0] === "项目")!;
    expect(head.slice(-1)).toEqual(["综合差异系数"]);
    expect(labels.some((l) => typeof l === "string" && /^小学判定（每项指标的差异系数均不超过标准）/.test(l))).toBe(true);
    expect(rows.find((r) => r[0] === "标准")!.slice(1)).toEqual(new Array(8).fill("≤0.50"));
  });
});
