#!/usr/bin/env node
/**
 * `junheng` launcher: runs the compiled command line (dist/node/cli/index.js, built by
 * `npm run build:cli`, which `npm install` runs through the "prepare" script). When the build is
 * missing it tries to build it once (TypeScript is a dev dependency of the repository).
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const root = path.resolve(__dirname, "..");
const entry = path.join(root, "dist", "node", "cli", "index.js");

function build() {
  let tsc;
  try {
    tsc = require.resolve("typescript/bin/tsc", { paths: [root] });
  } catch {
    return false;
  }
  process.stderr.write("首次运行：正在编译命令行程序（npm run build:cli）……\n");
  const r = spawnSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.cli.json")], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  return fs.existsSync(entry) && (r.status === 0 || r.status === 2);
}

if (!fs.existsSync(entry) && !build()) {
  process.stderr.write("找不到已编译的命令行程序（dist/node/cli/index.js）。\n请在项目目录中运行：npm run build:cli\n");
  process.exit(1);
}

require(entry)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
