/**
 * The ribbon's 「评估」 function command from the production bundle (dist/commands.html) in real
 * headless Chromium, with the fake Excel served in place of office.js: the command is registered,
 * runs the real engine on the workbook, writes within the sync budget and completes the event; a
 * workbook it cannot use gets its Chinese reason in a dialog. (Harness shared with test/browser.)
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { ensureBundle, fakeOfficeScript, launch, serve, ROOT, type Browser } from "../browser/harness";

/** Runs in the page instead of office.js: a fake workbook from window.__FAKE_INPUT__, globals installed. */
const INSTALL = `
(function () {
  var fx = window.__fakeExcel;
  var doc = fx.FakeWorkbook.from(window.__FAKE_INPUT__ || {});
  window.__fakeDoc = doc;
  window.__fakeOffice = fx.installFakeOffice(window, doc);
})();`;

let server: { url: string; close(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  server = await serve(await ensureBundle());
  browser = await launch({ officeJs: fakeOfficeScript() + INSTALL });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openCommands(input: Record<string, unknown[][]>): Promise<Page> {
  const page = await browser.context.newPage();
  await page.addInitScript((x) => {
    (window as unknown as { __FAKE_INPUT__: unknown }).__FAKE_INPUT__ = x;
  }, input);
  await page.goto(`${server.url}commands.html`);
  await page.waitForFunction(() => {
    const o = (window as unknown as { __fakeOffice?: { actions: Map<string, unknown> } }).__fakeOffice;
    return !!o && o.actions.has("runAssessment");
  });
  return page;
}

/** Presses the button: calls the registered function with an event whose completed() is observed. */
function press(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { __fakeOffice: { actions: Map<string, (e: unknown) => unknown> }; __completed?: number };
    w.__completed = 0;
    void w.__fakeOffice.actions.get("runAssessment")!({ completed: () => (w.__completed = (w.__completed ?? 0) + 1) });
  });
}

test("评估 from the ribbon: results written in ≤ 4 syncs, event completed once", async () => {
  // The sample county, as plain grids (学校数据 + 县级指标), read from the committed sample workbook.
  const { XlsxHost } = await import("../../src/hosts/xlsx");
  const host = await XlsxHost.load(fs.readFileSync(path.join(ROOT, "examples", "sample-county.xlsx")));
  const snap = await host.read((await host.read([])).sheetNames);
  const input = Object.fromEntries(snap.sheets.map((s) => [s.name, s.values.map((r) => r.map((v) => (v === null ? "" : v)))]));
  const page = await openCommands(input);
  await press(page);
  await page.waitForFunction(() => (window as unknown as { __completed: number }).__completed === 1, null, { timeout: 120_000 });
  const result = await page.evaluate(() => {
    const d = (window as unknown as { __fakeDoc: { sheetNames(): string[]; syncs: unknown[]; activeSheet: string; maxRequestBytes(): number } }).__fakeDoc;
    return { names: d.sheetNames(), syncs: d.syncs.length, active: d.activeSheet, maxRequest: d.maxRequestBytes() };
  });
  expect(result.names).toEqual(expect.arrayContaining(["学校数据", "县级指标", "监测点指标", "差异系数", "问题清单", "评估汇总"]));
  expect(result.syncs).toBeLessThanOrEqual(4);
  expect(result.maxRequest).toBeLessThanOrEqual(4 * 1024 * 1024);
  expect(browser.blocked.filter((u) => !u.includes("appsforoffice"))).toEqual([]);
  await page.close();
}, 300_000);

test("评估 on a workbook without 学校数据: the reason in a dialog, completed after 关闭", async () => {
  const page = await openCommands({ Sheet1: [["随便写的表格"]] });
  await press(page);
  await page.waitForFunction(() => (window as unknown as { __fakeOffice: { dialogs: { opened: boolean }[] } }).__fakeOffice.dialogs[0]?.opened === true);
  const url = await page.evaluate(() => (window as unknown as { __fakeOffice: { dialogs: { url: string }[] } }).__fakeOffice.dialogs[0].url);
  expect(new URL(url).searchParams.get("message")).toMatch(/^评估未完成：.*学校数据/);
  expect(await page.evaluate(() => (window as unknown as { __completed: number }).__completed)).toBe(0);
  // The dialog page itself: commands.html?message=… shows the text and a 关闭 button.
  const dialog = await browser.context.newPage();
  await dialog.goto(url.replace(/^https?:\/\/[^/]+\//, server.url));
  await dialog.getByRole("button", { name: "关闭" }).waitFor();
  expect(await dialog.getByRole("alert").textContent()).toContain("学校数据");
  await dialog.close();
  await page.evaluate(() => (window as unknown as { __fakeOffice: { dialogs: { messageParent(m: string): void }[] } }).__fakeOffice.dialogs[0].messageParent("close"));
  await page.waitForFunction(() => (window as unknown as { __completed: number }).__completed === 1);
  await page.close();
}, 300_000);
