/**
 * The WPS pane's app host (src/taskpane/wpsAppHost.ts) over WpsHost and the fake ET, with the
 * pane's back end (EngineService) in the page: it assesses the open workbook, keeps the settings
 * in the workbook's custom document properties, selects cells, 导出上报 writes 「上报-」 sheets and 清除评估结果 removes the results.
 */
import { EngineService } from "../../src/taskpane/engineService";
import { createWpsAppHost } from "../../src/taskpane/wpsAppHost";
import { WpsHost } from "../../src/hosts/wps";
import { SETTINGS_KEY } from "../../src/workbook/settings";
import { FakeEt } from "../fakes/fakeEt";
import { assessFile } from "../../src/cli/load";
import { buildPaneModel } from "../../src/taskpane/model";
import { SAMPLE, countyBook, sampleBook } from "./helpers";

function pane(n = 30) {
  const book = countyBook(n);
  const et = new FakeEt(book);
  const host = createWpsAppHost({ host: new WpsHost(et.app), engine: async () => new EngineService() });
  return { book, et, host };
}

test("assess the sample: the result sheets are written and the pane shows what the command line computes", async () => {
  const book = await sampleBook();
  const host = createWpsAppHost({ host: new WpsHost(new FakeEt(book).app), engine: async () => new EngineService() });
  const stages: string[] = [];
  const model = await host.assess({ onProgress: (s) => stages.push(s) });
  expect(stages).toEqual(["read", "compute", "write"]);
  expect(book.find("评估汇总")).toBeDefined();
  const cli = await assessFile(SAMPLE, {});
  expect(model).toEqual(buildPaneModel(cli.run.assessment, cli.run.read));
  expect(host.mode).toBe("office");
});

test("settings are saved in the workbook (a custom document property) and read back", async () => {
  const { book, host } = pane();
  expect(await host.loadSettings()).toEqual({});
  await host.saveSettings({ cvRule: "composite", splitFacilities: false, profileId: "national-2017" });
  expect(JSON.parse(book.properties.get(SETTINGS_KEY)!)).toEqual({ cvRule: "composite", splitFacilities: false, profileId: "national-2017" });
  expect(await host.loadSettings()).toEqual({ cvRule: "composite", splitFacilities: false, profileId: "national-2017" });
  await host.saveSettings({});
  expect(await host.loadSettings()).toEqual({});
  book.properties.set(SETTINGS_KEY, "{not json");
  expect(await host.loadSettings()).toEqual({});
});

test("a 问题清单 link selects the cell on its sheet; 导出上报 writes 上报 sheets into the workbook", async () => {
  const { book, host } = pane();
  await host.assess({});
  expect(await host.selectCell("学校数据", "C5")).toBeNull();
  expect(book.activeSheet.name).toBe("学校数据");
  expect(book.activeSheet.selection).toBe("C5");
  const message = await host.exportWorkbook();
  expect(message).toMatch(/上报/);
  expect(book.sheets.some((s) => s.name.startsWith("上报-"))).toBe(true);
  // 清除评估结果 from the pane: the result sheets go, the data stays.
  expect(await host.clearResults()).toMatch(/清除/);
  expect(book.find("评估汇总")).toBeUndefined();
  expect(book.find("学校数据")).toBeDefined();
});
