/**
 * The fake behaves like Excel where our adapter depends on it (expected behaviour from the
 * Office.js reference: load + sync before reading, ItemNotFound at sync, null objects, values typed
 * as if entered, 5 MB request limit of Excel on the web, requirement sets).
 */
import { FakeRequestContext, FakeWorkbook, PAYLOAD_LIMIT, type Shape, createFakeExcel, installFakeOffice, uninstallFakeOffice } from "../fakes/fakeExcel";

function doc(): FakeWorkbook {
  return FakeWorkbook.from({ 学校数据: [["学校名称", "小学在校生数"], ["一小", 320]], 县级指标: [["项目", "数值"]] });
}

test("a property read before load + sync throws PropertyNotLoaded", async () => {
  const d = doc();
  await createFakeExcel(d).run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem("学校数据").getRange("A1:B2");
    r.load("values");
    expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    await ctx.sync();
    expect(r.values).toEqual([["学校名称", "小学在校生数"], ["一小", 320]]);
    expect(() => r.numberFormat).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
  });
});

test("getItem of a missing sheet fails at sync with ItemNotFound; OrNullObject gives a null object", async () => {
  const d = doc();
  const Excel = createFakeExcel(d);
  await expect(
    Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("不存在");
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: "ItemNotFound" });
  await Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItemOrNullObject("不存在");
    const used = ctx.workbook.worksheets.getItem("县级指标").getUsedRangeOrNullObject(true);
    expect(() => ws.isNullObject).toThrow();
    await ctx.sync();
    expect(ws.isNullObject).toBe(true);
    expect(used.isNullObject).toBe(false);
  });
});

test("writes are queued and applied at sync; the address of a Chinese sheet is quoted", async () => {
  const d = doc();
  await createFakeExcel(d).run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("学校数据");
    ws.getRange("C1").values = [["评估结果"]];
    expect(d.sheet("学校数据")!.valueAt("C1")).toBe("");
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("address");
    await ctx.sync();
    expect(d.sheet("学校数据")!.valueAt("C1")).toBe("评估结果");
    expect(used.address).toBe("'学校数据'!A1:C2");
  });
});

test("values are typed as if entered: formulas, numbers, apostrophe text, null leaves the cell", async () => {
  const d = doc();
  await createFakeExcel(d).run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("县级指标");
    ws.getRange("A2:F2").values = [["=1+1", "1,234", "'=1+1", "71.2%", "+A1", "普通文字"]];
    ws.getRange("A1:B1").values = [[null, "改"]];
    await ctx.sync();
  });
  const s = d.sheet("县级指标")!;
  expect(s.formulas()).toEqual(["A2", "E2"]);
  expect(s.valueAt("B2")).toBe(1234);
  expect(s.valueAt("C2")).toBe("=1+1");
  expect(s.valueAt("D2")).toBeCloseTo(0.712);
  expect(s.valueAt("F2")).toBe("普通文字");
  expect(s.valueAt("A1")).toBe("项目"); // null: unchanged
  expect(s.valueAt("B1")).toBe("改");
});

test("a values array that does not match the range fails the sync with InvalidArgument", async () => {
  await expect(
    createFakeExcel(doc()).run(async (ctx) => {
      ctx.workbook.worksheets.getItem("学校数据").getRange("A1:B1").values = [["x"]];
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: "InvalidArgument" });
});

test("a request over 5 MB is rejected whole, like Excel on the web", async () => {
  const d = doc();
  const big = Array.from({ length: 3000 }, () => Array.from({ length: 100 }, () => "示例学校名称")); // ≈ 3000×100×21 bytes = 6.3 MB
  await expect(
    createFakeExcel(d).run(async (ctx) => {
      ctx.workbook.worksheets.getItem("学校数据").getRange("A10:CV3009").values = big;
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  expect(d.syncs[0].requestBytes).toBeGreaterThan(PAYLOAD_LIMIT);
  expect(d.sheet("学校数据")!.valueAt("A10")).toBe(""); // nothing applied
});

test("APIs newer than the configured ExcelApi version fail with ApiNotFound", async () => {
  const d = FakeWorkbook.from({ S: [["a"]] }, { apiVersion: "1.7" });
  await expect(
    createFakeExcel(d).run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRanges("A1,B2").format.fill.color = "#FFC7CE";
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: "ApiNotFound" });
});

test("cell edit mode fails a batch unless it was run with delayForCellEdit", async () => {
  const d = doc();
  d.cellEditMode = true;
  const Excel = createFakeExcel(d);
  const write = async (ctx: FakeRequestContext) => {
    ctx.workbook.worksheets.getItem("学校数据").getRange("D1").values = [["x"]];
    await ctx.sync();
  };
  await expect(Excel.run(write)).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
  await Excel.run({ delayForCellEdit: true }, write);
  expect(d.delayedForCellEdit).toBe(1);
});

test("installFakeOffice defines Office and Excel globals with requirement sets and settings", async () => {
  const d = doc();
  d.apiVersion = "1.9";
  const g = globalThis as unknown as { Office: typeof Office };
  installFakeOffice(globalThis, d);
  try {
    await expect(g.Office.onReady()).resolves.toMatchObject({ host: "Excel" });
    expect(g.Office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(true);
    expect(g.Office.context.requirements.isSetSupported("ExcelApi", "1.10")).toBe(false);
    expect(g.Office.context.requirements.isSetSupported("ExcelApi", "1.7")).toBe(true);
  } finally {
    uninstallFakeOffice(globalThis);
  }
});

test("the fake's classes are name-checked against @types/office-js (compile-time)", () => {
  // If Shape stopped rejecting names Excel does not have, these directives would be unused and
  // ts-jest would fail this file.
  // @ts-expect-error: Excel.Range has no member "valuez"
  type Wrong = Shape<Excel.Range, "valuez">;
  // @ts-expect-error: values must keep Excel's type (any[][]), not a string
  const bad: Shape<Excel.Range, "values"> = { values: "x" };
  const ok: Shape<Excel.Range, "values" | "address"> = { values: [[1]], address: "A1" };
  expect(ok.address).toBe("A1");
  expect(bad).toBeDefined();
  expect(null as Wrong | null).toBeNull();
});

test("a merged area holds its value in the top-left cell only, as Excel does; merging discards the others", async () => {
  const d = FakeWorkbook.from({ 学校数据: [["基本信息", "x", "y"], ["学校名称", "学校类型", "备注"]] });
  await createFakeExcel(d).run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("学校数据");
    ws.getRange("A1:C1").merge(false);
    const r = ws.getRange("A1:C1");
    r.load("values");
    await ctx.sync();
    expect(r.values).toEqual([["基本信息", "", ""]]);
  });
  expect(d.sheet("学校数据")!.merges).toEqual([{ row: 0, col: 0, rows: 1, cols: 3 }]);
});

test("defined names: add (range or formula), hidden, read back by formula; duplicates and bad names fail; ExcelApi 1.4 for add", async () => {
  const d = doc();
  const Excel = createFakeExcel(d);
  await Excel.run(async (ctx) => {
    const n = ctx.workbook.names.add("_YZJH_BLOCK", ctx.workbook.worksheets.getItem("学校数据").getRange("C1:D2"));
    n.visible = false;
    ctx.workbook.names.add("常量", "=TRUE");
    await ctx.sync();
    const names = ctx.workbook.names.load("items/name,items/formula,items/visible");
    await ctx.sync();
    expect(names.items.map((x) => [x.name, x.formula, x.visible])).toEqual([
      ["_YZJH_BLOCK", "='学校数据'!$C$1:$D$2", false],
      ["常量", "=TRUE", true],
    ]);
  });
  await expect(Excel.run(async (ctx) => void ctx.workbook.names.add("_yzjh_block", "=TRUE"))).rejects.toMatchObject({ code: "ItemAlreadyExists" });
  await expect(Excel.run(async (ctx) => void ctx.workbook.names.add("A1", "=TRUE"))).rejects.toMatchObject({ code: "InvalidArgument" });
  // A name whose sheet is deleted refers to #REF!; renaming follows the sheet.
  d.sheet("学校数据")!.name = "学校数据2";
  expect(JSON.stringify(d.snapshot())).toContain("'学校数据2'!$C$1:$D$2");
  d.sheets = d.sheets.filter((s) => s.name !== "学校数据2");
  expect(JSON.stringify(d.snapshot())).toContain("=#REF!");
  const old = new FakeWorkbook({ apiVersion: "1.3" });
  old.addSheet("S");
  await expect(createFakeExcel(old).run(async (ctx) => void ctx.workbook.names.add("n", "=TRUE"))).rejects.toMatchObject({ code: "ApiNotFound" });
});

test("conditional formats: add goes to the top priority; ids are priorities in the collection and shift when one is deleted", async () => {
  const d = doc();
  const Excel = createFakeExcel(d);
  await Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("学校数据");
    for (const f of ["=A1=1", "=A1=2", "=A1=3"]) {
      const cf = ws.getRange("A1:A5").conditionalFormats.add("Custom");
      cf.custom.rule.formula = f;
      cf.custom.format.fill.color = "#FFC7CE";
    }
    await ctx.sync();
    const all = ws.getRange().conditionalFormats.load("items/id,items/type,items/customOrNullObject/rule/formula");
    await ctx.sync();
    expect(all.items.map((c) => [c.id, c.type, c.customOrNullObject.rule.formula])).toEqual([
      ["0", "Custom", "=A1=3"],
      ["1", "Custom", "=A1=2"],
      ["2", "Custom", "=A1=1"],
    ]);
    // Deleting "0" then "1" in one batch deletes =A1=3 and (the shifted) =A1=1.
    ws.getRange().conditionalFormats.getItem("0").delete();
    ws.getRange().conditionalFormats.getItem("1").delete();
    await ctx.sync();
  });
  expect(d.sheet("学校数据")!.conditionalFormats.map((c) => c.formula)).toEqual(["=A1=2"]);
  await expect(
    Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("学校数据").getRange("A1").conditionalFormats.add("Custom").custom.rule.formula = "A1=1";
    }),
  ).rejects.toMatchObject({ code: "InvalidArgument" });
  const old = new FakeWorkbook({ apiVersion: "1.5" });
  old.addSheet("S");
  await expect(createFakeExcel(old).run(async (ctx) => void ctx.workbook.worksheets.getItem("S").getRange("A1").conditionalFormats.add("Custom"))).rejects.toMatchObject({
    code: "ApiNotFound",
  });
});
