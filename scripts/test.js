#!/usr/bin/env node
/**
 * `npm test`: every test of the project, then one line `tests: N passed, N failed`
 * computed from Jest's JSON results. Exit code 0 only when everything passed.
 *
 * Browser tests need Debian's chromium and fonts-wqy-microhei; on a bare machine where we are
 * root, they are installed first (as CI does). Extra arguments go to Jest (e.g. `npm test -- test/engine`).
 */
"use strict";
const { spawnSync, execSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");

function hasCommand(cmd) {
  return spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;
}
function hasChineseFont() {
  try {
    return /wqy|WenQuanYi/i.test(execSync("fc-list 2>/dev/null", { encoding: "utf8" }));
  } catch {
    return false;
  }
}

function ensureBrowser() {
  if (hasCommand("chromium") && hasChineseFont()) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot || !hasCommand("apt-get")) {
    console.warn("提示：未找到 chromium 或中文字体；浏览器测试将失败。请安装：apt-get install -y chromium fonts-wqy-microhei");
    return;
  }
  console.log("installing chromium and fonts-wqy-microhei for the browser tests …");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  const r = spawnSync("apt-get", ["install", "-y", "-qq", "chromium", "fonts-wqy-microhei"], { stdio: "inherit", env });
  if (r.status !== 0) console.warn("apt-get install chromium fonts-wqy-microhei failed");
}

ensureBrowser();

const outDir = path.join(root, "test-results");
fs.mkdirSync(outDir, { recursive: true });
const outFile = path.join(outDir, "jest.json");
try {
  fs.unlinkSync(outFile);
} catch {}

const jestBin = require.resolve("jest/bin/jest");
const args = [jestBin, "--json", `--outputFile=${outFile}`, ...process.argv.slice(2)];
const run = spawnSync(process.execPath, args, { stdio: "inherit", cwd: root });

let passed = 0;
let failed = 0;
let suitesFailed = 0;
if (fs.existsSync(outFile)) {
  const res = JSON.parse(fs.readFileSync(outFile, "utf8"));
  passed = res.numPassedTests;
  failed = res.numFailedTests;
  // A suite that fails to compile or load has no failed test but must count as a failure.
  suitesFailed = res.testResults.filter((s) => s.status === "failed" && s.assertionResults.every((a) => a.status !== "failed")).length;
  failed += suitesFailed;
} else {
  failed = 1;
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 && passed > 0 ? 0 : 1);
