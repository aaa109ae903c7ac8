/** @jest-environment jsdom */
/**
 * The task pane (React, Fluent UI) against the in-memory fake Excel, with the real OfficeHost, the real
 * reader, engine and renderer (EngineService in the page: jsdom has no Worker).
 *
 * Expected values are hand calculations on the small workbook below (thresholds from indicators.md §2:
 * 小学 101 ≥ 4.2, 102 ≥ 1.0, 103 ≥ 0.9, 104 ≥ 4.5 ㎡, 105 ≥ 7.5 ㎡, 106 ≥ 2000 元, 107 ≥ 2.3; 基本达标 ≥ 0.85·T).
 */
import { TextDecoder, TextEncoder } from "util";
import { render, screen, fireEvent, waitFor, within, cleanup, configure } from "@testing-library/react";
import { FakeWorkbook, fakeRun, installFakeOffice, uninstallFakeOffice, type FakeValue } from "../fakes/fakeExcel";
import { OfficeHost, SETTINGS_KEY } from "../../src/hosts/office";
import { App } from "../../src/taskpane/App";
import { createOfficeAppHost } from "../../src/taskpane/officeAppHost";
import { EngineService } from "../../src/taskpane/engineService";
import { NATIONAL_2017, PROFILES } from "../../src/engine/profiles";
import { FILL } from "../../src/workbook/plan";
import { shownInFake } from "../fakes/cfEval";

// waitFor/findBy give up after 1 s by default; on a slow CI machine the first use of a module
// (ts-jest compiles it then) can take longer. They return as soon as the condition holds.
configure({ asyncUtilTimeout: 15000 });

// jsdom has no ResizeObserver (Fluent's TabList and MessageBar observe their size); layout is not under test.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(window as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoResizeObserver;
// jsdom has no TextEncoder/TextDecoder either (browsers do; the docx writer uses them).
Object.assign(globalThis, { TextEncoder: globalThis.TextEncoder ?? TextEncoder, TextDecoder: globalThis.TextDecoder ?? TextDecoder });

const HEADER = [
  "学校名称", "学校类型", "小学在校生数", "小学班级数", "小学最大班额",
  "小学高于规定学历教师数", "小学骨干教师数", "小学体育艺术专任教师数",
  "专任教师数", "持证专任教师数", "培训完成教师数",
  "教学及辅助用房面积", "体育运动场馆面积", "教学仪器设备值", "网络多媒体教室数",
  "音乐专用教室数", "美术专用教室数", "公用经费预算", "教师培训经费", "学校章程",
];
// 500 students each. Per 100 students: 25 → 5.0, 6 → 1.2, 5 → 1.0, 12 → 2.4; 2500 ㎡ → 5.0; 4000 ㎡ → 8.0;
// 110 万元 → 2200 元/生. 12 classes → 1 music + 1 art room required. Training 3 / public 50 = 6% ≥ 5%.
const A: FakeValue[] = ["甲小学", "小学", 500, 12, 45, 25, 6, 5, 30, 30, 30, 2500, 4000, 110, 12, 1, 1, 50, 3, "是"];
// 乙: 4 骨干 → 0.8 per 100 < 0.85 → 102 未达标; needs 1.0 × 500 / 100 = 5 → 1 more. Unit fails.
const B: FakeValue[] = ["乙小学", "小学", 500, 12, 45, 25, 4, 5, 30, 30, 30, 2500, 4000, 110, 12, 1, 1, 50, 3, "是"];
// 丙: 90 万元 → 1800 元/生, 1700 ≤ 1800 < 2000 → 106 基本达标; 6 met + 1 basic → unit passes.
const C: FakeValue[] = ["丙小学", "小学", 500, 12, 45, 25, 6, 5, 30, 30, 30, 2500, 4000, 90, 12, 1, 1, 50, 3, "是"];

function workbook(): FakeWorkbook {
  return FakeWorkbook.from({ 学校数据: [HEADER, A, B, C] });
}

/** The pane in Office mode over `doc`: Office/Excel globals from the fake (settings live there). */
function renderPane(doc: FakeWorkbook) {
  installFakeOffice(window, doc);
  const downloads: { name: string; bytes: Uint8Array; mime: string }[] = [];
  const host = createOfficeAppHost({
    host: new OfficeHost(fakeRun(doc), { supports: (v) => doc.supports(v) }),
    engine: async () => new EngineService(),
    supports: (v) => doc.supports(v),
    download: (name, bytes, mime) => downloads.push({ name, bytes, mime }),
  });
  render(<App host={host} profiles={Object.values(PROFILES)} defaultProfile={NATIONAL_2017} />);
  return { downloads };
}

async function assessNow() {
  fireEvent.click(screen.getByRole("button", { name: "评估" }));
  await screen.findByTestId("overview", {}, { timeout: 20000 });
}

afterEach(() => {
  cleanup();
  uninstallFakeOffice(window);
});

test("评估 shows the 资源配置 counts of the workbook", async () => {
  const doc = workbook();
  renderPane(doc);
  await assessNow();
  // 甲 and 丙 pass, 乙 fails (hand count above).
  expect(screen.getByTestId("passing-primary").textContent).toContain("达标学校 2/3 所");
  const table = screen.getByRole("table", { name: "小学资源配置指标" });
  const row = (code: string) =>
    Array.from(table.querySelectorAll(`tr[data-indicator="${code}"] td`)).slice(1).map((td) => td.textContent);
  expect(row("102")).toEqual(["2", "0", "1"]); // 达标 甲 丙, 未达标 乙
  expect(row("106")).toEqual(["2", "1", "0"]); // 达标 甲 乙, 基本达标 丙
  expect(row("101")).toEqual(["3", "0", "0"]);
  // The result sheets were written into the workbook.
  expect(doc.sheetNames()).toEqual(expect.arrayContaining(["学校数据", "监测点指标", "差异系数", "问题清单", "评估汇总"]));
  // Input cells are unchanged (乙's 骨干教师 in G3 is still 4) and the shortfall is highlighted.
  expect(doc.sheet("学校数据")!.valueAt("G3")).toBe(4);
  // …by a conditional format (red 未达标), not by a fill of the user's cell.
  expect(doc.sheet("学校数据")!.fills().get("G3")).toBeUndefined();
  expect(shownInFake(doc.sheet("学校数据")!, 2, 6)).toBe(FILL.unmet);
  expect(screen.getByTestId("message").textContent).toContain("评估完成：3 所学校");
});

test("clicking a shortfall selects its input cell in Excel", async () => {
  const doc = workbook();
  renderPane(doc);
  await assessNow();
  fireEvent.click(screen.getByRole("tab", { name: /问题清单/ }));
  const list = screen.getByTestId("shortfalls");
  const yi = within(list).getByRole("region", { name: "乙小学" });
  // 乙's 102 shortfall: "需增加骨干教师 1 人" (5 needed − 4), fed by 小学骨干教师数 = column G, sheet row 3.
  const entry = within(yi).getByRole("button", { name: /骨干教师/ });
  expect(entry.textContent).toContain("1 人");
  expect(entry.getAttribute("data-cell")).toBe("G3");
  fireEvent.click(entry);
  await waitFor(() => expect(doc.selection).toEqual({ sheet: "学校数据", address: "G3" }));
  // 丙's 106 shortfall points at 教学仪器设备值 = column N, row 4.
  const bing = within(list).getByRole("region", { name: "丙小学" });
  fireEvent.click(within(bing).getByRole("button", { name: /仪器设备/ }));
  await waitFor(() => expect(doc.selection).toEqual({ sheet: "学校数据", address: "N4" }));
});

test("settings are stored in the workbook and used by the next assessment", async () => {
  const doc = workbook();
  renderPane(doc);
  fireEvent.click(screen.getByRole("tab", { name: "设置" }));
  fireEvent.change(screen.getByRole("combobox", { name: "差异系数判定" }), { target: { value: "composite" } });
  fireEvent.click(screen.getByRole("switch"));
  await waitFor(() => expect(doc.savedSettings[SETTINGS_KEY]).toEqual({ cvRule: "composite", splitFacilities: false }));
  cleanup();
  uninstallFakeOffice(window);

  // A colleague opens the same file: the pane starts with the stored rules.
  renderPane(doc);
  fireEvent.click(screen.getByRole("tab", { name: "设置" }));
  await waitFor(() =>
    expect((screen.getByRole("combobox", { name: "差异系数判定" }) as HTMLSelectElement).value).toBe("composite"),
  );
  expect((screen.getByRole("switch") as HTMLInputElement).checked).toBe(false);
  fireEvent.click(screen.getByRole("tab", { name: "概览" }));
  await assessNow();
  expect(screen.getByTestId("verdict").textContent).toContain("差异系数规则：综合");
  expect(screen.getByTestId("verdict").textContent).toContain("校舍设备拆分：否");
});

test("清除评估结果 removes exactly what 评估 wrote: the workbook is as before", async () => {
  const doc = workbook();
  const before = JSON.stringify(doc.snapshot());
  renderPane(doc);
  await assessNow();
  expect(doc.sheetNames()).toContain("评估汇总");
  fireEvent.click(screen.getByRole("button", { name: "清除评估结果" }));
  await waitFor(() => expect(screen.getByTestId("message").textContent).toContain("已删除结果工作表"));
  expect(JSON.stringify(doc.snapshot())).toBe(before);
  expect(screen.queryByTestId("overview")).toBeNull();
  fireEvent.click(screen.getByRole("button", { name: "清除评估结果" }));
  await waitFor(() => expect(screen.getByTestId("message").textContent).toContain("无需清除"));
});

test("创建模板 adds only the absent template sheets and leaves existing data alone", async () => {
  const doc = workbook();
  const before = JSON.stringify(doc.sheet("学校数据")!.snapshot());
  renderPane(doc);
  fireEvent.click(screen.getByRole("button", { name: "创建模板" }));
  await waitFor(() => expect(screen.getByTestId("message").textContent).toContain("已添加工作表"));
  expect(doc.sheetNames().sort()).toEqual(["学校数据", "县级指标", "评估标准", "说明"].sort());
  expect(JSON.stringify(doc.sheet("学校数据")!.snapshot())).toBe(before);
  expect(screen.getByTestId("message").textContent).toContain("已有的 学校数据 保持不变");

  // A second click finds every sheet present and changes nothing.
  const after = JSON.stringify(doc.snapshot());
  fireEvent.click(screen.getByRole("button", { name: "创建模板" }));
  await waitFor(() => expect(screen.getByTestId("message").textContent).toContain("未做改动"));
  expect(JSON.stringify(doc.snapshot())).toBe(after);
});

test("导出上报 without Excel.createWorkbook adds 「上报-」 sheets; 生成报告 offers a .docx (Excel on the web)", async () => {
  const doc = workbook();
  const { downloads } = renderPane(doc);
  await assessNow();
  const before = JSON.stringify(doc.sheet("学校数据")!.snapshot());

  fireEvent.click(screen.getByRole("button", { name: "导出上报" }));
  await waitFor(() => expect(screen.getByTestId("message").textContent).toContain("上报-"), { timeout: 20000 });
  // The fake has no Excel.createWorkbook: the checked sheets are copied into 「上报-…」 sheets of this workbook.
  const exported = doc.sheetNames().filter((n) => n.startsWith("上报-"));
  expect(exported).toEqual(expect.arrayContaining(["上报-评估汇总", "上报-学校数据"]));
  // The copy holds the data as values: 乙小学's 骨干教师 (4) is there, the original is untouched.
  expect(doc.sheet("上报-学校数据")!.grid().flat()).toEqual(expect.arrayContaining(["乙小学", 4]));
  expect(JSON.stringify(doc.sheet("学校数据")!.snapshot())).toBe(before);

  // Excel on the web (Office.context.platform "OfficeOnline"): the report is a plain download (a .docx is a zip: "PK").
  const context = (window as unknown as { Office: { context: { platform?: string } } }).Office.context;
  context.platform = "OfficeOnline";
  fireEvent.click(screen.getByRole("button", { name: "生成报告" }));
  await waitFor(() => expect(downloads.length).toBe(1), { timeout: 30000 });
  expect(downloads[0].name).toMatch(/自查自评报告.*\.docx$/);
  expect(String.fromCharCode(downloads[0].bytes[0], downloads[0].bytes[1])).toBe("PK");

  // Excel on Mac cannot download from a task pane: the report goes into a 「报告初稿」 sheet instead.
  context.platform = "Mac";
  fireEvent.click(screen.getByRole("button", { name: "生成报告" }));
  await waitFor(() => expect(screen.getByTestId("message").textContent).toContain("报告初稿"), { timeout: 30000 });
  expect(doc.sheetNames()).toContain("报告初稿");
  expect(downloads.length).toBe(1);
  // Written twice: still one 报告初稿 (the product's own sheet, by its marker), and 清除评估结果 removes it too.
  fireEvent.click(screen.getByRole("button", { name: "生成报告" }));
  await waitFor(() => expect(screen.getByTestId("message").textContent).toContain("报告初稿"), { timeout: 30000 });
  expect(doc.sheetNames().filter((n) => n.startsWith("报告初稿"))).toEqual(["报告初稿"]);
  fireEvent.click(screen.getByRole("button", { name: "清除评估结果" }));
  await waitFor(() => expect(screen.getByTestId("message").textContent).toContain("已删除结果工作表"));
  expect(doc.sheetNames()).not.toContain("报告初稿");
  expect(doc.sheetNames()).not.toContain("评估汇总");
});

test("a user's own sheet named 报告初稿 is kept: the draft goes to 报告初稿（评估）", async () => {
  const doc = workbook();
  doc.addSheet("报告初稿").touch(0, 0).value = "我们自己写的报告";
  renderPane(doc);
  await assessNow();
  (window as unknown as { Office: { context: { platform?: string } } }).Office.context.platform = "Mac";
  fireEvent.click(screen.getByRole("button", { name: "生成报告" }));
  await waitFor(() => expect(screen.getByTestId("message").textContent).toContain("报告初稿（评估）"), { timeout: 30000 });
  expect(doc.sheet("报告初稿")!.valueAt("A1")).toBe("我们自己写的报告");
});

test("a workbook without 「学校数据」 gets the reader's Chinese reason, and 创建模板 then makes it usable", async () => {
  const doc = FakeWorkbook.from({ Sheet1: [["随便写的表格"]] });
  renderPane(doc);
  fireEvent.click(screen.getByRole("button", { name: "评估" }));
  await waitFor(() => expect(screen.getByTestId("message").textContent).toContain("学校数据"));
  expect(screen.queryByTestId("overview")).toBeNull();
  expect(doc.sheetNames()).toEqual(["Sheet1"]); // nothing written
  fireEvent.click(screen.getByRole("button", { name: "创建模板" }));
  await waitFor(() => expect(screen.getByTestId("message").textContent).toContain("已添加工作表"));
  expect(doc.sheetNames()).toEqual(expect.arrayContaining(["Sheet1", "学校数据", "县级指标", "评估标准", "说明"]));
  expect(doc.sheet("Sheet1")!.valueAt("A1")).toBe("随便写的表格");
});
