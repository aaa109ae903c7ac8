/**
 * Web mode (issue 6) in real headless Chromium: the production bundle, served from 127.0.0.1, opened as
 * a plain page (so it does not even ask for office.js and runs in web mode), an .xlsx opened through the
 * file input, assessed in the page's Web Worker, results and downloads checked.
 */
import * as fs from "fs";
import * as path from "path";
import { pathToFileURL } from "url";
import type { Page } from "playwright-core";
import { XlsxHost } from "../../src/hosts/xlsx";
import { INPUT_SHEETS, readWorkbook } from "../../src/workbook/read";
import { SHEETS } from "../../src/workbook/contract";
import { HEADERS, buildWorkbook, makeSchools, toBytes } from "../workbook-render/fixtures";
import { longTasks, observeLongTasks, screenshotPath, useBrowser, ROOT } from "./harness";

const SAMPLE = path.join(ROOT, "examples", "sample-county.xlsx");

const env = useBrowser();

async function openPane(): Promise<Page> {
  const page = await env.browser.context.newPage();
  await observeLongTasks(page);
  await page.goto(`${env.url}taskpane.html`);
  await page.getByTestId("file-area").waitFor({ timeout: 30_000 });
  return page;
}

async function openFile(page: Page, file: { name: string; buffer: Buffer } | string): Promise<void> {
  const name = typeof file === "string" ? path.basename(file) : file.name;
  await page
    .getByTestId("file-input")
    .setInputFiles(typeof file === "string" ? file : { name, mimeType: "application/octet-stream", buffer: file.buffer });
  await page.getByTestId("message").filter({ hasText: "已打开" }).waitFor({ timeout: 60_000 });
}

async function assess(page: Page, timeout = 60_000): Promise<void> {
  await page.getByRole("button", { name: "评估", exact: true }).click();
  await page.getByTestId("overview").waitFor({ timeout });
}

/** The 达标/基本达标/未达标 counts of one indicator row in a group's table. */
async function indicatorRow(page: Page, section: string, code: string): Promise<string[]> {
  return page.locator(`[data-group="${section}"] tr[data-indicator="${code}"] td`).allTextContents().then((t) => t.slice(1));
}

test("web mode: the sample workbook through the file input, assessed, overview and downloads", async () => {
  const page = await openPane();
  expect(await page.locator("html").getAttribute("data-mode")).toBe("file");
  expect(await page.getByText("本工具在本机浏览器中运行，数据不会上传。").count()).toBe(1);

  await openFile(page, SAMPLE);
  await assess(page);

  // Figures of the seed report (qijiang-self-evaluation-report.txt, 二(一)), which the sample reproduces:
  // 69 小学 and 25 初中 all passing; 106: 小学 56 达标 + 13 基本达标, 初中 19 + 6; CVs 0.24 / 0.31.
  expect(await page.getByTestId("passing-primary").textContent()).toContain("达标学校 69/69 所");
  expect(await page.getByTestId("passing-junior").textContent()).toContain("达标学校 25/25 所");
  expect(await indicatorRow(page, "primary", "106")).toEqual(["56", "13", "0"]);
  expect(await indicatorRow(page, "junior", "106")).toEqual(["19", "6", "0"]);
  expect(await indicatorRow(page, "primary", "101")).toEqual(["69", "0", "0"]);
  const cv = async (section: string) =>
    Number(await page.locator(`[data-balance="${section}"] tr[data-cv="composite"] td`).nth(1).textContent());
  expect((await cv("primary")).toFixed(2)).toBe("0.24");
  expect((await cv("junior")).toFixed(2)).toBe("0.31");
  // 203 is 未达标 in the sample (应配 106, 实有 音乐 90 — see scripts/make-sample.ts), so the county is not recognised.
  expect(await page.getByTestId("verdict").textContent()).toContain("尚未达到优质均衡要求");
  await page.screenshot({ path: screenshotPath("web-overview.png"), fullPage: true });

  // A shortfall shows its row (no Excel to select a cell in).
  await page.getByRole("tab", { name: /问题清单/ }).click();
  const first = page.getByTestId("shortfalls").locator("button[data-cell]:not([data-cell=''])").first();
  const cell = await first.getAttribute("data-cell");
  await first.click();
  await page.getByTestId("row-preview").waitFor();
  expect(await page.getByTestId("row-preview").textContent()).toContain(`学校数据!${cell}`);
  await page.screenshot({ path: screenshotPath("web-shortfalls.png"), fullPage: false });

  // Download the checked workbook and read it back with the reader.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "下载已检查的工作簿" }).click(),
  ]);
  const saved = screenshotPath("web-checked.xlsx");
  await download.saveAs(saved);
  expect(download.suggestedFilename()).toMatch(/（已检查）\.xlsx$/);
  const original = await XlsxHost.load(fs.readFileSync(SAMPLE));
  const checked = await XlsxHost.load(fs.readFileSync(saved));
  const names = (await checked.read([])).sheetNames;
  expect(names).toEqual(expect.arrayContaining([SHEETS.units, SHEETS.balance, SHEETS.problems, SHEETS.summary]));
  const before = readWorkbook(await original.read(INPUT_SHEETS));
  const after = readWorkbook(await checked.read(INPUT_SHEETS));
  expect(after.dataset.schools.length).toBe(92); // the sample's 92 schools (scripts/make-sample.ts header)
  // No input value changed: the dataset read back equals the one read from the original file.
  expect(after.dataset.schools.map((s) => [s.name, s.values])).toEqual(before.dataset.schools.map((s) => [s.name, s.values]));
  expect(after.dataset.county).toEqual(before.dataset.county);

  // The report draft downloads as a .docx (a zip: "PK").
  const [report] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "生成报告" }).click()]);
  const docx = screenshotPath("web-report.docx");
  await report.saveAs(docx);
  expect(fs.readFileSync(docx).subarray(0, 2).toString()).toBe("PK");

  // 清除评估结果 in the page's worker, then download: the sample as it was (same sheets, same data, no result block).
  await page.getByRole("button", { name: "清除评估结果" }).click();
  await page.getByTestId("message").filter({ hasText: "已删除结果工作表" }).waitFor({ timeout: 60_000 });
  const [clearedDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载已检查的工作簿" }).click()]);
  const clearedFile = screenshotPath("web-cleared.xlsx");
  await clearedDownload.saveAs(clearedFile);
  const cleared = await XlsxHost.load(fs.readFileSync(clearedFile));
  expect((await cleared.read([])).sheetNames).toEqual((await original.read([])).sheetNames);
  const clearedRead = readWorkbook(await cleared.read(INPUT_SHEETS));
  expect(clearedRead.owned.marks).toEqual([]);
  expect(clearedRead.layout.lastUsedCol).toBe(before.layout.lastUsedCol);

  // Nothing but 127.0.0.1 was asked for: not even office.js (the page is not inside Office).
  expect(env.browser.blocked).toEqual([]);
  await page.close();
}, 300_000);

test("web mode from disk (file://, no Web Worker allowed): the engine runs in the page and still assesses", async () => {
  const page = await env.browser.context.newPage();
  const warnings: string[] = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.goto(pathToFileURL(path.join(env.bundle, "taskpane.html")).href);
  await page.getByTestId("file-area").waitFor({ timeout: 30_000 });
  await openFile(page, SAMPLE);
  await assess(page);
  expect(await page.getByTestId("passing-primary").textContent()).toContain("达标学校 69/69 所");
  expect(warnings.some((w) => w.includes("Web Worker unavailable"))).toBe(true);
  await page.close();
}, 300_000);

test("web mode by keyboard only: 示例数据 and 评估 are reachable with Tab and work with Enter", async () => {
  const page = await openPane();
  const focusTo = async (name: string) => {
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press("Tab");
      if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === name) return;
    }
    throw new Error(`${name} not reachable by Tab`);
  };
  await focusTo("示例数据");
  await page.keyboard.press("Enter");
  // The bundled sample comes from the same origin (no request leaves 127.0.0.1).
  await page.getByTestId("message").filter({ hasText: "已载入示例数据" }).waitFor({ timeout: 60_000 });
  await focusTo("评估");
  await page.keyboard.press("Enter");
  await page.getByTestId("overview").waitFor({ timeout: 60_000 });
  expect(await page.getByTestId("verdict").textContent()).toContain("学校 92 所");
  await page.close();
}, 300_000);

/** Drops a file on the file area, as dragging it from the desktop does. */
async function dropFile(page: Page, name: string, bytes: Buffer): Promise<void> {
  await page.evaluate(
    ({ b64, name }) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([data], name));
      const area = document.querySelector('[data-testid="file-area"]')!;
      area.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
      area.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { b64: bytes.toString("base64"), name },
  );
}

test("web mode: dropping a file that is not .xlsx says so in Chinese; dropping the sample opens it", async () => {
  const page = await openPane();
  await dropFile(page, "说明.txt", Buffer.from("这不是工作簿"));
  await page.getByTestId("message").filter({ hasText: "无法打开该文件" }).waitFor({ timeout: 60_000 });
  expect(await page.getByRole("button", { name: "评估", exact: true }).isDisabled()).toBe(true);
  await dropFile(page, "sample-county.xlsx", fs.readFileSync(SAMPLE));
  await page.getByTestId("message").filter({ hasText: "已打开「sample-county.xlsx」" }).waitFor({ timeout: 60_000 });
  await assess(page);
  expect(await page.getByTestId("verdict").textContent()).toContain("学校 92 所");
  await page.close();
}, 300_000);

test("web mode: bad cells are listed in 数据问题 with sheet and cell, other schools still assessed", async () => {
  const schools = makeSchools(12, 5);
  const withPrimary = schools.findIndex((s) => s["小学在校生数"] !== null);
  const col = (h: string) => String.fromCharCode(65 + HEADERS.indexOf(h as (typeof HEADERS)[number])); // < 26 columns
  // Default fixture layout: header on row 1, school i on row i + 2, columns in HEADERS order from A.
  const badStudents = `${col("小学在校生数")}${withPrimary + 2}`;
  const badEquipment = `${col("教学仪器设备值")}${3 + 2}`;
  const wb = buildWorkbook(schools, {
    overrides: [
      [withPrimary, "小学在校生数", "很多"],
      [3, "教学仪器设备值", -5],
    ],
  });
  const page = await openPane();
  await openFile(page, { name: "有误的数据.xlsx", buffer: Buffer.from(await toBytes(wb)) });
  await assess(page);
  expect(await page.getByTestId("verdict").textContent()).toContain("学校 12 所");
  await page.getByRole("tab", { name: /数据问题/ }).click();
  const issues = page.getByTestId("issues");
  const a = issues.locator(`button[data-cell="${badStudents}"]`);
  expect(await a.textContent()).toContain(`学校数据!${badStudents}`);
  expect(await a.textContent()).toContain("小学在校生数");
  expect(await a.textContent()).toContain("很多");
  const b = issues.locator(`button[data-cell="${badEquipment}"]`);
  expect(await b.textContent()).toContain("教学仪器设备值");
  await a.click();
  await page.getByTestId("row-preview").waitFor();
  expect(await page.getByTestId("row-preview").textContent()).toContain(String(schools[withPrimary]["学校名称"]));
  await page.screenshot({ path: screenshotPath("web-issues.png"), fullPage: true });
  await page.close();
}, 300_000);

test("web mode: 5 000 schools — time from file chosen to results; the page never freezes (no task over 500 ms)", async () => {
  const wb = buildWorkbook(makeSchools(5000, 11));
  const buffer = Buffer.from(await toBytes(wb));
  const page = await openPane();
  const t0 = Date.now();
  const since = await page.evaluate(() => performance.now());
  await openFile(page, { name: "5000所学校.xlsx", buffer });
  const loaded = Date.now() - t0;
  await assess(page, 240_000);
  const total = Date.now() - t0;
  const tasks = await longTasks(page, since);
  const longest = tasks.reduce((m, t) => Math.max(m, t.duration), 0);
  const assessMs = Number(await page.locator("main").getAttribute("data-assess-ms"));
  // Reported figures (docs/taskpane.md): load, assess, total, longest main-thread task.
  console.log(
    `web mode, 5 000 schools: file chosen → loaded ${loaded} ms; 评估 ${assessMs} ms; file chosen → results ${total} ms; ` +
      `long tasks ${tasks.length}, longest ${Math.round(longest)} ms`,
  );
  fs.writeFileSync(
    screenshotPath("web-5000.json"),
    JSON.stringify({ loadedMs: loaded, assessMs, totalMs: total, longTasks: tasks }, null, 2),
  );
  expect(await page.getByTestId("verdict").textContent()).toContain("学校 5000 所");
  // The assertion is "the page does not freeze", not a speed target (figures come from the log above and
  // the bench): reading and writing 5 000 schools with exceljs on the main thread blocks it for well over a
  // second, while the worker design measures 70–130 ms here. 500 ms leaves room for a slow CI machine.
  expect(longest).toBeLessThan(500);
  await page.close();
}, 400_000);
