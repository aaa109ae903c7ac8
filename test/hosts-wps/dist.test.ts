/**
 * The built WPS 加载项 (dist/wps, from webpack.wps.config.js; built here when older than the
 * sources): ribbon.xml is what the publish page and WPS accept (well-formed, no XML declaration,
 * the 「优质均衡」 tab with its three buttons, callbacks the main page defines as plain functions);
 * every script parses at ES2017 (the WPS webview's level); the main page's own bundle, run in a
 * sandbox with the fake ET as `window.Application`, assesses the sample from the 评估 button,
 * clears it from 清除评估结果 and opens the pane from 评估面板; npm run package:wps packs it all.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { spawnSync } from "child_process";
import * as acorn from "acorn";
import { SaxesParser } from "saxes";
import { FakeEt } from "../fakes/fakeEt";
import { sampleBook } from "./helpers";

const ROOT = path.join(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist", "wps");

function newest(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

beforeAll(() => {
  const built = fs.existsSync(path.join(DIST, "ribbon.xml")) ? fs.statSync(path.join(DIST, "ribbon.xml")).mtimeMs : 0;
  const sources = Math.max(newest(path.join(ROOT, "src")), fs.statSync(path.join(ROOT, "webpack.wps.config.js")).mtimeMs);
  if (built > sources) return;
  const r = spawnSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--config", "webpack.wps.config.js", "--mode", "production"], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`webpack failed:\n${r.stdout}\n${r.stderr}`);
}, 600_000);

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
}

function parseXml(text: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  parser.on("opentag", (t) => {
    const el: XmlElement = { name: t.name, attributes: t.attributes as Record<string, string>, children: [] };
    if (stack.length) stack[stack.length - 1].children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on("closetag", () => void stack.pop());
  parser.write(text).close();
  if (!root) throw new Error("empty document");
  return root;
}

function all(el: XmlElement, name: string): XmlElement[] {
  return [...(el.name === name ? [el] : []), ...el.children.flatMap((c) => all(c, name))];
}

function mainPageScripts(): string[] {
  const html = fs.readFileSync(path.join(DIST, "index.html"), "utf8");
  return [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)].map((m) => m[1]);
}

/** The main page's scripts run in a sandbox whose window.Application is `app`. */
function loadMainPage(app: object, alerts: string[]): vm.Context {
  const sandbox: Record<string, unknown> = { Application: app, alert: (t: string) => alerts.push(t), confirm: () => 1, console, setTimeout, clearTimeout, location: { href: "file:///home/u/.local/share/Kingsoft/wps/jsaddons/junheng_0.1.0/index.html" } };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  const ctx = vm.createContext(sandbox);
  for (const s of mainPageScripts()) vm.runInContext(fs.readFileSync(path.join(DIST, s), "utf8"), ctx, { filename: s });
  return ctx;
}

test("ribbon.xml: well-formed, no XML declaration, tab 优质均衡 with 评估, 评估面板, 清除评估结果", () => {
  const text = fs.readFileSync(path.join(DIST, "ribbon.xml"), "utf8");
  expect(text.startsWith("<customUI")).toBe(true);
  const ui = parseXml(text);
  expect(ui.name).toBe("customUI");
  expect(ui.attributes.xmlns).toBe("http://schemas.microsoft.com/office/2006/01/customui");
  expect(ui.attributes.onLoad).toBe("OnAddinLoad");
  const tabs = all(ui, "tab");
  expect(tabs.map((t) => t.attributes.label)).toEqual(["优质均衡"]);
  const buttons = all(tabs[0], "button");
  expect(buttons.map((b) => b.attributes.label)).toEqual(["评估", "评估面板", "清除评估结果"]);
  const ids = buttons.map((b) => b.attributes.id);
  expect(new Set(ids).size).toBe(3);
  for (const b of buttons) expect([b.attributes.onAction, b.attributes.getImage]).toEqual(["OnAction", "GetImage"]);
});

test("every script of dist/wps parses as ECMAScript 2017", () => {
  const scripts = fs.readdirSync(DIST).filter((f) => f.endsWith(".js"));
  expect(scripts.length).toBeGreaterThan(3);
  for (const f of scripts) expect(() => acorn.parse(fs.readFileSync(path.join(DIST, f), "utf8"), { ecmaVersion: 2017, sourceType: "script" })).not.toThrow();
  // The pages load only files of the package, by relative URL.
  for (const page of ["index.html", "taskpane.html"]) {
    const html = fs.readFileSync(path.join(DIST, page), "utf8");
    const srcs = [...html.matchAll(/\ssrc="?([^"\s>]+)"?/g)].map((m) => m[1]);
    expect(srcs.length).toBeGreaterThan(0);
    for (const s of srcs) expect([s, fs.existsSync(path.join(DIST, s))]).toEqual([s, true]);
  }
});

test("the main page defines the callbacks as plain functions; 评估 assesses the sample, 清除评估结果 clears it, 评估面板 opens the pane", async () => {
  const book = await sampleBook();
  const et = new FakeEt(book);
  const panes: { url: string; ID: number; Visible: boolean; DockPosition: number }[] = [];
  const storage = new Map<string, unknown>();
  const app = Object.assign(et.app, {
    CreateTaskPane: (url: string) => {
      const pane = { url, ID: panes.length + 1, Visible: false, DockPosition: 0 };
      panes.push(pane);
      return pane;
    },
    GetTaskPane: (id: number) => panes[id - 1],
    PluginStorage: { getItem: (k: string) => storage.get(k), setItem: (k: string, v: unknown) => storage.set(k, v) },
  });
  const alerts: string[] = [];
  const ctx = loadMainPage(app, alerts);
  for (const name of ["OnAddinLoad", "OnAction", "GetImage"]) {
    const f = vm.runInContext(name, ctx) as (...a: unknown[]) => unknown;
    expect([name, typeof f, f.constructor.name]).toEqual([name, "function", "Function"]);
  }
  const call = (name: string, ...args: unknown[]) => (vm.runInContext(name, ctx) as (...a: unknown[]) => unknown)(...args);
  expect(call("OnAddinLoad", {})).toBe(true);
  for (const id of ["btnAssess", "btnPane", "btnClear"]) expect(fs.existsSync(path.join(DIST, call("GetImage", { Id: id }) as string))).toBe(true);

  expect(call("OnAction", { Id: "btnAssess" })).toBe(true); // returns at once; the assessment runs on
  for (let i = 0; i < 600 && !alerts.length; i++) await new Promise((r) => setTimeout(r, 50));
  expect(alerts[0]).toMatch(/^评估完成：共 \d+ 所学校/);
  expect(book.find("评估汇总")).toBeDefined();
  expect(book.sheet("差异系数").charts).toHaveLength(2);

  // 清除评估结果 (WPS's confirm answers 1): the result sheets go.
  alerts.length = 0;
  expect(call("OnAction", { Id: "btnClear" })).toBe(true);
  for (let i = 0; i < 600 && !alerts.length; i++) await new Promise((r) => setTimeout(r, 50));
  expect(alerts[0]).toMatch(/^已清除评估结果/);
  expect(book.find("评估汇总")).toBeUndefined();

  call("OnAction", { Id: "btnPane" });
  expect(panes).toHaveLength(1);
  expect(panes[0].url).toBe("file:///home/u/.local/share/Kingsoft/wps/jsaddons/junheng_0.1.0/taskpane.html");
  expect(panes[0].Visible).toBe(true);
  call("OnAction", { Id: "btnPane" });
  expect([panes.length, panes[0].Visible]).toEqual([1, false]);
}, 60_000);

test("npm run package:wps: the offline 7z holds the add-in folder; publish.xml and jsplugins.xml entries", () => {
  const r = spawnSync(process.execPath, [path.join(ROOT, "scripts", "package-wps.js")], { cwd: ROOT, encoding: "utf8", env: { ...process.env, WPS_BASE_URL: "http://edu.example.gov.cn/junheng/wps" } });
  expect(r.status).toBe(0);
  const out = path.join(ROOT, "dist", "wps-package");
  const version = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;
  const local = parseXml(fs.readFileSync(path.join(out, "publish-local.xml"), "utf8"));
  expect(local.children[0]).toMatchObject({ name: "jsplugin", attributes: { name: "junheng", type: "et", url: `junheng_${version}`, version } });
  const publish = parseXml(fs.readFileSync(path.join(out, "publish.xml"), "utf8"));
  expect(publish.children[0]).toMatchObject({ name: "jsplugin", attributes: { name: "junheng", type: "et", url: "http://edu.example.gov.cn/junheng/wps/junheng.7z", version } });
  const central = parseXml(fs.readFileSync(path.join(out, "jsplugins.xml"), "utf8"));
  expect(central.children[0].attributes.url).toBe("http://edu.example.gov.cn/junheng/wps/junheng.7z");
  const online = parseXml(fs.readFileSync(path.join(out, "jsplugins-online.xml"), "utf8"));
  expect(online.children[0]).toMatchObject({ name: "jspluginonline", attributes: { url: "http://edu.example.gov.cn/junheng/wps/" } });
  const list = spawnSync(require("7zip-bin").path7za, ["l", "-ba", path.join(out, "junheng.7z")], { encoding: "utf8" });
  const files = list.stdout.split("\n").map((l) => l.trim().split(/\s+/).pop());
  for (const f of ["ribbon.xml", "index.html", "taskpane.html"]) expect(files).toContain(`junheng_${version}/${f}`);
  expect(files.some((f) => f?.endsWith(".map"))).toBe(false);
});
