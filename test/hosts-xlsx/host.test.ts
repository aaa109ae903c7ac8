/**
 * XlsxHost against real .xlsx bytes written and re-read by exceljs.
 * Expected values are the literal inputs of each fixture (hand-written below).
 */
import * as ExcelJS from "exceljs";
import { NotXlsxError, XlsxHost } from "../../src/hosts/xlsx";
import type { WritePlan } from "../../src/workbook/plan";

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The ARGB of a cell's solid fill, null when it has none (exceljs reads "no fill" as pattern none). */
function solidFill(cell: ExcelJS.Cell): string | null {
  const f = cell.fill as ExcelJS.FillPattern | undefined;
  return f && f.pattern === "solid" ? f.fgColor?.argb ?? null : null;
}

async function reopen(host: XlsxHost): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await host.save()) as unknown as ArrayBuffer);
  return wb;
}

/** A messy input sheet: title rows, merged group header, rich text, formulas, dates, percents. */
async function messyWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const first = wb.addWorksheet("封面");
  first.getCell("A1").value = "某县数据";
  const ws = wb.addWorksheet("学校数据");
  ws.getCell("B1").value = "某县义务教育学校基本情况";
  ws.mergeCells("B1:E1");
  ws.getCell("B3").value = { richText: [{ text: "学校" }, { font: { bold: true }, text: "名称" }] };
  ws.getCell("C3").value = "小学在校生数";
  ws.getCell("D3").value = "比例";
  ws.getCell("E3").value = "日期";
  ws.getCell("B4").value = "=东风小学";
  ws.getCell("C4").value = 1234;
  ws.getCell("D4").value = 0.712;
  ws.getCell("D4").numFmt = "0.0%";
  ws.getCell("E4").value = new Date(Date.UTC(2024, 8, 1));
  ws.getCell("E4").numFmt = "yyyy-mm-dd";
  ws.getCell("B5").value = "西山小学";
  ws.getCell("C5").value = { formula: "C4+1", result: 1235 };
  ws.getCell("D5").value = " 1,234 ";
  ws.getCell("E5").value = { error: "#N/A" };
  ws.getCell("F5").value = true;
  ws.getCell("G9").numFmt = "0.00"; // formatted but empty: not part of the used range
  return bytesOf(wb);
}

describe("XlsxHost.read", () => {
  test("pads the used range to A1 and reports values as Excel would", async () => {
    const host = await XlsxHost.load(await messyWorkbook());
    const snap = await host.read(["学校数据", "县级指标"]);
    expect(snap.sheetNames).toEqual(["封面", "学校数据"]);
    expect(snap.sheets.map((s) => s.name)).toEqual(["学校数据"]);
    const s = snap.sheets[0];
    // Used range A1:F5 (last value F5); G9 only has a format.
    expect(s.values.length).toBe(5);
    expect(s.values.every((r) => r.length === 6)).toBe(true);
    expect(s.values[0][0]).toBeNull();
    expect(s.values[0][1]).toBe("某县义务教育学校基本情况");
    // Merged non-master cells are empty, as in Excel.
    expect(s.values[0][2]).toBeNull();
    expect(s.values[2][1]).toBe("学校名称"); // rich text → plain text
    expect(s.values[3][1]).toBe("=东风小学"); // a string, not a formula
    expect(s.values[3][2]).toBe(1234);
    expect(s.values[3][3]).toBe(0.712);
    expect(s.numberFormats[3][3]).toBe("0.0%");
    // 2024-09-01 is Excel serial 45536 (1900 date system).
    expect(s.values[3][4]).toBe(45536);
    expect(s.numberFormats[3][4]).toBe("yyyy-mm-dd");
    expect(s.values[4][2]).toBe(1235); // formula → cached result
    expect(s.values[4][3]).toBe(" 1,234 ");
    expect(s.values[4][4]).toBe("#N/A");
    expect(s.values[4][5]).toBe(true);
    expect(s.numberFormats[4][2]).toBe("General");
  });

  test("an empty sheet gives an empty snapshot", async () => {
    const host = XlsxHost.create();
    await host.apply({ sheets: [{ name: "学校数据", mode: "update", blocks: [], formats: [] }] });
    const snap = await host.read(["学校数据"]);
    expect(snap.sheets[0].values).toEqual([]);
  });
});

describe("XlsxHost.load", () => {
  test("bytes that are not a workbook give a Chinese NotXlsxError", async () => {
    await expect(XlsxHost.load(new TextEncoder().encode("学校名称,人数\n东风小学,12\n"))).rejects.toThrow(NotXlsxError);
    await expect(XlsxHost.load(new Uint8Array(0))).rejects.toThrow(/不是有效的 Excel 工作簿/);
  });

  test("accepts an ArrayBuffer as well as a Uint8Array", async () => {
    const bytes = await messyWorkbook();
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const host = await XlsxHost.load(ab);
    expect(host.sheetNames()).toEqual(["封面", "学校数据"]);
  });
});

describe("XlsxHost.apply", () => {
  test("replace keeps the tab position; delete removes; new sheets go last; activate selects", async () => {
    const host = await XlsxHost.load(await messyWorkbook());
    await host.apply({ sheets: [{ name: "结果", mode: "replace", blocks: [{ row: 0, col: 0, values: [["旧"]] }], formats: [] }] });
    await host.apply({ sheets: [{ name: "尾页", mode: "replace", blocks: [], formats: [] }] });
    const plan: WritePlan = {
      sheets: [
        { name: "结果", mode: "replace", blocks: [{ row: 1, col: 1, values: [["新", 2]] }], formats: [] },
        { name: "封面", mode: "delete", blocks: [], formats: [] },
        { name: "不存在", mode: "delete", blocks: [], formats: [] },
      ],
      activate: "结果",
    };
    await host.apply(plan);
    const wb = await reopen(host);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["学校数据", "结果", "尾页"]);
    const res = wb.getWorksheet("结果")!;
    expect(res.getCell("A1").value).toBeNull(); // the old content went with the old sheet
    expect(res.getCell("B2").value).toBe("新");
    expect(res.getCell("C2").value).toBe(2);
    expect(wb.views[0].activeTab).toBe(1);
  });

  test("strings that look like formulas stay text, in textOnly blocks and elsewhere", async () => {
    const host = XlsxHost.create();
    await host.apply({
      sheets: [
        {
          name: "表",
          mode: "replace",
          blocks: [
            { row: 0, col: 0, values: [["=1+1", "+86", "-5", "@x"]], textOnly: true },
            { row: 1, col: 0, values: [["=SUM(A1)", 3, null, false]] },
          ],
          formats: [],
        },
      ],
    });
    const wb = await reopen(host);
    const ws = wb.getWorksheet("表")!;
    for (const [addr, text] of [["A1", "=1+1"], ["B1", "+86"], ["C1", "-5"], ["D1", "@x"], ["A2", "=SUM(A1)"]] as const) {
      expect(ws.getCell(addr).type).toBe(ExcelJS.ValueType.String);
      expect(ws.getCell(addr).value).toBe(text);
    }
    expect(ws.getCell("B2").value).toBe(3);
    expect(ws.getCell("D2").value).toBe(false);
  });

  test("update clears an old block (values, styles, merges), writes, formats areas, sets sheet extras", async () => {
    const host = await XlsxHost.load(await messyWorkbook());
    // A previous "result block" in H1:I5 with a merge and fills.
    await host.apply({
      sheets: [
        {
          name: "学校数据",
          mode: "update",
          blocks: [{ row: 0, col: 7, values: [["评估结果", null], ["甲", "乙"], ["x", "y"], ["x", "y"], ["x", "y"]] }],
          formats: [{ row: 0, col: 7, rows: 5, cols: 2, fill: "#DDEBF7", bold: true }],
          merges: [{ row: 0, col: 7, rows: 1, cols: 2 }],
        },
      ],
    });
    await host.apply({
      sheets: [
        {
          name: "学校数据",
          mode: "update",
          clear: [{ row: 0, col: 7, rows: 1_048_576, cols: 2 }],
          blocks: [{ row: 2, col: 8, values: [["新"], [0.5]] }],
          formats: [
            { row: 3, col: 8, rows: 1, cols: 1, numberFormat: "0.0%", fontColor: "#FF0000", horizontalAlignment: "center", wrap: true, border: true },
          ],
          columnWidths: [{ col: 8, width: 30 }],
          freeze: { rows: 3, cols: 2 },
          tabColor: "#2E75B6",
          validations: [{ row: 3, col: 5, rows: 10, cols: 1, list: ["是", "否"] }],
          notes: [{ cell: "C3", text: "填写在校生总数" }],
        },
      ],
    });
    const wb = await reopen(host);
    const ws = wb.getWorksheet("学校数据")!;
    expect(ws.getCell("H1").value).toBeNull();
    expect(ws.getCell("H1").isMerged).toBe(false);
    expect(solidFill(ws.getCell("H1"))).toBeNull();
    expect(ws.getCell("H2").value).toBeNull();
    expect(ws.getCell("I3").value).toBe("新");
    expect(ws.getCell("I4").value).toBe(0.5);
    expect(ws.getCell("I4").numFmt).toBe("0.0%");
    expect(ws.getCell("I4").font?.color?.argb).toBe("FFFF0000");
    expect(ws.getCell("I4").alignment?.horizontal).toBe("center");
    expect(ws.getCell("I4").border?.top?.style).toBe("thin");
    expect(ws.getColumn(9).width).toBe(30);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 3 });
    expect(ws.properties.tabColor).toEqual({ argb: "FF2E75B6" });
    expect((ws as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }).dataValidations.model["F4"].formulae).toEqual(['"是,否"']);
    expect(ws.getCell("C3").note).toBe("填写在校生总数");
    // Input cells are untouched.
    expect(ws.getCell("C4").value).toBe(1234);
    expect(ws.getCell("D4").numFmt).toBe("0.0%");
    expect(ws.getCell("B1").isMerged).toBe(true);
  });

  test("highlights set and clear fills only, keep number formats and fonts, and never leak to cells sharing a style", async () => {
    // Two cells with the same style: on load exceljs shares one style object between them.
    const wb0 = new ExcelJS.Workbook();
    const ws0 = wb0.addWorksheet("学校数据");
    for (const a of ["A1", "A2", "A3"]) {
      ws0.getCell(a).value = 1;
      ws0.getCell(a).numFmt = "0.00";
      ws0.getCell(a).font = { bold: true };
    }
    const host = await XlsxHost.load(await bytesOf(wb0));
    await host.apply({ sheets: [{ name: "学校数据", mode: "update", blocks: [], formats: [], highlights: [{ fill: "#FFC7CE", cells: ["A1", "A2"] }] }] });
    await host.apply({ sheets: [{ name: "学校数据", mode: "update", blocks: [], formats: [], highlights: [{ fill: null, cells: ["A2"] }] }] });
    const ws = (await reopen(host)).getWorksheet("学校数据")!;
    expect((ws.getCell("A1").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");
    expect(solidFill(ws.getCell("A2"))).toBeNull();
    expect(solidFill(ws.getCell("A3"))).toBeNull();
    for (const a of ["A1", "A2", "A3"]) {
      expect(ws.getCell(a).numFmt).toBe("0.00");
      expect(ws.getCell(a).font?.bold).toBe(true);
      expect(ws.getCell(a).value).toBe(1);
    }
  });
});
