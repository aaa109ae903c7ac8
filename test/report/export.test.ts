/**
 * 导出上报: the command `junheng export` on the fixture workbook (with a hidden sheet and a formula
 * sheet added), the written .xlsx read back with exceljs and as raw XML; and exportPlan on
 * hand-made snapshots.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { runExport } from "../../src/cli/commands/export";
import { EXPORT_SHEETS, exportFileName, exportPlan, numberFormatRuns } from "../../src/report/export";
import type { WorkbookSnapshot } from "../../src/workbook/port";
import { fixtureXlsx, FORMULA_NAME } from "./fixture";
import { assessedFixture, zipText } from "./helpers";
import { XlsxHost } from "../../src/hosts/xlsx";
import { exportWorkbook } from "../../src/report/workbook";

const io = () => {
  const out: string[] = [];
  return { out: (t: string) => out.push(t), err: (t: string) => out.push(t), lines: out };
};

let dir: string;
let bytes: Uint8Array;
let wb: ExcelJS.Workbook;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "junheng-export-"));
  const input = path.join(dir, "县域数据.xlsx");
  await fs.writeFile(input, await fixtureXlsx({ extras: true }));
  const out = path.join(dir, "上报.xlsx");
  const term = io();
  expect(await runExport([input, "-o", out], term)).toBe(0);
  expect(term.lines.join("\n")).toContain("已导出上报工作簿");
  bytes = new Uint8Array(await fs.readFile(out));
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("junheng export", () => {
  test("holds exactly the checked sheets, all visible: no hidden sheet, no other sheet", () => {
    const names = wb.worksheets.map((w) => w.name);
    // The fixture has no data issues, so 「数据问题」 is absent from the assessed workbook.
    expect(names).toEqual(EXPORT_SHEETS.filter((n) => names.includes(n)));
    expect(names).toEqual(expect.arrayContaining(["评估汇总", "学校数据", "监测点指标", "差异系数", "问题清单", "县级指标"]));
    expect(names).not.toContain("内部备注");
    expect(names).not.toContain("草稿");
    for (const w of wb.worksheets) expect(w.state).toBe("visible");
    expect(zipText(bytes)["xl/workbook.xml"]).not.toMatch(/state="(hidden|veryHidden)"/);
  });

  test("has values only: no formula anywhere, no macros, no add-in settings", () => {
    const files = zipText(bytes);
    for (const [name, xml] of Object.entries(files)) {
      if (name.startsWith("xl/worksheets/sheet")) expect(xml).not.toMatch(/<f[ >]/);
    }
    expect(Object.keys(files).some((k) => /vbaProject|webextension|customXml/i.test(k))).toBe(false);
    // 县级指标!C2 held =1+1 in the source: the export has its value.
    expect(wb.getWorksheet("县级指标")!.getCell("C2").value).toBe(2);
    wb.eachSheet((ws) =>
      ws.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula))),
    );
  });

  test("a school name that looks like a formula stays text", () => {
    const ws = wb.getWorksheet("学校数据")!;
    const hits: unknown[] = [];
    ws.eachRow((row) => row.eachCell((cell) => {
      if (typeof cell.value === "string" && cell.value.includes("HYPERLINK")) hits.push(cell.value);
    }));
    expect(hits).toEqual([FORMULA_NAME]);
    // The result sheets name it as text too (监测点指标 lists every unit).
    const units = wb.getWorksheet("监测点指标")!;
    let found = false;
    units.eachRow((row) => row.eachCell((cell) => { if (cell.value === FORMULA_NAME) found = true; }));
    expect(found).toBe(true);
  });

  test("keeps the checked values: the input data and the assessment's results", () => {
    const schools = wb.getWorksheet("学校数据")!;
    expect(schools.getCell("A2").value).toBe("甲小学");
    // 甲小学 小学在校生数 (column D) as entered: 500.
    expect(schools.getCell("D2").value).toBe(500);
    // The 差异系数 sheet carries the 小学 106 CV 0.1153 (hand calculation in sentences.test.ts).
    const bal = wb.getWorksheet("差异系数")!;
    const nums: number[] = [];
    bal.eachRow((row) => row.eachCell((c) => { if (typeof c.value === "number") nums.push(c.value); }));
    expect(nums.some((v) => Math.abs(v - 0.11526) < 5e-5)).toBe(true);
  });

  test("the 差异系数 sheet has the two native charts, referenced from the sheet", () => {
    const files = zipText(bytes);
    const charts = Object.keys(files).filter((k) => /^xl\/charts\/chart\d+\.xml$/.test(k));
    expect(charts).toHaveLength(2);
    const types = files["[Content_Types].xml"];
    for (const c of charts) expect(types).toContain(`PartName="/${c}"`);
    // Which sheet part is 差异系数.
    const rid = /<sheet [^>]*name="差异系数"[^>]*r:id="([^"]+)"/.exec(files["xl/workbook.xml"])![1];
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(files["xl/_rels/workbook.xml.rels"])![1];
    const sheetPart = `xl/${target.replace(/^\/?xl\//, "")}`;
    const sheetRels = files[sheetPart.replace("worksheets/", "worksheets/_rels/") + ".rels"];
    const drawingRid = /<drawing r:id="([^"]+)"/.exec(files[sheetPart])![1];
    const drawingTarget = new RegExp(`Id="${drawingRid}"[^>]*Target="\\.\\./drawings/([^"]+)"`).exec(sheetRels)![1];
    const drawing = files[`xl/drawings/${drawingTarget}`];
    expect(drawing.match(/<xdr:twoCellAnchor/g)).toHaveLength(2);
    const drawingRels = files[`xl/drawings/_rels/${drawingTarget}.rels`];
    for (const c of charts) expect(drawingRels).toContain(`Target="../charts/${c.split("/").pop()}"`);
    // The CV chart refers to cells of 差异系数 and caches the assessment's values.
    const cv = charts.map((c) => files[c]).find((x) => x.includes("校际差异系数与限值"))!;
    expect(cv).toContain("<c:f>'差异系数'!$B$");
    expect(cv).toMatch(/<c:v>0\.1152\d*<\/c:v>/);
    expect(cv).toContain("<c:lineChart>");
    const status = charts.map((c) => files[c]).find((x) => x.includes("各指标达标情况"))!;
    expect(status).toContain('<c:grouping val="stacked"/>');
  });
});

test("with input errors the 数据问题 sheet is exported too, naming the cell", async () => {
  const { host, run } = await assessedFixture({ badEquipment: true });
  const out = await XlsxHost.load(await exportWorkbook(host, run));
  expect(out.sheetNames()).toContain("数据问题");
  const snap = await out.read(["数据问题"]);
  expect(JSON.stringify(snap.sheets[0].values)).toContain("U3");
});

describe("exportPlan on snapshots", () => {
  const snapshot: WorkbookSnapshot = {
    sheetNames: ["学校数据", "秘密", "县级指标"],
    sheets: [
      {
        name: "学校数据",
        values: [["学校名称", "比例"], ["=1+1", 0.5], ["+86 123", -3], ["-负数开头", null], ["@提及", 1]],
        numberFormats: [["General", "General"], ["@", "0.0%"], ["General", "0.0%"], ["General", "0.0%"], ["General", "General"]],
      },
      { name: "秘密", values: [["不导出"]], numberFormats: [["General"]] },
      { name: "县级指标", values: [["项目", "数值"]], numberFormats: [["General", "General"]] },
    ],
  };

  test("writes every block as text-only and only the export sheets, in export order", () => {
    const plan = exportPlan(snapshot);
    expect(plan.sheets.map((s) => s.name)).toEqual(["学校数据", "县级指标"]);
    for (const s of plan.sheets) {
      expect(s.mode).toBe("replace");
      for (const b of s.blocks) expect(b.textOnly).toBe(true);
    }
    expect(plan.sheets[0].blocks[0].values[1][0]).toBe("=1+1");
  });

  test("keeps number formats as column runs", () => {
    // Column B rows 1–3 share "0.0%"; column A row 1 is "@".
    expect(numberFormatRuns(snapshot.sheets[0], 5)).toEqual([
      { row: 1, col: 0, rows: 1, cols: 1, numberFormat: "@" },
      { row: 1, col: 1, rows: 3, cols: 1, numberFormat: "0.0%" },
    ]);
  });

  test("file name: county, what, date", () => {
    expect(exportFileName("綦江区", new Date(2026, 10, 29))).toBe("綦江区-优质均衡自查-2026-11-29.xlsx");
    expect(exportFileName("a/b:c", new Date(2026, 0, 5))).toBe("abc-优质均衡自查-2026-01-05.xlsx");
    expect(exportFileName(null, new Date(2026, 0, 5))).toBe("本县-优质均衡自查-2026-01-05.xlsx");
  });
});
