/**
 * The national 表Ⅱ-2: the seven values per 监测点, numerator = value × students (÷ 100 per
 * hundred); statuses and CVs come from the values as given. Expected values: indicators.md §2 by
 * hand (fixtures.ts handValues), and the template twin's units.
 */
import { toContractJson, type ContractJson } from "../../../src/workbook/json";
import { assessWorkbook } from "../../../src/workbook/run";
import { SCHOOLS, handValues, templateTwin, toHost, valuesTable } from "./fixtures";
import type * as ExcelJS from "exceljs";

async function json(wb: ExcelJS.Workbook) {
  const { assessment, read } = await assessWorkbook(await toHost(wb));
  return { json: toContractJson(assessment, read), read };
}

describe("表Ⅱ-2 with the values to full precision", () => {
  let got: Awaited<ReturnType<typeof json>>;
  let twin: ContractJson;
  beforeAll(async () => {
    got = await json(valuesTable());
    twin = (await json(templateTwin())).json;
  });
  it("is recognised as the values table, one row per 监测点 by its 学段 column", () => {
    expect(got.read.layout.kind).toBe("values");
    expect(got.read.dataset.schools.map((s) => s.name)).toEqual(SCHOOLS.map((s) => s.name));
  });
  it("gives the twin's indicator values and statuses", () => {
    for (const u of twin.units) {
      const g = got.json.units.find((x) => x.school === u.school && x.section === u.section)!;
      expect(g.included).toBe(u.included);
      for (const [code, r] of Object.entries(u.indicators)) {
        expect([code, g.indicators[code as "101"].status]).toEqual([code, r.status]);
        if (r.value !== null) expect(g.indicators[code as "101"].value).toBeCloseTo(r.value, 6);
      }
    }
    for (const sec of ["primary", "junior"] as const) expect(got.json.balance[sec].composite).toBeCloseTo(twin.balance[sec].composite!, 9);
  });
  it("the 九年一贯制 school's facility values are its split shares (1 : 1.1, by hand)", () => {
    const s = SCHOOLS[1];
    const g = got.json.units.find((x) => x.school === s.name && x.section === "junior")!;
    expect(g.indicators["104"].value).toBeCloseTo(handValues(s, "j")[3], 9);
    expect(g.indicators["104"].value).toBeCloseTo((10800 * 660) / 2370 / 600, 9);
  });
  it("203/204/205 need figures the table does not have: skipped, and said so", () => {
    expect(got.json.schools[0].checks["203"]).toBe("skipped");
    expect(got.read.issues.some((i) => i.message.startsWith("缺少「音乐专用教室数」列"))).toBe(true);
  });
  it("traces each numerator to the value and students cells", () => {
    expect(got.read.traces[0].map((t) => t.text)).toContain("101（小学） = G4×E4÷100");
  });
});

describe("表Ⅱ-2 with values to 2 decimals: statuses from the values as given", () => {
  it("4.2 stays 4.2 (met); 5.625 printed 5.63 is 基本达标 below 5.8", async () => {
    const { json: j } = await json(valuesTable(2));
    const a = j.units.find((u) => u.school === "城关小学")!;
    expect(a.indicators["101"]).toEqual({ value: expect.closeTo(4.2, 9), status: "met" });
    const c = j.units.find((u) => u.school === "第二初级中学")!;
    expect(c.indicators["104"]).toEqual({ value: expect.closeTo(5.63, 9), status: "basic" });
  });
});

describe("表Ⅱ-2 with values to 2 decimals: the CV comes from the printed values", () => {
  it("小学 101: CV of 4.20, 4.33, 4.44 weighted by 500, 1 710, 900 students (hand calculation)", async () => {
    const { json: j } = await json(valuesTable(2));
    // The 小学 监测点 of the table (石桥教学点, 40 students, is not 参评): 城关小学 21/500×100 = 4.20,
    // 河口学校 74/1710×100 = 4.3275 printed 4.33, 育才小学 40/900×100 = 4.4444 printed 4.44.
    // indicators.md §3, by hand: ΣP = 3 110, ΣPX = 2 100 + 7 404.3 + 3 996 = 13 500.3,
    // X̄ = 4.340932; ΣP(X − X̄)² = 9.930984 + 0.204378 + 8.832933 = 18.968295, S = √(18.968295 / 3 110) = 0.078097;
    // CV = 0.078097 / 4.340932 = 0.017991. (From the unrounded values it would be 0.018420.)
    const g = j.balance.primary["101"];
    expect(g.mean).toBeCloseTo(4.340932, 6);
    expect(g.sd).toBeCloseTo(0.078097, 6);
    expect(g.cv).toBeCloseTo(0.017991, 6);
  });
});
