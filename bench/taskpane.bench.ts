/**
 * Task pane figures in real headless Chromium (the production bundle, as test/browser builds it):
 * - initial task-pane JavaScript (gzip -9) and the lazy chunks;
 * - web mode with 100, 1 000 and 5 000 schools: file chosen → loaded, 评估 (read → compute → write → shown),
 *   file chosen → results, and the main thread's long tasks (> 50 ms; Long Tasks API) over that time;
 * - Office mode (fake Excel as office.js) with 5 000 schools: syncs and 评估 time.
 * Median of 3 runs for the web-mode times. Run alone: npx tsx bench/taskpane.bench.ts
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { XlsxHost } from "../src/hosts/xlsx";
import { buildWorkbook, makeSchools, toBytes } from "../test/workbook-render/fixtures";
import { ensureBundle, fakeOfficeJs, launch, longTasks, observeLongTasks, serve } from "../test/browser/harness";

const RUNS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const gz = (file: string) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;

async function main(): Promise<void> {
  const dir = await ensureBundle();
  const html = fs.readFileSync(path.join(dir, "taskpane.html"), "utf8");
  const initial = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)].map((m) => m[1]).filter((s) => !/^https?:/.test(s));
  const initialGz = initial.reduce((n, f) => n + gz(path.join(dir, f)), 0);
  console.log(`initial task-pane JS: ${initial.join(" + ")} = ${(initialGz / 1024).toFixed(1)} KB gzipped (limit 250 KB)`);
  const lazy = fs.readdirSync(dir).filter((f) => f.endsWith(".js") && !initial.includes(f));
  console.log(`lazy chunks: ${lazy.map((f) => `${f} ${(gz(path.join(dir, f)) / 1024).toFixed(1)} KB`).join(", ")}`);

  const server = await serve(dir);
  const web = await launch();
  try {
    console.log("\nweb mode | file → loaded | 评估 | file → results | long tasks | longest");
    for (const n of [100, 1000, 5000]) {
      const buffer = Buffer.from(await toBytes(buildWorkbook(makeSchools(n, 11))));
      const runs: { loaded: number; assess: number; total: number; tasks: number; longest: number }[] = [];
      for (let r = 0; r < RUNS; r++) {
        const page = await web.context.newPage();
        await observeLongTasks(page);
        await page.goto(`${server.url}taskpane.html`);
        await page.getByTestId("file-area").waitFor();
        const since = await page.evaluate(() => performance.now());
        const t0 = Date.now();
        await page.getByTestId("file-input").setInputFiles({ name: `${n}.xlsx`, mimeType: "application/octet-stream", buffer });
        await page.getByTestId("message").filter({ hasText: "已打开" }).waitFor({ timeout: 120_000 });
        const loaded = Date.now() - t0;
        await page.getByRole("button", { name: "评估", exact: true }).click();
        await page.getByTestId("overview").waitFor({ timeout: 300_000 });
        const total = Date.now() - t0;
        const assess = Number(await page.locator("main").getAttribute("data-assess-ms"));
        const tasks = await longTasks(page, since);
        runs.push({ loaded, assess, total, tasks: tasks.length, longest: tasks.reduce((m, t) => Math.max(m, t.duration), 0) });
        await page.close();
      }
      console.log(
        `${String(n).padStart(8)} | ${median(runs.map((x) => x.loaded))} ms | ${median(runs.map((x) => x.assess))} ms | ` +
          `${median(runs.map((x) => x.total))} ms | ${median(runs.map((x) => x.tasks))} | ${Math.round(Math.max(...runs.map((x) => x.longest)))} ms (max of ${RUNS})`,
      );
    }
  } finally {
    await web.close();
  }

  const office = await launch({ officeJs: fakeOfficeJs() });
  try {
    console.log("\nOffice mode (fake Excel) | syncs | 评估 | longest main-thread task (includes the fake Excel's own work)");
    for (const n of [100, 5000]) {
      const host = await XlsxHost.load(await toBytes(buildWorkbook(makeSchools(n, 3))));
      const snap = await host.read((await host.read([])).sheetNames);
      const input = Object.fromEntries(snap.sheets.map((s) => [s.name, s.values.map((row) => row.map((v) => (v === null ? "" : v)))]));
      const page = await office.context.newPage();
      await observeLongTasks(page);
      await page.addInitScript((x) => {
        (window as unknown as { __FAKE_INPUT__: unknown }).__FAKE_INPUT__ = x;
      }, input);
      // As the manifest opens it: ?office=1 makes the page load office.js (here the fake).
      await page.goto(`${server.url}taskpane.html?office=1`);
      await page.locator('main[data-mode="office"]').waitFor();
      const since = await page.evaluate(() => performance.now());
      await page.getByRole("button", { name: "评估", exact: true }).click();
      await page.getByTestId("overview").waitFor({ timeout: 300_000 });
      const syncs = await page.evaluate(() => (window as unknown as { __fakeDoc: { syncs: unknown[] } }).__fakeDoc.syncs.length);
      const ms = await page.locator("main").getAttribute("data-assess-ms");
      const longest = (await longTasks(page, since)).reduce((m, t) => Math.max(m, t.duration), 0);
      console.log(`${String(n).padStart(24)} | ${syncs} | ${ms} ms | ${Math.round(longest)} ms`);
      await page.close();
    }
  } finally {
    await office.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
