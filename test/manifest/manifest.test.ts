/**
 * manifest.xml, checked offline. Expected structure from Microsoft's add-in only manifest schema
 * (OfficeApp TaskPaneApp 1.1 child order, VersionOverridesV1_0) and the product brief (zh-CN,
 * ReadWriteDocument, ExcelApi 1.7, ribbon group 优质均衡 on TabHome with 评估 and 评估面板).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const tools = require("../../scripts/manifest-tools.js") as {
  parseXml(xml: string): XmlNode;
  checkManifest(xml: string, opts?: { root?: string; baseUrl?: string }): string[];
  rewriteManifest(xml: string, base: string): string;
};

interface XmlNode {
  local: string;
  attrs: Record<string, string>;
  attrNs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

const root = path.resolve(__dirname, "../..");
const xml = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const doc = tools.parseXml(xml);
const XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type";

function* walk(n: XmlNode): Generator<XmlNode> {
  yield n;
  for (const c of n.children) yield* walk(c);
}
const all = [...walk(doc)];
const find = (local: string, pred: (n: XmlNode) => boolean = () => true) => all.filter((n) => n.local === local && pred(n));
const child = (n: XmlNode, local: string) => n.children.find((c) => c.local === local);

/** PNG width/height straight from the IHDR chunk. */
function pngSize(file: string): [number, number] {
  const b = fs.readFileSync(file);
  expect(b.subarray(1, 4).toString("ascii")).toBe("PNG");
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

test("well-formed, a TaskPaneApp with a GUID Id, a version, zh-CN and Chinese texts", () => {
  expect(doc.local).toBe("OfficeApp");
  expect(doc.attrNs[XSI_TYPE]).toBe("TaskPaneApp");
  expect(child(doc, "Id")!.text.trim()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(child(doc, "Version")!.text.trim()).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  expect(child(doc, "DefaultLocale")!.text.trim()).toBe("zh-CN");
  expect(child(doc, "DisplayName")!.attrs.DefaultValue).toBe("优质均衡评估助手");
  expect(child(doc, "Description")!.attrs.DefaultValue).toMatch(/[\u4e00-\u9fff]{10}/);
  expect(child(doc, "Permissions")!.text.trim()).toBe("ReadWriteDocument");
  expect(find("Host").some((h) => h.attrs.Name === "Workbook")).toBe(true);
});

test("elements in the schema's order", () => {
  // Order of the TaskPaneApp schema (OfficeApp 1.1), the elements this manifest uses.
  const schema = ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions", "VersionOverrides"];
  expect(doc.children.map((c) => c.local)).toEqual(schema);
  const vo = child(doc, "VersionOverrides")!;
  expect(vo.children.map((c) => c.local)).toEqual(["Requirements", "Hosts", "Resources"]);
  for (const c of find("Control")) expect(c.children.map((x) => x.local)).toEqual(["Label", "Supertip", "Icon", "Action"]);
});

test("ExcelApi 1.7 is the minimum requirement", () => {
  const sets = find("Set").filter((s) => s.attrs.Name === "ExcelApi");
  expect(sets.length).toBeGreaterThan(0);
  for (const s of sets) expect(s.attrs.MinVersion).toBe("1.7");
});

test("ribbon: group 优质均衡 on the Home tab with 评估 and 清除评估结果 (function commands) and 评估面板 (task pane)", () => {
  const strings = new Map(find("String").map((s) => [s.attrs.id, s.attrs.DefaultValue]));
  const tab = find("OfficeTab")[0];
  expect(tab.attrs.id).toBe("TabHome");
  const group = child(tab, "Group")!;
  expect(strings.get(child(group, "Label")!.attrs.resid)).toBe("优质均衡");
  const buttons = group.children.filter((c) => c.local === "Control").map((c) => {
    const action = child(c, "Action")!;
    return [strings.get(child(c, "Label")!.attrs.resid), action.attrNs[XSI_TYPE], (child(action, "FunctionName") ?? child(action, "SourceLocation"))!];
  });
  expect(buttons.map(([label, type]) => [label, type])).toEqual([
    ["评估", "ExecuteFunction"],
    ["清除评估结果", "ExecuteFunction"],
    ["评估面板", "ShowTaskpane"],
  ]);
  expect((buttons[0][2] as XmlNode).text.trim()).toBe("runAssessment");
  expect((buttons[1][2] as XmlNode).text.trim()).toBe("clearResults");
  expect(find("FunctionFile")).toHaveLength(1);
});

test("every URL is https and every resid resolves", () => {
  const ids = new Set(find("Image").concat(find("Url"), find("String")).map((n) => n.attrs.id).filter(Boolean));
  for (const n of all) {
    for (const [k, v] of Object.entries(n.attrs)) if (!k.startsWith("xmlns") && /:\/\//.test(v)) expect(v).toMatch(/^https:\/\//);
    if (n.attrs.resid !== undefined) expect([n.local, n.attrs.resid, ids.has(n.attrs.resid)]).toEqual([n.local, n.attrs.resid, true]);
  }
});

test("every referenced icon exists with the declared pixel size", () => {
  const base = "https://localhost:3000/";
  const file = (url: string) => path.join(root, url.slice(base.length));
  expect(pngSize(file(child(doc, "IconUrl")!.attrs.DefaultValue))).toEqual([32, 32]);
  expect(pngSize(file(child(doc, "HighResolutionIconUrl")!.attrs.DefaultValue))).toEqual([64, 64]);
  const images = new Map(find("Image", (n) => !!n.attrs.id).map((n) => [n.attrs.id, n.attrs.DefaultValue]));
  const uses = find("Image", (n) => !!n.attrs.resid);
  expect(uses.length).toBeGreaterThanOrEqual(9);
  for (const u of uses) {
    const s = Number(u.attrs.size);
    expect([u.attrs.resid, pngSize(file(images.get(u.attrs.resid)!))]).toEqual([u.attrs.resid, [s, s]]);
  }
  for (const size of [16, 32, 64, 80]) expect(pngSize(path.join(root, `assets/icon-${size}.png`))).toEqual([size, size]);
});

test("the offline checker passes this manifest and catches broken ones", () => {
  expect(tools.checkManifest(xml, { root })).toEqual([]);
  const broken: [string, string, RegExp][] = [
    ["not well-formed", xml.replace("</Hosts>", "</Host>"), /well-formed/],
    ["http URL", xml.replace("https://localhost:3000/taskpane.html?office=1\"/>\n  </DefaultSettings>", "http://localhost:3000/taskpane.html?office=1\"/>\n  </DefaultSettings>"), /not https/],
    ["bad GUID", xml.replace(/<Id>[^<]+<\/Id>/, "<Id>not-a-guid</Id>"), /GUID/],
    ["unresolved resid", xml.replace('resid="Pane.Tooltip"', 'resid="Pane.Missing"'), /does not resolve/],
    ["order", xml.replace(/(<Version>[^<]+<\/Version>)\s*(<ProviderName>[^<]+<\/ProviderName>)/, "$2$1"), /out of schema order/],
    ["wrong icon size", xml.replace('id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-80.png"', 'id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-64.png"'), /64×64/],
    ["missing file", xml.replace("assets/help.html", "assets/nope.html"), /not found/],
  ];
  for (const [what, bad, pattern] of broken) {
    expect(bad).not.toBe(xml); // the mutation applied
    const problems = tools.checkManifest(bad, { root });
    expect([what, problems.some((p) => pattern.test(p))]).toEqual([what, true]);
  }
});

test("production build rewrites every localhost URL to the intranet base URL", () => {
  const prod = tools.rewriteManifest(xml, "https://edu.example.gov.cn/junheng");
  expect(prod).not.toContain("localhost");
  const urls = [...prod.matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
  expect(urls.length).toBeGreaterThanOrEqual(9);
  for (const u of urls) expect(u.startsWith("https://edu.example.gov.cn/junheng/")).toBe(true);
  expect(tools.checkManifest(prod, { root, baseUrl: "https://edu.example.gov.cn/junheng/" })).toEqual([]);
  expect(() => tools.rewriteManifest(xml, "http://edu.example.gov.cn/")).toThrow(/https/);
});

test("webpack config: both pages, assets and the manifest copied with the production rewrite", () => {
  const saved = process.env.ADDIN_BASE_URL;
  process.env.ADDIN_BASE_URL = "https://edu.example.gov.cn/junheng/";
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require("../../webpack.config.js")({}, { mode: "production" });
    expect(config.entry).toEqual({ taskpane: "./src/taskpane/index.tsx", commands: "./src/commands/commands.ts" });
    expect(config.output.filename).toContain("[contenthash");
    const pages = config.plugins.filter((p: { userOptions?: { filename?: string } }) => p.userOptions?.filename).map((p: { userOptions: { filename: string; template: string } }) => [p.userOptions.filename, p.userOptions.template]);
    expect(pages).toEqual([
      ["taskpane.html", "./src/taskpane/taskpane.html"],
      ["commands.html", "./src/commands/commands.html"],
    ]);
    const copy = config.plugins.find((p: { patterns?: unknown[] }) => Array.isArray(p.patterns));
    const manifestPattern = copy.patterns.find((p: { from: string }) => p.from === "manifest.xml");
    const out = String(manifestPattern.transform(Buffer.from(xml)));
    expect(out).not.toContain("localhost");
    expect(out).toContain("https://edu.example.gov.cn/junheng/taskpane.html");
    expect(copy.patterns.some((p: { from: string }) => p.from === "assets")).toBe(true);
  } finally {
    if (saved === undefined) delete process.env.ADDIN_BASE_URL;
    else process.env.ADDIN_BASE_URL = saved;
  }
});

test("Microsoft's own manifest reader (office-addin-manifest, offline) reads the same identity", () => {
  // Run in plain Node: the package pulls ESM-only modules that Jest's CommonJS runtime cannot require.
  const script = `require("office-addin-manifest").OfficeAddinManifest.readManifestFile(process.argv[1])
    .then((i) => process.stdout.write(JSON.stringify(i)), (e) => { console.error(e); process.exit(1); });`;
  const r = spawnSync(process.execPath, ["-e", script, path.join(root, "manifest.xml")], { cwd: root, encoding: "utf8", timeout: 60000 });
  expect(r.status).toBe(0);
  expect(JSON.parse(r.stdout)).toMatchObject({
    id: child(doc, "Id")!.text.trim(),
    displayName: "优质均衡评估助手",
    version: child(doc, "Version")!.text.trim(),
    defaultLocale: "zh-CN",
    hosts: ["Workbook"],
    permissions: "ReadWriteDocument",
    officeAppType: "TaskPaneApp",
  });
});
