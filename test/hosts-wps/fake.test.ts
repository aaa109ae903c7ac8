/**
 * The fake ET behaves as the ET/VBA object model is documented to (so the host tests mean
 * something): 1-based Item, scalar Value2 for one cell, null NumberFormat for mixed ranges, BGR
 * colours, typing rules for strings, Delete refused while alerts are on, freezing on the active
 * sheet only, switchable bulk writes and member forms, and a call count.
 */
import { FakeEt, FakeEtBook, bgrToHex } from "../fakes/fakeEt";
import { bgr } from "../../src/hosts/wps";

function session(opts = {}) {
  const book = FakeEtBook.from({ 数据: [["名称", 1], ["乙", 2]], 其他: [["x"]] });
  return { book, et: new FakeEt(book, opts) };
}

test("Item is 1-based and matches names case-insensitively", () => {
  const { et } = session();
  const sheets = et.app.ActiveWorkbook!.Worksheets;
  expect(sheets.Item(1).Name).toBe("数据");
  expect(sheets.Item(2).Name).toBe("其他");
  expect(() => sheets.Item(0)).toThrow();
  expect(() => sheets.Item(3)).toThrow();
  expect(sheets.Item("其他").Index).toBe(2);
});

test("Value2: a scalar for one cell, rows of cells for a block (undefined when empty)", () => {
  const { et } = session();
  const ws = et.app.ActiveWorkbook!.Worksheets.Item("数据");
  expect(ws.Range("B2").Value2).toBe(2);
  expect(ws.Range("A1:C2").Value2).toEqual([["名称", 1, undefined], ["乙", 2, undefined]]);
  ws.Range("A1").Resize(2, 1).Value2 = 7; // a scalar fills every cell
  expect(ws.Range("A1:A2").Value2).toEqual([[7], [7]]);
});

test("NumberFormat is null where the cells differ", () => {
  const { et } = session();
  const ws = et.app.ActiveWorkbook!.Worksheets.Item("数据");
  expect(ws.Range("A1:B2").NumberFormat).toBe("General");
  ws.Range("B2").NumberFormat = "0.0%";
  expect(ws.Range("A1:B2").NumberFormat).toBeNull();
  expect(ws.Range("B2").NumberFormat).toBe("0.0%");
});

test("strings are typed: formulas, numbers and booleans unless the cell is text (@) or starts with an apostrophe", () => {
  const { book, et } = session();
  const ws = et.app.ActiveWorkbook!.Worksheets.Item("其他");
  ws.Range("A1:E1").Value2 = [["=SUM(1,2)", "1,234", "TRUE", "'=x", "-abc"]];
  const s = book.sheet("其他");
  expect(s.cell(0, 0)).toMatchObject({ formula: "=SUM(1,2)" });
  expect(s.cell(0, 1)?.value).toBe(1234);
  expect(s.cell(0, 2)?.value).toBe(true);
  expect(s.cell(0, 3)).toMatchObject({ value: "=x", prefix: true });
  expect(s.cell(0, 4)?.formula).toBe("=-abc");
  ws.Range("A2").NumberFormat = "@";
  ws.Range("A2").Value2 = "=SUM(1,2)";
  expect(s.cell(1, 0)).toEqual({ numberFormat: "@", value: "=SUM(1,2)" });
});

test("colours are BGR: #FFC7CE is 0xCEC7FF", () => {
  const { book, et } = session();
  const ws = et.app.ActiveWorkbook!.Worksheets.Item("数据");
  expect(bgr("#FFC7CE")).toBe(0xcec7ff);
  ws.Range("A1").Interior.Color = bgr("#FFC7CE");
  expect(book.sheet("数据").cell(0, 0)?.fill).toBe(0xcec7ff);
  expect(bgrToHex(0xcec7ff)).toBe("#FFC7CE");
});

test("Delete throws while DisplayAlerts is on, and never removes the last sheet", () => {
  const { book, et } = session();
  const sheets = et.app.ActiveWorkbook!.Worksheets;
  expect(() => sheets.Item("其他").Delete()).toThrow(/DisplayAlerts/);
  et.app.DisplayAlerts = false;
  sheets.Item("其他").Delete();
  expect(book.sheets.map((s) => s.name)).toEqual(["数据"]);
  expect(() => sheets.Item("数据").Delete()).toThrow();
});

test("FreezePanes acts on the active sheet only; Add activates the new sheet", () => {
  const { book, et } = session();
  const wb = et.app.ActiveWorkbook!;
  wb.Worksheets.Add(null, wb.Worksheets.Item(2));
  expect(book.activeSheet.name).toMatch(/^Sheet/);
  const win = et.app.ActiveWindow;
  win.SplitRow = 1;
  win.FreezePanes = true;
  expect(book.activeSheet.frozen).toEqual({ rows: 1, cols: 0 });
  expect(book.sheet("数据").frozen).toBeNull();
});

test("bulk writes can be switched off (only the first row lands) and member forms switched", () => {
  const { book, et } = session({ bulkWrites: "firstRow", memberForm: "property" });
  const ws = et.app.ActiveWorkbook!.Worksheets.Item("其他");
  ws.Range("A1:B2").Value2 = [[1, 2], [3, 4]];
  expect([book.sheet("其他").cell(0, 1)?.value, book.sheet("其他").cell(1, 0)]).toEqual([2, undefined]);
  expect(typeof ws.ChartObjects).toBe("object");
  expect(ws.Range("A1:B2").Address).toBe("$A$1:$B$2");
  const method = new FakeEt(book);
  const ws2 = method.app.ActiveWorkbook!.Worksheets.Item("其他");
  expect(typeof ws2.ChartObjects).toBe("function");
  expect(ws2.Range("B2").Address()).toBe("$B$2");
});

test("calls are counted: each property access and method call is one", () => {
  const { et } = session();
  et.reset();
  const ws = et.app.ActiveWorkbook!.Worksheets.Item(1); // ActiveWorkbook, Worksheets, Item
  void ws.UsedRange.Value2; // UsedRange, Value2
  expect(et.calls).toBe(5);
  expect(et.byName.get("Range.Value2")).toBe(1);
});
