#!/usr/bin/env node
/**
 * `npm run package:wps`: packs dist/wps (built by `npm run build`) for the three ways of deploying
 * a WPS 加载项 (docs/wps.md), into dist/wps-package/:
 *
 *   junheng.7z            offline package: the folder junheng_<version>/ (what WPS unpacks into
 *                         the user's jsaddons folder), without source maps
 *   junheng_<version>/    the same folder unpacked (copy it by hand, or serve it for online mode)
 *   publish.xml           the intranet entry for users' jsaddons/publish.xml: the offline package at
 *                         WPS_BASE_URL/junheng.7z, which WPS downloads and unpacks
 *   publish-local.xml     the entry when the folder is copied by hand (url = the folder's name;
 *                         what the install scripts add)
 *   jsplugins.xml         the list a central server hands out (oem.ini [Server] JSPluginsServer),
 *                         with the same offline package
 *   jsplugins-online.xml  the same for online mode: the pages served at WPS_BASE_URL
 *   install-linux.sh, install-windows.bat  copy the folder and add the publish-local.xml entry
 *   junheng-install.zip   the folder, publish-local.xml and the two install scripts in one file, to hand
 *                         to users without a server (unzip, run the script for the system)
 *
 *   WPS_BASE_URL=http://edu.example.gov.cn/junheng/wps/ npm run package:wps
 *
 * The 7z is written with the 7za binary of the 7zip-bin package (a dependency of wpsjs, the same
 * tool wpsjs build uses).
 */
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const root = path.join(__dirname, "..");
const NAME = "junheng";
const TYPE = "et";
const version = require(path.join(root, "package.json")).version;
const folder = `${NAME}_${version}`;
const src = path.join(root, "dist", "wps");
const out = path.join(root, "dist", "wps-package");

function fail(message) {
  console.error(message);
  process.exit(1);
}

function baseUrl() {
  const raw = process.env.WPS_BASE_URL;
  if (!raw) {
    console.warn("提示：未设置 WPS_BASE_URL，jsplugins.xml 中的地址为示例地址 http://intranet.example/junheng/wps/，部署前请改为实际地址。");
    return "http://intranet.example/junheng/wps/";
  }
  if (!/^https?:\/\//.test(raw)) fail(`WPS_BASE_URL 必须以 http:// 或 https:// 开头：${raw}`);
  return raw.endsWith("/") ? raw : `${raw}/`;
}

function escapeXml(s) {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

/** The lines of the three lists (no XML declaration, as wpsjs writes them). */
function entries(base) {
  return {
    local: `<jsplugin name="${NAME}" type="${TYPE}" url="${folder}" version="${version}" enable="enable_dev" install="null"/>`,
    offline: `<jsplugin name="${NAME}" type="${TYPE}" url="${escapeXml(base)}${NAME}.7z" version="${version}"/>`,
    online: `<jspluginonline name="${NAME}" type="${TYPE}" url="${escapeXml(base)}"/>`,
  };
}

function list(line) {
  return `<jsplugins>\n  ${line}\n</jsplugins>\n`;
}

function copyTree(from, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    if (e.name.endsWith(".map")) continue;
    const a = path.join(from, e.name);
    const b = path.join(to, e.name);
    if (e.isDirectory()) copyTree(a, b);
    else fs.copyFileSync(a, b);
  }
}

function installLinux(line) {
  return `#!/bin/sh
# 为当前用户安装「优质均衡评估助手」WPS 加载项（离线方式）。在解压后的目录中运行：sh install-linux.sh
set -e
here=$(cd "$(dirname "$0")" && pwd)
dir="$HOME/.local/share/Kingsoft/wps/jsaddons"
mkdir -p "$dir"
rm -rf "$dir/${folder}"
cp -R "$here/${folder}" "$dir/"
if [ ! -f "$dir/publish.xml" ]; then
  printf '%s\\n' '<jsplugins>' '  ${line}' '</jsplugins>' > "$dir/publish.xml"
elif ! grep -q 'name="${NAME}"' "$dir/publish.xml"; then
  sed -i 's#</jsplugins>#  ${line.replace(/#/g, "\\#")}\\n</jsplugins>#' "$dir/publish.xml"
fi
echo "已安装到 $dir/${folder}。请重新启动 WPS 表格，功能区会出现「优质均衡」选项卡。"
`;
}

function installWindows(line) {
  return [
    "@echo off",
    "chcp 65001 >nul",
    "rem 为当前用户安装「优质均衡评估助手」WPS 加载项（离线方式）。在解压后的目录中双击运行。",
    'set "dir=%APPDATA%\\kingsoft\\wps\\jsaddons"',
    'if not exist "%dir%" mkdir "%dir%"',
    `if exist "%dir%\\${folder}" rmdir /s /q "%dir%\\${folder}"`,
    `xcopy /e /i /y "%~dp0${folder}" "%dir%\\${folder}" >nul`,
    'if exist "%dir%\\publish.xml" goto merge',
    `copy /y "%~dp0publish-local.xml" "%dir%\\publish.xml" >nul`,
    "goto done",
    ":merge",
    `findstr /c:"name=\\"${NAME}\\"" "%dir%\\publish.xml" >nul && goto done`,
    "echo 已有 publish.xml（其他加载项）。请把下面这一行加到 %dir%\\publish.xml 的 ^<jsplugins^> 与 ^</jsplugins^> 之间：",
    `echo ${line.replace(/[<>]/g, (c) => `^${c}`)}`,
    "pause",
    ":done",
    `echo 已安装到 %dir%\\${folder}。请重新启动 WPS 表格，功能区会出现「优质均衡」选项卡。`,
    "pause",
    "",
  ].join("\r\n");
}

function sevenZip() {
  const bin = require("7zip-bin").path7za;
  try {
    fs.accessSync(bin, fs.constants.X_OK);
  } catch {
    fs.chmodSync(bin, 0o755);
  }
  return bin;
}

function main() {
  if (!fs.existsSync(path.join(src, "ribbon.xml"))) fail("找不到 dist/wps/ribbon.xml：请先运行 npm run build。");
  const base = baseUrl();
  fs.rmSync(out, { recursive: true, force: true });
  copyTree(src, path.join(out, folder));
  const e = entries(base);
  fs.writeFileSync(path.join(out, "publish.xml"), list(e.offline));
  fs.writeFileSync(path.join(out, "publish-local.xml"), list(e.local));
  fs.writeFileSync(path.join(out, "jsplugins.xml"), list(e.offline));
  fs.writeFileSync(path.join(out, "jsplugins-online.xml"), list(e.online));
  fs.writeFileSync(path.join(out, "install-linux.sh"), installLinux(e.local), { mode: 0o755 });
  fs.writeFileSync(path.join(out, "install-windows.bat"), installWindows(e.local));
  const r = spawnSync(sevenZip(), ["a", "-t7z", "-bd", "-y", path.join(out, `${NAME}.7z`), folder], { cwd: out, encoding: "utf8" });
  if (r.status !== 0) fail(`打包 ${NAME}.7z 失败：${r.stderr || r.stdout}`);
  const z = spawnSync(sevenZip(), ["a", "-tzip", "-bd", "-y", path.join(out, `${NAME}-install.zip`), folder, "publish-local.xml", "install-linux.sh", "install-windows.bat"], { cwd: out, encoding: "utf8" });
  if (z.status !== 0) fail(`打包 ${NAME}-install.zip 失败：${z.stderr || z.stdout}`);
  console.log(`已生成 ${path.relative(root, out)}/：${NAME}.7z、${folder}/、publish.xml（内网）、publish-local.xml（本机）、jsplugins.xml、jsplugins-online.xml、安装脚本和 ${NAME}-install.zip。`);
}

main();
