#!/usr/bin/env node
/**
 * `npm run validate`: checks manifest.xml offline (see scripts/manifest-tools.js), and — with
 * ADDIN_BASE_URL set — the production rewrite too. Exit code 1 when there is a problem.
 * (`office-addin-manifest validate` needs the network; this does not.)
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { checkManifest, rewriteManifest, normaliseBaseUrl } = require("./manifest-tools");

const root = path.resolve(__dirname, "..");
const file = process.argv[2] ? path.resolve(process.argv[2]) : path.join(root, "manifest.xml");
const xml = fs.readFileSync(file, "utf8");
let problems = checkManifest(xml, { root });
if (process.env.ADDIN_BASE_URL) {
  const base = normaliseBaseUrl(process.env.ADDIN_BASE_URL);
  const prod = rewriteManifest(xml, base);
  problems = problems.concat(checkManifest(prod, { root, baseUrl: base }).map((p) => `[生产地址 ${base}] ${p}`));
  if (prod.includes("localhost")) problems.push("[生产地址] 仍含有 localhost 地址");
}
if (problems.length) {
  console.error(`清单检查未通过（${path.relative(process.cwd(), file)}）：`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log(`清单检查通过：${path.relative(process.cwd(), file)}（格式正确的 XML，元素顺序、GUID、版本号、https 地址、资源引用、图标尺寸均符合要求）`);
