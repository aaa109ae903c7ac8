/**
 * examples/sample-county.xlsx (built by scripts/make-sample.ts) read through the real exceljs host
 * and assessed by the real engine reproduces the 綦江区 self-evaluation report
 * (shared/seed/qijiang-self-evaluation-report.txt). Every expected figure below is quoted from
 * that report, except where the report is wrong (203) or the national rule differs (see comments).
 */
import { readFileSync } from "fs";
import * as path from "path";
import { assess } from "../../src/engine";
import { XlsxHost } from "../../src/hosts/xlsx";
import type { Assessment } from "../../src/engine/types";
import type { ReadResult } from "../../src/workbook/contract";
import { INPUT_SHEETS, readWorkbook } from "../../src/workbook/read";

let read: ReadResult;
let a: Assessment;

beforeAll(async () => {
  const bytes = readFileSync(path.join(__dirname, "..", "..", "examples", "sample-county.xlsx"));
  const host = await XlsxHost.load(new Uint8Array(bytes));
  read = readWorkbook(await host.read(INPUT_SHEETS));
  a = assess(read.dataset, read.profileOverride);
});

const item = (code: string) => a.items.find((i) => i.code === code)!;

describe("the sample workbook reads cleanly", () => {
  it("has no input issues and names the county", () => {
    expect(read.issues).toEqual([]);
    expect(read.dataset.county.name).toBe("綦江区");
  });
});

describe("reproduces the report (一、基本情况 and 二、(一) 资源配置)", () => {
  it("94 units: 69 小学 + 25 初中; 1 school (特殊教育学校) excluded", () => {
    expect(a.counts.primary.units).toBe(69);
    expect(a.counts.junior.units).toBe(25);
    expect(new Set(a.exclusions.map((e) => e.school)).size).toBe(1);
    expect(a.exclusions[0].reason).toContain("特殊教育学校");
  });

  it("5060 专任教师 (小学 3086 + 初中 1945 + 特教 29), the split entered per section", () => {
    expect(read.dataset.schools.reduce((s, r) => s + (r.values.teachers ?? 0), 0)).toBe(5060);
    // The one-through schools give their split, the 完全中学 their 初中 teachers (seed: 小学3086人、初中1945人).
    const byType = (t: string) => read.dataset.schools.filter((r) => r.type === t);
    const sum = (rs: typeof read.dataset.schools, f: "teachers" | "primaryTeachers" | "juniorTeachers") => rs.reduce((s, r) => s + (r.values[f] ?? 0), 0);
    const nine = byType("九年一贯制学校");
    for (const r of nine) expect(r.values.primaryTeachers! + r.values.juniorTeachers!).toBe(r.values.teachers);
    for (const r of byType("完全中学")) expect(r.values.juniorTeachers).toBe(r.values.teachers);
    const primary = sum([...byType("小学"), ...byType("教学点")], "teachers") + sum(nine, "primaryTeachers");
    const junior = sum(byType("初中"), "teachers") + sum(byType("完全中学"), "juniorTeachers") + sum(nine, "juniorTeachers");
    expect([primary, junior, sum(byType("特殊教育学校"), "teachers")]).toEqual([3086, 1945, 29]);
  });

  it("106: 小学 56 达标 + 13 基本达标, 初中 19 + 6; the other six indicators 100% 达标", () => {
    expect(a.counts.primary.indicators["106"]).toMatchObject({ met: 56, basic: 13, unmet: 0 });
    expect(a.counts.junior.indicators["106"]).toMatchObject({ met: 19, basic: 6, unmet: 0 });
    for (const code of ["101", "102", "103", "104", "105", "107"] as const) {
      expect(a.counts.primary.indicators[code].met).toBe(69);
      expect(a.counts.junior.indicators[code].met).toBe(25);
    }
    // A 基本达标 106 still passes the unit (6 of 7 met, none unmet): every unit is a 达标学校.
    expect(a.counts.primary.passing).toBe(69);
    expect(a.counts.junior.passing).toBe(25);
  });

  it("composite CVs print as 0.24 (小学) and 0.31 (初中), each CV within its limit", () => {
    expect(a.balance.primary.composite!.toFixed(2)).toBe("0.24");
    expect(a.balance.junior.composite!.toFixed(2)).toBe("0.31");
    expect(a.balance.primary.passEach).toBe(true);
    expect(a.balance.junior.passEach).toBe(true);
  });
});

describe("reproduces the report (二、(二) 政府保障程度, (三) 教育质量)", () => {
  it("203: 应配 小学 106 / 初中 45, 实有 音乐 90/43, 美术 94/44 → 未达标 (the report wrongly says 达标)", () => {
    expect(item("203").details).toMatchObject({ primaryRequired: 106, primaryMusic: 90, primaryArt: 94, juniorRequired: 45, juniorMusic: 43, juniorArt: 44 });
    expect(item("203").status).toBe("unmet");
  });

  it("204: 小学 66 达标 + 3 基本达标, 初中 21 + 4 (with the sample's 基本达标 band in 「评估标准」)", () => {
    expect(read.profileOverride.scaleBasicLimit).toEqual({ default: 2500, nineYear: 3000, twelveYear: 3000 });
    expect(a.counts.primary.checks["204"]).toMatchObject({ met: 66, basic: 3, unmet: 0 });
    expect(a.counts.junior.checks["204"]).toMatchObject({ met: 21, basic: 4, unmet: 0 });
  });

  it("205: 小学 46 + 23, 初中 18 + 7, no 56+ class", () => {
    expect(a.counts.primary.checks["205"]).toMatchObject({ met: 46, basic: 23, unmet: 0 });
    expect(a.counts.junior.checks["205"]).toMatchObject({ met: 18, basic: 7, unmet: 0 });
  });

  it("304: 384.35 / 5149.21 = 7.46%, every school ≥ 5%", () => {
    expect(item("304").details).toMatchObject({ trainingFunds: expect.closeTo(384.35, 6), publicFunds: expect.closeTo(5149.21, 6) });
    expect(item("304").display).toBe("7.46%");
    expect(item("304").status).toBe("met");
  });

  it("county figures: 211 30%, 214 71.2%, 215 100%, 302 99.4%, 309 and 社会认可度 pending", () => {
    // 346/1153 = 30.0%; 2452/3445 = 71.2%; (124+434+67+48)/677 = 673/677 = 99.4%.
    expect(item("211").value).toBeCloseTo(346 / 1153, 10);
    expect(item("214").value).toBeCloseTo(2452 / 3445, 10);
    expect(item("215").value).toBe(1);
    expect(item("302").value).toBeCloseTo(673 / 677, 10);
    expect(item("309").status).toBe("pending");
    expect(item("recognition").status).toBe("pending");
    expect(item("veto").status).toBe("met");
  });
});
