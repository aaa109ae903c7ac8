/**
 * Native charts through OfficeHost: the assessment's plan carries the two charts of 「差异系数」
 * (SheetPlan.charts) and OfficeHost queues them in its last write batch. Checked on the fake Excel,
 * which creates charts from the source range as Excel does (one series per column after the
 * first, named by the header row) and deletes them with their sheet.
 *
 * Expected ranges are counted by hand from the documented layout of the chart-data table
 * (src/workbook/charts/place.ts): under the title row, the CV table has a header row and 8
 * categories (指标101–107 and 综合) in 5 columns (指标 + 2 groups' CV + 2 groups' limits), A–E;
 * one blank row, then the status table: header + 14 categories (7 indicators × 小学/初中) in 4
 * columns (指标 + 达标/基本达标/未达标), A–D.
 */
import { assessWorkbook } from "../../src/workbook/run";
import type { FakeWorkbook } from "../fakes/fakeExcel";
import { countyDoc, hostFor } from "./helpers";

/** 1-based row of the chart-data title in column A of 差异系数. */
function titleRow(doc: FakeWorkbook): number {
  const grid = doc.sheet("差异系数")!.grid();
  const at = grid.findIndex((r) => typeof r[0] === "string" && r[0].startsWith("图表数据"));
  expect(at).toBeGreaterThan(0);
  return at + 1;
}

async function assessCounted(doc: FakeWorkbook) {
  doc.resetCounters();
  await assessWorkbook(hostFor(doc));
  return doc.syncs.length;
}

test("after 评估 in Excel, 差异系数 has exactly the two charts over the chart-data table, in the same 4 syncs", async () => {
  const doc = countyDoc(100);
  expect(await assessCounted(doc)).toBe(4); // 2 read + 2 write, as before charts
  const sheet = doc.sheet("差异系数")!;
  const t = titleRow(doc);
  expect(sheet.charts).toHaveLength(2);
  const [cv, status] = sheet.charts;
  expect(cv).toMatchObject({ name: "校际差异系数与限值", title: "校际差异系数与限值", type: "ColumnClustered", seriesBy: "Columns", legendPosition: "Bottom" });
  expect(cv.source).toBe(`A${t + 1}:E${t + 9}`);
  expect(sheet.valueAt(`A${t + 1}`)).toBe("指标");
  expect(sheet.valueAt(`A${t + 9}`)).toBe("综合");
  expect(cv.series.map((s) => s.name)).toEqual(["小学差异系数", "初中差异系数", expect.stringMatching(/^小学限值（/), expect.stringMatching(/^初中限值（/)]);
  // Bars in the groups' colours; the limits as dashed lines in the same colours (ExcelApi 1.7).
  expect(cv.series.map((s) => [s.chartType, s.fill ?? s.lineColor, s.lineStyle ?? null])).toEqual([
    ["ColumnClustered", "#4472C4", null],
    ["ColumnClustered", "#ED7D31", null],
    ["Line", "#4472C4", "Dash"],
    ["Line", "#ED7D31", "Dash"],
  ]);
  expect(cv.position).toEqual({ start: `G${t}`, end: `P${t + 18}` });
  expect(status).toMatchObject({ name: "各指标达标情况（监测点数）", type: "ColumnStacked" });
  expect(status.source).toBe(`A${t + 11}:D${t + 25}`);
  expect(status.series.map((s) => [s.name, s.fill])).toEqual([
    ["达标", "#70AD47"],
    ["基本达标", "#FFC000"],
    ["未达标", "#C00000"],
  ]);
  // Only 差异系数 has charts.
  expect(doc.sheets.filter((s) => s.charts.length).map((s) => s.name)).toEqual(["差异系数"]);
});

test("running 评估 twice keeps exactly two charts (the sheet is replaced with its charts) and 4 syncs", async () => {
  const doc = countyDoc(60, { seed: 3 });
  await assessCounted(doc);
  const once = JSON.stringify(doc.sheet("差异系数")!.snapshot());
  expect(await assessCounted(doc)).toBe(4);
  expect(doc.sheet("差异系数")!.charts).toHaveLength(2);
  expect(JSON.stringify(doc.sheet("差异系数")!.snapshot())).toBe(once);
});

test("the charts are queued in the last write batch, after the chart-data values", async () => {
  const doc = countyDoc(50);
  const host = hostFor(doc);
  await assessWorkbook(host);
  const before = doc.sheet("差异系数")!.charts;
  doc.resetCounters();
  // Fail the last write sync: no chart may have been created in the batches that ran. (Whether
  // the old 差异系数 was already replaced in them depends on how the plan's bytes split.)
  doc.failSync("GeneralException", 3);
  await expect(assessWorkbook(host)).rejects.toThrow();
  expect(doc.syncs).toHaveLength(4);
  const created = (doc.sheet("差异系数")?.charts ?? []).filter((c) => !before.includes(c));
  expect(created).toHaveLength(0);
});
