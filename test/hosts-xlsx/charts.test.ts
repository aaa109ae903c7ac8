/**
 * XlsxHost draws the charts of the plans it applies (SheetPlan.charts) when it saves: a "replace"
 * sheet's charts replace its previous ones, a deleted sheet loses them, "update" sheets get none.
 * Expected counts follow from the plans below (one chart per plan).
 */
import { strFromU8, unzipSync } from "fflate";
import { XlsxHost } from "../../src/hosts/xlsx";
import type { ChartSpec, SheetPlan } from "../../src/workbook/plan";

const chart: ChartSpec = {
  name: "图一",
  title: "图一",
  type: "clustered",
  tableRef: "$A$1:$B$3",
  categoriesRef: "$A$2:$A$3",
  categories: ["甲", "乙"],
  series: [{ nameRef: "$B$1", valuesRef: "$B$2:$B$3", name: "数值", values: [1, 2], kind: "bar", color: "#4472C4" }],
  numberFormat: "0",
  anchor: { row: 0, col: 3, rows: 10, cols: 6 },
};
const sheet = (name: string, mode: SheetPlan["mode"]): SheetPlan => ({
  name,
  mode,
  blocks: [{ row: 0, col: 0, values: [["指标", "数值"], ["甲", 1], ["乙", 2]] }],
  formats: [],
  charts: [chart],
});
const chartParts = (bytes: Uint8Array) => Object.keys(unzipSync(bytes)).filter((k) => /^xl\/charts\/chart\d+\.xml$/.test(k));

test("replace sheets get their charts once, however often applied; update sheets none; deleted sheets lose them", async () => {
  const host = XlsxHost.create();
  await host.apply({ sheets: [sheet("图表", "replace")] });
  await host.apply({ sheets: [sheet("图表", "replace")] });
  let bytes = await host.save();
  expect(chartParts(bytes)).toEqual(["xl/charts/chart1.xml"]);
  expect(strFromU8(unzipSync(bytes)["xl/charts/chart1.xml"])).toContain("<c:f>'图表'!$B$2:$B$3</c:f>");
  await host.apply({ sheets: [sheet("其他", "update")] });
  expect(chartParts(await host.save())).toHaveLength(1);
  await host.apply({ sheets: [{ name: "图表", mode: "delete", blocks: [], formats: [] }] });
  bytes = await host.save();
  expect(chartParts(bytes)).toHaveLength(0);
  // The saved file opens again (exceljs drops charts on load; the next assessment writes them anew).
  expect((await XlsxHost.load(bytes)).sheetNames()).toEqual(["其他"]);
});
