/**
 * The layouts bureaus keep, read into the same dataset as the template: each fixture gives the
 * same JSON (template.md §6) as its template-layout twin, whose numerators were added up by hand
 * (fixtures.ts templateRow). A few values are also checked against hand arithmetic.
 */
import { toContractJson, type ContractJson } from "../../../src/workbook/json";
import { assessWorkbook } from "../../../src/workbook/run";
import type { ReadResult } from "../../../src/workbook/contract";
import { closeDeep, closeIndicators, sectionSheets, statisticsExport, templateTwin, toHost, type Depth } from "./fixtures";
import type * as ExcelJS from "exceljs";

async function run(wb: ExcelJS.Workbook, sheets?: string[]): Promise<{ json: ContractJson; read: ReadResult }> {
  const host = await toHost(wb);
  const { assessment, read } = await assessWorkbook(host, { sheets });
  return { json: toContractJson(assessment, read), read };
}

const unit = (j: ContractJson, school: string, section: "primary" | "junior") => j.units.find((u) => u.school === school && u.section === section)!;

describe("the template twin (hand figures)", () => {
  let twin: ContractJson;
  beforeAll(async () => {
    twin = (await run(templateTwin())).json;
  });
  it("城关小学: 101 = (2 + 15 + 4) ÷ 500 × 100 = 4.2 met; 104 = (3000 − 600) ÷ 500 = 4.8; 105 = (3400 + 600) ÷ 500 = 8; 106 = 125万 ÷ 500 = 2500 元", () => {
    const u = unit(twin, "城关小学", "primary");
    expect(u.indicators["101"]).toEqual({ value: expect.closeTo(4.2, 9), status: "met" });
    expect(u.indicators["104"].value).toBeCloseTo(4.8, 9);
    expect(u.indicators["105"].value).toBeCloseTo(8, 9);
    expect(u.indicators["106"].value).toBeCloseTo(2500, 6);
  });
  it("第二初级中学: 101 = (5 + 38) ÷ 800 × 100 = 5.375 (专科 not counted); 104 = 4500 ÷ 800 = 5.625 basic", () => {
    const u = unit(twin, "第二初级中学", "junior");
    expect(u.indicators["101"].value).toBeCloseTo(5.375, 9);
    expect(u.indicators["104"]).toEqual({ value: expect.closeTo(5.625, 9), status: "basic" });
  });
  it("河口学校 (38 + 13 classes) with 5 rooms of each kind: 203 met", () => {
    expect(twin.schools.find((s) => s.school === "河口学校")!.checks["203"]).toBe("met");
  });
});

describe.each([2, 3, 4] as Depth[])("a statistics export with a %i-row merged header", (depth) => {
  let twin: ContractJson;
  let got: { json: ContractJson; read: ReadResult };
  beforeAll(async () => {
    twin = (await run(templateTwin())).json;
    got = await run(statisticsExport(depth));
  });
  it("is found by content on a sheet not called 学校数据 and recognised as a statistics export", () => {
    expect(got.read.layout.sheet).toBe("2024年基础数据");
    expect(got.read.layout.kind).toBe("statistics");
  });
  it("gives the same JSON as the template twin", () => {
    expect(got.json.units).toEqual(twin.units.map((u) => ({ ...u, indicators: closeIndicators(u.indicators) })));
    expect(got.json.balance).toEqual(closeDeep(twin.balance));
    expect(got.json.schools).toEqual(twin.schools);
    expect(got.json.county).toEqual(closeDeep(twin.county));
    expect(got.json.issues).toEqual(twin.issues);
  });
  it("keeps the sheet's rows in order, skipping the 小计 and 合计 rows and the note", () => {
    expect(got.read.dataset.schools.map((s) => s.name)).toEqual(["城关小学", "河口学校", "第二初级中学", "石桥教学点", "育才小学"]);
  });
  it("says which cells fed each derived value", () => {
    const first = got.read.layout.schoolRows[0] + 1;
    const t = got.read.traces[0].map((x) => x.text);
    expect(t.some((x) => x.startsWith("101（小学） = ") && x.includes(`${first}`))).toBe(true);
    expect(t.some((x) => x.startsWith("104 = ") && x.includes("−"))).toBe(true);
    expect(t.some((x) => x.startsWith("105 = ") && x.includes("+"))).toBe(true);
  });
});

describe("按学段分表: one sheet per section", () => {
  let twin: ContractJson;
  let got: { json: ContractJson; read: ReadResult };
  beforeAll(async () => {
    twin = (await run(templateTwin({ sectionFacilities: true }))).json;
    got = await run(sectionSheets());
  });
  it("reads both sheets and merges the 九年一贯制 school's two rows", () => {
    expect(got.read.layouts.map((l) => [l.sheet, l.kind, l.section])).toEqual([["小学", "sections", "primary"], ["初中", "sections", "junior"]]);
    expect(got.read.dataset.schools.map((s) => s.name)).toEqual(["城关小学", "河口学校", "石桥教学点", "育才小学", "第二初级中学"]);
  });
  it("gives the same results as the twin with section facilities (facilities used as entered, not split again)", () => {
    const order = (j: ContractJson) => [...j.units].sort((a, b) => (a.school + a.section).localeCompare(b.school + b.section));
    expect(order(got.json)).toEqual(order(twin).map((u) => ({ ...u, indicators: closeIndicators(u.indicators) })));
    expect(got.json.balance).toEqual(closeDeep(twin.balance));
    const checks = (j: ContractJson) => Object.fromEntries(j.schools.map((s) => [s.school, s.checks]));
    expect(checks(got.json)).toEqual(checks(twin));
    expect(got.json.issues).toEqual(twin.issues);
  });
  it("finds the pair whatever the sheet names, by 小学 / 初中 in them", async () => {
    const other = await run(sectionSheets({ names: ["2024小学基础表", "2024初中基础表"] }));
    expect(other.read.layouts.map((l) => l.sheet)).toEqual(["2024小学基础表", "2024初中基础表"]);
    expect(other.json.units).toEqual(got.json.units);
  });
});

describe("traceability and results of derived values", () => {
  it("监测点指标 says which cells fed each derived value; a bad component names the formula", async () => {
    const { renderAssessment } = await import("../../../src/workbook/render");
    const wb = statisticsExport(2);
    const ws = wb.getWorksheet("2024年基础数据")!;
    // Row 5 is 城关小学 (title, blank, 2 header rows): its 小学 本科 cell (column O) gets text.
    ws.getCell("O5").value = "十五";
    const host = await toHost(wb);
    const { assessment, read } = await assessWorkbook(host);
    const bad = read.issues.find((i) => i.cell === "O5")!;
    expect(bad.message).toBe("「小学专任教师→本科」不是数字，应填非负数（小学高于规定学历教师数：101（小学） = N5+O5+P5）");
    const units = renderAssessment(assessment, read).sheets.find((s) => s.name === "监测点指标")!;
    const cells = units.blocks.flatMap((b) => b.values.flat()).filter((v): v is string => typeof v === "string");
    expect(cells).toContain("数据来源（合成的分子）");
    expect(cells.some((v) => v.includes("103（小学） = T5+U5+V5") && v.includes("104 = AD5−AE5") && v.includes("105 = AF5+AE5"))).toBe(true);
  });
  it("按学段分表: the result block goes beside the data on both section sheets", async () => {
    const { renderAssessment } = await import("../../../src/workbook/render");
    const { assessment, read } = await assessWorkbook(await toHost(sectionSheets()));
    const names = renderAssessment(assessment, read).sheets.filter((s) => s.mode === "update").map((s) => s.name);
    expect(names).toEqual(["小学", "初中"]);
  });
});

describe("read by 「列对应」 after a run", () => {
  it("running twice writes the result block in the same place and gives the same JSON", async () => {
    const host = await toHost(statisticsExport(3));
    const first = await assessWorkbook(host, { writeColumnMap: true });
    const a = await assessWorkbook(host);
    const b = await assessWorkbook(host);
    expect(a.read.mapping.bySheet).toBe(true);
    expect(a.read.layout.lastInputCol).toBe(first.read.layout.lastInputCol);
    // The second and third runs find the first run's block by its marker, in the same place.
    expect(a.read.layout.ownedBlock).not.toBeNull();
    expect(b.read.layout.ownedBlock).toEqual(a.read.layout.ownedBlock);
    expect(b.read.layout.lastUsedCol).toBe(first.read.layout.lastUsedCol);
    const cols = (r: typeof a) => r.plan.sheets.find((s) => s.name === "2024年基础数据")!.blocks.map((x) => x.col);
    expect(cols(b)).toEqual(cols(first));
    expect(toContractJson(b.assessment, b.read).units).toEqual(toContractJson(first.assessment, first.read).units);
  });
});
