/**
 * Size of the production task pane: the JavaScript the page loads before anything is clicked
 * (the <script> tags of dist/taskpane.html) must stay ≤ 250 KB gzipped; exceljs and docx live only in
 * lazily loaded chunks (the engine's Web Worker and its report chunks).
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
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
