#!/usr/bin/env node
/**
 * `npm start`
 *
 * - Windows / macOS with office-addin-debugging installed: sideloads manifest.xml into desktop Excel and
 *   runs the https dev server (Microsoft's template behaviour).
 * - Elsewhere (this Linux machine, or without the sideloading tools): builds the pages into dist/
 *   (skipped with --no-build when dist/taskpane.html exists) and serves them over
 *   http://127.0.0.1:PORT (PORT from the environment, default 3000) for the web mode, then prints in
 *   Chinese where to open it and how to use the add-in in Excel.
 *
 * Options: --no-build (serve the existing dist/), --port N (same as PORT=N).
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync, spawn } = require("child_process");
const { serveStatic } = require("./static-server");

const root = path.resolve(__dirname, "..");
const dist = path.join(root, "dist");
const args = process.argv.slice(2);
const portArg = args.indexOf("--port");
const port = Number(portArg >= 0 ? args[portArg + 1] : process.env.PORT || 3000);

function hasModule(name) {
  try {
    require.resolve(name, { paths: [root] });
    return true;
  } catch {
    return false;
  }
}

function sideload() {
  console.log("正在将加载项旁加载到桌面版 Excel（office-addin-debugging）…");
  const bin = process.platform === "win32" ? "npx.cmd" : "npx";
  const child = spawn(bin, ["office-addin-debugging", "start", "manifest.xml", "desktop", "--app", "excel"], { cwd: root, stdio: "inherit" });
  child.on("exit", (code) => process.exit(code ?? 0));
}

async function webMode() {
  const haveDist = fs.existsSync(path.join(dist, "taskpane.html"));
  if (!(args.includes("--no-build") && haveDist)) {
    console.log("正在构建网页（webpack，约 1–2 分钟）…");
    const r = spawnSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js", { paths: [root] }), "--mode", "production"], { cwd: root, stdio: "inherit" });
    if (r.status !== 0) {
      console.error("构建失败，请查看上面的错误信息。");
      process.exit(r.status || 1);
    }
  }
  let server;
  try {
    server = await serveStatic(dist, { port, host: "127.0.0.1" });
  } catch (e) {
    console.error(e && e.code === "EADDRINUSE" ? `端口 ${port} 已被占用。请换一个端口：PORT=3001 npm start` : `无法启动服务：${e.message}`);
    process.exit(1);
  }
  const page = `${server.url}taskpane.html`;
  console.log(
    [
      "",
      "优质均衡评估助手（网页版）已启动：",
      `  ${page}`,
      "",
      "使用方法：",
      "  1. 用浏览器（Edge、Chrome 或 WPS 内置浏览器）打开上面的地址；",
      "  2. 点击「示例数据」即可试用示例工作簿，或选择本机的 .xlsx 工作簿进行评估；",
      "  3. 评估结果、问题清单和报告草稿以下载文件的形式保存，学校数据不会离开本机。",
      "",
      "在 Excel 中使用：",
      "  本机没有可旁加载的桌面版 Excel。Excel 加载项需要 https 地址：",
      "  ADDIN_BASE_URL=https://（单位内网地址）/junheng/ npm run build，将 dist/ 部署到该地址，",
      "  再在 Excel 网页版中「插入 → 加载项 → 上传我的加载项」选择 dist/manifest.xml。详见 docs/addin.md。",
      "",
      `端口：${server.port}（可用 PORT=端口号 npm start 更换）。按 Ctrl+C 停止。`,
    ].join("\n"),
  );
  const stop = () => server.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if ((process.platform === "win32" || process.platform === "darwin") && hasModule("office-addin-debugging")) sideload();
else webMode();
