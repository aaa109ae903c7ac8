/**
 * WpsHost.apply and read against the fake ET, with hand-written plans in the shapes the renderer
 * produces. Expected cells are read off the plan (what it says to write) or worked out by hand.
 */
import type { WritePlan } from "../../src/workbook/plan";
import { FILL } from "../../src/workbook/plan";
import { OWNED_RULE_TAG, RESULT_BLOCK_MARK, sheetMark } from "../../src/workbook/port";
import { WpsHost, WpsHostError } from "../../src/hosts/wps";
import { FakeEt, FakeEtBook, etFills, etGrid, type FakeEtOptions } from "../fakes/fakeEt";

function book(): FakeEtBook {
  const b = FakeEtBook.from({
    学校数据: [
      ["学校名称", "小学在校生数", "小学骨干教师数", "", "评估结果", "旧列"],
      ["第一小学", 320, 2, "", "旧结论", "x"],
      ["第二小学", 410, 5, "", "旧结论", "y"],
    ],
    问题清单: [["旧的问题清单"]],
    数据问题: [["旧的数据问题"]],
    说明: [["用户自己的表"]],
  });
  b.active = 3;
  return b;
}

function plan(): WritePlan {
  return {
    sheets: [
      {
        name: "学校数据",
        mode: "update",
        clear: [{ row: 0, col: 4, rows: 3, cols: 2 }],
        removeOwnedRules: true,
        blocks: [{ row: 0, col: 4, values: [["评估结果", "达标项数"], ["未达标", 5], ["达标", null]] }],
        formats: [
          { row: 0, col: 4, rows: 1, cols: 2, bold: true, fill: FILL.resultHeader, border: true, horizontalAlignment: "center" },
          { row: 1, col: 5, rows: 2, cols: 1, numberFormat: "0" },
        ],
        conditionalFills: [{ area: { row: 1, col: 2, rows: 2, cols: 1 }, formula: `AND(${OWNED_RULE_TAG}=0,$E2="未达标")`, fill: FILL.unmet, fontColor: "#9C0006" }],
      },
      {
        name: "问题清单",
        mode: "replace",
        blocks: [
          { row: 0, col: 0, values: [["学校", "学段", "指标", "差距"]] },
          { row: 1, col: 0, values: [["=第二小学", "小学", "骨干教师", "需增加骨干教师 1 人"], ["1,234", "+1", "TRUE", "2024/1/2"]], textOnly: true },
        ],
        formats: [
          { row: 1, col: 3, rows: 1, cols: 1, wrap: true, fontColor: "#9C0006" },
          { row: 1, col: 2, rows: 1, cols: 1, numberFormat: "0.00" },
          { row: 2, col: 2, rows: 1, cols: 1, numberFormat: "0.0%" },
        ],
        highlights: [{ fill: FILL.unmet, cells: ["A2", "A3", "C2"] }],
        merges: [{ row: 4, col: 0, rows: 1, cols: 4 }],
        columnWidths: [
          { col: 0, width: 14 },
          { col: 1, width: 8 },
          { col: 2, width: 8 },
        ],
        freeze: { rows: 1, cols: 1 },
        tabColor: "#C00000",
        notes: [{ cell: "A1", text: "学校名称" }],
      },
      { name: "数据问题", mode: "delete", blocks: [], formats: [] },
      {
        name: "差异系数",
        mode: "replace",
        blocks: [{ row: 0, col: 0, values: [["指标", "小学"], ["甲", 0.3], ["乙", 0.4]] }],
        formats: [],
        charts: [
          {
            name: "差异系数图",
            title: "差异系数",
            type: "clustered",
            tableRef: "$A$1:$B$3",
            categoriesRef: "$A$2:$A$3",
            categories: ["甲", "乙"],
            series: [{ nameRef: "$B$1", valuesRef: "$B$2:$B$3", name: "小学", values: [0.3, 0.4], kind: "bar", color: "#4472C4" }],
            numberFormat: "0.00",
            anchor: { row: 5, col: 0, rows: 10, cols: 4 },
          },
        ],
      },
    ],
    activate: "问题清单",
    marks: {
      remove: [],
      set: [
        { name: RESULT_BLOCK_MARK, sheet: "学校数据", area: { row: 0, col: 4, rows: 3, cols: 2 } },
        { name: sheetMark("problems"), sheet: "问题清单", area: { row: 0, col: 0, rows: 1, cols: 1 } },
      ],
    },
  };
}

function run(b: FakeEtBook, opts: FakeEtOptions = {}) {
  const et = new FakeEt(b, opts);
  return { et, host: new WpsHost(et.app) };
}

test("a realistic plan lands as written: values, typing, formats in BGR, widths in characters, tabs, freeze, charts", async () => {
  const b = book();
  const { et, host } = run(b);
  await host.apply(plan());
  expect(b.sheets.map((s) => s.name)).toEqual(["学校数据", "问题清单", "说明", "差异系数"]);
  const data = b.sheet("学校数据");
  expect(etGrid(data)).toEqual([
    ["学校名称", "小学在校生数", "小学骨干教师数", "", "评估结果", "达标项数"],
    ["第一小学", 320, 2, "", "未达标", 5],
    ["第二小学", 410, 5, "", "达标", ""],
  ]);
  expect(data.cell(0, 4)).toMatchObject({ bold: true, fill: 0xf7ebdd, border: true, halign: -4108 });
  const p = b.sheet("问题清单");
  // textOnly: every string is stored as the text it is (an apostrophe keeps it from being typed).
  expect(etGrid(p).slice(1, 3)).toEqual([
    ["=第二小学", "小学", "骨干教师", "需增加骨干教师 1 人"],
    ["1,234", "+1", "TRUE", "2024/1/2"],
  ]);
  expect(p.cell(1, 0)?.formula).toBeUndefined();
  expect([p.cell(1, 2)?.numberFormat, p.cell(2, 2)?.numberFormat]).toEqual(["0.00", "0.0%"]);
  expect(p.cell(1, 3)).toMatchObject({ wrap: true, fontColor: 0x06009c });
  expect([...etFills(p)].sort()).toEqual([["A2", "#FFC7CE"], ["A3", "#FFC7CE"], ["C2", "#FFC7CE"]]);
  expect(p.merges).toEqual([{ row: 4, col: 0, rows: 1, cols: 4 }]);
  expect([...p.widths].sort()).toEqual([[0, 14], [1, 8], [2, 8]]);
  expect(p.frozen).toEqual({ rows: 1, cols: 1 });
  expect(p.tabColor).toBe(0x0000c0);
  expect(p.comments.get("A1")).toBe("学校名称");
  const chart = b.sheet("差异系数").charts[0];
  expect(chart).toMatchObject({ name: "差异系数图", type: 51, source: "A1:B3", plotBy: 2, title: "差异系数", legend: -4107 });
  expect(chart.series).toEqual([{ type: null, fill: 0xc47244, line: null, dash: null }]);
  // Frozen on 问题清单 only; the plan's sheet is active at the end; alerts and screen restored.
  expect(b.sheet("差异系数").frozen).toBeNull();
  expect(b.activeSheet.name).toBe("问题清单");
  expect([et.screenUpdating, et.displayAlerts]).toEqual([true, true]);
});

test("conditional fills: added at their own top-left cell, the user's rules kept, only the product's removed next time", async () => {
  const b = book();
  b.sheet("学校数据").conditions.push({ areas: [{ row: 1, col: 1, rows: 2, cols: 1 }], type: 2, formula: "=$B2>400", fill: 0xff, font: null, numberFormat: null, relativeTo: "B2" });
  const { host } = run(b);
  await host.apply(plan());
  const rules = () => b.sheet("学校数据").conditions;
  expect(rules()).toHaveLength(2);
  expect(rules()[1]).toMatchObject({ formula: `=AND(${OWNED_RULE_TAG}=0,$E2="未达标")`, relativeTo: "C2", fill: 0xcec7ff, font: 0x06009c });
  const snap = await host.read(["学校数据"]);
  expect(snap.owned!.rules).toEqual([{ sheet: "学校数据", area: { row: 1, col: 2, rows: 2, cols: 1 }, formula: `AND(${OWNED_RULE_TAG}=0,$E2="未达标")` }]);
  await host.apply({ sheets: [{ name: "学校数据", mode: "update", removeOwnedRules: true, blocks: [], formats: [] }] });
  expect(rules().map((r) => r.formula)).toEqual(["=$B2>400"]);
});

test("markers: hidden workbook names with quoted absolute references, read back as sheet and area; remove skips missing names", async () => {
  const b = book();
  const { host } = run(b);
  await host.apply(plan());
  expect(b.names.get(RESULT_BLOCK_MARK.toLowerCase())).toEqual({ name: RESULT_BLOCK_MARK, refersTo: "='学校数据'!$E$1:$F$3", visible: false });
  b.names.set("username", { name: "userName", refersTo: "=说明!$A$1", visible: true });
  b.names.set("_yzjh_sheet_gone", { name: "_YZJH_SHEET_gone", refersTo: "=#REF!$A$1", visible: false });
  const snap = await host.read([]);
  expect(snap.owned!.marks).toEqual([
    { name: RESULT_BLOCK_MARK, sheet: "学校数据", area: { row: 0, col: 4, rows: 3, cols: 2 } },
    { name: sheetMark("problems"), sheet: "问题清单", area: { row: 0, col: 0, rows: 1, cols: 1 } },
    { name: "_YZJH_SHEET_gone", sheet: null, area: null },
  ]);
  await host.apply({ sheets: [], marks: { remove: ["_YZJH_SHEET_GONE", "_YZJH_NOT_THERE"], set: [] } });
  expect([...b.names.values()].map((n) => n.name).sort()).toEqual([RESULT_BLOCK_MARK, sheetMark("problems"), "userName"].sort());
});

test.each<[string, FakeEtOptions]>([
  ["bulk Value2 writes dropping rows (row blocks instead)", { bulkWrites: "firstRow" }],
  ["bulk Value2 writes throwing", { bulkWrites: "throw" }],
  ["ChartObjects and Address as properties", { memberForm: "property" }],
])("with %s the workbook ends up the same", async (_, opts) => {
  const a = book();
  const b = book();
  await run(a).host.apply(plan());
  await run(b, opts).host.apply(plan());
  for (const s of a.sheets) {
    const o = b.sheet(s.name);
    expect([s.name, etGrid(o), [...etFills(o)].sort(), o.charts]).toEqual([s.name, etGrid(s), [...etFills(s)].sort(), s.charts]);
  }
});

test("reading: values padded to A1, number formats per cell, calls independent of the number of rows", async () => {
  const calls = (rows: number) => {
    const b = FakeEtBook.from({ 学校数据: [] });
    const s = b.sheet("学校数据");
    s.put([["县", "数据"], ["学校", "比例"]], { row: 1, col: 1 });
    for (let r = 0; r < rows; r++) {
      s.touch(3 + r, 1).value = `学校${r}`;
      s.touch(3 + r, 2).value = 0.5;
      s.touch(3 + r, 2).numberFormat = "0.0%";
    }
    const { et, host } = run(b);
    return { et, read: host.read(["学校数据"]) };
  };
  const small = calls(10);
  const snap = await small.read;
  const sheet = snap.sheets[0];
  expect(sheet.values[0]).toEqual([null, null, null]);
  expect(sheet.values[3]).toEqual([null, "学校0", 0.5]);
  expect(sheet.numberFormats[2]).toEqual(["General", "General", "General"]);
  expect(sheet.numberFormats[3]).toEqual(["General", "General", "0.0%"]);
  const large = calls(5000);
  const big = await large.read;
  expect(big.sheets[0].numberFormats[5002][2]).toBe("0.0%");
  expect(large.et.calls).toBe(small.et.calls);
});

test("refusals in Chinese before anything is written: protected data sheet, no workbook; alerts restored after a failure", async () => {
  const b = book();
  b.sheet("学校数据").protectContents = true;
  const { et, host } = run(b);
  await expect(host.apply(plan())).rejects.toThrow(/工作表「学校数据」受保护/);
  expect(b.sheets.map((s) => s.name)).toEqual(["学校数据", "问题清单", "数据问题", "说明"]);
  expect([et.screenUpdating, et.displayAlerts]).toEqual([true, true]);
  const none = new FakeEt(null);
  await expect(new WpsHost(none.app).read([])).rejects.toThrow(/请先在 WPS 表格中打开/);
  // A failure inside ET (here a colour ET refuses) comes out in Chinese, ET's own text kept as the cause.
  b.sheet("学校数据").protectContents = false;
  const failing = run(b);
  const err = await failing.host
    .apply({ sheets: [{ name: "学校数据", mode: "update", blocks: [], formats: [], conditionalFills: [{ area: { row: 1, col: 2, rows: 1, cols: 1 }, formula: "TRUE", fill: "nope" }] }] })
    .catch((e: unknown) => e);
  expect(err).toBeInstanceOf(WpsHostError);
  expect((err as Error).message.replace(/（错误代码：\w+）$/, "")).not.toMatch(/[A-Za-z]{4,}/);
  expect([failing.et.screenUpdating, failing.et.displayAlerts]).toEqual([true, true]);
});
