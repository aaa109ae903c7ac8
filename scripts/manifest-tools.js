/**
 * Offline tools for manifest.xml (office-addin-manifest's `validate` posts to an online service and
 * no XSD ships with the office-addin packages, so we check what matters ourselves):
 *
 * - parseXml: a strict, namespace-aware parse (saxes, the XML parser jsdom uses) into a small tree;
 *   any well-formedness error throws.
 * - checkManifest: the rules of the add-in only XML manifest that we rely on (element order of the
 *   TaskPaneApp schema, GUID Id, Version, https URLs, resids that resolve, icons that exist with
 *   the declared pixel size, ribbon command wiring). Returns a list of problems (empty = valid).
 * - rewriteManifest: the production rewrite of https://localhost:3000/ to a base URL.
 *
 * Used by webpack.config.js, scripts/validate-manifest.js and test/manifest.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { SaxesParser } = require("saxes");

const DEV_BASE_URL = "https://localhost:3000/";

/** Child order of <OfficeApp xsi:type="TaskPaneApp"> in the manifest schema (1.1). */
const OFFICEAPP_ORDER = [
  "Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description",
  "IconUrl", "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements",
  "DefaultSettings", "Permissions", "Dictionary", "VersionOverrides",
];
const REQUIRED = ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "Hosts", "DefaultSettings", "Permissions"];
/** Child order inside a few VersionOverrides elements we use. */
const CHILD_ORDER = {
  VersionOverrides: ["Description", "Requirements", "Hosts", "Resources", "WebApplicationInfo", "EquivalentAddins"],
  DesktopFormFactor: ["GetStarted", "FunctionFile", "ExtensionPoint"],
  Group: ["Label", "Icon", "Control"],
  Control: ["Label", "Supertip", "Icon", "Action"],
  Resources: ["Images", "Urls", "ShortStrings", "LongStrings"],
};
const XSI = "http://www.w3.org/2001/XMLSchema-instance";

/** Parses XML into { name, local, uri, attrs: {qname: value}, children: [], text }. Throws on any error. */
function parseXml(text) {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let root = null;
  const stack = [];
  let error = null;
  parser.on("error", (e) => {
    error = error || e;
  });
  parser.on("opentag", (tag) => {
    const attrs = {};
    const attrNs = {};
    for (const [qname, a] of Object.entries(tag.attributes)) {
      attrs[qname] = a.value;
      attrNs[`{${a.uri}}${a.local}`] = a.value;
    }
    const node = { name: tag.name, local: tag.local, uri: tag.uri, attrs, attrNs, children: [], text: "", parent: stack[stack.length - 1] || null };
    if (stack.length) stack[stack.length - 1].children.push(node);
    else root = node;
    stack.push(node);
  });
  parser.on("text", (t) => {
    if (stack.length) stack[stack.length - 1].text += t;
  });
  parser.on("closetag", () => stack.pop());
  parser.write(text).close();
  if (error) throw error;
  if (!root) throw new Error("empty document");
  return root;
}

function* walk(node) {
  yield node;
  for (const c of node.children) yield* walk(c);
}

function xsiType(node) {
  return node.attrNs[`{${XSI}}type`];
}

/** Problems with the order of `node`'s children against `order` (unknown children are reported). */
function orderProblems(node, order, where) {
  const out = [];
  let last = -1;
  for (const c of node.children) {
    const i = order.indexOf(c.local);
    if (i < 0) out.push(`${where}: unexpected element <${c.local}>`);
    else if (i < last) out.push(`${where}: <${c.local}> is out of schema order (expected order: ${order.join(", ")})`);
    else last = i;
  }
  return out;
}

/** Width and height of a PNG file, or null when it is not one. */
function pngSize(file) {
  const b = fs.readFileSync(file);
  if (b.length < 24 || b.readUInt32BE(0) !== 0x89504e47 || b.toString("ascii", 12, 16) !== "IHDR") return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/**
 * Checks a manifest. `root` is the project folder; `urlToFile(url)` maps a manifest URL to a local
 * file to check (default: URLs under baseUrl map to files under root, with "assets/…" as is and
 * pages taken from the webpack output names).
 */
function checkManifest(xml, opts = {}) {
  const root = opts.root || path.resolve(__dirname, "..");
  const baseUrl = opts.baseUrl || DEV_BASE_URL;
  const problems = [];
  let doc;
  try {
    doc = parseXml(xml);
  } catch (e) {
    return [`not well-formed XML: ${e.message}`];
  }
  if (doc.local !== "OfficeApp" || doc.uri !== "http://schemas.microsoft.com/office/appforoffice/1.1") problems.push("root must be <OfficeApp> in the appforoffice/1.1 namespace");
  if (xsiType(doc) !== "TaskPaneApp") problems.push('OfficeApp must have xsi:type="TaskPaneApp"');
  problems.push(...orderProblems(doc, OFFICEAPP_ORDER, "OfficeApp"));
  const child = (name) => doc.children.find((c) => c.local === name);
  for (const r of REQUIRED) if (!child(r)) problems.push(`missing required element <${r}>`);
  const id = child("Id");
  if (id && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id.text.trim())) problems.push(`<Id> is not a GUID: ${id.text.trim()}`);
  const version = child("Version");
  if (version && !/^\d{1,5}(\.\d{1,5}){0,3}$/.test(version.text.trim())) problems.push(`<Version> must be n[.n[.n[.n]]]: ${version.text.trim()}`);
  for (const name of ["DisplayName", "Description"]) {
    const n = child(name);
    if (n && !(n.attrs.DefaultValue || "").trim()) problems.push(`<${name}> needs a DefaultValue`);
    if (n && name === "DisplayName" && n.attrs.DefaultValue.length > 125) problems.push("DisplayName longer than 125 characters");
    if (n && name === "Description" && n.attrs.DefaultValue.length > 250) problems.push("Description longer than 250 characters");
  }
  const perms = child("Permissions");
  if (perms && !["Restricted", "ReadDocument", "ReadWriteDocument", "ReadAllDocument", "WriteDocument"].includes(perms.text.trim())) problems.push(`bad <Permissions>: ${perms.text.trim()}`);

  // Every URL: https, and (under the base URL) an existing file.
  const urls = [];
  for (const n of walk(doc)) {
    for (const [k, v] of Object.entries(n.attrs)) if (/^[a-z]+:\/\//i.test(v)) urls.push({ node: n, url: v, attr: k });
    if (/^[a-z]+:\/\//i.test(n.text.trim()) && !n.children.length) urls.push({ node: n, url: n.text.trim() });
  }
  for (const { node, url, attr } of urls) {
    if (attr && attr.startsWith("xmlns")) continue;
    if (!url.startsWith("https://")) problems.push(`URL is not https: ${url} (<${node.local}>)`);
  }

  // VersionOverrides: order, resids, commands.
  const vo = child("VersionOverrides");
  if (vo) {
    if (xsiType(vo) !== "VersionOverridesV1_0") problems.push('VersionOverrides must be xsi:type="VersionOverridesV1_0"');
    for (const n of walk(vo)) {
      const order = CHILD_ORDER[n.local];
      if (order && !(n.local === "Description" || n.local === "Label")) problems.push(...orderProblems(n, order, `<${n.local}${n.attrs.id ? ` id="${n.attrs.id}"` : ""}>`));
    }
    const resources = vo.children.find((c) => c.local === "Resources");
    const ids = new Map();
    if (resources)
      for (const group of resources.children)
        for (const item of group.children) {
          const rid = item.attrs.id;
          if (!rid) problems.push(`resource without id in <${group.local}>`);
          else if (rid.length > 32) problems.push(`resource id longer than 32 characters: ${rid}`);
          else if (ids.has(rid)) problems.push(`duplicate resource id: ${rid}`);
          ids.set(rid, { kind: group.local, value: item.attrs.DefaultValue || "" });
          if (group.local === "ShortStrings" && (item.attrs.DefaultValue || "").length > 125) problems.push(`short string ${rid} longer than 125 characters`);
          if (group.local === "LongStrings" && (item.attrs.DefaultValue || "").length > 250) problems.push(`long string ${rid} longer than 250 characters`);
        }
    for (const n of walk(vo)) {
      const rid = n.attrs.resid;
      if (rid === undefined) continue;
      const res = ids.get(rid);
      if (!res) problems.push(`resid "${rid}" on <${n.local}> does not resolve`);
      else {
        const want = n.local === "Image" ? "Images" : ["SourceLocation", "FunctionFile", "LearnMoreUrl"].includes(n.local) ? "Urls" : null;
        if (want && res.kind !== want) problems.push(`resid "${rid}" on <${n.local}> must name one of bt:${want}`);
      }
      // Icon sizes: the image a <bt:Image size="N"> points at must be N×N pixels.
      if (n.local === "Image" && n.attrs.size && res) {
        const f = urlToFile(res.value, baseUrl, root);
        const size = f && fs.existsSync(f) ? pngSize(f) : null;
        if (f && size && (size.width !== Number(n.attrs.size) || size.height !== Number(n.attrs.size)))
          problems.push(`image ${rid} is ${size.width}×${size.height}, declared size ${n.attrs.size}`);
      }
    }
    for (const c of walk(vo)) {
      if (c.local === "Action" && xsiType(c) === "ExecuteFunction") {
        const fn = c.children.find((x) => x.local === "FunctionName");
        if (!fn || !fn.text.trim()) problems.push("ExecuteFunction action without <FunctionName>");
        const ff = [...walk(vo)].find((x) => x.local === "FunctionFile");
        if (!ff) problems.push("ExecuteFunction needs a <FunctionFile>");
      }
      if (c.local === "Action" && xsiType(c) === "ShowTaskpane" && !c.children.some((x) => x.local === "SourceLocation")) problems.push("ShowTaskpane action without <SourceLocation>");
    }
  }

  // Files behind URLs under the base URL exist; icons have the right size.
  const iconSizes = { IconUrl: 32, HighResolutionIconUrl: 64 };
  for (const { node, url } of urls) {
    const f = urlToFile(url, baseUrl, root);
    if (!f) continue;
    if (!fs.existsSync(f)) {
      problems.push(`file for ${url} not found (${path.relative(root, f)})`);
      continue;
    }
    const want = iconSizes[node.local] || (node.local === "Image" && /(\d+)x\1/.test(node.attrs.id || "") ? Number(/(\d+)x/.exec(node.attrs.id)[1]) : null);
    if (want) {
      const size = pngSize(f);
      if (!size) problems.push(`${url} is not a PNG`);
      else if (size.width !== want || size.height !== want) problems.push(`${url} is ${size.width}×${size.height}, expected ${want}×${want}`);
    }
  }
  return problems;
}

/**
 * Local file of a URL under the base URL: assets/* from the source tree; taskpane.html and
 * commands.html from their webpack templates (they exist in dist/ only after a build).
 */
function urlToFile(url, baseUrl, root) {
  if (!url.startsWith(baseUrl)) return null;
  const rel = url.slice(baseUrl.length).split(/[?#]/)[0];
  const pages = { "taskpane.html": "src/taskpane/taskpane.html", "commands.html": "src/commands/commands.html" };
  return path.join(root, pages[rel] || rel);
}

/** Normalises and checks a production base URL: https, no quotes or spaces, trailing slash. */
function normaliseBaseUrl(raw) {
  const url = String(raw || "").trim();
  if (!/^https:\/\/[^\s"'<>&]+$/.test(url)) throw new Error(`ADDIN_BASE_URL 必须是 https:// 开头的地址（收到：${url || "空"}）`);
  return url.endsWith("/") ? url : `${url}/`;
}

/** The manifest with every https://localhost:3000/ replaced by the base URL. */
function rewriteManifest(xml, baseUrl) {
  const base = normaliseBaseUrl(baseUrl);
  return xml.split(DEV_BASE_URL).join(base);
}

module.exports = { parseXml, checkManifest, rewriteManifest, normaliseBaseUrl, pngSize, DEV_BASE_URL, OFFICEAPP_ORDER };
