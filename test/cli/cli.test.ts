/**
 * The built command line, spawned as a user runs it (node bin/junheng.js …) on real .xlsx files.
 * Expected values: exit codes and file effects from the brief (0 ran, 2 unusable file, 1 usage);
 * figures from the hand-computed fixture of test/workbook-render (甲小学 101 = 18/500×100 = 3.6).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { buildCli, root, runJunheng, sha } from "./helpers";
import { buildWorkbook, dumpWorkbook, fromBytes, makeSchools, toBytes } from "../workbook-render/fixtures";

let dir: string;
const junheng = (...args: string[]) => runJunheng(dir, ...args);

beforeAll(async () => {
  buildCli();
  expect(fs.existsSync(path.join(root, "dist/node/cli/index.js"))).toBe(true);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "junheng-cli-"));
  const schools = makeSchools(30, 5);
  schools[0] = { ...schools[0], 学校名称: "甲小学", 学校类型: "小学", 小学在校生数: 500, 初中在校生数: null, 高中在校生数: null, 小学高于规定学历教师数: 18 };
  fs.writeFileSync(path.join(dir, "county.xlsx"), await toBytes(buildWorkbook(schools, { titleRows: 1, groupRow: true })));
  fs.writeFileSync(path.join(dir, "bad.xlsx"), await toBytes(buildWorkbook(schools, { overrides: [[2, "小学骨干教师数", "abc"]] })));
  fs.writeFileSync(path.join(dir, "notes.txt.xlsx"), "学校名称,人数\n");
  const other = new ExcelJS.Workbook();
  other.addWorksheet("Sheet1").getCell("A1").value = "学校名称";
  fs.writeFileSync(path.join(dir, "nosheet.xlsx"), await toBytes(other));
  const noHeader = new ExcelJS.Workbook();
  noHeader.addWorksheet("学校数据").getCell("A1").value = "单位";
  fs.writeFileSync(path.join(dir, "noheader.xlsx"), await toBytes(noHeader));
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("junheng --help lists the commands in Chinese; an unknown command exits 1", () => {
  const r = junheng("--help");
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/用法：junheng <命令>/);
  expect(r.out).toMatch(/assess\s+评估工作簿/);
  expect(r.out).toMatch(/template\s+生成空白模板/);
  expect(junheng("assess", "--help").out).toMatch(/--cv-rule each\|composite/);
  const bad = junheng("frobnicate");
  expect(bad.code).toBe(1);
  expect(bad.err).toMatch(/未知的命令：frobnicate/);
});

test("assess without -o prints the summary and writes nothing", () => {
  const file = path.join(dir, "county.xlsx");
  const before = sha(file);
  const listing = fs.readdirSync(dir).sort();
  const r = junheng("assess", "county.xlsx");
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/总体结论：/);
  expect(r.out).toMatch(/小学：\d+ 个监测点参评，\d+ 个达标/);
  expect(r.out).toMatch(/差异系数：101 0\.\d{4}/);
  expect(r.out).toMatch(/标准 ≤0\.50/);
  expect(r.out).toMatch(/标准 ≤0\.45/);
  expect(r.out).toMatch(/数据问题：\d+ 个错误/);
  expect(r.out).toMatch(/原文件未改动/);
  expect(sha(file)).toBe(before);
  expect(fs.readdirSync(dir).sort()).toEqual(listing);
});

test("assess -o --json writes the result workbook and the JSON contract; the input is unchanged", async () => {
  const before = sha(path.join(dir, "county.xlsx"));
  const r = junheng("assess", "county.xlsx", "-o", "out.xlsx", "--json", "out.json");
  expect(r.code).toBe(0);
  expect(sha(path.join(dir, "county.xlsx"))).toBe(before);
  const wb = await fromBytes(fs.readFileSync(path.join(dir, "out.xlsx")));
  expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["学校数据", "监测点指标", "差异系数", "问题清单", "评估汇总"]));
  const json = JSON.parse(fs.readFileSync(path.join(dir, "out.json"), "utf8"));
  expect(json.profile).toBe("national-2017");
  const jia = json.units.find((u: { school: string }) => u.school === "甲小学");
  expect(jia.indicators["101"].value).toBeCloseTo(3.6, 12); // 18 / 500 × 100
  expect(jia.indicators["101"].status).toBe("basic");
  // Assessing the result file again gives the same JSON (the result block is not read as input).
  const again = junheng("assess", "out.xlsx", "--json", "-");
  expect(again.code).toBe(0);
  expect(JSON.parse(again.out)).toEqual(json);
  expect(again.err).toMatch(/总体结论：/);
});

test("clear undoes assess: the cleared file equals the original; a file without results is not written", async () => {
  const r = junheng("assess", "county.xlsx", "-o", "assessed.xlsx");
  expect(r.code).toBe(0);
  const before = sha(path.join(dir, "assessed.xlsx"));
  const c = junheng("clear", "assessed.xlsx", "-o", "cleared.xlsx");
  expect(c.code).toBe(0);
  expect(c.out).toMatch(/已删除结果工作表：「监测点指标」/);
  expect(c.out).toMatch(/已写出工作簿：cleared\.xlsx/);
  expect(sha(path.join(dir, "assessed.xlsx"))).toBe(before); // the input is not written without -o to it
  const cleared = dumpWorkbook(await fromBytes(fs.readFileSync(path.join(dir, "cleared.xlsx"))));
  expect(cleared).toEqual(dumpWorkbook(await fromBytes(fs.readFileSync(path.join(dir, "county.xlsx")))));
  // Default output name beside the input; nothing to clear → nothing written.
  expect(junheng("clear", "assessed.xlsx").code).toBe(0);
  expect(fs.existsSync(path.join(dir, "assessed-已清除评估结果.xlsx"))).toBe(true);
  const none = junheng("clear", "county.xlsx", "-o", "none.xlsx");
  expect(none.code).toBe(0);
  expect(none.out).toMatch(/没有评估助手写入的评估结果/);
  expect(fs.existsSync(path.join(dir, "none.xlsx"))).toBe(false);
  expect(junheng("clear", "county.xlsx", "-o", "x.docx").code).toBe(1);
  expect(junheng("clear", "missing.xlsx").code).toBe(2);
});

/** The chart parts of a saved .xlsx that the 差异系数 sheet's drawing references. */
function balanceCharts(file: string): { charts: string[]; referenced: string[] } {
  const files = unzipSync(fs.readFileSync(file));
  const text = (p: string) => strFromU8(files[p]);
  const charts = Object.keys(files).filter((k) => /^xl\/charts\/chart\d+\.xml$/.test(k)).sort();
  // workbook.xml: sheet name → r:id; its rels: r:id → worksheet part; the sheet's rels → drawing; the drawing's rels → charts.
  const rid = new RegExp(`<sheet [^>]*name="差异系数"[^>]*r:id="([^"]+)"`).exec(text("xl/workbook.xml"))![1];
  const target = (rels: string, id: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!.slice(1).find(Boolean)!;
  const sheetPart = "xl/" + target(text("xl/_rels/workbook.xml.rels"), rid).replace(/^\/?xl\//, "");
  const sheetRels = text(sheetPart.replace("worksheets/", "worksheets/_rels/") + ".rels");
  const drawingId = /<drawing r:id="([^"]+)"/.exec(text(sheetPart))![1];
  const drawingPart = "xl/drawings/" + target(sheetRels, drawingId).split("/").pop();
  const drawingRels = text(drawingPart.replace("drawings/", "drawings/_rels/") + ".rels");
  const referenced = [...drawingRels.matchAll(/Target="\.\.\/charts\/(chart\d+\.xml)"/g)].map((m) => `xl/charts/${m[1]}`).sort();
  return { charts, referenced };
}

test("assess -o writes the two native charts on 差异系数; assessing the result again keeps two", () => {
  expect(junheng("assess", "county.xlsx", "-o", "charted.xlsx").code).toBe(0);
  const first = balanceCharts(path.join(dir, "charted.xlsx"));
  expect(first.charts).toEqual(["xl/charts/chart1.xml", "xl/charts/chart2.xml"]);
  expect(first.referenced).toEqual(first.charts);
  const cv = strFromU8(unzipSync(fs.readFileSync(path.join(dir, "charted.xlsx")))["xl/charts/chart1.xml"]);
  expect(cv).toContain("校际差异系数与限值");
  expect(cv).toMatch(/<c:f>'差异系数'!\$A\$\d+:\$A\$\d+<\/c:f>/);
  expect(junheng("assess", "charted.xlsx", "-o", "charted2.xlsx").code).toBe(0);
  const second = balanceCharts(path.join(dir, "charted2.xlsx"));
  expect(second.charts).toEqual(["xl/charts/chart1.xml", "xl/charts/chart2.xml"]);
  expect(second.referenced).toEqual(second.charts);
});

test("options: --cv-rule composite and --profile reach the assessment; bad values exit 1", () => {
  expect(junheng("assess", "county.xlsx", "--cv-rule", "composite").out).toMatch(/按综合差异系数判定/);
  expect(junheng("assess", "county.xlsx", "--profile", "national-2017").code).toBe(0);
  const unknown = junheng("assess", "county.xlsx", "--profile", "mars-2030");
  expect(unknown.code).toBe(1);
  expect(unknown.err).toMatch(/未知的评估标准「mars-2030」/);
  const badRule = junheng("assess", "county.xlsx", "--cv-rule", "median");
  expect(badRule.code).toBe(1);
  expect(badRule.err).toMatch(/取值「median」无效/);
  expect(junheng("assess", "county.xlsx", "--bogus").code).toBe(1);
  expect(junheng("assess").code).toBe(1);
});

test("bad cells do not stop the run: exit 0, the issue is in the JSON with its cell", () => {
  const r = junheng("assess", "bad.xlsx", "--json", "-");
  expect(r.code).toBe(0);
  const json = JSON.parse(r.out);
  const issue = json.issues.find((i: { severity: string }) => i.severity === "error");
  expect(issue.sheet).toBe("学校数据");
  expect(issue.cell).toMatch(/^[A-Z]+4$/); // third school, header on row 1
  const third = json.units.filter((u: { school: string }) => /^第3/.test(u.school));
  expect(third.some((u: { indicators: Record<string, { status: string }> }) => u.indicators["102"].status === "error")).toBe(true);
  // Every other school's results are those of the clean workbook (same schools, other layout).
  const clean = JSON.parse(junheng("assess", "county.xlsx", "--json", "-").out);
  const others = (j: { units: { school: string }[] }) => j.units.filter((u) => !/^第3/.test(u.school));
  expect(others(json)).toEqual(others(clean));
});

test.each([
  ["missing file", "nothere.xlsx", /找不到文件/],
  ["not an xlsx", "notes.txt.xlsx", /不是有效的 Excel 工作簿/],
  ["an old .xls name", "county.xls", /找不到文件|不是 \.xlsx/],
  ["no 学校数据 sheet", "nosheet.xlsx", /找不到「学校数据」工作表/],
  ["no 学校名称 header", "noheader.xlsx", /找不到「学校名称」/],
])("unusable input (%s) exits 2 with a Chinese message", (_what, file, message) => {
  const r = junheng("assess", file, "-o", "never.xlsx");
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/^错误：/);
  expect(r.err).toMatch(message);
  expect(fs.existsSync(path.join(dir, "never.xlsx"))).toBe(false);
});

test("a file named .xls that is no spreadsheet is refused with the advice to save as .xlsx", () => {
  fs.writeFileSync(path.join(dir, "old.xls"), "x");
  const r = junheng("assess", "old.xls");
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/另存为/);
});

test("template writes the template sheets; run again it adds nothing; the template assesses (exit 0)", async () => {
  const r = junheng("template", "t.xlsx");
  expect(r.code).toBe(0);
  const wb = await fromBytes(fs.readFileSync(path.join(dir, "t.xlsx")));
  expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["学校数据", "县级指标", "评估标准", "说明"]));
  const again = junheng("template", "t.xlsx");
  expect(again.code).toBe(0);
  expect(again.out).toMatch(/已包含全部模板工作表/);
  expect(junheng("assess", "t.xlsx").code).toBe(0);
});

test(".xlsm stays .xlsm: -o out.xlsx is refused with the name to use, -o out.xlsm keeps the macros; an encrypted file exits 2 in Chinese", async () => {
  const { graft } = await import("../hosts-xlsx/graft");
  const macro = fs.readFileSync(path.join(root, "test/fixtures/corpus/xw_macro01.xlsm"));
  fs.writeFileSync(path.join(dir, "macro.xlsm"), await graft(new Uint8Array(macro)));
  const wrong = junheng("assess", "macro.xlsm", "-o", "macro-out.xlsx");
  expect(wrong.code).toBe(1);
  expect(wrong.err).toMatch(/含有宏（\.xlsm）.*macro-out\.xlsm/);
  expect(fs.existsSync(path.join(dir, "macro-out.xlsx"))).toBe(false);
  expect(junheng("assess", "macro.xlsm", "-o", "macro-out.xlsm").code).toBe(0);
  const out = unzipSync(fs.readFileSync(path.join(dir, "macro-out.xlsm")));
  expect(Buffer.from(out["xl/vbaProject.bin"]).equals(Buffer.from(unzipSync(macro)["xl/vbaProject.bin"]))).toBe(true);
  const cleared = junheng("clear", "macro-out.xlsm");
  expect(cleared.code).toBe(0);
  expect(fs.existsSync(path.join(dir, "macro-out-已清除评估结果.xlsm"))).toBe(true);
  fs.copyFileSync(path.join(root, "test/fixtures/corpus/ca_pass_protected.xlsx"), path.join(dir, "locked.xlsx"));
  const locked = junheng("assess", "locked.xlsx");
  expect(locked.code).toBe(2);
  expect(locked.err).toMatch(/文件已加密，请先取消密码/);
  expect(locked.err).not.toMatch(/at |Error/);
});

test(".xls and .ods are assessed like the .xlsx they were saved from; results go to a new .xlsx, never back to the original", async () => {
  const XLSX = await import("@e965/xlsx");
  // The sample county saved as .xls (BIFF8) and .ods by SheetJS: the same sheets and values.
  const sample = XLSX.read(fs.readFileSync(path.join(root, "examples", "sample-county.xlsx")), { type: "buffer", cellNF: true });
  fs.writeFileSync(path.join(dir, "sample.xlsx"), fs.readFileSync(path.join(root, "examples", "sample-county.xlsx")));
  fs.writeFileSync(path.join(dir, "sample.xls"), XLSX.write(sample, { type: "buffer", bookType: "xls" }));
  fs.writeFileSync(path.join(dir, "sample.ods"), XLSX.write(sample, { type: "buffer", bookType: "ods" }));
  const original = sha(path.join(dir, "sample.xls"));
  expect(junheng("assess", "sample.xlsx", "--json", "x.json").code).toBe(0);
  const expected = JSON.parse(fs.readFileSync(path.join(dir, "x.json"), "utf8"));
  for (const f of ["sample.xls", "sample.ods"]) {
    const r = junheng("assess", f, "--json", `${f}.json`, "-o", `${f}-结果.xlsx`);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/新的 \.xlsx.*未改动/);
    const got = JSON.parse(fs.readFileSync(path.join(dir, `${f}.json`), "utf8"));
    expect(got.schools).toEqual(expected.schools);
    expect(got.county).toEqual(expected.county);
    const out = unzipSync(fs.readFileSync(path.join(dir, `${f}-结果.xlsx`)));
    expect(strFromU8(out["xl/workbook.xml"])).toMatch(/name="评估汇总"/);
  }
  expect(sha(path.join(dir, "sample.xls"))).toBe(original);
  const back = junheng("assess", "sample.xls", "-o", "sample.xls");
  expect(back.code).toBe(1);
  expect(back.err).toMatch(/无法原样写回/);
  expect(sha(path.join(dir, "sample.xls"))).toBe(original);
});

describe("layouts other than the template (issue 9)", () => {
  beforeAll(async () => {
    const { statisticsExport, sectionSheets } = await import("../workbook-read/layouts/fixtures");
    const two = statisticsExport(3, "Sheet2", statisticsExport(3));
    fs.writeFileSync(path.join(dir, "export.xlsx"), await toBytes(statisticsExport(3)));
    fs.writeFileSync(path.join(dir, "two.xlsx"), await toBytes(two));
    fs.writeFileSync(path.join(dir, "sections.xlsx"), await toBytes(sectionSheets()));
  });

  test("a statistics export is found by content and said so", () => {
    const r = junheng("assess", "export.xlsx", "--json", "out.json");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/学校数据：「2024年基础数据」（统计报表导出）/);
    const json = JSON.parse(fs.readFileSync(path.join(dir, "out.json"), "utf8"));
    expect(json.units.find((u: { school: string }) => u.school === "城关小学").indicators["101"].value).toBeCloseTo(4.2, 9);
  });

  test("two look-alike sheets: exit 2 asking for --sheet; --sheet picks one", () => {
    const r = junheng("assess", "two.xlsx");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/都像学校数据.*--sheet/);
    const ok = junheng("assess", "two.xlsx", "--sheet", "Sheet2");
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/学校数据：「Sheet2」/);
    expect(junheng("assess", "two.xlsx", "--sheet", "没有").err).toMatch(/找不到工作表「没有」/);
  });

  test("--sheet twice reads a 按学段 pair; --write-map writes 「列对应」 into the result workbook", async () => {
    const r = junheng("assess", "sections.xlsx", "--sheet", "小学", "--sheet", "初中", "--write-map", "-o", "sections-out.xlsx");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/学校数据：「小学」、「初中」（按学段分表）/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "sections-out.xlsx"));
    const map = wb.getWorksheet("列对应")!;
    const texts: string[] = [];
    // Trailing empty cells are not written (the package writer stores no empty cells), so rows are compared without them.
    map.eachRow((row) => texts.push((row.values as unknown[]).slice(1).map((v) => String(v ?? "")).join("|").replace(/\|+$/, "")));
    expect(texts).toContain("小学|小学|小学在校生数|C||在校生数");
    // Read again by the 列对应 sheet: the same results.
    const again = junheng("assess", "sections-out.xlsx", "--json", "again.json");
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/学校数据：「小学」、「初中」（按学段分表，按「列对应」表读取）/);
    const a = JSON.parse(fs.readFileSync(path.join(dir, "again.json"), "utf8"));
    const b = JSON.parse(junheng("assess", "sections.xlsx", "--json", "-").out);
    expect(a.units).toEqual(b.units);
  });
});
