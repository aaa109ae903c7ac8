/** @jest-environment jsdom */
/**
 * The web page's 与上年比较 and 多县汇总 tabs, with the real file host, reader, engine and renderer
 * (EngineService in the page: jsdom has no Worker) on .xlsx files written by exceljs. Known
 * differences between the two years are set by hand below (T of 102 = 1.0 per 100 students).
 */
import "./jsdomGaps";
import { render, screen, fireEvent, within, cleanup, configure } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { createFileAppHost } from "../../src/taskpane/fileAppHost";
import { createOfficeAppHost } from "../../src/taskpane/officeAppHost";
import { OfficeHost } from "../../src/hosts/office";
import { FakeWorkbook, fakeRun, installFakeOffice, uninstallFakeOffice, type FakeValue } from "../fakes/fakeExcel";
import { EngineService } from "../../src/taskpane/engineService";
import { NATIONAL_2017, PROFILES } from "../../src/engine/profiles";
import { buildWorkbook, COUNTY_ITEMS_OK, toBytes } from "../workbook-render/fixtures";
import type { SchoolRow } from "../workbook-render/fixtures";

configure({ asyncUtilTimeout: 20000 });

/** A 小学 of 1000 students meeting every threshold; 骨干教师 as given (20 → 2.0 per 100). */
function primary(name: string, code: string, backbone = 20): SchoolRow {
  return {
    学校代码: code, 学校名称: name, 学校类型: "小学", 办学性质: "公办", 城乡类别: "城区",
    小学在校生数: 1000, 小学班级数: 24, 小学最大班额: 45, 专任教师数: 60, 小学高于规定学历教师数: 50,
    小学骨干教师数: backbone, 小学体育艺术专任教师数: 10, 持证专任教师数: 60, 培训完成教师数: 60,
    教学及辅助用房面积: 5000, 体育运动场馆面积: 8000, 教学仪器设备值: 210, 网络多媒体教室数: 25,
    音乐专用教室数: 2, 美术专用教室数: 2, 公用经费预算: 100, 教师培训经费: 6, 学校章程: "是",
  };
}

async function file(name: string, schools: SchoolRow[], county: string): Promise<File> {
  const items = COUNTY_ITEMS_OK.map(([k, v]): [string, string | number | boolean | null] => [k, k === "县（区）名称" ? county : v]);
  const bytes = await toBytes(buildWorkbook(schools, { county: items }));
  const f = new File([bytes as Uint8Array<ArrayBuffer>], name);
  // jsdom's File may lack arrayBuffer(); browsers have it.
  if (!("arrayBuffer" in f)) Object.assign(f, { arrayBuffer: async () => bytes.slice().buffer });
  return f;
}

function renderWeb() {
  const host = createFileAppHost({ engine: async () => new EngineService(), sampleUrl: "", download: () => undefined });
  render(<App host={host} profiles={Object.values(PROFILES)} defaultProfile={NATIONAL_2017} />);
}

afterEach(() => {
  cleanup();
  uninstallFakeOffice(window);
});

test("与上年比较: last year's file against this year's assessment", async () => {
  // Last year 甲 2.0 (met); this year 甲 0.8 (< 0.85 → 未达标). 乙 keeps code B2 under a new name; 丙 closed, 丁 new.
  const last = await file("上年.xlsx", [primary("甲小学", "A1"), primary("乙小学", "B2"), primary("丙小学", "C3")], "某县");
  const now = await file("本年.xlsx", [primary("甲小学", "A1", 8), primary("乙二小学", "B2"), primary("丁小学", "D4")], "某县");
  renderWeb();
  fireEvent.change(screen.getByTestId("file-input"), { target: { files: [now] } });
  await screen.findByText(/已打开「本年.xlsx」/);
  fireEvent.click(screen.getByRole("button", { name: "评估" }));
  await screen.findByTestId("overview", {}, { timeout: 30000 });
  fireEvent.click(screen.getByRole("tab", { name: "与上年比较" }));
  fireEvent.change(await screen.findByTestId("compare-input"), { target: { files: [last] } });
  const result = await screen.findByTestId("compare-result", {}, { timeout: 30000 });
  const change = within(result).getByText("甲小学（小学）").closest("tr")!;
  expect(change.textContent).toBe("甲小学（小学）102达标 2.00未达标 0.80");
  // 达标: 3/3 last year; this year 甲 fails → 2/3.
  expect(result.querySelector('[data-row="primary-pass"]')!.textContent).toBe("小学达标监测点3/32/3");
  // 102 this year: 0.8, 2, 2 (equal weights): mean 1.6, Σd² = 0.64 + 0.16 + 0.16 = 0.96, var 0.32,
  // sd 0.565685, CV 0.353553; last year all 2.0 → 0.
  expect(result.querySelector('[data-row="primary-102"]')!.textContent).toBe("小学差异系数 1020.00000.3536");
  expect(screen.getByTestId("compare-moves").textContent).toBe("新增：丁小学；减少：丙小学；更名：乙小学 → 乙二小学");
}, 90000);

test("多县汇总: one row per file, a broken file is a row with its reason", async () => {
  const a = await file("甲县.xlsx", [primary("一小", "1"), primary("二小", "2", 8)], "甲县");
  const b = await file("乙县.xlsx", [primary("一小", "1"), primary("二小", "2")], "乙县");
  const bad = new File([new Uint8Array([1, 2, 3])], "坏.xlsx");
  if (!("arrayBuffer" in bad)) Object.assign(bad, { arrayBuffer: async () => new Uint8Array([1, 2, 3]).buffer });
  renderWeb();
  fireEvent.click(screen.getByRole("tab", { name: "多县汇总" }));
  fireEvent.change(await screen.findByTestId("summary-input"), { target: { files: [a, b, bad] } });
  const table = await screen.findByTestId("summary-table");
  await within(table).findByText("坏.xlsx", {}, { timeout: 30000 });
  const cells = (f: string) => Array.from(table.querySelector(`[data-file="${f}"]`)!.querySelectorAll("td")).map((td) => td.textContent);
  // 甲县: 二小 0.8 < 0.85 → 未达标 → 1 of 2 pass, county fails; 102 = 2.0, 0.8: CV = 0.6/1.4 = 0.4286.
  expect(cells("甲县.xlsx").slice(0, 5)).toEqual(["甲县.xlsx", "甲县", "未达到要求", "2", "1"]);
  expect(cells("甲县.xlsx")[6]).toBe("0.4286");
  expect(cells("乙县.xlsx").slice(0, 5)).toEqual(["乙县.xlsx", "乙县", "达到要求", "2", "2"]);
  expect(cells("坏.xlsx")[2]).toBe("无法评估");
  expect(cells("坏.xlsx").at(-1)).toMatch(/无法打开该文件/);
}, 90000);

test("与上年比较 in Excel: the file chosen in the pane against the open workbook; the sheet goes into the workbook", async () => {
  const header = Object.keys(primary("x", "x"));
  const row = (name: string, code: string, backbone: number): FakeValue[] => Object.values(primary(name, code, backbone)) as FakeValue[];
  // This year (the open workbook): 甲 2.0, 乙 0.8 (未达标). Last year (a file): both 2.0.
  const doc = FakeWorkbook.from({ 学校数据: [header, row("甲小学", "A1", 20), row("乙小学", "B2", 8)] });
  installFakeOffice(window, doc);
  const host = createOfficeAppHost({
    host: new OfficeHost(fakeRun(doc), { supports: (v) => doc.supports(v) }),
    engine: async () => new EngineService(),
    supports: (v) => doc.supports(v),
    download: () => undefined,
  });
  render(<App host={host} profiles={Object.values(PROFILES)} defaultProfile={NATIONAL_2017} />);
  fireEvent.click(screen.getByRole("button", { name: "评估" }));
  await screen.findByTestId("overview", {}, { timeout: 30000 });
  fireEvent.click(screen.getByRole("tab", { name: "与上年比较" }));
  const last = await file("上年.xlsx", [primary("甲小学", "A1"), primary("乙小学", "B2")], "某县");
  fireEvent.change(await screen.findByTestId("compare-input"), { target: { files: [last] } });
  const result = await screen.findByTestId("compare-result", {}, { timeout: 30000 });
  expect(within(result).getByText("乙小学（小学）").closest("tr")!.textContent).toBe("乙小学（小学）102达标 2.00未达标 0.80");
  expect(screen.getByTestId("compare-moves").textContent).toBe("无新增、减少或更名的学校。");
  expect(doc.sheetNames()).toContain("与上年比较");
}, 90000);

test("整改测算 in the page: totals, the CV step 2 brings down, 一校一案", async () => {
  // As test/engine/plan.test.ts: 骨干 10, 10, 10, 70 → water level 2.668385 → +17 at the three low schools.
  const county = await file("县.xlsx", [10, 10, 10, 70].map((k, i) => primary(`校${i + 1}`, `S${i}`, k)), "某县");
  renderWeb();
  fireEvent.change(screen.getByTestId("file-input"), { target: { files: [county] } });
  await screen.findByText(/已打开「县.xlsx」/);
  fireEvent.click(screen.getByRole("button", { name: "评估" }));
  await screen.findByTestId("overview", {}, { timeout: 30000 });
  fireEvent.click(screen.getByRole("tab", { name: "整改测算" }));
  fireEvent.click(await screen.findByRole("button", { name: "测算" }));
  const result = await screen.findByTestId("plan-result", {}, { timeout: 30000 });
  expect(result.querySelector('[data-line="0"]')!.textContent).toBe("小学：需增加骨干教师 51 人");
  expect(result.querySelector('[data-line="1"]')!.textContent).toBe("指标102差异系数 1.0392 → 0.4932（水位线 2.67）");
  expect(within(result).getByText("一校一案（3 所学校需增加，共 4 所）")).toBeTruthy();
  expect(result.querySelector('[data-unit="校1-primary"]')!.textContent).toBe("校1小学17");
}, 90000);
