/**
 * Browser-test harness: the production bundle built once (webpack, the project's webpack.config.js,
 * into test-results/bundles/<time>/, reused while no source changed), a tiny static server on 127.0.0.1, Debian's
 * chromium through playwright-core with a new empty profile, every request not to 127.0.0.1 blocked,
 * and the fake Excel bundled (esbuild) to stand in for office.js.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import type { AddressInfo } from "net";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const ROOT = path.resolve(__dirname, "../..");
export const RESULTS = path.join(ROOT, "test-results");
/** Builds go to test-results/bundles/<time>/; `current` names the newest complete one. */
const BUNDLES = path.join(RESULTS, "bundles");
const CURRENT = path.join(BUNDLES, "current");
export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const LOCK = path.join(RESULTS, ".bundle-lock");
/** Older builds are removed after this long (a test file may still be serving one). */
const KEEP_OLD_MS = 30 * 60_000;

const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** Newest modification time under the inputs of the bundle. */
function newestInput(): number {
  let newest = 0;
  const walk = (p: string) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) for (const f of fs.readdirSync(p)) walk(path.join(p, f));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of ["src", "examples", "assets", "webpack.config.js", "manifest.xml"]) walk(path.join(ROOT, p));
  return newest;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** The newest complete build, if it is newer than every input. */
function upToDate(): string | null {
  if (!fs.existsSync(CURRENT)) return null;
  const dir = path.join(BUNDLES, fs.readFileSync(CURRENT, "utf8").trim());
  return fs.existsSync(dir) && fs.statSync(CURRENT).mtimeMs >= newestInput() ? dir : null;
}

/**
 * Builds the production bundle unless an up-to-date one exists; safe when several test files ask at
 * once. Each build gets its own directory, so a rebuild (sources edited meanwhile) never pulls files
 * from under a server that is still serving an older build.
 */
export async function ensureBundle(): Promise<string> {
  fs.mkdirSync(BUNDLES, { recursive: true });
  for (;;) {
    const ready = upToDate();
    if (ready) return ready;
    try {
      fs.mkdirSync(LOCK);
    } catch {
      // Another test file is building; a lock older than 10 minutes is stale.
      if (Date.now() - fs.statSync(LOCK).mtimeMs > 600_000) fs.rmSync(LOCK, { recursive: true, force: true });
      await sleep(1000);
      continue;
    }
    try {
      const ready = upToDate();
      if (ready) return ready;
      const started = Date.now();
      const name = String(started);
      const out = path.join(BUNDLES, name);
      const r = spawnSync(
        process.execPath,
        [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", out],
        { cwd: ROOT, encoding: "utf8", env: { ...process.env, ADDIN_BASE_URL: "" } },
      );
      if (r.status !== 0) throw new Error(`webpack failed:\n${r.stdout}\n${r.stderr}`);
      // Stamped with the build's start time: a source edited during the build makes it stale.
      fs.writeFileSync(CURRENT, name);
      fs.utimesSync(CURRENT, new Date(started), new Date(started));
      for (const old of fs.readdirSync(BUNDLES))
        if (/^\d+$/.test(old) && old !== name && started - Number(old) > KEEP_OLD_MS)
          fs.rmSync(path.join(BUNDLES, old), { recursive: true, force: true });
      return out;
    } finally {
      fs.rmSync(LOCK, { recursive: true, force: true });
    }
  }
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
};

/** A static file server for `dir` on 127.0.0.1 (random port). */
export async function serve(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname).replace(/^\/+/, "");
    const file = path.resolve(dir, rel || "taskpane.html");
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export interface Browser {
  context: BrowserContext;
  /** Requests that were blocked (not to 127.0.0.1). */
  blocked: string[];
  close(): Promise<void>;
}

/**
 * Chromium with a new empty profile. Every request not to 127.0.0.1 is aborted, except office.js when
 * `officeJs` is given: it is answered with that script (the fake Excel).
 */
export async function launch(opts: { officeJs?: string } = {}): Promise<Browser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "junheng-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 320, height: 900 }, // the task pane's narrow default width
    acceptDownloads: true,
    locale: "zh-CN",
  });
  const blocked: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    const host = new URL(url).hostname;
    const local = host === "127.0.0.1" || /^(blob|data|file):/.test(url);
    if (local) return route.continue();
    if (opts.officeJs !== undefined && url === OFFICE_JS)
      return route.fulfill({ status: 200, contentType: "text/javascript", body: opts.officeJs });
    blocked.push(url);
    return route.abort();
  });
  return {
    context,
    blocked,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The fake Excel as a browser script: defines window.__fakeExcel = { FakeWorkbook, installFakeOffice }. */
export function fakeOfficeScript(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require("esbuild") as typeof import("esbuild");
  const out = esbuild.buildSync({
    stdin: {
      contents:
        'import { FakeWorkbook, installFakeOffice } from "./test/fakes/fakeExcel";\n' +
        "(window as any).__fakeExcel = { FakeWorkbook, installFakeOffice };\n",
      resolveDir: ROOT,
      loader: "ts",
    },
    bundle: true,
    format: "iife",
    target: "es2020",
    write: false,
  });
  return out.outputFiles[0].text;
}

/**
 * The fake Excel plus an installer, to be served in place of office.js: builds a FakeWorkbook from
 * window.__FAKE_INPUT__ (plain grids { sheet: [[…]] }, or { values: grids, formats: { sheet: { A1: fmt } } }),
 * exposes it as window.__fakeDoc and the installed globals as window.__fakeOffice.
 */
export function fakeOfficeJs(): string {
  return (
    fakeOfficeScript() +
    `
(function () {
  var fx = window.__fakeExcel;
  var input = window.__FAKE_INPUT__ || {};
  var doc = input.values
    ? fx.FakeWorkbook.from(input.values, { numberFormats: input.formats || {} })
    : fx.FakeWorkbook.from(input);
  window.__fakeDoc = doc;
  window.__fakeOffice = fx.installFakeOffice(window, doc);
})();`
  );
}

/**
 * For a test file: the bundle built (or reused) and served, and one browser, opened before the tests
 * and closed after them. Read `.url` and `.browser` inside tests.
 */
export function useBrowser(opts: { officeJs?: () => string } = {}): { url: string; bundle: string; browser: Browser } {
  const env = { url: "", bundle: "", browser: undefined as unknown as Browser };
  let server: { url: string; close(): Promise<void> } | undefined;
  beforeAll(async () => {
    env.bundle = await ensureBundle();
    server = await serve(env.bundle);
    env.url = server.url;
    env.browser = await launch({ officeJs: opts.officeJs?.() });
  }, 600_000);
  afterAll(async () => {
    await env.browser?.close();
    await server?.close();
  });
  return env;
}

/** Long tasks (> 50 ms) on the page's main thread, recorded from page start. */
export async function observeLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  });
}

export async function longTasks(page: Page, since = 0): Promise<{ start: number; duration: number }[]> {
  return page.evaluate((t) => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter((x) => x.start >= t), since);
}

export function screenshotPath(name: string): string {
  fs.mkdirSync(RESULTS, { recursive: true });
  return path.join(RESULTS, name);
}
