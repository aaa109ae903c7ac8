/**
 * OfficeHost.apply of a hand-written, realistic plan (the shapes the renderer produces: a result
 * block beside the school data, replaced result sheets, a template sheet) against the fake Excel.
 * Expected cells are read off the plan itself (they are what the plan says to write).
 */
import type { WritePlan } from "../../src/workbook/plan";
import { FILL } from "../../src/workbook/plan";
import { MAX_REQUEST_BYTES, OfficeHostError } from "../../src/hosts/office";
import { FakeWorkbook, RANGE_AREAS_ADDRESS_LIMIT } from "../fakes/fakeExcel";
import { hostFor } from "./helpers";

function workbook(apiVersion = "1.18"): FakeWorkbook {
  const doc = FakeWorkbook.from(
    {
      学校数据: [
        ["学校名称", "小学在校生数", "小学骨干教师数", "", "评估结果", "旧列"],
        ["第一小学", 320, 2, "", "旧结论", "x"],
        ["第二小学", 410, 5, "", "旧结论", "y"],
      ],
      问题清单: [["旧的问题清单"], ["第一小学"]],
      数据问题: [["旧的数据问题"]],
    },
    { apiVersion },
  );
  doc.sheet("学校数据")!.touch(1, 2).fill = FILL.unmet; // previous run's highlight
  return doc;
}

function plan(): WritePlan {
  return {
    sheets: [
      {
        name: "学校数据",
        mode: "update",
        clear: [{ row: 0, col: 4, rows: 3, cols: 2 }],
        blocks: [{ row: 0, col: 4, values: [["评估结果", "达标项数"], ["未达标", 5], ["达标", 7]] }],
        formats: [
          { row: 0, col: 4, rows: 1, cols: 2, bold: true, fill: FILL.resultHeader, border: true, horizontalAlignment: "center" },
          { row: 1, col: 5, rows: 2, cols: 1, numberFormat: "0" },
        ],
        highlights: [
          { fill: null, cells: ["C2"] },
          { fill: FILL.unmet, cells: ["C3"] },
          { fill: FILL.basic, cells: ["B2"] },
        ],
        columnWidths: [{ col: 4, width: 10 }],
      },
      {
        name: "问题清单",
        mode: "replace",
        blocks: [
          { row: 0, col: 0, values: [["学校", "学段", "指标", "差距"]] },
          { row: 1, col: 0, values: [["=第二小学", "小学", "骨干教师", "需增加骨干教师 1 人"]], textOnly: true },
        ],
        formats: [{ row: 1, col: 3, rows: 1, cols: 1, wrap: true, fontColor: "#9C0006" }],
        merges: [{ row: 3, col: 0, rows: 1, cols: 4 }],
        freeze: { rows: 1, cols: 1 },
        tabColor: "#C00000",
      },
      { name: "数据问题", mode: "delete", blocks: [], formats: [] },
      {
        name: "评估标准",
        mode: "update",
        blocks: [{ row: 0, col: 0, values: [["项目", "数值"], ["差异系数判定方式", "each"], ["小学差异系数上限", 0.5]] }],
        formats: [{ row: 2, col: 1, rows: 1, cols: 1, numberFormat: "0.00" }],
        validations: [{ row: 1, col: 1, rows: 1, cols: 1, list: ["each", "composite"] }],
        notes: [{ cell: "A2", text: "each：七项分别判定；composite：综合差异系数" }],
        freeze: { rows: 1, cols: 0 },
      },
    ],
    activate: "问题清单",
  };
}

test("a realistic plan lands as written: values, formats, highlights, replaced and deleted sheets", async () => {
  const doc = workbook();
  await hostFor(doc).apply(plan());
  const s = doc.sheet("学校数据")!;
  expect(s.grid()).toEqual([
    ["学校名称", "小学在校生数", "小学骨干教师数", "", "评估结果", "达标项数"],
    ["第一小学", 320, 2, "", "未达标", 5],
    ["第二小学", 410, 5, "", "达标", 7],
  ]); // the old 旧列 column is cleared, inputs untouched
  expect(s.at("E1")).toMatchObject({ bold: true, fill: FILL.resultHeader, horizontalAlignment: "Center", borders: ["EdgeBottom", "EdgeLeft", "EdgeRight", "EdgeTop", "InsideVertical"] });
  expect(s.at("F2")?.numberFormat).toBe("0");
  expect([...s.fills()].sort()).toEqual([["B2", FILL.basic], ["C3", FILL.unmet], ["E1", FILL.resultHeader], ["F1", FILL.resultHeader]].sort());
  expect(s.columnWidths.get(4)).toBe(56.25); // 10 characters = 75 px = 56.25 pt
  const p = doc.sheet("问题清单")!;
  expect(p.grid()).toEqual([
    ["学校", "学段", "指标", "差距"],
    ["=第二小学", "小学", "骨干教师", "需增加骨干教师 1 人"],
  ]);
  expect(p.formulas()).toEqual([]);
  expect(p.at("D2")).toMatchObject({ wrap: true, fontColor: "#9C0006" });
  expect(p.merges).toEqual([{ row: 3, col: 0, rows: 1, cols: 4 }]);
  expect([p.frozenRows, p.frozenCols, p.tabColor]).toEqual([1, 1, "#C00000"]);
  expect(doc.sheet("数据问题")).toBeUndefined();
  expect(doc.sheetNames()).toEqual(["学校数据", "问题清单", "评估标准"]);
  const r = doc.sheet("评估标准")!;
  expect(r.valueAt("B3")).toBe(0.5);
  expect(r.at("B3")?.numberFormat).toBe("0.00");
  expect(r.validations).toEqual([{ area: { row: 1, col: 1, rows: 1, cols: 1 }, source: "each,composite" }]);
  expect([...r.notes]).toEqual([["A2", "each：七项分别判定；composite：综合差异系数"]]);
  expect([r.frozenRows, r.frozenCols]).toEqual([1, 0]);
  expect(doc.activeSheet).toBe("问题清单");
  // Without a preceding read the host probes once, then writes in its fixed batches.
  expect(doc.syncs.length).toBe(3);
});

test("applying the same plan twice gives the same workbook; a replaced sheet keeps its tab position", async () => {
  const doc = workbook();
  await hostFor(doc).apply(plan());
  const once = JSON.stringify(doc.snapshot());
  const p = plan();
  p.sheets = p.sheets.filter((s) => s.name !== "评估标准"); // the template sheet is only added when absent
  await hostFor(doc).apply(p);
  expect(JSON.stringify(doc.snapshot())).toBe(once);
});

test("ExcelApi 1.7: no validation or notes (skipped), highlights through contiguous ranges, same cells", async () => {
  const modern = workbook("1.18");
  const old = workbook("1.7");
  await hostFor(modern).apply(plan());
  await hostFor(old).apply(plan());
  for (const s of modern.sheets) {
    expect([s.name, old.sheet(s.name)!.grid()]).toEqual([s.name, s.grid()]);
    expect([s.name, [...old.sheet(s.name)!.fills()].sort()]).toEqual([s.name, [...s.fills()].sort()]);
  }
  expect(old.sheet("评估标准")!.validations).toEqual([]);
  expect(old.sheet("评估标准")!.notes.size).toBe(0);
});

test("ExcelApi 1.10–1.17: header hints become comments (no notes API)", async () => {
  const doc = workbook("1.12");
  await hostFor(doc).apply(plan());
  expect([...doc.sheet("评估标准")!.comments]).toEqual([["A2", "each：七项分别判定；composite：综合差异系数"]]);
});

test("thousands of scattered highlights: RangeAreas addresses stay under 8 192 characters, every cell filled", async () => {
  const doc = FakeWorkbook.from({ 学校数据: [["学校名称"]] });
  const cells = Array.from({ length: 4000 }, (_, i) => `${"BDFH"[i % 4]}${2 + i * 2}`);
  await hostFor(doc).apply({ sheets: [{ name: "学校数据", mode: "update", blocks: [], formats: [], highlights: [{ fill: FILL.unmet, cells }] }] });
  const fills = doc.sheet("学校数据")!.fills();
  expect(fills.size).toBe(4000);
  expect(cells.every((c) => fills.get(c) === FILL.unmet)).toBe(true);
  expect(RANGE_AREAS_ADDRESS_LIMIT).toBe(8192); // the fake rejects longer addresses, so none was longer
});

test("a plan of ~10 MB is split into requests under 4 MB, each value landing once", async () => {
  const doc = FakeWorkbook.from({ 学校数据: [["学校名称"]] });
  const rows = 60000;
  const values = Array.from({ length: rows }, (_, i) => [`第${i + 1}学校`, "九年一贯制学校", "未达标", "需增加骨干教师 2 人", i, i * 0.5, "达标", "基本达标", "城区", "公办", "乡村", "小学", "初中"]);
  await hostFor(doc).apply({ sheets: [{ name: "监测点指标", mode: "replace", blocks: [{ row: 0, col: 0, values }], formats: [] }] });
  const total = doc.syncs.reduce((n, s) => n + s.requestBytes, 0);
  expect(total).toBeGreaterThan(2 * MAX_REQUEST_BYTES);
  expect(doc.maxRequestBytes()).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
  const s = doc.sheet("监测点指标")!;
  expect(s.valueAt("A1")).toBe("第1学校");
  expect(s.valueAt(`A${rows}`)).toBe(`第${rows}学校`);
  expect(s.valueAt(`E${rows}`)).toBe(rows - 1);
});

describe("failures", () => {
  test("a protected input sheet: refused before anything is written, in Chinese", async () => {
    const doc = workbook();
    doc.sheet("学校数据")!.protected = true;
    const before = JSON.stringify(doc.snapshot());
    const err = await hostFor(doc).apply(plan()).catch((e) => e);
    expect(err).toBeInstanceOf(OfficeHostError);
    expect(err.message).toMatch(/工作表「学校数据」受保护.*撤销工作表保护/);
    expect(JSON.stringify(doc.snapshot())).toBe(before);
  });

  test("workbook structure protection and read-only files are refused before writing", async () => {
    const locked = workbook();
    locked.structureProtected = true;
    await expect(hostFor(locked).apply(plan())).rejects.toThrow(/工作簿结构受保护/);
    const ro = workbook();
    ro.readOnly = true;
    const before = JSON.stringify(ro.snapshot());
    await expect(hostFor(ro).apply(plan())).rejects.toThrow(/只读/);
    expect(JSON.stringify(ro.snapshot())).toBe(before);
  });

  test("AccessDenied raised by Excel itself (e.g. a sheet protected between read and write) is explained", async () => {
    const doc = workbook();
    const host = hostFor(doc);
    await host.read(["学校数据"]);
    doc.sheet("学校数据")!.protected = true; // after the read: only Excel notices
    await expect(host.apply(plan())).rejects.toMatchObject({ code: "AccessDenied", message: expect.stringMatching(/受保护/) });
  });

  test("Excel in cell edit mode: the batch waits (delayForCellEdit) and the plan is applied", async () => {
    const doc = workbook();
    doc.cellEditMode = true;
    await hostFor(doc).apply(plan());
    expect(doc.delayedForCellEdit).toBeGreaterThan(0);
    expect(doc.sheet("问题清单")!.valueAt("A1")).toBe("学校");
  });

  test.each([
    ["InvalidOperationInCellEditMode", /单元格编辑状态/],
    ["RequestPayloadSizeLimitExceeded", /一次写入的数据超过/],
    ["GeneralException", /内部错误/],
  ])("%s from Excel during the write → Chinese message with the code", async (code, pattern) => {
    const doc = workbook();
    doc.failSync(code, 1);
    await expect(hostFor(doc).apply(plan())).rejects.toMatchObject({ code, message: expect.stringMatching(pattern) });
  });
});

test("a read's knowledge of the sheets is reused by the next apply only while fresh", async () => {
  const doc = workbook();
  const host = hostFor(doc);
  await host.read(["学校数据"]);
  doc.resetCounters();
  await host.apply(plan());
  expect(doc.syncs.length).toBe(2); // no probe: the read just told us
  const now = Date.now();
  const spy = jest.spyOn(Date, "now");
  await host.read(["学校数据"]);
  spy.mockReturnValue(now + 10 * 60 * 1000); // ten minutes later the user may have changed the sheets
  doc.resetCounters();
  const p = plan();
  p.sheets = p.sheets.filter((s) => s.name !== "评估标准");
  await host.apply(p);
  expect(doc.syncs.length).toBe(3);
  spy.mockRestore();
});

test("selectCell activates the sheet and selects the cell in one sync", async () => {
  const doc = workbook();
  doc.resetCounters();
  await hostFor(doc).selectCell("学校数据", "C3");
  expect(doc.activeSheet).toBe("学校数据");
  expect(doc.selection).toEqual({ sheet: "学校数据", address: "C3" });
  expect(doc.syncs.length).toBe(1);
  await expect(hostFor(doc).selectCell("不存在", "A1")).rejects.toMatchObject({ code: "ItemNotFound", message: expect.stringMatching(/找不到/) });
});

test("after writing with calculation suspended, Excel is asked to recalculate once, at the end of the last batch", async () => {
  // Microsoft (Application.suspendApiCalculationUntilNextSync): once suspended, re-calculating the
  // workbook so that dependencies propagate is the add-in's job. Without it a user's formula over the
  // result cells (e.g. =COUNTIF(E:E,"未达标")) keeps its old value.
  const doc = workbook();
  const host = hostFor(doc);
  await host.apply(plan());
  expect(doc.calculationSuspensions).toBeGreaterThan(0);
  expect(doc.recalculations).toEqual(["Recalculate"]);
  expect(doc.recalcPending).toBe(false);
});

test("texts Excel would turn into numbers, dates or errors are written so that the cell keeps the text", async () => {
  // What Excel does with these when typed (and so through Range.values): "$100" → currency 100,
  // "(100)" → -100, "1 1/2" → 1.5, "Jan-24" → a date, "#N/A" → the error value, "3月5日" → a date, "8:30" → a time.
  const texts = ["$100", "¥1,200", "(100)", "(2.5%)", "1 1/2", "Jan-24", "24-Jan", "#N/A", "#DIV/0!", "3月5日", "2024年9月", "8:30", "1e5", "第一小学"];
  const doc = FakeWorkbook.from({ 学校数据: [["学校名称"]] });
  const host = hostFor(doc);
  const block = (textOnly: boolean, col: number) => ({ row: 1, col, values: texts.map((t) => [t]), textOnly });
  await host.apply({ sheets: [{ name: "学校数据", mode: "update", blocks: [block(true, 0), block(false, 1)], formats: [] }] });
  const sheet = doc.sheet("学校数据")!;
  for (const col of [0, 1])
    texts.forEach((t, i) => {
      const cell = sheet.touch(i + 1, col);
      expect([t, cell.value, !!cell.error]).toEqual([t, t, false]);
    });
});
