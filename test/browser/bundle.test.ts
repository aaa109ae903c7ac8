/**
 * What EdgeHTML 18 can parse: every .js in the production build (vendor code, lazy chunks and the
 * engine's worker included) must parse as ECMAScript 2017. EdgeHTML 18 (Office 2019 retail, older
 * Microsoft 365 on Windows 10) has ES2017 but none of `?.`, `??`, class fields or object spread;
 * acorn at ecmaVersion 2017 rejects all of those (and ES2018+ regular expression syntax).
 *
 * Size of the production task pane: the JavaScript the page loads before anything is clicked
 * (the <script> tags of dist/taskpane.html) must stay ≤ 250 KB gzipped; exceljs and docx live only in
 * lazily loaded chunks (the engine's Web Worker and its report chunks).
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { parse } from "acorn";
import { ensureBundle } from "./harness";

const LIMIT = 250 * 1024;

test("initial task-pane JavaScript ≤ 250 KB gzipped; exceljs and docx are lazy", async () => {
  const dir = await ensureBundle();
  const html = fs.readFileSync(path.join(dir, "taskpane.html"), "utf8");
  const scripts = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)].map((m) => m[1]).filter((s) => !/^https?:/.test(s));
  expect(scripts.length).toBeGreaterThan(0);
  const sizes = scripts.map((s) => {
    const bytes = fs.readFileSync(path.join(dir, s));
    return { file: s, raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
  });
  const total = sizes.reduce((n, s) => n + s.gzip, 0);
  const all = fs.readdirSync(dir).filter((f) => f.endsWith(".js"));
  const lazy = all
    .filter((f) => !scripts.includes(f))
    .map((f) => `${f} ${(zlib.gzipSync(fs.readFileSync(path.join(dir, f)), { level: 9 }).length / 1024).toFixed(1)} KB`);
  console.log(
    `initial task-pane JS: ${sizes.map((s) => `${s.file} ${(s.raw / 1024).toFixed(0)} KB raw / ${(s.gzip / 1024).toFixed(1)} KB gz`).join(", ")}; ` +
      `total ${(total / 1024).toFixed(1)} KB gz. Lazy chunks (gz): ${lazy.join(", ")}`,
  );
  expect(total).toBeLessThanOrEqual(LIMIT);
  // exceljs and docx are not in the initial scripts (their own identifying strings).
  for (const s of scripts) {
    const text = fs.readFileSync(path.join(dir, s), "utf8");
    expect(text).not.toContain("xl/workbook.xml"); // exceljs writes this part name
    expect(text).not.toContain("word/document.xml"); // docx writes this part name
  }
  // …but they are in the bundle (lazy), so the checks above are meaningful.
  const lazyText = all.filter((f) => !scripts.includes(f)).map((f) => fs.readFileSync(path.join(dir, f), "utf8")).join("\n");
  expect(lazyText).toContain("xl/workbook.xml");
  expect(lazyText).toContain("word/document.xml");
}, 600_000);

test("every script in dist/ parses as ECMAScript 2017 (EdgeHTML 18)", async () => {
  const dir = await ensureBundle();
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".js"));
  expect(files.length).toBeGreaterThan(5); // pane, commands, vendor, worker, lazy chunks
  const failures: string[] = [];
  for (const f of files) {
    const text = fs.readFileSync(path.join(dir, f), "utf8");
    try {
      parse(text, { ecmaVersion: 2017, sourceType: "script" });
    } catch (e) {
      const pos = (e as { pos?: number }).pos ?? 0;
      failures.push(`${f}: ${(e as Error).message} near ${JSON.stringify(text.slice(Math.max(0, pos - 40), pos + 20))}`);
    }
  }
  expect(failures).toEqual([]);
}, 600_000);

test("the ES2017 check rejects what EdgeHTML 18 cannot parse", () => {
  const es2017 = (src: string) => {
    try {
      parse(src, { ecmaVersion: 2017, sourceType: "script" });
      return true;
    } catch {
      return false;
    }
  };
  expect(es2017("async function f(a) { return (await a) ** 2; }")).toBe(true);
  for (const src of ["a?.b", "a ?? b", "class A { x = 1 }", "({ ...a })", "const { a, ...b } = c", "/(?<y>\\d)/", "try {} catch {}"]) expect(es2017(src)).toBe(false);
});

test("the pages' inline start-up scripts are ES5 (they must run under Trident)", async () => {
  const dir = await ensureBundle();
  for (const page of ["taskpane.html", "commands.html"]) {
    const html = fs.readFileSync(path.join(dir, page), "utf8");
    const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(inline.some((s) => s.includes("junhengCompat"))).toBe(true);
    for (const s of inline) expect(() => parse(s, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
  }
}, 600_000);
