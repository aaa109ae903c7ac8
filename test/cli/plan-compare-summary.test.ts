/**
 * `junheng plan`, `compare` and `summary`, spawned as a user runs them on real .xlsx files written
 * by exceljs. Counties are built by hand with known differences; the expected figures are worked
 * out in the comments (national-2017: 102 骨干教师 T = 1.0 per 100 students, 小学 CV limit 0.50).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { strFromU8, unzipSync } from "fflate";
import { buildCli, runJunheng, sha } from "./helpers";
import { buildWorkbook, COUNTY_ITEMS_OK, fromBytes, toBytes } from "../workbook-render/fixtures";
import type { SchoolRow } from "../workbook-render/fixtures";

let dir: string;
const junheng = (...args: string[]) => runJunheng(dir, ...args);
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));

/** A 小学 of 1000 students meeting every national threshold; 骨干教师 as given (20 = 2.0 per 100). */
function primary(name: string, code: string | null, backbone = 20): SchoolRow {
  return {
    学校代码: code,
    学校名称: name,
    学校类型: "小学",
    办学性质: "公办",
    城乡类别: "城区",
    小学在校生数: 1000,
    小学班级数: 24,
    小学最大班额: 45,
    专任教师数: 60,
    小学高于规定学历教师数: 50,
    小学骨干教师数: backbone,
    小学体育艺术专任教师数: 10,
    持证专任教师数: 60,
    培训完成教师数: 60,
    教学及辅助用房面积: 5000,
    体育运动场馆面积: 8000,
    教学仪器设备值: 210,
    网络多媒体教室数: 25,
    音乐专用教室数: 2,
    美术专用教室数: 2,
    公用经费预算: 100,
    教师培训经费: 6,
    学校章程: "是",
  };
}

const county = (name: string) => COUNTY_ITEMS_OK.map(([k, v]): [string, string | number | boolean | null] => [k, k === "县（区）名称" ? name : v]);

async function write(file: string, schools: SchoolRow[], name: string) {
  fs.writeFileSync(path.join(dir, file), await toBytes(buildWorkbook(schools, { county: county(name) })));
}

beforeAll(async () => {
  buildCli();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "junheng-plan-"));
  // Last year: 骨干 10, 10, 10, 70 → 102 = 1, 1, 1, 7; CV = √6.75 / 2.5 = 1.039230 (> 0.50).
  await write("old.xlsx", [primary("甲小学", "C1", 10), primary("乙小学", "C2", 10), primary("丙小学", null, 10), primary("丁小学", "C4", 70)], "甲县");
  // This year: 甲 falls to 8 (0.8 < 0.85 → 未达标), 乙 renamed 乙二小学 (same code C2), 丙 (no code)
  // matched by name, 丁 closed, 戊 new (2.0). 102 = 0.8, 1, 1, 2: mean 1.2, Σd² = 0.16 + 0.04 + 0.04
  // + 0.64 = 0.88, var 0.22, sd 0.469042, CV 0.390868.
  await write("new.xlsx", [primary("甲小学", "C1", 8), primary("乙二小学", "C2", 10), primary("丙小学", null, 10), primary("戊小学", "C5")], "甲县");
  await write("good.xlsx", [primary("一小", "G1"), primary("二小", "G2"), primary("三小", "G3")], "乙县");
  fs.writeFileSync(path.join(dir, "broken.xlsx"), "这不是工作簿");
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("plan: the water level of last year's county, as JSON and as a 整改测算 sheet; the input is unchanged", async () => {
  // As test/engine/plan.test.ts: L = (14√3 − 7)/(3 + 2√3) = 2.668385 per 100 → 27 teachers at each of
  // the three low schools (+17 each, 51 in all); CV 2.7, 2.7, 2.7, 7 → √3·4.3/15.1 = 0.493230.
  const before = sha(path.join(dir, "old.xlsx"));
  const r = junheng("plan", "old.xlsx", "-o", "plan.xlsx", "--json", "plan.json");
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/小学：需增加骨干教师 51 人/);
  expect(r.out).toMatch(/指标102差异系数 1\.0392 → 0\.4932/);
  const j = readJson("plan.json");
  expect(Object.keys(j).sort()).toEqual(["balance", "totals", "units"]);
  expect(j.units.map((u: { school: string; add: Record<string, number> }) => [u.school, u.add["102"]])).toEqual([
    ["甲小学", 17],
    ["乙小学", 17],
    ["丙小学", 17],
    ["丁小学", 0],
  ]);
  expect(j.units[0].step).toEqual({ "101": 0, "102": 2, "103": 0, "104": 0, "105": 0, "106": 0, "107": 0 });
  expect(j.balance.primary["102"].cvBefore).toBeCloseTo(1.03923, 5);
  expect(j.balance.primary["102"].cvAfterStep1).toBeCloseTo(1.03923, 5);
  expect(j.balance.primary["102"].cvAfter).toBeCloseTo(0.49323, 5);
  expect(j.balance.primary.composite.cvAfter).toBeCloseTo(0.49323 / 7, 5);
  expect(j.totals.primary["102"]).toBe(51);
  expect(j.totals.junior["102"]).toBe(0);
  expect(sha(path.join(dir, "old.xlsx"))).toBe(before);
  const wb = await fromBytes(fs.readFileSync(path.join(dir, "plan.xlsx")));
  const ws = wb.getWorksheet("整改测算")!;
  const texts: string[] = [];
  ws.eachRow((row) => texts.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? "" : String(v))).join("|")));
  expect(texts.some((t) => /^三、一校一案（3所学校需增加；其余1所无需增加）/.test(t))).toBe(true);
  expect(texts).toContain("甲小学|小学|0|17|0|0|0|0|0|指标102含第二步（降低差异系数）增加量");
  expect(texts.some((t) => t.startsWith("全县合计|0|51|"))).toBe(true);
  expect(wb.getWorksheet("评估汇总")).toBeDefined();
});

test("compare: status changes with both values, both CVs, added / removed / renamed", async () => {
  const r = junheng("compare", "old.xlsx", "new.xlsx", "-o", "cmp.xlsx", "--json", "cmp.json");
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/新增 1 所，减少 1 所，更名 1 所/);
  const j = readJson("cmp.json");
  expect(j.added).toEqual(["戊小学"]);
  expect(j.removed).toEqual(["丁小学"]);
  expect(j.renamed).toEqual([{ code: "C2", old: "乙小学", new: "乙二小学" }]);
  expect(j.units.map((u: { school: string }) => u.school)).toEqual(["甲小学", "乙二小学", "丙小学"]);
  expect(j.units[0].changes).toEqual({ "102": { old: "met", new: "unmet", valueOld: 1, valueNew: 0.8 } });
  expect(j.units[1].changes).toEqual({});
  expect(j.units[2].changes).toEqual({});
  expect(j.balance.primary["102"].old).toBeCloseTo(1.03923, 5);
  expect(j.balance.primary["102"].new).toBeCloseTo(0.390868, 5);
  expect(j.balance.primary["101"]).toEqual({ old: 0, new: 0 });
  const wb = await fromBytes(fs.readFileSync(path.join(dir, "cmp.xlsx")));
  const ws = wb.getWorksheet("与上年比较")!;
  const texts: string[] = [];
  ws.eachRow((row) => texts.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? "" : String(v))).join("|")));
  expect(texts).toContain("甲小学|小学|102 骨干教师|达标|未达标|1|0.8");
  expect(texts).toContain("更名|乙二小学|原名「乙小学」，学校代码C2");
  expect(texts).toContain("新增|戊小学");
  expect(texts).toContain("减少|丁小学");
});

test("report --last adds the 与上年比较 paragraph", () => {
  const r = junheng("report", "new.xlsx", "--last", "old.xlsx", "-o", "r.docx");
  expect(r.code).toBe(0);
  const xml = strFromU8(unzipSync(fs.readFileSync(path.join(dir, "r.docx")))["word/document.xml"]);
  const text = xml.replace(/<[^>]+>/g, "");
  // 达标 4 → 3 (甲 未达标); 综合 = 102's CV / 7: 1.039230/7 = 0.1485, 0.390868/7 = 0.0558.
  expect(text).toContain("与上年相比，全县小学参评4所（上年4所），达标学校由4所减少到3所，综合差异系数由0.1485变为0.0558。");
  expect(text).toContain("学校新增1所、减少1所、更名1所");
  // 四、: step 1 gives 甲 its 骨干 gap (8 → 10, +2); the CV is within the limit.
  expect(text).toContain("经整改测算，全县要使每所学校各项资源配置指标达到标准值，需增加：小学骨干教师2人。");
});

test("summary: one row per county, a broken file is a row with its error, progress on stderr", () => {
  const r = junheng("summary", "new.xlsx", "good.xlsx", "broken.xlsx", "missing.xlsx", "-o", "汇总.xlsx", "--json", "sum.json");
  expect(r.code).toBe(0);
  expect(r.err).toMatch(/\[1\/4\] new\.xlsx/);
  expect(r.err).toMatch(/\[4\/4\] missing\.xlsx/);
  const j = readJson("sum.json");
  expect(j.counties.map((c: { file: string; county: string | null; verdict: string | null }) => [c.file, c.county, c.verdict])).toEqual([
    ["new.xlsx", "甲县", "fail"],
    ["good.xlsx", "乙县", "pass"],
    ["broken.xlsx", null, null],
    ["missing.xlsx", null, null],
  ]);
  const [n, g, b, m] = j.counties;
  // 甲 is 未达标 in 102: 3 of 4 units pass.
  expect(n.units.primary).toEqual({ total: 4, pass: 3 });
  expect(n.units.junior).toEqual({ total: 0, pass: 0 });
  expect(n.balance.primary["102"]).toBeCloseTo(0.390868, 5);
  expect(n.balance.primary.pass).toBe(true);
  expect(n.blockers.join("")).toMatch(/甲小学/);
  // Three identical schools: every CV 0, all pass.
  expect(g.units.primary).toEqual({ total: 3, pass: 3 });
  expect(g.balance.primary.composite).toBe(0);
  expect(g.blockers).toEqual([]);
  expect(b.error).toMatch(/不是有效的 Excel 工作簿/);
  expect(m.error).toMatch(/找不到文件/);
  expect(fs.existsSync(path.join(dir, "汇总.xlsx"))).toBe(true);
});

test("summary needs an output; compare needs two files", () => {
  expect(junheng("summary", "good.xlsx").code).toBe(1);
  const c = junheng("compare", "good.xlsx");
  expect(c.code).toBe(1);
  expect(c.err).toMatch(/需要两个输入文件/);
});

test("plan -o keeps a user's own sheet named 整改测算 (the plan goes to 整改测算（评估）, by marker); running twice writes it once; clear removes only the product's", async () => {
  const wb = buildWorkbook([primary("甲小学", "C1", 10), primary("乙小学", "C2", 10), primary("丙小学", null, 10), primary("丁小学", "C4", 70)], { county: county("甲县") });
  wb.addWorksheet("整改测算").getCell("A1").value = "本局自己的整改台账";
  fs.writeFileSync(path.join(dir, "own.xlsx"), await toBytes(wb));
  expect(junheng("plan", "own.xlsx", "-o", "own-plan.xlsx").code).toBe(0);
  expect(junheng("plan", "own-plan.xlsx", "-o", "own-plan2.xlsx").code).toBe(0);
  const names = async (file: string) => (await fromBytes(fs.readFileSync(path.join(dir, file)))).worksheets.map((w) => w.name);
  for (const file of ["own-plan.xlsx", "own-plan2.xlsx"]) {
    const out = await fromBytes(fs.readFileSync(path.join(dir, file)));
    expect(out.getWorksheet("整改测算")!.getCell("A1").value).toBe("本局自己的整改台账");
    expect(out.worksheets.filter((w) => w.name.startsWith("整改测算")).map((w) => w.name)).toEqual(["整改测算", "整改测算（评估）"]);
  }
  expect(junheng("clear", "own-plan2.xlsx", "-o", "own-cleared.xlsx").code).toBe(0);
  expect(await names("own-cleared.xlsx")).toEqual(await names("own.xlsx"));
});
