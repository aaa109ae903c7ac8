/**
 * Office mode in real headless Chromium: the production bundle with the fake Excel served in place of
 * office.js (the real office.js resolves Office.onReady with host null outside Office). The fake workbook
 * is filled from an .xlsx read in Node; the pane runs its engine in the Web Worker, whose workbook calls
 * come back to OfficeHost in the page.
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { XlsxHost } from "../../src/hosts/xlsx";
import { SHEETS } from "../../src/workbook/contract";
import { buildWorkbook, makeSchools, toBytes } from "../workbook-render/fixtures";
import { fakeColumnName } from "../fakes/fakeExcel";
import { fakeOfficeJs, longTasks, observeLongTasks, screenshotPath, useBrowser, OFFICE_JS, ROOT } from "./harness";

type Grid = (string | number | boolean)[][];
interface FakeInput {
  values: Record<string, Grid>;
  formats: Record<string, Record<string, string>>;
}

/** Every sheet of an .xlsx as plain grids (what a user's workbook holds), for FakeWorkbook.from. */
async function gridsOf(bytes: Uint8Array): Promise<FakeInput> {
  const host = await XlsxHost.load(bytes);
  const names = (await host.read([])).sheetNames;
  const snap = await host.read(names);
  const input: FakeInput = { values: {}, formats: {} };
  for (const s of snap.sheets) {
    input.values[s.name] = s.values.map((r) => r.map((v) => (v === null ? "" : v)));
    const f: Record<string, string> = {};
    s.numberFormats.forEach((row, r) =>
      row.forEach((fmt, c) => {
        if (fmt && fmt !== "General" && s.values[r]?.[c] !== null && s.values[r]?.[c] !== undefined)
          f[`${fakeColumnName(c)}${r + 1}`] = fmt;
      }),
    );
    input.formats[s.name] = f;
  }
  return input;
}

const env = useBrowser({ officeJs: fakeOfficeJs });

async function openPane(input: FakeInput): Promise<Page> {
  const page = await env.browser.context.newPage();
  await observeLongTasks(page);
  await page.addInitScript((x) => {
    (window as unknown as { __FAKE_INPUT__: unknown }).__FAKE_INPUT__ = x;
  }, input);
  await page.goto(`${env.url}taskpane.html?office=1`);
  await page.locator('main[data-mode="office"]').waitFor({ timeout: 30_000 });
  return page;
}

async function assess(page: Page, timeout = 120_000): Promise<void> {
  await page.getByRole("button", { name: "评估", exact: true }).click();
  await page.getByTestId("overview").waitFor({ timeout });
}

const fake = <T>(page: Page, f: string): Promise<T> => page.evaluate(`(function (doc) { ${f} })(window.__fakeDoc)`) as Promise<T>;

test("Office mode: the sample in the fake Excel, 评估 writes results and the pane shows them", async () => {
  const input = await gridsOf(fs.readFileSync(path.join(ROOT, "examples", "sample-county.xlsx")));
  const page = await openPane(input);
  expect(await page.getByTestId("file-area").count()).toBe(0);
  await assess(page);

  // Seed report figures the sample reproduces (see web.test.ts): 69/69 and 25/25 units pass; 106 56 + 13.
  expect(await page.getByTestId("passing-primary").textContent()).toContain("达标学校 69/69 所");
  expect(await page.getByTestId("passing-junior").textContent()).toContain("达标学校 25/25 所");
  const row106 = await page.locator('[data-group="primary"] tr[data-indicator="106"] td').allTextContents();
  expect(row106.slice(1)).toEqual(["56", "13", "0"]);

  // Written into the workbook: the result sheets, the 评估结果 block beside the data, input cells unchanged.
  const names = await fake<string[]>(page, "return doc.sheetNames();");
  expect(names).toEqual(expect.arrayContaining([SHEETS.schools, SHEETS.units, SHEETS.balance, SHEETS.problems, SHEETS.summary]));
  const schoolGrid = await fake<Grid>(page, `return doc.sheet("${SHEETS.schools}").grid();`);
  expect(schoolGrid.some((r) => r.includes("评估结果"))).toBe(true);
  const before = input.values[SHEETS.schools];
  for (let r = 0; r < before.length; r++)
    for (let c = 0; c < before[r].length; c++) if (before[r][c] !== "") expect([r, c, schoolGrid[r][c]]).toEqual([r, c, before[r][c]]);
  const summary = await fake<Grid>(page, `return doc.sheet("${SHEETS.summary}").grid();`);
  expect(summary.flat().join("|")).toContain("71.2%"); // 214: 2452 / 3445 (seed report, indicators.md §7)
  // 评估 drew the two native charts on 差异系数 (part of the write plan, same syncs).
  const charts = await fake<{ name: string; type: string }[]>(page, `return doc.sheet("${SHEETS.balance}").charts;`);
  expect(charts.map((c) => [c.name, c.type])).toEqual([
    ["校际差异系数与限值", "ColumnClustered"],
    ["各指标达标情况（监测点数）", "ColumnStacked"],
  ]);
  await page.screenshot({ path: screenshotPath("office-overview.png"), fullPage: false });

  // A shortfall selects its input cell in Excel.
  await page.getByRole("tab", { name: /问题清单/ }).click();
  const entry = page.getByTestId("shortfalls").locator("button[data-cell]:not([data-cell=''])").first();
  const cell = await entry.getAttribute("data-cell");
  await entry.click();
  await page.waitForFunction((c) => {
    const d = (window as unknown as { __fakeDoc: { selection: { sheet: string; address: string } | null } }).__fakeDoc;
    return d.selection !== null && d.selection.address === c;
  }, cell);
  expect(await fake(page, "return doc.selection;")).toEqual({ sheet: SHEETS.schools, address: cell });
  await page.screenshot({ path: screenshotPath("office-shortfalls.png"), fullPage: false });
  expect(env.browser.blocked.filter((u) => !u.includes("appsforoffice"))).toEqual([]);
  await page.close();
}, 300_000);

test("Office mode: syncs per assessment are the same for 100 and 5 000 schools", async () => {
  const syncs: number[] = [];
  const figures: string[] = [];
  for (const n of [100, 5000]) {
    const input = await gridsOf(await toBytes(buildWorkbook(makeSchools(n, 3))));
    const page = await openPane(input);
    await fake(page, "doc.resetCounters();");
    const since = await page.evaluate(() => performance.now());
    await assess(page, 300_000);
    syncs.push(await fake<number>(page, "return doc.syncs.length;"));
    const tasks = await longTasks(page, since);
    const ms = await page.locator("main").getAttribute("data-assess-ms");
    figures.push(`${n} schools: ${syncs[syncs.length - 1]} syncs, 评估 ${ms} ms, longest main-thread task ${Math.round(tasks.reduce((m, t) => Math.max(m, t.duration), 0))} ms (includes the fake Excel's own work)`);
    expect(await page.getByTestId("verdict").textContent()).toContain(`学校 ${n} 所`);
    await page.close();
  }
  console.log(`Office mode in Chromium: ${figures.join("; ")}`);
  expect(syncs[1]).toBe(syncs[0]);
}, 600_000);

test("Excel desktop's download dialog (this page with ?dialog=download) receives the file in parts and offers it", async () => {
  // A minimal office.js of a dialog: onReady, and Office.context.ui's parent-message channel
  // (addHandlerAsync registers the handler asynchronously and then calls back, as Office does).
  const dialogOfficeJs = `
    window.__toParent = [];
    window.Office = {
      EventType: { DialogParentMessageReceived: "dialogParentMessageReceived" },
      onReady: function () { return Promise.resolve({ host: "Excel", platform: "PC" }); },
      context: { ui: {
        addHandlerAsync: function (type, h, cb) { setTimeout(function () { window.__fromParent = h; if (cb) cb({ status: "succeeded" }); }, 0); },
        messageParent: function (m) { window.__toParent.push(JSON.parse(m)); }
      } }
    };`;
  const page = await env.browser.context.newPage();
  await page.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: dialogOfficeJs }));
  await page.goto(`${env.url}taskpane.html?dialog=download`);
  await page.waitForFunction(() => (window as unknown as { __toParent: { kind: string }[] }).__toParent.some((m) => m.kind === "ready"));
  // The pane sends the file as base64 parts (protocol of src/report/deliver.ts): here 3 parts of a 50 000-byte file.
  const bytes = Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 7) % 256));
  const b64 = bytes.toString("base64");
  const size = Math.ceil(b64.length / 3);
  for (let part = 0; part < 3; part++) {
    const message = JSON.stringify({ kind: "file", name: "本县-优质均衡自查自评报告.docx", mime: "application/octet-stream", part, parts: 3, data: b64.slice(part * size, (part + 1) * size) });
    await page.evaluate((m) => (window as unknown as { __fromParent(a: { message: string }): void }).__fromParent({ message: m }), message);
  }
  const link = page.getByRole("link", { name: /下载 本县-优质均衡自查自评报告\.docx/ });
  await link.waitFor();
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const saved = screenshotPath("dialog-download.bin");
  await download.saveAs(saved);
  expect(Buffer.compare(fs.readFileSync(saved), bytes)).toBe(0);
  await page.waitForFunction(() => (window as unknown as { __toParent: { kind: string }[] }).__toParent.some((m) => m.kind === "done"), null, { timeout: 10_000 });
  await page.screenshot({ path: screenshotPath("dialog-download.png") });
  await page.close();
}, 120_000);
