/**
 * `OFFICE_JS=local npm run build` (政务内网 without Microsoft's CDN): office.js and the Excel scripts
 * from @microsoft/office-js are copied to dist/office-js/ and both pages load office.js from there;
 * in Chromium, commands.html then gets Office.js from 127.0.0.1 and requests nothing outside.
 * The default build keeps the CDN (the other browser tests run on it).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { ensureBundle, launch, serve, OFFICE_JS, RESULTS, ROOT } from "./harness";

const OUT = path.join(RESULTS, "bundle-office-js-local");

beforeAll(() => {
  fs.rmSync(OUT, { recursive: true, force: true });
  const r = spawnSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", OUT], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ADDIN_BASE_URL: "", OFFICE_JS: "local" },
  });
  if (r.status !== 0) throw new Error(`webpack failed:\n${r.stdout}\n${r.stderr}`);
}, 600_000);

test("the local build copies office.js and the Excel scripts, and both pages load office.js from beside them", async () => {
  for (const f of ["office.js", "excel-web-16.00.js", "excel-win32-16.01.js", "zh-cn/office_strings.js"]) expect(fs.existsSync(path.join(OUT, "office-js", f))).toBe(true);
  expect(fs.existsSync(path.join(OUT, "office-js", "word-web-16.00.js"))).toBe(false); // only Excel's
  expect(fs.existsSync(path.join(OUT, "office-js", "excel-web-16.00.debug.js"))).toBe(false);
  // As Microsoft ships it (not minified again by the build).
  const shipped = require.resolve("@microsoft/office-js/dist/excel-web-16.00.js");
  expect(fs.readFileSync(path.join(OUT, "office-js", "excel-web-16.00.js"))).toEqual(fs.readFileSync(shipped));
  for (const page of ["taskpane.html", "commands.html"]) {
    const html = fs.readFileSync(path.join(OUT, page), "utf8");
    expect(html).toMatch(/src="?office-js\/office\.js/);
    expect(html).not.toContain("appsforoffice.microsoft.com");
  }
  const cdn = fs.readFileSync(path.join(await ensureBundle(), "commands.html"), "utf8");
  expect(cdn).toContain(OFFICE_JS); // the default build: Microsoft's CDN
});

test("in a browser, commands.html gets Office.js from the same server and nothing from outside", async () => {
  const server = await serve(OUT);
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}commands.html`);
    await page.waitForFunction(() => typeof (window as unknown as { Office?: { onReady?: unknown } }).Office?.onReady === "function", null, { timeout: 20_000 });
    expect(browser.blocked).toEqual([]);
  } finally {
    await browser.close();
    await server.close();
  }
}, 60_000);
